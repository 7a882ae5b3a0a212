import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database, Sql } from './database.js';
import { medEndringsteller, Tilgangsbuffer } from './tilgangsbuffer.js';

/** A read that resolves when told to, counting how often it ran. */
function styrtLesing<T>(verdi: T) {
  let teller = 0;
  const ventende: Array<() => void> = [];
  return {
    les: () => {
      teller++;
      return new Promise<T>((ok) => ventende.push(() => ok(verdi)));
    },
    slipp: () => {
      for (const f of ventende.splice(0)) f();
    },
    get antall() {
      return teller;
    },
  };
}

describe('Tilgangsbuffer', () => {
  it('reuses a value until something is written, then reads again', async () => {
    const b = new Tilgangsbuffer({ levetidMs: Number.POSITIVE_INFINITY });
    let n = 0;
    const les = async () => ++n;
    expect(await b.hent('roller', les)).toBe(1);
    expect(await b.hent('roller', les)).toBe(1);
    b.endret();
    expect(await b.hent('roller', les)).toBe(2);
    expect(await b.hent('annet', les)).toBe(3);
  });

  it('does not keep a value whose read overlapped a write', async () => {
    const b = new Tilgangsbuffer({ levetidMs: Number.POSITIVE_INFINITY });
    const foer = styrtLesing('gammel');
    const p = b.hent('roller', foer.les);
    b.endret(); // a write lands while the read is under way
    foer.slipp();
    expect(await p).toBe('gammel'); // the caller that started before the write gets what it read …
    const etter = styrtLesing('ny');
    const q = b.hent('roller', etter.les); // … but the next caller reads again
    etter.slipp();
    expect(await q).toBe('ny');
    expect(etter.antall).toBe(1);
  });

  it('shares one read among concurrent misses, and keeps no failed read', async () => {
    const b = new Tilgangsbuffer({ levetidMs: Number.POSITIVE_INFINITY });
    const l = styrtLesing(7);
    const [x, y] = [b.hent('k', l.les), b.hent('k', l.les)];
    l.slipp();
    expect([await x, await y]).toEqual([7, 7]);
    expect(l.antall).toBe(1);

    let forsoek = 0;
    const feiler = async () => {
      forsoek++;
      if (forsoek === 1) throw new Error('databasen svarte ikke');
      return 'ok';
    };
    await expect(b.hent('f', feiler)).rejects.toThrow(/svarte ikke/);
    expect(await b.hent('f', feiler)).toBe('ok');
    expect(forsoek).toBe(2);

    // A value the caller says not to keep (an unknown key) is read again next time.
    let ukjent = 0;
    const finnes = async () => (++ukjent > 2 ? 'funnet' : undefined);
    const behold = (v: string | undefined) => v !== undefined;
    expect(await b.hent('n', finnes, behold)).toBeUndefined();
    expect(await b.hent('n', finnes, behold)).toBeUndefined();
    expect(await b.hent('n', finnes, behold)).toBe('funnet');
    expect(await b.hent('n', finnes, behold)).toBe('funnet');
    expect(ukjent).toBe(3);
  });

  it('reads again after the lifetime, and never caches with lifetime 0', async () => {
    let naa = 0;
    const b = new Tilgangsbuffer({ levetidMs: 5_000, klokke: () => naa });
    let n = 0;
    const les = async () => ++n;
    expect(await b.hent('k', les)).toBe(1);
    naa = 4_999;
    expect(await b.hent('k', les)).toBe(1);
    naa = 5_000;
    expect(await b.hent('k', les)).toBe(2);

    const av = new Tilgangsbuffer({ levetidMs: 0 });
    expect(await av.hent('k', les)).toBe(3);
    expect(await av.hent('k', les)).toBe(4);
    expect(() => new Tilgangsbuffer({ levetidMs: -1 })).toThrow(RangeError);
  });

  it('holds a bounded number of entries (property: the newest is always served from memory)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
        async (noekler) => {
          const b = new Tilgangsbuffer({ levetidMs: Number.POSITIVE_INFINITY });
          let lesinger = 0;
          for (const k of noekler) await b.hent(String(k), async () => ++lesinger);
          const foer = lesinger;
          await b.hent(String(noekler[noekler.length - 1]), async () => ++lesinger);
          expect(lesinger).toBe(foer);
        },
      ),
      { numRuns: 30 },
    );
    const b = new Tilgangsbuffer({ levetidMs: Number.POSITIVE_INFINITY });
    let lesinger = 0;
    for (let i = 0; i < 2_001; i++) await b.hent(`k${i}`, async () => ++lesinger);
    // The oldest went when the 2 001st came in.
    await b.hent('k0', async () => ++lesinger);
    expect(lesinger).toBe(2_002);
  });
});

describe('medEndringsteller', () => {
  function falskDatabase(): Database & { kjoert: string[] } {
    const kjoert: string[] = [];
    const sql: Sql = {
      query: async <T>(tekst: string) => {
        kjoert.push(tekst);
        return [] as T[];
      },
      exec: async (tekst: string) => {
        kjoert.push(tekst);
      },
    };
    return { ...sql, modus: 'PGLITE', kjoert, transaksjon: (fn) => fn(sql), lukk: async () => {} };
  }

  it('counts every statement but a single SELECT as a write, before and after it', async () => {
    const db = falskDatabase();
    const b = new Tilgangsbuffer({ levetidMs: Number.POSITIVE_INFINITY });
    const t = medEndringsteller(db, b);
    let n = 0;
    const les = async () => ++n;
    const lest = async () => b.hent('k', les);

    await lest();
    await t.query('SELECT * FROM roller ORDER BY id');
    await t.query('  select 1;  ');
    expect(await lest()).toBe(1);

    const skrivinger = [
      () => t.query("UPDATE roller SET navn = 'x'"),
      () => t.query('INSERT INTO roller (id) VALUES ($1)', ['r']),
      () => t.query('DELETE FROM gruppemedlemmer WHERE gruppe_id = $1', ['g']),
      () => t.query('WITH x AS (DELETE FROM roller RETURNING id) SELECT * FROM x'),
      () => t.query('SELECT 1; DELETE FROM roller'),
      () => t.exec('TRUNCATE bruker_roller'),
      () => t.transaksjon(async (tx) => tx.query('SELECT 1')),
    ];
    for (const [i, skriv] of skrivinger.entries()) {
      await skriv();
      expect(await lest(), `skriving ${i}`).toBe(i + 2);
    }
    expect(db.kjoert).toHaveLength(9);
  });

  it('counts a failed write too', async () => {
    const b = new Tilgangsbuffer({ levetidMs: Number.POSITIVE_INFINITY });
    const db = falskDatabase();
    const t = medEndringsteller({ ...db, query: async () => Promise.reject(new Error('brudd')) }, b);
    let n = 0;
    await b.hent('k', async () => ++n);
    await expect(t.query('UPDATE roller SET navn = $1', ['x'])).rejects.toThrow('brudd');
    expect(await b.hent('k', async () => ++n)).toBe(2);
  });
});
