/**
 * What this SCIM service provider supports, as RFC 7643 describes it: the schemas (§ 7, § 8.7), the
 * resource types (§ 6) and the service provider configuration (§ 5). Static data; the base URL is
 * filled in per request for `meta.location`.
 */
export const SCIM_JSON = 'application/scim+json; charset=utf-8';

export const URN = {
  bruker: 'urn:ietf:params:scim:schemas:core:2.0:User',
  gruppe: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  /** KS's extension for the Norwegian national identity number (accepted as KS uses it). */
  ksPerson: 'urn:ietf:params:scim:schemas:extension:ks:personidentifikasjon:1.0',
  /** Sent by Entra ID and others; accepted and not stored. */
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  liste: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  feil: 'urn:ietf:params:scim:api:messages:2.0:Error',
  tjenesteoppsett: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  ressurstype: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  skjema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** Largest page (`count`) a list returns; also ServiceProviderConfig's filter.maxResults. */
export const MAKS_SIDE = 200;
export const STANDARD_SIDE = 100;

interface Attributt {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: Attributt[];
  referenceTypes?: string[];
  canonicalValues?: string[];
}

function a(name: string, description: string, over: Partial<Attributt> = {}): Attributt {
  return {
    name,
    type: 'string',
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...over,
  };
}

const BRUKERSKJEMA = {
  id: URN.bruker,
  name: 'User',
  description: 'Saksbehandler',
  attributes: [
    a('userName', 'Unikt brukernavn i kildesystemet (f.eks. UPN). Påkrevd.', {
      required: true,
      uniqueness: 'server',
    }),
    a('name', 'Navnet i deler', {
      type: 'complex',
      subAttributes: [
        a('formatted', 'Fullt navn'),
        a('familyName', 'Etternavn'),
        a('givenName', 'Fornavn'),
        a('middleName', 'Mellomnavn'),
        a('honorificPrefix', 'Tittel foran navnet'),
        a('honorificSuffix', 'Tittel etter navnet'),
      ],
    }),
    a(
      'displayName',
      'Navnet som vises og føres i revisjonsloggen (standard: name.formatted, fornavn og etternavn, ellers userName)',
    ),
    a('active', 'Om brukeren kan logge inn og gjøre oppslag', { type: 'boolean' }),
    a('emails', 'E-postadresser', {
      type: 'complex',
      multiValued: true,
      subAttributes: [
        a('value', 'Adressen'),
        a('display', 'Visningsform'),
        a('type', 'Slag', { canonicalValues: ['work', 'home', 'other'] }),
        a('primary', 'Hovedadressen', { type: 'boolean' }),
      ],
    }),
    a('groups', 'Gruppene brukeren er direkte medlem av (endres gjennom Groups)', {
      type: 'complex',
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        a('value', 'Gruppens id', { mutability: 'readOnly' }),
        a('$ref', 'Gruppens adresse', {
          type: 'reference',
          referenceTypes: ['Group'],
          mutability: 'readOnly',
        }),
        a('display', 'Gruppens navn', { mutability: 'readOnly' }),
        a('type', 'direct', { mutability: 'readOnly', canonicalValues: ['direct'] }),
      ],
    }),
  ],
};

const GRUPPESKJEMA = {
  id: URN.gruppe,
  name: 'Group',
  description: 'Gruppe; en rolle knyttet til gruppen gis til alle medlemmene',
  attributes: [
    a('displayName', 'Gruppens navn. Påkrevd.', { required: true }),
    a('members', 'Medlemmene: brukere fra samme kildesystem', {
      type: 'complex',
      multiValued: true,
      subAttributes: [
        a('value', 'Brukerens id', { mutability: 'immutable' }),
        a('$ref', 'Brukerens adresse', {
          type: 'reference',
          referenceTypes: ['User'],
          mutability: 'immutable',
        }),
        a('display', 'Brukerens navn', { mutability: 'readOnly' }),
        a('type', 'Bare User støttes', { mutability: 'immutable', canonicalValues: ['User'] }),
      ],
    }),
  ],
};

const KS_PERSONSKJEMA = {
  id: URN.ksPerson,
  name: 'Personidentifikasjon',
  description: 'Fødselsnummer (eller D-nummer) for å koble innlogging med ID-porten (claim pid) til brukeren',
  attributes: [
    a(
      'foedselsnummer',
      'Fødselsnummer eller D-nummer, 11 sifre, med gyldige kontrollsifre. Skrives, returneres aldri.',
      {
        caseExact: true,
        mutability: 'writeOnly',
        returned: 'never',
        uniqueness: 'global',
      },
    ),
  ],
};

export const SKJEMAER = [BRUKERSKJEMA, GRUPPESKJEMA, KS_PERSONSKJEMA];

const meta = (basis: string, resourceType: string, sti: string) => ({
  resourceType,
  location: `${basis}${sti}`,
});

export function skjemaer(basis: string) {
  return SKJEMAER.map((s) => ({
    schemas: [URN.skjema],
    ...s,
    meta: meta(basis, 'Schema', `/Schemas/${s.id}`),
  }));
}

export function ressurstyper(basis: string) {
  return [
    {
      schemas: [URN.ressurstype],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'Saksbehandler',
      schema: URN.bruker,
      schemaExtensions: [{ schema: URN.ksPerson, required: false }],
      meta: meta(basis, 'ResourceType', '/ResourceTypes/User'),
    },
    {
      schemas: [URN.ressurstype],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Gruppe',
      schema: URN.gruppe,
      meta: meta(basis, 'ResourceType', '/ResourceTypes/Group'),
    },
  ];
}

export function tjenesteoppsett(basis: string) {
  return {
    schemas: [URN.tjenesteoppsett],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAKS_SIDE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer-token per kildesystem',
        description:
          'Authorization: Bearer <token>. Hvert kildesystem har sitt eget token med utløpsdato; det lagres bare som hash.',
        primary: true,
      },
    ],
    meta: meta(basis, 'ServiceProviderConfig', '/ServiceProviderConfig'),
  };
}
