import { BEREGNINGSTYPER, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { type Rolle, TJENESTEOMRAADER, vurderTilgang } from '@inntektsgrunnlag/tilgang';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aapneLagring, hashNoekkel, type Lagring, LagringFeil, type NyRevisjonspost } from './index.js';
import {
  pgliteBase,
  postgresBase,
  postgresSvarer,
  slettSkjema,
  TEST_DATABASE_URL,
  type Testbase,
  unikSkjemanavn,
} from './testbaser.js';

const pgStatus = await postgresSvarer();
if (!pgStatus.ok) {
  // Visible in the test output: the PostgreSQL variant is skipped only because the server is not there.
  console.warn(
    `\n[lagring] MERK: PostgreSQL-varianten av lagringstestene HOPPES OVER: ${TEST_DATABASE_URL} svarer ikke (${pgStatus.grunn}).\n`,
  );
}

const BASER: Array<{ base: Testbase; med: boolean }> = [
  { base: pgliteBase(), med: true },
  { base: postgresBase(), med: pgStatus.ok },
];

/** Written out independently of TJENESTEOMRAADER (docs/arkitektur.md). */
const FORVENTET_OMRAADE: Record<string, string> = {
  BARNEHAGE_SFO: 'FORELDREBETALING',
  PRAKTISK_BISTAND: 'PRAKTISK_BISTAND',
  LANGTIDSOPPHOLD_INSTITUSJON: 'LANGTIDSOPPHOLD',
};

const SOEKER = '04817299771';
const PARTNER = '27847099416';
const ANNEN = '02013299997';

function oppslag(over: Partial<NyRevisjonspost> = {}): NyRevisjonspost {
  return {
    tidspunkt: new Date('2026-11-27T09:00:00.000Z'),
    aktoer: { type: 'BRUKER', id: 'kari', visningsnavn: 'Kari Saksbehandler' },
    rolleId: 'sykehjem',
    tjenesteomraade: 'LANGTIDSOPPHOLD',
    beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    saksreferanse: '2026/4711',
    identifikatorer: [SOEKER, PARTNER],
    inntektsaar: 2024,
    utfall: 'TILLATT',
    ...over,
  };
}

/** Bypasses the append-only trigger, as someone with direct database access could. */
async function endreDirekte(l: Lagring, sql: string): Promise<void> {
  await l.sql.exec(`ALTER TABLE revisjonslogg DISABLE TRIGGER revisjonslogg_kun_tillegg;
    ${sql};
    ALTER TABLE revisjonslogg ENABLE TRIGGER revisjonslogg_kun_tillegg;`);
}

for (const { base, med } of BASER) {
  describe.skipIf(!med)(`lagring på ${base.navn}`, () => {
    let l: Lagring;
    beforeAll(async () => {
      l = await base.aapne({ demodata: false });
    });
    afterAll(() => base.rydd());

    it('has applied the migrations in order and recorded them', async () => {
      expect(await l.migreringer()).toEqual([
        { versjon: 1, navn: 'grunnskjema' },
        { versjon: 2, navn: 'scim_og_sesjoner' },
        { versjon: 3, navn: 'revisjonslogg_vern_uten_search_path' },
        { versjon: 4, navn: 'ks_integrasjoner' },
        { versjon: 5, navn: 'revisjonslogg_idempotens' },
        { versjon: 6, navn: 'kommunesatser' },
        { versjon: 7, navn: 'arkivforsendelser' },
        { versjon: 9, navn: 'kildeplasser' },
      ]);
      expect(l.modus).toBe(base.navn === 'PGlite' ? 'PGLITE' : 'POSTGRES');
      expect(l.innebygd).toBe(base.navn === 'PGlite');
      expect(l.innstillinger.revisjonslogg.oppbevaringAar).toBe(5);
    });

    describe('roles, users, groups', () => {
      it('saves and reads roles, and refuses a bad one naming the field', async () => {
        await l.roller.lagre({
          id: 'sykehjem',
          navn: 'Sykehjem',
          tjenesteomraade: 'LANGTIDSOPPHOLD',
          avregning: true,
        });
        await l.roller.lagre({ id: 'hjemmehjelp', navn: 'Hjemmehjelp', tjenesteomraade: 'PRAKTISK_BISTAND' });
        expect(await l.roller.hent('sykehjem')).toEqual({
          id: 'sykehjem',
          navn: 'Sykehjem',
          tjenesteomraade: 'LANGTIDSOPPHOLD',
          avregning: true,
        });
        await expect(
          l.roller.lagre({ id: 'sfo', navn: 'SFO', tjenesteomraade: 'FORELDREBETALING', avregning: true }),
        ).rejects.toThrow(/rolle\.avregning/);
        expect(await l.roller.hent('sfo')).toBeNull();
      });

      it('gives a user the roles given directly and those conferred by its groups', async () => {
        await l.brukere.opprett({ id: 'kari', visningsnavn: 'Kari Saksbehandler', foedselsnummer: ANNEN });
        await l.brukere.tildelRolle('kari', 'hjemmehjelp');
        await l.grupper.opprett({ id: 'omsorg', navn: 'Omsorg', kildesystem: 'entra', eksternId: 'g-1' });
        await l.grupper.leggTilMedlem('omsorg', 'kari');
        await l.grupper.tildelRolle('omsorg', 'sykehjem');
        expect(await l.brukere.effektiveRoller('kari')).toEqual(['hjemmehjelp', 'sykehjem']);
        expect(await l.brukere.aktoer('kari')).toEqual({
          type: 'BRUKER',
          id: 'kari',
          visningsnavn: 'Kari Saksbehandler',
          aktiv: true,
          roller: ['hjemmehjelp', 'sykehjem'],
        });
        expect((await l.brukere.finnMedFoedselsnummer(ANNEN))?.id).toBe('kari');
        expect(await l.grupper.medlemmer('omsorg')).toEqual(['kari']);
        await l.grupper.fjernMedlem('omsorg', 'kari');
        expect(await l.brukere.effektiveRoller('kari')).toEqual(['hjemmehjelp']);
        await l.grupper.leggTilMedlem('omsorg', 'kari');
      });

      it('finds users by SCIM externalId and refuses duplicates and unknown references', async () => {
        await l.brukere.opprett({ id: 'ola', visningsnavn: 'Ola', kildesystem: 'entra', eksternId: 'u-1' });
        expect((await l.brukere.finnMedEksternId('entra', 'u-1'))?.id).toBe('ola');
        expect(await l.brukere.finnMedEksternId(null, 'u-1')).toBeNull();
        await expect(
          l.brukere.opprett({ visningsnavn: 'Ola 2', kildesystem: 'entra', eksternId: 'u-1' }),
        ).rejects.toThrow(Valideringsfeil);
        await expect(l.brukere.tildelRolle('ola', 'finnes-ikke')).rejects.toThrow(/finnes ikke/);
        await expect(l.brukere.opprett({ visningsnavn: 'X', foedselsnummer: '12345678901' })).rejects.toThrow(
          /bruker\.foedselsnummer/,
        );
        expect(await l.brukere.aktoer('finnes-ikke')).toBeNull();
      });

      it('lets a deactivated user do nothing', async () => {
        await l.brukere.settAktiv('ola', false);
        await l.brukere.tildelRolle('ola', 'hjemmehjelp');
        const v = vurderTilgang({
          aktoer: await l.brukere.aktoer('ola'),
          rolleId: 'hjemmehjelp',
          beregningstype: 'PRAKTISK_BISTAND',
          roller: await l.roller.alle(),
        });
        expect(v).toMatchObject({ tillatt: false, kode: 'AKTOER_INAKTIV' });
      });

      it('runs every stored role against every beregningstype: only the matching ones succeed', async () => {
        const roller: Rolle[] = [];
        for (const o of TJENESTEOMRAADER) {
          const rolle = await l.roller.lagre({
            id: `alle-${o.id.toLowerCase().replace(/_/g, '-')}`,
            navn: o.navn,
            tjenesteomraade: o.id,
          });
          const bruker = await l.brukere.opprett({ visningsnavn: `Bruker ${o.navn}` });
          await l.brukere.tildelRolle(bruker.id, rolle.id);
          roller.push(rolle);
          const aktoer = await l.brukere.aktoer(bruker.id);
          for (const type of BEREGNINGSTYPER) {
            const v = vurderTilgang({
              aktoer,
              rolleId: rolle.id,
              beregningstype: type,
              roller: await l.roller.alle(),
            });
            expect(v.tillatt, `${rolle.id} × ${type}`).toBe(FORVENTET_OMRAADE[type] === o.id);
            if (!v.tillatt) expect(v.kode).toBe('FEIL_TJENESTEOMRAADE');
          }
        }
        expect(roller).toHaveLength(3);
      });
    });

    describe('integration clients', () => {
      it('stores only the hash of the key, authenticates with it, and stops the old key on rotation', async () => {
        const { klient, noekkel } = await l.klienter.opprett({
          id: 'gerica',
          navn: 'Gerica',
          rolleId: 'sykehjem',
        });
        expect(noekkel).toMatch(/^ig_[A-Za-z0-9_-]{43}$/);
        const lagret = await l.sql.query<{ noekkel_hash: string }>(
          'SELECT noekkel_hash FROM klienter WHERE id = $1',
          ['gerica'],
        );
        expect(lagret[0]?.noekkel_hash).toBe(hashNoekkel(noekkel));
        expect(JSON.stringify(await l.sql.query('SELECT * FROM klienter'))).not.toContain(noekkel);

        const a = await l.klienter.autentiser(noekkel);
        expect(a).toEqual({
          ok: true,
          klient,
          aktoer: { type: 'KLIENT', id: 'gerica', visningsnavn: 'Gerica', aktiv: true, roller: ['sykehjem'] },
        });
        expect(await l.klienter.autentiser(`${noekkel}x`)).toEqual({ ok: false, kode: 'AKTOER_UKJENT' });
        expect(await l.klienter.autentiser('')).toEqual({ ok: false, kode: 'AKTOER_UKJENT' });

        const ny = await l.klienter.roterNoekkel('gerica');
        expect(ny).not.toBe(noekkel);
        expect((await l.klienter.autentiser(noekkel)).ok).toBe(false);
        expect((await l.klienter.autentiser(ny as string)).ok).toBe(true);

        await l.klienter.settAktiv('gerica', false);
        const inaktiv = await l.klienter.autentiser(ny as string);
        expect(inaktiv.ok && inaktiv.aktoer.aktiv).toBe(false);
      });

      it('refuses a client for an unknown role, and deleting a role a client is bound to', async () => {
        await expect(l.klienter.opprett({ navn: 'X', rolleId: 'finnes-ikke' })).rejects.toThrow(
          /klient\.rolleId/,
        );
        await expect(l.roller.slett('sykehjem')).rejects.toThrow(/integrasjonsklient/);
      });

      it('accepts a demo key only in embedded mode', async () => {
        if (l.innebygd) {
          await l.roller.lagre({ id: 'demo-x', navn: 'Demo', tjenesteomraade: 'PRAKTISK_BISTAND' });
          await l.klienter.opprettDemo({ id: 'demo-x', navn: 'Demo', rolleId: 'demo-x' }, 'demo-x-noekkel');
          expect((await l.klienter.autentiser('demo-x-noekkel')).ok).toBe(true);
        } else {
          await expect(
            l.klienter.opprettDemo({ navn: 'Demo', rolleId: 'sykehjem' }, 'demo-x-noekkel'),
          ).rejects.toThrow(/innebygd/);
          // A demo client that reached a production database (e.g. a copied demo database) is still refused.
          await l.sql.query(
            "INSERT INTO klienter (id, navn, rolle_id, noekkel_hash, demo) VALUES ('demo-langtidsopphold', 'Demo', 'sykehjem', $1, true)",
            [hashNoekkel('demo-langtidsopphold')],
          );
          expect(await l.klienter.autentiser('demo-langtidsopphold')).toEqual({
            ok: false,
            kode: 'DEMONOEKKEL_AVVIST',
          });
        }
      });
    });

    describe('revisjonslogg', () => {
      it('appends entries with consecutive ids, lists them and verifies the chain', async () => {
        const a = await l.revisjonslogg.skriv(oppslag());
        const b = await l.revisjonslogg.skriv(
          oppslag({
            utfall: 'AVVIST',
            aarsakskode: 'ROLLE_MANGLER',
            identifikatorer: [ANNEN],
            saksreferanse: undefined,
            tidspunkt: '2026-11-27T10:15:00+01:00',
          }),
        );
        expect([a.id, b.id]).toEqual([1, 2]);
        expect(b.forrigeHash).toBe(a.hash);
        expect(b.tidspunkt).toBe('2026-11-27T09:15:00.000Z');
        expect(await l.revisjonslogg.liste()).toEqual([a, b]);
        expect(await l.revisjonslogg.liste({ identifikator: ANNEN })).toEqual([b]);
        expect(await l.revisjonslogg.liste({ siste: 1 })).toEqual([b]);
        expect(await l.revisjonslogg.hent(1)).toEqual(a);
        expect(await l.revisjonslogg.verifiserKjede()).toEqual({
          ok: true,
          antall: 2,
          hode: { id: 2, hash: b.hash },
        });
        // An actor from the access decision is recorded as type, id and name (not its roles).
        const aktoer = await l.brukere.aktoer('kari');
        if (!aktoer) throw new Error('kari mangler');
        const c = await l.revisjonslogg.skriv(oppslag({ aktoer }));
        expect(c).toMatchObject({
          id: 3,
          aktoerType: 'BRUKER',
          aktoerId: 'kari',
          aktoerNavn: 'Kari Saksbehandler',
        });
        expect(Object.keys(c)).not.toContain('roller');
      });

      it('refuses bad entries naming the field, and records nothing', async () => {
        await expect(l.revisjonslogg.skriv(oppslag({ utfall: 'AVVIST' }))).rejects.toThrow(
          /revisjonspost\.aarsakskode/,
        );
        await expect(l.revisjonslogg.skriv(oppslag({ identifikatorer: ['123'] }))).rejects.toThrow(
          /revisjonspost\.identifikatorer\.0/,
        );
        await expect(l.revisjonslogg.skriv(oppslag({ tidspunkt: '27.11.2026' }))).rejects.toThrow(
          /revisjonspost\.tidspunkt/,
        );
        await expect(l.revisjonslogg.skriv(oppslag({ saksreferanse: 'sak\u0000' }))).rejects.toThrow(
          /revisjonspost\.saksreferanse: kan ikke inneholde kontrolltegn/,
        );
        expect((await l.revisjonslogg.kjedehode()).id).toBe(3);
      });

      it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
        await expect(
          l.sql.query("UPDATE revisjonslogg SET saksreferanse = 'x' WHERE id = 1"),
        ).rejects.toThrow(/kan bare utvides/);
        await expect(l.sql.query('DELETE FROM revisjonslogg WHERE id = 1')).rejects.toThrow(
          /kan bare utvides/,
        );
        await expect(l.sql.exec('TRUNCATE revisjonslogg')).rejects.toThrow(/kan bare utvides/);
        expect((await l.revisjonslogg.liste()).map((p) => p.id)).toEqual([1, 2, 3]);
      });

      it('serialises concurrent appends into one unbroken chain', async () => {
        const poster = await Promise.all(
          Array.from({ length: 20 }, (_, i) => l.revisjonslogg.skriv(oppslag({ korrelasjonsid: `k-${i}` }))),
        );
        expect(poster.map((p) => p.id).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 4),
        );
        expect(await l.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true, antall: 23 });
      });
    });

    describe('revisjonslogg: tampering and pruning (own database)', () => {
      let m: Lagring;
      beforeAll(async () => {
        m = await base.aapne({ demodata: false });
      });

      it('names the row changed directly in the database', async () => {
        for (let i = 0; i < 5; i++) await m.revisjonslogg.skriv(oppslag({ saksreferanse: `sak-${i}` }));
        expect((await m.revisjonslogg.verifiserKjede()).ok).toBe(true);
        await endreDirekte(m, "UPDATE revisjonslogg SET saksreferanse = 'endret' WHERE id = 3");
        expect((await m.revisjonslogg.hent(3))?.saksreferanse).toBe('endret');
        expect(await m.revisjonslogg.verifiserKjede()).toMatchObject({
          ok: false,
          id: 3,
          feil: 'HASH_STEMMER_IKKE',
          antall: 2,
        });
      });

      it('names the row after one deleted directly', async () => {
        const n = await base.aapne({ demodata: false });
        for (let i = 0; i < 4; i++) await n.revisjonslogg.skriv(oppslag());
        await endreDirekte(n, 'DELETE FROM revisjonslogg WHERE id = 2');
        expect(await n.revisjonslogg.verifiserKjede()).toMatchObject({
          ok: false,
          id: 3,
          feil: 'POST_MANGLER',
        });
      });

      it('prunes entries past the retention period with a recorded anchor, keeping the chain verifiable', async () => {
        const n = await base.aapne({
          demodata: false,
          innstillinger: { revisjonslogg: { oppbevaringAar: 2 } },
        });
        expect(n.innstillinger.revisjonslogg.oppbevaringAar).toBe(2);
        const tider = [
          '2022-03-01T10:00:00Z',
          '2023-06-01T10:00:00Z',
          '2024-12-01T10:00:00Z',
          '2026-11-01T10:00:00Z',
        ];
        for (const t of tider) await n.revisjonslogg.skriv(oppslag({ tidspunkt: t }));
        // Nothing is old enough yet on 2024-01-01 (limit 2022-01-01).
        expect((await n.revisjonslogg.beskjaer({ naa: '2024-01-01T00:00:00Z' })).slettet).toBe(0);

        const r = await n.revisjonslogg.beskjaer({ naa: '2026-11-27T12:00:00Z' });
        expect(r.grense).toBe('2024-11-27T00:00:00.000Z');
        expect(r.slettet).toBe(2);
        expect(r.anker).toMatchObject({ tilOgMedId: 2, antall: 2 });
        expect((await n.revisjonslogg.liste()).map((p) => p.id)).toEqual([3, 4]);
        expect(await n.revisjonslogg.verifiserKjede()).toMatchObject({
          ok: true,
          antall: 2,
          hode: { id: 4 },
        });
        expect(await n.revisjonslogg.sisteBeskjaering()).toEqual(r.anker);

        // The anchor itself is append-only.
        await expect(n.sql.query('DELETE FROM revisjonslogg_anker')).rejects.toThrow(/kan bare utvides/);

        // Everything pruned: the chain continues from the anchor.
        const alt = await n.revisjonslogg.beskjaer({ naa: '2040-01-01T00:00:00Z' });
        expect(alt).toMatchObject({ slettet: 2, anker: { tilOgMedId: 4 } });
        expect(await n.revisjonslogg.verifiserKjede()).toEqual({
          ok: true,
          antall: 0,
          hode: { id: 4, hash: alt.anker?.tilOgMedHash },
        });
        const neste = await n.revisjonslogg.skriv(oppslag());
        expect(neste).toMatchObject({ id: 5, forrigeHash: alt.anker?.tilOgMedHash });
        expect(await n.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true, antall: 1 });
      });
    });

    describe('revisjonslogg: the trigger in a schema of its own, from a session without it in search_path', () => {
      // As an operator in psql: the storage in a non-public schema (INNTEKTSGRUNNLAG_DB_SKJEMA), and a
      // session whose search_path is `public` only, naming the audit log with its schema.
      const skjema = unikSkjemanavn();
      const falskt = unikSkjemanavn();
      const ALLE = '9223372036854775807';
      let s: Lagring;
      /** The other session: SQL (one or more statements, no result), and the rows of one query. */
      let oekt: {
        exec(tekst: string): Promise<void>;
        rader(tekst: string): Promise<unknown[]>;
        lukk(): Promise<void>;
      };
      /** Removes the session's own anchor tables (idempotent); on PGlite gives the storage its schema back. */
      const rydd = async () => {
        await oekt.exec(
          `DROP TABLE IF EXISTS pg_temp.revisjonslogg_anker; DROP SCHEMA IF EXISTS ${falskt} CASCADE`,
        );
        if (base.navn === 'PGlite') await s.sql.exec(`SET search_path TO ${skjema}`);
      };
      let hash1: string;
      beforeAll(async () => {
        s =
          base.navn === 'PGlite'
            ? await aapneLagring({ iMinne: true, skjema, demodata: false })
            : await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema, demodata: false });
        hash1 = (await s.revisjonslogg.skriv(oppslag())).hash;
        await s.revisjonslogg.skriv(oppslag());
        await s.revisjonslogg.skriv(oppslag());
        if (base.navn === 'PGlite') {
          // One connection: the storage's own session is switched to public, and back in `rydd`.
          await s.sql.exec('SET search_path TO public');
          oekt = { exec: (t) => s.sql.exec(t), rader: (t) => s.sql.query(t), lukk: async () => undefined };
        } else {
          const klient = new pg.Client({
            connectionString: TEST_DATABASE_URL,
            options: '-c search_path=public',
          });
          await klient.connect();
          oekt = {
            exec: async (t) => void (await klient.query(t)),
            rader: async (t) => (await klient.query(t)).rows,
            lukk: () => klient.end(),
          };
        }
        expect(await oekt.rader("SELECT array_to_string(current_schemas(false), ',') AS s")).toEqual([
          { s: 'public' },
        ]);
      });
      afterAll(async () => {
        await rydd();
        await oekt.lukk();
        await s.lukk();
        if (base.navn === 'PostgreSQL') await slettSkjema(skjema);
      });

      it('refuses UPDATE, DELETE and TRUNCATE with the intended message', async () => {
        await expect(
          oekt.exec(`UPDATE ${skjema}.revisjonslogg SET saksreferanse = 'x' WHERE id = 1`),
        ).rejects.toThrow('revisjonsloggen kan bare utvides: UPDATE av post 1 er ikke tillatt');
        await expect(oekt.exec(`DELETE FROM ${skjema}.revisjonslogg WHERE id = 1`)).rejects.toThrow(
          'revisjonsloggen kan bare utvides: DELETE av post 1 er ikke tillatt',
        );
        await expect(oekt.exec(`TRUNCATE ${skjema}.revisjonslogg`)).rejects.toThrow(
          'tabellen revisjonslogg kan bare utvides: TRUNCATE er ikke tillatt',
        );
        expect(await oekt.rader(`SELECT count(*)::int AS n FROM ${skjema}.revisjonslogg`)).toEqual([
          { n: 3 },
        ]);
      });

      it("is not fooled by an anchor table of the session's own, in its search_path or temporary", async () => {
        await oekt.exec(`CREATE SCHEMA ${falskt}; CREATE TABLE ${falskt}.revisjonslogg_anker (til_og_med_id bigint);
          INSERT INTO ${falskt}.revisjonslogg_anker VALUES (${ALLE}); SET search_path TO ${falskt}, public`);
        await expect(oekt.exec(`DELETE FROM ${skjema}.revisjonslogg WHERE id = 1`)).rejects.toThrow(
          'revisjonsloggen kan bare utvides: DELETE av post 1 er ikke tillatt',
        );
        // A temporary table is searched first even when search_path does not name pg_temp.
        await oekt.exec(`SET search_path TO public; CREATE TEMP TABLE revisjonslogg_anker (til_og_med_id bigint);
          INSERT INTO pg_temp.revisjonslogg_anker VALUES (${ALLE})`);
        await expect(oekt.exec(`DELETE FROM ${skjema}.revisjonslogg WHERE id = 1`)).rejects.toThrow(
          'revisjonsloggen kan bare utvides: DELETE av post 1 er ikke tillatt',
        );
        await expect(oekt.exec(`DELETE FROM ${skjema}.revisjonslogg`)).rejects.toThrow(/kan bare utvides/);
        expect(await oekt.rader(`SELECT count(*)::int AS n FROM ${skjema}.revisjonslogg`)).toEqual([
          { n: 3 },
        ]);
      });

      it('allows a DELETE covered by the anchor beside the audit log, and only that', async () => {
        // The session's own (temporary) anchor table now covers nothing; the real one covers entry 1.
        await oekt.exec('DELETE FROM pg_temp.revisjonslogg_anker');
        await oekt.exec(`INSERT INTO ${skjema}.revisjonslogg_anker (til_og_med_id, til_og_med_hash, antall, grense, utfoert)
          VALUES (1, '${hash1}', 1, now(), now())`);
        await oekt.exec(`DELETE FROM ${skjema}.revisjonslogg WHERE id = 1`);
        await expect(oekt.exec(`DELETE FROM ${skjema}.revisjonslogg_anker`)).rejects.toThrow(
          'tabellen revisjonslogg_anker kan bare utvides: DELETE er ikke tillatt',
        );
        await expect(oekt.exec(`TRUNCATE ${skjema}.revisjonslogg_anker`)).rejects.toThrow(
          'tabellen revisjonslogg_anker kan bare utvides: TRUNCATE er ikke tillatt',
        );
        await expect(oekt.exec(`DELETE FROM ${skjema}.revisjonslogg WHERE id = 2`)).rejects.toThrow(
          'revisjonsloggen kan bare utvides: DELETE av post 2 er ikke tillatt',
        );
        await rydd();
        expect((await s.revisjonslogg.liste()).map((p) => p.id)).toEqual([2, 3]);
        expect(await s.revisjonslogg.verifiserKjede()).toMatchObject({
          ok: true,
          antall: 2,
          hode: { id: 3 },
        });
      });
    });

    it('refuses a retention setting outside 1–100 years, naming the field', async () => {
      await expect(base.aapne({ innstillinger: { revisjonslogg: { oppbevaringAar: 0 } } })).rejects.toThrow(
        /lagring\.revisjonslogg\.oppbevaringAar/,
      );
    });
  });
}

describe('aapneLagring: options', () => {
  it('requires exactly one of databaseUrl, dataKatalog and iMinne', async () => {
    await expect(aapneLagring({})).rejects.toThrow(Valideringsfeil);
    await expect(aapneLagring({ iMinne: true, databaseUrl: 'postgres://x@127.0.0.1/x' })).rejects.toThrow(
      /bare én/,
    );
  });

  it('reports an unreachable PostgreSQL without the password', async () => {
    const feil = await aapneLagring({ databaseUrl: 'postgres://bruker:hemmelig@127.0.0.1:1/x' }).catch(
      (e) => e,
    );
    expect(feil).toBeInstanceOf(LagringFeil);
    expect(feil.message).toMatch(/Kunne ikke koble til PostgreSQL/);
    expect(feil.message).not.toContain('hemmelig');
  });

  it('refuses an unsafe schema name', async () => {
    await expect(aapneLagring({ iMinne: true, skjema: 'x; DROP TABLE y' })).rejects.toThrow(
      /Ugyldig skjemanavn/,
    );
  });
});
