import { foresporselSkjema, personInnSkjema, postInnSkjema } from '@inntektsgrunnlag/beregning';

const KJENTE = {
  foresporsel: new Set(Object.keys(foresporselSkjema.shape)),
  person: new Set(Object.keys(personInnSkjema.shape)),
  post: new Set(Object.keys(postInnSkjema.shape)),
};

/** A field name as it may go to the log: a plain identifier, else a stand-in (a name is the caller's text). */
const LOGGBART_NAVN = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
/** At most this many names are logged per request. */
const MAKS_NAVN = 20;

const erObjekt = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * KS's request with the fields the product does not use taken out: at the top, in each person, and in
 * each post (`ekstraposter`, `poster`). KS publishes its request only by example (its OpenAPI file could
 * not be read, docs/api.md), so a field KS allows and we do not know is accepted and ignored, not
 * refused. Returns the cleaned request and the names taken out (`personer[].ekstraposter[].visningsnavn`),
 * for the log; never a value. Anything that is not an object is left as it is, for validation to name.
 */
export function utenUkjenteFelt(foresporsel: Record<string, unknown>): {
  foresporsel: Record<string, unknown>;
  ukjente: string[];
} {
  const ukjente = new Set<string>();
  const rens = (o: Record<string, unknown>, kjente: Set<string>, sti: string) => {
    const ut: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (kjente.has(k)) ut[k] = v;
      else ukjente.add(`${sti}${LOGGBART_NAVN.test(k) ? k : '(ugyldig feltnavn)'}`);
    }
    return ut;
  };
  const poster = (l: unknown, sti: string) =>
    Array.isArray(l) ? l.map((p) => (erObjekt(p) ? rens(p, KJENTE.post, sti) : p)) : l;
  const renset = rens(foresporsel, KJENTE.foresporsel, '');
  if (Array.isArray(renset.personer)) {
    renset.personer = renset.personer.map((p) => {
      if (!erObjekt(p)) return p;
      const person = rens(p, KJENTE.person, 'personer[].');
      if ('ekstraposter' in person)
        person.ekstraposter = poster(person.ekstraposter, 'personer[].ekstraposter[].');
      if ('poster' in person) person.poster = poster(person.poster, 'personer[].poster[].');
      return person;
    });
  }
  return { foresporsel: renset, ukjente: [...ukjente].slice(0, MAKS_NAVN) };
}
