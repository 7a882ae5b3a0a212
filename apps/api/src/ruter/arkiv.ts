import { FiksIoFeil, type Journalposttype, KryptoFeil, NoekkelFeil } from '@inntektsgrunnlag/arkiv';
import { valider } from '@inntektsgrunnlag/beregning';
import {
  ArkivIkkeSattOpp,
  arkivdokumenter,
  arkivvalgSkjema,
  beregningsdokument,
  ForsendelseIkkeFunnet,
  ForsendelseKonflikt,
  type Oppslagsresultat,
  vedtaksbrevdokument,
} from '@inntektsgrunnlag/oppslag';
import { type Request, type Response, Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { aktoerFor, autentiseringFor, rolleFor } from '../mellomvare/autentisering.js';
import { HttpFeil, PROBLEMTYPE, ugyldig, VENT_SEKUNDER } from '../problem.js';
import { kjoerBeregning } from './beregning.js';
import { def, delKropp, kreverJson } from './felles.js';
import { kontrollerBrevdata, kreverAvgift } from './vedtaksbrev.js';

/**
 * Journaling in the municipality's archive (issue 21, docs/arkiv.md):
 *
 * - `GET /api/v1/arkiv`: whether Fiks Arkiv is set up, and which journalpost types can be made;
 * - `POST /api/v1/arkiv/forsendelser`: the beregning request with `arkiv` (the case worker's choice)
 *   and, for an outgoing letter (U), `vedtaksbrev` (the letter's fields, as POST /api/v1/vedtaksbrev
 *   takes them), computed as POST /api/v1/beregning does, then sent; 202 with the sending's status;
 * - `GET /api/v1/arkiv/forsendelser/{id}`: the status, with the journalpost id once the receipt came;
 * - `POST /api/v1/arkiv/forsendelser/{id}/send-igjen`: the same package again (same journalpost key);
 * - `POST /api/v1/arkiv/pakke`: without an archive, the message and documents as a zip.
 */

/** The archive's errors as HTTP problems; anything else goes on to the common error handler. */
function arkivfeil(e: unknown): never {
  if (e instanceof ForsendelseIkkeFunnet) {
    throw new HttpFeil(404, PROBLEMTYPE.ikkeFunnet, 'Finnes ikke', e.message);
  }
  if (e instanceof ArkivIkkeSattOpp) {
    throw new HttpFeil(409, PROBLEMTYPE.konflikt, 'Arkivet er ikke satt opp', e.message, {
      kode: 'ARKIV_IKKE_SATT_OPP',
    });
  }
  if (e instanceof ForsendelseKonflikt) {
    throw new HttpFeil(409, PROBLEMTYPE.konflikt, 'Kan ikke sendes igjen', e.message, {
      kode: 'FORSENDELSE_KONFLIKT',
    });
  }
  if (e instanceof FiksIoFeil || e instanceof KryptoFeil || e instanceof NoekkelFeil) {
    // Before anything was stored: the archive's key could not be fetched or used.
    const forbigaaende = e instanceof FiksIoFeil && e.forbigaaende;
    throw new HttpFeil(502, PROBLEMTYPE.arkivFeil, 'Arkivet kan ikke nås', e.message, {
      ...(forbigaaende ? { headers: { 'Retry-After': String(VENT_SEKUNDER) } } : {}),
    });
  }
  throw e;
}

/**
 * Splits our members off the body: `arkiv` (the case worker's choice) and `vedtaksbrev` (the letter's
 * fields, for U); the rest is the beregning request with its envelope.
 */
function delArkivkropp(kropp: unknown): { arkiv: unknown; brevdata: unknown; resten: unknown } {
  if (!kropp || typeof kropp !== 'object' || Array.isArray(kropp)) {
    return { arkiv: undefined, brevdata: undefined, resten: kropp };
  }
  const { arkiv, vedtaksbrev, ...resten } = kropp as Record<string, unknown>;
  return { arkiv, brevdata: vedtaksbrev, resten };
}

export function arkivRuter(k: ApiKontekst): Router {
  const r = Router();
  const tjeneste = k.arkiv;
  // The letter of packages/dokument unless the app is given another (or null: no letter, no U).
  const gitt = k.konfig.arkiv?.vedtaksbrev;
  const vedtaksbrev =
    gitt === null
      ? null
      : (gitt ??
        ((resultat: Oppslagsresultat, brevdata: unknown) =>
          vedtaksbrevdokument(resultat, brevdata, k.konfig.innstillinger)));
  const typer: Journalposttype[] = vedtaksbrev ? ['U', 'X', 'N'] : ['X', 'N'];

  def(r, 'get', '/api/v1/arkiv', (_req, res) => {
    aktoerFor(res);
    res.json({
      fiksArkiv: tjeneste.aktiv,
      journalposttyper: typer,
      kvitteringsfristSekunder: Math.round(tjeneste.kvitteringsfristMs / 1000),
      arkivpakke: true,
    });
  });

  /** The beregning and its documents, after the case worker's choice is checked (before any lookup). */
  async function forberedt(req: Request, res: Response) {
    const aktoer = aktoerFor(res);
    const { arkiv, brevdata, resten } = delArkivkropp(req.body);
    if (arkiv === undefined) throw ugyldig('arkiv', 'mangler (journalposttype og saksmappe)');
    const valg = valider(arkivvalgSkjema, arkiv, ['arkiv']);
    if (!typer.includes(valg.journalposttype)) {
      throw ugyldig(
        'arkiv.journalposttype',
        `U (utgående brev) krever vedtaksbrevet, som ikke kan lages her; velg ${typer.join(' eller ')}`,
      );
    }
    const utgaaende = valg.journalposttype === 'U';
    // The letter's fields belong to an outgoing letter; on a note they would be silently lost.
    if (brevdata !== undefined && !utgaaende) {
      throw ugyldig(
        'vedtaksbrev',
        'hører bare til journalposttype U (utgående brev); X og N journalfører beregningen alene',
      );
    }
    if (utgaaende) kontrollerBrevdata(brevdata);
    const { foresporsel, konvolutt } = delKropp(resten);
    const rolleId = rolleFor(req, autentiseringFor(res));
    const resultat = await kjoerBeregning(k, res, { rolleId, foresporsel, konvolutt });
    if (utgaaende) kreverAvgift(resultat);
    const beregning = await beregningsdokument(resultat, k.konfig.innstillinger);
    const brev = utgaaende && vedtaksbrev ? await vedtaksbrev(resultat, brevdata ?? {}) : null;
    return {
      aktoer,
      rolleId: resultat.utfoert.rolleId,
      resultat,
      valg: arkiv,
      dokumenter: arkivdokumenter(valg.journalposttype, beregning, brev),
    };
  }

  def(r, 'post', '/api/v1/arkiv/forsendelser', kreverJson, async (req, res) => {
    aktoerFor(res);
    // Refused before the beregning: no lookup for a sending that cannot be made.
    if (!tjeneste.aktiv) arkivfeil(new ArkivIkkeSattOpp());
    const f = await forberedt(req, res);
    const status = await tjeneste.send(f).catch(arkivfeil);
    res
      .status(202)
      .set('Cache-Control', 'no-store')
      .location(`/api/v1/arkiv/forsendelser/${status.id}`)
      .json(status);
  });

  def(r, 'get', '/api/v1/arkiv/forsendelser/{id}', async (req, res) => {
    const aktoer = aktoerFor(res);
    const status = await tjeneste.status(String(req.params.id), aktoer).catch(arkivfeil);
    res.set('Cache-Control', 'no-store').json(status);
  });

  def(r, 'post', '/api/v1/arkiv/forsendelser/{id}/send-igjen', async (req, res) => {
    const aktoer = aktoerFor(res);
    const status = await tjeneste.sendIgjen({ id: String(req.params.id), aktoer }).catch(arkivfeil);
    res.status(202).set('Cache-Control', 'no-store').json(status);
  });

  def(r, 'post', '/api/v1/arkiv/pakke', kreverJson, async (req, res) => {
    const f = await forberedt(req, res);
    const { zip, filnavn } = await tjeneste.arkivpakke(f).catch(arkivfeil);
    res
      .type('application/zip')
      .set('Cache-Control', 'no-store')
      .set('Content-Disposition', `attachment; filename="${filnavn}"`)
      .send(Buffer.from(zip));
  });

  return r;
}
