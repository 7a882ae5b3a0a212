import { Beloep, Sats } from '@inntektsgrunnlag/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Beregningslinje,
  type BeregningslinjeJson,
  Beregningstabell,
  type BruktVerdi,
  GRUNNBELOEP,
  GRUNNBELOEP_GJENNOMSNITT,
  grunnbeloepPaa,
  KILDETYPER,
  linjeTilJson,
  OPERASJONER,
  Regelverk,
} from './index.js';

/*
 * The explanation's JSON form and the record of used values are built the cheap way (issue 22). These
 * hold them to the way they were built before: the JSON line by line as the old `linjeTilJson` made it,
 * and each recorded value as the old `Satsoppslag` made it, for arbitrary lines, amounts and dates.
 */

/** linjeTilJson as it was before issue 22 (through `visningsbeloep`, spread by `map`). */
function gammelLinjeTilJson(linje: Beregningslinje): BeregningslinjeJson {
  const json: BeregningslinjeJson = { tekst: linje.tekst, operasjon: linje.operasjon, kilde: linje.kilde };
  if (linje.beloep) {
    const b = linje.beloep;
    const { vist, eksakt } = b.isWhole('OERE')
      ? { vist: b, eksakt: undefined }
      : { vist: b.round('OERE', 'HALF_EVEN'), eksakt: b.toJSON() };
    json.beloep = vist.toJsonNumber();
    if (eksakt) json.eksaktBeloep = eksakt;
  }
  if (linje.sats) json.sats = linje.sats.toString();
  if (linje.hjemmel) json.hjemmel = linje.hjemmel;
  if (linje.merknad) json.merknad = linje.merknad;
  if (linje.linjer?.length) json.linjer = linje.linjer.map(gammelLinjeTilJson);
  return json;
}

const beloep = fc.oneof(
  fc.integer({ min: -(10 ** 12), max: 10 ** 12 }).map((o) => Beloep.oere(o)),
  // a fraction of an øre: a rate times an amount, a division that does not come out even
  fc
    .tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 1, max: 13 }))
    .map(([o, n]) => Beloep.oere(o).dividedBy(n)),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((k) => Beloep.kroner(k)),
);
const valgfriTekst = fc.option(fc.oneof(fc.constant(''), fc.string()), { nil: undefined });

const linje: fc.Arbitrary<Beregningslinje> = fc.letrec<{ linje: Beregningslinje }>((tie) => ({
  linje: fc.record(
    {
      tekst: fc.string(),
      operasjon: fc.constantFrom(...OPERASJONER),
      kilde: fc.constantFrom(...KILDETYPER),
      beloep,
      sats: fc.constantFrom(Sats.prosent(6), Sats.av('0.75'), Sats.broek(20, 41)),
      hjemmel: valgfriTekst,
      merknad: valgfriTekst,
      linjer: fc.array(tie('linje'), { maxLength: 3, depthIdentifier: 'linjer' }),
    },
    { requiredKeys: ['tekst', 'operasjon', 'kilde'] },
  ),
})).linje;

describe('the JSON form of the explanation', () => {
  it('is, line for line and key for key, what it was built as before', () => {
    fc.assert(
      fc.property(fc.array(linje, { maxLength: 6 }), fc.string(), (linjer, tittel) => {
        const ny = new Beregningstabell(tittel, linjer).toJSON();
        const gammel = { tittel, linjer: linjer.map(gammelLinjeTilJson) };
        expect(ny).toStrictEqual(gammel);
        // The same text, also in the order of the keys.
        expect(JSON.stringify(ny)).toBe(JSON.stringify(gammel));
        for (const l of linjer)
          expect(JSON.stringify(linjeTilJson(l))).toBe(JSON.stringify(gammelLinjeTilJson(l)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the JSON form of a line whose amount object recurs', () => {
  it('is what it was built as before, whichever amounts come between', () => {
    // The display form of the last amount with a fraction of an øre is reused for the same object.
    fc.assert(
      fc.property(
        fc.array(beloep, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(linje, { maxLength: 3 }),
        (beloepene, valg, andre) => {
          const linjer: Beregningslinje[] = valg.map((v, i) =>
            i % 3 === 2 && andre.length > 0
              ? (andre[v % andre.length] as Beregningslinje)
              : {
                  tekst: `linje ${i}`,
                  operasjon: 'MINIMUM',
                  kilde: 'REGEL',
                  beloep: beloepene[v % beloepene.length] as Beloep,
                },
          );
          for (const l of linjer)
            expect(JSON.stringify(linjeTilJson(l))).toBe(JSON.stringify(gammelLinjeTilJson(l)));
          expect(JSON.stringify(new Beregningstabell('t', linjer).toJSON().linjer)).toBe(
            JSON.stringify(linjer.map(gammelLinjeTilJson)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** What Satsoppslag recorded before issue 22, made fresh for each calculation. */
function gammelBruktVerdi(r: Regelverk, dato: string): BruktVerdi {
  const t = r.tabell(GRUNNBELOEP);
  const v = t.verdiPaa(dato);
  return {
    tabell: t.navn,
    beskrivelse: t.beskrivelse,
    dato,
    gyldigFra: v.gyldigFra,
    verdi: GRUNNBELOEP.visVerdi(v.verdi),
    kilde: v.kilde,
    verifisert: v.verifisert,
    ...(v.fraFil ? { fraFil: v.fraFil } : {}),
  };
}

const dato = fc
  .date({ min: new Date('2015-05-01T00:00:00Z'), max: new Date('2027-04-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the record of the values a calculation used', () => {
  const regelverk = Regelverk.av([GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT]);

  it('is what was recorded before, for every date, the first use of each value in order', () => {
    fc.assert(
      fc.property(fc.array(dato, { minLength: 1, maxLength: 8 }), (datoer) => {
        const o = regelverk.nyttOppslag();
        const forventet = new Map<string, BruktVerdi>();
        for (const d of datoer) {
          grunnbeloepPaa(o, d);
          const g = gammelBruktVerdi(regelverk, d);
          const noekkel = `${g.tabell}@${g.gyldigFra}`;
          if (!forventet.has(noekkel)) forventet.set(noekkel, g);
        }
        expect(o.brukteVerdier()).toStrictEqual([...forventet.values()]);
      }),
    );
  });

  it('is the same object for the same value on the same date in every calculation', () => {
    const a = regelverk.nyttOppslag();
    const b = regelverk.nyttOppslag();
    grunnbeloepPaa(a, '2024-06-01');
    grunnbeloepPaa(b, '2024-06-01');
    grunnbeloepPaa(b, '2024-07-01');
    expect(b.brukteVerdier()).toHaveLength(1);
    expect(b.brukteVerdier()[0]).toBe(a.brukteVerdier()[0]);
    // Another date is another record (the date is part of it).
    const c = regelverk.nyttOppslag();
    grunnbeloepPaa(c, '2024-07-01');
    expect(c.brukteVerdier()[0]).not.toBe(a.brukteVerdier()[0]);
    expect(c.brukteVerdier()[0]?.dato).toBe('2024-07-01');
  });

  it('is kept apart for a rule set with an operator file, which names the file', () => {
    const utvidet = regelverk.medOperatoerfil(
      {
        tabeller: {
          'folketrygden.grunnbeloep': {
            dekketTil: '2028-04-30',
            verdier: [
              {
                gyldigFra: '2027-05-01',
                verdi: '140000',
                kilde: { tittel: 'Kongelig resolusjon' },
                verifisert: '2027-05-20',
              },
            ],
          },
        },
      },
      'satser.json',
    );
    const i = regelverk.nyttOppslag();
    const u = utvidet.nyttOppslag();
    grunnbeloepPaa(i, '2026-06-01');
    grunnbeloepPaa(u, '2026-06-01');
    grunnbeloepPaa(u, '2027-06-01');
    expect(u.brukteVerdier()[0]).toStrictEqual(i.brukteVerdier()[0]);
    expect(u.brukteVerdier()[1]?.fraFil).toBe('satser.json');
  });
});
