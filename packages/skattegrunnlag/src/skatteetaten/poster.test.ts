import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  avregningSkjema,
  beloepVedPeker,
  beregnetSkattSkjema,
  katalogFor,
  type Post,
  posterFraAvregning,
  posterFraBeregnetSkatt,
  posterFraSummertSkattegrunnlag,
  posterUtenforFastlandsgrunnlaget,
  summertSkattegrunnlagSkjema,
  verdiVedJsonPeker,
} from '../index.js';

const som = (poster: Post[]) => poster.map((p) => [p.tekniskNavn, p.beloep.toJSON()]);
const eksempel = (fil: string) => lesTestdata(`skatteetaten-eksempler/${fil}`);

const SKATT = '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt';
const NAERING = '/beregnetSkattFastland/skattOgAvgift/trygdeavgiftAvNaeringsinntekt';
const TRINNSKATT = '/beregnetSkattFastland/skattOgAvgift/trinnskatt/grunnlag';
const FSK_KOMMUNE = '/beregnetSkattFastland/skattOgAvgift/formuesskattTilKommune/beloep';
const FSK_STAT = '/beregnetSkattFastland/skattOgAvgift/formuesskattTilStat/beloep';
const KREDIT_FORMUE = '/beregnetSkattFastland/skattefradrag/skattefradragForFormuesskattBetaltIUtlandet';
const KREDIT_INNTEKT = '/beregnetSkattFastland/skattefradrag/skattefradragForInntektsskattBetaltIUtlandet';

describe('posterFraSummertSkattegrunnlag', () => {
  it('gives every post of the mainland basis with its amount, in Skatteetaten’s order (V2)', () => {
    const r = summertSkattegrunnlagSkjema.parse(eksempel('example-summertskattegrunnlag-v2-1.json'));
    const poster = posterFraSummertSkattegrunnlag(r);
    expect(poster).toHaveLength(10);
    expect(som(poster).slice(0, 3)).toEqual([
      ['samledeOpptjenteRenterIInnenlandskeBanker', '19667'],
      ['avkortetFordelVedElektroniskKommunikasjon', '4392'],
      ['verdiFoerVerdsettingsrabattForAksjedelIAksjesparekonto', '2205524'],
    ]);
    // Every post of the 2023 example is in the 2023 catalogue.
    expect(poster.filter((p) => !katalogFor(2023).har(p.tekniskNavn))).toEqual([]);
  });

  it('keeps the Svalbard basis apart (V1 example with svalbardGrunnlag)', () => {
    const r = summertSkattegrunnlagSkjema.parse(eksempel('example-summertskattegrunnlag-v1-4.json'));
    expect(som(posterFraSummertSkattegrunnlag(r))).toEqual([
      ['samledePaaloepteRenter', '779981'],
      ['andreFradragsberettigedeKostnader', '59981'],
      ['samletSkattepliktigOverskuddAvUtleieAvFritidseiendom', '1609981'],
      ['skattepliktigAvkastningEllerKundeutbytte', '1749981'],
    ]);
    const andre = posterUtenforFastlandsgrunnlaget(r);
    expect(som(andre.svalbard)).toContainEqual([
      'samletAndelAvInntektIBoligselskapEllerBoligsameie',
      '849981',
    ]);
    expect(andre.svalbard).toHaveLength(4);
    expect(andre.kildeskattPaaLoenn).toEqual([]);
  });

  it('gives no posts for a screened response without a basis', () => {
    const r = summertSkattegrunnlagSkjema.parse({
      personidentifikator: '1',
      inntektsaar: '2023',
      skjermet: true,
    });
    expect(posterFraSummertSkattegrunnlag(r)).toEqual([]);
  });
});

describe('posterFraBeregnetSkatt', () => {
  it('reads the pointer posts of V2; a missing field gives no post', () => {
    const r = beregnetSkattSkjema.parse(eksempel('example-beregnetskatt-1.json'));
    expect(som(posterFraBeregnetSkatt(r))).toEqual([
      [SKATT, '120148'],
      [TRINNSKATT, '350000'],
      [FSK_KOMMUNE, '24500'],
      [FSK_STAT, '8750'],
    ]);
  });

  it('reads a pointer to a Skatt object as its grunnlag (personinntekt fra næring)', () => {
    const r = beregnetSkattSkjema.parse({
      personidentifikator: '1',
      inntektsaar: 2023,
      beregnetSkattFastland: {
        skattOgAvgift: { trygdeavgiftAvNaeringsinntekt: { grunnlag: 51432, beloep: 5709 } },
        skattefradrag: { skattefradragForInntektsskattBetaltIUtlandet: 0 },
      },
    });
    expect(som(posterFraBeregnetSkatt(r))).toEqual([
      [NAERING, '51432'],
      [KREDIT_INNTEKT, '0'],
    ]);
  });

  it('reads V1 (flat) by the documented field of each pointer post', () => {
    const r = beregnetSkattSkjema.parse(eksempel('example-beregnetskatt-2.json'));
    expect(som(posterFraBeregnetSkatt(r))).toEqual([
      [SKATT, '654321'],
      [FSK_KOMMUNE, '1111'],
      [FSK_STAT, '5489'],
      [KREDIT_FORMUE, '852'],
      [KREDIT_INNTEKT, '5698'],
    ]);
  });

  it('gives no mainland posts for a V1 kildeskatt-på-lønn receipt', () => {
    const r = beregnetSkattSkjema.parse(eksempel('example-beregnetskatt-3.json'));
    expect(posterFraBeregnetSkatt(r)).toEqual([]);
  });

  it('gives only posts that are in the year’s catalogue', () => {
    const r = beregnetSkattSkjema.parse(eksempel('example-beregnetskatt-4.json'));
    const poster = posterFraBeregnetSkatt(r);
    expect(poster.map((p) => p.tekniskNavn)).toEqual([SKATT, TRINNSKATT, FSK_KOMMUNE, FSK_STAT]);
    expect(poster.every((p) => katalogFor(2024).har(p.tekniskNavn))).toBe(true);
  });
});

describe('posterFraAvregning', () => {
  it('reads the /fastland posts; a 0 is a post, a missing field is none; Svalbard is not read', () => {
    const nyere = avregningSkjema.parse(eksempel('example-avregning-1.json'));
    expect(som(posterFraAvregning(nyere))).toEqual([['/fastland/restskatt', '0']]);
    const eldre = avregningSkjema.parse(eksempel('example-avregning-2.json'));
    expect(som(posterFraAvregning(eldre))).toEqual([
      ['/fastland/beloepTilgode', '9271429'],
      ['/fastland/restskatt', '2300'],
      ['/fastland/avregnetForskuddstrekk', '90000'],
    ]);
  });

  it('gives exactly the fields present, with their amounts (property)', () => {
    const felt = ['restskatt', 'beloepTilgode', 'avregnetForskuddstrekk'] as const;
    fc.assert(
      fc.property(
        fc.record(
          { restskatt: fc.integer(), beloepTilgode: fc.integer(), avregnetForskuddstrekk: fc.integer() },
          { requiredKeys: [] },
        ),
        (fastland) => {
          const r = avregningSkjema.parse({ personidentifikator: '1', inntektsaar: '2024', fastland });
          const poster = new Map(posterFraAvregning(r).map((p) => [p.tekniskNavn, p.beloep.toJSON()]));
          for (const f of felt) {
            expect(poster.get(`/fastland/${f}`)).toBe(
              fastland[f] === undefined ? undefined : String(fastland[f]),
            );
          }
          expect(poster.size).toBe(Object.keys(fastland).length);
        },
      ),
    );
  });
});

describe('JSON pointers', () => {
  const dok = { a: { 'b/c': [10, { d: 5 }], 'e~f': 7, n: null, s: '12' } };
  it('follow RFC 6901 (escapes, array indexes)', () => {
    expect(verdiVedJsonPeker(dok, '/a/b~1c/0')).toBe(10);
    expect(verdiVedJsonPeker(dok, '/a/b~1c/1/d')).toBe(5);
    expect(verdiVedJsonPeker(dok, '/a/e~0f')).toBe(7);
    expect(verdiVedJsonPeker(dok, '/a/b~1c/01')).toBeUndefined();
    expect(verdiVedJsonPeker(dok, '/a/x/y')).toBeUndefined();
    expect(verdiVedJsonPeker(dok, '')).toBe(dok);
    expect(() => verdiVedJsonPeker(dok, 'a')).toThrow(/begynne med/);
    // The pointer's parsed form is kept; what it finds still depends on each document.
    expect(verdiVedJsonPeker({ a: [4, 5] }, '/a/1')).toBe(5);
    expect(verdiVedJsonPeker({ a: { 1: 6 } }, '/a/1')).toBe(6);
    expect(verdiVedJsonPeker({ a: [4, 5] }, '/a/1')).toBe(5);
    expect(verdiVedJsonPeker({ a: { x: 1 } }, '/a/x')).toBe(1);
    expect(verdiVedJsonPeker({ a: [1] }, '/a/x')).toBeUndefined();
  });

  it('give an amount only for an integer or a Skatt object’s grunnlag, never a zero for a gap', () => {
    expect(beloepVedPeker(dok, '/a/e~0f')?.toJSON()).toBe('7');
    expect(beloepVedPeker({ x: { grunnlag: 3, beloep: 1 } }, '/x')?.toJSON()).toBe('3');
    expect(beloepVedPeker({ x: { beloep: 1 } }, '/x')).toBeUndefined();
    expect(beloepVedPeker(dok, '/a/n')).toBeUndefined();
    expect(beloepVedPeker(dok, '/a/s')).toBeUndefined();
    expect(beloepVedPeker(dok, '/a/mangler')).toBeUndefined();
  });
});
