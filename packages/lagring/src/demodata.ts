import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import { type Rolle, TJENESTEOMRAADER } from '@inntektsgrunnlag/tilgang';
import type { Brukerlager } from './brukere.js';
import type { Klientlager } from './klienter.js';
import { KS_DEMO_ORGANISASJONSNUMMER, KS_DEMOINTEGRASJONER } from './ksdemo.js';
import type { KsIntegrasjonslager } from './ksintegrasjoner.js';
import type { Rollelager } from './roller.js';

export interface Demooppsett {
  rolle: Rolle;
  /** A demo case worker with the role (a synthetic, Tenor-style name: adjective + animal). */
  bruker: { id: string; visningsnavn: string };
  /** A demo integration client with the role; its key is public and works only in embedded mode. */
  klient: { id: string; navn: string; noekkel: string };
}

/**
 * The demo roles, users and clients seeded in embedded mode: one per area, named after it.
 * demo-langtidsopphold has avregning, so both sides of the avregning rule can be tried.
 */
export const DEMODATA: readonly Demooppsett[] = [
  {
    rolle: {
      id: 'demo-foreldrebetaling',
      navn: 'Demo: Foreldrebetaling SFO/barnehage',
      tjenesteomraade: 'FORELDREBETALING',
      avregning: false,
    },
    bruker: { id: 'demo-bruker-foreldrebetaling', visningsnavn: 'Nysgjerrig Ekorn (demo)' },
    klient: {
      id: 'demo-klient-foreldrebetaling',
      navn: 'Demo-fagsystem foreldrebetaling',
      noekkel: 'demo-foreldrebetaling',
    },
  },
  {
    rolle: {
      id: 'demo-praktisk-bistand',
      navn: 'Demo: Helse og omsorg, praktisk bistand',
      tjenesteomraade: 'PRAKTISK_BISTAND',
      avregning: false,
    },
    bruker: { id: 'demo-bruker-praktisk-bistand', visningsnavn: 'Tålmodig Oter (demo)' },
    klient: {
      id: 'demo-klient-praktisk-bistand',
      navn: 'Demo-fagsystem praktisk bistand',
      noekkel: 'demo-praktisk-bistand',
    },
  },
  {
    rolle: {
      id: 'demo-langtidsopphold',
      navn: 'Demo: Helse og omsorg, langtidsopphold institusjon',
      tjenesteomraade: 'LANGTIDSOPPHOLD',
      avregning: true,
    },
    bruker: { id: 'demo-bruker-langtidsopphold', visningsnavn: 'Rolig Hjort (demo)' },
    klient: {
      id: 'demo-klient-langtidsopphold',
      navn: 'Demo-fagsystem langtidsopphold',
      noekkel: 'demo-langtidsopphold',
    },
  },
];

/** The demo set-up of the area that serves a beregningstype (for the CLI's default role). */
export function demooppsettFor(beregningstype: Beregningstype | string): Demooppsett | undefined {
  const omraade = TJENESTEOMRAADER.find((o) =>
    (o.beregningstyper as readonly string[]).includes(beregningstype),
  );
  return omraade ? DEMODATA.find((d) => d.rolle.tjenesteomraade === omraade.id) : undefined;
}

/** Seeds the demo data; idempotent (what exists already is left as it is). */
export async function seedDemodata(l: {
  roller: Rollelager;
  brukere: Brukerlager;
  klienter: Klientlager;
  ksIntegrasjoner: KsIntegrasjonslager;
}) {
  for (const d of DEMODATA) {
    if (!(await l.roller.hent(d.rolle.id))) await l.roller.lagre(d.rolle, { demo: true });
    if (!(await l.brukere.hent(d.bruker.id))) await l.brukere.opprett(d.bruker, { demo: true });
    await l.brukere.tildelRolle(d.bruker.id, d.rolle.id);
    if (!(await l.klienter.hent(d.klient.id))) {
      await l.klienter.opprettDemo(
        { id: d.klient.id, navn: d.klient.navn, rolleId: d.rolle.id },
        d.klient.noekkel,
      );
    }
  }
  // The KS integrations of the demo roles (docs/api.md «KS Fiks-kompatible stier»), named like them.
  for (const d of KS_DEMOINTEGRASJONER) {
    if (!(await l.ksIntegrasjoner.hent(d.id))) {
      await l.ksIntegrasjoner.opprettDemo(
        { id: d.id, navn: d.navn, organisasjonsnummer: KS_DEMO_ORGANISASJONSNUMMER, roller: [d.rolleId] },
        d.passordHash,
        // A fixed time: the seed reads no clock, and the demo integrations are the same everywhere.
        { naa: new Date('2026-12-07T00:00:00Z') },
      );
    }
  }
}
