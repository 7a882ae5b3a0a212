import { innebygdPopulasjon } from './generator.js';
import { KATEGORIER, type Kategori, type Populasjon, type SyntetiskPerson } from './typer.js';

/** A person to try the product with: who they are and which years have data. */
export interface Demoperson {
  identifikator: string;
  navn: string;
  kategori: Kategori;
  kategoritekst: string;
  beskrivelse: string;
  /** Income years with a tax settlement. */
  aarMedOppgjoer: number[];
  /** Income years with a draft only. */
  aarMedBareUtkast: number[];
  /** The household, by identifier (spouse, children, parents). */
  husstand: string[];
}

function demo(p: SyntetiskPerson): Demoperson {
  const navn = p.freg.navn?.[0];
  const aar = [...p.aar.entries()].sort(([a], [b]) => a - b);
  return {
    identifikator: p.identifikator,
    navn: navn ? `${navn.fornavn} ${navn.etternavn}` : '',
    kategori: p.kategori,
    kategoritekst: KATEGORIER[p.kategori],
    beskrivelse: p.beskrivelse,
    aarMedOppgjoer: aar.filter(([, a]) => a.oppgjoer).map(([x]) => x),
    aarMedBareUtkast: aar.filter(([, a]) => a.utkast && !a.oppgjoer).map(([x]) => x),
    husstand: [...p.husstand],
  };
}

/**
 * A small catalogue of demo persons: the KS example's two, and the first one or two of every other
 * kind (couples and families with their household). Synthetic numbers only (month + 80).
 */
export function demopersoner(pop: Populasjon = innebygdPopulasjon()): Demoperson[] {
  const ut: Demoperson[] = [];
  const perKategori = new Map<Kategori, number>();
  for (const p of pop.personer.values()) {
    const n = perKategori.get(p.kategori) ?? 0;
    const maks = p.kategori === 'KS_EKSEMPEL' ? 2 : p.kategori === 'BARN' ? 0 : 1;
    if (n >= maks) continue;
    perKategori.set(p.kategori, n + 1);
    ut.push(demo(p));
  }
  return ut;
}

/** Every person of a kind (for tests and batch demos). */
export function personerIKategori(
  kategori: Kategori,
  pop: Populasjon = innebygdPopulasjon(),
): SyntetiskPerson[] {
  return [...pop.personer.values()].filter((p) => p.kategori === kategori);
}
