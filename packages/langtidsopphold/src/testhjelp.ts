// Test helpers only (not exported from index.ts): requests with inline posts, run through the area.
import { type Beregningsresultat, beregnForesporsel } from '@inntektsgrunnlag/beregning';
import type { VederlagJson } from './avgift.js';
import { beregner } from './index.js';

export const SOEKER_ID = '05873810086';
export const PARTNER_ID = '12834010060';

type Poster = Record<string, number | string>;
const liste = (p: Poster = {}) => Object.entries(p).map(([tekniskNavn, beloep]) => ({ tekniskNavn, beloep }));

export interface Testforespoersel {
  inntektsaar?: number;
  beregningsdato?: string;
  soeker?: Poster;
  soekerEkstra?: Poster;
  partner?: { type?: 'EKTEFELLE' | 'PARTNER' | 'SAMBOER'; poster?: Poster; ekstra?: Poster };
  vedtak?: unknown;
}

export function foresporsel(f: Testforespoersel): Record<string, unknown> {
  return {
    beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    inntektsaar: f.inntektsaar ?? 2024,
    beregningsdato: f.beregningsdato ?? '2024-06-01',
    personer: [
      {
        identifikator: SOEKER_ID,
        type: 'SOEKER',
        poster: liste(f.soeker),
        ekstraposter: liste(f.soekerEkstra),
      },
      ...(f.partner
        ? [
            {
              identifikator: PARTNER_ID,
              type: f.partner.type ?? 'EKTEFELLE',
              poster: liste(f.partner.poster),
              ekstraposter: liste(f.partner.ekstra),
            },
          ]
        : []),
    ],
    ...(f.vedtak !== undefined ? { vedtak: f.vedtak } : {}),
  };
}

export function beregn(f: Testforespoersel | Record<string, unknown>, innstillinger?: unknown) {
  const raa = 'personer' in f ? f : foresporsel(f as Testforespoersel);
  const resultat: Beregningsresultat = beregnForesporsel(beregner, raa, {
    idag: '2024-06-01',
    ...(innstillinger !== undefined ? { innstillinger } : {}),
  });
  return { resultat, vederlag: resultat.vederlag as VederlagJson };
}

export const BEREGNET_SKATT = '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt';

/** The amount of a group in a result block, by its tekniskNavn. */
export function gruppe(blokk: { grupper: Array<{ tekniskNavn: string; beloep: number }> }, navn: string) {
  return blokk.grupper.find((g) => g.tekniskNavn === navn)?.beloep;
}
