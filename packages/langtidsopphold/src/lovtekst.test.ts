import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import {
  lesLovtekster,
  sitaterUnder,
  sjekkHjemmel as sjekkHjemmelILoven,
  sjekkSitat,
  sjekkSitater,
} from '@inntektsgrunnlag/lovsitat';
import { GRUNNBELOEP } from '@inntektsgrunnlag/regelverk';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { beregner, POSTDEFINISJON, TABELLER } from './index.js';

/**
 * This package's side of the law-quote convention (issue 17), after packages/foreldrebetaling's
 * lovtekst.test.ts: every `@lovtekst` quote in the area's code is found verbatim in the law texts kept in
 * `lovtekst/` (Lovdata's open data), in the paragraph and ledd it names; every hjemmel the area prints
 * (tables, post definition, every line of a result) names a paragraph and ledd that exist; nothing says
 * «ikke verifisert». The parsing and checking are tooling/lovsitat's (the repository-wide checker); what
 * is checked here, and the short names of the hjemler, are this package's.
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = fileURLToPath(new URL('./', import.meta.url));
const LOVER = lesLovtekster(`${ROT}lovtekst/`);

const KORTNAVN: Record<string, string> = {
  egenandelsforskriften: 'FOR-2011-12-16-1349',
  folketrygdloven: 'LOV-1997-02-28-19',
};

/** Why a quote does not stand where its tag says, or null when it does (the repository-wide checker). */
const sjekkLovtekst = (henvisning: string, sitat: string) => sjekkSitat(LOVER, henvisning, sitat);

/** Whether a printed hjemmel names a paragraph (and ledd) that exists, by this package's short names. */
const sjekkHjemmel = (hjemmel: string) => sjekkHjemmelILoven(LOVER, KORTNAVN, hjemmel);

/** Every tag in the package's non-test sources, with the «…» quote that follows it. */
const tagger = () => sitaterUnder(SRC, ['.']);

describe('law quotes in the code (@lovtekst)', () => {
  const alle = tagger();

  it('every rule module quotes the ledd it implements', () => {
    const moduler = readdirSync(`${SRC}regler`).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(moduler.length).toBeGreaterThanOrEqual(6);
    for (const m of moduler)
      expect(
        alle.some((t) => t.fil === `regler/${m}`),
        m,
      ).toBe(true);
    // § 3 første, andre, fjerde and sjette ledd; § 4; § 5 første, andre, tredje, fjerde, siste; § 6.
    expect(alle.length).toBeGreaterThanOrEqual(13);
  });

  it('every quote is found verbatim where its tag says', () => {
    const feil = sjekkSitater(LOVER, alle);
    expect(feil).toEqual([]);
  });

  it('rejects a wrong quote, a wrong paragraph and a wrong ledd', () => {
    const tredje =
      'I tillegg gjøres det fradrag med et beløp som tilsvarer 50 prosent av beboerens brutto offentlige pensjoner etter samordning';
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 5 tredje ledd', tredje)).toBeNull();
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 5 andre ledd', tredje)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 5 tredje ledd', tredje.replace('50', '40'))).toMatch(
      /står ikke/,
    );
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 5 sjuende ledd', tredje)).toMatch(/har ikke/);
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 15', tredje)).toMatch(/finnes ikke/);
    expect(
      sjekkLovtekst('FOR-2011-12-16-1349 § 5 siste ledd', 'Fradrag skal skje etter at inntekten'),
    ).toBeNull();
    // Fragments in order; the amounts of another year are not the text in force.
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 4', 'inntil kroner … pr. døgn')).toBeNull();
    expect(sjekkLovtekst('FOR-2011-12-16-1349 § 4', 'inntil kroner 200 pr. døgn')).toMatch(/står ikke/);
  });

  it('rejects a hjemmel without a paragraph, or with a ledd that does not exist', () => {
    expect(sjekkHjemmel('egenandelsforskriften § 5 tredje ledd')).toBeNull();
    expect(sjekkHjemmel('egenandelsforskriften § 3 annet ledd')).toBeNull();
    expect(sjekkHjemmel('egenandelsforskriften § 5 (paragrafnummer ikke verifisert)')).toMatch(/formen/);
    expect(sjekkHjemmel('egenandelsforskriften § 6 femte ledd')).toMatch(/har ikke/);
    expect(sjekkHjemmel('egenandelsforskriften § 16')).toMatch(/finnes ikke/);
    expect(sjekkHjemmel('forskriften § 3')).toMatch(/kortnavn/);
  });
});

describe('the hjemler langtidsopphold prints', () => {
  it('no source file says «ikke verifisert»', () => {
    const filer = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('lovtekst.test.ts'),
    );
    const treff = filer.filter((f) =>
      /ikke verifisert|paragrafnummer/i.test(readFileSync(`${SRC}${f}`, 'utf8')),
    );
    expect(treff).toEqual([]);
  });

  it('every table value and every group of the post definition names a verified paragraph', () => {
    const feil: string[] = [];
    for (const t of [...TABELLER, GRUNNBELOEP]) {
      for (const v of t.verdier) {
        const f = v.kilde.hjemmel ? sjekkHjemmel(v.kilde.hjemmel) : 'mangler hjemmel';
        if (f) feil.push(`${t.navn}@${v.gyldigFra}: ${f}`);
      }
    }
    const grupper = [
      ...POSTDEFINISJON.inntekt,
      ...POSTDEFINISJON.fradrag,
      ...(POSTDEFINISJON.mellomregninger ?? []),
    ];
    for (const g of grupper) {
      const f = g.hjemmel ? sjekkHjemmel(g.hjemmel) : null;
      if (f) feil.push(`${g.tekniskNavn}: ${f}`);
    }
    const pd = POSTDEFINISJON.kilde;
    if (!pd.hjemmel || sjekkHjemmel(pd.hjemmel)) feil.push('postdefinisjonens hjemmel');
    if (!pd.sitat || sjekkLovtekst('FOR-2011-12-16-1349 § 3 fjerde ledd', pd.sitat))
      feil.push('postdefinisjonens sitat');
    expect(feil).toEqual([]);
  });

  it('every hjemmel in the results of the golden cases and of a case with every rule is verified', () => {
    const hjemler = new Set<string>();
    const samle = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(samle);
      else if (x && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) {
          if (k === 'hjemmel' && typeof v === 'string') hjemler.add(v);
          else samle(v);
        }
      }
    };
    const kjoer = (foresporsel: unknown) =>
      samle(beregnForesporsel(beregner, foresporsel, { idag: '2026-12-07' }));
    for (const g of lesGullfiler('langtidsopphold-')) kjoer(g.foresporsel);
    for (const [vedtak, partner] of [
      [
        {
          innflyttingsdato: '2026-03-15',
          direkteFraInstitusjonFraOgMed: '2026-03-01',
          oppholdskostnadPerMaaned: 40_000,
          korttidsdoegnSammeAar: 55,
          korttidsopphold: { doegn: 10, dagEllerNattopphold: 3 },
          boutgifterAntallMaaneder: 2,
        },
        true,
      ],
      [{ forsoergerHjemme: false, dobbeltromMotEgetOenske: true }, false],
    ] as const) {
      kjoer({
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
        inntektsaar: 2025,
        beregningsdato: '2026-06-01',
        personer: [
          {
            identifikator: '05873810086',
            type: 'SOEKER',
            poster: [
              { tekniskNavn: 'alderspensjonFraFolketrygden', beloep: 300_000 },
              { tekniskNavn: 'samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg', beloep: 80_000 },
              {
                tekniskNavn: '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
                beloep: 90_000,
              },
            ],
            ekstraposter: [
              { tekniskNavn: 'kommune.boutgifter', beloep: 8_000 },
              { tekniskNavn: 'kommune.skjoennsmessigeFradrag', beloep: 1_000 },
            ],
          },
          ...(partner
            ? [
                {
                  identifikator: '12834010060',
                  type: 'EKTEFELLE',
                  poster: [{ tekniskNavn: 'alderspensjonFraFolketrygden', beloep: 150_000 }],
                  ekstraposter: [{ tekniskNavn: 'kommune.tenktEtterlattePensjon', beloep: 200_000 }],
                },
              ]
            : []),
        ],
        vedtak,
      });
    }
    expect(hjemler.size).toBeGreaterThanOrEqual(10);
    for (const h of [
      'egenandelsforskriften § 3 første ledd',
      'egenandelsforskriften § 5 andre ledd',
      'egenandelsforskriften § 5 tredje ledd',
      'egenandelsforskriften § 6 første ledd',
      'egenandelsforskriften § 6 tredje ledd',
    ])
      expect(hjemler, h).toContain(h);
    expect([...hjemler].flatMap((h) => sjekkHjemmel(h) ?? [])).toEqual([]);
  });
});
