import type { Kilder } from '@inntektsgrunnlag/kilder';
import type { Lagring } from '@inntektsgrunnlag/lagring';
import type {
  Arkivtjeneste,
  Dokumentfil,
  Grunnlagsbufferinnstillinger,
  Kommuneinnstillinger,
  Oppslagsresultat,
} from '@inntektsgrunnlag/oppslag';
import type { Regelverk } from '@inntektsgrunnlag/regelverk';
import type { Logger } from 'pino';
import type { KsKonfig } from './ks/miljoe.js';
import type { Autentiserer } from './mellomvare/autentisering.js';
import type { Begrensningsvalg } from './mellomvare/begrensning.js';
import type { Innloggingskonfig } from './sesjon/index.js';

/**
 * Everything the app needs, passed in: the app reads no environment and no clock of its own
 * (`main.ts` reads the environment; tests pass in-memory storage and a fixed clock).
 */
export interface ApiKonfig {
  lagring: Lagring;
  kilder: Kilder;
  regelverk: Regelverk;
  innstillinger: Kommuneinnstillinger;
  /** The clock (audit time, "today" for a request without beregningsdato). Default: the system clock. */
  klokke?: () => Date;
  /**
   * Ways to authenticate, tried in order before the API key (`Authorization: Bearer`). A session
   * (sign-in) is added here: one more function from the request to an Autentisering, or null when
   * the request carries no session.
   */
  autentiserere?: readonly Autentiserer[];
  /** Origins allowed to call from a browser (CORS). Default none: CORS closed. */
  corsOrigins?: readonly string[];
  /** Requests per window per client; null turns the limit off. Default 300 per minute. */
  hastighet?: Begrensningsvalg | null;
  /** The largest request body (bytes, or "2mb"). Default 2 MB: 20 persons with 2 000 inline posts each. */
  maksKropp?: number | string;
  /** Structured log (pino); default JSON on stdout at level info. */
  logger?: Logger;
  /** The web app's build (index.html and assets), served at /; absent or missing: not served. */
  webKatalog?: string | null;
  /** Fetched bases kept for recalculation (grunnlagsreferanse): default 30 minutes, 1 000 at most. */
  grunnlagsbuffer?: Grunnlagsbufferinnstillinger;
  /** Express's "trust proxy" (for the client's IP behind a proxy). Default false. */
  tillitProxy?: boolean | number | string;
  /** Sign-in: session cookie, session lifetime, OIDC (issue 13; docs/innlogging.md). Default: no OIDC. */
  innlogging?: Innloggingskonfig;
  /**
   * KS Fiks's authentication on the KS routes (issue 18; docs/api.md): the issuers trusted. Default
   * Maskinporten in production (keys fetched from maskinporten.no when first needed), no ID-porten. The
   * demo issuer is added by the app in the demo set-up (embedded database and synthetic population).
   */
  ks?: KsKonfig;
  /** The key of the admin routes (ADMIN_API_KEY); absent: they are closed. */
  adminNoekkel?: string | null;
  /** Journaling in the archive (issue 21; docs/arkiv.md). Default: no Fiks Arkiv, the zip only. */
  arkiv?: Arkivkonfig;
}

export interface Arkivkonfig {
  /**
   * The journaling service with its Fiks Arkiv channel (whoever makes it also starts and stops its
   * listening for receipts: `tjeneste.lytt()`). Without it the app has one without a channel.
   */
  tjeneste?: Arkivtjeneste;
  /**
   * The vedtaksbrev, main document of an outgoing letter (U), from the result and the letter's fields
   * (the request's `vedtaksbrev`, already checked against brevdataSkjema). Default: the letter of
   * packages/dokument with the municipality's settings (`vedtaksbrevdokument`); null: U is not offered.
   */
  vedtaksbrev?: ((resultat: Oppslagsresultat, brevdata: unknown) => Promise<Dokumentfil>) | null;
}

export const STANDARD_HASTIGHET: Begrensningsvalg = { maks: 300, vinduMs: 60_000 };
export const STANDARD_MAKS_KROPP = '2mb';
