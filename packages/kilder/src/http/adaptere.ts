import {
  avregningSkjema,
  beregnetSkattSkjema,
  summertSkattegrunnlagSkjema,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { z } from 'zod';
import type { Api, Oppslagsbeskrivelse } from '../feil.js';
import { FolkeregisterIkkeSattOpp } from '../feil.js';
import { folkeregisterpersonFraFreg, fregPersonSkjema } from '../folkeregisteret.js';
import { type FolkeregisterPort, type Kilder, stadieSti } from '../porter.js';
import { tolkSvar } from '../svar.js';
import type { Rettighetspakkevalg } from '../tilganger.js';
import { Begrenser } from './begrenser.js';
import { fiksFolkeregister } from './fiksFolkeregister.js';
import {
  type Forsoeksregler,
  type HttpMiljoe,
  kallMedForsoek,
  type Plassbegrenser,
  STANDARD_FORSOEKSREGLER,
  STANDARD_HTTP_MILJOE,
} from './forsoek.js';
import { Kildevern, type Vernregler } from './kildevern.js';
import { type MaskinportenInnstillinger, MaskinportenKlient } from './maskinporten.js';

/** Base URLs of the four APIs (without a trailing slash). */
export interface Tjenesteadresser {
  /** Summert skattegrunnlag V2, e.g. https://summertskattegrunnlag.api.skatteetaten.no/v2 */
  summertSkattegrunnlag: string;
  /** Beregnet skatt V2, e.g. https://beregnetskatt.api.skatteetaten.no/v2 */
  beregnetSkatt: string;
  /** Avregning V2, e.g. https://avregning.api.skatteetaten.no/v2 */
  avregning: string;
  /** Folkeregisteret's host, e.g. https://folkeregisteret.api.skatteetaten.no (the path adds /folkeregisteret/…). */
  folkeregisteret: string;
}

/** Production (Skatteetaten/api-dokumentasjon docs/om/url.md; Folkeregisteret: src/konsumenttjenester/oppslag.md). */
export const PRODUKSJON: Tjenesteadresser = {
  summertSkattegrunnlag: 'https://summertskattegrunnlag.api.skatteetaten.no/v2',
  beregnetSkatt: 'https://beregnetskatt.api.skatteetaten.no/v2',
  avregning: 'https://avregning.api.skatteetaten.no/v2',
  folkeregisteret: 'https://folkeregisteret.api.skatteetaten.no',
};

/** Skatteetaten's test environment, and Folkeregisteret's konsumenttest. */
export const TESTMILJOE: Tjenesteadresser = {
  summertSkattegrunnlag: 'https://summertskattegrunnlag.api.skatteetaten-test.no/v2',
  beregnetSkatt: 'https://beregnetskatt.api.skatteetaten-test.no/v2',
  avregning: 'https://avregning.api.skatteetaten-test.no/v2',
  folkeregisteret: 'https://folkeregisteret-api-konsument.sits.no',
};

/** The stand-in server's addresses: one port, one path prefix per API. */
export function standinAdresser(
  base: string,
): Tjenesteadresser & { tokenUrl: string; audience: string; fiks: string } {
  const b = base.replace(/\/+$/, '');
  return {
    fiks: b,
    summertSkattegrunnlag: `${b}/summertskattegrunnlag/v2`,
    beregnetSkatt: `${b}/beregnetskatt/v2`,
    avregning: `${b}/avregning/v2`,
    folkeregisteret: b,
    tokenUrl: `${b}/token`,
    audience: `${b}/`,
  };
}

/** The Maskinporten scopes (Skatteetaten: docs/api/*.md; Folkeregisteret: src/pakobling-til-freg/Maskinporten.md). */
export const SCOPES = {
  summertSkattegrunnlag: 'skatteetaten:summertskattegrunnlag',
  beregnetSkatt: 'skatteetaten:beregnetskatt',
  avregning: 'skatteetaten:avregning',
  folkeregisteret: 'folkeregister:deling/offentligmedhjemmel',
} as const;

/**
 * How Folkeregisteret is reached: directly at Skatteetaten (the municipality's own agreement), through
 * KS's Fiks folkeregister (most municipalities), or not at all (names and address protection are then
 * not checked, and every fetched person is treated as protected in what is shown).
 */
export type Folkeregistervalg =
  | { type: 'direkte' }
  | { type: 'fiks'; url: string; rolleId: string; integrasjonId: string; integrasjonPassord: string }
  | { type: 'ingen' };

/** A port that says Folkeregisteret is not set up, for every person. */
export function ingenFolkeregister(): FolkeregisterPort {
  return {
    hentPerson: (identifikator) =>
      Promise.reject(new FolkeregisterIkkeSattOpp({ api: 'FOLKEREGISTERET', identifikator })),
  };
}

export interface HttpKildeInnstillinger {
  adresser: Tjenesteadresser;
  /** Maskinporten settings, or a client to share with other adapters. */
  maskinporten: MaskinportenInnstillinger | MaskinportenKlient;
  /** Rettighetspakke spellings that differ from the documented ones (KILDE_RETTIGHETSPAKKER). */
  rettighetspakker?: Rettighetspakkevalg;
  /** How Folkeregisteret is reached (default direkte). */
  folkeregister?: Folkeregistervalg;
  /** Folkeregisteret's rettighetspakke (path segment); default offentlig-med-hjemmel. */
  folkeregisterRettighetspakke?: string;
  scopes?: Partial<Record<keyof typeof SCOPES, string>>;
  forsoek?: Partial<Forsoeksregler>;
  /** True when the addresses are the stand-in's (synthetic data); results then say so. */
  syntetisk?: boolean;
  /** Calls at once per API (default 5, as Skatteetaten asks). */
  maksSamtidigePerApi?: number;
  /**
   * The bound per API shared with other processes (the organisation's limit across instances and
   * batches); absent, each process bounds its own calls to `maksSamtidigePerApi`.
   */
  plassbegrenser?: (api: Exclude<Api, 'MASKINPORTEN'>) => Plassbegrenser;
  /** Timeout from latency, retry budget and circuit breaker per API (see {@link Vernregler}). */
  vern?: Partial<Vernregler>;
  miljoe?: HttpMiljoe;
}

function sti(...deler: Array<string | number>): string {
  return deler.map((d) => encodeURIComponent(String(d))).join('/');
}

/**
 * The HTTP adapters for Skatteetaten's real APIs and Folkeregisteret, behind Maskinporten. Each API has
 * its own concurrency bound; all share the token cache. Nothing is logged: errors carry what support
 * needs (code, korrelasjonsid) and a masked identifier.
 */
export function httpKilder(inn: HttpKildeInnstillinger): Kilder {
  const miljoe = inn.miljoe ?? STANDARD_HTTP_MILJOE;
  const regler: Forsoeksregler = { ...STANDARD_FORSOEKSREGLER, ...inn.forsoek };
  // The token request gets the same timeouts and deadline as the lookups, unless set on its own.
  const maskinporten =
    inn.maskinporten instanceof MaskinportenKlient
      ? inn.maskinporten
      : new MaskinportenKlient(
          { ...inn.maskinporten, forsoek: { ...inn.forsoek, ...inn.maskinporten.forsoek } },
          miljoe,
        );
  const scopes = { ...SCOPES, ...inn.scopes };
  const maks = inn.maksSamtidigePerApi ?? 5;
  const begrenser = (api: Exclude<Api, 'MASKINPORTEN'>): Plassbegrenser =>
    inn.plassbegrenser ? inn.plassbegrenser(api) : new Begrenser(maks);
  const begrensere: Record<Exclude<Api, 'MASKINPORTEN'>, Plassbegrenser> = {
    SUMMERT_SKATTEGRUNNLAG: begrenser('SUMMERT_SKATTEGRUNNLAG'),
    BEREGNET_SKATT: begrenser('BEREGNET_SKATT'),
    AVREGNING: begrenser('AVREGNING'),
    FOLKEREGISTERET: begrenser('FOLKEREGISTERET'),
  };
  // One breaker, latency window and retry budget per API: one API down does not stop the others.
  const vern: Record<Exclude<Api, 'MASKINPORTEN'>, Kildevern> = {
    SUMMERT_SKATTEGRUNNLAG: new Kildevern(regler.tidsavbruddMs, inn.vern),
    BEREGNET_SKATT: new Kildevern(regler.tidsavbruddMs, inn.vern),
    AVREGNING: new Kildevern(regler.tidsavbruddMs, inn.vern),
    FOLKEREGISTERET: new Kildevern(regler.tidsavbruddMs, inn.vern),
  };
  const fregPakke = inn.folkeregisterRettighetspakke ?? 'offentlig-med-hjemmel';

  async function hent<S extends z.ZodType>(
    beskrivelse: Oppslagsbeskrivelse & { api: Exclude<Api, 'MASKINPORTEN'> },
    url: string,
    scope: string,
    skjema: S,
  ): Promise<z.output<S>> {
    const svar = await kallMedForsoek(
      async () => ({
        url,
        init: {
          method: 'GET',
          headers: { authorization: `Bearer ${await maskinporten.token(scope)}`, accept: 'application/json' },
        },
      }),
      beskrivelse,
      regler,
      miljoe,
      begrensere[beskrivelse.api],
      () => maskinporten.glem(scope),
      vern[beskrivelse.api],
    );
    let body: unknown;
    try {
      body = JSON.parse(svar.tekst);
    } catch {
      body = undefined;
    }
    return tolkSvar(beskrivelse, svar.status, body, skjema, svar.headers.get('korrelasjonsid') ?? undefined);
  }

  const direkteFreg: FolkeregisterPort = {
    async hentPerson(identifikator, deler) {
      const query = new URLSearchParams(deler.map((d): [string, string] => ['part', d])).toString();
      const freg = await hent(
        { api: 'FOLKEREGISTERET', identifikator },
        `${inn.adresser.folkeregisteret}/folkeregisteret/${sti(fregPakke)}/api/v1/personer/${sti(identifikator)}${query ? `?${query}` : ''}`,
        scopes.folkeregisteret,
        fregPersonSkjema,
      );
      return folkeregisterpersonFraFreg(identifikator, freg);
    },
  };
  const fv = inn.folkeregister ?? { type: 'direkte' };
  const folkeregister =
    fv.type === 'fiks'
      ? fiksFolkeregister({
          ...fv,
          maskinporten,
          forsoek: regler,
          maksSamtidige: maks,
          plassbegrenser: begrensere.FOLKEREGISTERET,
          ...(inn.vern ? { vern: inn.vern } : {}),
          miljoe,
        })
      : fv.type === 'ingen'
        ? ingenFolkeregister()
        : direkteFreg;

  return {
    beskrivelse: `Skatteetaten og Folkeregisteret over HTTP (${new URL(inn.adresser.summertSkattegrunnlag).host})`,
    syntetisk: inn.syntetisk ?? false,
    ...(inn.rettighetspakker ? { rettighetspakker: inn.rettighetspakker } : {}),
    summertSkattegrunnlag: {
      hent({ stadie, rettighetspakke, inntektsaar, identifikator }) {
        const s = stadieSti(stadie);
        return hent(
          { api: 'SUMMERT_SKATTEGRUNNLAG', identifikator, inntektsaar, stadie: s },
          `${inn.adresser.summertSkattegrunnlag}/${sti(s, rettighetspakke, inntektsaar, identifikator)}`,
          scopes.summertSkattegrunnlag,
          summertSkattegrunnlagSkjema,
        );
      },
    },
    beregnetSkatt: {
      hent({ rettighetspakke, inntektsaar, identifikator }) {
        return hent(
          { api: 'BEREGNET_SKATT', identifikator, inntektsaar },
          `${inn.adresser.beregnetSkatt}/${sti(rettighetspakke, inntektsaar, identifikator)}`,
          scopes.beregnetSkatt,
          beregnetSkattSkjema,
        );
      },
    },
    avregning: {
      hent({ rettighetspakke, inntektsaar, identifikator }) {
        return hent(
          { api: 'AVREGNING', identifikator, inntektsaar },
          `${inn.adresser.avregning}/${sti(rettighetspakke, inntektsaar, identifikator)}`,
          scopes.avregning,
          avregningSkjema,
        );
      },
    },
    folkeregister,
  };
}
