/**
 * (c) input: requests without inline posts for persons of the embedded synthetic population with a
 * tax settlement for 2023, the three areas in turn, so every row is a lookup (fetched, minimised,
 * calculated and audited).
 *
 *   node --conditions=@inntektsgrunnlag/source --import tsx src/maal/oppslagsrader.ts <ut.jsonl> <antall>
 */
import { writeFileSync } from 'node:fs';
import { innebygdPopulasjon } from '@inntektsgrunnlag/kilder';

const [fil, antallTekst] = process.argv.slice(2) as [string, string];
const antall = Number(antallTekst);
const personer = [...innebygdPopulasjon().personer.values()].filter((p) => p.aar.get(2023)?.oppgjoer);
const TYPER = ['LANGTIDSOPPHOLD_INSTITUSJON', 'PRAKTISK_BISTAND', 'BARNEHAGE_SFO'] as const;
const rader: string[] = [];
for (let i = 0; i < antall; i++) {
  const p = personer[i % personer.length];
  if (!p) throw new Error('populasjonen har ingen personer med skatteoppgjør for 2023');
  const type = TYPER[i % TYPER.length] as (typeof TYPER)[number];
  rader.push(
    JSON.stringify({
      beregningstype: type,
      inntektsaar: 2023,
      beregningsdato: '2024-06-01',
      saksreferanse: `OPPSLAG-${i + 1}`,
      personer: [{ identifikator: p.identifikator, type: 'SOEKER' }],
      ...(type === 'BARNEHAGE_SFO'
        ? {
            vedtak: {
              barn: [
                {
                  tilbud: 'BARNEHAGE',
                  foedselsdato: '2023-03-01',
                  prisPerMaaned: 3000,
                  oppholdstimerPerUke: 41,
                },
              ],
            },
          }
        : {}),
    }),
  );
}
writeFileSync(fil, `${rader.join('\n')}\n`);
