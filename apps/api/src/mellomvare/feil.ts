import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { feilTilLogg } from '../logg.js';
import { HttpFeil, type Personfelt, PROBLEMTYPE, problemFra } from '../problem.js';

/** No route: 404 as a problem. */
export const ikkeFunnet: RequestHandler = (req, _res, next) => {
  next(
    new HttpFeil(
      404,
      PROBLEMTYPE.ikkeFunnet,
      'Finnes ikke',
      `Ingen ressurs for ${req.method} på denne adressen. Se /api/docs.`,
    ),
  );
};

/** Errors from the JSON body parser or the router: bad input, never ours. */
function kroppsfeil(e: unknown): HttpFeil | null {
  if (e instanceof HttpFeil) return null;
  // The router decodes path parameters and throws a URIError (status 400) on a broken %-escape.
  if (e instanceof URIError) {
    const melding = 'adressen har en ugyldig %-koding';
    return new HttpFeil(400, PROBLEMTYPE.ugyldig, 'Ugyldig forespørsel', `Forespørselen ${melding}.`, {
      errors: [{ felt: 'path', melding }],
    });
  }
  const f = e as { type?: unknown; status?: unknown; expose?: unknown } | null;
  if (!f || typeof f.type !== 'string' || typeof f.status !== 'number') return null;
  if (f.type === 'entity.too.large') {
    return new HttpFeil(
      413,
      PROBLEMTYPE.forStor,
      'Forespørselen er for stor',
      'Forespørselen er større enn grensen.',
      {
        errors: [{ felt: '', melding: 'forespørselen er for stor' }],
      },
    );
  }
  if (f.status >= 400 && f.status < 500) {
    const melding =
      f.type === 'entity.parse.failed'
        ? 'er ikke gyldig JSON (et objekt eller en liste)'
        : f.type === 'charset.unsupported' || f.type === 'encoding.unsupported'
          ? 'tegnsettet eller kodingen støttes ikke; send UTF-8'
          : 'kunne ikke leses';
    return new HttpFeil(400, PROBLEMTYPE.ugyldig, 'Ugyldig forespørsel', `Forespørselen ${melding}.`, {
      errors: [{ felt: '', melding }],
    });
  }
  return null;
}

/**
 * Every error as an RFC 9457 problem: Norwegian title and detail, the request id, and on the KS paths
 * also the fields of KS Fiks's error body (timestamp, error, errorId, path, message, errorCode). An
 * unexpected error is logged with its stack (cleaned) and answered without any detail of it.
 */
export function feilbehandler(k: ApiKontekst): ErrorRequestHandler {
  return (e, req, res, _next) => {
    const svar = problemFra(kroppsfeil(e) ?? e, res.locals.personfelt as Personfelt | undefined);
    const requestId = res.locals.requestId as string;
    const rute = (res.locals.rute as string | undefined) ?? 'ukjent';
    if (svar.uventet) {
      k.logger.error({ requestId, rute, feil: feilTilLogg(e) }, 'uventet feil');
    } else if (svar.problem.status >= 500) {
      k.logger.warn({ requestId, rute, feil: feilTilLogg(e) }, 'oppslaget feilet');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const ks = req.path.startsWith('/register/');
    const problem = {
      ...svar.problem,
      instance: req.path,
      requestId,
      ...(ks
        ? {
            timestamp: k.klokke().toISOString(),
            error: STATUS_CODES[svar.problem.status] ?? 'Error',
            errorId: requestId,
            path: req.path,
            message: svar.problem.detail,
            errorCode: svar.problem.kode ?? svar.problem.type.split(':').pop(),
          }
        : {}),
    };
    res.status(svar.problem.status);
    for (const [n, v] of Object.entries(svar.headers)) res.setHeader(n, v);
    res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
    res.send(JSON.stringify(problem));
  };
}
