import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lagRadbehandler, lagRadkjoerer, type Radkjoerer } from '../kommandoer/beregn.js';
import { lastKommuneinnstillinger, lastRegelverk } from '../regelverk.js';
import { csvLinje, type Skilletegn } from './csv.js';
import { resultatSomCeller } from './kolonner.js';

/**
 * `--format csv` asks the lookup for the key figures only (latForklaring: the explanation's JSON forms
 * are not built). Its line must be the one the full calculation's result gives, on cases made as the
 * benchmark makes them (tooling/bench/src/generer.ts: the golden cases with new identifiers and their
 * amounts scaled) and variations that take other branches (no beregningsdato, an unknown post).
 */

const gull = lesGullfiler('').map((g) => g.foresporsel as Record<string, unknown>);
const innstillinger = lastKommuneinnstillinger(undefined, { cwd: process.cwd() });

let lagring: Lagring;
let kjoer: Radkjoerer;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  kjoer = lagRadkjoerer({
    lagring,
    kilder: innebygdeKilder(),
    regelverk: lastRegelverk([], { cwd: process.cwd() }),
    innstillinger,
    klokke: () => new Date('2026-06-01T10:00:00Z'),
    valg: {},
    batch: true,
    aarligOppdatering: null,
  });
});
afterAll(async () => {
  await lagring.lukk();
});

const tilfelle = fc
  .record({
    mal: fc.nat({ max: gull.length - 1 }),
    faktor: fc.integer({ min: 500, max: 1500 }),
    utenDato: fc.boolean(),
    ukjentPost: fc.boolean(),
    saksreferanse: fc.option(fc.constantFrom('SAK-1', 'sak;med,skilletegn', 'sak "sitert"'), {
      nil: undefined,
    }),
  })
  .map((v) => {
    const f = structuredClone(gull[v.mal]) as Record<string, unknown> & {
      personer: Array<{ poster?: Array<{ tekniskNavn: string; beloep: number | string }> }>;
    };
    f.personer = f.personer.map((p, i) => {
      if (!p.poster) return p;
      const poster = p.poster.map((post) => ({
        ...post,
        beloep: Math.round((Number(post.beloep) * v.faktor) / 1000),
      }));
      if (v.ukjentPost && i === 0) poster.push({ tekniskNavn: 'ikkeEnPostSkatteetatenHar', beloep: 1000 });
      return { ...p, poster };
    });
    if (v.utenDato) delete f.beregningsdato;
    if (v.saksreferanse === undefined) delete f.saksreferanse;
    else f.saksreferanse = v.saksreferanse;
    return f;
  });

/** The line, or the error's class and message. */
async function utfall(f: () => Promise<string>): Promise<string> {
  try {
    return await f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

describe('--format csv on the key figures only', () => {
  it('writes the line the full result gives', async () => {
    const behandle = lagRadbehandler({ kjoer, format: 'csv', pdfDir: null, brevDir: null, innstillinger });
    let linjer = 0;
    await fc.assert(
      fc.asyncProperty(
        tilfelle,
        fc.nat({ max: 10_000 }),
        fc.constantFrom<Skilletegn>(',', ';', '\t'),
        async (f, rad, skilletegn) => {
          const csv = await utfall(async () => {
            const t = await behandle({ rad, data: f, skilletegn });
            if (typeof t !== 'string') throw new Error('CSV-raden kom ikke som tekst');
            return t;
          });
          const fullt = await utfall(async () => {
            const { resultat } = await kjoer(f);
            // The full form: every field of the result built, as a JSON Lines run has it.
            expect(typeof resultat.tabell.tittel).toBe('string');
            return csvLinje(resultatSomCeller(rad, resultat, null, null), skilletegn);
          });
          expect(csv).toBe(fullt);
          if (csv.endsWith('\n')) linjer++;
        },
      ),
      { numRuns: 80 },
    );
    // Most cases are calculated (a date outside the tables fails both alike).
    expect(linjer).toBeGreaterThan(40);
  });
});
