import { foresporselSkjema } from '@inntektsgrunnlag/beregning';
import { brevdataSkjema } from '@inntektsgrunnlag/dokument';
import { endreKsIntegrasjonSkjema, nyKsIntegrasjonSkjema } from '@inntektsgrunnlag/lagring';
import { BEREGNERE } from '@inntektsgrunnlag/oppslag';
import { z } from 'zod';
import { ADMIN_GRUNNSTI } from '../ruter/admin.js';
import { husstandsforespoerselSkjema } from '../ruter/husstand.js';
import { KS_BEREGNINGER, KS_GRUNNSTI } from '../ruter/ks.js';
import { navneforespoerselSkjema } from '../ruter/native.js';
import { arkivkomponenter, arkivstier } from './arkiv.js';
import { etteroppgjoerkomponenter, etteroppgjoerstier } from './etteroppgjoer.js';
import { satskomponenter, satsstier } from './satser.js';
import { ref, svarregister, vedtaksbrevsvar } from './skjema.js';

type Json = Record<string, unknown>;

/** JSON Schemas from a registry, as OpenAPI components (without $schema and $id: the document is the root). */
function komponenter(
  register: z.core.$ZodRegistry<{ id: string; description?: string }>,
  io: 'input' | 'output',
): Record<string, Json> {
  const { schemas } = z.toJSONSchema(register, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, Json> };
  const ut: Record<string, Json> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...resten } = s;
    ut[id] = resten;
  }
  return ut;
}

/** The request schemas (what a client may send), with names. */
function foresporselskomponenter(): Record<string, Json> {
  const register = z.registry<{ id: string; description?: string }>();
  register.add(foresporselSkjema, {
    id: 'Beregningsforespoersel',
    description: 'En beregningsforespørsel, som `pnpm cli beregn` tar den',
  });
  register.add(navneforespoerselSkjema, { id: 'Navneforespoersel' });
  register.add(husstandsforespoerselSkjema, { id: 'Husstandsforespoersel' });
  register.add(nyKsIntegrasjonSkjema, { id: 'NyKsIntegrasjon', description: 'En ny KS-integrasjon' });
  register.add(endreKsIntegrasjonSkjema, {
    id: 'EndreKsIntegrasjon',
    description: 'Feltene som skal endres (minst ett)',
  });
  register.add(brevdataSkjema, {
    id: 'Vedtaksbrevdata',
    description:
      'Vedtaksbrevets felt: målform, saksbehandlerens vurderinger, datoer, mottaker og kopi (se docs/dokument.md)',
  });
  for (const [type, b] of Object.entries(BEREGNERE)) {
    register.add(b.vedtakSkjema, { id: `Vedtak_${type}`, description: `Vedtaksopplysninger for ${type}` });
  }
  const k = komponenter(register, 'input');
  const basis = k.Beregningsforespoersel as Json & { properties: Record<string, Json>; required: string[] };
  basis.properties.vedtak = {
    description:
      'Områdets vedtaksopplysninger (se GET /api/v1/verdier for skjemaet per beregningstype). Mangler de for BARNEHAGE_SFO på KS-stien, gis grunnlaget uten avgift.',
    anyOf: Object.keys(BEREGNERE).map((t) => ref(`Vedtak_${t}`)),
  };
  const konvolutt = {
    grunnlagsreferanse: {
      type: 'string',
      description:
        'Fra et tidligere resultat: beregn på nytt på postene fra det oppslaget, uten nytt oppslag og uten ny revisjonspost. Samme aktør, rolle, beregningstype, inntektsår og personer; gjelder i 30 minutter etter oppslaget.',
    },
    formaal: {
      type: 'string',
      maxLength: 250,
      description: 'Formålet med oppslaget (føres i revisjonsloggen)',
    },
    avregning: {
      type: 'string',
      enum: ['KREVES', 'OM_TILLATT', 'NEI'],
      default: 'OM_TILLATT',
      description:
        'Avregning (skatt til gode, restskatt, innbetalt skatt): OM_TILLATT tar den med når rollen har den; KREVES avviser oppslaget ellers (AVREGNING_IKKE_TILLATT); NEI utelater den',
    },
  };
  k.NativBeregningsforespoersel = {
    ...basis,
    description: 'Beregningsforespørselen med våre tilleggsfelt grunnlagsreferanse, formaal og avregning',
    properties: { ...basis.properties, ...konvolutt },
  };
  k.KsBeregningsforespoersel = {
    ...basis,
    description:
      'Forespørselen som KS Fiks tar den (beregningstype, inntektsaar, personer med identifikator, type og ekstraposter). Beregningstypen følger av stien og kan utelates. Våre tillegg: beregningsdato, vedtak, saksreferanse, poster per person, grunnlagsreferanse, formaal, avregning.',
    properties: { ...basis.properties, ...konvolutt },
    required: basis.required.filter((f) => f !== 'beregningstype'),
  };
  Object.assign(k, arkivkomponenter(k.NativBeregningsforespoersel as Json));
  Object.assign(k, satskomponenter());
  Object.assign(k, etteroppgjoerkomponenter(konvolutt));
  k.NativVedtaksbrevforespoersel = {
    ...basis,
    description:
      'Beregningsforespørselen (med grunnlagsreferanse, formaal og avregning som på /api/v1/beregning) og vedtaksbrevets felt',
    properties: { ...basis.properties, ...konvolutt, vedtaksbrev: ref('Vedtaksbrevdata') },
  };
  return k;
}

const problem = (beskrivelse: string, headers: Json = {}) => ({
  description: beskrivelse,
  headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' }, ...headers },
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const retryAfter = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };

const SVAR: Record<string, Json> = {
  Ugyldig: problem(
    'Ugyldig forespørsel: errors[] navngir hvert felt (også ugyldig JSON, feil Content-Type og ugyldig X-Rolle-Id)',
  ),
  IkkeAutentisert: problem('Mangler eller ugyldig API-nøkkel (kode AKTOER_UKJENT eller DEMONOEKKEL_AVVIST)', {
    'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer realm="inntektsgrunnlag"' },
  }),
  IngenTilgang: problem(
    'Avvist: kode er årsaken (ROLLE_IKKE_OPPGITT, ROLLE_UKJENT, ROLLE_MANGLER, FEIL_TJENESTEOMRAADE, AKTOER_INAKTIV, AVREGNING_IKKE_TILLATT, …)',
  ),
  IngenData: problem(
    'Skatteetaten har ingen skatteopplysninger for personen og året, eller personen finnes ikke',
  ),
  ForStor: problem('Forespørselen er større enn grensen (API_MAX_BODY)'),
  UtenforDekning: problem('Beregningsdatoen er utenfor satsene produktet kjenner'),
  ForMange: problem('For mange forespørsler fra klienten (API_RATE_LIMIT per minutt)', retryAfter),
  KildeFeil: problem(
    'Kilden (Skatteetaten, Folkeregisteret) feilet eller avviste; Retry-After når et nytt forsøk kan hjelpe',
    retryAfter,
  ),
  Utilgjengelig: problem(
    'Databasen eller revisjonsloggen svarer ikke: ingenting er utlevert; eller kilden er nede (kilde-nede, kode KILDE_NEDE_<API>, kilde): kretsbryteren er åpen og oppslaget ble ikke sendt',
    retryAfter,
  ),
  KildeTidsavbrudd: problem('Kilden svarte ikke i tide', retryAfter),
  Intern: problem('Uventet feil (en feil i produktet); oppgi requestId til driften'),
};

/** The same responses on the KS routes, with KS Fiks's error body (application/json). */
const KS_SVAR: Record<string, Json> = Object.fromEntries(
  Object.entries(SVAR).map(([navn, svar]) => [
    `Ks${navn}`,
    {
      ...svar,
      description: `${svar.description as string} (KS Fiks sin feilkropp)`,
      content: { 'application/json': { schema: ref('KsFeil') } },
    },
  ]),
);

const feilsvar = (...koder: Array<[string, string]>) =>
  Object.fromEntries(koder.map(([k, n]) => [k, { $ref: `#/components/responses/${n}` }]));
const felles = feilsvar(['400', 'Ugyldig'], ['429', 'ForMange'], ['500', 'Intern']);
const innlogget = feilsvar(['401', 'IkkeAutentisert'], ['403', 'IngenTilgang']);
const oppslagsfeil = feilsvar(
  ['404', 'IngenData'],
  ['413', 'ForStor'],
  ['422', 'UtenforDekning'],
  ['502', 'KildeFeil'],
  ['503', 'Utilgjengelig'],
  ['504', 'KildeTidsavbrudd'],
);

/** The KS routes' error responses: the same statuses, KS's body. */
const somKs = (svar: Record<string, Json>) =>
  Object.fromEntries(
    Object.entries(svar).map(([status, r]) => [
      status,
      { $ref: (r.$ref as string).replace('/responses/', '/responses/Ks') },
    ]),
  );
const ksFelles = somKs(felles);
const ksInnlogget = {
  ...somKs(innlogget),
  '401': {
    $ref: '#/components/responses/KsIkkeAutentisert',
  },
};
const ksOppslagsfeil = somKs(oppslagsfeil);

const json = (schema: Json, beskrivelse: string) => ({
  description: beskrivelse,
  headers: { 'X-Request-Id': { $ref: '#/components/headers/XRequestId' } },
  content: { 'application/json': { schema } },
});

const pdf = {
  description: 'Beregningen som PDF/A-2b (se docs/dokument.md)',
  headers: { 'Content-Disposition': { schema: { type: 'string' } } },
  content: { 'application/pdf': { schema: { type: 'string', contentEncoding: 'binary' } } },
};

const rolleParameter = { $ref: '#/components/parameters/RolleIdSti' };
const rolleHeader = { $ref: '#/components/parameters/XRolleId' };
const sikret = [{ apiNoekkel: [] }];
/** KS Fiks's three headers (Maskinporten token, IntegrasjonId, IntegrasjonPassord), or an API key. */
const ksSikret = [{ ksToken: [], ksIntegrasjonId: [], ksIntegrasjonPassord: [] }, { apiNoekkel: [] }];

function beregningsoperasjon(o: {
  id: string;
  tag: string;
  sammendrag: string;
  beskrivelse: string;
  parametre: Json[];
  kropp: string;
  svar: Json;
  ks?: boolean;
}): Json {
  return {
    operationId: o.id,
    tags: [o.tag],
    summary: o.sammendrag,
    description: o.beskrivelse,
    security: o.ks ? ksSikret : sikret,
    parameters: o.parametre,
    requestBody: { required: true, content: { 'application/json': { schema: ref(o.kropp) } } },
    responses: o.ks
      ? { '200': o.svar, ...ksFelles, ...ksInnlogget, ...ksOppslagsfeil }
      : { '200': o.svar, ...felles, ...innlogget, ...oppslagsfeil },
  };
}

let buffer: Json | undefined;

/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas of the requests (from the
 * packages) and the responses (openapi/skjema.ts).
 */
export function openApiDokument(): Json {
  if (buffer) return buffer;
  const paths: Record<string, Json> = {
    '/api/v1/beregning': {
      post: beregningsoperasjon({
        id: 'beregn',
        tag: 'Beregning',
        sammendrag: 'Beregn inntektsgrunnlag og avgift',
        beskrivelse:
          'Henter skatteopplysningene for personene uten «poster» (revidert oppslag), beregner grunnlaget og avgiften med satsene på beregningsdatoen, og forklarer hvert tall. Rollen tas fra X-Rolle-Id, ellers aktørens eneste rolle. Med «grunnlagsreferanse» beregnes på nytt uten nytt oppslag.',
        parametre: [rolleHeader],
        kropp: 'NativBeregningsforespoersel',
        svar: json(ref('Beregningsresultat'), 'Resultatet'),
      }),
    },
    '/api/v1/beregning/pdf': {
      post: beregningsoperasjon({
        id: 'beregnPdf',
        tag: 'Beregning',
        sammendrag: 'Beregn og få resultatet som PDF/A',
        beskrivelse: 'Som POST /api/v1/beregning, men svaret er dokumentet for arkivet.',
        parametre: [rolleHeader],
        kropp: 'NativBeregningsforespoersel',
        svar: pdf,
      }),
    },
    '/api/v1/vedtaksbrev': {
      post: beregningsoperasjon({
        id: 'vedtaksbrev',
        tag: 'Beregning',
        sammendrag: 'Vedtaksbrevet til en beregning (PDF/A-2b, bokmål eller nynorsk)',
        beskrivelse:
          'Beregner som POST /api/v1/beregning (samme rolle, tilgangskontroll og revisjonslogg; «grunnlagsreferanse» gjenbruker et oppslag) og lager vedtaksbrevet: vedtaket, opplysningene og reglene det bygger på, saksbehandlerens vurderinger, klageadgang og innsyn. Brevets felt står under «vedtaksbrev» og kontrolleres før noe slås opp. Svaret er PDF-en, eller med Accept: application/json brevets innhold til forhåndsvisning. Feil i brevets felt gir 400 med feltet (vedtaksbrev.vurderinger, …).',
        parametre: [rolleHeader],
        kropp: 'NativVedtaksbrevforespoersel',
        svar: vedtaksbrevsvar,
      }),
    },
    '/api/v1/personer/navn': {
      post: {
        operationId: 'navn',
        tags: ['Beregning'],
        summary: 'Navnet til et fødselsnummer (Folkeregisteret)',
        description:
          'For å kontrollere at nummeret er riktig person før oppslaget. Krever en rolle (hvilket som helst tjenesteområde) og føres i revisjonsloggen med formål NAVNEOPPSLAG.',
        security: sikret,
        parameters: [rolleHeader],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('Navneforespoersel') } },
        },
        responses: {
          '200': json(ref('Navneoppslag'), 'Navnet'),
          ...felles,
          ...innlogget,
          ...feilsvar(
            ['404', 'IngenData'],
            ['502', 'KildeFeil'],
            ['503', 'Utilgjengelig'],
            ['504', 'KildeTidsavbrudd'],
          ),
        },
      },
    },
    '/api/v1/husstand': {
      post: {
        operationId: 'husstand',
        tags: ['Beregning'],
        summary: 'Søkerens husstand fra Folkeregisteret, som forslag',
        description:
          'Ektefelle eller registrert partner (sivilstand) og, der tjenesteområdet tar dem med, barna (familierelasjon), med navn, for saksbehandleren å bekrefte. En samboer er ikke registrert i Folkeregisteret og legges inn for hånd. Krever en rolle i tjenesteområdet til beregningstypen og føres i revisjonsloggen med formål HUSSTANDSOPPSLAG, med alle personene som ble slått opp. Personer med adressebeskyttelse, eller der beskyttelsen ikke kunne kontrolleres, er merket skjermet.',
        security: sikret,
        parameters: [rolleHeader],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('Husstandsforespoersel') } },
        },
        responses: {
          '200': json(ref('Husstandsoppslag'), 'Forslagene'),
          ...felles,
          ...innlogget,
          ...feilsvar(
            ['404', 'IngenData'],
            ['502', 'KildeFeil'],
            ['503', 'Utilgjengelig'],
            ['504', 'KildeTidsavbrudd'],
          ),
        },
      },
    },
    '/api/v1/verdier': {
      get: {
        operationId: 'verdier',
        tags: ['Regler'],
        summary: 'Gyldige persontyper og ekstraposter, med hjelpetekster, og skjemaet for vedtaket',
        parameters: [
          {
            name: 'beregningstype',
            in: 'query',
            required: true,
            schema: { $ref: '#/components/schemas/Beregningstype' },
          },
          {
            name: 'inntektsaar',
            in: 'query',
            required: false,
            description: 'Uten årstall: det siste året området dekker',
            schema: { type: 'integer' },
          },
        ],
        responses: { '200': json(ref('Verdier'), 'Verdiene'), ...felles },
      },
    },
    '/api/v1/poster/{beregningstype}/{inntektsaar}': {
      get: {
        operationId: 'poster',
        tags: ['Regler'],
        summary: 'Postdefinisjonen: hvilke poster som teller, i hvilken gruppe og med hvilket fortegn',
        parameters: [
          { $ref: '#/components/parameters/BeregningstypeSti' },
          { $ref: '#/components/parameters/InntektsaarSti' },
          {
            name: 'format',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['json', 'yaml'], default: 'json' },
          },
        ],
        responses: {
          '200': {
            description: 'Postdefinisjonen',
            content: {
              'application/json': { schema: ref('Postdefinisjon') },
              'application/yaml': { schema: { type: 'string' } },
            },
          },
          ...felles,
        },
      },
    },
    '/api/v1/tjenesteomraader': {
      get: {
        operationId: 'tjenesteomraader',
        tags: ['Regler'],
        summary: 'Tjenesteområdene: beregningstyper, rettighetspakker og lovhjemler',
        responses: {
          '200': json(ref('Tjenesteomraader'), 'Områdene'),
          ...feilsvar(['429', 'ForMange'], ['500', 'Intern']),
        },
      },
    },
    '/api/v1/meg': {
      get: {
        operationId: 'meg',
        tags: ['Beregning'],
        summary: 'Hvem som er innlogget, og rollene aktøren har',
        security: sikret,
        responses: { '200': json(ref('Meg'), 'Aktøren'), ...felles, ...innlogget },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openapi',
        tags: ['Drift'],
        summary: 'Dette dokumentet (OpenAPI 3.1)',
        responses: {
          '200': {
            description: 'OpenAPI-dokumentet',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/api/docs': {
      get: {
        operationId: 'dokumentasjon',
        tags: ['Drift'],
        summary: 'Dokumentasjonen som nettside',
        responses: {
          '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } },
        },
      },
    },
    '/health/live': {
      get: {
        operationId: 'live',
        tags: ['Drift'],
        summary: 'Prosessen svarer',
        responses: { '200': json({ type: 'object', properties: { status: { const: 'ok' } } }, 'OK') },
      },
    },
    '/health/ready': {
      get: {
        operationId: 'ready',
        tags: ['Drift'],
        summary: 'Klar: databasen svarer; kildenes tilstand etter de siste oppslagene',
        responses: {
          '200': json(ref('Beredskap'), 'Klar (status ok eller degradert)'),
          '503': json(ref('Beredskap'), 'Databasen svarer ikke'),
        },
      },
    },
    '/metrics': {
      get: {
        operationId: 'metrikker',
        tags: ['Drift'],
        summary: 'Prometheus-metrikker (forespørsler per rute og status, svartider, oppslag per utfall)',
        responses: {
          '200': {
            description: 'Prometheus tekstformat 0.0.4',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
  };

  for (const { sti, type, navn } of KS_BEREGNINGER) {
    paths[`${KS_GRUNNSTI}${sti}`] = {
      post: beregningsoperasjon({
        id: `ks_${type}`,
        tag: 'KS Fiks-kompatibel',
        sammendrag: `Beregning for ${navn} (KS Fiks)`,
        beskrivelse: `Som KS Fiks sin «${sti}» for ${type}: samme autentisering (Maskinporten-token med scope ks:fiks, IntegrasjonId og IntegrasjonPassord), forespørsel og svar med KS sine feltnavn og grupper, våre felt lagt til. Felt KS tillater som vi ikke bruker, ignoreres. {rolleId} må være en rolle integrasjonen har (en UUID i hvilken som helst skrivemåte).`,
        parametre: [rolleParameter],
        kropp: 'KsBeregningsforespoersel',
        svar: json(ref('KsBeregningssvar'), 'Svaret i KS sin form'),
        ks: true,
      }),
    };
    paths[`${KS_GRUNNSTI}${sti}/pdf`] = {
      post: beregningsoperasjon({
        id: `ks_${type}_pdf`,
        tag: 'KS Fiks-kompatibel',
        sammendrag: `Beregning for ${navn} som PDF (KS Fiks)`,
        beskrivelse: 'Som beregningen, men svaret er dokumentet (PDF/A-2b).',
        parametre: [rolleParameter],
        kropp: 'KsBeregningsforespoersel',
        svar: pdf,
        ks: true,
      }),
    };
  }
  paths[`${KS_GRUNNSTI}/verdier`] = {
    post: {
      operationId: 'ks_verdier',
      tags: ['KS Fiks-kompatibel'],
      summary: 'Gyldige persontyper og ekstraposter (KS Fiks)',
      description:
        'Kroppen {beregningstype, inntektsaar?}; uten inntektsaar gjelder siste år postdefinisjonen dekker. KS publiserer ikke svarets form; vårt er det samme som GET /api/v1/verdier.',
      security: ksSikret,
      parameters: [rolleParameter],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { beregningstype: ref('Beregningstype'), inntektsaar: { type: 'integer' } },
              required: ['beregningstype'],
            },
          },
        },
      },
      responses: { '200': json(ref('Verdier'), 'Verdiene'), ...ksFelles, ...ksInnlogget },
    },
  };
  paths[`${KS_GRUNNSTI}/yaml/{beregningstype}/{inntektsaar}`] = {
    get: {
      operationId: 'ks_yaml',
      tags: ['KS Fiks-kompatibel'],
      summary: 'ZIP med beregnings- og visningsfilene (YAML) for beregningstypen og året (KS Fiks)',
      security: ksSikret,
      parameters: [
        rolleParameter,
        { $ref: '#/components/parameters/BeregningstypeSti' },
        { $ref: '#/components/parameters/InntektsaarSti' },
      ],
      responses: {
        '200': {
          description: 'ZIP med beregning-….yaml og visning-….yaml',
          content: { 'application/zip': { schema: { type: 'string', contentEncoding: 'binary' } } },
        },
        ...ksFelles,
        ...ksInnlogget,
      },
    },
  };

  // The operator's routes for KS integrations (ADMIN_API_KEY).
  const adminSikret = [{ adminNoekkel: [] }];
  const adminFeil = feilsvar(
    ['400', 'Ugyldig'],
    ['401', 'IkkeAutentisert'],
    ['403', 'IngenTilgang'],
    ['500', 'Intern'],
  );
  const idParameter = {
    name: 'id',
    in: 'path',
    required: true,
    description: 'Integrasjonens id (en UUID)',
    schema: { type: 'string', format: 'uuid' },
  };
  const medPassord = json(ref('KsIntegrasjonMedPassord'), 'Integrasjonen og passordet (vises bare nå)');
  const ikkeFunnet = { '404': { $ref: '#/components/responses/IkkeFunnet' } };
  paths[ADMIN_GRUNNSTI] = {
    post: {
      operationId: 'opprettKsIntegrasjon',
      tags: ['Administrasjon'],
      summary: 'Opprett en KS-integrasjon (passordet vises bare i svaret)',
      description:
        'Som `pnpm cli ks-integrasjon opprett`. Organisasjonsnummeret er den autoriserte organisasjonen: det tokenets consumer må ha (som regel leverandørens). Passordet lagres bare som scrypt-hash.',
      security: adminSikret,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('NyKsIntegrasjon') } },
      },
      responses: { '201': medPassord, ...adminFeil },
    },
    get: {
      operationId: 'ksIntegrasjoner',
      tags: ['Administrasjon'],
      summary: 'Alle KS-integrasjonene (uten passord)',
      security: adminSikret,
      responses: { '200': json(ref('KsIntegrasjoner'), 'Integrasjonene'), ...adminFeil },
    },
  };
  paths[`${ADMIN_GRUNNSTI}/{id}`] = {
    get: {
      operationId: 'ksIntegrasjon',
      tags: ['Administrasjon'],
      summary: 'Én KS-integrasjon',
      security: adminSikret,
      parameters: [idParameter],
      responses: { '200': json(ref('KsIntegrasjon'), 'Integrasjonen'), ...adminFeil, ...ikkeFunnet },
    },
    patch: {
      operationId: 'endreKsIntegrasjon',
      tags: ['Administrasjon'],
      summary: 'Endre navnet, den autoriserte organisasjonen eller rollene (passordet beholdes)',
      security: adminSikret,
      parameters: [idParameter],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('EndreKsIntegrasjon') } },
      },
      responses: { '200': json(ref('KsIntegrasjon'), 'Integrasjonen'), ...adminFeil, ...ikkeFunnet },
    },
  };
  paths[`${ADMIN_GRUNNSTI}/{id}/passord`] = {
    post: {
      operationId: 'roterKsPassord',
      tags: ['Administrasjon'],
      summary: 'Bytt passordet (det gamle slutter å virke med en gang; det nye vises bare i svaret)',
      security: adminSikret,
      parameters: [idParameter],
      responses: { '200': medPassord, ...adminFeil, ...ikkeFunnet },
    },
  };
  paths[`${ADMIN_GRUNNSTI}/{id}/trekk-tilbake`] = {
    post: {
      operationId: 'trekkTilbakeKsIntegrasjon',
      tags: ['Administrasjon'],
      summary: 'Trekk tilbake integrasjonen: alle kall med den avvises fra nå',
      security: adminSikret,
      parameters: [idParameter],
      responses: { '200': json(ref('KsIntegrasjon'), 'Integrasjonen'), ...adminFeil, ...ikkeFunnet },
    },
  };
  Object.assign(paths, arkivstier(sikret, rolleHeader));
  Object.assign(paths, satsstier(sikret, rolleHeader));
  Object.assign(paths, etteroppgjoerstier(beregningsoperasjon, rolleHeader));

  buffer = {
    openapi: '3.1.0',
    info: {
      title: 'Inntektsgrunnlag API',
      version: '0.1.0',
      summary: 'Inntektsgrunnlag og egenbetaling for kommunale tjenester',
      description:
        'Henter skatteopplysningene fra Skatteetaten, beregner inntektsgrunnlaget og avgiften kommunen kan kreve, forklarer hvert tall med hjemmelen, og fører oppslaget i revisjonsloggen. Feil er RFC 9457 application/problem+json på de native stiene og KS Fiks sin feilkropp på KS-stiene. Se docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [
      { name: 'Beregning', description: 'Oppslag og beregning (krever API-nøkkel)' },
      {
        name: 'KS Fiks-kompatibel',
        description: 'Samme stier og felt som KS Fiks skatte- og inntektsopplysninger',
      },
      { name: 'Regler', description: 'Postdefinisjoner, gyldige verdier og tjenesteområder (åpne)' },
      { name: 'Administrasjon', description: 'KS-integrasjoner (krever ADMIN_API_KEY)' },
      {
        name: 'Arkiv',
        description: 'Journalføring i kommunens arkiv: Fiks Arkiv, eller arkivpakken for manuell import',
      },
      {
        name: 'Satser',
        description:
          'Kommunens egne satser etter produktets dekning: legges inn og godkjennes av to satsforvaltere',
      },
      { name: 'Drift', description: 'Helse, metrikker og dokumentasjon' },
    ],
    paths,
    components: {
      schemas: {
        Beregningstype: { type: 'string', enum: Object.keys(BEREGNERE) },
        ...foresporselskomponenter(),
        ...komponenter(svarregister, 'output'),
      },
      responses: {
        ...SVAR,
        ...KS_SVAR,
        IkkeFunnet: problem('Finnes ikke'),
      },
      parameters: {
        XRolleId: {
          name: 'X-Rolle-Id',
          in: 'header',
          required: false,
          description:
            'Rollen oppslaget gjøres i; kan utelates når aktøren har én rolle (en API-nøkkel er bundet til én)',
          schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
        },
        RolleIdSti: {
          name: 'rolleId',
          in: 'path',
          required: true,
          description: 'Rollen (KS Fiks: rollens id); må være en rolle den som spør har',
          schema: { type: 'string' },
        },
        BeregningstypeSti: {
          name: 'beregningstype',
          in: 'path',
          required: true,
          schema: ref('Beregningstype'),
        },
        InntektsaarSti: { name: 'inntektsaar', in: 'path', required: true, schema: { type: 'integer' } },
      },
      headers: {
        XRequestId: {
          description: 'Forespørselens id (den innkommende når den er gyldig)',
          schema: { type: 'string' },
        },
        RetryAfter: { description: 'Sekunder før et nytt forsøk', schema: { type: 'integer' } },
      },
      securitySchemes: {
        ksToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'KS Fiks: access token fra Maskinporten med scope ks:fiks (eller fra ID-porten ved kall på vegne av en innlogget person); consumer må være integrasjonens autoriserte organisasjon. I innebygd modus: pnpm cli ks-token.',
        },
        ksIntegrasjonId: {
          type: 'apiKey',
          in: 'header',
          name: 'IntegrasjonId',
          description: 'KS Fiks: integrasjonens id (en UUID)',
        },
        ksIntegrasjonPassord: {
          type: 'apiKey',
          in: 'header',
          name: 'IntegrasjonPassord',
          description: 'KS Fiks: integrasjonens passord',
        },
        adminNoekkel: {
          type: 'http',
          scheme: 'bearer',
          description: 'Administrasjonsnøkkelen (ADMIN_API_KEY)',
        },
        apiNoekkel: {
          type: 'http',
          scheme: 'bearer',
          description:
            'API-nøkkelen til en integrasjonsklient (bundet til én rolle). I innebygd modus: demo-foreldrebetaling, demo-praktisk-bistand, demo-langtidsopphold.',
        },
      },
    },
  };
  return buffer;
}
