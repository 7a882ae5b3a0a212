import { Router } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { def } from './felles.js';

const DB_FRIST_MS = 2000;

async function medFrist<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, avvis) => {
        t = setTimeout(() => avvis(new Error(`svarte ikke innen ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(t);
  }
}

/**
 * Liveness (the process answers), readiness (the store answers; how the sources fared lately) and
 * Prometheus metrics. Outside authentication and the rate limit, for load balancers and scrapers.
 */
export function helseRuter(k: ApiKontekst): Router {
  const r = Router();

  def(r, 'get', '/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });

  def(r, 'get', '/health/ready', async (_req, res) => {
    let lager: { status: 'ok' | 'feil'; modus: string; melding?: string };
    try {
      await medFrist(k.konfig.lagring.sql.query('SELECT 1'), DB_FRIST_MS);
      lager = { status: 'ok', modus: k.konfig.lagring.modus };
    } catch (e) {
      lager = {
        status: 'feil',
        modus: k.konfig.lagring.modus,
        melding: `Databasen ${(e as Error).message.slice(0, 100)}`,
      };
    }
    const naa = k.klokke();
    // The sources are asked only for real lookups (a test call would itself be a lookup of a person);
    // their state is what the latest lookups met. The embedded population is in process.
    const kilde = {
      status:
        k.konfig.kilder.syntetisk && k.kildestatus.sisteFeil === null
          ? 'ok'
          : k.kildestatus.feiler(naa)
            ? 'feiler'
            : k.kildestatus.sisteSuksess
              ? 'ok'
              : 'ukjent',
      beskrivelse: k.konfig.kilder.beskrivelse,
      ...(k.kildestatus.sisteSuksess ? { sisteSuksess: k.kildestatus.sisteSuksess.toISOString() } : {}),
      ...(k.kildestatus.sisteFeil ? { sisteFeil: k.kildestatus.sisteFeil.toISOString() } : {}),
    };
    // Not ready without the store (no lookup can be audited); a failing source degrades, since this
    // instance can still answer everything else and say why lookups fail.
    const status = lager.status !== 'ok' ? 'feil' : kilde.status === 'feiler' ? 'degradert' : 'ok';
    res.status(lager.status === 'ok' ? 200 : 503).json({ status, lager, kilde });
  });

  def(r, 'get', '/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4; charset=utf-8').send(k.metrikker.tekst());
  });

  return r;
}
