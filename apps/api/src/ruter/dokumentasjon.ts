import { Router } from 'express';
import { openApiDokument } from '../openapi/dokument.js';
import { dokumentasjonsside } from '../openapi/side.js';
import { def } from './felles.js';

/** The OpenAPI document and the docs page rendered from it. */
export function dokumentasjonRuter(): Router {
  const r = Router();
  let side: string | undefined;
  def(r, 'get', '/api/openapi.json', (_req, res) => {
    res.json(openApiDokument());
  });
  def(r, 'get', '/api/docs', (_req, res) => {
    side ??= dokumentasjonsside(openApiDokument());
    res.type('text/html; charset=utf-8').send(side);
  });
  return r;
}
