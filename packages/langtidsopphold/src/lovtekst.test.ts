import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { GRUNNBELOEP } from '@inntektsgrunnlag/regelverk';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { beregner, POSTDEFINISJON, TABELLER } from './index.js';

/**
 * This package's side of the law-quote convention (issue 17), after packages/foreldrebetaling's
 * lovtekst.test.ts: every `@lovtekst` quote in the area's code is found verbatim in the law texts kept in
 * `lovtekst/` (Lovdata's open data), in the paragraph and ledd it names; every hjemmel the area prints
 * (tables, post definition, every line of a result) names a paragraph and ledd that exist; nothing says
 * «ikke verifisert». The repository-wide checker lives in tooling/; this test keeps the package honest.
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const LOVTEKST = `${ROT}lovtekst/`;
const SRC = fileURLToPath(new URL('./', import.meta.url));

const KORTNAVN: Record<string, string> = {
  egenandelsforskriften: 'FOR-2011-12-16-1349',
  folketrygdloven: 'LOV-1997-02-28-19',
};

const ORDINALER = ['første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette', 'sjuende', 'åttende'];
function leddnummer(ord: string): number | 'siste' {
  if (ord === 'siste') return 'siste';
  if (ord === 'annet') return 2;
  if (ord === 'syvende') return 7;
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

/** The consolidated texts (not the history files), by id. */
const KONSOLIDERT: Record<string, string[]> = {};
for (const f of readdirSync(LOVTEKST).filter((x) => x.endsWith('.md') && x !== 'README.md')) {
  const tekst = readFileSync(`${LOVTEKST}${f}`, 'utf8');
  if (/^# Endringshistorikk/m.test(tekst)) continue;
  const m = /^refid: "(lov|forskrift)\/(\d{4}-\d{2}-\d{2}(?:-\d+)?)"$/m.exec(tekst);
  if (!m) continue;
  const id = `${m[1] === 'lov' ? 'LOV' : 'FOR'}-${m[2]}`;
  KONSOLIDERT[id] = [...(KONSOLIDERT[id] ?? []), tekst];
}

/** The ledd of a paragraph's body: blocks between blank lines, a list belonging to the ledd before it. */
function leddAv(kropp: string): string[] {
  const blokker = kropp
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '' && !/^\*[^*].*\*$/s.test(b));
  const ledd: string[] = [];
  for (const b of blokker) {
    if (b.split('\n').every((l) => /^\s*-\s/.test(l)) && ledd.length > 0) ledd[ledd.length - 1] += `\n${b}`;
    else ledd.push(b);
  }
  return ledd;
}

/** The body of § `paragraf` in a consolidated text, or null. */
function paragraf(tekst: string, nr: string): string | null {
  const linjer = tekst.split('\n');
  const start = linjer.findIndex((l) => new RegExp(`^#{2,6}\\s+§\\s*${nr}\\.(\\s|$)`).test(l));
  if (start < 0) return null;
  const slutt = linjer.findIndex((l, i) => i > start && /^#/.test(l));
  return linjer.slice(start + 1, slutt < 0 ? undefined : slutt).join('\n');
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

/** The ledd a reference names, or why it does not exist. */
function leddFor(id: string, nr: string, ledd: string | undefined): string[] | string {
  const kropper = (KONSOLIDERT[id] ?? []).map((t) => paragraf(t, nr)).filter((k): k is string => k !== null);
  if (kropper.length === 0) return `§ ${nr} finnes ikke i ${id}`;
  if (ledd === undefined) return kropper;
  const n = leddnummer(ledd);
  const valgt = kropper
    .map((k) => leddAv(k))
    .map((l) => (n === 'siste' ? l.at(-1) : l[n - 1]))
    .filter((x): x is string => x !== undefined);
  return valgt.length > 0 ? valgt : `§ ${nr} har ikke ${ledd} ledd`;
}

/** Why a quote does not check out against `FOR-… § n [ledd]`, or null when it does. */
function sjekkLovtekst(henvisning: string, sitat: string): string | null {
  const m = /^((?:LOV|FOR)-\d{4}-\d{2}-\d{2}(?:-\d+)?) § (\d+(?:-\d+)?)(?: ([a-zæøå]+) ledd)?$/.exec(
    henvisning,
  );
  if (!m) return `ikke en henvisning: «${henvisning}»`;
  const ledd = leddFor(m[1] as string, m[2] as string, m[3]);
  if (typeof ledd === 'string') return ledd;
  return ledd.some((l) => fragmenterFinnes(sitat, l))
    ? null
    : `sitatet står ikke i ${henvisning.replace(/^\S+ /, '')}`;
}

/** Whether a printed hjemmel names a paragraph (and ledd) that exists in its law's text. */
function sjekkHjemmel(hjemmel: string): string | null {
  const m = /^(.+?) § (\d+(?:-\d+)?)(?: ([a-zæøå]+) ledd)?$/.exec(hjemmel);
  if (!m) return `«${hjemmel}» har ikke formen <kortnavn> § <n>[ <ordinal> ledd]`;
  const id = KORTNAVN[m[1] as string];
  if (!id) return `ukjent kortnavn «${m[1]}»`;
  const ledd = leddFor(id, m[2] as string, m[3]);
  return typeof ledd === 'string' ? ledd : null;
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
    const feil: string[] = [];
    for (const t of alle) {
      if (t.sitat === null) feil.push(`${t.fil}: @lovtekst ${t.henvisning} har intet sitat`);
      else {
        const f = sjekkLovtekst(t.henvisning, t.sitat);
        if (f) feil.push(`${t.fil}: @lovtekst ${t.henvisning}: ${f}: «${t.sitat.slice(0, 60)}…»`);
      }
    }
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
