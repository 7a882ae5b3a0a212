import { ScimFeil } from './feil.js';
import { URN } from './skjema.js';

/**
 * The small part of SCIM's filter and path grammar (RFC 7644 § 3.4.2.2, § 3.5.2) this service
 * supports: `attr eq "value"` filters, and PATCH paths `attr`, `attr.sub`, `attr[sub eq "v"]`,
 * `attr[sub eq "v"].sub`, each optionally prefixed with a schema URN. Attribute names are
 * case-insensitive (RFC 7643 § 2.1).
 */

/** A known schema URN the expression starts with, and the rest; null when it names no known schema. */
function skilleUrn(uttrykk: string): { skjema: string | null; rest: string } {
  const lav = uttrykk.toLowerCase();
  for (const urn of [URN.bruker, URN.gruppe, URN.ksPerson, URN.enterprise]) {
    if (lav === urn.toLowerCase()) return { skjema: urn, rest: '' };
    if (lav.startsWith(`${urn.toLowerCase()}:`)) return { skjema: urn, rest: uttrykk.slice(urn.length + 1) };
  }
  return { skjema: null, rest: uttrykk };
}

export interface Likhetsfilter {
  /** The attribute (as written; compare case-insensitively), with `sub` for `emails.value`. */
  attributt: string;
  skjema: string | null;
  verdi: string | boolean | number | null;
}

const ATTRIBUTTNAVN = /^[A-Za-z$][\w$-]*(?:\.[A-Za-z$][\w$-]*)?$/;
const FILTER = /^\s*(\S+)\s+([A-Za-z]{2})\s+("(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?)\s*$/;

/** `attr eq "value"`; any other filter gives 400 invalidFilter with the reason. */
export function lesFilter(tekst: string): Likhetsfilter {
  const m = FILTER.exec(tekst);
  if (!m) {
    throw new ScimFeil(
      400,
      'invalidFilter',
      'Bare filtre på formen «attributt eq "verdi"» støttes (userName, externalId og displayName)',
    );
  }
  const [, sti, operator, raa] = m as unknown as [string, string, string, string];
  if (operator.toLowerCase() !== 'eq') {
    throw new ScimFeil(400, 'invalidFilter', `Operatoren «${operator}» støttes ikke; bare eq`);
  }
  const { skjema, rest } = skilleUrn(sti);
  if (!ATTRIBUTTNAVN.test(rest)) throw new ScimFeil(400, 'invalidFilter', `«${sti}» er ikke et attributt`);
  let verdi: Likhetsfilter['verdi'];
  try {
    verdi = JSON.parse(raa) as Likhetsfilter['verdi'];
  } catch {
    throw new ScimFeil(400, 'invalidFilter', 'Verdien i filteret er ikke en gyldig streng');
  }
  return { attributt: rest, skjema, verdi };
}

export interface Sti {
  /** The schema URN the path starts with, if any. */
  skjema: string | null;
  /** The attribute; empty when the path is a schema URN alone (the extension as a whole). */
  attributt: string;
  /** A value filter on a multi-valued attribute: `emails[type eq "work"]`. */
  filter: { attributt: string; verdi: string | boolean | number | null } | null;
  /** A sub-attribute: `name.givenName`, `emails[type eq "work"].value`. */
  under: string | null;
}

const STI = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/;

/** A PATCH path; a malformed one gives 400 invalidPath, an unsupported filter 400 invalidFilter. */
export function lesSti(tekst: string): Sti {
  const { skjema, rest } = skilleUrn(tekst.trim());
  if (rest === '') {
    if (skjema) return { skjema, attributt: '', filter: null, under: null };
    throw new ScimFeil(400, 'invalidPath', 'path kan ikke være tom');
  }
  const m = STI.exec(rest);
  if (!m) throw new ScimFeil(400, 'invalidPath', `path «${tekst}» kan ikke leses`);
  const [, attributt, filtertekst, under] = m as unknown as [
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  let filter: Sti['filter'] = null;
  if (filtertekst !== undefined) {
    const f = lesFilter(filtertekst);
    if (f.attributt.includes('.'))
      throw new ScimFeil(400, 'invalidFilter', 'Filteret i path må gjelde et underattributt');
    filter = { attributt: f.attributt, verdi: f.verdi };
  }
  return { skjema, attributt, filter, under: under ?? null };
}
