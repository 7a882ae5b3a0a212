import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { KildeFeil } from '@inntektsgrunnlag/kilder';
import {
  type Etteroppgjoersresultat,
  etteroppgjoer,
  etteroppgjoerSomPdf,
  GrunnlagIkkeHentet,
} from '@inntektsgrunnlag/oppslag';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import { type Request, type Response, Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { autentiseringFor, rolleFor } from '../mellomvare/autentisering.js';
import type { Oppslagsutfall } from '../mellomvare/metrikker.js';
import { def, delKropp, kreverJson, personfelt } from './felles.js';
import { delBrevkropp, kontrollerBrevdata, sendVedtaksbrev } from './vedtaksbrev.js';

/** Looks up the year's settlement and settles it (authorised, audited, counted), as the route's answer needs. */
async function kjoerEtteroppgjoer(
  k: ApiKontekst,
  req: Request,
  res: Response,
  body: unknown,
): Promise<Etteroppgjoersresultat> {
  const { foresporsel: kropp, konvolutt } = delKropp(body);
  const f = (kropp as { foresporsel?: unknown } | null)?.foresporsel;
  // A source failing for a person names the person's field in the etteroppgjør body.
  res.locals.personfelt = new Map([...personfelt(f)].map(([id, felt]) => [id, `foresporsel.${felt}`]));
  const rolleId = rolleFor(req, autentiseringFor(res));
  try {
    await k.turkoe.tur();
    const { resultat } = await etteroppgjoer(k.tjeneste, {
      autentisering: autentiseringFor(res),
      rolleId,
      etteroppgjoer: kropp,
      ...(konvolutt.grunnlagsreferanse !== undefined
        ? { grunnlagsreferanse: konvolutt.grunnlagsreferanse as string }
        : {}),
      ...(konvolutt.formaal !== undefined ? { formaal: konvolutt.formaal } : {}),
      ...(konvolutt.avregning !== undefined ? { avregning: konvolutt.avregning } : {}),
    });
    k.metrikker.oppslagsutfall('LANGTIDSOPPHOLD_INSTITUSJON', resultat.utfoert.grunnlag as Oppslagsutfall);
    if (resultat.utfoert.grunnlag === 'HENTET') k.kildestatus.suksess(k.klokke());
    return resultat;
  } catch (e) {
    k.metrikker.oppslagsutfall(
      'LANGTIDSOPPHOLD_INSTITUSJON',
      e instanceof Valideringsfeil ? 'UGYLDIG' : e instanceof Tilgangsfeil ? 'AVVIST' : 'FEILET',
    );
    if (
      (e instanceof KildeFeil && e.forbigaaende) ||
      (e instanceof GrunnlagIkkeHentet && e.feil.some((x) => x.forbigaaende))
    ) {
      k.kildestatus.feil(k.klokke());
    }
    throw e;
  }
}

/**
 * POST /api/v1/etteroppgjoer: the etteroppgjør for langtidsopphold (docs/api.md). The body is what
 * `pnpm cli etteroppgjoer` reads, with `formaal` and `avregning` as on /api/v1/beregning. The year's
 * settlement is looked up through the use case (authorised, audited); nothing is cached.
 *
 * POST /api/v1/etteroppgjoer/vedtaksbrev: the same etteroppgjør and its decision letter, as
 * /api/v1/vedtaksbrev is to /api/v1/beregning: the letter's fields under `vedtaksbrev`, checked before
 * anything is looked up; the PDF/A, or with `Accept: application/json` the letter's content.
 */
export function etteroppgjoerRuter(k: ApiKontekst): Router {
  const r = Router();
  def(r, 'post', '/api/v1/etteroppgjoer', kreverJson, async (req, res) => {
    const resultat = await kjoerEtteroppgjoer(k, req, res, req.body);
    res.setHeader('Cache-Control', 'no-store');
    if (req.accepts(['application/json', 'application/pdf']) === 'application/pdf') {
      const pdf = await etteroppgjoerSomPdf(resultat, k.konfig.innstillinger);
      const sak = (resultat.utfoert.saksreferanse ?? '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
      res
        .type('application/pdf')
        .set(
          'Content-Disposition',
          `attachment; filename="etteroppgjoer-${resultat.inntektsaar}${sak ? `-${sak}` : ''}.pdf"`,
        )
        .send(Buffer.from(pdf));
      return;
    }
    res.json(resultat);
  });
  def(r, 'post', '/api/v1/etteroppgjoer/vedtaksbrev', kreverJson, async (req, res) => {
    const { brevdata, resten } = delBrevkropp(req.body);
    kontrollerBrevdata(brevdata);
    const resultat = await kjoerEtteroppgjoer(k, req, res, resten);
    await sendVedtaksbrev(req, res, resultat, brevdata, k.konfig.innstillinger);
  });
  return r;
}
