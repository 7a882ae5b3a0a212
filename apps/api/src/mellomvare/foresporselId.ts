import { randomFillSync } from 'node:crypto';
import type { RequestHandler } from 'express';

/** An incoming id is kept when it is short, plain, and cannot carry a fødselsnummer into the logs. */
const GYLDIG_ID = /^[A-Za-z0-9._~:-]{8,128}$/;

// Random bytes are drawn 4 KiB at a time and each byte is used once: one call into the CSPRNG per 256
// ids instead of one per request (a call costs more than the 16 bytes it returns).
const LAGER = Buffer.alloc(4096);
let brukt = LAGER.length;

/** A new id: 128 random bits, URL-safe (a UUID's long hex runs could look like an identifier in a log). */
export function nyForesporselId(): string {
  if (brukt + 16 > LAGER.length) {
    randomFillSync(LAGER);
    brukt = 0;
  }
  const id = LAGER.toString('base64url', brukt, brukt + 16);
  brukt += 16;
  return id;
}

/** Every response carries X-Request-Id: the caller's when it is sane, otherwise a new one. */
export function foresporselId(): RequestHandler {
  return (req, res, next) => {
    const inn = req.get('X-Request-Id');
    const id = inn && GYLDIG_ID.test(inn) && !/\d{11}/.test(inn) ? inn : nyForesporselId();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}
