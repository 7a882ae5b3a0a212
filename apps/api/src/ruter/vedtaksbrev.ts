import { valider } from '@inntektsgrunnlag/beregning';
import { brevdataSkjema } from '@inntektsgrunnlag/dokument';
import { type Oppslagsresultat, vedtaksbrevinnhold, vedtaksbrevSomPdf } from '@inntektsgrunnlag/oppslag';
import { type Request, type Response, Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { autentiseringFor, rolleFor } from '../mellomvare/autentisering.js';
import { ugyldig } from '../problem.js';
import { kjoerBeregning } from './beregning.js';
import { def, delKropp, kreverJson } from './felles.js';

/**
 * Splits the letter's fields (`vedtaksbrev`) from the rest of the body, which is a beregning request
 * with our envelope fields, as POST /api/v1/beregning takes it.
 */
export function delBrevkropp(kropp: unknown): { brevdata: unknown; resten: unknown } {
  if (!kropp || typeof kropp !== 'object' || Array.isArray(kropp))
    return { brevdata: undefined, resten: kropp };
  const { vedtaksbrev, ...resten } = kropp as Record<string, unknown>;
  return { brevdata: vedtaksbrev, resten };
}

/**
 * Checks the letter's fields (`vedtaksbrev` in a body; absent: every default) before anything is looked
 * up, so a bad one costs no lookup; 400 naming the field (vedtaksbrev.vurderinger, …).
 */
export function kontrollerBrevdata(brevdata: unknown): void {
  if (
    brevdata !== undefined &&
    (brevdata === null || typeof brevdata !== 'object' || Array.isArray(brevdata))
  ) {
    throw ugyldig('vedtaksbrev', 'må være et objekt med brevets felt');
  }
  valider(brevdataSkjema, brevdata ?? {}, ['vedtaksbrev']);
}

/** A result without the fee (no beregningsdato, and today outside the rates) can make no decision. */
export function kreverAvgift(resultat: Oppslagsresultat): void {
  const avgift = (resultat as unknown as Record<string, unknown>)[resultat.avgiftsnoekkel];
  if (avgift === null || avgift === undefined) {
    throw ugyldig(
      'beregningsdato',
      'avgiften er ikke beregnet (se advarslene); oppgi beregningsdato (vedtaksdato) for å lage vedtaksbrevet',
    );
  }
}

/**
 * POST /api/v1/vedtaksbrev: the decision letter of a beregning (docs/api.md). The body is the
 * beregning request (or a `grunnlagsreferanse` to an earlier lookup) with `vedtaksbrev`, the letter's
 * fields; the letter's fields are checked before anything is looked up, so a bad one costs no lookup.
 * The beregning runs as on /api/v1/beregning: the same role, authorisation and audit. The answer is
 * the PDF/A, or with `Accept: application/json` the letter's content for a preview.
 */
/**
 * Sends a result's decision letter: its content as JSON for a preview when the client asks for JSON,
 * else the PDF/A as an attachment named by the letter. Never cached. Shared by the beregning's and the
 * etteroppgjør's letter routes.
 */
export async function sendVedtaksbrev(
  req: Request,
  res: Response,
  resultat: Parameters<typeof vedtaksbrevSomPdf>[0],
  brevdata: unknown,
  innstillinger: Parameters<typeof vedtaksbrevSomPdf>[2],
): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (req.accepts(['application/pdf', 'application/json']) === 'application/json') {
    const { brev, metadata } = vedtaksbrevinnhold(resultat, brevdata ?? {}, innstillinger);
    res.json({ vedtaksbrev: brev, filnavn: metadata.filnavn });
    return;
  }
  const { pdf, metadata } = await vedtaksbrevSomPdf(resultat, brevdata ?? {}, innstillinger);
  res
    .type('application/pdf')
    .set('Content-Disposition', `attachment; filename="${metadata.filnavn}"`)
    .send(Buffer.from(pdf));
}

export function vedtaksbrevRuter(k: ApiKontekst): Router {
  const r = Router();
  def(r, 'post', '/api/v1/vedtaksbrev', kreverJson, async (req, res) => {
    const { brevdata, resten } = delBrevkropp(req.body);
    kontrollerBrevdata(brevdata);
    const { foresporsel, konvolutt } = delKropp(resten);
    const rolleId = rolleFor(req, autentiseringFor(res));
    const resultat = await kjoerBeregning(k, res, { rolleId, foresporsel, konvolutt });
    kreverAvgift(resultat);
    await sendVedtaksbrev(req, res, resultat, brevdata, k.konfig.innstillinger);
  });
  return r;
}
