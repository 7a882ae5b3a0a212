import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KildeFeil, KildeNede } from '../feil.js';
import { innebygdeKilder } from '../innebygd.js';
import { innebygdPopulasjon } from '../populasjon/generator.js';
import type { Kilder } from '../porter.js';
import { type Feilinjeksjon, startStandin } from '../standin/server.js';
import { type HttpKildeInnstillinger, httpKilder, standinAdresser } from './adaptere.js';
import { STANDARD_HTTP_MILJOE } from './forsoek.js';
import { Kildevern, STANDARD_VERNREGLER } from './kildevern.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVAT = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const OFFENTLIG = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const KLIENT = 'vern-klient';
const KID = 'noekkel-1';

async function start(feil: Feilinjeksjon) {
  return startStandin({ klienter: [{ klientId: KLIENT, offentligNoekkel: OFFENTLIG, kid: KID }], feil });
}

function klient(url: string, valg: Partial<HttpKildeInnstillinger> = {}): Kilder {
  const a = standinAdresser(url);
  return httpKilder({
    adresser: a,
    maskinporten: { tokenUrl: a.tokenUrl, audience: a.audience, klientId: KLIENT, noekkel: PRIVAT, kid: KID },
    forsoek: { ventStartMs: 2, ventMaksMs: 20 },
    ...valg,
  });
}

const PERSONER = [...innebygdPopulasjon().personer.values()].filter((p) => p.aar.get(2023)?.oppgjoer);
const O = { rettighetspakke: 'kommunelangtidsoppholdinstitusjon', inntektsaar: 2023 };

function avregning(k: Kilder, identifikator: string) {
  return k.avregning.hent({ ...O, identifikator }).then(
    (v) => ({ ok: v }),
    (e: unknown) => {
      if (!(e instanceof KildeFeil)) throw e;
      return { feil: e.name };
    },
  );
}

describe('the per-attempt timeout follows the observed latency, within its bounds', () => {
  it('is the upper bound until enough answers are seen, then 4 × the 99th percentile, bounded', () => {
    const v = new Kildevern(10_000);
    expect(v.tidsavbrudd()).toBe(10_000);
    for (let i = 0; i < 19; i++) v.registrerLatens(50);
    expect(v.tidsavbrudd()).toBe(10_000);
    v.registrerLatens(50);
    // 4 × 50 ms = 200 ms, below the lower bound of 1 000 ms.
    expect(v.tidsavbrudd()).toBe(1_000);
    for (let i = 0; i < 200; i++) v.registrerLatens(600);
    // The window holds the last 200 answers, all 600 ms: 4 × 600 = 2 400 ms.
    expect(v.tidsavbrudd()).toBe(2_400);
    for (let i = 0; i < 200; i++) v.registrerLatens(5_000);
    // 4 × 5 000 = 20 000 ms, above the upper bound.
    expect(v.tidsavbrudd()).toBe(10_000);
  });

  it('always lies between the bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        (latenser, min, maks) => {
          const v = new Kildevern(maks, { tidsavbruddMinMs: min });
          for (const l of latenser) v.registrerLatens(l);
          const t = v.tidsavbrudd();
          expect(t).toBeLessThanOrEqual(maks);
          expect(t).toBeGreaterThanOrEqual(Math.min(min, maks));
        },
      ),
    );
  });
});

describe('the retry budget', () => {
  it('allows the reserve plus the share of first attempts in the window, and no more', () => {
    const v = new Kildevern(10_000, { budsjettAndel: 0.5, budsjettReserve: 2 }, undefined, () => 0);
    for (let i = 0; i < 4; i++) v.foersteForsoek();
    // 0.5 × 4 + 2 = 4 retries.
    const tillatt = Array.from({ length: 6 }, () => v.taNyttForsoek()).filter(Boolean).length;
    expect(tillatt).toBe(4);
    expect(v.teller.nektetAvBudsjett).toBe(2);
  });

  it('forgets a window 10 s old', () => {
    let t = 0;
    const v = new Kildevern(10_000, { budsjettAndel: 0, budsjettReserve: 1 }, undefined, () => t);
    expect(v.taNyttForsoek()).toBe(true);
    expect(v.taNyttForsoek()).toBe(false);
    t = 10_001;
    expect(v.taNyttForsoek()).toBe(true);
  });
});

describe('a source that hangs 10 % of calls', () => {
  it('every lookup succeeds, and every extra call is a retry of an injected hang (calls counted)', async () => {
    const s = await start({ froe: 11, hengRate: 0.1, forsinkelseVariasjonMs: 3 });
    try {
      const personer = PERSONER.slice(0, 80);
      const k = klient(s.url, {
        forsoek: { ventStartMs: 2, ventMaksMs: 20, tidsavbruddMs: 5_000 },
        vern: { tidsavbruddMinMs: 500 },
      });
      const resultater = await Promise.all(personer.map((p) => avregning(k, p.identifikator)));
      const forventet = await Promise.all(personer.map((p) => avregning(innebygdeKilder(), p.identifikator)));
      expect(resultater).toEqual(forventet);
      const st = s.statistikk();
      expect(st.injiserteFeil).toBeGreaterThan(0);
      // One call per lookup, plus one per hung call that was cut and retried: nothing else.
      expect(st.kall.AR).toBe(personer.length + st.injiserteFeil);
      expect(st.maksSamtidige.AR).toBeLessThanOrEqual(5);
      // The same figures over HTTP, for a stand-in run as its own process.
      const overHttp = await (await fetch(`${s.url}/statistikk`)).json();
      expect(overHttp).toMatchObject({
        kall: { AR: st.kall.AR },
        maksSamtidige: { AR: st.maksSamtidige.AR },
      });
    } finally {
      await s.stopp();
    }
  }, 120_000);
});

describe('a source that is fully down', () => {
  it('opens the breaker: lookups fail fast with KildeNede, and the calls made are bounded', async () => {
    const s = await start({ froe: 5, feilrate: 1 });
    try {
      const k = klient(s.url);
      const personer = PERSONER.slice(0, 60);
      const resultater = await Promise.all(personer.map((p) => avregning(k, p.identifikator)));
      const st = s.statistikk();
      // The breaker opens after 10 failures in a row; at most the 5 calls then in flight come on top.
      expect(st.kall.AR).toBeLessThanOrEqual(STANDARD_VERNREGLER.bryterTerskel + 5);
      expect(resultater.every((r) => 'feil' in r)).toBe(true);
      const nede = resultater.filter((r) => 'feil' in r && r.feil === 'KildeNede').length;
      expect(nede).toBeGreaterThanOrEqual(personer.length - st.kall.AR);
      // While open, a lookup makes no call at all and says the source is down.
      const foer = s.statistikk().kall.AR;
      const e = await k.avregning
        .hent({ ...O, identifikator: personer[0]?.identifikator ?? '' })
        .catch((x) => x);
      expect(e).toBeInstanceOf(KildeNede);
      expect((e as KildeNede).message).toMatch(/Avregning er nede/);
      expect((e as KildeNede).message).not.toMatch(/\d{11}/);
      expect(s.statistikk().kall.AR).toBe(foer);
      // The other APIs have breakers of their own and are not stopped by this one (they are down too
      // here, so they are merely called).
      await avregning(k, personer[0]?.identifikator ?? '');
      const bsa = await k.beregnetSkatt
        .hent({
          ...O,
          rettighetspakke: 'kommuneLangtidsoppholdInstitusjon',
          identifikator: personer[0]?.identifikator ?? '',
        })
        .catch((x) => x);
      expect(bsa).not.toBeInstanceOf(KildeNede);
      expect(s.statistikk().kall.BSA).toBeGreaterThan(0);
    } finally {
      await s.stopp();
    }
  }, 120_000);

  it('probes the source after the pause (half-open) and closes when it answers again', async () => {
    const s = await start({});
    try {
      let nede = true;
      let kallTilAvregning = 0;
      const k = klient(s.url, {
        vern: { bryterPauseMs: 200, bryterTerskel: 3 },
        miljoe: {
          ...STANDARD_HTTP_MILJOE,
          fetch: (async (url: string, init?: RequestInit) => {
            if (String(url).includes('/avregning/')) {
              kallTilAvregning++;
              if (nede) return new Response('{"kode":"AR-002","melding":"nede"}', { status: 503 });
            }
            return globalThis.fetch(url, init);
          }) as typeof fetch,
        },
      });
      const id = PERSONER[0]?.identifikator ?? '';
      expect(await avregning(k, id)).toEqual({ feil: 'KildeNede' });
      const etterAapning = kallTilAvregning;
      expect(etterAapning).toBe(3);
      expect(await avregning(k, id)).toEqual({ feil: 'KildeNede' });
      expect(kallTilAvregning).toBe(etterAapning);
      nede = false;
      await new Promise((r) => setTimeout(r, 400));
      const r = await avregning(k, id);
      expect(r).toEqual(await avregning(innebygdeKilder(), id));
      // One probe, which answered and closed the breaker; the next lookup goes straight through.
      expect(kallTilAvregning).toBe(etterAapning + 1);
      await avregning(k, id);
      expect(kallTilAvregning).toBe(etterAapning + 2);
    } finally {
      await s.stopp();
    }
  }, 60_000);
});
