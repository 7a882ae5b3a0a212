import type { Autentisering } from '@inntektsgrunnlag/oppslag';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Metrikker } from './metrikker.js';

const METODER = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * One log line per request: method, route template, status, duration, request id and who called
 * (actor type and id). Never the path as sent, the query, a header value or the body.
 */
export function foresporselslogg(logger: Logger, metrikker: Metrikker): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    let ferdig = false;
    const avslutt = (avbrutt: boolean) => {
      if (ferdig) return;
      ferdig = true;
      const sekunder = Number(process.hrtime.bigint() - start) / 1e9;
      const metode = METODER.has(req.method) ? req.method : 'ANNEN';
      const rute = (res.locals.rute as string | undefined) ?? 'ukjent';
      metrikker.foresporsel(metode, rute, res.statusCode, sekunder);
      const a = res.locals.autentisering as Autentisering | null | undefined;
      logger.info(
        {
          requestId: res.locals.requestId,
          metode,
          rute,
          status: res.statusCode,
          varighetMs: Math.round(sekunder * 100_000) / 100,
          ...(a?.ok ? { aktoer: { type: a.aktoer.type, id: a.aktoer.id } } : a ? { avvist: a.kode } : {}),
          ...(avbrutt ? { avbrutt: true } : {}),
        },
        'forespørsel',
      );
    };
    res.on('finish', () => avslutt(false));
    res.on('close', () => avslutt(!res.writableFinished));
    next();
  };
}
