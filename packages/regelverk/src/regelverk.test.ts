import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { describe, expect, it } from 'vitest';
import {
  Beregningstabell,
  dekningsfeil,
  GRUNNBELOEP,
  GRUNNBELOEP_GJENNOMSNITT,
  grunnbeloepFor,
  grunnbeloepPaa,
  kronebeloepSkjema,
  Parametertabell,
  Regelverk,
  summerLinjer,
  tabell,
  UgyldigOperatoerfilError,
  UtenforDekning,
} from './index.js';

const regelverk = Regelverk.av([GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT]);

describe('grunnbeløp', () => {
  it('gives the G in force on a date', () => {
    const o = regelverk.nyttOppslag();
    expect(grunnbeloepPaa(o, '2024-06-01').toJSON()).toBe('124028');
    expect(grunnbeloepPaa(o, '2024-04-30').toJSON()).toBe('118620');
    expect(grunnbeloepPaa(o, '2024-05-01').toJSON()).toBe('124028');
    expect(grunnbeloepPaa(o, '2026-06-01').toJSON()).toBe('136549');
    expect(grunnbeloepPaa(o, '2015-05-01').toJSON()).toBe('90068');
  });

  it('gives the yearly average, or the G on the date, as the municipality chooses', () => {
    const o = regelverk.nyttOppslag();
    expect(grunnbeloepFor(o, '2024-03-01', 'GJENNOMSNITT_FOR_AARET').g.toJSON()).toBe('122225');
    expect(grunnbeloepFor(o, '2024-03-01', 'PAA_BEREGNINGSDATO').g.toJSON()).toBe('118620');
  });

  it('agrees with NAV’s formula for the average: round((4 × G before May + 8 × G from May) / 12)', () => {
    const t = regelverk.tabell(GRUNNBELOEP);
    for (let aar = 2016; aar <= 2026; aar++) {
      const foer = t.verdiPaa(`${aar}-04-30`).verdi;
      const etter = t.verdiPaa(`${aar}-05-01`).verdi;
      const beregnet = foer.times(4).plus(etter.times(8)).dividedBy(12).round('KRONE', 'HALF_UP');
      const publisert = regelverk.tabell(GRUNNBELOEP_GJENNOMSNITT).verdiPaa(`${aar}-01-01`).verdi;
      expect(beregnet.toJSON(), String(aar)).toBe(publisert.toJSON());
    }
  });

  it('refuses dates before 1 May 2015 and after its coverage, naming the table and range', () => {
    const o = regelverk.nyttOppslag();
    expect(() => grunnbeloepPaa(o, '2015-04-30')).toThrow(UtenforDekning);
    expect(() => grunnbeloepPaa(o, '2015-04-30')).toThrow(
      /Folketrygdens grunnbeløp \(G\).*1\. mai 2015.*30\. april 2027/,
    );
    try {
      grunnbeloepPaa(o, '2027-05-01');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UtenforDekning);
      const u = e as UtenforDekning;
      expect([u.tabell, u.dekketFra, u.dekketTil]).toEqual([
        'folketrygden.grunnbeloep',
        '2015-05-01',
        '2027-04-30',
      ]);
      expect(u.message).toMatch(/gjetter aldri/);
    }
  });

  it('records every value a calculation used', () => {
    const o = regelverk.nyttOppslag();
    grunnbeloepPaa(o, '2024-06-01');
    grunnbeloepPaa(o, '2024-07-01');
    grunnbeloepPaa(o, '2023-07-01');
    expect(o.brukteVerdier().map((v) => [v.gyldigFra, v.verdi])).toEqual([
      ['2024-05-01', 124028],
      ['2023-05-01', 118620],
    ]);
    expect(o.brukteVerdier()[0]?.kilde.tittel).toMatch(/folketrygdloven \(LOV-1997-02-28-19\) § 1-4/i);
  });
});

describe('coverage: every table, every day, exactly one value', () => {
  for (const t of regelverk.alleTabeller) {
    it(t.navn, () => {
      expect(dekningsfeil(t)).toEqual([]);
    });
  }

  it('detects a broken table', () => {
    const t = new Parametertabell({ ...GRUNNBELOEP, dekketTil: '2027-04-30' });
    // A table that wrongly answers outside coverage would be reported:
    const lekk = Object.create(t) as Parametertabell<unknown>;
    lekk.verdiPaa = () => t.verdier[0] as never;
    expect(dekningsfeil(lekk).some((f) => f.includes('utenfor dekningen'))).toBe(true);
  });
});

describe('table definitions are checked when made', () => {
  const base = {
    navn: 'test.tabell',
    beskrivelse: 'Test',
    verdiSkjema: kronebeloepSkjema,
    visVerdi: (b: Beloep) => b.toJSON(),
  };
  const kilde = { tittel: 'Kilde' };
  it('refuses unordered values, missing sources and a coverage before the last value', () => {
    expect(() =>
      tabell({
        ...base,
        dekketTil: '2030-01-01',
        verdier: [
          { gyldigFra: '2020-01-01', verdi: Beloep.kroner(1), kilde, verifisert: '2026-01-01' },
          { gyldigFra: '2019-01-01', verdi: Beloep.kroner(1), kilde, verifisert: '2026-01-01' },
        ],
      }),
    ).toThrow(/stigende/);
    expect(() =>
      tabell({
        ...base,
        dekketTil: '2030-01-01',
        verdier: [
          {
            gyldigFra: '2020-01-01',
            verdi: Beloep.kroner(1),
            kilde: { tittel: '' },
            verifisert: '2026-01-01',
          },
        ],
      }),
    ).toThrow(/kilde/);
    expect(() =>
      tabell({
        ...base,
        dekketTil: '2019-12-31',
        verdier: [{ gyldigFra: '2020-01-01', verdi: Beloep.kroner(1), kilde, verifisert: '2026-01-01' }],
      }),
    ).toThrow(/dekketTil/);
  });
});

describe('operator files', () => {
  const ny = {
    beskrivelse: 'G fra 1. mai 2027',
    tabeller: {
      'folketrygden.grunnbeloep': {
        dekketTil: '2028-04-30',
        verdier: [
          {
            gyldigFra: '2027-05-01',
            verdi: '140000',
            kilde: { tittel: 'Kongelig resolusjon om regulering av grunnbeløpet 2027' },
            verifisert: '2027-05-20',
          },
        ],
      },
    },
  };

  it('extends a table after its built-in coverage, and results name the file', () => {
    const utvidet = regelverk.medOperatoerfil(ny, 'satser-2027.json');
    const o = utvidet.nyttOppslag();
    expect(grunnbeloepPaa(o, '2027-06-01').toJSON()).toBe('140000');
    expect(grunnbeloepPaa(o, '2026-06-01').toJSON()).toBe('136549');
    const brukt = o.brukteVerdier();
    expect(brukt.find((v) => v.gyldigFra === '2027-05-01')?.fraFil).toBe('satser-2027.json');
    expect(brukt.find((v) => v.gyldigFra === '2026-05-01')?.fraFil).toBeUndefined();
    // The original is untouched.
    expect(() => grunnbeloepPaa(regelverk.nyttOppslag(), '2027-06-01')).toThrow(UtenforDekning);
  });

  it('names the file when a built-in value is used past its built-in coverage on the file’s word', () => {
    const senere = structuredClone(ny);
    const t = senere.tabeller['folketrygden.grunnbeloep'];
    if (t?.verdier[0]) t.verdier[0].gyldigFra = '2027-06-01';
    const o = regelverk.medOperatoerfil(senere, 'sen.json').nyttOppslag();
    expect(grunnbeloepPaa(o, '2027-05-15').toJSON()).toBe('136549');
    expect(o.brukteVerdier()[0]?.fraFil).toBe('sen.json');
  });

  it('never overwrites built-in values', () => {
    const overskriv = structuredClone(ny);
    const t = overskriv.tabeller['folketrygden.grunnbeloep'];
    if (t?.verdier[0]) t.verdier[0].gyldigFra = '2026-05-01';
    expect(() => regelverk.medOperatoerfil(overskriv, 'x.json')).toThrow(/kan ikke overskrives/);
  });

  it('requires a source, a known table and a valid value, and lists every fault', () => {
    const feil = {
      tabeller: {
        'folketrygden.grunnbeloep': {
          dekketTil: '2028-04-30',
          verdier: [
            { gyldigFra: '2027-05-01', verdi: '140 000', kilde: { tittel: 'x' }, verifisert: '2027-05-20' },
          ],
        },
        'finnes.ikke': {
          dekketTil: '2028-04-30',
          verdier: [
            { gyldigFra: '2027-05-01', verdi: '1', kilde: { tittel: 'x' }, verifisert: '2027-05-20' },
          ],
        },
      },
    };
    try {
      regelverk.medOperatoerfil(feil, 'feil.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UgyldigOperatoerfilError);
      const f = (e as UgyldigOperatoerfilError).feil.map((x) => x.sti);
      expect(f).toContain('tabeller.folketrygden.grunnbeloep.verdier.0.verdi');
      expect(f).toContain('tabeller.finnes.ikke');
    }
    const utenKilde = structuredClone(ny) as {
      tabeller: Record<string, { verdier: Array<{ kilde?: unknown }> }>;
    };
    delete utenKilde.tabeller['folketrygden.grunnbeloep']?.verdier[0]?.kilde;
    expect(() => regelverk.medOperatoerfil(utenKilde, 'k.json')).toThrow(/kilde/);
  });
});

describe('Beregningstabell', () => {
  const tabellen = new Beregningstabell('Vederlag', [
    {
      tekst: 'Inntekt',
      operasjon: 'ADDERE',
      kilde: 'SKATTEETATEN',
      beloep: Beloep.kroner(300000),
      hjemmel: 'egenandelsforskriften § 3 fjerde ledd',
    },
    { tekst: 'Skatt', operasjon: 'SUBTRAHERE', kilde: 'SKATTEETATEN', beloep: Beloep.kroner(90000) },
    {
      tekst: 'Andel',
      operasjon: 'MULTIPLISERE',
      kilde: 'REGEL',
      sats: Sats.prosent(75),
      beloep: Beloep.kroner(1000).dividedBy(3),
      merknad: 'eksempel',
    },
  ]);

  it('renders as plain text with references', () => {
    const tekst = tabellen.tilTekst();
    expect(tekst).toContain('+ Inntekt');
    expect(tekst).toContain('300\u00a0000,00');
    expect(tekst).toContain('[egenandelsforskriften § 3 fjerde ledd]');
    expect(tekst).toContain('\u2212 Skatt');
    expect(tekst).toContain('75\u00a0%');
    expect(tekst).toContain('Merk: eksempel');
  });

  it('serialises amounts as numbers with at most two decimals and keeps the exact value', () => {
    const json = tabellen.toJSON();
    expect(json.linjer[0]?.beloep).toBe(300000);
    expect(json.linjer[2]?.beloep).toBe(333.33);
    expect(json.linjer[2]?.eksaktBeloep).toMatch(/^333\.3333/);
    expect(summerLinjer(tabellen.linjer).toJSON()).toBe('210000');
  });
});
