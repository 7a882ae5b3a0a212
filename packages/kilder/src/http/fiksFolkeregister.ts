import type { Oppslagsbeskrivelse } from '../feil.js';
import { folkeregisterpersonFraFreg, fregPersonSkjema } from '../folkeregisteret.js';
import type { FolkeregisterPort } from '../porter.js';
import { tolkSvar } from '../svar.js';
import { Begrenser } from './begrenser.js';
import {
  type Forsoeksregler,
  type HttpMiljoe,
  kallMedForsoek,
  type Plassbegrenser,
  STANDARD_FORSOEKSREGLER,
  STANDARD_HTTP_MILJOE,
} from './forsoek.js';
import { Kildevern, type Vernregler } from './kildevern.js';
import type { MaskinportenKlient } from './maskinporten.js';

/** KS Fiks's environments (ks-no.github.io content/Tjenester/register/folkeregister.md, «Miljøer»). */
export const FIKS_PRODUKSJON = 'https://api.fiks.ks.no';
export const FIKS_TEST = 'https://api.fiks.test.ks.no';

/** The scope every Fiks call's Maskinporten token carries (ks-no.github.io «Integrasjoner»). */
export const KS_FIKS_SCOPE = 'ks:fiks';

export interface FiksFolkeregisterInnstillinger {
  /** The Fiks environment, e.g. https://api.fiks.ks.no (the path adds /folkeregister/api/v1/…). */
  url: string;
  /** The role in Fiks folkeregister the lookups are made in: it decides the rettighetspakke and the parts allowed. */
  rolleId: string;
  /** The Fiks integration (sent as the headers IntegrasjonId and IntegrasjonPassord). */
  integrasjonId: string;
  integrasjonPassord: string;
  maskinporten: MaskinportenKlient;
  forsoek?: Partial<Forsoeksregler>;
  maksSamtidige?: number;
  /** A shared bound in place of the in-process one (see {@link HttpKildeInnstillinger.plassbegrenser}). */
  plassbegrenser?: Plassbegrenser;
  /** Timeout from latency, retry budget and breaker (see {@link Vernregler}). */
  vern?: Partial<Vernregler>;
  miljoe?: HttpMiljoe;
}

function sti(...deler: string[]): string {
  return deler.map((d) => encodeURIComponent(d)).join('/');
}

/**
 * Folkeregisteret through KS's Fiks folkeregister, which «speiler konsument tjenestene til Skatteetaten
 * på Fiks plattformen» (ks-no.github.io content/Tjenester/register/folkeregister.md): the same person
 * document and `part` parameters, on the path
 * `<MILJØ_URL>/folkeregister/api/v1/{ROLLE_ID}/v1/personer/{personidentifikator}`, with the role in place
 * of the rettighetspakke, a Maskinporten token with scope `ks:fiks` in `Authorization`, and the Fiks
 * integration in the headers `IntegrasjonId` and `IntegrasjonPassord`. The same port as the direct
 * client; which is used is a setting (KILDE_FOLKEREGISTER). Errors come in KS's body
 * ({status, errorCode, message, errorId}); the status decides, as for Folkeregisteret itself.
 */
export function fiksFolkeregister(inn: FiksFolkeregisterInnstillinger): FolkeregisterPort {
  const miljoe = inn.miljoe ?? STANDARD_HTTP_MILJOE;
  const regler: Forsoeksregler = { ...STANDARD_FORSOEKSREGLER, ...inn.forsoek };
  const begrenser = inn.plassbegrenser ?? new Begrenser(inn.maksSamtidige ?? 5);
  const vern = new Kildevern(regler.tidsavbruddMs, inn.vern);
  const base = inn.url.replace(/\/+$/, '');
  return {
    async hentPerson(identifikator, deler) {
      const b: Oppslagsbeskrivelse = { api: 'FOLKEREGISTERET', identifikator };
      const query = new URLSearchParams(deler.map((d): [string, string] => ['part', d])).toString();
      const url = `${base}/folkeregister/api/v1/${sti(inn.rolleId)}/v1/personer/${sti(identifikator)}${query ? `?${query}` : ''}`;
      const svar = await kallMedForsoek(
        async () => ({
          url,
          init: {
            method: 'GET',
            headers: {
              authorization: `Bearer ${await inn.maskinporten.token(KS_FIKS_SCOPE)}`,
              accept: 'application/json',
              integrasjonid: inn.integrasjonId,
              integrasjonpassord: inn.integrasjonPassord,
            },
          },
        }),
        b,
        regler,
        miljoe,
        begrenser,
        () => inn.maskinporten.glem(KS_FIKS_SCOPE),
        vern,
      );
      let body: unknown;
      try {
        body = JSON.parse(svar.tekst);
      } catch {
        body = undefined;
      }
      const freg = tolkSvar(b, svar.status, body, fregPersonSkjema);
      return folkeregisterpersonFraFreg(identifikator, freg);
    },
  };
}
