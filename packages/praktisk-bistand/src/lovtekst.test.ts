import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import {
  lesLovtekster,
  sitaterUnder,
  sjekkHjemmel as sjekkHjemmelILoven,
  sjekkSitat,
  sjekkSitater,
  sjekkSitatILoven,
} from '@inntektsgrunnlag/lovsitat';
import type { BeregningslinjeJson } from '@inntektsgrunnlag/regelverk';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import {
  beregner,
  FORSKRIFT_KILDE,
  HJEMMEL_2G,
  HJEMMEL_AARLIG_OPPDATERING,
  HJEMMEL_BEHOLDE_TILSTREKKELIG,
  HJEMMEL_HUSSTAND,
  HJEMMEL_INNTEKT,
  HJEMMEL_KOMMUNENS_SATSER,
  HJEMMEL_PARAGRAF_8,
  HJEMMEL_PARAGRAF_8_BARN,
  HJEMMEL_SELVKOST,
  HJEMMEL_SELVKOST_BEREGNING,
  HJEMMEL_UTENFOR_HUSSTANDEN,
  KS_PRAKTISK_BISTAND,
  LOVDATA_HUSSTAND,
  LOVDATA_INNTEKT,
  LOVDATA_PARAGRAF_8,
  LOVDATA_SELVKOST,
  MAKS_EGENANDEL_UNDER_2G,
  POSTDEFINISJON,
} from './index.js';

/**
 * This package's side of the law-quote convention (issue 17), after packages/foreldrebetaling's: every
 * `@lovtekst` quote in the area's code is found verbatim in the law texts kept in `lovtekst/` (Lovdata's
 * open data), in the paragraph and ledd it names (or, with `i kraft`, in that version of the history);
 * every source quoting the forskrift is found in it; every hjemmel the area prints names a paragraph and
 * ledd that exist, and none says «ikke verifisert». The parsing and checking are tooling/lovsitat's (the
 * repository-wide checker); what is checked here, and the short names of the hjemler, are this package's.
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = fileURLToPath(new URL('./', import.meta.url));
const LOVER = lesLovtekster(`${ROT}lovtekst/`);

const KORTNAVN: Record<string, string> = {
  egenandelsforskriften: 'FOR-2011-12-16-1349',
  folketrygdloven: 'LOV-1997-02-28-19',
  'helse- og omsorgstjenesteloven': 'LOV-2011-06-24-30',
};

/** Why a quote does not stand where its tag says, or null when it does (the repository-wide checker). */
const sjekkLovtekst = (henvisning: string, sitat: string) => sjekkSitat(LOVER, henvisning, sitat);

/** Whether a printed hjemmel names a paragraph (and ledd) that exists, by this package's short names. */
const sjekkHjemmel = (hjemmel: string) => sjekkHjemmelILoven(LOVER, KORTNAVN, hjemmel);

/** Every tag in the package's non-test sources, with the «…» quote that follows it. */
const tagger = () => sitaterUnder(SRC, ['.']);

describe('law quotes in the code (@lovtekst)', () => {
  const alle = tagger();

  it('every rule module quotes the law it implements, and every ledd of §§ 9 and 10 the product uses', () => {
    const moduler = readdirSync(`${SRC}regler`).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const m of moduler)
      expect(
        alle.some((t) => t.fil === `regler/${m}`),
        m,
      ).toBe(true);
    const henvisninger = new Set(alle.map((t) => t.henvisning));
    for (const ledd of [
      '§ 8 første ledd',
      '§ 8 tredje ledd',
      '§ 9 første ledd',
      '§ 9 andre ledd',
      '§ 9 tredje ledd',
      '§ 10 første ledd',
      '§ 10 andre ledd',
      '§ 10 tredje ledd',
      '§ 10 fjerde ledd',
      '§ 10 femte ledd',
    ]) {
      expect(henvisninger.has(`FOR-2011-12-16-1349 ${ledd}`), ledd).toBe(true);
    }
  });

  it('every quote is found verbatim where its tag says', () => {
    const feil = sjekkSitater(LOVER, alle);
    expect(feil).toEqual([]);
  });

  it('rejects a wrong quote, a wrong paragraph, a wrong ledd and a wrong version', () => {
    const sitat = 'Til grunn for fastsetting av utgiftstaket legges G pr. 1. januar i det aktuelle året.';
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 10 andre ledd', sitat)).toBeNull();
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 10 første ledd', sitat)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 9 andre ledd', sitat)).toMatch(/står ikke/);
    expect(
      sjekkLovtekst('FOR-2011-12-16-1349 § 10 andre ledd', sitat.replace('1. januar', '1. mai')),
    ).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 9 sjette ledd', 'Selvkost')).toMatch(/har ikke/);
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 99', 'Selvkost')).toMatch(/finnes ikke/);
    // The amount of 2016 is in that year's version, not in the text in force.
    const tak2016 = 'utgiftstak på kroner 190 pr. måned';
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 10 i kraft 2016-01-01', tak2016)).toBeNull();
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 10 andre ledd', tak2016)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 10 i kraft 2016-01-02', tak2016)).toMatch(/ingen versjon/);
    // Fragments must come in order.
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 9 andre ledd', 'halvtime … Selvkost beregnes')).toMatch(
      /står ikke/,
    );
  });

  it('rejects a hjemmel that is not of the form, names no paragraph, or a ledd that does not exist', () => {
    expect(sjekkHjemmel('egenandelsforskriften § 10 femte ledd')).toBeNull();
    expect(sjekkHjemmel('egenandelsforskriften § 9 fjerde ledd')).toBeNull();
    expect(sjekkHjemmel('egenandelsforskriften § 9 femte ledd')).toMatch(/har ikke/);
    expect(sjekkHjemmel('egenandelsforskriften § 10 (2 G-grensen; rundskriv I-1/yyyy)')).toMatch(/formen/);
    expect(sjekkHjemmel('egenandelsforskriften kapittel 2 (trolig § 9, ikke verifisert)')).toMatch(/formen/);
    expect(sjekkHjemmel('egenandelsforskriften § 42')).toMatch(/finnes ikke/);
    expect(sjekkHjemmel('forskriften § 10')).toMatch(/kortnavn/);
  });
});

describe('sources and hjemler the area prints', () => {
  it('every hjemmel constant and source names a verified paragraph and ledd', () => {
    const hjemler = [
      HJEMMEL_2G,
      HJEMMEL_AARLIG_OPPDATERING,
      HJEMMEL_BEHOLDE_TILSTREKKELIG,
      HJEMMEL_HUSSTAND,
      HJEMMEL_INNTEKT,
      HJEMMEL_KOMMUNENS_SATSER,
      HJEMMEL_PARAGRAF_8,
      HJEMMEL_PARAGRAF_8_BARN,
      HJEMMEL_SELVKOST,
      HJEMMEL_SELVKOST_BEREGNING,
      HJEMMEL_UTENFOR_HUSSTANDEN,
      ...[
        FORSKRIFT_KILDE,
        KS_PRAKTISK_BISTAND,
        LOVDATA_HUSSTAND,
        LOVDATA_INNTEKT,
        LOVDATA_PARAGRAF_8,
        LOVDATA_SELVKOST,
      ]
        .map((k) => k.hjemmel)
        .filter((h): h is string => h !== undefined),
      ...POSTDEFINISJON.inntekt.map((g) => g.hjemmel).filter((h): h is string => h !== undefined),
    ];
    expect(hjemler.flatMap((h) => sjekkHjemmel(h) ?? [])).toEqual([]);
    // The sources that quote the forskrift quote it verbatim, in the paragraph and ledd they name.
    for (const k of [LOVDATA_HUSSTAND, LOVDATA_INNTEKT, LOVDATA_PARAGRAF_8, LOVDATA_SELVKOST]) {
      const m = /^egenandelsforskriften (§ .+)$/.exec(k.hjemmel ?? '');
      expect(m, k.tittel).not.toBeNull();
      expect(sjekkLovtekst(`FOR-2011-12-16-1349 ${m?.[1]}`, k.sitat ?? ''), k.tittel).toBeNull();
    }
  });

  it('every table value names a verified paragraph and ledd; one from lovdata.no quotes the text', () => {
    const feil: string[] = [];
    MAKS_EGENANDEL_UNDER_2G.verdier.forEach((v, i) => {
      const k = v.kilde;
      const hvor = `${MAKS_EGENANDEL_UNDER_2G.navn}[${i}]`;
      const f = k.hjemmel ? sjekkHjemmel(k.hjemmel) : 'mangler hjemmel';
      if (f) feil.push(`${hvor}: ${f}`);
      if (k.url?.includes('lovdata.no') && k.sitat) {
        const f = sjekkSitatILoven(LOVER, 'FOR-2011-12-16-1349', k.sitat);
        if (f) feil.push(`${hvor}: ${f}`);
      }
    });
    expect(feil).toEqual([]);
  });

  it('no source file of the package says «ikke verifisert»', () => {
    const filer = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const funn = filer.filter((f) => /ikke verifisert/i.test(readFileSync(`${SRC}${f}`, 'utf8')));
    expect(funn).toEqual([]);
  });

  it('every hjemmel in the results of the golden cases and of cases that use every rule is verified', () => {
    const hjemler = new Set<string>();
    const samle = (linjer: BeregningslinjeJson[]) => {
      for (const l of linjer) {
        if (l.hjemmel) hjemler.add(l.hjemmel);
        samle(l.linjer ?? []);
      }
    };
    const kjoer = (foresporsel: unknown, innstillinger?: unknown) => {
      const r = beregnForesporsel(beregner, foresporsel, { idag: '2026-12-07', innstillinger });
      samle(r.tabell.linjer);
      for (const h of r.hovedtall) if (h.hjemmel) hjemler.add(h.hjemmel);
      const e = r.egenandel as { trinn: { hjemmel: string }; grunnbeloep: { hjemmel: string } } | null;
      if (e) {
        hjemler.add(e.trinn.hjemmel);
        hjemler.add(e.grunnbeloep.hjemmel);
      }
    };
    for (const g of lesGullfiler('praktisk-bistand')) kjoer(g.foresporsel);
    const person = (identifikator: string, type: string, beloep: number) => ({
      identifikator,
      type,
      poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep }],
    });
    for (const [dato, inntekt] of [
      ['2022-03-01', 100000],
      ['2022-06-01', 300000],
      ['2024-12-01', 100000],
      ['2024-12-01', 500000],
    ] as const) {
      kjoer(
        {
          beregningstype: 'PRAKTISK_BISTAND',
          inntektsaar: Number(dato.slice(0, 4)) - 3,
          beregningsdato: dato,
          personer: [
            person('23914510023', 'SOEKER', inntekt),
            person('09825010081', 'EKTEFELLE', 50000),
            person('04817299771', 'BARN', 0),
          ],
          vedtak: {
            hjelpGrunnetBarnsBehov: true,
            utenforHusstanden: [{ identifikator: '09825010081', grunn: 'LANGTIDSOPPHOLD' }],
            inntektsaarBegrunnelse: { aarsak: 'VESENTLIG_ENDRET_INNTEKT', forklaring: 'ny jobb' },
            timerPerMaaned: '3.3',
            prisPerMaaned: 5000,
            beholderTilstrekkeligMaks: 150,
          },
        },
        {
          trinnOver2G: [{ fraOgMedG: 2, maksPerMaaned: 700 }],
          selvkostgrunnlag: { gjennomsnittligTimeloenn: 300, sosialeUtgifter: 100 },
        },
      );
    }
    expect(hjemler.size).toBeGreaterThan(8);
    expect([...hjemler].flatMap((h) => sjekkHjemmel(h) ?? [])).toEqual([]);
    expect([...hjemler].filter((h) => /ikke verifisert/.test(h))).toEqual([]);
  });
});
