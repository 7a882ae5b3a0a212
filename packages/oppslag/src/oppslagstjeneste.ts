import {
  type Beregningsresultat,
  beregnMedPoster,
  foresporselSkjema,
  valider,
} from '@inntektsgrunnlag/beregning';
import { KildeFeil, type Kilder } from '@inntektsgrunnlag/kilder';
import type { Lagring, NyRevisjonspost } from '@inntektsgrunnlag/lagring';
import type { Beregningstabell, Regelverk } from '@inntektsgrunnlag/regelverk';
import {
  type Aktoer,
  type Avregningsvalg,
  lagPostfilter,
  minimerPersoner,
  type Rolle,
  Tilgangsfeil,
  vurderTilgang,
} from '@inntektsgrunnlag/tilgang';
import { forhaandskontroll } from './beregn.js';
import {
  GrunnlagIkkeHentet,
  type Henteinnstillinger,
  hentGrunnlag,
  IngenSkatteopplysninger,
} from './hentGrunnlag.js';
import type { Kommuneinnstillinger } from './kommuneinnstillinger.js';
import { beregnerFor } from './register.js';

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
}

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
}

export interface OppslagKonfig {
  lagring: Lagring;
  kilder: Kilder;
  regelverk: Regelverk;
  innstillinger: Kommuneinnstillinger;
  /** The caller's clock (the audit time); "today" for the rules is derived from it in Norway's time zone. */
  klokke: () => Date;
  hentevalg?: Omit<Henteinnstillinger, 'avregning'>;
  /**
   * How long the list of roles may be reused (ms). Default 0: read on every lookup, so a change of
   * role or group membership takes effect at the next request. A batch run sets it for the run.
   */
  rollebuffer?: number;
}

const ukjentAktoer = { type: 'UKJENT' as const, id: 'ukjent', visningsnavn: 'Ukjent' };

/** Today's date in Norway from an instant. */
export function norskDato(t: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(t);
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
      await this.k.lagring.revisjonslogg.skriv(post);
    } catch (e) {
      throw new RevisjonFeilet(e);
    }
  }

  async beregn(
    inn: Oppslagsforespoersel,
  ): Promise<{ resultat: Beregningsresultat & { utfoert: Utfoerelse }; tabell: Beregningstabell }> {
    const foresporsel = valider(foresporselSkjema, inn.foresporsel);
    const naa = this.k.klokke();
    const tidspunkt = naa.toISOString();
    const identifikatorer = foresporsel.personer.map((p) => p.identifikator);
    const henter = foresporsel.personer.some((p) => p.poster === undefined);
    const felles = {
      tidspunkt,
      beregningstype: foresporsel.beregningstype,
      identifikatorer,
      inntektsaar: foresporsel.inntektsaar,
      saksreferanse: inn.saksreferanse ?? foresporsel.saksreferanse ?? null,
      formaal: inn.formaal ?? null,
      rolleId: inn.rolleId ?? null,
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
      rolleId: inn.rolleId ?? null,
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

    // Fetch, minimise, calculate.
    const beregner = beregnerFor(foresporsel.beregningstype);
    let resultat: { resultat: Beregningsresultat; tabell: Beregningstabell };
    try {
      if (henter) forhaandskontroll(foresporsel, beregner);
      const hentet = await hentGrunnlag(foresporsel, beregner, this.k.kilder, {
        ...this.k.hentevalg,
        avregning: vurdering.avregning,
      });
      const filter = lagPostfilter({
        postdefinisjon: beregner.postdefinisjon,
        inntektsaar: foresporsel.inntektsaar,
        avregning: vurdering.avregning,
      });
      resultat = beregnMedPoster({
        beregner,
        foresporsel,
        personer: minimerPersoner(hentet.personer, filter).personer,
        regelverk: this.k.regelverk,
        innstillinger: this.k.innstillinger[foresporsel.beregningstype],
        idag: norskDato(naa),
      });
      resultat.resultat.advarsler.push(
        ...hentet.advarsler,
        ...(henter ? vurdering.advarsler : []).map((a) => ({ kode: a.kode, melding: a.melding })),
      );
    } catch (e) {
      if (henter && (e instanceof GrunnlagIkkeHentet || e instanceof KildeFeil)) {
        const ingenData =
          e instanceof GrunnlagIkkeHentet && e.feil.every((f) => f instanceof IngenSkatteopplysninger);
        await this.revider({
          ...revisjon,
          utfall: 'FEILET',
          aarsakskode: ingenData ? 'INGEN_SKATTEOPPLYSNINGER' : 'KILDE_UTILGJENGELIG',
        });
      }
      throw e;
    }
    // Audit before anything leaves: no unaudited access.
    if (henter) await this.revider({ ...revisjon, utfall: 'TILLATT' });
    const utfoert: Utfoerelse = {
      tidspunkt,
      aktoer: { type: aktoer.type, id: aktoer.id, visningsnavn: aktoer.visningsnavn },
      rolleId: vurdering.rolle.id,
      tjenesteomraade: vurdering.omraade.id,
      ...(felles.saksreferanse ? { saksreferanse: felles.saksreferanse } : {}),
      avregning: vurdering.avregning,
      revidert: henter,
    };
    return { resultat: { ...resultat.resultat, utfoert }, tabell: resultat.tabell };
  }
}
