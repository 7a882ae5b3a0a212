import {
  type Advarsel,
  BEREGNINGSTYPER,
  type Beregningsresultat,
  type Beregningstype,
  beregnMedPoster,
  type EnhverBeregner,
  type Foresporsel,
  foresporselSkjema,
  type KontrollertVedtak,
  type PersonMedGrunnlag,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import { KildeFeil, type Kilder, PersonIkkeFunnet } from '@inntektsgrunnlag/kilder';
import type { Lagring, NyRevisjonspost } from '@inntektsgrunnlag/lagring';
import { identifikatorSkjema } from '@inntektsgrunnlag/person';
import type { Beregningstabell, Regelverk } from '@inntektsgrunnlag/regelverk';
import {
  type Aktoer,
  type Avregningsvalg,
  type Avvisningskode,
  avvisningsmelding,
  minimerGrunnlag,
  type Postfilterparametre,
  type Rolle,
  Tilgangsfeil,
  TJENESTEOMRAADER,
  vurderTilgang,
} from '@inntektsgrunnlag/tilgang';
import { z } from 'zod';
import { forhaandskontroll } from './beregn.js';
import type { Grunnlagsbuffer } from './grunnlagsbuffer.js';
import {
  GrunnlagIkkeHentet,
  type Henteinnstillinger,
  hentGrunnlag,
  IngenSkatteopplysninger,
} from './hentGrunnlag.js';
import { foreslaaHusstand, HUSSTANDSOPPSLAG, type Husstandsforslagene } from './husstand.js';
import type { Kommuneinnstillinger } from './kommuneinnstillinger.js';
import { avgiftHoldesTilbake, type ManglendeGrunnlag, medAvgiftHoldtTilbake } from './manglendeGrunnlag.js';
import { beregnerFor } from './register.js';
import { revisjonsfeltSkjema } from './revisjonsfelt.js';

/** The audit write failed: the lookup is refused, never answered unaudited. */
export class RevisjonFeilet extends Error {
  override readonly name = 'RevisjonFeilet';
  constructor(arsak: unknown) {
    super(
      'Oppslaget ble stanset fordi det ikke kunne føres i revisjonsloggen. Ingen opplysninger er utlevert. Kontakt driften.',
      { cause: arsak },
    );
  }
}

/** Who asks: an authenticated actor, or the reason authentication failed (audited as a refusal). */
export type Autentisering =
  | { ok: true; aktoer: Aktoer }
  | { ok: false; kode: 'AKTOER_UKJENT' | 'DEMONOEKKEL_AVVIST' | 'AKTOER_INAKTIV'; melding: string };

export interface Oppslagsforespoersel {
  autentisering: Autentisering;
  /** The role the lookup is made in. */
  rolleId?: string | null;
  /** The case the lookup is for (recorded in the audit log). */
  saksreferanse?: string | null;
  /** The purpose, when the caller gives one (recorded). */
  formaal?: string | null;
  /** Default OM_TILLATT: avregning when the role grants it; otherwise left out with a warning. */
  avregning?: Avregningsvalg;
  /** The beregning request, as received (validated here). */
  foresporsel: unknown;
  /**
   * A reference from an earlier lookup's result (`grunnlagsreferanse`): recalculate on the posts kept
   * from that lookup instead of fetching again. Only the actor and role that made the lookup may use
   * it, for the same beregningstype, income year and persons; it is not a new lookup and is not audited.
   * Needs `grunnlagsbuffer` in the configuration.
   */
  grunnlagsreferanse?: string | null;
  /**
   * KS-compatible requests carry no vedtak. When set and the request has none, an area that needs
   * vedtak facts for its fee (BARNEHAGE_SFO: the children) gives the basis and leaves the fee out with
   * the warning AVGIFT_IKKE_BEREGNET, instead of refusing the request.
   */
  grunnlagUtenVedtak?: boolean;
  /**
   * The caller reads only the key figures (the CLI's `--format csv`): the explanation's JSON forms
   * are built only if read (see `latForklaring` in beregnMedPoster). The result is the same.
   */
  latForklaring?: boolean;
}

/** Where the posts of a beregning came from. */
export type Grunnlagskilde = 'HENTET' | 'FORESPOERSEL' | 'GJENBRUKT';

/** Who made a beregning, in which role, when and for which case: for the result and its document. */
export interface Utfoerelse {
  tidspunkt: string;
  aktoer: { type: Aktoer['type']; id: string; visningsnavn: string };
  rolleId: string;
  tjenesteomraade: string;
  saksreferanse?: string;
  /** Whether avregning was allowed for this lookup. */
  avregning: boolean;
  /** Whether the lookup was recorded in the audit log (false only when no data was fetched). */
  revidert: boolean;
  /**
   * HENTET: fetched now (and audited); FORESPOERSEL: every person's posts were in the request;
   * GJENBRUKT: the posts of an earlier lookup, through its `grunnlagsreferanse`.
   */
  grunnlag: Grunnlagskilde;
  /** For GJENBRUKT: when the lookup it builds on was made. */
  grunnlagHentet?: string;
}

/** What a name lookup gives: the name from Folkeregisteret, and whether the person is protected. */
export interface Navneoppslag {
  identifikator: string;
  navn: { fornavn: string; mellomnavn: string | null; etternavn: string } | null;
  /** Fortrolig or strengt fortrolig address (adressebeskyttelse): handle the case by those routines. */
  skjermet: boolean;
  utfoert: Omit<Utfoerelse, 'avregning' | 'grunnlag' | 'grunnlagHentet'>;
}

export interface Husstandsforespoersel {
  autentisering: Autentisering;
  rolleId?: string | null;
  /** The applicant's identifikator as typed (validated here). */
  identifikator: unknown;
  /** The area the household is for: it decides whether children are proposed. */
  beregningstype: unknown;
  saksreferanse?: string | null;
  /** Recorded after HUSSTANDSOPPSLAG in the audit log's purpose. */
  formaal?: string | null;
}

/** What a household lookup gives: the proposals and who made the lookup. */
export type Husstandsoppslag = Omit<Husstandsforslagene, 'oppslaatte'> & {
  utfoert: Omit<Utfoerelse, 'avregning' | 'grunnlag' | 'grunnlagHentet'>;
};

export interface Navneforespoersel {
  autentisering: Autentisering;
  rolleId?: string | null;
  /** The identifikator as typed (validated here). */
  identifikator: unknown;
  saksreferanse?: string | null;
  /** Recorded after NAVNEOPPSLAG in the audit log's purpose. */
  formaal?: string | null;
}

/** The purpose recorded for a name lookup. */
export const NAVNEOPPSLAG = 'NAVNEOPPSLAG';

/** The result of a beregning, with who made it and, when kept, the reference for recalculation. */
export type Oppslagsresultat = Beregningsresultat & { utfoert: Utfoerelse; grunnlagsreferanse?: string };

export interface OppslagKonfig {
  lagring: Lagring;
  kilder: Kilder;
  regelverk: Regelverk;
  /**
   * The municipality's approved rates (Satsforvaltning): when given, a beregning uses the rule set
   * it gives (`regelverk` with the approved values) instead of `regelverk` alone.
   */
  satser?: { gjeldendeRegelverk(): Promise<Regelverk> };
  innstillinger: Kommuneinnstillinger;
  /** The caller's clock (the audit time); "today" for the rules is derived from it in Norway's time zone. */
  klokke: () => Date;
  hentevalg?: Omit<Henteinnstillinger, 'avregning'>;
  /**
   * How long the list of roles may be reused (ms). Default 0: read on every lookup, so a change of
   * role or group membership takes effect at the next request. A batch run sets it for the run.
   */
  rollebuffer?: number;
  /**
   * Where fetched bases are kept for recalculation (`grunnlagsreferanse`). Without it, results carry
   * no reference and a request that gives one is refused.
   */
  grunnlagsbuffer?: Grunnlagsbuffer;
  /**
   * Whether more lookups are waiting to run in this process (the API's queue of beregninger): the
   * audit entry may then wait a few milliseconds for theirs, so they share one transaction (group
   * commit; see docs/lagring.md). The lookup still waits for its own entry to be committed.
   */
  flereOppslagVenter?: () => boolean;
}

const ukjentAktoer = { type: 'UKJENT' as const, id: 'ukjent', visningsnavn: 'Ukjent' };

const referanseSkjema = z
  .string({ error: 'må være en tekst' })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'er ikke en grunnlagsreferanse');

/**
 * The area without its fee, for a request without vedtak where the area needs vedtak facts: the
 * basis is formed as usual (it never reads the vedtak), the fee is left out with a warning.
 */
function utenAvgift(beregner: EnhverBeregner): EnhverBeregner {
  return {
    ...beregner,
    vedtakSkjema: z.unknown().transform(() => ({})),
    avgift: () => ({
      // The result envelope shows a fee that was not computed as null under the area's key.
      json: null as unknown as Record<string, unknown>,
      hovedtall: [],
      linjer: [],
      advarsler: [
        {
          kode: 'AVGIFT_IKKE_BEREGNET',
          melding: `Avgiften er ikke beregnet: forespørselen har ingen vedtaksopplysninger («vedtak»), og ${beregner.avgiftsnoekkel} kan ikke beregnes uten dem. Grunnlaget er beregnet; oppgi vedtak for å få avgiften.`,
        },
      ],
    }),
  };
}

/**
 * The audit reason of a lookup that failed once a fetch was attempted: a code, never the message.
 * BEREGNING_FEILET: the data was fetched and a later step failed (a rate outside its coverage, an
 * invalid setting); HENTING_FEILET: the fetch failed in a way the sources do not classify.
 */
function feilaarsak(e: unknown, hentet: boolean): string {
  if (hentet) return 'BEREGNING_FEILET';
  if (e instanceof GrunnlagIkkeHentet) {
    return e.feil.every((f) => f instanceof IngenSkatteopplysninger)
      ? 'INGEN_SKATTEOPPLYSNINGER'
      : 'KILDE_UTILGJENGELIG';
  }
  return e instanceof KildeFeil ? 'KILDE_UTILGJENGELIG' : 'HENTING_FEILET';
}

/**
 * A post Skatteetaten sent that the year's catalogue does not know is held back (data minimisation:
 * nothing says the area may have it); the warning names it, without the amount, so nothing is dropped
 * silently.
 */
function ukjentPostHoldtTilbake(identifikator: string, tekniskNavn: string, aar: number): Advarsel {
  return {
    kode: 'UKJENT_POST_HOLDT_TILBAKE',
    melding: `Skatteetaten sendte posten «${tekniskNavn}», som ikke finnes i postlisten for ${aar}. Den er holdt tilbake og ikke regnet med, fordi det ikke er kjent om tjenesteområdet kan bruke den (dataminimering). Den kan være en post Skatteetaten har gitt nytt navn: vurder grunnlaget manuelt, og meld fra til den som forvalter produktet.`,
    identifikator,
  };
}

function feltfeil(felt: string, melding: string): Valideringsfeil {
  return new Valideringsfeil([{ felt, melding }]);
}

// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with it (a batch
// formats once per row).
const NORSK_DATO = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

// Norway's date can only change on a whole minute (its UTC offsets are whole hours), so the date of the
// last minute asked for is kept: formatting costs some microseconds, and a batch asks once per row.
let sisteMinutt = Number.NaN;
let sisteDato = '';

/** Today's date in Norway from an instant. */
export function norskDato(t: Date): string {
  const minutt = Math.floor(t.getTime() / 60_000);
  if (minutt !== sisteMinutt) {
    sisteDato = NORSK_DATO.format(t);
    sisteMinutt = minutt;
  }
  return sisteDato;
}

/** What {@link beregnPaa} needs besides the persons: fixed for one lookup. */
interface Beregningsoppsett {
  beregner: EnhverBeregner;
  foresporsel: Foresporsel;
  kontrollertVedtak: KontrollertVedtak | undefined;
  regelverk: Regelverk;
  innstillinger: unknown;
  idag: string;
  latForklaring: boolean;
}

/**
 * Calculates on persons already minimised with the lookup's filter. Posts that are missing (a source
 * refused, a screened answer without posts) withhold the fee where they enter it: the basis is shown
 * without them, and the fee is never computed on an incomplete or empty basis. A module function, not
 * a closure in `beregn`: a named closure per lookup costs a `__name` call under tsx.
 */
function beregnPaa(
  o: Beregningsoppsett,
  minimerte: readonly PersonMedGrunnlag[],
  mangler: readonly ManglendeGrunnlag[] = [],
): { resultat: Beregningsresultat; tabell: Beregningstabell } {
  const holdTilbake = avgiftHoldesTilbake(o.beregner, o.foresporsel.inntektsaar, mangler);
  return beregnMedPoster({
    beregner: holdTilbake ? medAvgiftHoldtTilbake(o.beregner, holdTilbake) : o.beregner,
    foresporsel: o.foresporsel,
    kontrollertVedtak: o.kontrollertVedtak,
    personer: minimerte,
    regelverk: o.regelverk,
    innstillinger: o.innstillinger,
    idag: o.idag,
    latForklaring: o.latForklaring,
  });
}

/**
 * The use case every app calls: validate → authorise → fetch → minimise → map → calculate → audit →
 * result. Deny by default; every refusal and every lookup of tax data is audited; if the audit write
 * fails, the lookup fails. A calculation on posts the caller supplied fetches nothing and is not a
 * lookup: it is authorised the same way but not audited (see docs/personvern.md).
 */
export class Oppslagstjeneste {
  private rollerBuffer: { til: number; roller: readonly Rolle[] } | null = null;

  constructor(private readonly k: OppslagKonfig) {}

  get konfig(): OppslagKonfig {
    return this.k;
  }

  private async roller(naa: number): Promise<readonly Rolle[]> {
    const ttl = this.k.rollebuffer ?? 0;
    if (ttl > 0 && this.rollerBuffer && this.rollerBuffer.til > naa) return this.rollerBuffer.roller;
    const roller = await this.k.lagring.roller.alle();
    if (ttl > 0) this.rollerBuffer = { til: naa + ttl, roller };
    return roller;
  }

  private async revider(post: NyRevisjonspost): Promise<void> {
    try {
      await this.k.lagring.revisjonslogg.skriv(post, {
        flereKommer: this.k.flereOppslagVenter?.() ?? false,
      });
    } catch (e) {
      throw new RevisjonFeilet(e);
    }
  }

  async beregn(inn: Oppslagsforespoersel): Promise<{ resultat: Oppslagsresultat; tabell: Beregningstabell }> {
    const foresporsel = valider(foresporselSkjema, inn.foresporsel);
    const referanse =
      inn.grunnlagsreferanse === undefined || inn.grunnlagsreferanse === null
        ? null
        : valider(referanseSkjema, inn.grunnlagsreferanse, ['grunnlagsreferanse']);
    const felt = valider(revisjonsfeltSkjema, {
      rolleId: inn.rolleId,
      saksreferanse: inn.saksreferanse ?? foresporsel.saksreferanse,
      formaal: inn.formaal,
    });
    const naa = this.k.klokke();
    const tidspunkt = naa.toISOString();
    const identifikatorer = foresporsel.personer.map((p) => p.identifikator);
    // A recalculation on a kept basis fetches nothing: like inline posts, it is not a lookup.
    const henter = referanse === null && foresporsel.personer.some((p) => p.poster === undefined);
    const felles = {
      tidspunkt,
      beregningstype: foresporsel.beregningstype,
      identifikatorer,
      inntektsaar: foresporsel.inntektsaar,
      saksreferanse: felt.saksreferanse,
      formaal: felt.formaal,
      rolleId: felt.rolleId,
    };

    // Authorise. A refusal is always audited: an attempt on someone's tax data is worth recording.
    if (!inn.autentisering.ok) {
      await this.revider({
        ...felles,
        aktoer: ukjentAktoer,
        utfall: 'AVVIST',
        aarsakskode: inn.autentisering.kode,
      });
      throw new Tilgangsfeil({ kode: inn.autentisering.kode, melding: inn.autentisering.melding });
    }
    const aktoer = inn.autentisering.aktoer;
    const vurdering = vurderTilgang({
      aktoer,
      rolleId: felt.rolleId,
      beregningstype: foresporsel.beregningstype,
      roller: await this.roller(naa.getTime()),
      avregning: inn.avregning ?? 'OM_TILLATT',
    });
    if (!vurdering.tillatt) {
      await this.revider({
        ...felles,
        aktoer,
        utfall: 'AVVIST',
        aarsakskode: vurdering.kode,
        tjenesteomraade: vurdering.omraade?.id ?? null,
      });
      throw new Tilgangsfeil(vurdering);
    }
    const revisjon = { ...felles, aktoer, tjenesteomraade: vurdering.omraade.id };

    const omraadeBeregner = beregnerFor(foresporsel.beregningstype);
    const utenVedtak =
      inn.grunnlagUtenVedtak === true &&
      foresporsel.vedtak === undefined &&
      !omraadeBeregner.vedtakSkjema.safeParse({}).success;
    const beregner = utenVedtak ? utenAvgift(omraadeBeregner) : omraadeBeregner;
    // Every check that can refuse the request is made before anything is fetched or kept data used.
    // Rate coverage is not among them: which tables an area reads, and for which dates, depends on its
    // rules, settings and vedtak (G's yearly average is read on 1 January; the kjernetid income limit
    // only for children of some ages, and its table ends before the others), so a check here would
    // repeat the rules or refuse what they answer. A date outside the tables fails in the calculation,
    // after the fetch, and is audited as FEILET below.
    const kontrollertVedtak = forhaandskontroll(foresporsel, beregner, { vedtak: !utenVedtak });
    // Minimisation is by each person's postkilde: fetched posts pass only when the allow-list has them
    // and the catalogue knows them; the caller's own posts keep unknown ones (see minimerGrunnlag).
    const filter: Omit<Postfilterparametre, 'postkilde'> = {
      postdefinisjon: beregner.postdefinisjon,
      inntektsaar: foresporsel.inntektsaar,
      avregning: vurdering.avregning,
    };
    const regelverk = this.k.satser ? await this.k.satser.gjeldendeRegelverk() : this.k.regelverk;
    const omBeregning: Beregningsoppsett = {
      beregner,
      foresporsel,
      kontrollertVedtak,
      regelverk,
      innstillinger: this.k.innstillinger[foresporsel.beregningstype],
      idag: norskDato(naa),
      latForklaring: inn.latForklaring === true,
    };

    // Recalculation on a kept basis: the same actor, role, area, year and persons; nothing is fetched.
    if (referanse !== null) {
      const lagret = this.gjenbruk(referanse, foresporsel, aktoer, vurdering.rolle.id, naa.getTime());
      const typer = new Map(foresporsel.personer.map((p) => [p.identifikator, p.type]));
      const resultat = beregnPaa(
        omBeregning,
        minimerGrunnlag(
          lagret.personer.map((p) => ({ ...p, type: typer.get(p.identifikator) ?? p.type })),
          filter,
        ).personer,
        lagret.mangler ?? [],
      );
      resultat.resultat.advarsler.push(
        ...lagret.advarsler,
        ...vurdering.advarsler.map((a) => ({ kode: a.kode, melding: a.melding })),
      );
      // Added to the result rather than spread into a copy: a spread would read (build) its lazy fields.
      return {
        resultat: Object.assign(resultat.resultat, {
          utfoert: this.utfoerelse(tidspunkt, aktoer, vurdering, felles.saksreferanse, false, 'GJENBRUKT', {
            grunnlagHentet: lagret.hentet,
          }),
          grunnlagsreferanse: referanse,
        }),
        tabell: resultat.tabell,
      };
    }

    // Fetch, minimise, calculate. Once a fetch is attempted every way out is audited: TILLATT below,
    // or here FEILET with the reason before the error goes on unchanged. Personal data may have been
    // fetched even when the calculation fails (a rate outside its coverage): no unaudited access.
    let resultat: { resultat: Beregningsresultat; tabell: Beregningstabell };
    let minimert: PersonMedGrunnlag[] = [];
    let henteadvarsler: Advarsel[] = [];
    let mangler: ManglendeGrunnlag[] = [];
    let hentet = false;
    try {
      const grunnlag = await hentGrunnlag(foresporsel, beregner, this.k.kilder, {
        ...this.k.hentevalg,
        avregning: vurdering.avregning,
      });
      hentet = true;
      const minimering = minimerGrunnlag(grunnlag.personer, filter);
      minimert = minimering.personer;
      henteadvarsler = [
        ...grunnlag.advarsler,
        ...minimering.ukjenteHoldtTilbake.map((u) =>
          ukjentPostHoldtTilbake(u.identifikator, u.tekniskNavn, foresporsel.inntektsaar),
        ),
        ...(henter ? vurdering.advarsler : []).map((a) => ({ kode: a.kode, melding: a.melding })),
      ];
      mangler = grunnlag.mangler;
      resultat = beregnPaa(omBeregning, minimert, mangler);
      resultat.resultat.advarsler.push(...henteadvarsler);
    } catch (e) {
      // If this entry cannot be written, the lookup fails with the audit error instead.
      if (henter) await this.revider({ ...revisjon, utfall: 'FEILET', aarsakskode: feilaarsak(e, hentet) });
      throw e;
    }
    // Audit before anything leaves: no unaudited access.
    if (henter) await this.revider({ ...revisjon, utfall: 'TILLATT' });
    const grunnlagsreferanse =
      henter && this.k.grunnlagsbuffer
        ? this.k.grunnlagsbuffer.lagre(
            {
              aktoer: { type: aktoer.type, id: aktoer.id },
              rolleId: vurdering.rolle.id,
              beregningstype: foresporsel.beregningstype,
              inntektsaar: foresporsel.inntektsaar,
              personer: minimert,
              advarsler: henteadvarsler,
              mangler,
              hentet: tidspunkt,
            },
            naa.getTime(),
          )
        : undefined;
    return {
      // Added to the result rather than spread into a copy: a spread would read (build) its lazy fields.
      resultat: Object.assign(resultat.resultat, {
        utfoert: this.utfoerelse(
          tidspunkt,
          aktoer,
          vurdering,
          felles.saksreferanse,
          henter,
          henter ? 'HENTET' : 'FORESPOERSEL',
        ),
        ...(grunnlagsreferanse ? { grunnlagsreferanse } : {}),
      }),
      tabell: resultat.tabell,
    };
  }

  private utfoerelse(
    tidspunkt: string,
    aktoer: Aktoer,
    vurdering: { rolle: Rolle; omraade: { id: string }; avregning: boolean },
    saksreferanse: string | null,
    revidert: boolean,
    grunnlag: Grunnlagskilde,
    ekstra: { grunnlagHentet?: string } = {},
  ): Utfoerelse {
    return {
      tidspunkt,
      aktoer: { type: aktoer.type, id: aktoer.id, visningsnavn: aktoer.visningsnavn },
      rolleId: vurdering.rolle.id,
      tjenesteomraade: vurdering.omraade.id,
      ...(saksreferanse ? { saksreferanse } : {}),
      avregning: vurdering.avregning,
      revidert,
      grunnlag,
      ...ekstra,
    };
  }

  /**
   * The kept basis a reference names, if this actor in this role may use it for this request. An
   * unknown, expired or foreign reference gets the same answer, so a reference tells nobody else
   * anything.
   */
  private gjenbruk(
    referanse: string,
    foresporsel: Foresporsel,
    aktoer: Aktoer,
    rolleId: string,
    naa: number,
  ): {
    personer: readonly PersonMedGrunnlag[];
    advarsler: readonly Advarsel[];
    mangler?: readonly ManglendeGrunnlag[];
    hentet: string;
  } {
    const lagret = this.k.grunnlagsbuffer?.hent(referanse, naa);
    if (
      !lagret ||
      lagret.aktoer.type !== aktoer.type ||
      lagret.aktoer.id !== aktoer.id ||
      lagret.rolleId !== rolleId
    ) {
      throw feltfeil(
        'grunnlagsreferanse',
        'er ukjent eller utløpt (den gjelder i 30 minutter etter oppslaget, og bare for den som gjorde det, i samme rolle). Gjør et nytt oppslag.',
      );
    }
    if (lagret.beregningstype !== foresporsel.beregningstype) {
      throw feltfeil(
        'beregningstype',
        `må være ${lagret.beregningstype}, som i oppslaget referansen gjelder`,
      );
    }
    if (lagret.inntektsaar !== foresporsel.inntektsaar) {
      throw feltfeil('inntektsaar', `må være ${lagret.inntektsaar}, som i oppslaget referansen gjelder`);
    }
    const feil = foresporsel.personer.flatMap((p, i) =>
      p.poster !== undefined
        ? [{ felt: `personer.${i}.poster`, melding: 'kan ikke oppgis sammen med grunnlagsreferanse' }]
        : [],
    );
    if (feil.length > 0) throw new Valideringsfeil(feil);
    const lagrede = new Set(lagret.personer.map((p) => p.identifikator));
    const gitte = new Set(foresporsel.personer.map((p) => p.identifikator));
    if (lagrede.size !== gitte.size || [...gitte].some((id) => !lagrede.has(id))) {
      throw feltfeil(
        'personer',
        'må være de samme personene som i oppslaget referansen gjelder; en ny person krever et nytt oppslag',
      );
    }
    return lagret;
  }

  /**
   * Who may make a lookup in Folkeregisteret (a name, a household): a known, active actor holding a
   * known role of a known area (of the beregningstype, when one is given). Deny by default; every
   * refusal is audited with the purpose given.
   */
  private async personoppslagTillatt(
    inn: {
      autentisering: Autentisering;
      rolleId?: string | null | undefined;
      saksreferanse?: string | null | undefined;
      formaal?: string | null | undefined;
    },
    formaal: string,
    identifikatorer: string[],
    beregningstype?: Beregningstype,
  ) {
    const felt = valider(revisjonsfeltSkjema, {
      rolleId: inn.rolleId,
      saksreferanse: inn.saksreferanse,
      formaal: inn.formaal,
    });
    const naa = this.k.klokke();
    const tidspunkt = naa.toISOString();
    const felles = {
      tidspunkt,
      identifikatorer,
      saksreferanse: felt.saksreferanse,
      formaal: felt.formaal ? `${formaal}: ${felt.formaal}` : formaal,
      rolleId: felt.rolleId,
      ...(beregningstype ? { beregningstype } : {}),
    };
    const avvis = async (
      aktoer: NyRevisjonspost['aktoer'],
      kode: Avvisningskode,
      melding = avvisningsmelding(kode),
    ): Promise<never> => {
      await this.revider({ ...felles, aktoer, utfall: 'AVVIST', aarsakskode: kode });
      throw new Tilgangsfeil({ kode, melding });
    };
    if (!inn.autentisering.ok) {
      return avvis(ukjentAktoer, inn.autentisering.kode, inn.autentisering.melding);
    }
    const aktoer = inn.autentisering.aktoer;
    if (!aktoer.aktiv) return avvis(aktoer, 'AKTOER_INAKTIV');
    if (!felt.rolleId) return avvis(aktoer, 'ROLLE_IKKE_OPPGITT');
    const rolle = (await this.roller(naa.getTime())).find((r) => r.id === felt.rolleId);
    if (!rolle) return avvis(aktoer, 'ROLLE_UKJENT');
    if (!aktoer.roller.includes(rolle.id)) return avvis(aktoer, 'ROLLE_MANGLER');
    const omraade = TJENESTEOMRAADER.find((o) => o.id === rolle.tjenesteomraade);
    if (!omraade) return avvis(aktoer, 'TJENESTEOMRAADE_UKJENT');
    if (beregningstype && !(omraade.beregningstyper as readonly string[]).includes(beregningstype)) {
      return avvis(aktoer, 'FEIL_TJENESTEOMRAADE');
    }
    return { aktoer, rolle, omraade, felles, tidspunkt };
  }

  /**
   * The applicant's household as Folkeregisteret registers it: the spouse or registered partner and,
   * where the area takes them, the children, with names, for the case worker to confirm. A lookup of
   * personal data: it needs a role of the area of the beregningstype, and it is audited (purpose
   * HUSSTANDSOPPSLAG) with every person looked up. Address protection is kept: a protected or
   * unchecked person is marked skjermet. A cohabitant is not registered and is entered by hand.
   */
  async husstand(inn: Husstandsforespoersel): Promise<Husstandsoppslag> {
    const identifikator = valider(identifikatorSkjema, inn.identifikator, ['identifikator']);
    const beregningstype = valider(z.enum(BEREGNINGSTYPER), inn.beregningstype, ['beregningstype']);
    const { aktoer, rolle, omraade, felles, tidspunkt } = await this.personoppslagTillatt(
      inn,
      HUSSTANDSOPPSLAG,
      [identifikator],
      beregningstype,
    );
    const revisjon = { ...felles, aktoer, tjenesteomraade: omraade.id };
    let forslag: Husstandsforslagene;
    try {
      forslag = await foreslaaHusstand(this.k.kilder, identifikator, beregnerFor(beregningstype));
    } catch (e) {
      await this.revider({
        ...revisjon,
        utfall: 'FEILET',
        aarsakskode: e instanceof PersonIkkeFunnet ? 'PERSON_IKKE_FUNNET' : feilaarsak(e, false),
        ...(e instanceof KildeFeil && e.korrelasjonsid ? { korrelasjonsid: e.korrelasjonsid } : {}),
      });
      throw e;
    }
    await this.revider({ ...revisjon, identifikatorer: forslag.oppslaatte, utfall: 'TILLATT' });
    const { oppslaatte: _o, ...svar } = forslag;
    return {
      ...svar,
      utfoert: {
        tidspunkt,
        aktoer: { type: aktoer.type, id: aktoer.id, visningsnavn: aktoer.visningsnavn },
        rolleId: rolle.id,
        tjenesteomraade: omraade.id,
        ...(felles.saksreferanse ? { saksreferanse: felles.saksreferanse } : {}),
        revidert: true,
      },
    };
  }

  /**
   * The name of a typed identifikator, from Folkeregisteret: for the case worker to check that the
   * number is the right person before the lookup. It is a lookup of personal data, so it needs a role
   * the actor holds (any area), and it is audited (purpose NAVNEOPPSLAG) like any other lookup.
   */
  async navn(inn: Navneforespoersel): Promise<Navneoppslag> {
    const identifikator = valider(identifikatorSkjema, inn.identifikator, ['identifikator']);
    const { aktoer, rolle, omraade, felles, tidspunkt } = await this.personoppslagTillatt(inn, NAVNEOPPSLAG, [
      identifikator,
    ]);
    const revisjon = { ...felles, aktoer, tjenesteomraade: omraade.id };
    let person: Awaited<ReturnType<Kilder['folkeregister']['hentPerson']>>;
    try {
      person = await this.k.kilder.folkeregister.hentPerson(identifikator, ['navn', 'adressebeskyttelse']);
    } catch (e) {
      // Every failed attempt is audited, an error the sources do not classify too (no unaudited access).
      await this.revider({
        ...revisjon,
        utfall: 'FEILET',
        aarsakskode: e instanceof PersonIkkeFunnet ? 'PERSON_IKKE_FUNNET' : feilaarsak(e, false),
        ...(e instanceof KildeFeil && e.korrelasjonsid ? { korrelasjonsid: e.korrelasjonsid } : {}),
      });
      throw e;
    }
    await this.revider({ ...revisjon, utfall: 'TILLATT' });
    return {
      identifikator,
      navn: person.navn
        ? {
            fornavn: person.navn.fornavn,
            mellomnavn: person.navn.mellomnavn ?? null,
            etternavn: person.navn.etternavn,
          }
        : null,
      skjermet: person.adressebeskyttelse === 'fortrolig' || person.adressebeskyttelse === 'strengtFortrolig',
      utfoert: {
        tidspunkt,
        aktoer: { type: aktoer.type, id: aktoer.id, visningsnavn: aktoer.visningsnavn },
        rolleId: rolle.id,
        tjenesteomraade: omraade.id,
        ...(felles.saksreferanse ? { saksreferanse: felles.saksreferanse } : {}),
        revidert: true,
      },
    };
  }
}
