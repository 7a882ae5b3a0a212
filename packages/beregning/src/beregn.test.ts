import type { Regelverk } from '@inntektsgrunnlag/regelverk';
import { blokkAv, evaluerBlokk, type Postdefinisjon } from '@inntektsgrunnlag/skattegrunnlag';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { beregnMedPoster } from './beregn.js';
import type { EnhverBeregner } from './beregner.js';
import { foresporselSkjema } from './foresporsel.js';
import { valider } from './valideringsfeil.js';

const SOEKER = '04817299771';
const PARTNER = '27847099416';
const LOENN = 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt';
const SKJOENN = 'kommune.skjoennsmessigeFradrag';

const postdefinisjon: Postdefinisjon = {
  beregningstype: 'PRAKTISK_BISTAND',
  fraOgMedAar: 2022,
  tilOgMedAar: 2024,
  kilde: { tittel: 'testdefinisjon' },
  inntekt: [
    {
      tekniskNavn: 'arbeid',
      visningstekst: 'Arbeidsinntekt',
      operasjon: 'ADDERE',
      persontyper: ['SOEKER', 'PARTNER'],
      hjemmel: '§ 1',
      poster: [{ tekniskNavn: LOENN, operasjon: 'ADDERE' }],
    },
    {
      tekniskNavn: 'skjoenn',
      visningstekst: 'Skjønnsmessige fradrag',
      operasjon: 'SUBTRAHERE',
      persontyper: ['SOEKER'],
      poster: [{ tekniskNavn: SKJOENN, operasjon: 'ADDERE' }],
    },
  ],
  fradrag: [],
  visning: { grupper: ['INNTEKT'] },
};

/** A made-up area: the basis is the definition's income; the fee is a tenth of it. */
const beregner: EnhverBeregner = {
  beregningstype: 'PRAKTISK_BISTAND',
  pakke: { navn: 'test', versjon: '0.0.0' },
  tittel: 'Testavgift',
  avgiftsnoekkel: 'testavgift',
  stadier: ['OPPGJOER'],
  rettighetspakke: 'test',
  persontyper: ['SOEKER', 'PARTNER'],
  ekstraposter: [{ tekniskNavn: SKJOENN, persontyper: ['SOEKER'] }],
  postdefinisjon,
  vedtakSkjema: z.object({}),
  innstillingerSkjema: z.object({}),
  avgiftSkjema: z.object({}),
  tabeller: [],
  grunnlag: (input) => {
    const inntekt = evaluerBlokk(postdefinisjon.inntekt, input.personer, input.inntektsaar);
    return {
      beregningsbeloep: inntekt.beloep,
      inntekt,
      fradrag: blokkAv([]),
      mellomregninger: inntekt.grupper,
      linjer: [],
      advarsler: [],
    };
  },
  avgift: (_input, grunnlag) => {
    const tiendedel = grunnlag.beregningsbeloep.dividedBy(10).round('KRONE', 'HALF_UP');
    return {
      json: { beloep: tiendedel.toJsonNumber() },
      hovedtall: [
        { tekst: 'Avgift', beloep: tiendedel, hjemmel: '§ 2' },
        { tekst: 'Grunnlag', beloep: grunnlag.beregningsbeloep },
      ],
      linjer: [],
      advarsler: [],
    };
  },
};

const regelverk = { nyttOppslag: () => ({ brukteVerdier: () => [] }) } as unknown as Regelverk;

function beregn(foresporsel: unknown) {
  const f = valider(foresporselSkjema, foresporsel);
  return beregnMedPoster({
    beregner,
    foresporsel: f,
    personer: f.personer.map((x) => ({
      identifikator: x.identifikator,
      type: x.type,
      skjermet: false,
      postkilde: 'FORESPOERSEL' as const,
      poster: x.poster ?? [],
    })),
    regelverk,
    idag: '2024-06-01',
  }).resultat;
}

const foresporsel = {
  beregningstype: 'PRAKTISK_BISTAND',
  inntektsaar: 2023,
  beregningsdato: '2024-05-01',
  personer: [
    {
      identifikator: SOEKER,
      type: 'SOEKER',
      poster: [
        { tekniskNavn: LOENN, beloep: '500000' },
        { tekniskNavn: 'nyPostFraSkatteetaten', beloep: '5' },
        { tekniskNavn: 'innskudd', beloep: '100' },
      ],
      ekstraposter: [{ tekniskNavn: SKJOENN, beloep: '1000', visningstekst: 'Tannlege' }],
    },
    { identifikator: PARTNER, type: 'PARTNER', poster: [{ tekniskNavn: LOENN, beloep: '200000' }] },
  ],
};

describe('beregnMedPoster', () => {
  it('gives the result keys in their order, the fee under its own key right after avgiftsnoekkel', () => {
    const r = beregn(foresporsel);
    expect(Object.keys(r)).toEqual([
      'beregningstype',
      'inntektsaar',
      'beregningsdato',
      'beregningsdatoKilde',
      'personer',
      'beregningsbeloep',
      'inntekt',
      'fradrag',
      'mellomregninger',
      'avgiftsnoekkel',
      'testavgift',
      'hovedtall',
      'tabell',
      'visningsposter',
      'advarsler',
      'regelverk',
    ]);
    expect(r.testavgift).toEqual({ beloep: 69900 });
    expect(r.hovedtall).toEqual([
      { tekst: 'Avgift', beloep: 69900, hjemmel: '§ 2' },
      { tekst: 'Grunnlag', beloep: 699000 },
    ]);
    expect(Object.keys(r.hovedtall[1] ?? {})).toEqual(['tekst', 'beloep']);
    expect(r.regelverk.postdefinisjon).toEqual({
      beregningstype: 'PRAKTISK_BISTAND',
      inntektsaar: 2023,
      kilde: { tittel: 'testdefinisjon' },
    });
  });

  it('minimises the posts, adds the extra posts after the tax posts, and warns about an unknown post', () => {
    const r = beregn(foresporsel);
    // The extra post counts in the basis (500 000 + 200 000 − 1 000), with the case worker's text.
    expect(r.beregningsbeloep).toBe(699000);
    expect(r.inntekt.grupper[1]?.poster).toEqual([
      expect.objectContaining({ tekniskNavn: SKJOENN, visningstekst: 'Tannlege', beloep: 1000 }),
    ]);
    expect(r.mellomregninger.map((g) => g.beloep)).toEqual([700000, 1000]);
    // innskudd (FORMUE) is not shown to the area; the unknown post is kept and warned about once.
    const vist = r.visningsposter.flatMap((g) => g.poster.map((p) => p.tekniskNavn));
    expect(vist).toContain('nyPostFraSkatteetaten');
    expect(vist).not.toContain('innskudd');
    // The extra post is the case worker's: in the basis, not among what the tax settlement says.
    expect(vist).not.toContain(SKJOENN);
    expect(r.advarsler.map((a) => [a.kode, a.identifikator])).toEqual([['UKJENT_POST', SOEKER]]);
    expect(r.personer.map((p) => Object.keys(p))).toEqual([
      ['identifikator', 'type', 'skjermet', 'postkilde'],
      ['identifikator', 'type', 'skjermet', 'postkilde'],
    ]);
  });
});
