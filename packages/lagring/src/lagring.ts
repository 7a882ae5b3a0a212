import { Valideringsfeil, valider } from '@inntektsgrunnlag/beregning';
import { TJENESTEOMRAADER, type Tjenesteomraade } from '@inntektsgrunnlag/tilgang';
import { z } from 'zod';
import { Arkivforsendelselager } from './arkivforsendelser.js';
import { Brukerlager, Gruppelager } from './brukere.js';
import {
  aapnePglite,
  aapnePostgres,
  type Database,
  type Databasemodus,
  type Sql,
  sjekkSkjemanavn,
} from './database.js';
import { seedDemodata } from './demodata.js';
import { Kildesystemlager } from './kildesystemer.js';
import { Klientlager } from './klienter.js';
import { Kommunesatslager } from './kommunesatser.js';
import { KsIntegrasjonslager } from './ksintegrasjoner.js';
import { migrer } from './migrering.js';
import { Revisjonslogg } from './revisjonslogg.js';
import { Rollelager } from './roller.js';
import { Scimkatalog } from './scim.js';
import { Innloggingsforsoeklager, Sesjonslager } from './sesjoner.js';
import {
  medEndringsteller,
  STANDARD_TILGANGSBUFFER_MS,
  Tilgangsbuffer,
  type Tilgangsbuffervalg,
} from './tilgangsbuffer.js';

/** The municipality's settings for storage; every one has a documented default. */
export const lagringsinnstillingerSkjema = z
  .object({
    revisjonslogg: z
      .object({
        oppbevaringAar: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(5)
          .describe(
            'Hvor mange år revisjonsloggen oppbevares før `beskjaer` sletter eldre poster. Kommunens beslutning (ingen fast lovbestemt frist funnet); standard 5 år.',
          ),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Lagringsinnstillinger = z.output<typeof lagringsinnstillingerSkjema>;

export interface Lagringsvalg {
  /** PostgreSQL connection string; when given, PostgreSQL is used. */
  databaseUrl?: string;
  /** Directory of the embedded database (PGlite). */
  dataKatalog?: string;
  /** Embedded database in memory (tests): nothing is kept. */
  iMinne?: boolean;
  /** Schema to use (default "public"); tests use one of their own per run. */
  skjema?: string;
  /** Seed the demo roles, users and clients (embedded mode only; default true there). */
  demodata?: boolean;
  /** Settings (see lagringsinnstillingerSkjema); raw, validated here. */
  innstillinger?: unknown;
  /** The areas roles are validated against (default: the built-in ones). */
  omraader?: readonly Tjenesteomraade[];
  /**
   * The in-memory cache of roles, API keys and users (docs/lagring.md). Every write through this
   * storage empties it. `levetidMs` bounds how long a write by another process can go unseen: default
   * unbounded on the embedded database (one process owns it), 0 (no cache) on PostgreSQL, where other
   * instances may write; 0 turns it off.
   */
  tilgangsbuffer?: Partial<Tilgangsbuffervalg>;
}

/** The storage: repositories over one database, migrated on open. */
export interface Lagring {
  readonly modus: Databasemodus;
  /** Embedded (PGlite) mode: demo data and demo keys are allowed only here. */
  readonly innebygd: boolean;
  readonly innstillinger: Lagringsinnstillinger;
  readonly roller: Rollelager;
  readonly brukere: Brukerlager;
  readonly grupper: Gruppelager;
  readonly klienter: Klientlager;
  readonly revisjonslogg: Revisjonslogg;
  /** SCIM source systems and their tokens (issue 13). */
  readonly kildesystemer: Kildesystemlager;
  /** Users and groups as the SCIM source systems provision them. */
  readonly scim: Scimkatalog;
  /** Sign-in sessions. */
  readonly sesjoner: Sesjonslager;
  /** KS Fiks integrations (issue 18): id, authorised organisation, roles, hashed password. */
  readonly ksIntegrasjoner: KsIntegrasjonslager;
  /** OIDC sign-ins in progress (state, nonce, PKCE verifier). */
  readonly innloggingsforsoek: Innloggingsforsoeklager;
  /** Sendings to the archive through Fiks Arkiv, and their Fiks IO messages (issue 21). */
  readonly arkivforsendelser: Arkivforsendelselager;
  /** The municipality's own rates and their approvals, append-only (issue 17 item 6). */
  readonly kommunesatser: Kommunesatslager;
  /** The migrations applied, in order. */
  migreringer(): Promise<Array<{ versjon: number; navn: string }>>;
  /** Raw SQL, for operations and tests; apps use the repositories. */
  readonly sql: Sql;
  lukk(): Promise<void>;
}

/**
 * Opens the storage: PostgreSQL when `databaseUrl` is given, else embedded PGlite in `dataKatalog`
 * (or in memory with `iMinne`). One of them must be given: the product never falls back to memory
 * on its own, because audit entries would be lost. Applies pending migrations, and in embedded
 * mode seeds the demo data. Throws Valideringsfeil for conflicting options, LagringFeil when the
 * database cannot be opened or reached.
 */
export async function aapneLagring(valg: Lagringsvalg): Promise<Lagring> {
  const kilder = [
    valg.databaseUrl ? 'databaseUrl' : null,
    valg.dataKatalog ? 'dataKatalog' : null,
    valg.iMinne ? 'iMinne' : null,
  ].filter((x) => x !== null);
  if (kilder.length !== 1) {
    throw new Valideringsfeil(
      [
        {
          felt: kilder.length === 0 ? '' : kilder.join(', '),
          melding:
            kilder.length === 0
              ? 'oppgi én av databaseUrl (PostgreSQL), dataKatalog (innebygd database) eller iMinne'
              : 'oppgi bare én av databaseUrl, dataKatalog og iMinne',
        },
      ],
      'Ugyldig lagringsoppsett',
    );
  }
  const innstillinger = valider(lagringsinnstillingerSkjema, valg.innstillinger ?? {}, ['lagring']);
  const skjema = sjekkSkjemanavn(valg.skjema ?? 'public');
  const db: Database = valg.databaseUrl
    ? await aapnePostgres(valg.databaseUrl, skjema)
    : await aapnePglite(valg.dataKatalog, skjema);
  try {
    await migrer(db);
    const innebygd = db.modus === 'PGLITE';
    const buffer = new Tilgangsbuffer({
      levetidMs:
        valg.tilgangsbuffer?.levetidMs ?? (innebygd ? Number.POSITIVE_INFINITY : STANDARD_TILGANGSBUFFER_MS),
      ...(valg.tilgangsbuffer?.klokke ? { klokke: valg.tilgangsbuffer.klokke } : {}),
    });
    // Every repository but the audit log writes through the counter, and so does raw SQL (`sql`).
    const tellende = medEndringsteller(db, buffer);
    const lagring: Lagring = {
      modus: db.modus,
      innebygd,
      innstillinger,
      roller: new Rollelager(tellende, valg.omraader ?? TJENESTEOMRAADER, buffer),
      brukere: new Brukerlager(tellende, buffer),
      grupper: new Gruppelager(tellende),
      klienter: new Klientlager(tellende, innebygd, buffer),
      revisjonslogg: new Revisjonslogg(db, innstillinger.revisjonslogg.oppbevaringAar),
      kildesystemer: new Kildesystemlager(tellende),
      scim: new Scimkatalog(tellende),
      sesjoner: new Sesjonslager(tellende),
      innloggingsforsoek: new Innloggingsforsoeklager(tellende),
      ksIntegrasjoner: new KsIntegrasjonslager(tellende, innebygd),
      arkivforsendelser: new Arkivforsendelselager(db),
      kommunesatser: new Kommunesatslager(db),
      async migreringer() {
        return (
          await db.query<{ versjon: number; navn: string }>(
            'SELECT versjon, navn FROM skjemamigreringer ORDER BY versjon',
          )
        ).map((r) => ({ versjon: Number(r.versjon), navn: r.navn }));
      },
      sql: tellende,
      lukk: () => db.lukk(),
    };
    if (innebygd && valg.demodata !== false) await seedDemodata(lagring);
    return lagring;
  } catch (e) {
    await db.lukk().catch(() => undefined);
    throw e;
  }
}
