import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KildeUtilgjengelig, Tidsavbrudd } from '../feil.js';
import { Begrenser, iParallell } from './begrenser.js';
import { type Forsoeksregler, type HttpMiljoe, kallMedForsoek, ventetid } from './forsoek.js';

const REGLER: Forsoeksregler = {
  tidsavbruddMs: 200,
  fristMs: 5_000,
  maksForsoek: 4,
  ventStartMs: 1,
  ventMaksMs: 4,
};
const B = { api: 'SUMMERT_SKATTEGRUNNLAG' as const, identifikator: '04817299771', inntektsaar: 2023 };

/** A fetch that answers from a script: a status, 'nett' (network error) or 'heng' (never answers). */
function skriptetMiljoe(skript: Array<number | 'nett' | 'heng'>) {
  const kall: string[] = [];
  const ventet: number[] = [];
  const miljoe: HttpMiljoe = {
    tilfeldig: () => 0.5,
    naa: () => performance.now(),
    sov: async (ms) => {
      ventet.push(ms);
    },
    fetch: (async (url: string, init?: RequestInit) => {
      kall.push(url);
      const steg = skript.shift() ?? 200;
      if (steg === 'nett')
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      if (steg === 'heng') {
        return new Promise((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      }
      return new Response(
        steg === 200
          ? '{"ok":true}'
          : JSON.stringify({ kode: 'SSG-002', melding: 'feil', korrelasjonsid: 'k-1' }),
        { status: steg, headers: steg === 429 ? { 'retry-after': '0' } : {} },
      );
    }) as typeof fetch,
  };
  return { miljoe, kall, ventet };
}

const lag = async () => ({ url: 'http://x/04817299771', init: {} });

describe('the deadline', () => {
  it('covers building the request: a token endpoint that hangs gives a timeout within the deadline', async () => {
    const { miljoe, kall } = skriptetMiljoe([200]);
    const hengendeToken = () => new Promise<never>(() => {});
    const start = performance.now();
    const e = await kallMedForsoek(hengendeToken, B, { ...REGLER, fristMs: 100 }, miljoe).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(Tidsavbrudd);
    expect((e as Tidsavbrudd).fristMs).toBe(100);
    expect(kall).toHaveLength(0);
    // Generous: only that it did not wait for the hanging promise (which never ends).
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('still lets a typed error from building the request through at once', async () => {
    const { miljoe } = skriptetMiljoe([200]);
    const avvist = () => Promise.reject(new KildeUtilgjengelig({ api: 'MASKINPORTEN' }, 1, {}, 'nei'));
    await expect(kallMedForsoek(avvist, B, REGLER, miljoe)).rejects.toBeInstanceOf(KildeUtilgjengelig);
  });
});

describe('retries', () => {
  it('retries 5xx, 429 and network errors, then returns the answer', async () => {
    const { miljoe, kall } = skriptetMiljoe([500, 'nett', 429, 200]);
    const svar = await kallMedForsoek(lag, B, REGLER, miljoe);
    expect(svar.status).toBe(200);
    expect(kall).toHaveLength(4);
  });

  it('never retries a 4xx: it is the final answer', async () => {
    const { miljoe, kall } = skriptetMiljoe([404, 200]);
    expect((await kallMedForsoek(lag, B, REGLER, miljoe)).status).toBe(404);
    expect(kall).toHaveLength(1);
  });

  it('gives up after the last attempt with the last code and correlation id, and no identifier', async () => {
    const { miljoe, kall } = skriptetMiljoe([503, 503, 503, 503, 200]);
    const e = await kallMedForsoek(lag, B, REGLER, miljoe).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KildeUtilgjengelig);
    expect((e as KildeUtilgjengelig).kode).toBe('SSG-002');
    expect((e as KildeUtilgjengelig).korrelasjonsid).toBe('k-1');
    expect((e as Error).message).toMatch(/feilet 4 ganger/);
    expect((e as Error).message).not.toContain('04817299771');
    expect(kall).toHaveLength(4);
  });

  it('a network error never puts the URL (with the fødselsnummer) in the message', async () => {
    const { miljoe } = skriptetMiljoe(['nett', 'nett', 'nett', 'nett']);
    const e = (await kallMedForsoek(lag, B, REGLER, miljoe).catch((x: unknown) => x)) as Error;
    expect(e.message).toMatch(/nettverksfeil ECONNRESET/);
    expect(e.message).not.toContain('04817299771');
  });

  it('renews the token once after a 401', async () => {
    const { miljoe, kall } = skriptetMiljoe([401, 200]);
    let glemt = 0;
    const svar = await kallMedForsoek(lag, B, REGLER, miljoe, undefined, () => glemt++);
    expect(svar.status).toBe(200);
    expect(glemt).toBe(1);
    expect(kall).toHaveLength(2);
    const igjen = skriptetMiljoe([401, 401, 200]);
    expect((await kallMedForsoek(lag, B, REGLER, igjen.miljoe, undefined, () => {})).status).toBe(401);
  });

  it('times out an attempt that hangs, and says so', async () => {
    const { miljoe, kall } = skriptetMiljoe(['heng', 'heng', 'heng', 'heng']);
    const e = await kallMedForsoek(lag, B, REGLER, miljoe).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Tidsavbrudd);
    expect((e as Error).message).toMatch(/svarte ikke innen fristen på 200 ms .* \(4 forsøk\)/);
    expect(kall).toHaveLength(4);
  });

  it('stops at the overall deadline even with attempts left', async () => {
    const { miljoe, kall } = skriptetMiljoe(Array(50).fill('heng'));
    const regler = { ...REGLER, maksForsoek: 50, tidsavbruddMs: 100, fristMs: 250 };
    const e = await kallMedForsoek(lag, B, regler, miljoe).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Tidsavbrudd);
    expect((e as Tidsavbrudd).fristMs).toBe(250);
    expect(kall.length).toBeLessThanOrEqual(3);
  });

  it('backs off exponentially with full jitter, within the ceiling', () => {
    const r: Forsoeksregler = { ...REGLER, ventStartMs: 200, ventMaksMs: 5_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => ventetid(n, r, () => 0.999999))).toEqual([
      199, 399, 799, 1599, 3199, 4999, 4999,
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, x) => {
          const v = ventetid(n, r, () => x);
          return v >= 0 && v < Math.min(r.ventMaksMs, r.ventStartMs * 2 ** (n - 1));
        },
      ),
    );
  });
});

describe('bounded concurrency', () => {
  it('never runs more than the bound at once, and runs everything', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
        async (maks, tider) => {
          const b = new Begrenser(maks);
          let aktive = 0;
          let hoeyeste = 0;
          const ut = await Promise.all(
            tider.map((t, i) =>
              b.kjoer(async () => {
                aktive++;
                hoeyeste = Math.max(hoeyeste, aktive);
                await new Promise((r) => setTimeout(r, t));
                aktive--;
                return i;
              }),
            ),
          );
          return hoeyeste <= maks && b.hoeyesteSamtidige <= maks && ut.every((x, i) => x === i);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('releases the slot when a task fails', async () => {
    const b = new Begrenser(1);
    await expect(b.kjoer(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await b.kjoer(async () => 7)).toBe(7);
    expect(await iParallell([1, 2, 3], 2, async (x) => x * 2)).toEqual([2, 4, 6]);
  });
});
