import { sjekkIdentifikator } from '@inntektsgrunnlag/person';
import {
  avregningSkjema,
  beregnetSkattSkjema,
  katalogFor,
  summertSkattegrunnlagSkjema,
} from '@inntektsgrunnlag/skattegrunnlag';
import { describe, expect, it } from 'vitest';
import { fregPersonSkjema } from '../folkeregisteret.js';
import { demopersoner, personerIKategori } from './demo.js';
import { genererPopulasjon, gjennomsnittligGFor, innebygdPopulasjon, POPULASJONSAAR } from './generator.js';
import { KATEGORIER, type SyntetiskPerson } from './typer.js';

const pop = innebygdPopulasjon();
const alle = [...pop.personer.values()];
const medData = alle.filter((p) => p.aar.size > 0);

function beloep(p: SyntetiskPerson, aar: number, navn: string): number | undefined {
  return p.aar.get(aar)?.oppgjoer?.grunnlag?.find((g) => g.tekniskNavn === navn)?.beloep;
}

describe('the embedded population', () => {
  it('has at least 200 persons with tax data, and data for every year 2019–2025', () => {
    expect(medData.length).toBeGreaterThanOrEqual(200);
    for (const aar of POPULASJONSAAR) {
      expect(medData.filter((p) => p.aar.get(aar)?.oppgjoer).length, String(aar)).toBeGreaterThanOrEqual(150);
    }
  });

  it('is deterministic: the same seed gives the same population, another seed another', () => {
    const igjen = genererPopulasjon(pop.froe);
    expect([...igjen.personer.keys()]).toEqual([...pop.personer.keys()]);
    expect(igjen.personer.get(medData[10]?.identifikator ?? '')).toEqual(medData[10]);
    const annen = genererPopulasjon(pop.froe + 1);
    expect([...annen.personer.keys()].slice(2, 12)).not.toEqual([...pop.personer.keys()].slice(2, 12));
  });

  it('has every kind of person', () => {
    for (const k of Object.keys(KATEGORIER)) {
      expect(personerIKategori(k as keyof typeof KATEGORIER).length, k).toBeGreaterThan(0);
    }
  });

  it('uses only valid synthetic numbers (month + 80), D-numbers for the D-number holders, each once', () => {
    const ider = new Set<string>();
    for (const p of alle) {
      const s = sjekkIdentifikator(p.identifikator);
      expect(s.gyldig, p.identifikator).toBe(true);
      if (!s.gyldig) continue;
      expect(s.syntetisk).toBe(true);
      expect(s.type).toBe(p.kategori === 'D_NUMMER' ? 'D_NUMMER' : 'FOEDSELSNUMMER');
      // The birth date in Folkeregisteret is the one in the number.
      const dato = p.freg.foedsel?.[0]?.foedselsdato ?? '';
      expect(Number(dato.slice(5, 7)), p.identifikator).toBe(s.maaned);
      expect(Number(dato.slice(8, 10))).toBe(s.dag);
      expect(Number(dato.slice(2, 4))).toBe(s.aarhundreloestAar);
      ider.add(p.identifikator);
    }
    expect(ider.size).toBe(alle.length);
  });

  it('names persons Tenor-style: an adjective and a noun in capitals', () => {
    for (const p of alle) {
      const navn = p.freg.navn?.[0];
      expect(navn?.fornavn).toMatch(/^[A-ZÆØÅÉ]+$/);
      expect(navn?.etternavn).toMatch(/^[A-ZÆØÅÉ]+$/);
    }
  });

  it('answers with documents every schema accepts, with post names from the year’s catalogue', () => {
    for (const p of alle) {
      expect(fregPersonSkjema.safeParse(p.freg).success).toBe(true);
      for (const [aar, a] of p.aar) {
        const katalog = katalogFor(aar);
        for (const ssg of [a.oppgjoer, a.utkast]) {
          if (!ssg) continue;
          expect(summertSkattegrunnlagSkjema.safeParse(ssg).success, `${p.identifikator} ${aar}`).toBe(true);
          for (const g of ssg.grunnlag ?? []) {
            expect(katalog.har(g.tekniskNavn), `${aar}: ${g.tekniskNavn}`).toBe(true);
            expect(g.kategori).toBe(katalog.finn(g.tekniskNavn)?.kategori);
          }
        }
        if (a.beregnetSkatt) expect(beregnetSkattSkjema.safeParse(a.beregnetSkatt).success).toBe(true);
        if (a.avregning) expect(avregningSkjema.safeParse(a.avregning).success).toBe(true);
      }
    }
  });

  it('has sum posts that add up', () => {
    let sjekket = 0;
    for (const p of medData) {
      if (p.kategori === 'KS_EKSEMPEL' || p.kategori === 'ADRESSEBESKYTTELSE') continue;
      for (const aar of p.aar.keys()) {
        const sumInn = beloep(p, aar, 'sumInntekterIAlminneligInntektFoerFordelingsfradrag');
        const sumFra = beloep(p, aar, 'sumFradragIAlminneligInntekt') ?? 0;
        const alminnelig = beloep(p, aar, 'alminneligInntektFoerSaerfradrag') ?? 0;
        if (sumInn === undefined) continue;
        expect(sumInn - sumFra).toBe(alminnelig);
        sjekket++;
      }
    }
    expect(sjekket).toBeGreaterThan(1000);
  });

  it('covers incomes below 2 G and far above', () => {
    for (const p of personerIKategori('LAV_INNTEKT')) {
      for (const aar of p.aar.keys()) {
        const sum = beloep(p, aar, 'sumInntekterIAlminneligInntektFoerFordelingsfradrag') ?? 0;
        expect(sum, `${p.identifikator} ${aar}`).toBeLessThan(2 * gjennomsnittligGFor(aar));
      }
    }
    const hoey = personerIKategori('HOEY_INNTEKT').flatMap((p) =>
      [...p.aar.keys()].map(
        (aar) =>
          (beloep(p, aar, 'sumInntekterIAlminneligInntektFoerFordelingsfradrag') ?? 0) /
          gjennomsnittligGFor(aar),
      ),
    );
    expect(Math.min(...hoey)).toBeGreaterThan(10);
  });

  it('covers self-employment, gains and losses, dividends and debt interest', () => {
    const finnes = (navn: string) =>
      medData.some((p) => [...p.aar.keys()].some((aar) => (beloep(p, aar, navn) ?? 0) > 0));
    for (const navn of [
      'samletOverskuddAvEnkeltpersonforetakInnenAnnenNaering',
      'gevinstVedRealisasjonAvAksje',
      'tapVedRealisasjonAvAksje',
      'utbytteFraAksje',
      'samledePaaloepteRenterPaaGjeldIInnenlandskeBanker',
      'arbeidsavklaringspenger',
      'utgifterTilPassOgStellAvHjemmevaerendeBarn',
    ]) {
      expect(finnes(navn), navn).toBe(true);
    }
    // The pension post was renamed for 2023; both names occur, each in its own years.
    expect(finnes('samletPensjonFraFolketrygden')).toBe(true);
    expect(finnes('alderspensjonFraFolketrygden')).toBe(true);
  });

  it('has persons with only an utkast, persons without data for a year, and a removed year', () => {
    for (const p of personerIKategori('BARE_UTKAST')) {
      const a = p.aar.get(2025);
      expect(a?.utkast?.stadie).toBe('utkast');
      expect(a?.oppgjoer).toBeUndefined();
      expect(a?.beregnetSkatt).toBeUndefined();
    }
    for (const p of personerIKategori('NYLIG_INNFLYTTET')) {
      expect(p.aar.has(2019)).toBe(false);
      expect(p.aar.has(2025)).toBe(true);
    }
    expect(personerIKategori('SLETTET_AAR').every((p) => [...p.aar.values()].some((a) => a.slettet))).toBe(
      true,
    );
  });

  it('strips the answers of persons with adressebeskyttelse, as Skatteetaten does', () => {
    const skjermede = personerIKategori('ADRESSEBESKYTTELSE');
    expect(skjermede.length).toBeGreaterThanOrEqual(4);
    for (const p of skjermede) {
      expect(['fortrolig', 'strengtFortrolig']).toContain(p.freg.adressebeskyttelse?.[0]?.graderingsnivaa);
      for (const a of p.aar.values()) {
        expect(a.oppgjoer).toEqual({
          personidentifikator: p.identifikator,
          inntektsaar: a.oppgjoer?.inntektsaar,
          stadie: 'oppgjoer',
          skjermet: true,
        });
        expect(a.beregnetSkatt?.skjermet).toBe(true);
        expect(a.beregnetSkatt?.beregnetSkattFastland).toBeUndefined();
      }
    }
  });

  it('has families whose children are persons in Folkeregisteret, of kindergarten and school age', () => {
    const barn = personerIKategori('BARN');
    const alder2024 = barn.map((b) => 2024 - Number(b.freg.foedsel?.[0]?.foedselsdato?.slice(0, 4)));
    expect(alder2024.some((a) => a >= 1 && a <= 5)).toBe(true);
    expect(alder2024.some((a) => a >= 6 && a <= 12)).toBe(true);
    for (const b of barn) {
      expect(b.aar.size).toBe(0);
      for (const r of b.freg.familierelasjon ?? []) {
        const forelder = pop.personer.get(r.relatertPerson ?? '');
        expect(
          forelder?.freg.familierelasjon?.some(
            (x) => x.relatertPerson === b.identifikator && x.relatertPersonsRolle === 'barn',
          ),
        ).toBe(true);
      }
    }
    const antall = personerIKategori('FAMILIE_FORELDER').map(
      (f) => (f.freg.familierelasjon ?? []).filter((r) => r.relatertPersonsRolle === 'barn').length,
    );
    expect(new Set(antall)).toEqual(new Set([1, 2, 3]));
  });

  it('has couples married to each other, in both directions', () => {
    for (const p of personerIKategori('PAR_HJEMMEBOENDE_EKTEFELLE')) {
      const s = p.freg.sivilstand?.[0];
      const ektefelle = pop.personer.get(s?.relatertVedSivilstand ?? '');
      expect(ektefelle?.freg.sivilstand?.[0]?.relatertVedSivilstand).toBe(p.identifikator);
    }
  });

  it('has a small demo catalogue naming who is what', () => {
    const demo = demopersoner();
    expect(demo.slice(0, 2).map((d) => d.navn)).toEqual(['UPERSONLIG PÅFUNN', 'OPPRIKTIG DAMESYKKEL']);
    expect(new Set(demo.map((d) => d.kategori)).size).toBe(Object.keys(KATEGORIER).length - 1);
    for (const d of demo) expect(pop.personer.has(d.identifikator)).toBe(true);
  });
});
