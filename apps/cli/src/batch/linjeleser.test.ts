import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Linje, lesLinjer } from './linjeleser.js';

async function alle(
  deler: Array<string | Buffer>,
  start?: { byte: number; linje: number },
): Promise<Linje[]> {
  const ut: Linje[] = [];
  for await (const del of lesLinjer(
    (async function* () {
      yield* deler;
    })(),
    start,
  )) {
    ut.push(...del);
  }
  return ut;
}

/** Cuts a buffer at the given points (a stream may split anywhere, also inside a UTF-8 character). */
function kutt(buf: Buffer, punkter: number[]): Buffer[] {
  const sortert = [...new Set(punkter.map((p) => p % (buf.length + 1)))].sort((a, b) => a - b);
  const ut: Buffer[] = [];
  let fra = 0;
  for (const p of sortert) {
    ut.push(buf.subarray(fra, p));
    fra = p;
  }
  ut.push(buf.subarray(fra));
  return ut;
}

describe('lesLinjer', () => {
  it('gives each line with its number and the byte offset after it, however the stream is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !/[\r\n]/.test(s)),
          {
            maxLength: 12,
          },
        ),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (linjer, avsluttet, punkter) => {
          const tekst = linjer.join('\n') + (avsluttet && linjer.length > 0 ? '\n' : '');
          const buf = Buffer.from(tekst, 'utf8');
          const lest = await alle(kutt(buf, punkter));
          // The model: split at line breaks; nothing after the last break is not a line.
          const forventet = tekst.split('\n');
          if (forventet[forventet.length - 1] === '') forventet.pop();
          expect(lest.map((l) => l.tekst)).toEqual(forventet);
          expect(lest.map((l) => l.linje)).toEqual(forventet.map((_, i) => i + 1));
          // Each offset is where the next line starts in the raw bytes.
          let offset = 0;
          forventet.forEach((l, i) => {
            offset = Math.min(buf.length, offset + Buffer.byteLength(l) + 1);
            expect(lest[i]?.slutt).toBe(offset);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('drops a trailing CR and a BOM at the start (but counts their bytes)', async () => {
    const lest = await alle(['\ufeffa,b\r\n', 'c\r\n']);
    expect(lest).toEqual([
      { linje: 1, slutt: 8, tekst: 'a,b' },
      { linje: 2, slutt: 11, tekst: 'c' },
    ]);
  });

  it('continues numbering and offsets from a checkpoint', async () => {
    const lest = await alle(['x\ny\n'], { byte: 100, linje: 7 });
    expect(lest).toEqual([
      { linje: 7, slutt: 102, tekst: 'x' },
      { linje: 8, slutt: 104, tekst: 'y' },
    ]);
  });
});
