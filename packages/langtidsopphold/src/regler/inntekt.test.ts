import { describe, expect, it } from 'vitest';
import { innstillingerSkjema } from '../innstillinger.js';
import { BEREGNET_SKATT, beregn, gruppe } from '../testhjelp.js';
import { skattepostene } from './inntekt.js';

const FORMUE_K = '/beregnetSkattFastland/skattOgAvgift/formuesskattTilKommune/beloep';
const FORMUE_S = '/beregnetSkattFastland/skattOgAvgift/formuesskattTilStat/beloep';
const UTLAND_F = '/beregnetSkattFastland/skattefradrag/skattefradragForFormuesskattBetaltIUtlandet';
const UTLAND_I = '/beregnetSkattFastland/skattefradrag/skattefradragForInntektsskattBetaltIUtlandet';

describe('the tax deducted (§ 3 fjerde ledd)', () => {
  // Beregnet skatt 100 000 = income tax 95 000 + wealth tax 8 000 − credits 2 000 (income) − 1 000 (wealth).
  const soeker = {
    alderspensjonFraFolketrygden: 400_000,
    [BEREGNET_SKATT]: 100_000,
    [FORMUE_K]: 3_000,
    [FORMUE_S]: 5_000,
    [UTLAND_F]: 1_000,
    [UTLAND_I]: 2_000,
  };
  const skatt = (innst: unknown) => gruppe(beregn({ soeker }, innst).resultat.fradrag, 'skatt');

  it('is Norwegian income tax by default: wealth tax (with its credit) out, tax abroad not added', () => {
    expect(skatt({})).toBe(93_000);
  });

  it('keeps wealth tax in when the municipality deducts it', () => {
    expect(skatt({ formuesskattTrekkesFra: true })).toBe(100_000);
  });

  it('adds income tax paid abroad when the municipality deducts it', () => {
    expect(skatt({ skattBetaltIUtlandetTrekkesFra: true })).toBe(95_000);
    expect(skatt({ skattBetaltIUtlandetTrekkesFra: true, formuesskattTrekkesFra: true })).toBe(103_000);
  });

  it('names the posts that apply under each setting', () => {
    const standard = skattepostene(innstillingerSkjema.parse({}));
    expect([...standard].sort()).toEqual(
      [
        BEREGNET_SKATT,
        FORMUE_K,
        FORMUE_S,
        UTLAND_F,
        'kommune.skattPaaRealisasjonsgevinst',
        'kommune.skattefordelAvRealisasjonstap',
      ].sort(),
    );
  });

  it('deducts the resident’s debt interest, not the partner’s', () => {
    const { resultat } = beregn({
      soeker: {
        alderspensjonFraFolketrygden: 300_000,
        samledePaaloepteRenterPaaGjeldIInnenlandskeBanker: 7_000,
      },
      partner: {
        poster: { samledePaaloepteRenterPaaGjeldIInnenlandskeBanker: 9_000 },
        ekstra: { 'kommune.tenktEtterlattePensjon': 0 },
      },
    });
    expect(gruppe(resultat.fradrag, 'gjeldsrenter')).toBe(7_000);
    // With a spouse at home § 5 tredje ledd also deducts half the pension: 300 000 − 7 000 − 150 000.
    expect(gruppe(resultat.fradrag, 'halvpartenAvPensjonene')).toBe(150_000);
    expect(resultat.beregningsbeloep).toBe(143_000);
  });
});

describe('gains and losses on realisation (Sivilombudet 17.11.2025)', () => {
  it('keeps a gain out of the income and asks for the tax on it', () => {
    const { resultat } = beregn({
      soeker: {
        alderspensjonFraFolketrygden: 300_000,
        gevinstVedRealisasjonAvAksje: 50_000,
        [BEREGNET_SKATT]: 70_000,
      },
    });
    expect(resultat.inntekt.beloep).toBe(300_000);
    expect(resultat.mellomregninger.find((g) => g.tekniskNavn === 'gevinstOgTapVedRealisasjon')?.beloep).toBe(
      50_000,
    );
    const advarsel = resultat.advarsler.find((a) => a.kode === 'REALISASJON_SKATTEEFFEKT_MANGLER');
    expect(advarsel?.melding).toMatch(/Gevinst ved salg av aksjer.*kommune\.skattPaaRealisasjonsgevinst/);
  });

  it('takes the tax on a gain out of the tax deducted, and adds back the tax benefit of a loss', () => {
    const gevinst = beregn({
      soeker: {
        alderspensjonFraFolketrygden: 300_000,
        gevinstVedRealisasjonAvAksje: 50_000,
        [BEREGNET_SKATT]: 70_000,
      },
      soekerEkstra: { 'kommune.skattPaaRealisasjonsgevinst': 11_000 },
    }).resultat;
    expect(gruppe(gevinst.fradrag, 'skatt')).toBe(59_000);
    expect(gevinst.beregningsbeloep).toBe(241_000);
    expect(gevinst.advarsler.map((a) => a.kode)).toContain('REALISASJON_HOLDT_UTENFOR');

    // The Stavanger case: a currency loan loss lowered the tax; the tax is counted as without the loss.
    const tap = beregn({
      soeker: { alderspensjonFraFolketrygden: 300_000, tapValutalaan: 287_101, [BEREGNET_SKATT]: 10_000 },
      soekerEkstra: { 'kommune.skattefordelAvRealisasjonstap': 63_162 },
    }).resultat;
    expect(tap.inntekt.beloep).toBe(300_000);
    expect(gruppe(tap.fradrag, 'skatt')).toBe(73_162);
  });

  it('warns about a tax adjustment without any gain or loss', () => {
    const { resultat } = beregn({
      soeker: { alderspensjonFraFolketrygden: 300_000 },
      soekerEkstra: { 'kommune.skattPaaRealisasjonsgevinst': 1_000 },
    });
    expect(resultat.advarsler.map((a) => a.kode)).toContain('SKATTEJUSTERING_UTEN_REALISASJON');
  });
});

describe('posts left out, and posts that may overlap', () => {
  it('does not count the oppjustering of dividends, and warns about lottery winnings and unclear posts', () => {
    const { resultat } = beregn({
      soeker: {
        utbytteFraAksje: 27_493,
        oppjustertTilleggTilUtbytteFraAksje: 19_795,
        skattepliktigTilfeldigInntektFraSpillLotteriMv: 5_000,
        renteinntektAvSkadeforsikring: 2_234,
      },
    });
    expect(resultat.inntekt.beloep).toBe(27_493);
    const koder = resultat.advarsler.map((a) => a.kode);
    expect(koder).toContain('IKKE_INNTEKT');
    expect(koder).toContain('INNTEKT_MAA_VURDERES');
  });

  it('lets the case worker add income they judge to count', () => {
    const { resultat } = beregn({
      soeker: { alderspensjonFraFolketrygden: 100_000 },
      soekerEkstra: { 'kommune.annenDokumentertInntekt': 2_234 },
    });
    expect(resultat.beregningsbeloep).toBe(102_234);
  });

  it('warns when both names of a renamed post are present', () => {
    const { resultat } = beregn({
      inntektsaar: 2022,
      soeker: { samletPensjonFraFolketrygden: 200_000, alderspensjonFraFolketrygden: 200_000 },
    });
    expect(resultat.advarsler.find((a) => a.kode === 'MULIG_DOBBELTTELLING')?.melding).toMatch(/2022/);
  });

  it('says the vederlag is provisional when the settlement is for an earlier year', () => {
    const koder = (aar: number) =>
      beregn({ inntektsaar: aar, soeker: { alderspensjonFraFolketrygden: 1 } }).resultat.advarsler.map(
        (a) => a.kode,
      );
    expect(koder(2023)).toContain('FORELOEPIG_VEDERLAG');
    expect(koder(2024)).not.toContain('FORELOEPIG_VEDERLAG');
  });
});
