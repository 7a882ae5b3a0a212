import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lesTestdata, TESTDATA } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  avregningSkjema,
  beregnetSkattSkjema,
  erBeregnetSkattV1,
  skatteetatenFeilSkjema,
  summertSkattegrunnlagSkjema,
} from '../index.js';

const SKJEMAER = {
  summertSkattegrunnlag: summertSkattegrunnlagSkjema,
  beregnetSkatt: beregnetSkattSkjema,
  avregning: avregningSkjema,
} as const satisfies Record<string, z.ZodType>;
type Skjemanavn = keyof typeof SKJEMAER;

/** Which schema an example is for, from its file name (each has a .source.txt naming its page). */
function skjemaFor(fil: string): Skjemanavn {
  if (fil.startsWith('example-avregning-')) return 'avregning';
  if (fil.startsWith('example-beregnetskatt-')) return 'beregnetSkatt';
  if (/^example-(spesifisert)?summertskattegrunnlag-/.test(fil)) return 'summertSkattegrunnlag';
  throw new Error(`Ukjent eksempel ${fil}: legg det til i skjemaFor`);
}

const mappe = join(TESTDATA, 'skatteetaten-eksempler');
const eksempler = readdirSync(mappe)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('Skatteetaten example responses', () => {
  it('are all here (4 SSG V1, 1 SSG V2, 3 spesifisert, 4 beregnet skatt, 2 avregning)', () => {
    expect(eksempler).toHaveLength(14);
    const antall = (navn: Skjemanavn) => eksempler.filter((f) => skjemaFor(f) === navn).length;
    expect([antall('summertSkattegrunnlag'), antall('beregnetSkatt'), antall('avregning')]).toEqual([
      8, 4, 2,
    ]);
  });

  for (const fil of eksempler) {
    const riktig = skjemaFor(fil);
    it(`${fil} parses as ${riktig}, and with no other schema`, () => {
      const data = lesTestdata(`skatteetaten-eksempler/${fil}`);
      const r = SKJEMAER[riktig].safeParse(data);
      expect(r.error?.issues ?? []).toEqual([]);
      // Extra fields survive (loose objects): nothing Skatteetaten sends is dropped by parsing.
      expect(r.data).toEqual(data);
      for (const [navn, skjema] of Object.entries(SKJEMAER)) {
        if (navn !== riktig) expect(skjema.safeParse(data).success, navn).toBe(false);
      }
    });
  }

  it('reads V1 (kategori list, registreringstidpunkt, svalbardGrunnlag) and V2 (kategori text)', () => {
    const v1 = summertSkattegrunnlagSkjema.parse(
      lesTestdata('skatteetaten-eksempler/example-summertskattegrunnlag-v1-4.json'),
    );
    expect(v1.grunnlag?.[0]?.kategori).toEqual(['inntektsfradrag']);
    expect(v1.registreringstidpunkt).toBe('2020-02-11T16:11:12.985');
    expect(v1.svalbardGrunnlag).toHaveLength(4);
    const v2 = summertSkattegrunnlagSkjema.parse(
      lesTestdata('skatteetaten-eksempler/example-summertskattegrunnlag-v2-1.json'),
    );
    expect(v2.grunnlag?.[0]?.kategori).toBe('inntekt');
    expect(v2.ajourholdstidspunkt).toBe('2024-02-20T08:38:37.72Z');
    expect(v2.grunnlag?.find((g) => g.tekniskNavn === 'innskudd')?.andelSkattefritt).toBe(2000);
  });

  it('tells Beregnet skatt V1 (flat, also kildeskatt på lønn) from V2 (nested)', () => {
    const versjon = (fil: string) =>
      erBeregnetSkattV1(beregnetSkattSkjema.parse(lesTestdata(`skatteetaten-eksempler/${fil}`)))
        ? 'V1'
        : 'V2';
    expect(
      ['example-beregnetskatt-1.json', 'example-beregnetskatt-2.json', 'example-beregnetskatt-3.json'].map(
        versjon,
      ),
    ).toEqual(['V2', 'V1', 'V1']);
    expect(versjon('example-beregnetskatt-4.json')).toBe('V2');
  });
});

describe('schemas refuse what is not a response, naming the field', () => {
  it('a post without tekniskNavn or with a decimal amount', () => {
    const r = summertSkattegrunnlagSkjema.safeParse({
      personidentifikator: '12345678910',
      inntektsaar: '2023',
      grunnlag: [{ beloep: 5 }, { tekniskNavn: 'innskudd', beloep: 1.5 }],
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'grunnlag.0.tekniskNavn',
      'grunnlag.1.beloep',
    ]);
  });

  it('a response without its main part, unless Skatteetaten screened it', () => {
    const kall = { personidentifikator: '12345678910', inntektsaar: '2023' };
    expect(summertSkattegrunnlagSkjema.safeParse(kall).error?.issues[0]?.path).toEqual(['grunnlag']);
    expect(beregnetSkattSkjema.safeParse(kall).error?.issues[0]?.path).toEqual(['beregnetSkattFastland']);
    expect(avregningSkjema.safeParse(kall).error?.issues[0]?.path).toEqual(['fastland']);
    for (const skjema of Object.values(SKJEMAER)) {
      expect(skjema.safeParse({ ...kall, skjermet: true }).success).toBe(true);
    }
  });

  it('a malformed income year', () => {
    const r = avregningSkjema.safeParse({ personidentifikator: '1', inntektsaar: '23', fastland: {} });
    expect(r.error?.issues[0]?.path).toEqual(['inntektsaar']);
  });
});

describe('the error body', () => {
  it('reads Skatteetaten’s documented example (docs/om/feil.md)', () => {
    const feil = {
      kode: 'BSA-006',
      melding: 'Fant ikke beregnet skatt for gitt inntektsår og identifikator',
      korrelasjonsid: '13a865f5-28f9-47a4-be6d-8e5ff3b4c7b7',
    };
    expect(skatteetatenFeilSkjema.parse(feil)).toEqual(feil);
    expect(skatteetatenFeilSkjema.parse({ kode: 'SSG-008', melding: 'x' })).toEqual({
      kode: 'SSG-008',
      melding: 'x',
    });
  });

  it('refuses a body without kode (e.g. a Fiks error body)', () => {
    const fiks = { timestamp: '2024-01-01T00:00:00Z', status: 401, error: 'Unauthorized', message: 'x' };
    expect(skatteetatenFeilSkjema.safeParse(fiks).success).toBe(false);
  });
});
