import type { Beregningsresultat } from '@inntektsgrunnlag/beregning';
import type { BeregningslinjeJson } from '@inntektsgrunnlag/regelverk';
import { ksLangtidsopphold2023 } from './ks-langtidsopphold-2023.js';

const SOEKER = '04817299771';
const PARTNER = '27847099416';

/**
 * A long result built on the KS fixture: `grupper` groups in the Beregningstabell, each a parent line
 * with three children (so keep-with-next is exercised), and `poster` visningsposter for both persons.
 * Amounts are distinct and large enough to carry thousands separators.
 */
export function langtResultat(grupper = 40, poster = 150): Beregningsresultat {
  const r = structuredClone(ksLangtidsopphold2023);
  const linjer: BeregningslinjeJson[] = [];
  for (let g = 0; g < grupper; g++) {
    linjer.push({
      tekst: `Gruppe ${g + 1} av inntekt med en lengre forklaring som må brytes over flere linjer i kolonnen`,
      operasjon: 'ADDERE',
      kilde: 'SKATTEETATEN',
      beloep: 3000 * (g + 1) + 1234,
      hjemmel: 'egenandelsforskriften § 3 fjerde ledd',
      linjer: [1, 2, 3].map((k) => ({
        tekst: `Post ${g + 1}.${k}`,
        operasjon: 'ADDERE' as const,
        kilde: 'SKATTEETATEN' as const,
        beloep: 1000 * (g + 1) + k,
        merknad:
          k === 2
            ? 'En merknad som forklarer hvorfor posten er med, og som er lang nok til å bryte.'
            : undefined,
      })),
    });
  }
  r.tabell = { tittel: r.tabell.tittel, linjer: [...linjer, ...r.tabell.linjer] };
  // Many posts in the INNTEKT group (a result has each display group once).
  r.visningsposter = r.visningsposter.map((g) =>
    g.kategori !== 'INNTEKT'
      ? g
      : {
          ...g,
          poster: [
            ...Array.from({ length: poster }, (_, i) => ({
              tekniskNavn: `kommune.testpost${i + 1}`,
              visningstekst: `Testpost nummer ${i + 1}`,
              beloep: 2 * (100000 + i),
              personer: [
                { identifikator: SOEKER, beloep: 100000 + i },
                { identifikator: PARTNER, beloep: 100000 + i },
              ],
            })),
            ...g.poster,
          ],
        },
  );
  return r;
}
