import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GodkjentKommunesats,
  GRUNNBELOEP,
  GRUNNBELOEP_GJENNOMSNITT,
  kontrollerKommunesats,
  leggTilDager,
  Regelverk,
  UgyldigKommunesatsError,
  UtenforDekning,
} from './index.js';

// G is covered to 30.04.2027 (built in); a municipality enters G from 1 May 2027 the day it is set.
const innebygd = Regelverk.av([GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT]);
const IDAG = '2027-05-20';

const nyG = {
  tabell: 'folketrygden.grunnbeloep',
  gyldigFra: '2027-05-01',
  dekketTil: '2028-04-30',
  verdi: '140000',
  kilde: {
    tittel: 'Kongelig resolusjon om regulering av grunnbeløpet (testverdi)',
    url: 'https://www.nav.no/grunnbelopet',
  },
  verifisert: '2027-05-20',
};

const godkjent = (over: Partial<GodkjentKommunesats> = {}): GodkjentKommunesats => ({
  id: 'a1',
  ...nyG,
  innlagtAv: { id: 'anne', navn: 'Anne Satsforvalter' },
  innlagt: '2027-05-20T08:00:00.000Z',
  godkjentAv: { id: 'bjorn', navn: 'Bjørn Godkjenner' },
  godkjent: '2027-05-20T09:00:00.000Z',
  ...over,
});

function feilFor(raa: unknown, gjeldende = innebygd): Array<{ felt: string; melding: string }> {
  try {
    kontrollerKommunesats(raa, { innebygd, gjeldende }, IDAG);
  } catch (e) {
    expect(e).toBeInstanceOf(UgyldigKommunesatsError);
    return [...(e as UgyldigKommunesatsError).feil];
  }
  return [];
}

describe('a value the municipality enters', () => {
  it('is accepted the day after the coverage ends, with its value in the table’s JSON form', () => {
    const ok = kontrollerKommunesats({ ...nyG, verdi: 140000 }, { innebygd, gjeldende: innebygd }, IDAG);
    expect(ok.verdi).toBe(140000);
    expect(ok.kilde.tittel).toMatch(/grunnbeløpet/);
  });

  it('is refused inside the built-in coverage, naming gyldigFra and the coverage', () => {
    const feil = feilFor({ ...nyG, gyldigFra: '2027-04-01' });
    expect(feil).toHaveLength(1);
    expect(feil[0]?.felt).toBe('gyldigFra');
    expect(feil[0]?.melding).toMatch(/innenfor produktets egne verdier.*30\. april 2027.*1\. mai 2027/);
  });

  it('is refused after a gap, naming gyldigFra: nothing is extrapolated', () => {
    expect(feilFor({ ...nyG, gyldigFra: '2027-06-01', dekketTil: '2028-05-31' })).toEqual([
      { felt: 'gyldigFra', melding: expect.stringMatching(/må være 1\. mai 2027.*opphold/) },
    ]);
  });

  it('is refused with a value of the wrong form, naming verdi and the form', () => {
    const feil = feilFor({ ...nyG, verdi: '140 000,50' });
    expect(feil.map((f) => f.felt)).toEqual(['verdi']);
    expect(feil[0]?.melding).toMatch(/har ikke tabellens form \(som 136549\)/);
  });

  it('names every bad field at once, and unknown tables and fields', () => {
    expect(
      feilFor({ ...nyG, dekketTil: '2027-04-01', verifisert: '2027-06-01', verdi: 'x' }).map((f) => f.felt),
    ).toEqual(['dekketTil', 'verifisert', 'verdi']);
    expect(feilFor({ ...nyG, tabell: 'finnes.ikke' })).toEqual([
      { felt: 'tabell', melding: expect.stringMatching(/ukjent tabell/) },
    ]);
    expect(feilFor({ ...nyG, kilde: { tittel: '' }, ekstra: 1 }).map((f) => f.felt)).toEqual([
      'kilde.tittel',
      '(rot)',
    ]);
    expect(feilFor({ ...nyG, gyldigFra: '2027-02-30' }).map((f) => f.felt)).toEqual(['gyldigFra']);
  });

  it('is refused over an approved value, and continues after it', () => {
    const { regelverk: gjeldende } = innebygd.medKommunesatser([godkjent()]);
    expect(feilFor(nyG, gjeldende)).toEqual([
      { felt: 'gyldigFra', melding: expect.stringMatching(/dekket av en godkjent verdi.*1\. mai 2028/) },
    ]);
    expect(feilFor({ ...nyG, gyldigFra: '2028-05-01', dekketTil: '2029-04-30' }, gjeldende)).toEqual([]);
  });
});

describe('the rule set with approved values', () => {
  it('uses an approved value after the built-in coverage and names who entered and approved it', () => {
    const { regelverk, ikkeBrukt } = innebygd.medKommunesatser([godkjent()]);
    expect(ikkeBrukt).toEqual([]);
    const o = regelverk.nyttOppslag();
    expect(o.verdi(GRUNNBELOEP, '2027-06-01').toJSON()).toBe('140000');
    expect(o.verdi(GRUNNBELOEP, '2027-04-30').toJSON()).toBe('136549');
    const brukt = o.brukteVerdier().find((b) => b.gyldigFra === '2027-05-01');
    expect(brukt).toMatchObject({
      verdi: 140000,
      kilde: { tittel: nyG.kilde.tittel },
      kommunesats: {
        id: 'a1',
        innlagtAv: { navn: 'Anne Satsforvalter' },
        godkjentAv: { navn: 'Bjørn Godkjenner' },
      },
    });
    // Built-in values carry no such mark.
    expect(o.brukteVerdier().find((b) => b.gyldigFra === '2026-05-01')?.kommunesats).toBeUndefined();
    expect(() => o.verdi(GRUNNBELOEP, '2028-05-01')).toThrow(UtenforDekning);
    // The base rule set is unchanged (immutable).
    expect(() => innebygd.nyttOppslag().verdi(GRUNNBELOEP, '2027-06-01')).toThrow(UtenforDekning);
  });

  it('leaves out a value that no longer continues the table, with the reason; built-in values win', () => {
    const { ikkeBrukt } = innebygd.medKommunesatser([
      godkjent({ id: 'inne', gyldigFra: '2027-04-01' }),
      godkjent({ id: 'form', verdi: 'tusen' }),
      godkjent({ id: 'ukjent', tabell: 'finnes.ikke' }),
    ]);
    expect(ikkeBrukt.map((i) => i.id)).toEqual(['inne', 'form', 'ukjent']);
    expect(ikkeBrukt[0]?.grunn).toMatch(/innenfor tabellens dekning/);
  });

  it('chains values in date order whatever the order they were approved in', () => {
    const { regelverk, ikkeBrukt } = innebygd.medKommunesatser([
      godkjent({ id: 'b', gyldigFra: '2028-05-01', dekketTil: '2029-04-30', verdi: '145000' }),
      godkjent({ id: 'a' }),
    ]);
    expect(ikkeBrukt).toEqual([]);
    expect(regelverk.tabell(GRUNNBELOEP).dekketTil).toBe('2029-04-30');
    expect(regelverk.nyttOppslag().verdi(GRUNNBELOEP, '2028-12-31').toJSON()).toBe('145000');
  });

  it('property: a value is in force exactly on the days from its gyldigFra to its dekketTil', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: -30, max: 900 }), (lengde, dag) => {
        const dekketTil = leggTilDager('2027-05-01', lengde);
        const { regelverk } = innebygd.medKommunesatser([godkjent({ dekketTil })]);
        const dato = leggTilDager('2027-05-01', dag);
        const o = regelverk.nyttOppslag();
        if (dag < 0) expect(o.verdi(GRUNNBELOEP, dato).toJSON()).toBe('136549');
        else if (dag <= lengde) expect(o.verdi(GRUNNBELOEP, dato).toJSON()).toBe('140000');
        else expect(() => o.verdi(GRUNNBELOEP, dato)).toThrow(UtenforDekning);
      }),
    );
  });
});
