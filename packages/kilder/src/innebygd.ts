import {
  avregningSkjema,
  beregnetSkattSkjema,
  summertSkattegrunnlagSkjema,
} from '@inntektsgrunnlag/skattegrunnlag';
import { folkeregisterpersonFraFreg, fregPersonSkjema } from './folkeregisteret.js';
import { innebygdPopulasjon } from './populasjon/generator.js';
import { simulerFolkeregisteret, simulerSkatteetaten } from './populasjon/simulator.js';
import type { Populasjon } from './populasjon/typer.js';
import { type Kilder, stadieSti } from './porter.js';
import { tolkSvar } from './svar.js';

/**
 * The default source: the embedded synthetic population, answered in process through the same
 * simulator the stand-in server serves over HTTP, and parsed with the same schemas as Skatteetaten's
 * real answers. No network, no keys; for newcomers, tests and demos.
 */
export function innebygdeKilder(gitt?: Populasjon): Kilder {
  // Generated on the first lookup, so a run with only inline posts never pays for it.
  let pop: Populasjon | undefined = gitt;
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
        return tolkSvar(
          { api: 'SUMMERT_SKATTEGRUNNLAG', identifikator, inntektsaar, stadie: sti },
          s.status,
          s.body,
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
        return tolkSvar(
          { api: 'BEREGNET_SKATT', identifikator, inntektsaar },
          s.status,
          s.body,
          beregnetSkattSkjema,
        );
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
        return tolkSvar({ api: 'AVREGNING', identifikator, inntektsaar }, s.status, s.body, avregningSkjema);
      },
    },
    folkeregister: {
      async hentPerson(identifikator, deler) {
        const s = simulerFolkeregisteret(populasjon(), {
          rettighetspakke: 'offentlig-med-hjemmel',
          identifikator,
          deler,
        });
        const freg = tolkSvar({ api: 'FOLKEREGISTERET', identifikator }, s.status, s.body, fregPersonSkjema);
        return folkeregisterpersonFraFreg(identifikator, freg);
      },
    },
  };
}
