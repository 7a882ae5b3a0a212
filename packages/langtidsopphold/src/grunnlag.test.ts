import { Beloep } from '@inntektsgrunnlag/money';
import { Regelverk } from '@inntektsgrunnlag/regelverk';
import {
  evaluerBlokk,
  evaluerGruppe,
  type Gruppedefinisjon,
  type PersonMedPoster,
} from '@inntektsgrunnlag/skattegrunnlag';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grunnlag } from './grunnlag.js';
import { type Innstillinger, innstillingerSkjema } from './innstillinger.js';
import { GRUPPE, POSTDEFINISJON } from './postdefinisjon.js';
import { definisjonMedInnstillinger } from './regler/inntekt.js';
import { TABELLER } from './tabeller.js';
import { type Vedtak, vedtakSkjema } from './vedtak.js';

/*
 * grunnlag evaluates all its groups in one pass over each person's posts, on a definition cut once per
 * year and settings (issue 22). These hold it to what it did before: each group on its own, on a
 * definition cut for the case.
 */

const AAR = 2024;
const standard = innstillingerSkjema.parse({});
const innstillingerArb = fc
  .record({ formuesskattTrekkesFra: fc.boolean(), skattBetaltIUtlandetTrekkesFra: fc.boolean() })
  .map((i): Innstillinger => ({ ...standard, ...i }));

function finn(grupper: readonly Gruppedefinisjon[] | undefined, navn: string): Gruppedefinisjon {
  const g = grupper?.find((x) => x.tekniskNavn === navn);
  if (!g) throw new Error(navn);
  return g;
}

/** Every post name the definition's groups name for the year, so the posts land in the groups. */
const navn = (() => {
  const d = definisjonMedInnstillinger(POSTDEFINISJON, AAR, { ...standard, formuesskattTrekkesFra: true });
  const alle = [...d.inntekt, ...d.fradrag, ...(d.mellomregninger ?? [])].flatMap((g) =>
    g.poster.map((p) => p.tekniskNavn),
  );
  return [...new Set(alle), 'ukjent.post'];
})();

const poster = fc.array(
  fc.record({
    tekniskNavn: fc.constantFrom(...navn),
    beloep: fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((o) => Beloep.oere(o)),
  }),
  { maxLength: 25 },
);

const personer = fc
  .tuple(poster, fc.option(poster, { nil: undefined }))
  .map(([s, p]): PersonMedPoster[] => [
    { identifikator: '05873810086', type: 'SOEKER', poster: s },
    ...(p ? [{ identifikator: '12834010060', type: 'EKTEFELLE' as const, poster: p }] : []),
  ]);

const regelverk = Regelverk.av(TABELLER);
const vedtak: Vedtak = vedtakSkjema.parse({});

describe('the income basis', () => {
  it('has every group as evaluated on its own, on the definition cut for the case', () => {
    fc.assert(
      fc.property(personer, innstillingerArb, (pers, innst) => {
        const r = grunnlag({
          inntektsaar: AAR,
          beregningsdato: '2024-06-01',
          beregningsdatoOppgitt: true,
          personer: pers,
          vedtak,
          innstillinger: innst,
          oppslag: regelverk.nyttOppslag(),
        });
        // The old way: one evaluation per group, each indexing the persons' posts again.
        const d = definisjonMedInnstillinger(POSTDEFINISJON, AAR, innst);
        const enkelt = (blokk: readonly Gruppedefinisjon[] | undefined, n: string) =>
          evaluerGruppe(finn(blokk, n), pers, AAR);
        expect(r.inntekt).toStrictEqual(evaluerBlokk(d.inntekt, pers, AAR));
        expect(r.mellomregninger).toStrictEqual([
          enkelt(d.mellomregninger, GRUPPE.tenktEtterlattePensjon),
          enkelt(d.mellomregninger, GRUPPE.partnerArbeidOgPensjon),
          enkelt(d.mellomregninger, GRUPPE.pensjonerParagraf5),
          enkelt(d.mellomregninger, GRUPPE.boutgifterPerMaaned),
          enkelt(d.mellomregninger, GRUPPE.realisasjon),
        ]);
        const [skatt, renter] = r.fradrag.grupper;
        expect(skatt).toStrictEqual(enkelt(d.fradrag, GRUPPE.skatt));
        expect(renter).toStrictEqual(enkelt(d.fradrag, GRUPPE.gjeldsrenter));
        expect(r.fradrag.grupper.at(-1)).toStrictEqual(enkelt(d.fradrag, GRUPPE.skjoenn));
      }),
      { numRuns: 150 },
    );
  });
});

describe('definisjonMedInnstillinger', () => {
  it('gives the same definition for the same year and settings, cut as the settings say', () => {
    fc.assert(
      fc.property(innstillingerArb, innstillingerArb, (a, b) => {
        const da = definisjonMedInnstillinger(POSTDEFINISJON, AAR, a);
        const db = definisjonMedInnstillinger(POSTDEFINISJON, AAR, b);
        const sammeValg =
          a.formuesskattTrekkesFra === b.formuesskattTrekkesFra &&
          a.skattBetaltIUtlandetTrekkesFra === b.skattBetaltIUtlandetTrekkesFra;
        expect(da === db).toBe(sammeValg);
        if (!sammeValg) expect(da).not.toStrictEqual(db);
      }),
    );
  });
});
