import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KommunesatsAvvist, type Lagring, type NyKommunesatsrad } from './index.js';
import { pgliteBase, postgresBase, postgresSvarer, TEST_DATABASE_URL, type Testbase } from './testbaser.js';

const pgStatus = await postgresSvarer();
if (!pgStatus.ok) {
  console.warn(
    `\n[lagring] MERK: PostgreSQL-varianten av kommunesatstestene HOPPES OVER: ${TEST_DATABASE_URL} svarer ikke (${pgStatus.grunn}).\n`,
  );
}

const BASER: Array<{ base: Testbase; med: boolean }> = [
  { base: pgliteBase(), med: true },
  { base: postgresBase(), med: pgStatus.ok },
];

const T0 = new Date('2027-01-02T08:00:00.000Z');
const ANNE = { id: 'anne', navn: 'Anne Satsforvalter' };
const BJORN = { id: 'bjorn', navn: 'Bjørn Godkjenner' };

function ny(over: Partial<NyKommunesatsrad> = {}): NyKommunesatsrad {
  return {
    id: randomUUID(),
    tabell: 'langtidsopphold.fribeloep',
    gyldigFra: '2027-01-01',
    dekketTil: '2027-12-31',
    verdi: '11000',
    kilde: { tittel: 'Endringsforskrift (testverdi)', url: 'https://lovdata.no/' },
    verifisert: '2027-01-02',
    innlagtAv: ANNE,
    rolleId: 'satser',
    ...over,
  };
}

for (const { base, med } of BASER) {
  describe.skipIf(!med)(`kommunesatser på ${base.navn}`, () => {
    let l: Lagring;
    beforeAll(async () => {
      l = await base.aapne({ demodata: false });
    });
    afterAll(() => base.rydd());

    it('keeps an entry as given, not approved, and approves it by another person once', async () => {
      const s = ny({ verdi: { ordinaer: 1200, innsatssone: 0 } });
      const lagt = await l.kommunesatser.leggInn(s, T0);
      expect(lagt).toEqual({
        id: s.id,
        tabell: s.tabell,
        gyldigFra: '2027-01-01',
        dekketTil: '2027-12-31',
        verdi: { ordinaer: 1200, innsatssone: 0 },
        kilde: s.kilde,
        verifisert: '2027-01-02',
        innlagtAv: ANNE,
        innlagtRolleId: 'satser',
        innlagt: T0.toISOString(),
        godkjenning: null,
      });
      expect(await l.kommunesatser.godkjente()).toEqual([]);
      const T1 = new Date(T0.getTime() + 60_000);
      const godkjent = await l.kommunesatser.godkjenn(s.id, BJORN, 'satser-2', T1);
      expect(godkjent.godkjenning).toEqual({ av: BJORN, rolleId: 'satser-2', tidspunkt: T1.toISOString() });
      expect((await l.kommunesatser.godkjente()).map((g) => g.id)).toEqual([s.id]);
      await expect(
        l.kommunesatser.godkjenn(s.id, { id: 'carl', navn: 'Carl' }, 'satser', T1),
      ).rejects.toThrow(expect.objectContaining({ kode: 'ALLEREDE_GODKJENT' }));
    });

    it('refuses an approval of one’s own entry, in the store and in the database', async () => {
      const s = await l.kommunesatser.leggInn(ny({ verdi: '11500' }), T0);
      const e = await l.kommunesatser.godkjenn(s.id, ANNE, 'satser', T0).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(KommunesatsAvvist);
      expect(e).toMatchObject({
        kode: 'EGEN_SATS',
        message: expect.stringMatching(/la inn denne satsen selv/),
      });
      // Past the store, straight into the table: the trigger refuses it as well.
      await expect(
        l.sql.query(
          `INSERT INTO kommunesatsgodkjenninger (kommunesats_id, godkjent_av_id, godkjent_av_navn, rolle_id, godkjent)
           VALUES ($1, 'anne', 'Anne', 'satser', now())`,
          [s.id],
        ),
      ).rejects.toThrow(/kan ikke godkjennes av den som la den inn/);
      expect((await l.kommunesatser.hent(s.id))?.godkjenning).toBeNull();
      await expect(l.kommunesatser.godkjenn(randomUUID(), BJORN, 'satser', T0)).rejects.toThrow(
        expect.objectContaining({ kode: 'FINNES_IKKE' }),
      );
      await expect(l.kommunesatser.godkjenn('ikke-en-uuid', BJORN, 'satser', T0)).rejects.toThrow(
        expect.objectContaining({ kode: 'FINNES_IKKE' }),
      );
    });

    it('never changes or removes an entry or an approval (append-only)', async () => {
      const s = await l.kommunesatser.leggInn(ny({ verdi: '12000' }), T0);
      await l.kommunesatser.godkjenn(s.id, BJORN, 'satser', T0);
      for (const sql of [
        `UPDATE kommunesatser SET verdi = '"1"' WHERE id = $1`,
        'DELETE FROM kommunesatser WHERE id = $1',
        `UPDATE kommunesatsgodkjenninger SET godkjent_av_id = 'x' WHERE kommunesats_id = $1`,
        'DELETE FROM kommunesatsgodkjenninger WHERE kommunesats_id = $1',
      ]) {
        await expect(l.sql.query(sql, [s.id]), sql).rejects.toThrow(/kan bare utvides/);
      }
      for (const tabell of ['kommunesatsgodkjenninger', 'kommunesatser']) {
        await expect(l.sql.exec(`TRUNCATE ${tabell} CASCADE`)).rejects.toThrow(/kan bare utvides/);
      }
      expect(await l.kommunesatser.hent(s.id)).toMatchObject({ verdi: '12000', godkjenning: { av: BJORN } });
      // The store itself offers nothing else.
      const metoder = Object.getOwnPropertyNames(Object.getPrototypeOf(l.kommunesatser)).sort();
      expect(metoder).toEqual(['alle', 'constructor', 'godkjenn', 'godkjente', 'hent', 'leggInn']);
      expect((await l.kommunesatser.alle()).length).toBe(3);
    });
  });
}
