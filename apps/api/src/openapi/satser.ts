import { nyKommunesatsSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';
import { ref, svarregister } from './skjema.js';

/** The routes of the municipality's own rates (ruter/satser.ts; docs/api.md, docs/drift.md). */

type Json = Record<string, unknown>;
const svar = (navn: string) => ({ $ref: `#/components/responses/${navn}` });

const dato = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const person = z.object({ id: z.string(), navn: z.string() }).strict();
const kilde = z
  .object({
    tittel: z.string(),
    url: z.string().optional(),
    hjemmel: z.string().optional(),
    sitat: z.string().optional(),
  })
  .strict();

export const kommunesatsSkjema = z
  .object({
    id: z.string().describe('Satsens id (UUID)'),
    tabell: z.string(),
    gyldigFra: dato,
    dekketTil: dato,
    verdi: z.unknown().describe('Verdien i tabellens form'),
    kilde,
    verifisert: dato.describe('Dagen verdien ble kontrollert mot kilden'),
    innlagtAv: person,
    innlagtRolleId: z.string(),
    innlagt: z.string().describe('Når den ble lagt inn (ISO 8601)'),
    godkjenning: z
      .object({ av: person, rolleId: z.string(), tidspunkt: z.string() })
      .strict()
      .nullable()
      .describe('Hvem som godkjente den, og når; null: venter på godkjenning og gjelder ikke'),
  })
  .strict()
  .register(svarregister, {
    id: 'Kommunesats',
    description:
      'En verdi kommunen har lagt inn i produktet; gjelder først når en annen person har godkjent den',
  });

export const satsoppfoeringSkjema = kommunesatsSkjema
  .extend({
    status: z
      .enum(['VENTER_PAA_GODKJENNING', 'GJELDER', 'IKKE_I_BRUK'])
      .describe('IKKE_I_BRUK: godkjent, men datoen dekkes nå av produktet eller en operatørfil (se merknad)'),
    merknad: z.string().optional(),
    kanGodkjennes: z.boolean().describe('Om den som spør kan godkjenne den (ikke egen, ikke godkjent)'),
  })
  .strict();

export const satsoversiktSkjema = z
  .object({
    tabeller: z.array(
      z
        .object({
          navn: z.string(),
          beskrivelse: z.string(),
          verdiform: z.string().describe('Hvordan en verdi skrives: som den siste verdien'),
          innebygdFra: dato,
          innebygdTil: dato.describe('Siste dag produktets egne verdier (og operatørfilenes) dekker'),
          dekketTil: dato.describe('Siste dag tabellen dekker nå, med godkjente verdier'),
          nesteGyldigFra: dato.describe('Dagen en ny verdi må gjelde fra'),
          sisteVerdi: z
            .object({
              gyldigFra: dato,
              verdi: z.unknown(),
              kilde: z.object({ tittel: z.string(), url: z.string().optional() }).strict(),
            })
            .strict(),
          satser: z.array(satsoppfoeringSkjema),
        })
        .strict(),
    ),
  })
  .strict()
  .register(svarregister, {
    id: 'Satsoversikt',
    description: 'Tabellene med dekning, og kommunens verdier med status',
  });

const json = (schema: Json, beskrivelse: string) => ({
  description: beskrivelse,
  headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
  content: { 'application/json': { schema } },
});
const problem = (beskrivelse: string) => ({
  description: beskrivelse,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const FEIL = {
  '401': svar('IkkeAutentisert'),
  '403': problem(
    'Ingen satsforvalterrolle (FEIL_TJENESTEOMRAADE, ROLLE_MANGLER …), eller (godkjenning) egen sats: kode EGEN_SATS',
  ),
  '429': svar('ForMange'),
  '500': svar('Intern'),
  '503': svar('Utilgjengelig'),
};

/** The request body of a new entry, as JSON Schema (from the rules' own zod schema). */
export function satskomponenter(): Record<string, Json> {
  const { $schema: _s, ...ny } = z.toJSONSchema(nyKommunesatsSkjema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  return { NyKommunesats: { ...ny, description: 'En ny verdi for en tabell, med kilde og kontrolldato' } };
}

export function satsstier(sikret: Json[], rolleHeader: Json): Record<string, Json> {
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  return {
    '/api/v1/satser': {
      get: {
        operationId: 'satser',
        tags: ['Satser'],
        summary: 'Tabellene med dekning, og kommunens verdier (venter, gjelder) – for satsforvaltere',
        security: sikret,
        parameters: [rolleHeader],
        responses: { '200': json(ref('Satsoversikt'), 'Oversikten'), ...FEIL },
      },
      post: {
        operationId: 'leggInnSats',
        tags: ['Satser'],
        summary: 'Legg inn en verdi etter tabellens dekning (gjelder først når en annen har godkjent den)',
        description:
          'gyldigFra må være dagen etter at tabellen slutter (nesteGyldigFra i oversikten): en dato innenfor dekningen avvises, og et opphold også. verdi må ha tabellens form (verdiform). Føres i revisjonsloggen (SATS_LAGT_INN), det samme gjør en avvisning.',
        security: sikret,
        parameters: [rolleHeader],
        requestBody: { required: true, content: { 'application/json': { schema: ref('NyKommunesats') } } },
        responses: {
          '201': json(ref('Kommunesats'), 'Lagt inn; venter på godkjenning'),
          '400': problem('Ugyldig: errors[] navngir feltet (gyldigFra, verdi, tabell, kilde.tittel …)'),
          ...FEIL,
        },
      },
    },
    '/api/v1/satser/{id}/godkjenning': {
      post: {
        operationId: 'godkjennSats',
        tags: ['Satser'],
        summary: 'Godkjenn en annen satsforvalters verdi: fra nå gjelder den i alle beregninger',
        description:
          'Den som la inn verdien, kan ikke godkjenne den (403, kode EGEN_SATS). Føres i revisjonsloggen (SATS_GODKJENT).',
        security: sikret,
        parameters: [rolleHeader, id],
        responses: {
          '200': json(ref('Kommunesats'), 'Godkjent'),
          ...FEIL,
          '404': problem('Ingen sats med denne id-en'),
          '409': problem(
            'Allerede godkjent, eller verdien passer ikke lenger i tabellen (en annen verdi er godkjent for datoen); errors[] navngir feltet',
          ),
        },
      },
    },
  };
}
