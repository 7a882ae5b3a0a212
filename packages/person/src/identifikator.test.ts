import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beskrivIdentifikator,
  erGyldigIdentifikator,
  identifikatorSkjema,
  kontrollsifre,
  maskerIdentifikator,
  sjekkIdentifikator,
} from './index.js';

/** The first eleven-digit number, from seven leading digits, whose 1964 control digits exist. */
function medKontrollsifre(sju: string): string {
  for (let i = 0; i < 100; i++) {
    const ni = `${sju}${String(i).padStart(2, '0')}`;
    const k = kontrollsifre(ni);
    if (k) return ni + k;
  }
  throw new Error(`no control digits for ${sju}`);
}

const testdata = fileURLToPath(new URL('../../../testdata/', import.meta.url));

describe('valid numbers', () => {
  it.each([
    ['02013299997', 'FOEDSELSNUMMER', false, 'REGEL_1964'],
    ['30108299920', 'FOEDSELSNUMMER', false, 'REGEL_1964'],
    ['30108299939', 'FOEDSELSNUMMER', false, 'REGEL_2032'],
    ['04817299771', 'FOEDSELSNUMMER', true, 'REGEL_1964'],
    ['27847099416', 'FOEDSELSNUMMER', true, 'REGEL_1964'],
  ])('%s is a %s (synthetic: %s, %s)', (id, type, syntetisk, regel) => {
    const sjekk = sjekkIdentifikator(id);
    expect(sjekk).toMatchObject({ gyldig: true, type, syntetisk, kontrollsifferregel: regel });
  });

  it('reads day and month without the offsets', () => {
    expect(sjekkIdentifikator('04817299771')).toMatchObject({ dag: 4, maaned: 1, aarhundreloestAar: 72 });
    expect(sjekkIdentifikator('27847099416')).toMatchObject({ dag: 27, maaned: 4, aarhundreloestAar: 70 });
  });

  it('recognises D-nummer and H-nummer', () => {
    expect(sjekkIdentifikator(medKontrollsifre('4101701'))).toMatchObject({
      gyldig: true,
      type: 'D_NUMMER',
      dag: 1,
      maaned: 1,
    });
    expect(sjekkIdentifikator(medKontrollsifre('0141701'))).toMatchObject({
      gyldig: true,
      type: 'H_NUMMER',
      dag: 1,
      maaned: 1,
    });
    expect(sjekkIdentifikator(medKontrollsifre('4181701'))).toMatchObject({
      gyldig: true,
      type: 'D_NUMMER',
      syntetisk: true,
    });
  });

  it('accepts every identifikator in the golden cases and the KS example', () => {
    const filer = [
      ...readdirSync(`${testdata}golden`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${testdata}golden/${f}`),
      `${testdata}ks-fiks/eksempel-langtidsopphold-2023.json`,
    ];
    const ider = filer.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/"identifikator": "(\d+)"/g)].map((m) => m[1]),
    );
    expect(new Set(ider).size).toBeGreaterThanOrEqual(10);
    for (const id of ider) expect(sjekkIdentifikator(id as string).gyldig, id).toBe(true);
  });

  it('describes the kind for a person to read', () => {
    const s = sjekkIdentifikator('30108299939');
    if (!s.gyldig) throw new Error('expected valid');
    expect(beskrivIdentifikator(s)).toBe('fødselsnummer (kontrollsiffer etter regelen fra 2032)');
    const t = sjekkIdentifikator('04817299771');
    if (!t.gyldig) throw new Error('expected valid');
    expect(beskrivIdentifikator(t)).toBe('syntetisk fødselsnummer');
  });
});

describe('invalid numbers say why', () => {
  it.each([
    ['12345678901', 'DATO'],
    ['02013299947', 'KONTROLLSIFFER_1'],
    ['0201329999', 'LENGDE'],
    ['020132999970', 'LENGDE'],
    ['0201329999a', 'IKKE_SIFFER'],
    ['02013299998', 'KONTROLLSIFFER_2'],
    ['32013299997', 'DATO'],
    ['02133299997', 'DATO'],
    ['', 'LENGDE'],
  ])('%s: %s', (id, grunn) => {
    const s = sjekkIdentifikator(id);
    expect(s.gyldig).toBe(false);
    if (!s.gyldig) {
      expect(s.grunn).toBe(grunn);
      expect(s.melding.length).toBeGreaterThan(5);
      expect(s.melding).not.toContain(id || 'x');
    }
  });

  it('accepts 29 February only in a year divisible by 4, as the official validator does', () => {
    expect(sjekkIdentifikator(medKontrollsifre('2902841')).gyldig).toBe(true);
    expect(sjekkIdentifikator(medKontrollsifre('2902831'))).toMatchObject({ gyldig: false, grunn: 'DATO' });
  });
});

describe('properties', () => {
  const niSifre = fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 99999 }),
    )
    .map(
      ([d, m, rest]) =>
        `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(rest).padStart(5, '0')}`,
    );

  it('every number built with the 1964 control digits is valid under the 1964 rule', () => {
    fc.assert(
      fc.property(niSifre, (ni) => {
        const k = kontrollsifre(ni);
        return k === null || sjekkIdentifikator(ni + k).gyldig;
      }),
    );
  });

  it('changing any single digit of a valid number never leaves it valid under the 1964 rule alone', () => {
    fc.assert(
      fc.property(
        niSifre,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (ni, pos, delta) => {
          const k = kontrollsifre(ni);
          if (k === null) return true;
          const s = [...(ni + k)].map(Number);
          s[pos] = ((s[pos] as number) + delta) % 10;
          const endret = sjekkIdentifikator(s.join(''));
          return !endret.gyldig || endret.kontrollsifferregel === 'REGEL_2032';
        },
      ),
    );
  });
});

describe('zod schema and masking', () => {
  it('gives the reason in the issue message', () => {
    const r = identifikatorSkjema.safeParse('12345678901');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/ugyldig identifikator: måned 34/);
    expect(identifikatorSkjema.safeParse('02013299947').error?.issues[0]?.message).toMatch(/kontrollsiffer/);
    expect(identifikatorSkjema.safeParse('04817299771').success).toBe(true);
    expect(identifikatorSkjema.safeParse(4817299771).success).toBe(false);
  });

  it('masks the personal number', () => {
    expect(maskerIdentifikator('04817299771')).toBe('048172*****');
  });
});

describe('erGyldigIdentifikator, the fast check', () => {
  it('answers as sjekkIdentifikator for any text, near-valid numbers included', () => {
    const elleveSifre = fc.stringMatching(/^\d{11}$/);
    const gyldigeStart = fc
      .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 40, 80))
      .chain(([dag, mnd, tillegg]) =>
        fc
          .tuple(fc.constantFrom(0, 40), fc.stringMatching(/^\d{7}$/))
          .map(
            ([dt, rest]) =>
              `${String(dag + dt).padStart(2, '0')}${String(mnd + tillegg).padStart(2, '0')}${rest}`,
          ),
      );
    // Nine digits (a valid date or not) with their 1964 control digits, or with any two.
    const medKontroll = fc
      .oneof(
        fc.stringMatching(/^\d{9}$/),
        gyldigeStart.map((x) => x.slice(0, 9)),
      )
      .chain((ni) =>
        fc.oneof(
          fc.constant(`${ni}${kontrollsifre(ni) ?? '00'}`),
          fc.stringMatching(/^\d{2}$/).map((k) => ni + k),
        ),
      );
    let gyldige = 0;
    fc.assert(
      fc.property(
        fc.oneof(elleveSifre, gyldigeStart, medKontroll, fc.string(), fc.stringMatching(/^[\d ]{10,12}$/)),
        (x) => {
          expect(erGyldigIdentifikator(x)).toBe(sjekkIdentifikator(x).gyldig);
          if (sjekkIdentifikator(x).gyldig) gyldige++;
        },
      ),
      { numRuns: 20_000 },
    );
    expect(gyldige).toBeGreaterThan(1000);
    for (const x of [undefined, null, 4817299771, '04817299771', '0481729977\u0661']) {
      expect(erGyldigIdentifikator(x)).toBe(typeof x === 'string' && sjekkIdentifikator(x).gyldig);
    }
  });
});
