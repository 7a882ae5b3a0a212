import { leggTilDager } from './dato.js';
import type { Parametertabell } from './tabell.js';

/**
 * Walks every day of a table's coverage and reports each day on which not exactly one value applies,
 * plus the days just outside coverage if they do not fail. An empty list means the table is sound.
 * (After Catala's `tests_couverture_temporelle`.)
 */
export function dekningsfeil(tabell: Parametertabell<unknown>): string[] {
  const feil: string[] = [];
  for (let dag = tabell.dekketFra; dag <= tabell.dekketTil; dag = leggTilDager(dag, 1)) {
    const antall = tabell.gjeldendeVerdier(dag).length;
    if (antall !== 1) feil.push(`${tabell.navn}: ${antall} verdier gjelder ${dag}`);
    else if (tabell.verdiPaa(dag) !== tabell.gjeldendeVerdier(dag)[0]) {
      feil.push(`${tabell.navn}: verdiPaa(${dag}) valgte en annen verdi enn perioden tilsier`);
    }
  }
  for (const utenfor of [leggTilDager(tabell.dekketFra, -1), leggTilDager(tabell.dekketTil, 1)]) {
    try {
      tabell.verdiPaa(utenfor);
      feil.push(`${tabell.navn}: ${utenfor} er utenfor dekningen, men ga en verdi`);
    } catch {
      // expected: outside coverage
    }
  }
  return feil;
}
