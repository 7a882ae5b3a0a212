import { PARTNERTYPER, PERSONTYPE_TEKST } from '@inntektsgrunnlag/person';
import {
  type BeregningslinjeJson,
  Beregningstabell,
  type BruktVerdi,
  formaterDato,
  type IsoDato,
  type Regelverk,
  UtenforDekning,
} from '@inntektsgrunnlag/regelverk';
import {
  blokkTilJson,
  type GrunnlagsblokkJson,
  grupperTilJson,
  katalogFor,
  lagVisningsposter,
  type PersonMedPoster,
  type Post,
  type Postkatalog,
  tillattPost,
  UkjentInntektsaarError,
  type VisningspostgruppeJson,
  visningsposterTilJson,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { Advarsel, EnhverBeregner, Grunnlagsresultat, Hovedtall, Stadie } from './beregner.js';
import type { Foresporsel } from './foresporsel.js';
import { type Feltfeil, Valideringsfeil, valider } from './valideringsfeil.js';

/** The calendar day in Norway of an instant (an approval's time, for the warning below). */
const NORSK_DATO = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

/** What is known about a person besides the posts: from the request, or from the sources. */
export interface Personopplysninger {
  identifikator: string;
  type: Foresporsel['personer'][number]['type'];
  navn?: { fornavn: string; mellomnavn?: string | null; etternavn: string };
  /** The stage the posts come from; absent for posts given inline in the request. */
  stadie?: Stadie;
  skatteoppgjoersdato?: string;
  /** When Skatteetaten registered the data (ajourholdstidspunkt/registreringstidpunkt), as KS shows it. */
  registreringstidpunkt?: string;
  skjermet: boolean;
  /** Where the posts came from: the request itself, or Skatteetaten. */
  postkilde: 'FORESPOERSEL' | 'SKATTEETATEN';
}

export interface PersonMedGrunnlag extends Personopplysninger {
  /** Tax posts (SSG, Beregnet skatt, Avregning), before minimisation. */
  poster: readonly Post[];
}

/** The result of a beregning in its JSON form, as every app returns it. */
export interface Beregningsresultat {
  beregningstype: string;
  inntektsaar: number;
  beregningsdato: IsoDato;
  /** FORESPOERSEL when the request gave the date, DAGENS_DATO when today's date was used. */
  beregningsdatoKilde: 'FORESPOERSEL' | 'DAGENS_DATO';
  personer: Array<Omit<Personopplysninger, 'navn'> & { navn?: Personopplysninger['navn'] }>;
  beregningsbeloep: number;
  inntekt: GrunnlagsblokkJson;
  fradrag: GrunnlagsblokkJson;
  mellomregninger: GrunnlagsblokkJson['grupper'];
  /** The fee, also under the area's own key (vederlag, egenandel, foreldrebetaling); null if not computed. */
  avgiftsnoekkel: string;
  hovedtall: Array<{ tekst: string; beloep: number; hjemmel?: string }>;
  tabell: { tittel: string; linjer: BeregningslinjeJson[] };
  visningsposter: VisningspostgruppeJson[];
  advarsler: Advarsel[];
  regelverk: {
    pakke: { navn: string; versjon: string };
    postdefinisjon: { beregningstype: string; inntektsaar: number; kilde: unknown };
    postkatalog: string;
    satser: BruktVerdi[];
    kommuneinnstillinger: unknown;
  };
  [avgiftsnoekkel: string]: unknown;
}

/**
 * A request's vedtak, validated once by the area's schema before anything is fetched
 * (`kontrollerVedtak`), so `beregnMedPoster` need not parse it again. It can only be made by
 * validating, and it holds only for the same area and the same request object: given anything else,
 * `beregnMedPoster` validates as usual.
 */
export class KontrollertVedtak {
  readonly #beregner: EnhverBeregner;
  readonly #foresporsel: Foresporsel;
  readonly #vedtak: unknown;

  private constructor(beregner: EnhverBeregner, foresporsel: Foresporsel, vedtak: unknown) {
    this.#beregner = beregner;
    this.#foresporsel = foresporsel;
    this.#vedtak = vedtak;
  }

  /** Validates `foresporsel.vedtak` with the area's schema; throws Valideringsfeil under `vedtak`. */
  static kontroller(beregner: EnhverBeregner, foresporsel: Foresporsel): KontrollertVedtak {
    return new KontrollertVedtak(
      beregner,
      foresporsel,
      valider(beregner.vedtakSkjema, foresporsel.vedtak ?? {}, ['vedtak']),
    );
  }

  /** The parsed vedtak, when this check was made for this area and this request. */
  static for(k: unknown, beregner: EnhverBeregner, foresporsel: Foresporsel): { vedtak: unknown } | null {
    // `#beregner in k`, not instanceof: an object made from the prototype has no private fields.
    return typeof k === 'object' &&
      k !== null &&
      #beregner in k &&
      k.#beregner === beregner &&
      k.#foresporsel === foresporsel
      ? { vedtak: k.#vedtak }
      : null;
  }
}

export interface BeregnParametre {
  beregner: EnhverBeregner;
  foresporsel: Foresporsel;
  /** The vedtak as already validated for this request (see {@link KontrollertVedtak}). */
  kontrollertVedtak?: KontrollertVedtak;
  personer: readonly PersonMedGrunnlag[];
  regelverk: Regelverk;
  /** The municipality's settings for this area (raw; validated against the area's schema). */
  innstillinger?: unknown;
  /** Today's date (the caller's clock), used when the request has no beregningsdato. */
  idag: IsoDato;
  /**
   * Build the explanation's JSON forms (`inntekt`, `fradrag`, `mellomregninger`, `tabell`,
   * `visningsposter`) when they are first read instead of now: for a caller that reads only the key
   * figures (the CLI's `--format csv`). The rules run the same either way; a field read, a spread or
   * the whole result serialised gives what it would have held, in the same place among the keys.
   */
  latForklaring?: boolean;
}

/**
 * Checks that the persons and extra posts fit the area (person types, extra posts and who may have
 * them, at most one partner); lists every fault. Exported so a caller can make the check before
 * fetching anything (packages/oppslag); beregnMedPoster makes it again.
 */
export function kontrollerPersoner(beregner: EnhverBeregner, foresporsel: Foresporsel): void {
  const feil: Feltfeil[] = [];
  foresporsel.personer.forEach((p, i) => {
    // An area has at most a handful of person types: a look through them beats making a Set per case.
    if (!beregner.persontyper.includes(p.type)) {
      feil.push({
        felt: `personer.${i}.type`,
        melding: `${p.type} brukes ikke for ${beregner.beregningstype}; tillatt: ${beregner.persontyper.join(', ')}`,
      });
    }
    (p.ekstraposter ?? []).forEach((e, j) => {
      const def = beregner.ekstraposter.find((x) => x.tekniskNavn === e.tekniskNavn);
      if (!def) {
        feil.push({
          felt: `personer.${i}.ekstraposter.${j}.tekniskNavn`,
          melding: `${e.tekniskNavn} er ikke en ekstrapost for ${beregner.beregningstype}; tillatt: ${beregner.ekstraposter.map((x) => x.tekniskNavn).join(', ') || 'ingen'}`,
        });
      } else if (!def.persontyper.includes(p.type)) {
        feil.push({
          felt: `personer.${i}.ekstraposter.${j}.tekniskNavn`,
          melding: `${e.tekniskNavn} gjelder ${def.persontyper.map((t) => PERSONTYPE_TEKST[t].toLowerCase()).join(' eller ')}, ikke ${PERSONTYPE_TEKST[p.type].toLowerCase()}`,
        });
      }
    });
  });
  const partnere = foresporsel.personer.filter((p) => PARTNERTYPER.has(p.type)).length;
  if (partnere > 1) {
    feil.push({ felt: 'personer', melding: `høyst én ektefelle, partner eller samboer (har ${partnere})` });
  }
  if (feil.length > 0) throw new Valideringsfeil(feil);
}

/**
 * The pure beregning on given posts: validate the area's facts, minimise the posts to the area's
 * allow-list, map them to the basis, compute the fee with the rates in force on the beregningsdato,
 * and assemble the result with its explanation, warnings and the rule versions used.
 * Authorisation, fetching and audit are the caller's (packages/oppslag).
 */
export function beregnMedPoster(p: BeregnParametre): {
  resultat: Beregningsresultat;
  tabell: Beregningstabell;
} {
  const { beregner, foresporsel } = p;
  const aar = foresporsel.inntektsaar;
  let katalog: Postkatalog;
  try {
    katalog = katalogFor(aar);
  } catch (e) {
    if (e instanceof UkjentInntektsaarError)
      throw new Valideringsfeil([{ felt: 'inntektsaar', melding: e.message }]);
    throw e;
  }
  if (aar < beregner.postdefinisjon.fraOgMedAar || aar > beregner.postdefinisjon.tilOgMedAar) {
    throw new Valideringsfeil([
      {
        felt: 'inntektsaar',
        melding: `${beregner.beregningstype} er definert for inntektsårene ${beregner.postdefinisjon.fraOgMedAar}–${beregner.postdefinisjon.tilOgMedAar}`,
      },
    ]);
  }
  kontrollerPersoner(beregner, foresporsel);
  const vedtak = (
    KontrollertVedtak.for(p.kontrollertVedtak, beregner, foresporsel) ?? {
      vedtak: valider(beregner.vedtakSkjema, foresporsel.vedtak ?? {}, ['vedtak']),
    }
  ).vedtak;
  const innstillinger = valider(beregner.innstillingerSkjema, p.innstillinger ?? {}, [
    'kommuneinnstillinger',
    beregner.beregningstype,
  ]);
  const beregningsdatoOppgitt = foresporsel.beregningsdato !== undefined;
  const beregningsdato = foresporsel.beregningsdato ?? p.idag;

  const tillatt = tillattPost(beregner.postdefinisjon, aar);
  const advarsler: Advarsel[] = [];
  const personer: PersonMedPoster[] = [];
  for (const person of p.personer) {
    // The person's tax posts and then the request's extra posts for the person, minimised in one pass.
    const poster: Post[] = [];
    for (const post of person.poster) {
      const vises = tillatt(post.tekniskNavn);
      if (vises) poster.push(post);
      if (vises && !katalog.har(post.tekniskNavn)) {
        advarsler.push({
          kode: 'UKJENT_POST',
          melding: `Posten «${post.tekniskNavn}» finnes ikke i Skatteetatens postliste for ${aar}. Den vises som ukjent post og er ikke regnet med i grunnlaget; vurder den manuelt.`,
          identifikator: person.identifikator,
        });
      }
    }
    for (const post of ekstraposterFor(foresporsel, person.identifikator)) {
      if (tillatt(post.tekniskNavn)) poster.push(post);
    }
    personer.push({ identifikator: person.identifikator, type: person.type, poster });
  }
  for (const person of p.personer) {
    if (person.skjermet) {
      advarsler.push({
        kode: 'SKJERMET_PERSON',
        melding:
          'Personen behandles som skjermet: personen har adressebeskyttelse, eller beskyttelsen kunne ikke kontrolleres i Folkeregisteret (se egen advarsel). Kontroller grunnlaget og behandle saken etter rutinene for skjermede personer.',
        identifikator: person.identifikator,
      });
    }
    if (person.stadie === 'UTKAST') {
      advarsler.push({
        kode: 'UTKAST_BRUKT',
        melding: `Skatteoppgjøret for ${aar} finnes ikke ennå; grunnlaget bygger på skattemeldingsutkastet, som kan endre seg.`,
        identifikator: person.identifikator,
      });
    }
  }

  const oppslag = p.regelverk.nyttOppslag();
  const input = {
    inntektsaar: aar,
    beregningsdato,
    beregningsdatoOppgitt,
    personer,
    vedtak,
    innstillinger,
    oppslag,
  };
  const grunnlag = beregner.grunnlag(input);
  advarsler.push(...grunnlag.advarsler);

  let avgift: ReturnType<EnhverBeregner['avgift']> | null = null;
  try {
    avgift = beregner.avgift(input, grunnlag);
    advarsler.push(...avgift.advarsler);
  } catch (e) {
    // Without a date in the request we still give the basis, and say exactly why the fee is missing.
    if (!(e instanceof UtenforDekning) || beregningsdatoOppgitt) throw e;
    advarsler.push({
      kode: 'AVGIFT_IKKE_BEREGNET',
      melding: `Avgiften er ikke beregnet: forespørselen har ingen beregningsdato, og dagens dato (${beregningsdato}) er utenfor satsene produktet kjenner. ${e.message} Oppgi beregningsdato (vedtaksdato) for å få avgiften.`,
    });
  }

  // A value the municipality entered in the product is named where the case worker reads, with its
  // source and the two persons behind it (issue 17 item 6); results also carry it in regelverk.satser.
  const satser = oppslag.brukteVerdier();
  for (const s of satser) {
    if (!s.kommunesats) continue;
    advarsler.push({
      kode: 'KOMMUNESATS_BRUKT',
      melding: `${s.beskrivelse} fra ${formaterDato(s.gyldigFra)} (${JSON.stringify(s.verdi)}) er lagt inn i produktet av kommunen, ikke levert med produktet: kilde «${s.kilde.tittel}»${s.kilde.url ? ` (${s.kilde.url})` : ''}, kontrollert mot kilden ${formaterDato(s.verifisert)}; lagt inn av ${s.kommunesats.innlagtAv.navn} og godkjent av ${s.kommunesats.godkjentAv.navn} ${formaterDato(NORSK_DATO.format(new Date(s.kommunesats.godkjent)))}.`,
    });
  }

  const tabell = new Beregningstabell(`${beregner.tittel}, inntektsår ${aar}`, [
    ...grunnlag.linjer,
    ...(avgift?.linjer ?? []),
  ]);
  // The fee's own key is set after the literal rather than as a computed key in it: a computed key
  // sends every later key of the literal through a slow path (~0.5 µs per result, measured). The
  // keys come in the same order either way, and are computed in the same order. With latForklaring
  // the explanation's fields are added as lazy fields in their places (latFelt), in the same order.
  const resultat = {
    beregningstype: beregner.beregningstype,
    inntektsaar: aar,
    beregningsdato,
    beregningsdatoKilde: beregningsdatoOppgitt ? 'FORESPOERSEL' : 'DAGENS_DATO',
    personer: p.personer.map(({ poster: _poster, ...opplysninger }) => opplysninger),
    beregningsbeloep: grunnlag.beregningsbeloep.toJsonNumber(),
  } as Beregningsresultat;
  const lat = p.latForklaring === true;
  if (lat) {
    const utsatt: Utsatt = { grunnlag, tabell, personer: p.personer, aar, tillatt };
    Object.defineProperty(resultat, UTSATT, { value: utsatt });
    Object.defineProperty(resultat, 'inntekt', LAT_INNTEKT);
    Object.defineProperty(resultat, 'fradrag', LAT_FRADRAG);
    Object.defineProperty(resultat, 'mellomregninger', LAT_MELLOMREGNINGER);
  } else {
    resultat.inntekt = blokkTilJson(grunnlag.inntekt);
    resultat.fradrag = blokkTilJson(grunnlag.fradrag);
    resultat.mellomregninger = grupperTilJson(grunnlag.mellomregninger);
  }
  resultat.avgiftsnoekkel = beregner.avgiftsnoekkel;
  resultat[beregner.avgiftsnoekkel] = avgift?.json ?? null;
  resultat.hovedtall = (avgift?.hovedtall ?? []).map(hovedtallTilJson);
  if (lat) {
    Object.defineProperty(resultat, 'tabell', LAT_TABELL);
    Object.defineProperty(resultat, 'visningsposter', LAT_VISNINGSPOSTER);
  } else {
    resultat.tabell = tabell.toJSON();
    resultat.visningsposter = visningsposter(p.personer, aar, tillatt);
  }
  resultat.advarsler = advarsler;
  resultat.regelverk = {
    pakke: beregner.pakke,
    postdefinisjon: {
      beregningstype: beregner.beregningstype,
      inntektsaar: aar,
      kilde: beregner.postdefinisjon.kilde,
    },
    postkatalog: katalog.kilde,
    satser,
    kommuneinnstillinger: innstillinger,
  };
  return { resultat, tabell };
}

// What the tax settlement says: the case worker's extra posts show in the basis, not here (as KS).
function visningsposter(
  personer: readonly PersonMedGrunnlag[],
  aar: number,
  tillatt: (tekniskNavn: string) => boolean,
): VisningspostgruppeJson[] {
  return visningsposterTilJson(lagVisningsposter(personer, aar, tillatt));
}

/** What a result's lazy fields are built from (latForklaring): the very objects the full form uses. */
interface Utsatt {
  grunnlag: Grunnlagsresultat;
  tabell: Beregningstabell;
  personer: readonly PersonMedGrunnlag[];
  aar: number;
  tillatt: (tekniskNavn: string) => boolean;
}

/** Where a result with lazy fields keeps its {@link Utsatt}: not enumerable, so no copy or JSON sees it. */
const UTSATT = Symbol('utsatt forklaring');

/**
 * A lazy field of a result: built by `lag` when first read (a property access, a spread,
 * `JSON.stringify`), after which it is an ordinary data field holding that value; an assignment first
 * replaces it without building. Made once per field and shared by every result: the same getter and
 * setter on every result keep the results' hidden classes shared, where a closure per result would give
 * each result its own (and the collector the work).
 */
function latFelt(felt: string, lag: (u: Utsatt) => unknown): PropertyDescriptor {
  const somData = (objekt: object, value: unknown) =>
    Object.defineProperty(objekt, felt, { value, writable: true, enumerable: true, configurable: true });
  return {
    enumerable: true,
    configurable: true,
    get(this: { [UTSATT]: Utsatt }) {
      const verdi = lag(this[UTSATT]);
      somData(this, verdi);
      return verdi;
    },
    set(this: object, verdi: unknown) {
      somData(this, verdi);
    },
  };
}

const LAT_INNTEKT = latFelt('inntekt', (u) => blokkTilJson(u.grunnlag.inntekt));
const LAT_FRADRAG = latFelt('fradrag', (u) => blokkTilJson(u.grunnlag.fradrag));
const LAT_MELLOMREGNINGER = latFelt('mellomregninger', (u) => grupperTilJson(u.grunnlag.mellomregninger));
const LAT_TABELL = latFelt('tabell', (u) => u.tabell.toJSON());
const LAT_VISNINGSPOSTER = latFelt('visningsposter', (u) => visningsposter(u.personer, u.aar, u.tillatt));

/** A key figure in its JSON form: `hjemmel` only when given (two literals rather than a spread). */
function hovedtallTilJson(h: Hovedtall): Beregningsresultat['hovedtall'][number] {
  const beloep = h.beloep.toJsonNumber();
  return h.hjemmel ? { tekst: h.tekst, beloep, hjemmel: h.hjemmel } : { tekst: h.tekst, beloep };
}

const INGEN_POSTER: readonly Post[] = [];

/**
 * The request's extra posts for a person; for an identifier given twice, the last one's (as a Map
 * made from the persons would give). A request has a handful of persons, so a walk beats a Map.
 */
function ekstraposterFor(foresporsel: Foresporsel, identifikator: string): readonly Post[] {
  const liste = foresporsel.personer;
  for (let i = liste.length - 1; i >= 0; i--) {
    const x = liste[i] as Foresporsel['personer'][number];
    if (x.identifikator === identifikator) return x.ekstraposter ?? INGEN_POSTER;
  }
  return INGEN_POSTER;
}

/** The persons of a request whose posts are given inline, as PersonMedGrunnlag. */
export function personerFraForesporsel(foresporsel: Foresporsel): PersonMedGrunnlag[] {
  return foresporsel.personer.map((person) => ({
    identifikator: person.identifikator,
    type: person.type,
    skjermet: false,
    postkilde: 'FORESPOERSEL' as const,
    poster: person.poster ?? [],
  }));
}
