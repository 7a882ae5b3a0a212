import {
  avregningSkjema,
  beregnetSkattSkjema,
  summertSkattegrunnlagSkjema,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { z } from 'zod';
import type { Oppslagsbeskrivelse } from './feil.js';
import { folkeregisterpersonFraFreg, fregPersonSkjema } from './folkeregisteret.js';
import { innebygdPopulasjon } from './populasjon/generator.js';
import { type SimulertSvar, simulerFolkeregisteret, simulerSkatteetaten } from './populasjon/simulator.js';
import type { Populasjon } from './populasjon/typer.js';
import { type Kilder, stadieSti } from './porter.js';
import { tolkSvar } from './svar.js';

/**
 * Freezes an answer of the population and everything in it, once (a frozen top means a frozen whole,
 * since the top is frozen last). The trusted path below hands out the population's own objects instead
 * of zod's fresh copies: frozen, a caller that mutated one would fail loudly instead of changing the
 * answer every later lookup of the person gets.
 */
function fryst<T>(svar: T): T {
  if (svar === null || typeof svar !== 'object' || Object.isFrozen(svar)) return svar;
  for (const v of Object.values(svar)) fryst(v);
  return Object.freeze(svar);
}

/**
 * The answer as the schema gives it. For the built-in population a 200 answer is its own generator's
 * output, built to the schema's shape (no schema here transforms: every object is loose and passes its
 * fields through), so zod's parse would return a deep-equal copy: innebygd.test.ts parses every answer
 * of every person for every year with the full schema and checks exactly that. The parse is skipped for
 * those answers only (it was the largest part of a lookup's fetch); every other answer (an error status,
 * a population given by the caller) and every HTTP source still goes through `tolkSvar` and the full
 * schema, and the mapping after it (`folkeregisterpersonFraFreg`, the error types) is the same code.
 */
function tolk<S extends z.ZodType>(
  betrodd: boolean,
  beskrivelse: Oppslagsbeskrivelse,
  s: SimulertSvar,
  skjema: S,
): z.output<S> {
  if (betrodd && s.status === 200) return fryst(s.body) as z.output<S>;
  return tolkSvar(beskrivelse, s.status, s.body, skjema);
}

/**
 * The default source: the embedded synthetic population, answered in process through the same
 * simulator the stand-in server serves over HTTP, and parsed with the same schemas as Skatteetaten's
 * real answers. No network, no keys; for newcomers, tests and demos.
 */
export function innebygdeKilder(gitt?: Populasjon): Kilder {
  // Generated on the first lookup, so a run with only inline posts never pays for it.
  let pop: Populasjon | undefined = gitt;
  // Only the generator's own population is trusted to match the schemas (see `tolk`).
  const betrodd = gitt === undefined;
  const populasjon = () => {
    pop ??= innebygdPopulasjon();
    return pop;
  };
  return {
    beskrivelse: 'innebygd syntetisk populasjon',
    syntetisk: true,
    summertSkattegrunnlag: {
      async hent({ stadie, rettighetspakke, inntektsaar, identifikator }) {
        const sti = stadieSti(stadie);
        const s = simulerSkatteetaten(populasjon(), {
          api: 'SSG',
          stadie: sti,
          rettighetspakke,
          inntektsaar: String(inntektsaar),
          identifikator,
        });
        return tolk(
          betrodd,
          { api: 'SUMMERT_SKATTEGRUNNLAG', identifikator, inntektsaar, stadie: sti },
          s,
          summertSkattegrunnlagSkjema,
        );
      },
    },
    beregnetSkatt: {
      async hent({ rettighetspakke, inntektsaar, identifikator }) {
        const s = simulerSkatteetaten(populasjon(), {
          api: 'BSA',
          rettighetspakke,
          inntektsaar: String(inntektsaar),
          identifikator,
        });
        return tolk(betrodd, { api: 'BEREGNET_SKATT', identifikator, inntektsaar }, s, beregnetSkattSkjema);
      },
    },
    avregning: {
      async hent({ rettighetspakke, inntektsaar, identifikator }) {
        const s = simulerSkatteetaten(populasjon(), {
          api: 'AR',
          rettighetspakke,
          inntektsaar: String(inntektsaar),
          identifikator,
        });
        return tolk(betrodd, { api: 'AVREGNING', identifikator, inntektsaar }, s, avregningSkjema);
      },
    },
    folkeregister: {
      async hentPerson(identifikator, deler) {
        const s = simulerFolkeregisteret(populasjon(), {
          rettighetspakke: 'offentlig-med-hjemmel',
          identifikator,
          deler,
        });
        const freg = tolk(betrodd, { api: 'FOLKEREGISTERET', identifikator }, s, fregPersonSkjema);
        return folkeregisterpersonFraFreg(identifikator, freg);
      },
    },
  };
}
