import type {
  Epost,
  Personnavn,
  ScimBruker,
  ScimBrukerdata,
  ScimGruppe,
  ScimGruppedata,
} from '@inntektsgrunnlag/lagring';
import { sjekkIdentifikator } from '@inntektsgrunnlag/person';
import { ScimFeil, ugyldigSyntaks, ugyldigVerdi } from './feil.js';
import { URN } from './skjema.js';

type Objekt = Record<string, unknown>;

export const erObjekt = (v: unknown): v is Objekt => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An attribute's value by its name, case-insensitively (RFC 7643 § 2.1). */
export function hent(o: Objekt, navn: string): unknown {
  if (navn in o) return o[navn];
  const lav = navn.toLowerCase();
  for (const [n, v] of Object.entries(o)) if (n.toLowerCase() === lav) return v;
  return undefined;
}

const MAKS_TEKST = 1000;

function tekst(v: unknown, felt: string, valg: { paakrevd?: boolean; maks?: number } = {}): string | null {
  if (v === undefined || v === null || (v === '' && !valg.paakrevd)) {
    if (valg.paakrevd) throw ugyldigVerdi(`${felt}: mangler`);
    return null;
  }
  if (typeof v !== 'string') throw ugyldigVerdi(`${felt}: må være en tekst`);
  const t = v.trim();
  if (valg.paakrevd && t === '') throw ugyldigVerdi(`${felt}: kan ikke være tom`);
  if (t.length > (valg.maks ?? MAKS_TEKST))
    throw ugyldigVerdi(`${felt}: høyst ${valg.maks ?? MAKS_TEKST} tegn`);
  return t;
}

/** A boolean; also "True"/"False" as text, which Entra ID sends in PATCH. */
export function sannhet(v: unknown, felt: string): boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  throw ugyldigVerdi(`${felt}: må være true eller false`);
}

const NAVNEDELER = [
  'formatted',
  'familyName',
  'givenName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
] as const;

function personnavn(v: unknown): Personnavn | null {
  if (v === undefined || v === null) return null;
  if (!erObjekt(v)) throw ugyldigVerdi('name: må være et objekt');
  const ut: Personnavn = {};
  for (const del of NAVNEDELER) {
    const t = tekst(hent(v, del), `name.${del}`, { maks: 200 });
    if (t) ut[del] = t;
  }
  return Object.keys(ut).length > 0 ? ut : null;
}

function eposter(v: unknown): Epost[] {
  if (v === undefined || v === null) return [];
  const liste = Array.isArray(v) ? v : [v];
  const ut: Epost[] = liste.map((e, i) => {
    if (!erObjekt(e)) throw ugyldigVerdi(`emails[${i}]: må være et objekt`);
    const value = tekst(hent(e, 'value'), `emails[${i}].value`, { paakrevd: true, maks: 320 }) as string;
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw ugyldigVerdi(`emails[${i}].value: er ikke en e-postadresse`);
    const type = tekst(hent(e, 'type'), `emails[${i}].type`, { maks: 50 });
    const display = tekst(hent(e, 'display'), `emails[${i}].display`, { maks: 320 });
    const primary = sannhet(hent(e, 'primary'), `emails[${i}].primary`);
    return {
      value,
      ...(type ? { type } : {}),
      ...(display ? { display } : {}),
      ...(primary !== null ? { primary } : {}),
    };
  });
  if (ut.filter((e) => e.primary).length > 1) throw ugyldigVerdi('emails: høyst én kan være primary');
  return ut;
}

/** The fødselsnummer of the KS extension, checked with its control digits; never echoed in an error. */
function foedselsnummer(o: Objekt): string | null | undefined {
  const utvidelse = hent(o, URN.ksPerson);
  if (utvidelse === undefined) return undefined;
  if (utvidelse === null) return null;
  if (!erObjekt(utvidelse)) throw ugyldigVerdi(`${URN.ksPerson}: må være et objekt`);
  const v = hent(utvidelse, 'foedselsnummer');
  if (v === undefined || v === null || v === '') return null;
  const felt = `${URN.ksPerson}:foedselsnummer`;
  if (typeof v !== 'string') throw ugyldigVerdi(`${felt}: må være en tekst med 11 sifre`);
  const sjekk = sjekkIdentifikator(v.trim());
  if (!sjekk.gyldig) throw ugyldigVerdi(`${felt}: ${sjekk.melding}`);
  return v.trim();
}

function kontrollerSkjemaer(o: Objekt, kjerne: string): void {
  const schemas = hent(o, 'schemas');
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === kjerne.toLowerCase())
  ) {
    throw ugyldigSyntaks(`schemas: må inneholde «${kjerne}»`);
  }
}

/**
 * What a User body (POST, PUT, or a resource after PATCH) says, validated. Unknown attributes are
 * ignored; read-only ones (id, meta, groups) too, as RFC 7644 § 3.5.1 allows. `foedselsnummer` is
 * undefined when the body does not mention the extension (PUT then keeps the stored number, since
 * the attribute is write-only and a client cannot send back what it never sees).
 */
export function brukerFraScim(
  kropp: unknown,
): Omit<ScimBrukerdata, 'foedselsnummer'> & { foedselsnummer: string | null | undefined } {
  if (!erObjekt(kropp)) throw ugyldigSyntaks('Innholdet må være et JSON-objekt');
  kontrollerSkjemaer(kropp, URN.bruker);
  const brukernavn = tekst(hent(kropp, 'userName'), 'userName', { paakrevd: true, maks: 256 }) as string;
  const navn = personnavn(hent(kropp, 'name'));
  const visningsnavn =
    tekst(hent(kropp, 'displayName'), 'displayName', { maks: 200 }) ??
    navn?.formatted ??
    ([navn?.givenName, navn?.familyName].filter(Boolean).join(' ') || brukernavn);
  return {
    brukernavn,
    visningsnavn: visningsnavn.slice(0, 200),
    navn,
    eksternId: tekst(hent(kropp, 'externalId'), 'externalId', { maks: 200 }),
    aktiv: sannhet(hent(kropp, 'active'), 'active') ?? true,
    epost: eposter(hent(kropp, 'emails')),
    foedselsnummer: foedselsnummer(kropp),
  };
}

/** What a Group body says, validated; members as user ids (only users, see docs/scim.md). */
export function gruppeFraScim(kropp: unknown): ScimGruppedata & { medlemmer: string[] } {
  if (!erObjekt(kropp)) throw ugyldigSyntaks('Innholdet må være et JSON-objekt');
  kontrollerSkjemaer(kropp, URN.gruppe);
  return {
    visningsnavn: tekst(hent(kropp, 'displayName'), 'displayName', { paakrevd: true, maks: 200 }) as string,
    eksternId: tekst(hent(kropp, 'externalId'), 'externalId', { maks: 200 }),
    medlemmer: medlemsider(hent(kropp, 'members'), 'members'),
  };
}

/** The user ids of a members value: `[{ value, type? }]` (or one such object). */
export function medlemsider(v: unknown, felt: string): string[] {
  if (v === undefined || v === null) return [];
  const liste = Array.isArray(v) ? v : [v];
  return liste.map((m, i) => {
    if (!erObjekt(m)) throw ugyldigVerdi(`${felt}[${i}]: må være et objekt med value`);
    const type = hent(m, 'type');
    if (type !== undefined && type !== null && String(type).toLowerCase() !== 'user') {
      throw ugyldigVerdi(`${felt}[${i}].type: bare brukere (User) kan være medlemmer`);
    }
    return tekst(hent(m, 'value'), `${felt}[${i}].value`, { paakrevd: true, maks: 200 }) as string;
  });
}

export const versjonstagg = (versjon: number) => `W/"${versjon}"`;

/** If-Match as a version number; undefined without the header, `*` or a tag we never issued. */
export function forventetVersjon(ifMatch: string | undefined): number | undefined {
  if (!ifMatch || ifMatch.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(ifMatch);
  if (!m) throw new ScimFeil(412, null, 'If-Match er ikke en versjon denne tjenesten har gitt');
  return Number(m[1]);
}

/** A user as SCIM shows it. The fødselsnummer is write-only: never returned. */
export function brukerTilScim(b: ScimBruker, basis: string): Objekt {
  return {
    schemas: [URN.bruker],
    id: b.id,
    ...(b.eksternId ? { externalId: b.eksternId } : {}),
    userName: b.brukernavn,
    ...(b.navn ? { name: b.navn } : {}),
    displayName: b.visningsnavn,
    active: b.aktiv,
    ...(b.epost.length > 0 ? { emails: b.epost } : {}),
    groups: b.grupper.map((g) => ({
      value: g.id,
      $ref: `${basis}/Groups/${g.id}`,
      display: g.visningsnavn,
      type: 'direct',
    })),
    meta: {
      resourceType: 'User',
      created: b.opprettet,
      lastModified: b.endret,
      location: `${basis}/Users/${b.id}`,
      version: versjonstagg(b.versjon),
    },
  };
}

export function gruppeTilScim(g: ScimGruppe, basis: string): Objekt {
  return {
    schemas: [URN.gruppe],
    id: g.id,
    ...(g.eksternId ? { externalId: g.eksternId } : {}),
    displayName: g.visningsnavn,
    ...(g.medlemmer
      ? {
          members: g.medlemmer.map((m) => ({
            value: m.id,
            $ref: `${basis}/Users/${m.id}`,
            display: m.visningsnavn,
            type: 'User',
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: g.opprettet,
      lastModified: g.endret,
      location: `${basis}/Groups/${g.id}`,
      version: versjonstagg(g.versjon),
    },
  };
}

/**
 * `attributes` / `excludedAttributes` (RFC 7644 § 3.4.2.5) on top-level attributes: schemas and id
 * are always returned.
 */
export function projiser(r: Objekt, attributter: string[] | null, utelatt: string[] | null): Objekt {
  const alltid = new Set(['schemas', 'id']);
  // "urn:…:User:name.givenName" → "name": the top-level attribute a name points into.
  const topp = (s: string) =>
    ((s.startsWith('urn:') ? s.slice(s.lastIndexOf(':') + 1) : s).split('.')[0] ?? '').toLowerCase();
  if (attributter && attributter.length > 0) {
    const med = new Set(attributter.map(topp));
    return Object.fromEntries(Object.entries(r).filter(([n]) => alltid.has(n) || med.has(n.toLowerCase())));
  }
  if (utelatt && utelatt.length > 0) {
    const ut = new Set(utelatt.map(topp));
    return Object.fromEntries(Object.entries(r).filter(([n]) => alltid.has(n) || !ut.has(n.toLowerCase())));
  }
  return r;
}
