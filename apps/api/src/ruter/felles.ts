import type { Avregningsvalg } from '@inntektsgrunnlag/tilgang';
import type { RequestHandler, Router } from 'express';
import { ugyldig } from '../problem.js';

/**
 * Sets the route template for the log and the metrics (never the raw path, which could carry
 * anything), and returns the Express path for it: `/api/v1/poster/{beregningstype}` → `/api/v1/poster/:beregningstype`.
 */
export function rute(mal: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.rute = mal;
    next();
  };
}

/** Registers a route by its template (OpenAPI style, `{param}`), so the log names the template. */
export function def(r: Router, metode: 'get' | 'post' | 'patch', mal: string, ...h: RequestHandler[]): void {
  r[metode](mal.replace(/\{(\w+)\}/g, ':$1'), rute(mal), ...h);
}

/** A JSON body is required: anything else is bad input, named by its header. */
export const kreverJson: RequestHandler = (req, _res, next) => {
  if (!req.is(['application/json', 'application/*+json'])) {
    return next(ugyldig('Content-Type', 'må være application/json'));
  }
  if (req.body === undefined) return next(ugyldig('', 'forespørselen mangler innhold (JSON)'));
  next();
};

const AVREGNINGSVALG: readonly Avregningsvalg[] = ['KREVES', 'OM_TILLATT', 'NEI'];

/** Our fields around a beregning request (not part of the request `cli beregn` takes). */
export interface Konvolutt {
  grunnlagsreferanse?: unknown;
  formaal?: string;
  avregning?: Avregningsvalg;
}

/**
 * Splits a body into the beregning request and our envelope fields `grunnlagsreferanse`, `formaal`
 * and `avregning`, which the request schema (strict) does not know.
 */
export function delKropp(kropp: unknown): { foresporsel: unknown; konvolutt: Konvolutt } {
  if (!kropp || typeof kropp !== 'object' || Array.isArray(kropp))
    return { foresporsel: kropp, konvolutt: {} };
  const { grunnlagsreferanse, formaal, avregning, ...foresporsel } = kropp as Record<string, unknown>;
  const konvolutt: Konvolutt = {};
  if (grunnlagsreferanse !== undefined && grunnlagsreferanse !== null)
    konvolutt.grunnlagsreferanse = grunnlagsreferanse;
  if (formaal !== undefined && formaal !== null) {
    if (typeof formaal !== 'string') throw ugyldig('formaal', 'må være en tekst');
    konvolutt.formaal = formaal;
  }
  if (avregning !== undefined && avregning !== null) {
    if (!(AVREGNINGSVALG as readonly unknown[]).includes(avregning)) {
      throw ugyldig('avregning', `må være en av ${AVREGNINGSVALG.join(', ')}`);
    }
    konvolutt.avregning = avregning as Avregningsvalg;
  }
  return { foresporsel, konvolutt };
}

/** Where each person stands in the request, to name the field of a person a source failed for. */
export function personfelt(foresporsel: unknown): Map<string, string> {
  const m = new Map<string, string>();
  const personer = (foresporsel as { personer?: unknown } | null)?.personer;
  if (Array.isArray(personer)) {
    personer.forEach((p, i) => {
      const id = (p as { identifikator?: unknown } | null)?.identifikator;
      if (typeof id === 'string' && !m.has(id)) m.set(id, `personer.${i}.identifikator`);
    });
  }
  return m;
}
