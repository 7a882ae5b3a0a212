import {
  definisjonForAar,
  KATALOGAAR,
  katalogFor,
  posterUtenforKatalog,
} from '@inntektsgrunnlag/skattegrunnlag';
import { describe, expect, it } from 'vitest';
import {
  IKKE_MEDREGNET,
  MEDREGNEDE_INNTEKTSPOSTER,
  MULIG_OVERLAPP,
  POSTDEFINISJON,
  REALISASJON,
} from './index.js';

const AAR = KATALOGAAR.filter((a) => a >= POSTDEFINISJON.fraOgMedAar && a <= POSTDEFINISJON.tilOgMedAar);

describe('the post definition', () => {
  it('covers every income year 2017–2025', () => {
    expect(AAR).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('names only posts that exist in the catalogue of each year it names them for', () => {
    expect(posterUtenforKatalog(POSTDEFINISJON)).toEqual([]);
  });

  it.each(AAR)(
    'classifies every income post of %i: counted, a realisation, or deliberately left out',
    (aar) => {
      const uklassifisert = katalogFor(aar)
        .ssgPoster()
        .filter((p) => p.kategori === 'inntekt')
        .map((p) => p.tekniskNavn)
        .filter(
          (n) =>
            !MEDREGNEDE_INNTEKTSPOSTER.has(n) &&
            !REALISASJON.some((r) => r.tekniskNavn === n) &&
            IKKE_MEDREGNET[n] === undefined,
        );
      expect(uklassifisert).toEqual([]);
    },
  );

  it('never counts a post it also lists as a realisation or as left out', () => {
    const realisasjon = new Set(REALISASJON.map((p) => p.tekniskNavn));
    for (const n of MEDREGNEDE_INNTEKTSPOSTER) {
      expect(realisasjon.has(n), n).toBe(false);
      expect(IKKE_MEDREGNET[n], n).toBeUndefined();
    }
  });

  it('counts no oppjustering, no summary post and no wealth in the income', () => {
    for (const aar of AAR) {
      const katalog = katalogFor(aar);
      for (const g of definisjonForAar(POSTDEFINISJON, aar).inntekt) {
        for (const p of g.poster) {
          const info = katalog.finn(p.tekniskNavn);
          expect(p.tekniskNavn).not.toMatch(/^oppjustert/);
          if (info?.art === 'SUMMERT_SKATTEGRUNNLAG') {
            // Skatteetaten's 2017 list leaves the kategori out of some posts (the lønnstrekkordning, the
            // minstefradrag); for those, the kategori the same post has in 2018.
            const kategori =
              info.kategori ?? (aar === 2017 ? katalogFor(2018).finn(p.tekniskNavn)?.kategori : undefined);
            expect(['inntekt', 'inntektsfradrag'], `${aar} ${p.tekniskNavn}`).toContain(kategori);
          }
        }
      }
    }
  });

  it('counts only the resident in the basis; partner types only in the mellomregninger', () => {
    for (const g of [...POSTDEFINISJON.inntekt, ...POSTDEFINISJON.fradrag]) {
      expect(g.persontyper).toEqual(['SOEKER']);
    }
    const mellom = POSTDEFINISJON.mellomregninger ?? [];
    expect(mellom.filter((g) => g.persontyper.includes('EKTEFELLE')).map((g) => g.tekniskNavn)).toEqual([
      'tenktEtterlattePensjon',
      'mellomregningPaarorende',
    ]);
  });

  it('§ 5: the resident’s pensions (tredje ledd) and the partner’s folketrygd pension (andre ledd), year by year', () => {
    for (let aar = 2019; aar <= 2025; aar++) {
      const d = definisjonForAar(POSTDEFINISJON, aar);
      const navn = (g: string) =>
        [...d.inntekt, ...(d.mellomregninger ?? [])]
          .find((x) => x.tekniskNavn === g)
          ?.poster.map((p) => p.tekniskNavn) ?? [];
      const inntekt = new Set(navn('pensjonOgTrygdeytelser'));
      const pensjoner = navn('pensjonerBeboer');
      // Every pension of § 5 tredje ledd is counted as income the same year (a post of that year).
      expect(pensjoner.length, `${aar}`).toBeGreaterThan(15);
      for (const p of pensjoner) expect(inntekt.has(p), `${aar} ${p}`).toBe(true);
      // Pensions, not other benefits and not the child's pension.
      for (const ikke of [
        'supplerendeStoenad',
        'arbeidsavklaringspenger',
        'omstillingsstoenad',
        'barnepensjonFraFolketrygden',
        'introduksjonsstoenad',
      ])
        expect(pensjoner, `${aar} ${ikke}`).not.toContain(ikke);
      expect(pensjoner).toContain(
        aar < 2022 ? 'samletPensjonFraFolketrygden' : 'alderspensjonFraFolketrygden',
      );
      expect(pensjoner).toContain('samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg');
      expect(pensjoner).toContain('samletAvtalefestetPensjon');
      // The partner: work income and pension from folketrygden only, not tjenestepensjon, AFP or capital.
      const partner = navn('mellomregningPaarorende');
      expect(partner).toContain('samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt');
      expect(partner).toContain('etterlattepensjonFraFolketrygden');
      for (const ikke of [
        'samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg',
        'samletAvtalefestetPensjon',
        'alderspensjonFraIPAOgIPS',
        'samledeOpptjenteRenterIInnenlandskeBanker',
        'arbeidsavklaringspenger',
      ])
        expect(partner, `${aar} ${ikke}`).not.toContain(ikke);
    }
  });

  it('follows the renamed old-age pension from folketrygden across 2022', () => {
    const pensjon = (aar: number) =>
      definisjonForAar(POSTDEFINISJON, aar)
        .inntekt.find((g) => g.tekniskNavn === 'pensjonOgTrygdeytelser')
        ?.poster.map((p) => p.tekniskNavn);
    expect(pensjon(2021)).toContain('samletPensjonFraFolketrygden');
    expect(pensjon(2021)).not.toContain('alderspensjonFraFolketrygden');
    expect(pensjon(2023)).toContain('alderspensjonFraFolketrygden');
    expect(pensjon(2023)).not.toContain('samletPensjonFraFolketrygden');
  });

  it('names real, counted posts in every pair that may overlap', () => {
    const gjeldsrenter = POSTDEFINISJON.fradrag
      .find((g) => g.tekniskNavn === 'gjeldsrenter')
      ?.poster.map((p) => p.tekniskNavn);
    for (const { poster } of MULIG_OVERLAPP) {
      for (const n of poster) {
        expect(MEDREGNEDE_INNTEKTSPOSTER.has(n) || gjeldsrenter?.includes(n), n).toBe(true);
      }
    }
  });
});
