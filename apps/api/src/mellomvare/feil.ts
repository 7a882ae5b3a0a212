import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { feilTilLogg } from '../logg.js';
import {
  erDatabasenNede,
  HttpFeil,
  type Personfelt,
  PROBLEMTYPE,
  type Problem,
  problemFra,
} from '../problem.js';

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
function kroppsfeil(e: unknown, innholdskoding: string | undefined): HttpFeil | null {
  if (e instanceof HttpFeil) return null;
  const s = e as { type?: unknown; status?: unknown } | null;
  // A body labelled gzip/deflate/br that does not decompress: the parser passes zlib's own error on
  // with status 400 but without a type of its own (its own errors all have one).
  if (
    s &&
    innholdskoding &&
    s.type === undefined &&
    typeof s.status === 'number' &&
    s.status >= 400 &&
    s.status < 500
  ) {
    const melding = `innholdet er ikke kodet slik Content-Encoding sier (${innholdskoding.slice(0, 20)})`;
    return new HttpFeil(400, PROBLEMTYPE.ugyldig, 'Ugyldig forespørsel', `Forespørselen: ${melding}.`, {
      errors: [{ felt: 'Content-Encoding', melding }],
    });
  }
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
 * KS Fiks's error body (ks-no.github.io, «Integrasjoner», «Feilmeldinger»): `timestamp` (milliseconds
 * since the epoch, as KS's example), `status`, `error` (the HTTP status text), `errorId` (what support
 * needs: our request id), `path`, `message`, `errorCode` (our reason code, or the problem type), and
 * `errorJson` with what more we know: the bad fields, Skatteetaten's correlation id, the problem type.
 */
export function ksFeilkropp(p: Problem, valg: { tidspunkt: Date; errorId: string; path: string }) {
  const errorJson = {
    type: p.type,
    ...(p.errors ? { errors: p.errors } : {}),
    ...(p.korrelasjonsid ? { korrelasjonsid: p.korrelasjonsid } : {}),
  };
  return {
    timestamp: valg.tidspunkt.getTime(),
    status: p.status,
    error: STATUS_CODES[p.status] ?? 'Error',
    errorId: valg.errorId,
    path: valg.path,
    message: p.detail,
    errorCode: p.kode ?? (p.type.split(':').pop() as string),
    errorJson,
  };
}

/**
 * Every error as an RFC 9457 problem (Norwegian title and detail, the request id) on the native
 * routes, and as KS Fiks's error body on the KS routes (`/register/…`), with the same status and
 * headers. An unexpected error is logged with its stack (cleaned) and answered without any detail of it.
 */
export function feilbehandler(k: ApiKontekst): ErrorRequestHandler {
  return (e, req, res, _next) => {
    const svar = problemFra(
      kroppsfeil(e, req.get('Content-Encoding')) ?? e,
      res.locals.personfelt as Personfelt | undefined,
    );
    const requestId = res.locals.requestId as string;
    const rute = (res.locals.rute as string | undefined) ?? 'ukjent';
    if (svar.uventet) {
      k.logger.error({ requestId, rute, feil: feilTilLogg(e) }, 'uventet feil');
    } else if (svar.problem.status === 503 && erDatabasenNede(e)) {
      // An outage, not a bug: one line an operator can read, without a stack trace per request.
      const { stakk: _stakk, ...feil } = feilTilLogg(e);
      k.logger.warn({ requestId, rute, feil }, 'databasen er utilgjengelig');
    } else if (svar.problem.status >= 500) {
      k.logger.warn({ requestId, rute, feil: feilTilLogg(e) }, 'oppslaget feilet');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(svar.problem.status);
    for (const [n, v] of Object.entries(svar.headers)) res.setHeader(n, v);
    if (req.path.startsWith('/register/')) {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.send(
        JSON.stringify(
          ksFeilkropp(svar.problem, { tidspunkt: k.klokke(), errorId: requestId, path: req.path }),
        ),
      );
      return;
    }
    res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
    res.send(JSON.stringify({ ...svar.problem, instance: req.path, requestId }));
  };
}
