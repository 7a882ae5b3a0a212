import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
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
 * ledd that exist, and none says «ikke verifisert».
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const LOVTEKST = `${ROT}lovtekst/`;
const SRC = fileURLToPath(new URL('./', import.meta.url));

const KORTNAVN: Record<string, string> = {
  egenandelsforskriften: 'FOR-2011-12-16-1349',
  folketrygdloven: 'LOV-1997-02-28-19',
  'helse- og omsorgstjenesteloven': 'LOV-2011-06-24-30',
};

const ORDINALER = ['første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende', 'åttende'];
function leddnummer(ord: string): number | 'siste' {
  if (ord === 'siste') return 'siste';
  if (ord === 'annet') return 2;
  const i = ORDINALER.indexOf(ord);
  if (i < 0) throw new Error(`ukjent ledd «${ord}»`);
  return i + 1;
}

/** Whitespace as one space, without Markdown's quote and list markers. */
function normaliser(tekst: string): string {
  return tekst
    .split('\n')
    .map((l) => l.replace(/^>\s?/, '').replace(/^\s*-\s+/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Lovfil {
  id: string;
  historikk: boolean;
  tekst: string;
}

function idFraRefid(refid: string): string {
  const m = /^(lov|forskrift)\/(\d{4}-\d{2}-\d{2}(?:-\d+)?)$/.exec(refid);
  if (!m) throw new Error(`ukjent refid ${refid}`);
  return `${m[1] === 'lov' ? 'LOV' : 'FOR'}-${m[2]}`;
}

const FILER: Lovfil[] = readdirSync(LOVTEKST)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => {
    const tekst = readFileSync(`${LOVTEKST}${f}`, 'utf8');
    const refid = /^refid: "([^"]+)"$/m.exec(tekst)?.[1];
    if (!refid) throw new Error(`${f} har ingen refid`);
    return { id: idFraRefid(refid), historikk: /^# Endringshistorikk/m.test(tekst), tekst };
  });

const filerFor = (id: string) => FILER.filter((f) => f.id === id);

/** The ledd of a paragraph's body: blocks between blank lines, without the italic amendment note. */
function leddAv(kropp: string): string[] {
  return kropp
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '' && !/^\*[^*].*\*$/s.test(b));
}

/** The body of § `paragraf` in a consolidated text, or null. */
function paragrafKonsolidert(tekst: string, paragraf: string): string | null {
  const linjer = tekst.split('\n');
  const start = linjer.findIndex((l) => new RegExp(`^#{2,6}\\s+§\\s*${paragraf}\\.(\\s|$)`).test(l));
  if (start < 0) return null;
  const slutt = linjer.findIndex((l, i) => i > start && /^#/.test(l));
  return linjer.slice(start + 1, slutt < 0 ? undefined : slutt).join('\n');
}

/** Every wording of § `paragraf` in a history text in force from `dato` («## § 10», «### 2016-01-01 — …»). */
function versjonerIHistorikk(tekst: string, paragraf: string, dato: string): string[] {
  const ut: string[] = [];
  for (const del of tekst.split(/^## /m).slice(1)) {
    const seksjon = del.split('\n')[0]?.trim() ?? '';
    if (!new RegExp(`^§ ${paragraf}(\\D|$)`).test(seksjon)) continue;
    for (const v of del.split(/^### /m).slice(1)) if (v.startsWith(dato)) ut.push(v);
  }
  return ut;
}

/** Each `…`-separated fragment of the quote, in order, in the text. */
function fragmenterFinnes(sitat: string, tekst: string): boolean {
  const n = normaliser(tekst);
  let fra = 0;
  for (const fragment of sitat.split('…').map((x) => normaliser(x))) {
    if (fragment === '') continue;
    const i = n.indexOf(fragment, fra);
    if (i < 0) return false;
    fra = i + fragment.length;
  }
  return true;
}

const HENVISNING =
  /^((?:LOV|FOR)-\d{4}-\d{2}-\d{2}-\d+) § (\d+[A-Za-z]?(?:-\d+)?)(?: ([a-zæøå]+) ledd)?(?: i kraft (\d{4}-\d{2}-\d{2}))?$/;

/** Why a quote does not check out, or null when it does. */
function sjekkLovtekst(henvisning: string, sitat: string): string | null {
  const m = HENVISNING.exec(henvisning);
  if (!m) return `ikke en henvisning: «${henvisning}»`;
  const [, id = '', paragraf = '', leddOrd, iKraft] = m;
  const filer = filerFor(id);
  if (filer.length === 0) return `${id} finnes ikke i lovtekst/`;
  if (iKraft) {
    const versjoner = filer
      .filter((f) => f.historikk)
      .flatMap((f) => versjonerIHistorikk(f.tekst, paragraf, iKraft));
    if (versjoner.length === 0) return `ingen versjon av § ${paragraf} i kraft ${iKraft}`;
    return versjoner.some((v) => fragmenterFinnes(sitat, v)) ? null : `sitatet står ikke i § ${paragraf}`;
  }
  const kropper = filer
    .filter((f) => !f.historikk)
    .map((f) => paragrafKonsolidert(f.tekst, paragraf))
    .filter((k): k is string => k !== null);
  if (kropper.length === 0) return `§ ${paragraf} finnes ikke i ${id}`;
  for (const kropp of kropper) {
    if (!leddOrd) {
      if (fragmenterFinnes(sitat, kropp)) return null;
      continue;
    }
    const n = leddnummer(leddOrd);
    const ledd = leddAv(kropp);
    const valgt = n === 'siste' ? ledd.at(-1) : ledd[n - 1];
    if (valgt === undefined) return `§ ${paragraf} har ikke ${leddOrd} ledd`;
    if (fragmenterFinnes(sitat, valgt)) return null;
  }
  return `sitatet står ikke i ${henvisning.replace(/^\S+ /, '')}`;
}

/** Whether a printed hjemmel names a paragraph (and ledd) that exists in its law's text. */
function sjekkHjemmel(hjemmel: string): string | null {
  const m = /^(.+?) § (\d+[A-Za-z]?(?:-\d+)?)(?: ([a-zæøå]+) ledd)?$/.exec(hjemmel);
  if (!m) return `«${hjemmel}» har ikke formen <kortnavn> § <n>[ <ordinal> ledd]`;
  const id = KORTNAVN[m[1] as string];
  if (!id) return `ukjent kortnavn «${m[1]}»`;
  const paragraf = m[2] as string;
  for (const f of filerFor(id).filter((x) => !x.historikk)) {
    const kropp = paragrafKonsolidert(f.tekst, paragraf);
    if (kropp === null) continue;
    if (!m[3]) return null;
    const n = leddnummer(m[3]);
    return n === 'siste' || leddAv(kropp).length >= n ? null : `§ ${paragraf} har ikke ${m[3]} ledd`;
  }
  return `§ ${paragraf} finnes ikke i ${id}`;
}

interface Tagg {
  fil: string;
  henvisning: string;
  sitat: string | null;
}

/** Every tag in the package's non-test sources, with the «…» quote that follows it. */
function tagger(): Tagg[] {
  const ut: Tagg[] = [];
  const filer = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  for (const fil of filer) {
    const linjer = readFileSync(`${SRC}${fil}`, 'utf8')
      .split('\n')
      .map((l) => l.replace(/^\s*(\/\*\*|\*\/|\*|\/\/)\s?/, ''));
    linjer.forEach((linje, i) => {
      const m = /^@lovtekst (.+)$/.exec(linje.trim());
      if (!m) return;
      const etter: string[] = [];
      for (const l of linjer.slice(i + 1)) {
        if (l.trim() === '' || l.trim().startsWith('@')) break;
        etter.push(l);
      }
      const sitat = /^\s*«([^»]*)»/.exec(etter.join(' '))?.[1] ?? null;
      ut.push({ fil, henvisning: (m[1] as string).trim(), sitat });
    });
  }
  return ut;
}

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
    const feil: string[] = [];
    for (const t of alle) {
      if (t.sitat === null) {
        feil.push(`${t.fil}: @lovtekst ${t.henvisning} har intet sitat`);
        continue;
      }
      const f = sjekkLovtekst(t.henvisning, t.sitat);
      if (f) feil.push(`${t.fil}: @lovtekst ${t.henvisning}: ${f}: «${t.sitat.slice(0, 60)}…»`);
    }
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
        const forskrift = filerFor('FOR-2011-12-16-1349');
        if (!forskrift.some((x) => fragmenterFinnes(k.sitat ?? '', x.tekst)))
          feil.push(`${hvor}: sitatet står ikke i FOR-2011-12-16-1349`);
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
