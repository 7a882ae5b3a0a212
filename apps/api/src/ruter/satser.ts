import { SatsAvvist } from '@inntektsgrunnlag/oppslag';
import { Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { aktoerFor, autentiseringFor, rolleFor } from '../mellomvare/autentisering.js';
import { HttpFeil, PROBLEMTYPE } from '../problem.js';
import { def, kreverJson } from './felles.js';

/**
 * The municipality's own rates (issue 17 item 6; docs/drift.md «Nye satser»), for the rate
 * administrator (a role in SATSFORVALTNING) and no one else:
 *
 * - `GET /api/v1/satser`: every table with its coverage, and the municipality's entries with status;
 * - `POST /api/v1/satser`: enter a value after a table's coverage (not in force yet);
 * - `POST /api/v1/satser/{id}/godkjenning`: approve another administrator's entry (in force from now).
 *
 * Every step, and every refusal after sign-in, is in the audit log (the use case, Satsforvaltning).
 */

function satsfeil(e: unknown): never {
  if (e instanceof SatsAvvist) {
    const errors = [{ felt: e.felt, melding: e.message }];
    if (e.kode === 'FINNES_IKKE') {
      throw new HttpFeil(404, PROBLEMTYPE.ikkeFunnet, 'Finnes ikke', e.message, { errors });
    }
    if (e.kode === 'EGEN_SATS') {
      throw new HttpFeil(403, PROBLEMTYPE.ingenTilgang, 'Ingen tilgang', e.message, { errors, kode: e.kode });
    }
    throw new HttpFeil(409, PROBLEMTYPE.konflikt, 'Kan ikke godkjennes', e.message, {
      errors,
      kode: e.kode,
    });
  }
  throw e;
}

export function satsRuter(k: ApiKontekst): Router {
  const r = Router();
  const satser = k.satser;

  def(r, 'get', '/api/v1/satser', async (req, res) => {
    const aktoer = aktoerFor(res);
    const oversikt = await satser.oversikt(aktoer, rolleFor(req, autentiseringFor(res)));
    res.set('Cache-Control', 'no-store').json(oversikt);
  });

  def(r, 'post', '/api/v1/satser', kreverJson, async (req, res) => {
    const aktoer = aktoerFor(res);
    const sats = await satser.leggInn(aktoer, rolleFor(req, autentiseringFor(res)), req.body);
    k.logger.info({ satsId: sats.id, tabell: sats.tabell, gyldigFra: sats.gyldigFra }, 'Sats lagt inn');
    res.status(201).set('Cache-Control', 'no-store').json(sats);
  });

  def(r, 'post', '/api/v1/satser/{id}/godkjenning', async (req, res) => {
    const aktoer = aktoerFor(res);
    const sats = await satser
      .godkjenn(aktoer, rolleFor(req, autentiseringFor(res)), String(req.params.id))
      .catch(satsfeil);
    k.logger.info({ satsId: sats.id, tabell: sats.tabell, gyldigFra: sats.gyldigFra }, 'Sats godkjent');
    res.set('Cache-Control', 'no-store').json(sats);
  });

  return r;
}
