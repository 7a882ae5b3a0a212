import { Beloep } from '@inntektsgrunnlag/money';
import { katalogFor, type PersonMedPoster, type Postdefinisjon } from '@inntektsgrunnlag/skattegrunnlag';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erAvregningspost, lagPostfilter, minimerGrunnlag, minimerPoster } from './index.js';

const AAR = 2024;
const LOENN = 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt';
const RENTER = 'samledeOpptjenteRenterIInnenlandskeBanker';
const INNSKUDD = 'innskudd'; // FORMUE: not allowed by the definition below
const GJELD = 'gjeldIInnenlandskeBanker'; // GJELD: not allowed
const SKATT = '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt';
const RESTSKATT = '/fastland/restskatt';
const TILGODE = '/fastland/beloepTilgode';

/** A definition that counts wages and tax, shows the INNTEKT group, and shows restskatt. */
const def: Postdefinisjon = {
  beregningstype: 'TEST',
  fraOgMedAar: 2023,
  tilOgMedAar: 2025,
  kilde: { tittel: 'test' },
  inntekt: [
    {
      tekniskNavn: 'arbeid',
      visningstekst: 'Arbeid',
      operasjon: 'ADDERE',
      persontyper: ['SOEKER'],
      poster: [{ tekniskNavn: LOENN, operasjon: 'ADDERE' }],
    },
  ],
  fradrag: [
    {
      tekniskNavn: 'skatt',
      visningstekst: 'Skatt',
      operasjon: 'ADDERE',
      persontyper: ['SOEKER'],
      poster: [
        { tekniskNavn: SKATT, operasjon: 'ADDERE' },
        { tekniskNavn: TILGODE, operasjon: 'SUBTRAHERE' },
      ],
    },
  ],
  visning: { grupper: ['INNTEKT'], poster: [RESTSKATT] },
};

const kr = (n: number) => Beloep.kroner(n);

describe('erAvregningspost', () => {
  it('knows the Avregning API posts by the catalogue, and new ones by their JSON-pointer root', () => {
    expect(erAvregningspost(RESTSKATT, AAR)).toBe(true);
    expect(erAvregningspost(TILGODE, AAR)).toBe(true);
    expect(erAvregningspost('/fastland/avregnetForskuddstrekk', AAR)).toBe(true);
    expect(erAvregningspost('/svalbard/rentegodtgjoerelse', AAR)).toBe(true);
    expect(erAvregningspost(SKATT, AAR)).toBe(false);
    expect(erAvregningspost(LOENN, AAR)).toBe(false);
    expect(erAvregningspost('ukjentPost', AAR)).toBe(false);
  });
});

describe('lagPostfilter', () => {
  it('keeps the definition’s posts and display groups, and drops the rest', () => {
    const f = lagPostfilter({ postdefinisjon: def, inntektsaar: AAR, avregning: true });
    expect([LOENN, RENTER, SKATT, RESTSKATT, TILGODE].every(f)).toBe(true);
    expect(f(INNSKUDD)).toBe(false);
    expect(f(GJELD)).toBe(false);
  });

  it('drops avregning posts, even ones the definition names, for a role without avregning', () => {
    const f = lagPostfilter({ postdefinisjon: def, inntektsaar: AAR, avregning: false });
    expect(f(RESTSKATT)).toBe(false);
    expect(f(TILGODE)).toBe(false);
    expect(f('/fastland/nyttFeltFraSkatteetaten')).toBe(false);
    expect(f(LOENN)).toBe(true);
    expect(f(SKATT)).toBe(true);
  });

  it('drops a post from a source that the catalogue does not know (the default: deny by default)', () => {
    expect(katalogFor(AAR).har('postSkatteetatenHarOmdoept')).toBe(false);
    for (const postkilde of [undefined, 'SKATTEETATEN'] as const) {
      const f = lagPostfilter({ postdefinisjon: def, inntektsaar: AAR, avregning: true, postkilde });
      expect(f('postSkatteetatenHarOmdoept')).toBe(false);
      expect(f(LOENN)).toBe(true);
    }
  });

  it('keeps an unknown non-avregning post the caller gave, as tillattPost does (it is warned about in the beregning)', () => {
    const f = lagPostfilter({
      postdefinisjon: def,
      inntektsaar: AAR,
      avregning: false,
      postkilde: 'FORESPOERSEL',
    });
    expect(f('postSkatteetatenHarOmdoept')).toBe(true);
    expect(f('/fastland/nyttFeltFraSkatteetaten')).toBe(false);
    expect(f(INNSKUDD)).toBe(false);
  });
});

describe('minimerGrunnlag: the allow-list and avregning', () => {
  const personer: Array<PersonMedPoster & { postkilde: 'SKATTEETATEN' }> = [
    {
      identifikator: '04817299771',
      type: 'SOEKER',
      postkilde: 'SKATTEETATEN',
      poster: [
        { tekniskNavn: LOENN, beloep: kr(500000) },
        { tekniskNavn: INNSKUDD, beloep: kr(900000) },
        { tekniskNavn: RESTSKATT, beloep: kr(3000) },
      ],
    },
    {
      identifikator: '27847099416',
      type: 'PARTNER',
      postkilde: 'SKATTEETATEN',
      poster: [{ tekniskNavn: GJELD, beloep: kr(2000000) }],
    },
  ];

  it('removes posts outside the allow-list and counts them, without changing the input', () => {
    const r = minimerGrunnlag(personer, { postdefinisjon: def, inntektsaar: AAR, avregning: false });
    expect(r.fjernet).toBe(3);
    expect(r.personer.map((p) => p.poster.map((x) => x.tekniskNavn))).toEqual([[LOENN], []]);
    expect(r.personer.map((p) => p.identifikator)).toEqual(['04817299771', '27847099416']);
    expect(personer[0]?.poster).toHaveLength(3);
  });

  it('keeps avregning posts for a role with avregning', () => {
    const r = minimerGrunnlag(personer, { postdefinisjon: def, inntektsaar: AAR, avregning: true });
    expect(r.personer[0]?.poster.map((x) => x.tekniskNavn)).toEqual([LOENN, RESTSKATT]);
  });

  it('keeps only allowed posts, never an avregning post without the right, and is idempotent (property)', () => {
    const navn = fc.constantFrom(
      LOENN,
      RENTER,
      INNSKUDD,
      GJELD,
      SKATT,
      RESTSKATT,
      TILGODE,
      'ukjent',
      '/svalbard/x',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(navn, { maxLength: 12 }), { maxLength: 4 }),
        fc.boolean(),
        (lister, avregning) => {
          // The caller's own posts: the filter keeps unknown names ('ukjent', '/svalbard/x') as well.
          const inn = lister.map((l, i) => ({
            identifikator: String(i),
            postkilde: 'FORESPOERSEL' as const,
            poster: l.map((tekniskNavn) => ({ tekniskNavn })),
          }));
          const parametre = { postdefinisjon: def, inntektsaar: AAR, avregning };
          const f = lagPostfilter({ ...parametre, postkilde: 'FORESPOERSEL' });
          const r = minimerGrunnlag(inn, parametre);
          expect(r.ukjenteHoldtTilbake).toEqual([]);
          const alle = r.personer.flatMap((p) => p.poster.map((x) => x.tekniskNavn));
          expect(alle.every(f)).toBe(true);
          if (!avregning) expect(alle.some((n) => erAvregningspost(n, AAR))).toBe(false);
          expect(alle.length + r.fjernet).toBe(lister.flat().length);
          const igjen = minimerGrunnlag(r.personer, parametre);
          expect(igjen.fjernet).toBe(0);
          expect(igjen.personer).toEqual(r.personer);
          // Every removed post really fails the filter (nothing allowed is dropped).
          for (const [i, l] of lister.entries()) {
            expect(minimerPoster(inn[i]?.poster ?? [], f).poster.map((p) => p.tekniskNavn)).toEqual(
              l.filter(f),
            );
          }
        },
      ),
    );
  });
});

describe('minimerGrunnlag', () => {
  const UKJENT = 'postSkatteetatenHarOmdoept';
  const personer = [
    {
      identifikator: '04817299771',
      type: 'SOEKER' as const,
      postkilde: 'SKATTEETATEN' as const,
      poster: [
        { tekniskNavn: LOENN, beloep: kr(500000) },
        { tekniskNavn: UKJENT, beloep: kr(7000) },
        { tekniskNavn: INNSKUDD, beloep: kr(900000) },
        { tekniskNavn: '/fastland/nyttFeltFraSkatteetaten', beloep: kr(100) },
      ],
    },
    {
      identifikator: '27847099416',
      type: 'PARTNER' as const,
      postkilde: 'FORESPOERSEL' as const,
      poster: [
        { tekniskNavn: UKJENT, beloep: kr(3000) },
        { tekniskNavn: GJELD, beloep: kr(2000000) },
      ],
    },
  ];

  it('holds back a fetched unknown post and names it (no amount); keeps an unknown post the caller gave', () => {
    const r = minimerGrunnlag(personer, { postdefinisjon: def, inntektsaar: AAR, avregning: false });
    expect(r.personer.map((p) => p.poster.map((x) => x.tekniskNavn))).toEqual([[LOENN], [UKJENT]]);
    expect(r.fjernet).toBe(4);
    // Only the post dropped for being unknown is named: the allow-list and avregning drop silently, as before.
    expect(r.ukjenteHoldtTilbake).toEqual([{ identifikator: '04817299771', tekniskNavn: UKJENT }]);
    expect(personer[0]?.poster).toHaveLength(4);
  });

  it('names an unknown avregning post it holds back only for a role with avregning', () => {
    const r = minimerGrunnlag(personer, { postdefinisjon: def, inntektsaar: AAR, avregning: true });
    expect(r.ukjenteHoldtTilbake.map((u) => u.tekniskNavn)).toEqual([
      UKJENT,
      '/fastland/nyttFeltFraSkatteetaten',
    ]);
    expect(r.personer[0]?.poster.map((x) => x.tekniskNavn)).toEqual([LOENN]);
  });

  it('lets nothing from a source leave that the catalogue does not know, and is idempotent (property)', () => {
    const navn = fc.constantFrom(LOENN, RENTER, INNSKUDD, SKATT, RESTSKATT, UKJENT, '/svalbard/x');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            poster: fc.array(navn, { maxLength: 8 }),
            postkilde: fc.constantFrom('SKATTEETATEN' as const, 'FORESPOERSEL' as const),
          }),
          { maxLength: 4 },
        ),
        fc.boolean(),
        (lister, avregning) => {
          const inn = lister.map((l, i) => ({
            identifikator: String(i),
            postkilde: l.postkilde,
            poster: l.poster.map((tekniskNavn) => ({ tekniskNavn })),
          }));
          const r = minimerGrunnlag(inn, { postdefinisjon: def, inntektsaar: AAR, avregning });
          const katalog = katalogFor(AAR);
          for (const p of r.personer) {
            if (p.postkilde === 'SKATTEETATEN') {
              expect(p.poster.every((x) => katalog.har(x.tekniskNavn))).toBe(true);
            }
          }
          for (const u of r.ukjenteHoldtTilbake) expect(katalog.har(u.tekniskNavn)).toBe(false);
          const igjen = minimerGrunnlag(r.personer, { postdefinisjon: def, inntektsaar: AAR, avregning });
          expect(igjen.fjernet).toBe(0);
          expect(igjen.ukjenteHoldtTilbake).toEqual([]);
        },
      ),
    );
  });
});
