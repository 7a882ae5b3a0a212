// The in-memory access cache and the audit log's group commit (docs/lagring.md, «Ytelse»): what they
// must never change (a write counts from the next read; nothing is answered before it is committed;
// the chain stays whole) on both engines, and what PostgreSQL with several processes gets (a bounded
// delay).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aapnePglite, type Database, type Sql } from './database.js';
import { aapneLagring, type Lagring, type NyRevisjonspost, Revisjonslogg } from './index.js';
import { migrer } from './migrering.js';
import { ANTALL_KOLONNER } from './revisjonslogg.js';
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
const BASER: Array<{ base: Testbase; med: boolean }> = [
  { base: pgliteBase(), med: true },
  { base: postgresBase(), med: pgStatus.ok },
];

const post = (over: Partial<NyRevisjonspost> = {}): NyRevisjonspost => ({
  tidspunkt: '2026-11-27T09:00:00.000Z',
  aktoer: { type: 'KLIENT', id: 'gerica', visningsnavn: 'Gerica' },
  rolleId: 'sykehjem',
  tjenesteomraade: 'LANGTIDSOPPHOLD',
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  identifikatorer: ['04817299771'],
  inntektsaar: 2024,
  utfall: 'TILLATT',
  ...over,
});

for (const { base, med } of BASER) {
  describe.skipIf(!med)(`tilgangsbufferen på ${base.navn}: en skriving gjelder fra neste lesing`, () => {
    let l: Lagring;
    beforeAll(async () => {
      l = await base.aapne({ demodata: false });
      await l.roller.lagre({ id: 'sykehjem', navn: 'Sykehjem', tjenesteomraade: 'LANGTIDSOPPHOLD' });
      await l.roller.lagre({ id: 'hjemmehjelp', navn: 'Hjemmehjelp', tjenesteomraade: 'PRAKTISK_BISTAND' });
      await l.brukere.opprett({ id: 'kari', visningsnavn: 'Kari' });
      await l.grupper.opprett({ id: 'omsorg', navn: 'Omsorg' });
    });
    afterAll(() => base.rydd());

    it('roles: saved, changed and deleted roles show at once', async () => {
      expect((await l.roller.alle()).map((r) => r.id)).toEqual(['hjemmehjelp', 'sykehjem']);
      await l.roller.lagre({ id: 'sfo', navn: 'SFO', tjenesteomraade: 'FORELDREBETALING' });
      expect((await l.roller.alle()).map((r) => r.id)).toEqual(['hjemmehjelp', 'sfo', 'sykehjem']);
      await l.roller.lagre({ id: 'sfo', navn: 'SFO og barnehage', tjenesteomraade: 'FORELDREBETALING' });
      expect((await l.roller.alle()).find((r) => r.id === 'sfo')?.navn).toBe('SFO og barnehage');
      // What a caller does to what it got does not reach the next caller.
      const roller = await l.roller.alle();
      (roller[0] as { navn: string }).navn = 'endret av en kaller';
      expect((await l.roller.alle())[0]?.navn).toBe('Hjemmehjelp');
      await l.roller.slett('sfo');
      expect((await l.roller.alle()).map((r) => r.id)).toEqual(['hjemmehjelp', 'sykehjem']);
    });

    it('a user’s roles follow direct grants, group membership and group roles at once', async () => {
      const roller = async () => (await l.brukere.aktoer('kari'))?.roller;
      expect(await roller()).toEqual([]);
      await l.brukere.tildelRolle('kari', 'hjemmehjelp');
      expect(await roller()).toEqual(['hjemmehjelp']);
      await l.grupper.tildelRolle('omsorg', 'sykehjem');
      expect(await roller()).toEqual(['hjemmehjelp']);
      await l.grupper.leggTilMedlem('omsorg', 'kari');
      expect(await roller()).toEqual(['hjemmehjelp', 'sykehjem']);
      await l.grupper.fjernMedlem('omsorg', 'kari');
      expect(await roller()).toEqual(['hjemmehjelp']);
      await l.brukere.fjernRolle('kari', 'hjemmehjelp');
      expect(await roller()).toEqual([]);
      await l.brukere.settAktiv('kari', false);
      expect((await l.brukere.aktoer('kari'))?.aktiv).toBe(false);
      expect((await l.brukere.hent('kari'))?.aktiv).toBe(false);
      // Raw SQL through the storage counts too.
      await l.sql.query('UPDATE brukere SET aktiv = true WHERE id = $1', ['kari']);
      expect((await l.brukere.aktoer('kari'))?.aktiv).toBe(true);
    });

    it('an API key stops at once when it is rotated, its client deactivated or deleted', async () => {
      const { noekkel } = await l.klienter.opprett({ id: 'gerica', navn: 'Gerica', rolleId: 'sykehjem' });
      expect((await l.klienter.autentiser(noekkel)).ok).toBe(true);
      const ny = (await l.klienter.roterNoekkel('gerica')) as string;
      expect(await l.klienter.autentiser(noekkel)).toEqual({ ok: false, kode: 'AKTOER_UKJENT' });
      const a = await l.klienter.autentiser(ny);
      expect(a.ok && a.aktoer.aktiv).toBe(true);
      await l.klienter.settAktiv('gerica', false);
      const b = await l.klienter.autentiser(ny);
      expect(b.ok && b.aktoer.aktiv).toBe(false);
      await l.klienter.slett('gerica');
      expect(await l.klienter.autentiser(ny)).toEqual({ ok: false, kode: 'AKTOER_UKJENT' });
    });
  });
}

describe.skipIf(!pgStatus.ok)('tilgangsbufferen på PostgreSQL med to prosesser', () => {
  const skjema = unikSkjemanavn();
  let naa = 0;
  let a: Lagring;
  let aMedBuffer: Lagring;
  let b: Lagring;
  beforeAll(async () => {
    // Three storages on the same schema stand for API instances: one with the default (no cache), one
    // whose operator chose a 5 s bound, and one that writes.
    a = await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema });
    aMedBuffer = await aapneLagring({
      databaseUrl: TEST_DATABASE_URL,
      skjema,
      tilgangsbuffer: { levetidMs: 5_000, klokke: () => naa },
    });
    b = await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema });
    await b.roller.lagre({ id: 'sykehjem', navn: 'Sykehjem', tjenesteomraade: 'LANGTIDSOPPHOLD' });
    await b.brukere.opprett({ id: 'kari', visningsnavn: 'Kari' });
  });
  afterAll(async () => {
    await a.lukk();
    await aMedBuffer.lukk();
    await b.lukk();
    await slettSkjema(skjema);
  });

  it('by default sees another instance’s write at the next request', async () => {
    expect((await a.brukere.aktoer('kari'))?.roller).toEqual([]);
    await b.brukere.tildelRolle('kari', 'sykehjem');
    expect((await a.brukere.aktoer('kari'))?.roller).toEqual(['sykehjem']);
    await b.brukere.fjernRolle('kari', 'sykehjem');
    expect((await a.brukere.aktoer('kari'))?.roller).toEqual([]);
  });

  it('with a bound the operator chose, sees it after at most that long, never later', async () => {
    expect((await aMedBuffer.brukere.aktoer('kari'))?.roller).toEqual([]);
    await b.brukere.tildelRolle('kari', 'sykehjem');
    naa = 4_999;
    expect((await aMedBuffer.brukere.aktoer('kari'))?.roller).toEqual([]);
    naa = 5_000;
    expect((await aMedBuffer.brukere.aktoer('kari'))?.roller).toEqual(['sykehjem']);
  });
});

/** A database that counts and can hold or refuse the audit log's INSERTs. */
function overvaaket(db: Database) {
  const innsettinger: number[] = [];
  const hold: { p: Promise<void> | null } = { p: null };
  const nekt: { hvis: (parametre: readonly unknown[]) => boolean } = { hvis: () => false };
  const paa = (sql: Sql): Sql => ({
    async query<T>(tekst: string, parametre: readonly unknown[] = []) {
      if (tekst.startsWith('INSERT INTO revisjonslogg')) {
        if (hold.p) await hold.p;
        if (nekt.hvis(parametre)) throw new Error('databasen nektet posten');
        innsettinger.push(parametre.length / ANTALL_KOLONNER);
      }
      return sql.query<T>(tekst, parametre);
    },
    exec: (tekst: string) => sql.exec(tekst),
  });
  const overvaaket: Database = {
    ...paa(db),
    modus: db.modus,
    transaksjon: (fn) => db.transaksjon((tx) => fn(paa(tx))),
    lukk: () => db.lukk(),
  };
  return { db: overvaaket, innsettinger, hold, nekt };
}

describe('revisjonsloggens gruppeskriving (group commit)', () => {
  let raa: Database;
  beforeAll(async () => {
    raa = await aapnePglite(undefined, 'public');
    await migrer(raa);
  });
  afterAll(() => raa.lukk());

  it('writes an entry alone when none wait, and those that came meanwhile together, in call order', async () => {
    const o = overvaaket(raa);
    const logg = new Revisjonslogg(o.db, 5);
    const alene = await logg.skriv(post({ korrelasjonsid: 'k-0' }));
    expect(o.innsettinger).toEqual([1]);
    const samtidige = await Promise.all(
      Array.from({ length: 40 }, (_, i) => logg.skriv(post({ korrelasjonsid: `k-${i + 1}` }))),
    );
    // The first found the writer idle; the other 39 waited for it and went in one statement.
    expect(o.innsettinger).toEqual([1, 1, 39]);
    expect(samtidige.map((p) => p.id)).toEqual(Array.from({ length: 40 }, (_, i) => alene.id + i + 1));
    expect(samtidige.map((p) => p.korrelasjonsid)).toEqual(samtidige.map((_, i) => `k-${i + 1}`));
    expect(await logg.verifiserKjede()).toMatchObject({ ok: true, antall: 41 });
  });

  it('with flereKommer, waits for the others up to the window, and answers nobody before the commit', async () => {
    const o = overvaaket(raa);
    // A window far wider than the product's, so a loaded machine's late timers cannot close it early.
    const vindu = 200;
    const logg = new Revisjonslogg(o.db, 5, vindu);
    let svart = 0;
    const a = logg.skriv(post(), { flereKommer: true }).then((p) => {
      svart++;
      return p;
    });
    const b = logg.skriv(post(), { flereKommer: true }).then((p) => {
      svart++;
      return p;
    });
    await new Promise((ok) => setTimeout(ok, 1));
    expect(svart).toBe(0);
    expect(o.innsettinger).toEqual([]);
    // The last caller says nobody else is coming: everything waiting is written now, together.
    let slipp: () => void = () => {};
    o.hold.p = new Promise<void>((ok) => {
      slipp = ok;
    });
    const c = logg.skriv(post());
    await new Promise((ok) => setTimeout(ok, vindu * 2));
    expect(svart).toBe(0); // the INSERT is held: nobody is answered before it is committed
    o.hold.p = null;
    slipp();
    const [pa, pb, pc] = await Promise.all([a, b, c]);
    expect(o.innsettinger).toEqual([3]);
    expect([pb.id - pa.id, pc.id - pb.id]).toEqual([1, 1]);

    // Alone with flereKommer, an entry is written when the window has passed.
    const start = performance.now();
    await logg.skriv(post(), { flereKommer: true });
    expect(performance.now() - start).toBeGreaterThanOrEqual(vindu - 1);
    expect(o.innsettinger).toEqual([3, 1]);
  });

  it('a refused entry fails only its own caller; the chain stays whole', async () => {
    const o = overvaaket(raa);
    const logg = new Revisjonslogg(o.db, 5);
    o.nekt.hvis = (parametre) => parametre.includes('nekt');
    const utfall = await Promise.allSettled([
      logg.skriv(post({ korrelasjonsid: 'a' })),
      logg.skriv(post({ korrelasjonsid: 'b' })),
      logg.skriv(post({ korrelasjonsid: 'nekt' })),
      logg.skriv(post({ korrelasjonsid: 'c' })),
    ]);
    expect(utfall.map((u) => u.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // a alone; b, nekt and c as a group that failed and was then tried one by one.
    expect(o.innsettinger).toEqual([1, 1, 1]);
    const ider = utfall.flatMap((u) => (u.status === 'fulfilled' ? [u.value.id] : []));
    const [a, b, c] = ider as [number, number, number];
    expect([b - a, c - b]).toEqual([1, 1]);
    expect(await logg.verifiserKjede()).toMatchObject({ ok: true });
  });

  it('when the database fails, every caller in the group gets the error and nothing is written', async () => {
    const o = overvaaket(raa);
    const logg = new Revisjonslogg(o.db, 5);
    const hode = await logg.kjedehode();
    o.nekt.hvis = () => true;
    const utfall = await Promise.allSettled(Array.from({ length: 5 }, () => logg.skriv(post())));
    expect(utfall.every((u) => u.status === 'rejected')).toBe(true);
    expect(await logg.kjedehode()).toEqual(hode);
    // And the next entry continues the chain from the real head (the remembered one was forgotten).
    o.nekt.hvis = () => false;
    const neste = await logg.skriv(post());
    expect(neste).toMatchObject({ id: hode.id + 1, forrigeHash: hode.hash });
    expect(await logg.verifiserKjede()).toMatchObject({ ok: true });
  });
});

for (const { base, med } of BASER) {
  describe.skipIf(!med)(`revisjonsloggen på ${base.navn}: mange samtidige skrivere`, () => {
    afterAll(() => base.rydd());

    it('many concurrent appends, with and without flereKommer, form one unbroken chain', async () => {
      const l = await base.aapne({ demodata: false });
      const poster = await Promise.all(
        Array.from({ length: 60 }, (_, i) => l.revisjonslogg.skriv(post(), { flereKommer: i % 2 === 0 })),
      );
      expect(new Set(poster.map((p) => p.id)).size).toBe(60);
      expect(await l.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true, antall: 60 });
    });
  });
}

describe.skipIf(!pgStatus.ok)('revisjonsloggen på PostgreSQL med to prosesser', () => {
  const skjema = unikSkjemanavn();
  let a: Lagring;
  let b: Lagring;
  beforeAll(async () => {
    a = await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema });
    b = await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema });
  });
  afterAll(async () => {
    await a.lukk();
    await b.lukk();
    await slettSkjema(skjema);
  });

  it('groups from two writers interleave into one chain under the advisory lock', async () => {
    const skriv = (l: Lagring, n: number) =>
      Array.from({ length: n }, (_, i) => l.revisjonslogg.skriv(post({ korrelasjonsid: `${n}-${i}` })));
    const poster = await Promise.all([...skriv(a, 50), ...skriv(b, 50)]);
    expect(new Set(poster.map((p) => p.id)).size).toBe(100);
    expect(await a.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true, antall: 100 });
  });
});
