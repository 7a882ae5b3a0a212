import { arkivvalgSkjema } from '@inntektsgrunnlag/oppslag';
import { z } from 'zod';
import { ref, svarregister } from './skjema.js';

/** The journaling routes' descriptions (ruter/arkiv.ts; docs/api.md, docs/arkiv.md). */

type Json = Record<string, unknown>;
const svar = (navn: string) => ({ $ref: `#/components/responses/${navn}` });

export const arkivoppsettSkjema = z
  .object({
    fiksArkiv: z
      .boolean()
      .describe('Om kommunens arkiv er satt opp for Fiks Arkiv her (ellers bare arkivpakken)'),
    journalposttyper: z
      .array(z.enum(['U', 'X', 'N']))
      .describe('Journalposttypene som kan lages: U krever vedtaksbrevet'),
    kvitteringsfristSekunder: z.number().int().describe('Hvor lenge en forsendelse venter på kvittering'),
    arkivpakke: z.literal(true).describe('Arkivpakken (zip) for manuell import kan alltid lastes ned'),
  })
  .strict()
  .register(svarregister, { id: 'Arkivoppsett' });

export const forsendelsesstatusSkjema = z
  .object({
    id: z.string().describe('Forsendelsens id; også journalpostens referanseEksternNoekkel.noekkel'),
    status: z
      .enum(['SENDES', 'SENDT', 'MOTTATT', 'JOURNALFOERT', 'FEILET', 'INGEN_KVITTERING'])
      .describe(
        'SENDT: Fiks IO har tatt imot; MOTTATT: arkivet har meldingen; JOURNALFOERT: kvitteringen er kommet; FEILET: arkivet svarte med feil eller sendingen feilet; INGEN_KVITTERING: ingen kvittering innen fristen',
      ),
    journalposttype: z.enum(['U', 'X', 'N']),
    saksmappe: z
      .record(z.string(), z.unknown())
      .describe('Saksmappen som valgt: EKSISTERENDE med saksnummer, eller NY'),
    beregningstype: z.string(),
    inntektsaar: z.number().int(),
    opprettet: z.string(),
    sistSendt: z.string().nullable(),
    antallSendinger: z.number().int(),
    kvitteringsfrist: z.string().nullable().describe('Når kvitteringen senest ventes for siste sending'),
    journalpost: z
      .object({
        id: z
          .string()
          .describe('Journalnummeret (journalaar/journalsekvensnummer), ellers arkivets systemID'),
        journalaar: z.number().int().nullable(),
        journalsekvensnummer: z.number().int().nullable(),
        journalpostnummer: z.number().int().nullable().describe('Dokumentnummeret i saken'),
        saksnummer: z.string().nullable().describe('saksaar/sakssekvensnummer'),
        systemID: z.string(),
      })
      .strict()
      .nullable()
      .describe('Arkivets id-er fra kvitteringen'),
    feil: z.object({ type: z.string(), melding: z.string() }).strict().nullable(),
    kanSendesIgjen: z.boolean(),
  })
  .strict()
  .register(svarregister, {
    id: 'Arkivforsendelse',
    description: 'En forsendelse til arkivet og hvor den står',
  });

/** The request body: the beregning request (with our envelope) and `arkiv`, the case worker's choice. */
export function arkivkomponenter(forespoersel: Json): Record<string, Json> {
  const { $schema: _s, ...valg } = z.toJSONSchema(arkivvalgSkjema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  const f = forespoersel as Json & { properties: Record<string, Json>; required: string[] };
  return {
    Arkivvalg: { ...valg, description: 'Journalposttypen og saksmappen' },
    Arkivforespoersel: {
      ...f,
      description:
        'Beregningsforespørselen (som POST /api/v1/beregning) med «arkiv»: journalposttype og saksmappe; for U (utgående brev) også «vedtaksbrev»: brevets felt som på POST /api/v1/vedtaksbrev',
      properties: {
        ...f.properties,
        arkiv: ref('Arkivvalg'),
        vedtaksbrev: {
          ...ref('Vedtaksbrevdata'),
          description:
            'Bare for journalposttype U: vedtaksbrevets felt (målform, vurderinger, datoer, mottaker, kopi). Brevet blir hoveddokumentet, beregningen vedlegget. Mangler feltet, lages brevet med standardverdiene.',
        },
      },
      required: [...f.required, 'arkiv'],
    },
  };
}

const json = (schema: Json, beskrivelse: string) => ({
  description: beskrivelse,
  headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
  content: { 'application/json': { schema } },
});

const FEIL = {
  '400': svar('Ugyldig'),
  '401': svar('IkkeAutentisert'),
  '403': svar('IngenTilgang'),
  '429': svar('ForMange'),
  '500': svar('Intern'),
};
const OPPSLAG = {
  '404': svar('IngenData'),
  '413': svar('ForStor'),
  '422': svar('UtenforDekning'),
  '502': svar('KildeFeil'),
  '503': svar('Utilgjengelig'),
  '504': svar('KildeTidsavbrudd'),
};
const problem = (beskrivelse: string) => ({
  description: beskrivelse,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export function arkivstier(sikret: Json[], rolleHeader: Json): Record<string, Json> {
  const kropp = { required: true, content: { 'application/json': { schema: ref('Arkivforespoersel') } } };
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  return {
    '/api/v1/arkiv': {
      get: {
        operationId: 'arkivoppsett',
        tags: ['Arkiv'],
        summary: 'Hva journalføringen kan her: Fiks Arkiv eller bare arkivpakken, og hvilke journalposttyper',
        security: sikret,
        responses: { '200': json(ref('Arkivoppsett'), 'Oppsettet'), ...FEIL },
      },
    },
    '/api/v1/arkiv/forsendelser': {
      post: {
        operationId: 'sendTilArkiv',
        tags: ['Arkiv'],
        summary: 'Beregn og send beregningen (og vedtaksbrevet) til kommunens arkiv gjennom Fiks Arkiv',
        description:
          'Beregner som POST /api/v1/beregning, lager arkivmeldingen (no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett) med dokumentene (U: vedtaksbrevet som hoveddokument og beregningen som vedlegg; X og N: beregningen alene), krypterer den til arkivet og sender den med Fiks IO. Svarer 202 med forsendelsen; følg den med GET …/forsendelser/{id} til status JOURNALFOERT (journalpost.id) eller FEILET/INGEN_KVITTERING. Føres i revisjonsloggen.',
        security: sikret,
        parameters: [rolleHeader],
        requestBody: kropp,
        responses: {
          '202': {
            ...json(
              ref('Arkivforsendelse'),
              'Forsendelsen er laget og sendt (eller sendingen feilet: status FEILET)',
            ),
            headers: {
              'X-Request-Id': { $ref: '#/components/headers/XRequestId' },
              Location: { schema: { type: 'string' }, description: 'Adressen til forsendelsen' },
            },
          },
          ...FEIL,
          ...OPPSLAG,
          '409': problem(
            'Fiks Arkiv er ikke satt opp her (kode ARKIV_IKKE_SATT_OPP): last ned arkivpakken i stedet',
          ),
          '502': problem(
            'Kilden feilet, eller arkivets offentlige nøkkel kunne ikke hentes fra Fiks IO (arkiv-feil)',
          ),
        },
      },
    },
    '/api/v1/arkiv/forsendelser/{id}': {
      get: {
        operationId: 'arkivforsendelse',
        tags: ['Arkiv'],
        summary: 'Hvor en forsendelse står, med journalpostens id når kvitteringen er kommet',
        security: sikret,
        parameters: [id],
        responses: {
          '200': json(ref('Arkivforsendelse'), 'Forsendelsen'),
          ...FEIL,
          '404': problem('Ingen slik forsendelse for denne aktøren'),
        },
      },
    },
    '/api/v1/arkiv/forsendelser/{id}/send-igjen': {
      post: {
        operationId: 'sendTilArkivIgjen',
        tags: ['Arkiv'],
        summary:
          'Send samme pakke igjen (ingen kvittering, eller feil): arkivet lager ikke en journalpost til',
        description:
          'Samme pakke, samme referanseEksternNoekkel: har arkivet journalført den første, svarer det med den samme journalposten («Eksisterende»). Gjøres i den første forsendelsens rolle. Føres i revisjonsloggen.',
        security: sikret,
        parameters: [id],
        responses: {
          '202': json(ref('Arkivforsendelse'), 'Sendt igjen'),
          ...FEIL,
          '404': problem('Ingen slik forsendelse for denne aktøren'),
          '409': problem('Allerede journalført, eller Fiks Arkiv er ikke satt opp'),
        },
      },
    },
    '/api/v1/arkiv/pakke': {
      post: {
        operationId: 'arkivpakke',
        tags: ['Arkiv'],
        summary: 'Uten arkiv: arkivmeldingen og dokumentene som zip for manuell import',
        description:
          'Samme melding som Fiks Arkiv ville fått: arkivmelding.xml og PDF-ene under navnene meldingen gir dem. Føres i revisjonsloggen.',
        security: sikret,
        parameters: [rolleHeader],
        requestBody: kropp,
        responses: {
          '200': {
            description: 'ZIP med arkivmelding.xml og dokumentene',
            headers: { 'Content-Disposition': { schema: { type: 'string' } } },
            content: { 'application/zip': { schema: { type: 'string', contentEncoding: 'binary' } } },
          },
          ...FEIL,
          ...OPPSLAG,
        },
      },
    },
  };
}
