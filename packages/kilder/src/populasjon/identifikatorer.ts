import { kontrollsifre } from '@inntektsgrunnlag/person';
import type { Prng } from './prng.js';

/**
 * Synthetic fødselsnummer and D-nummer as Tenor issues them: the month + 80 ("En syntetisk testperson
 * «født» 01.11.2024 vil få 019124"), control digits computed after the 80 is added
 * (Skatteetaten/folkeregisteret-api-dokumentasjon, «Test for konsumenter»). D-nummer: day + 40.
 * Individnummer by century as for real numbers: 000–499 for 1900–1999, 500–999 for 2000–2039.
 * Never a real person's number: a real number never has a month above 12 + 40.
 */
export class Identifikatorfabrikk {
  private readonly brukt = new Set<string>();

  constructor(private readonly prng: Prng) {}

  /** A new unique synthetic number for a person born on `foedselsdato` (YYYY-MM-DD). */
  lag(foedselsdato: string, dNummer = false): string {
    const [aar, maaned, dag] = foedselsdato.split('-').map(Number) as [number, number, number];
    const dd = String(dag + (dNummer ? 40 : 0)).padStart(2, '0');
    const mm = String(maaned + 80).padStart(2, '0');
    const aa = String(aar % 100).padStart(2, '0');
    const [fra, til] = aar >= 2000 ? [500, 999] : [0, 499];
    for (let forsoek = 0; forsoek < 2000; forsoek++) {
      const individ = String(this.prng.heltall(fra, til)).padStart(3, '0');
      const ni = `${dd}${mm}${aa}${individ}`;
      const k = kontrollsifre(ni);
      if (!k) continue;
      const id = ni + k;
      if (this.brukt.has(id)) continue;
      this.brukt.add(id);
      return id;
    }
    throw new Error(`fant ikke et ledig syntetisk nummer for ${foedselsdato}`);
  }

  /** Reserves a number given from outside (the KS example's persons), so it is never issued twice. */
  reserver(id: string): void {
    this.brukt.add(id);
  }
}
