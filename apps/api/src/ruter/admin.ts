import { createHash, timingSafeEqual } from 'node:crypto';
import type { KsIntegrasjon } from '@inntektsgrunnlag/lagring';
import { type RequestHandler, Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { HttpFeil, ikkeAutentisert, ingenTilgang, PROBLEMTYPE } from '../problem.js';
import { def, kreverJson } from './felles.js';

/** Where the operator's routes live. */
export const ADMIN_GRUNNSTI = '/api/v1/admin/ks-integrasjoner';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * The admin key (ADMIN_API_KEY) in `Authorization: Bearer`, compared in constant time (as SHA-256
 * digests, so the lengths are equal). No key configured: the admin routes are closed (403).
 */
function kreverAdmin(noekkel: string | null | undefined): RequestHandler {
  const forventet = noekkel ? sha256(noekkel) : null;
  return (req, _res, next) => {
    if (!forventet) {
      return next(
        ingenTilgang(
          'ADMIN_AV',
          'Administrasjon gjennom API-et er ikke slått på: driften må sette ADMIN_API_KEY.',
        ),
      );
    }
    const gitt = BEARER.exec(req.get('Authorization') ?? '')?.[1];
    if (!gitt)
      return next(
        ikkeAutentisert('Oppgi administrasjonsnøkkelen: «Authorization: Bearer <ADMIN_API_KEY>».', false),
      );
    if (!timingSafeEqual(sha256(gitt), forventet)) {
      return next(ikkeAutentisert('Feil administrasjonsnøkkel.', true, 'ADMIN_NOEKKEL_UGYLDIG'));
    }
    next();
  };
}

/** Answers with a password are never kept by a cache or a browser. */
const ikkeLagre: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

function finnesIkke(id: string): HttpFeil {
  return new HttpFeil(404, PROBLEMTYPE.ikkeFunnet, 'Finnes ikke', `Ingen KS-integrasjon har id ${id}.`, {
    errors: [{ felt: 'id', melding: 'ingen integrasjon med denne id-en' }],
  });
}

/**
 * The operator's routes for KS integrations (issue 18; the same as `pnpm cli ks-integrasjon`): create
 * (the password is in the answer, once), list, read, change roles/organisation/name, rotate the
 * password (the new one in the answer, once), revoke. The password is never logged and never stored
 * in clear; the log names the integration's id.
 */
export function adminRuter(k: ApiKontekst): Router {
  const r = Router();
  const admin = kreverAdmin(k.konfig.adminNoekkel);
  const logg = (hendelse: string, i: KsIntegrasjon) =>
    k.logger.info({ integrasjonId: i.id, roller: i.roller }, hendelse);

  def(r, 'post', ADMIN_GRUNNSTI, admin, ikkeLagre, kreverJson, async (req, res) => {
    const { integrasjon, passord } = await k.konfig.lagring.ksIntegrasjoner.opprett(req.body, {
      naa: k.klokke(),
    });
    logg('KS-integrasjon opprettet', integrasjon);
    res.status(201).json({ integrasjon, passord });
  });

  def(r, 'get', ADMIN_GRUNNSTI, admin, ikkeLagre, async (_req, res) => {
    res.json({ integrasjoner: await k.konfig.lagring.ksIntegrasjoner.alle() });
  });

  def(r, 'get', `${ADMIN_GRUNNSTI}/{id}`, admin, ikkeLagre, async (req, res) => {
    const i = await k.konfig.lagring.ksIntegrasjoner.hent(req.params.id as string);
    if (!i) throw finnesIkke(req.params.id as string);
    res.json(i);
  });

  def(r, 'patch', `${ADMIN_GRUNNSTI}/{id}`, admin, ikkeLagre, kreverJson, async (req, res) => {
    const i = await k.konfig.lagring.ksIntegrasjoner.endre(req.params.id as string, req.body);
    if (!i) throw finnesIkke(req.params.id as string);
    logg('KS-integrasjon endret', i);
    res.json(i);
  });

  def(r, 'post', `${ADMIN_GRUNNSTI}/{id}/passord`, admin, ikkeLagre, async (req, res) => {
    const svar = await k.konfig.lagring.ksIntegrasjoner.roterPassord(req.params.id as string, {
      naa: k.klokke(),
    });
    if (!svar) throw finnesIkke(req.params.id as string);
    logg('KS-integrasjonens passord byttet', svar.integrasjon);
    res.json(svar);
  });

  def(r, 'post', `${ADMIN_GRUNNSTI}/{id}/trekk-tilbake`, admin, ikkeLagre, async (req, res) => {
    const id = req.params.id as string;
    if (!(await k.konfig.lagring.ksIntegrasjoner.trekkTilbake(id))) throw finnesIkke(id);
    const i = (await k.konfig.lagring.ksIntegrasjoner.hent(id)) as KsIntegrasjon;
    logg('KS-integrasjon trukket tilbake', i);
    res.json(i);
  });

  return r;
}
