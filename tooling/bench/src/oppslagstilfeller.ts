import { innebygdPopulasjon } from '@inntektsgrunnlag/kilder';

const TYPER = ['LANGTIDSOPPHOLD_INSTITUSJON', 'PRAKTISK_BISTAND', 'BARNEHAGE_SFO'] as const;

/**
 * Requests without inline posts for persons of the embedded synthetic population with a tax
 * settlement for 2023, the three areas in turn, so every row is a lookup (fetched, minimised,
 * calculated and audited). As JSON Lines rows, in order.
 */
export function oppslagstilfeller(antall: number): string[] {
  const personer = [...innebygdPopulasjon().personer.values()].filter((p) => p.aar.get(2023)?.oppgjoer);
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
  return rader;
}
