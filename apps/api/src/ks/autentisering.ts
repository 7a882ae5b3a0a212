import { type Lagring, normaliserUuid } from '@inntektsgrunnlag/lagring';
import type { Autentisering } from '@inntektsgrunnlag/oppslag';
import type { Logger } from 'pino';
import type { Autentiserer } from '../mellomvare/autentisering.js';
import { HttpFeil, PROBLEMTYPE, VENT_SEKUNDER } from '../problem.js';
import { NoekkelsettUtilgjengelig } from './noekkelsett.js';
import type { Tokenavvisning, Tokenkontroll } from './tokenkontroll.js';

/** Where the KS-compatible routes live: KS's own authentication applies under it. */
export const KS_PREFIKS = '/register/api/v1/ks/';

/** KS Fiks's 401 texts (ks-no.github.io, «Integrasjoner», «Når det ikke virker»). */
export const KS_TOKEN_AVVIST = 'Klarte ikke å validere access_token';
export const ksIntegrasjonAvvist = (id: string | null) =>
  `Autentisering feilet for integrasjon med id ${id ?? '(ugyldig eller mangler)'}`;

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;
/** A compact JWS: three base64url parts. An API key (`ig_…`, `demo-…`) never looks like one. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Why a KS call was refused, for the log (the caller gets KS's text, which does not say which). */
type Avvisningsgrunn =
  | Tokenavvisning
  | 'TOKEN_MANGLER'
  | 'INTEGRASJONID_MANGLER'
  | 'INTEGRASJONPASSORD_MANGLER'
  | 'UKJENT'
  | 'TILBAKETRUKKET'
  | 'FEIL_PASSORD'
  | 'FEIL_ORGANISASJON'
  | 'PERSON_UKJENT';

export interface Ksautentiseringsvalg {
  lagring: Lagring;
  tokenkontroll: Tokenkontroll;
  /** The embedded demo set-up on the synthetic population: demo integrations are accepted. */
  demoTillatt: boolean;
  logger: Logger;
}

/**
 * KS Fiks's authentication on the KS-compatible routes (ks-no.github.io, «Integrasjoner», 2026-10-10):
 * `Authorization: Bearer <access token>` from Maskinporten with scope `ks:fiks` (or, for a call on
 * behalf of a signed-in person, from ID-porten), and `IntegrasjonId` and `IntegrasjonPassord`. The token
 * is checked first (signature, issuer, expiry, audience, scope), then the integration (it exists, is
 * not revoked, the password matches, and the token's `consumer` is its authorised organisation). The
 * actor is the integration with its roles, or for a person-bound call the person (a user known by the
 * token's `pid`) with the person's own roles, as KS: «det er personens egne tilganger i Fiks som gjelder».
 *
 * Only requests on the KS paths that carry KS's headers or a JWT are claimed; any other request (an
 * API key, no credential) is left to the next authenticator. A refusal is KS's 401 text, with the code
 * AKTOER_UKJENT (DEMONOEKKEL_AVVIST for the demo issuer or a demo integration outside the demo set-up),
 * and the reason goes to the log by name, never a token, a password or a header value.
 */
export function ksAutentiserer(v: Ksautentiseringsvalg): Autentiserer {
  return async (req) => {
    if (!req.path.startsWith(KS_PREFIKS)) return null;
    const id = req.get('IntegrasjonId');
    const passord = req.get('IntegrasjonPassord');
    const bearer = BEARER.exec(req.get('Authorization') ?? '')?.[1];
    const erJwt = bearer !== undefined && JWT.test(bearer);
    if (id === undefined && passord === undefined && !erJwt) return null;

    const integrasjonId = normaliserUuid(id?.trim());
    const avvis = (grunn: Avvisningsgrunn, melding: string, demo = false): Autentisering => {
      v.logger.info(
        {
          requestId: req.res?.locals.requestId,
          grunn,
          ...(integrasjonId ? { integrasjonId } : {}),
        },
        'KS-autentisering avvist',
      );
      return { ok: false, kode: demo ? 'DEMONOEKKEL_AVVIST' : 'AKTOER_UKJENT', melding };
    };

    if (!erJwt)
      return avvis('TOKEN_MANGLER', `${KS_TOKEN_AVVIST}: Authorization må være «Bearer <access token>»`);
    let token: Awaited<ReturnType<Tokenkontroll['kontroller']>>;
    try {
      token = await v.tokenkontroll.kontroller(bearer as string);
    } catch (e) {
      if (!(e instanceof NoekkelsettUtilgjengelig)) throw e;
      // Not the caller's fault: the issuer's keys are out of reach. Try again later.
      v.logger.warn(
        { requestId: req.res?.locals.requestId, feil: e.message },
        'KS-token kan ikke kontrolleres',
      );
      throw new HttpFeil(
        503,
        PROBLEMTYPE.utilgjengelig,
        'Tjenesten er midlertidig utilgjengelig',
        'Nøklene tokenet skal kontrolleres mot kan ikke hentes nå. Ingen opplysninger er utlevert. Prøv igjen senere.',
        { headers: { 'Retry-After': String(VENT_SEKUNDER) } },
      );
    }
    if (!token.ok) return avvis(token.grunn, KS_TOKEN_AVVIST, token.grunn === 'DEMO_AVVIST');

    const feilet = ksIntegrasjonAvvist(integrasjonId);
    if (id === undefined) return avvis('INTEGRASJONID_MANGLER', `${feilet}: headeren IntegrasjonId mangler`);
    if (passord === undefined) {
      return avvis('INTEGRASJONPASSORD_MANGLER', `${feilet}: headeren IntegrasjonPassord mangler`);
    }
    const svar = await v.lagring.ksIntegrasjoner.autentiser(id.trim(), passord, {
      demoTillatt: v.demoTillatt,
    });
    if (!svar.ok) return avvis(svar.grunn, feilet, svar.grunn === 'DEMO_AVVIST');
    const { integrasjon } = svar;
    if (integrasjon.organisasjonsnummer !== token.organisasjonsnummer)
      return avvis('FEIL_ORGANISASJON', feilet);

    if (token.utsteder.type === 'IDPORTEN') {
      const bruker = await v.lagring.brukere.finnMedFoedselsnummer(token.pid as string);
      const aktoer = bruker ? await v.lagring.brukere.aktoer(bruker.id) : null;
      if (!aktoer) {
        return avvis('PERSON_UKJENT', `${KS_TOKEN_AVVIST}: personen i tokenet er ikke bruker av tjenesten`);
      }
      // The person's own roles; the audit log names the integration the call came through.
      return {
        ok: true,
        aktoer: { ...aktoer, visningsnavn: `${aktoer.visningsnavn} via ${integrasjon.navn}` },
      };
    }
    return {
      ok: true,
      aktoer: {
        type: 'KLIENT',
        id: integrasjon.id,
        visningsnavn: integrasjon.navn,
        aktiv: integrasjon.aktiv,
        roller: integrasjon.roller,
      },
    };
  };
}
