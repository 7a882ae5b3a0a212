import { ScimFeil, ugyldigSyntaks, ugyldigVerdi } from './feil.js';
import { erObjekt, hent, medlemsider } from './ressurser.js';
import { URN } from './skjema.js';
import { lesSti, type Sti } from './uttrykk.js';

/**
 * SCIM PATCH (RFC 7644 § 3.5.2): add, replace and remove, applied in order to a resource's JSON.
 * Also the forms Entra ID sends: capitalised ops ("Replace"), booleans as "True"/"False" (handled by
 * the validation after), a remove of `members` with the members to remove as value, a no-path
 * operation whose value keys are paths (`{"name.givenName": "Kari"}`), and an add to
 * `emails[type eq "work"].value` that creates the e-mail when there is none of that type.
 */

type Objekt = Record<string, unknown>;
export type Op = 'add' | 'replace' | 'remove';
export interface Operasjon {
  op: Op;
  sti: string | null;
  verdi: unknown;
}

const MAKS_OPERASJONER = 1000;

export function lesPatch(kropp: unknown): Operasjon[] {
  if (!erObjekt(kropp)) throw ugyldigSyntaks('Innholdet må være et JSON-objekt');
  const schemas = hent(kropp, 'schemas');
  if (!Array.isArray(schemas) || !schemas.includes(URN.patch))
    throw ugyldigSyntaks(`schemas: må være ["${URN.patch}"]`);
  const ops = hent(kropp, 'Operations');
  if (!Array.isArray(ops) || ops.length === 0)
    throw ugyldigSyntaks('Operations: må være en liste med minst én operasjon');
  if (ops.length > MAKS_OPERASJONER)
    throw new ScimFeil(413, 'tooMany', `Høyst ${MAKS_OPERASJONER} operasjoner per PATCH`);
  return ops.map((o, i) => {
    if (!erObjekt(o)) throw ugyldigSyntaks(`Operations[${i}]: må være et objekt`);
    const op = String(hent(o, 'op') ?? '').toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw ugyldigSyntaks(`Operations[${i}].op: må være add, replace eller remove`);
    }
    const sti = hent(o, 'path');
    if (sti !== undefined && sti !== null && typeof sti !== 'string')
      throw new ScimFeil(400, 'invalidPath', `Operations[${i}].path: må være en tekst`);
    const verdi = hent(o, 'value');
    if (op === 'remove' && !sti) throw new ScimFeil(400, 'noTarget', `Operations[${i}]: remove krever path`);
    if (op !== 'remove' && verdi === undefined) throw ugyldigSyntaks(`Operations[${i}].value: mangler`);
    return { op, sti: sti ? sti : null, verdi };
  });
}

type Slag = 'enkel' | 'kompleks' | 'fler' | 'lesbar';
interface Attributtdef {
  navn: string;
  slag: Slag;
  under?: readonly string[];
}

const BRUKERATTRIBUTTER: readonly Attributtdef[] = [
  { navn: 'userName', slag: 'enkel' },
  { navn: 'externalId', slag: 'enkel' },
  { navn: 'displayName', slag: 'enkel' },
  { navn: 'active', slag: 'enkel' },
  {
    navn: 'name',
    slag: 'kompleks',
    under: ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'],
  },
  { navn: 'emails', slag: 'fler', under: ['value', 'type', 'primary', 'display'] },
  { navn: 'id', slag: 'lesbar' },
  { navn: 'meta', slag: 'lesbar' },
  { navn: 'groups', slag: 'lesbar' },
  { navn: 'schemas', slag: 'lesbar' },
];
const GRUPPEATTRIBUTTER: readonly Attributtdef[] = [
  { navn: 'displayName', slag: 'enkel' },
  { navn: 'externalId', slag: 'enkel' },
  { navn: 'id', slag: 'lesbar' },
  { navn: 'meta', slag: 'lesbar' },
  { navn: 'schemas', slag: 'lesbar' },
];

const finn = <T extends string>(liste: readonly T[] | undefined, navn: string): T | undefined =>
  liste?.find((n) => n.toLowerCase() === navn.toLowerCase());
const finnDef = (defs: readonly Attributtdef[], navn: string) =>
  defs.find((d) => d.navn.toLowerCase() === navn.toLowerCase());

/** Keys of a complex value renamed to their canonical sub-attribute names; unknown ones dropped. */
function kanonisk(v: unknown, under: readonly string[] | undefined, felt: string): Objekt {
  if (!erObjekt(v)) throw ugyldigVerdi(`${felt}: må være et objekt`);
  const ut: Objekt = {};
  for (const [n, x] of Object.entries(v)) {
    const k = finn(under, n);
    if (k) ut[k] = x;
  }
  return ut;
}

const lik = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

function flerverdi(r: Objekt, def: Attributtdef, op: Op, sti: Sti, verdi: unknown): void {
  const liste = (Array.isArray(r[def.navn]) ? [...(r[def.navn] as Objekt[])] : []) as Objekt[];
  const beroert = new Set<Objekt>();
  const under = sti.under ? finn(def.under, sti.under) : null;
  if (sti.under && !under) return; // an unknown sub-attribute: not stored, ignored
  if (!sti.filter) {
    if (under)
      throw new ScimFeil(
        400,
        'invalidPath',
        `${def.navn}.${under}: bruk et filter, f.eks. ${def.navn}[type eq "work"].${under}`,
      );
    const nye = (verdi === undefined || verdi === null ? [] : Array.isArray(verdi) ? verdi : [verdi]).map(
      (v, i) => kanonisk(v, def.under, `${def.navn}[${i}]`),
    );
    if (op === 'remove') {
      r[def.navn] =
        verdi === undefined || verdi === null
          ? []
          : liste.filter((e) => !nye.some((n) => lik(n.value, e.value)));
    } else if (op === 'replace') {
      r[def.navn] = nye;
      for (const n of nye) beroert.add(n);
    } else {
      for (const n of nye) {
        if (!liste.some((e) => lik(e.value, n.value) && lik(e.type, n.type))) liste.push(n);
        beroert.add(n);
      }
      r[def.navn] = liste;
    }
  } else {
    const filterattr = finn(def.under, sti.filter.attributt);
    if (!filterattr)
      throw new ScimFeil(
        400,
        'invalidFilter',
        `${def.navn} har ikke underattributtet «${sti.filter.attributt}»`,
      );
    const treff = liste.filter((e) => lik(e[filterattr], sti.filter?.verdi));
    if (op === 'remove') {
      r[def.navn] = under
        ? liste.map((e) =>
            treff.includes(e) ? Object.fromEntries(Object.entries(e).filter(([n]) => n !== under)) : e,
          )
        : liste.filter((e) => !treff.includes(e));
      return;
    }
    if (treff.length === 0) {
      if (op === 'replace' && !under)
        throw new ScimFeil(400, 'noTarget', `Ingen verdi i ${def.navn} passer filteret`);
      const ny: Objekt = under
        ? { [filterattr]: sti.filter.verdi, [under]: verdi }
        : { ...kanonisk(verdi, def.under, def.navn), [filterattr]: sti.filter.verdi };
      liste.push(ny);
      beroert.add(ny);
    } else {
      for (const e of treff) {
        const i = liste.indexOf(e);
        const ny = under ? { ...e, [under]: verdi } : { ...e, ...kanonisk(verdi, def.under, def.navn) };
        liste[i] = ny;
        beroert.add(ny);
      }
    }
    r[def.navn] = liste;
  }
  // RFC 7643 § 2.4: a value added as primary makes the others non-primary.
  const alle = r[def.navn] as Objekt[];
  if ([...beroert].some((e) => e.primary === true || lik(e.primary, 'true'))) {
    r[def.navn] = alle.map((e) => (beroert.has(e) || !('primary' in e) ? e : { ...e, primary: false }));
  }
}

function anvend(
  r: Objekt,
  defs: readonly Attributtdef[],
  op: Op,
  stiTekst: string | null,
  verdi: unknown,
): void {
  if (stiTekst === null) {
    if (!erObjekt(verdi)) throw ugyldigVerdi('value: må være et objekt når path mangler');
    for (const [n, v] of Object.entries(verdi)) {
      if (n.toLowerCase() !== 'schemas') anvend(r, defs, op, n, v);
    }
    return;
  }
  const sti = lesSti(stiTekst);
  if (sti.skjema === URN.ksPerson && defs === BRUKERATTRIBUTTER) {
    if (sti.filter || sti.under)
      throw new ScimFeil(400, 'invalidPath', `${URN.ksPerson} har bare enkle attributter`);
    const gammel = erObjekt(r[URN.ksPerson]) ? (r[URN.ksPerson] as Objekt) : {};
    if (sti.attributt === '') {
      r[URN.ksPerson] =
        op === 'remove' ? {} : { ...gammel, ...kanonisk(verdi, ['foedselsnummer'], URN.ksPerson) };
    } else if (sti.attributt.toLowerCase() === 'foedselsnummer') {
      r[URN.ksPerson] = op === 'remove' ? {} : { ...gammel, foedselsnummer: verdi };
    }
    return;
  }
  // Other schemas (the enterprise extension, or one we do not know): nothing of it is stored.
  const kjerne = defs === BRUKERATTRIBUTTER ? URN.bruker : URN.gruppe;
  if (sti.skjema !== null && sti.skjema !== kjerne) return;
  const def = finnDef(defs, sti.attributt);
  if (!def) return; // an attribute this service does not store (title, addresses, …): ignored
  if (def.slag === 'lesbar') throw new ScimFeil(400, 'mutability', `${def.navn} kan ikke endres`);
  if (def.slag === 'fler') {
    flerverdi(r, def, op, sti, verdi);
    return;
  }
  if (sti.filter) throw new ScimFeil(400, 'invalidPath', `${def.navn} har ikke flere verdier å filtrere`);
  if (def.slag === 'enkel') {
    if (sti.under) throw new ScimFeil(400, 'invalidPath', `${def.navn} har ingen underattributter`);
    if (op === 'remove') delete r[def.navn];
    else r[def.navn] = verdi;
    return;
  }
  // Complex (name): RFC 7644 § 3.5.2.3: sub-attributes not named in a replace are left unchanged.
  const gammel = erObjekt(r[def.navn]) ? (r[def.navn] as Objekt) : {};
  if (sti.under) {
    const under = finn(def.under, sti.under);
    if (!under) return;
    const ny = { ...gammel };
    if (op === 'remove') delete ny[under];
    else ny[under] = verdi;
    r[def.navn] = ny;
  } else if (op === 'remove') {
    delete r[def.navn];
  } else {
    r[def.navn] = { ...gammel, ...kanonisk(verdi, def.under, def.navn) };
  }
}

/** A user's JSON after the operations (the input is not changed); validate it as a PUT body after. */
export function patchBruker(ressurs: Objekt, ops: readonly Operasjon[]): Objekt {
  const r = structuredClone(ressurs);
  for (const o of ops) anvend(r, BRUKERATTRIBUTTER, o.op, o.sti, o.verdi);
  return r;
}

/** The change to a group's members that a sequence of operations makes, without loading them. */
export interface Medlemsendring {
  /** All members replaced by these (then `leggTil` and `fjern` are empty). */
  alle: Set<string> | null;
  leggTil: Set<string>;
  fjern: Set<string>;
}

function medlemsoperasjon(m: Medlemsendring, op: Op, sti: Sti | null, verdi: unknown): void {
  if (sti?.under) throw new ScimFeil(400, 'invalidPath', 'members har ingen underattributter som kan endres');
  let ider: string[];
  let slag: 'sett' | 'legg' | 'fjern';
  if (sti?.filter) {
    if (sti.filter.attributt.toLowerCase() !== 'value' || typeof sti.filter.verdi !== 'string') {
      throw new ScimFeil(400, 'invalidFilter', 'Filteret på members må være value eq "<brukerens id>"');
    }
    if (op !== 'remove')
      throw new ScimFeil(400, 'invalidPath', 'Bruk add på members for å legge til medlemmer');
    ider = [sti.filter.verdi];
    slag = 'fjern';
  } else if (op === 'remove') {
    ider = verdi === undefined || verdi === null ? [] : medlemsider(verdi, 'value');
    slag = verdi === undefined || verdi === null ? 'sett' : 'fjern';
  } else {
    ider = medlemsider(verdi, 'value');
    slag = op === 'replace' ? 'sett' : 'legg';
  }
  if (slag === 'sett') {
    m.alle = new Set(ider);
    m.leggTil.clear();
    m.fjern.clear();
  } else if (slag === 'legg') {
    for (const id of ider) {
      if (m.alle) m.alle.add(id);
      else {
        m.leggTil.add(id);
        m.fjern.delete(id);
      }
    }
  } else {
    for (const id of ider) {
      if (m.alle) m.alle.delete(id);
      else {
        m.fjern.add(id);
        m.leggTil.delete(id);
      }
    }
  }
}

/** A group's attributes after the operations, and the change to its members. */
export function patchGruppe(
  ressurs: Objekt,
  ops: readonly Operasjon[],
): { ressurs: Objekt; medlemmer: Medlemsendring } {
  const r = structuredClone(ressurs);
  const medlemmer: Medlemsendring = { alle: null, leggTil: new Set(), fjern: new Set() };
  const ett = (op: Op, stiTekst: string | null, verdi: unknown) => {
    const sti = stiTekst === null ? null : lesSti(stiTekst);
    if (
      sti &&
      (sti.skjema === null || sti.skjema === URN.gruppe) &&
      sti.attributt.toLowerCase() === 'members'
    ) {
      medlemsoperasjon(medlemmer, op, sti, verdi);
    } else {
      anvend(r, GRUPPEATTRIBUTTER, op, stiTekst, verdi);
    }
  };
  for (const o of ops) {
    if (o.sti === null) {
      if (!erObjekt(o.verdi)) throw ugyldigVerdi('value: må være et objekt når path mangler');
      for (const [n, v] of Object.entries(o.verdi)) if (n.toLowerCase() !== 'schemas') ett(o.op, n, v);
    } else {
      ett(o.op, o.sti, o.verdi);
    }
  }
  return { ressurs: r, medlemmer };
}
