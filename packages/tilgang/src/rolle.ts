import { Valideringsfeil, valider } from '@inntektsgrunnlag/beregning';
import { z } from 'zod';
import { SATSFORVALTNING } from './satsforvaltning.js';
import { TJENESTEOMRAADER, type Tjenesteomraade } from './tjenesteomraader.js';

/** Ids of roles, users, groups and clients: lower-case letters, digits and hyphens (safe in URLs and logs). */
export const ID_MOENSTER = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const rolleIdSkjema = z
  .string()
  .regex(
    ID_MOENSTER,
    'må være 1–63 tegn: små bokstaver a–z, sifre og bindestrek, og starte med bokstav eller siffer',
  )
  .describe('Rollens id, f.eks. «demo-langtidsopphold»');

/**
 * A role: bound to exactly one tjenesteområde. `avregning` grants Skatteetaten's avregning (skatt til
 * gode, restskatt, innbetalt skatt); only areas that allow it may grant it.
 */
export const rolleSkjema = z
  .object({
    id: rolleIdSkjema,
    navn: z.string().trim().min(1, 'kan ikke være tom').max(200),
    tjenesteomraade: z.string().min(1),
    avregning: z.boolean().default(false).describe('Om rollen gir tilgang til avregning'),
  })
  .strict();

export type Rolle = z.output<typeof rolleSkjema>;

/**
 * Validates a role against the known areas: the area must exist and must allow avregning if the role
 * grants it. Throws {@link Valideringsfeil} naming every bad field.
 */
export function validerRolle(raa: unknown, omraader: readonly Tjenesteomraade[] = TJENESTEOMRAADER): Rolle {
  const rolle = valider(rolleSkjema, raa, ['rolle']);
  if (rolle.tjenesteomraade === SATSFORVALTNING) {
    if (rolle.avregning) {
      throw new Valideringsfeil([
        { felt: 'rolle.avregning', melding: 'en satsforvalterrolle kan ikke gi tilgang til avregning' },
      ]);
    }
    return rolle;
  }
  const omraade = omraader.find((o) => o.id === rolle.tjenesteomraade);
  if (!omraade) {
    throw new Valideringsfeil([
      {
        felt: 'rolle.tjenesteomraade',
        melding: `ukjent tjenesteområde «${rolle.tjenesteomraade}»; kjente: ${[...omraader.map((o) => o.id), SATSFORVALTNING].join(', ')}`,
      },
    ]);
  }
  if (rolle.avregning && !omraade.avregningKanTildeles) {
    throw new Valideringsfeil([
      {
        felt: 'rolle.avregning',
        melding: `tjenesteområdet «${omraade.navn}» kan ikke gi tilgang til avregning`,
      },
    ]);
  }
  return rolle;
}
