import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lagring, NyArkivforsendelse } from './index.js';
import { pgliteBase, postgresBase, postgresSvarer, TEST_DATABASE_URL, type Testbase } from './testbaser.js';

const pgStatus = await postgresSvarer();
if (!pgStatus.ok) {
  console.warn(
    `\n[lagring] MERK: PostgreSQL-varianten av arkivforsendelsestestene HOPPES OVER: ${TEST_DATABASE_URL} svarer ikke (${pgStatus.grunn}).\n`,
  );
}

const BASER: Array<{ base: Testbase; med: boolean }> = [
  { base: pgliteBase(), med: true },
  { base: postgresBase(), med: pgStatus.ok },
];

const T0 = new Date('2026-12-07T09:00:00.000Z');
const etter = (s: number) => new Date(T0.getTime() + s * 1000);

function ny(over: Partial<NyArkivforsendelse> = {}): NyArkivforsendelse {
  return {
    id: randomUUID(),
    aktoer: { type: 'BRUKER', id: 'kari' },
    rolleId: 'sykehjem',
    beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    inntektsaar: 2024,
    saksreferanse: '2026/12',
    journalposttype: 'X',
    saksmappe: { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 12 },
    mottakerKonto: randomUUID(),
    pakke: new Uint8Array([0x30, 0x80, 1, 2, 3, 0, 255]),
    ...over,
  };
}

const KVITTERING = { journalpost: { journalaar: 2026, journalsekvensnummer: 4711 } };

for (const { base, med } of BASER) {
  describe.skipIf(!med)(`arkivforsendelser på ${base.navn}`, () => {
    let l: Lagring;
    beforeAll(async () => {
      l = await base.aapne({ demodata: false });
    });
    afterAll(() => base.rydd());

    it('keeps a sending and its package, and removes the package once journaled', async () => {
      const f = ny();
      const laget = await l.arkivforsendelser.opprett(f, T0);
      expect(laget).toMatchObject({
        id: f.id,
        status: 'SENDES',
        antallSendinger: 0,
        sistSendt: null,
        harPakke: true,
        saksmappe: f.saksmappe,
        opprettet: T0.toISOString(),
      });
      expect(await l.arkivforsendelser.pakke(f.id)).toEqual(f.pakke);
      const m1 = randomUUID();
      expect(await l.arkivforsendelser.registrerSendt(f.id, m1, etter(1))).toMatchObject({
        status: 'SENDT',
        antallSendinger: 1,
        sistSendt: etter(1).toISOString(),
      });
      expect(await l.arkivforsendelser.forsendelseForMelding(m1)).toBe(f.id);
      expect(
        await l.arkivforsendelser.registrerSvar(f.id, { type: 'MOTTATT', svarPaa: m1 }, etter(2)),
      ).toMatchObject({
        status: 'MOTTATT',
      });
      const ferdig = await l.arkivforsendelser.registrerSvar(
        f.id,
        { type: 'KVITTERING', svarPaa: m1, kvittering: KVITTERING },
        etter(3),
      );
      expect(ferdig).toMatchObject({
        status: 'JOURNALFOERT',
        kvittering: KVITTERING,
        harPakke: false,
        feil: null,
      });
      expect(await l.arkivforsendelser.pakke(f.id)).toBeNull();
    });

    it('an answer to an older message does not undo a resend, and nothing undoes a receipt', async () => {
      const f = ny();
      await l.arkivforsendelser.opprett(f, T0);
      const gammel = randomUUID();
      const nyMelding = randomUUID();
      await l.arkivforsendelser.registrerSendt(f.id, gammel, etter(1));
      await l.arkivforsendelser.registrerSendt(f.id, nyMelding, etter(60));
      const feil = { type: 'SERVERFEIL' as const, melding: 'Arkivet er nede', feilId: 'x' };
      expect(
        await l.arkivforsendelser.registrerSvar(f.id, { type: 'FEIL', svarPaa: gammel, feil }, etter(61)),
      ).toMatchObject({ status: 'SENDT', antallSendinger: 2, feil: null });
      expect(
        await l.arkivforsendelser.registrerSvar(f.id, { type: 'FEIL', svarPaa: nyMelding, feil }, etter(62)),
      ).toMatchObject({ status: 'FEILET', feil });
      // The receipt to the older message came after all: the archive has journaled.
      await l.arkivforsendelser.registrerSvar(
        f.id,
        { type: 'KVITTERING', svarPaa: gammel, kvittering: KVITTERING },
        etter(63),
      );
      expect(
        await l.arkivforsendelser.registrerSvar(f.id, { type: 'FEIL', svarPaa: nyMelding, feil }, etter(64)),
      ).toMatchObject({ status: 'JOURNALFOERT', feil: null });
      expect(
        await l.arkivforsendelser.registrerSvar(f.id, { type: 'MOTTATT', svarPaa: null }, etter(65)),
      ).toMatchObject({
        status: 'JOURNALFOERT',
      });
      expect(await l.arkivforsendelser.registrerSendefeil(f.id, 'x', etter(66))).toMatchObject({
        status: 'JOURNALFOERT',
      });
    });

    it('a sending Fiks IO refused is FEILET until it is sent again', async () => {
      const f = ny({ journalposttype: 'U', saksmappe: { type: 'NY', tittel: 'Egenandel' } });
      await l.arkivforsendelser.opprett(f, T0);
      expect(
        await l.arkivforsendelser.registrerSendefeil(f.id, 'Fiks IO svarte HTTP 503', etter(1)),
      ).toMatchObject({
        status: 'FEILET',
        feil: { type: 'SENDING', melding: 'Fiks IO svarte HTTP 503' },
      });
      expect(await l.arkivforsendelser.registrerSendt(f.id, randomUUID(), etter(2))).toMatchObject({
        status: 'SENDT',
        feil: null,
      });
    });

    it('knows nothing of ids that are not UUIDs or not there', async () => {
      expect(await l.arkivforsendelser.hent('ikke-en-uuid')).toBeNull();
      expect(await l.arkivforsendelser.hent(randomUUID())).toBeNull();
      expect(await l.arkivforsendelser.forsendelseForMelding(randomUUID())).toBeNull();
      expect(
        await l.arkivforsendelser.registrerSvar(randomUUID(), { type: 'MOTTATT', svarPaa: null }, T0),
      ).toBeNull();
    });
  });
}
