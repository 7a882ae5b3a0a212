import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import {
  idFraRefid,
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
  hjemmelHusholdningensInntekt,
  hjemmelKjernetid,
  hjemmelSeksProsentBarnehage,
  hjemmelSfoGratistimer,
  hjemmelSfoPris,
  hjemmelSfoSaerlegeBehov,
  hjemmelSfoSeksProsent,
  hjemmelSoesken,
  POSTDEFINISJON,
  TABELLER,
} from './index.js';

/**
 * This package's side of the law-quote convention (issue 17): every `@lovtekst` quote in the area's code is
 * found verbatim in the law texts kept in `lovtekst/` (Lovdata's open data), in the paragraph and ledd it
 * names, in the merknad to the paragraph (`§ 3a merknad`), or, with `i kraft`, in that wording (a version
 * of the history file, or an amending act of that law in force that day); every table value whose source
 * is on lovdata.no quotes that law; every hjemmel the area prints names a paragraph (and ledd) that
 * exists. The parsing and checking are tooling/lovsitat's (the repository-wide checker); what is checked
 * here, and the short names of the hjemler, are this package's.
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = fileURLToPath(new URL('./', import.meta.url));
const LOVER = lesLovtekster(`${ROT}lovtekst/`);

const KORTNAVN: Record<string, string> = {
  egenandelsforskriften: 'FOR-2011-12-16-1349',
  'forskrift om foreldrebetaling i barnehager': 'FOR-2005-12-16-1478',
  opplæringsforskrifta: 'FOR-2024-06-03-900',
  'forskrift til opplæringslova': 'FOR-2006-06-23-724',
  opplæringslova: 'LOV-2023-06-09-30',
  folketrygdloven: 'LOV-1997-02-28-19',
  'helse- og omsorgstjenesteloven': 'LOV-2011-06-24-30',
  barnehageloven: 'LOV-2005-06-17-64',
  finansieringsforskriften: 'FOR-2026-03-23-454',
};

/** Why a quote does not stand where its tag says, or null when it does (the repository-wide checker). */
const sjekkLovtekst = (henvisning: string, sitat: string) => sjekkSitat(LOVER, henvisning, sitat);

/** The quote anywhere in a law's files (its own and its amending acts). */
const sjekkEndringstekst = (id: string, sitat: string) => sjekkSitatILoven(LOVER, id, sitat);

/** Whether a printed hjemmel names a paragraph (and ledd) that exists, by this package's short names. */
const sjekkHjemmel = (hjemmel: string) => sjekkHjemmelILoven(LOVER, KORTNAVN, hjemmel);

/** Every tag in the package's non-test sources, with the «…» quote that follows it. */
const tagger = () => sitaterUnder(SRC, ['.']);

describe('law quotes in the code (@lovtekst)', () => {
  const alle = tagger();

  it('every rule module quotes the law it implements', () => {
    const moduler = readdirSync(`${SRC}regler`).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const m of moduler) {
      expect(
        alle.some((t) => t.fil === `regler/${m}`),
        m,
      ).toBe(true);
    }
    expect(alle.length).toBeGreaterThan(25);
  });

  it('every quote is found verbatim where its tag says', () => {
    const feil = sjekkSitater(LOVER, alle);
    expect(feil).toEqual([]);
  });

  it('rejects a wrong quote, a wrong paragraph, a wrong ledd and a wrong version', () => {
    const sitat = 'Med husholdningens inntekter menes i forskriften her husholdningens samlede personinntekt';
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d tredje ledd', sitat)).toBeNull();
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d tredje ledd', `${sitat} og formue`)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3c', sitat)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d andre ledd', sitat)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d niende ledd', sitat)).toMatch(/har ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 9', sitat)).toMatch(/finnes ikke/);
    // The list under § 3a første ledd belongs to it; «Reduksjon …» is andre ledd.
    expect(
      sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd', '… søsknene bor fast sammen, og, …'),
    ).toBeNull();
    expect(
      sjekkLovtekst('FOR-2005-12-16-1478 § 3a andre ledd', 'Reduksjon i foreldrebetalingen som følge av'),
    ).toBeNull();
    // The 2020 wording (50 %) is in the history, not in the text in force.
    const femti = 'minimum 50 prosent reduksjon i foreldrebetaling for barn nummer 3';
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd i kraft 2020-02-28', femti)).toBeNull();
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd', femti)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd i kraft 2023-08-01', femti)).toMatch(
      /ingen versjon/,
    );
    // Fragments must come in order.
    expect(
      sjekkLovtekst('FOR-2005-12-16-1478 § 1 første ledd', 'Betaling for kost … maksimalgrense'),
    ).toMatch(/står ikke/);
    const nestEldste = 'det nest eldste barnet som går i barnehage';
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a merknad', nestEldste)).toBeNull();
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3b merknad', nestEldste)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a', nestEldste)).toMatch(/står ikke/);
    // The statutory right of 1.8.2026 is in the amending act LOV-2026-02-13-6, not in the text of 2024.
    const rett = 'Elevar på 1. til 3. trinn har rett til 12 timar gratis skolefritidsordning per veke.';
    expect(sjekkLovtekst('LOV-2023-06-09-30 § 4-5 andre ledd i kraft 2026-08-01', rett)).toBeNull();
    expect(sjekkLovtekst('LOV-2023-06-09-30 § 4-5 andre ledd', rett)).toMatch(/står ikke/);
    expect(
      sjekkLovtekst('LOV-2023-06-09-30 § 4-5 andre ledd i kraft 2026-08-01', rett.replace('12', '15')),
    ).toMatch(/står ikke/);
    // A chapter-wide amendment (kapittel 1B, 2020): each paragraph from its own marker.
    const gratis = 'Tilbodet på 5.–7. årstrinn skal vere gratis.';
    expect(sjekkLovtekst('FOR-2006-06-23-724 § 1B-3 i kraft 2020-08-01', gratis)).toBeNull();
    expect(sjekkLovtekst('FOR-2006-06-23-724 § 1B-2 i kraft 2020-08-01', gratis)).toMatch(/står ikke/);
  });

  it('rejects a hjemmel that is not of the form, names no paragraph, or a ledd that does not exist', () => {
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3a første ledd')).toBeNull();
    expect(sjekkHjemmel('forskrift til opplæringslova § 1B-4 første ledd')).toBeNull();
    expect(sjekkHjemmel('opplæringslova § 4-5 andre ledd')).toBeNull();
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager §§ 3b og 3c')).toMatch(/formen/);
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3 (ikke verifisert)')).toMatch(
      /formen/,
    );
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3z')).toMatch(/finnes ikke/);
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3b sjette ledd')).toMatch(/har ikke/);
    expect(sjekkHjemmel('forskriften § 3b')).toMatch(/kortnavn/);
  });
});

describe('sources and hjemler the area prints', () => {
  it('every table value from lovdata.no quotes that law, with konfidens A; every hjemmel exists', () => {
    const feil: string[] = [];
    for (const t of TABELLER) {
      t.verdier.forEach((v, i) => {
        const k = v.kilde;
        const hvor = `${t.navn}[${i}]`;
        if (!k.hjemmel) feil.push(`${hvor}: mangler hjemmel`);
        else {
          const f = sjekkHjemmel(k.hjemmel);
          if (f) feil.push(`${hvor}: ${f}`);
        }
        if (k.url?.includes('lovdata.no')) {
          const m = /(lov|forskrift)\/(\d{4}-\d{2}-\d{2}-\d+)/.exec(k.url);
          const id = m ? idFraRefid(`${m[1]}/${m[2]}`) : '';
          if (k.konfidens !== 'A') feil.push(`${hvor}: Lovdata-kilde uten konfidens A`);
          if (!k.tittel.includes('Lovdatas åpne data'))
            feil.push(`${hvor}: tittel sier ikke hvor teksten er lest`);
          if (!k.sitat) feil.push(`${hvor}: Lovdata-kilde uten sitat`);
          else if (sjekkEndringstekst(id, k.sitat)) feil.push(`${hvor}: sitatet står ikke i ${id}`);
        } else if (k.konfidens !== 'A' && !/ikke lovtekst|Udir|Lovdatas/.test(k.tittel)) {
          feil.push(`${hvor}: kilde utenfor lovteksten sier ikke hva den er`);
        }
      });
    }
    const pd = POSTDEFINISJON.kilde;
    if (pd.sitat && sjekkEndringstekst('FOR-2005-12-16-1478', pd.sitat)) feil.push('postdefinisjonens sitat');
    for (const g of [...POSTDEFINISJON.inntekt, ...POSTDEFINISJON.fradrag]) {
      const f = g.hjemmel ? sjekkHjemmel(g.hjemmel) : `${g.tekniskNavn} mangler hjemmel`;
      if (f) feil.push(`${g.tekniskNavn}: ${f}`);
    }
    expect(feil).toEqual([]);
  });

  it('every dated hjemmel names a paragraph that exists, on every date from 2018 to 2026', () => {
    const feil: string[] = [];
    for (let aar = 2018; aar <= 2026; aar++) {
      for (const dag of ['01-01', '02-28', '08-01', '12-31']) {
        const dato = `${aar}-${dag}`;
        const hjemler = [
          hjemmelSeksProsentBarnehage(dato),
          hjemmelSoesken(dato),
          hjemmelKjernetid(dato),
          hjemmelSfoPris(dato),
          hjemmelSfoSeksProsent(dato),
          hjemmelSfoGratistimer(dato),
          hjemmelSfoSaerlegeBehov(dato),
          hjemmelHusholdningensInntekt([{ tilbud: 'BARNEHAGE' }], dato),
          hjemmelHusholdningensInntekt([{ tilbud: 'SFO' }], dato),
        ];
        for (const h of hjemler) {
          const f = h === undefined ? null : sjekkHjemmel(h);
          if (f) feil.push(`${dato}: ${f}`);
        }
      }
    }
    expect(feil).toEqual([]);
  });

  it('every hjemmel in the results of the golden cases and of cases in every period is verified', () => {
    const hjemler = new Set<string>();
    const samle = (linjer: BeregningslinjeJson[]) => {
      for (const l of linjer) {
        if (l.hjemmel) hjemler.add(l.hjemmel);
        samle(l.linjer ?? []);
      }
    };
    const kjoer = (foresporsel: unknown) => {
      const r = beregnForesporsel(beregner, foresporsel, { idag: '2026-12-07' });
      samle(r.tabell.linjer);
      for (const b of (r.foreldrebetaling as { barn: Array<{ reduksjoner: Array<{ hjemmel: string }> }> })
        .barn)
        for (const x of b.reduksjoner) hjemler.add(x.hjemmel);
    };
    for (const g of lesGullfiler('barnehage-')) kjoer(g.foresporsel);
    const barn = (dato: string) => [
      {
        tilbud: 'BARNEHAGE',
        foedselsdato: `${Number(dato.slice(0, 4)) - 3}-03-01`,
        prisPerMaaned: 5000,
        oppholdstimerPerUke: 41,
      },
      {
        tilbud: 'BARNEHAGE',
        foedselsdato: `${Number(dato.slice(0, 4)) - 2}-03-01`,
        prisPerMaaned: 5000,
        oppholdstimerPerUke: 41,
      },
      {
        tilbud: 'BARNEHAGE',
        foedselsdato: `${Number(dato.slice(0, 4)) - 1}-03-01`,
        prisPerMaaned: 5000,
        oppholdstimerPerUke: 41,
      },
      ...[1, 3, 4, 6].map((trinn) => ({
        tilbud: 'SFO',
        foedselsdato: '2012-03-01',
        trinn,
        prisPerMaaned: 3000,
        oppholdstimerPerUke: 20,
        ...(trinn === 6 ? { saerlegeBehov: true } : {}),
      })),
    ];
    for (const dato of ['2019-09-01', '2020-09-01', '2022-09-01', '2024-09-01', '2025-03-01']) {
      kjoer({
        beregningstype: 'BARNEHAGE_SFO',
        inntektsaar: 2019,
        beregningsdato: dato,
        personer: [
          {
            identifikator: '17868510013',
            type: 'SOEKER',
            poster: [
              { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', beloep: 200000 },
            ],
          },
        ],
        vedtak: { barn: barn(dato), sone: 'SENTRALITET_5_6' },
      });
    }
    expect(hjemler.size).toBeGreaterThan(10);
    expect([...hjemler].flatMap((h) => sjekkHjemmel(h) ?? [])).toEqual([]);
    expect([...hjemler].filter((h) => /ikke verifisert/.test(h))).toEqual([]);
  });
});
