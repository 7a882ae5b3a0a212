import { readFileSync } from 'node:fs';
import { BEREGNINGSTYPER, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { erIsoDato, kildeSkjema } from '@inntektsgrunnlag/regelverk';
import { describe, expect, it } from 'vitest';
import {
  TJENESTEOMRAADER,
  tjenesteomraade,
  tjenesteomraadeFor,
  UkjentTjenesteomraadeError,
  validerRolle,
} from './index.js';

describe('TJENESTEOMRAADER', () => {
  it('has unique ids, and every beregningstype belongs to exactly one area', () => {
    expect(new Set(TJENESTEOMRAADER.map((o) => o.id)).size).toBe(TJENESTEOMRAADER.length);
    for (const type of BEREGNINGSTYPER) {
      expect(
        TJENESTEOMRAADER.filter((o) => o.beregningstyper.includes(type)),
        type,
      ).toHaveLength(1);
    }
  });

  it('cites, for every area, a provision for access and one for the rules, each with a valid source', () => {
    for (const o of TJENESTEOMRAADER) {
      expect(
        o.lovhjemler.some((h) => h.formaal === 'TILGANG'),
        o.id,
      ).toBe(true);
      expect(
        o.lovhjemler.some((h) => h.formaal === 'REGLER'),
        o.id,
      ).toBe(true);
      for (const h of o.lovhjemler) {
        expect(kildeSkjema.safeParse(h.kilde).success, h.hjemmel).toBe(true);
        if (h.verifisert === null) {
          // An unverified reference must say what is missing.
          expect(h.merknad, h.hjemmel).toMatch(/ikke/);
        } else {
          expect(erIsoDato(h.verifisert)).toBe(true);
        }
      }
    }
  });

  it('rests every provision read in Lovdata on a quote tagged @lovtekst in the source, so the law-quote check covers it', () => {
    // tooling/lovsitat checks each @lovtekst quote against lovtekst/; here each Lovdata source's sitat must be one.
    const kilde = readFileSync(new URL('./tjenesteomraader.ts', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, ''))
      .join(' ');
    const sitater = [...kilde.matchAll(/@lovtekst [^«]+«([^»]+)»/g)].map((m) =>
      (m[1] as string).replace(/\s+/g, ' ').trim(),
    );
    const fraLovdata = TJENESTEOMRAADER.flatMap((o) => o.lovhjemler).filter((h) =>
      h.kilde.url?.startsWith('https://lovdata.no/'),
    );
    expect(fraLovdata.length).toBeGreaterThanOrEqual(8);
    for (const h of fraLovdata) {
      expect(h.kilde.konfidens, h.hjemmel).toBe('A');
      expect(h.kilde.tittel, h.hjemmel).toMatch(
        /Lovdatas åpne data \(NLOD 2\.0\), lovtekst\/[a-z0-9-]+\.md$/,
      );
      expect(h.verifisert, h.hjemmel).not.toBeNull();
      expect(sitater, h.hjemmel).toContain(h.kilde.sitat?.replace(/\s+/g, ' ').trim());
      // The provision as printed names a paragraph, and the regulation's id.
      expect(h.hjemmel).toMatch(/\((LOV|FOR)-\d{4}-\d{2}-\d{2}-\d+\)[^§]*§ \d/);
    }
  });

  it('prints no hjemmel or merknad that admits it is unverified (issue 17)', () => {
    for (const h of TJENESTEOMRAADER.flatMap((o) => o.lovhjemler)) {
      expect(`${h.hjemmel} ${h.merknad ?? ''}`, h.hjemmel).not.toMatch(/ikke verifisert|ikke funnet/);
    }
  });

  it('allows avregning only where Skatteetaten has an avregning rettighetspakke for the area', () => {
    for (const o of TJENESTEOMRAADER) {
      expect(o.avregningKanTildeles, o.id).toBe(o.rettighetspakker.avregning !== undefined);
    }
    expect(TJENESTEOMRAADER.filter((o) => o.avregningKanTildeles).map((o) => o.id)).toEqual([
      'LANGTIDSOPPHOLD',
    ]);
  });

  it('finds an area by id and by beregningstype', () => {
    expect(tjenesteomraade('PRAKTISK_BISTAND').navn).toBe('Helse og omsorg: Praktisk bistand');
    expect(() => tjenesteomraade('BOLIG')).toThrow(UkjentTjenesteomraadeError);
    expect(tjenesteomraadeFor('BARNEHAGE_SFO')?.navn).toBe('Foreldrebetaling SFO/barnehage');
    expect(tjenesteomraadeFor('BOLIGSOSIALE_FORMAAL')).toBeUndefined();
  });

  it('takes a new area as data', () => {
    const bolig = {
      ...tjenesteomraade('PRAKTISK_BISTAND'),
      id: 'BOLIG',
      navn: 'Bolig',
      beregningstyper: [],
    };
    expect(validerRolle({ id: 'bolig', navn: 'Bolig', tjenesteomraade: 'BOLIG' }, [bolig])).toMatchObject({
      avregning: false,
    });
  });
});

describe('validerRolle', () => {
  it('accepts a role and defaults avregning to false', () => {
    expect(validerRolle({ id: 'sfo-oslo', navn: 'SFO Oslo', tjenesteomraade: 'FORELDREBETALING' })).toEqual({
      id: 'sfo-oslo',
      navn: 'SFO Oslo',
      tjenesteomraade: 'FORELDREBETALING',
      avregning: false,
    });
  });

  it('names every bad field', () => {
    try {
      validerRolle({ id: 'Ugyldig Id', navn: '', tjenesteomraade: 'FORELDREBETALING', ekstra: 1 });
      throw new Error('skulle feilet');
    } catch (e) {
      expect(e).toBeInstanceOf(Valideringsfeil);
      const felt = (e as Valideringsfeil).feil.map((f) => f.felt);
      expect(felt).toEqual(expect.arrayContaining(['rolle.id', 'rolle.navn']));
    }
  });

  it('refuses an unknown area and avregning in an area that cannot grant it', () => {
    expect(() => validerRolle({ id: 'x', navn: 'X', tjenesteomraade: 'BOLIG' })).toThrow(
      /ukjent tjenesteområde/,
    );
    expect(() =>
      validerRolle({ id: 'x', navn: 'X', tjenesteomraade: 'PRAKTISK_BISTAND', avregning: true }),
    ).toThrow(/kan ikke gi tilgang til avregning/);
    expect(
      validerRolle({ id: 'x', navn: 'X', tjenesteomraade: 'LANGTIDSOPPHOLD', avregning: true }).avregning,
    ).toBe(true);
  });
});
