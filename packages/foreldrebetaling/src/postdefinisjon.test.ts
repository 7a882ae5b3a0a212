import { katalogFor, posterUtenforKatalog } from '@inntektsgrunnlag/skattegrunnlag';
import { describe, expect, it } from 'vitest';
import {
  IKKE_MEDREGNET,
  PERSONINNTEKT_POSTER,
  POSTDEFINISJON,
  postnavnForAar,
  UKATEGORISERTE_INNTEKTSPOSTER,
} from './index.js';

const AAR = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const INNTEKTSKATEGORIER = new Set(['inntekt', 'oppjusteringAvEierinntekter']);

function ikkeMedregnet(aar: number): Set<string> {
  return new Set(
    IKKE_MEDREGNET.filter((p) => aar >= p.fraOgMedAar && aar <= p.tilOgMedAar).map((p) => p.tekniskNavn),
  );
}

describe('post definition of BARNEHAGE_SFO', () => {
  it('names only posts that exist in each year’s catalogue', () => {
    expect(posterUtenforKatalog(POSTDEFINISJON)).toEqual([]);
  });

  for (const aar of AAR) {
    it(`${aar}: every income post of the catalogue is either counted or excluded with a reason, never both`, () => {
      const tellende = postnavnForAar(aar);
      const utelatt = ikkeMedregnet(aar);
      const inntektsposter = katalogFor(aar)
        .ssgPoster()
        .filter(
          (p) =>
            INNTEKTSKATEGORIER.has(p.kategori ?? '') || UKATEGORISERTE_INNTEKTSPOSTER.includes(p.tekniskNavn),
        )
        .map((p) => p.tekniskNavn);
      // Skatteetaten's 2017 list gives fewer posts a kategori (80 with «inntekt»): the floor only guards
      // against an empty list.
      expect(inntektsposter.length).toBeGreaterThan(aar === 2017 ? 70 : 100);
      const uklassifisert = inntektsposter.filter((n) => !tellende.has(n) && !utelatt.has(n));
      expect(uklassifisert).toEqual([]);
      expect([...tellende].filter((n) => utelatt.has(n))).toEqual([]);
      for (const n of utelatt) expect(katalogFor(aar).har(n), `${aar} ${n}`).toBe(true);
    });
  }

  it('counts no deduction, no tax-multiplier (oppjustering) and no business surplus twice', () => {
    expect(POSTDEFINISJON.fradrag).toEqual([]);
    for (const aar of AAR) {
      const tellende = [...postnavnForAar(aar)];
      expect(tellende.filter((n) => n.startsWith('oppjustertTillegg'))).toEqual([]);
      expect(tellende.filter((n) => /^(samlet)?[Oo]verskuddAv(Enkeltpersonforetak|SDF)/.test(n))).toEqual([]);
      expect(tellende).not.toContain('skjermingsfradrag');
      expect(tellende).toContain('samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt');
      expect(tellende).toContain('samledeOpptjenteRenterIInnenlandskeBanker');
    }
  });

  it('counts the applicant and the partner, in every group', () => {
    for (const g of POSTDEFINISJON.inntekt) {
      expect([...g.persontyper].sort()).toEqual(['EKTEFELLE', 'PARTNER', 'SAMBOER', 'SOEKER']);
    }
  });

  it('does not count the same «other interest» twice in 2019, when Skatteetaten lists it under two names', () => {
    expect(postnavnForAar(2019).has('samletAnnenRenteinntekt')).toBe(true);
    expect(postnavnForAar(2019).has('samledeAndreOpptjenteRenter')).toBe(false);
    expect(postnavnForAar(2020).has('samledeAndreOpptjenteRenter')).toBe(true);
    expect(postnavnForAar(2020).has('samletAnnenRenteinntekt')).toBe(false);
  });

  it('lists as uncategorised only posts Skatteetaten gives no income kategori in some year', () => {
    for (const navn of UKATEGORISERTE_INNTEKTSPOSTER) {
      const utenKategori = AAR.filter((a) => {
        const post = katalogFor(a)
          .ssgPoster()
          .find((p) => p.tekniskNavn === navn);
        return post !== undefined && !INNTEKTSKATEGORIER.has(post.kategori ?? '');
      });
      expect(utenKategori.length, navn).toBeGreaterThan(0);
    }
  });

  it('counts what § 3d tredje ledd names and nothing skatteloven § 12-2 b takes out of personinntekt', () => {
    // «Som personinntekt regnes likevel ikke barnepensjon til barn som ikke er fylt 17 år … og etterlønn og
    // etterpensjon etter § 5-40 første ledd»; underholdsbidrag is neither personinntekt nor kapitalinntekt.
    for (const aar of AAR) {
      const tellende = postnavnForAar(aar);
      for (const navn of [
        'samletBarnepensjonOgLivrenteTilBarn',
        'skattepliktigEtterloennOgEtterpensjon',
        'underholdsbidragFraTidligereEktefelle',
        'samledeOpptjenteRenterIUtlandet',
      ]) {
        expect(tellende.has(navn), `${aar} ${navn}`).toBe(false);
      }
    }
    expect(PERSONINNTEKT_POSTER.map((p) => p.tekniskNavn)).toContain('barnepensjonFraFolketrygden');
    expect(postnavnForAar(2019).has('utbytteFraAksjesparekonto')).toBe(true);
    expect(postnavnForAar(2020).has('utbytteFraAksjesparekonto')).toBe(false);
    expect(POSTDEFINISJON.kilde.hjemmel).toBe('forskrift om foreldrebetaling i barnehager § 3d tredje ledd');
  });
});
