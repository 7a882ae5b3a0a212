import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aapneLagring, type Lagring } from './index.js';
import { KS_DEMO_ORGANISASJONSNUMMER, KS_DEMOINTEGRASJONER, ksDemointegrasjon } from './ksdemo.js';
import {
  erOrganisasjonsnummer,
  hashKsPassord,
  KS_PASSORDPARAMETRE,
  normaliserUuid,
  sjekkKsPassord,
} from './ksintegrasjoner.js';
import { pgliteBase, postgresBase, postgresSvarer, TEST_DATABASE_URL, type Testbase } from './testbaser.js';

const pgStatus = await postgresSvarer();
if (!pgStatus.ok) {
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL kreves i CI, men ${TEST_DATABASE_URL} svarer ikke (${pgStatus.grunn})`);
  }
  console.warn(
    `\n[lagring] MERK: PostgreSQL-varianten av KS-integrasjonstestene HOPPES OVER: ${TEST_DATABASE_URL} svarer ikke (${pgStatus.grunn}).\n`,
  );
}

const BASER: Array<{ base: Testbase; med: boolean }> = [
  { base: pgliteBase(), med: true },
  { base: postgresBase(), med: pgStatus.ok },
];

const NAA = new Date('2026-12-07T09:00:00Z');
// Organisation numbers with a valid control digit (worked out by hand: 3·9+2·1+7·0+6·7+5·5+4·3+3·6+2·1
// = 128, 128 mod 11 = 7, 11 − 7 = 4 → 910753614; the demo's 999999999: 32·9 = 288, mod 11 = 2 → 9).
const LEVERANDOER = '910753614';
const ANNEN_ORG = '310827002';

describe('password hashing (scrypt)', () => {
  it('stores the parameters, a salt of its own and the hash; the same password twice gives two hashes', async () => {
    const a = await hashKsPassord('hemmelig');
    const b = await hashKsPassord('hemmelig');
    expect(a).toMatch(/^scrypt\$15\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('hemmelig');
    expect(await sjekkKsPassord('hemmelig', a)).toBe(true);
    expect(await sjekkKsPassord('hemmelig', b)).toBe(true);
    expect(await sjekkKsPassord('Hemmelig', a)).toBe(false);
    expect(await sjekkKsPassord('hemmelig ', a)).toBe(false);
  });

  it('uses the documented parameters and verifies a hash made with other (stored) ones', async () => {
    expect(KS_PASSORDPARAMETRE).toMatchObject({ log2N: 15, r: 8, p: 3 });
    const svakere = await hashKsPassord('x', { log2N: 10, r: 8, p: 1 });
    expect(svakere.startsWith('scrypt$10$8$1$')).toBe(true);
    expect(await sjekkKsPassord('x', svakere)).toBe(true);
  });

  it('refuses a malformed stored text and parameters outside the bounds, without hashing for ever', async () => {
    for (const lagret of [
      '',
      'x',
      'sha256$abc',
      'scrypt$30$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      expect(await sjekkKsPassord('x', lagret), lagret).toBe(false);
    }
  });

  it('the demo integrations’ stored hashes are the hashes of their public passwords', async () => {
    for (const d of KS_DEMOINTEGRASJONER) {
      expect(await sjekkKsPassord(d.passord, d.passordHash), d.navn).toBe(true);
      expect(await sjekkKsPassord(`${d.passord}!`, d.passordHash), d.navn).toBe(false);
    }
  });
});

describe('organisation numbers and UUIDs', () => {
  it('accepts nine digits with the modulus-11 control digit, and nothing else', () => {
    for (const ok of [LEVERANDOER, ANNEN_ORG, KS_DEMO_ORGANISASJONSNUMMER, '991825827']) {
      expect(erOrganisasjonsnummer(ok), ok).toBe(true);
    }
    for (const feil of ['910753615', '91075361', '9107536140', '91075361a', '', ' 910753614']) {
      expect(erOrganisasjonsnummer(feil), feil).toBe(false);
    }
  });

  it('a changed digit is always caught', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const siffer = LEVERANDOER.split('');
        siffer[pos] = String((Number(siffer[pos]) + delta) % 10);
        return !erOrganisasjonsnummer(siffer.join(''));
      }),
    );
  });

  it('normalises a UUID in any case to lower case (RFC 9562), and gives null for anything else', () => {
    expect(normaliserUuid('F66C85EA-5A98-475E-8B52-A1B6E0AB0C16')).toBe(
      'f66c85ea-5a98-475e-8b52-a1b6e0ab0c16',
    );
    expect(normaliserUuid('demo-langtidsopphold')).toBeNull();
    expect(normaliserUuid(42)).toBeNull();
    expect(ksDemointegrasjon('F66C85EA-5A98-475E-8B52-A1B6E0AB0C16')?.navn).toBe('demo-langtidsopphold');
    expect(ksDemointegrasjon('demo-praktisk-bistand')?.rolleId).toBe('demo-praktisk-bistand');
    expect(ksDemointegrasjon('ukjent')).toBeUndefined();
  });
});

for (const { base, med } of BASER) {
  describe.skipIf(!med)(`KS integrations on ${base.navn}`, () => {
    let l: Lagring;
    beforeAll(async () => {
      l = await base.aapne({ demodata: false });
      await l.roller.lagre({
        id: 'sykehjem',
        navn: 'Sykehjem',
        tjenesteomraade: 'LANGTIDSOPPHOLD',
        avregning: true,
      });
      // A role as KS issues them (a UUID): stored in lower case.
      await l.roller.lagre({
        id: '6f9619ff-8b86-d011-b42d-00cf4fc964ff',
        navn: 'Hjemmetjenesten',
        tjenesteomraade: 'PRAKTISK_BISTAND',
      });
    });
    afterAll(() => base.rydd());

    it('creates an integration, shows the password once, and stores only a slow hash of it', async () => {
      const { integrasjon, passord } = await l.ksIntegrasjoner.opprett(
        {
          navn: 'Fagsystem sykehjem',
          organisasjonsnummer: LEVERANDOER,
          roller: ['sykehjem', '6F9619FF-8B86-D011-B42D-00CF4FC964FF'],
        },
        { naa: NAA },
      );
      expect(integrasjon).toMatchObject({
        navn: 'Fagsystem sykehjem',
        organisasjonsnummer: LEVERANDOER,
        roller: ['6f9619ff-8b86-d011-b42d-00cf4fc964ff', 'sykehjem'],
        demo: false,
        aktiv: true,
        opprettet: NAA.toISOString(),
        passordEndret: NAA.toISOString(),
      });
      expect(normaliserUuid(integrasjon.id)).toBe(integrasjon.id);
      expect(passord).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const rader = await l.sql.query<Record<string, unknown>>(
        'SELECT * FROM ks_integrasjoner WHERE id = $1',
        [integrasjon.id],
      );
      expect(JSON.stringify(rader)).not.toContain(passord);
      expect(String(rader[0]?.passord_hash)).toMatch(/^scrypt\$15\$8\$3\$/);
      expect(await l.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: false })).toEqual({
        ok: true,
        integrasjon,
      });
      // The id in any case (KS issues UUIDs; a client may send them upper case).
      expect(
        (await l.ksIntegrasjoner.autentiser(integrasjon.id.toUpperCase(), passord, { demoTillatt: false }))
          .ok,
      ).toBe(true);
    });

    it('refuses a wrong password, an unknown or malformed id, and names the reason', async () => {
      const { integrasjon, passord } = await l.ksIntegrasjoner.opprett(
        { navn: 'Fagsystem 2', organisasjonsnummer: LEVERANDOER, roller: ['sykehjem'] },
        { naa: NAA },
      );
      const a = (id: string, p: string) => l.ksIntegrasjoner.autentiser(id, p, { demoTillatt: false });
      expect(await a(integrasjon.id, `${passord}x`)).toEqual({ ok: false, grunn: 'FEIL_PASSORD' });
      expect(await a(integrasjon.id, '')).toEqual({ ok: false, grunn: 'FEIL_PASSORD' });
      expect(await a('00000000-0000-4000-8000-000000000000', passord)).toEqual({
        ok: false,
        grunn: 'UKJENT',
      });
      expect(await a('ikke-en-uuid', passord)).toEqual({ ok: false, grunn: 'UKJENT' });
      // A right password after a wrong one (the remembered verification is of the right one only).
      expect((await a(integrasjon.id, passord)).ok).toBe(true);
      expect(await a(integrasjon.id, `${passord}x`)).toEqual({ ok: false, grunn: 'FEIL_PASSORD' });
    });

    it('rotation: the old password stops at once, also in another storage on the same database', async () => {
      const { integrasjon, passord } = await l.ksIntegrasjoner.opprett(
        { navn: 'Fagsystem 3', organisasjonsnummer: LEVERANDOER, roller: ['sykehjem'] },
        { naa: NAA },
      );
      const senere = new Date('2026-12-08T09:00:00Z');
      // Another process on the same PostgreSQL schema (an API instance beside this one); PGlite is
      // owned by one process, so there the same storage stands in for it.
      const skjema = (await l.sql.query<{ s: string }>('SELECT current_schema() AS s'))[0]?.s as string;
      const annen =
        base.navn === 'PostgreSQL' ? await aapneLagring({ databaseUrl: TEST_DATABASE_URL, skjema }) : l;
      // Both have verified (and remember) the old password.
      for (const s of [l, annen]) {
        expect((await s.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: false })).ok).toBe(
          true,
        );
      }
      const rotert = await l.ksIntegrasjoner.roterPassord(integrasjon.id, { naa: senere });
      expect(await annen.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: false })).toEqual(
        {
          ok: false,
          grunn: 'FEIL_PASSORD',
        },
      );
      if (annen !== l) await annen.lukk();
      expect(rotert?.passord).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(rotert?.passord).not.toBe(passord);
      expect(rotert?.integrasjon.passordEndret).toBe(senere.toISOString());
      expect(await l.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: false })).toEqual({
        ok: false,
        grunn: 'FEIL_PASSORD',
      });
      expect(
        (
          await l.ksIntegrasjoner.autentiser(integrasjon.id, rotert?.passord as string, {
            demoTillatt: false,
          })
        ).ok,
      ).toBe(true);
      expect(
        await l.ksIntegrasjoner.roterPassord('00000000-0000-4000-8000-000000000000', { naa: senere }),
      ).toBeNull();
    });

    it('revocation refuses every later call; change of roles and organisation', async () => {
      const { integrasjon, passord } = await l.ksIntegrasjoner.opprett(
        { navn: 'Fagsystem 4', organisasjonsnummer: LEVERANDOER, roller: ['sykehjem'] },
        { naa: NAA },
      );
      const endret = await l.ksIntegrasjoner.endre(integrasjon.id, {
        organisasjonsnummer: ANNEN_ORG,
        roller: ['6f9619ff-8b86-d011-b42d-00cf4fc964ff'],
      });
      expect(endret).toMatchObject({
        organisasjonsnummer: ANNEN_ORG,
        roller: ['6f9619ff-8b86-d011-b42d-00cf4fc964ff'],
      });
      expect(await l.ksIntegrasjoner.trekkTilbake(integrasjon.id)).toBe(true);
      expect(await l.ksIntegrasjoner.autentiser(integrasjon.id, passord, { demoTillatt: true })).toEqual({
        ok: false,
        grunn: 'TILBAKETRUKKET',
      });
      expect((await l.ksIntegrasjoner.hent(integrasjon.id))?.aktiv).toBe(false);
      expect(await l.ksIntegrasjoner.trekkTilbake('00000000-0000-4000-8000-000000000000')).toBe(false);
    });

    it('refuses bad input naming the field: organisation number, unknown role, no role, bad id', async () => {
      const feil = async (raa: unknown) => {
        try {
          await l.ksIntegrasjoner.opprett(raa, { naa: NAA });
        } catch (e) {
          expect(e).toBeInstanceOf(Valideringsfeil);
          return (e as Valideringsfeil).feil.map((f) => f.felt);
        }
        throw new Error('ble ikke avvist');
      };
      expect(await feil({ navn: 'x', organisasjonsnummer: '910753615', roller: ['sykehjem'] })).toEqual([
        'integrasjon.organisasjonsnummer',
      ]);
      expect(await feil({ navn: 'x', organisasjonsnummer: LEVERANDOER, roller: ['finnes-ikke'] })).toEqual([
        'integrasjon.roller.0',
      ]);
      expect(await feil({ navn: 'x', organisasjonsnummer: LEVERANDOER, roller: [] })).toEqual([
        'integrasjon.roller',
      ]);
      expect(
        await feil({ id: 'abc', navn: 'x', organisasjonsnummer: LEVERANDOER, roller: ['sykehjem'] }),
      ).toEqual(['integrasjon.id']);
      expect(
        await feil({ navn: 'x', organisasjonsnummer: LEVERANDOER, roller: ['sykehjem'], passord: 'p' }),
      ).toEqual(['integrasjon']);
      // Nothing of the refused ones was stored.
      expect((await l.ksIntegrasjoner.alle()).map((i) => i.navn)).not.toContain('x');
    });

    it('a role an integration holds cannot be deleted from under it', async () => {
      await l.roller.lagre({ id: 'kortvarig', navn: 'Kortvarig', tjenesteomraade: 'LANGTIDSOPPHOLD' });
      await l.ksIntegrasjoner.opprett(
        { navn: 'Fagsystem 5', organisasjonsnummer: LEVERANDOER, roller: ['kortvarig'] },
        { naa: NAA },
      );
      await expect(l.sql.query("DELETE FROM roller WHERE id = 'kortvarig'")).rejects.toThrow();
    });

    it('lists every integration with its roles, without any password or hash', async () => {
      const alle = await l.ksIntegrasjoner.alle();
      expect(alle.length).toBeGreaterThanOrEqual(4);
      for (const i of alle) {
        expect(Object.keys(i).sort()).toEqual(
          [
            'aktiv',
            'demo',
            'id',
            'navn',
            'opprettet',
            'organisasjonsnummer',
            'passordEndret',
            'roller',
          ].sort(),
        );
      }
    });

    it.runIf(base.navn === 'PostgreSQL')(
      'refuses to create demo integrations outside embedded mode',
      async () => {
        const d = KS_DEMOINTEGRASJONER[0];
        await expect(
          l.ksIntegrasjoner.opprettDemo(
            { navn: d?.navn, organisasjonsnummer: KS_DEMO_ORGANISASJONSNUMMER, roller: ['sykehjem'] },
            d?.passordHash as string,
            { naa: NAA },
          ),
        ).rejects.toThrow(/innebygd/);
      },
    );
  });
}

describe('the demo integrations (embedded mode)', () => {
  it('are seeded, named like the demo roles, and refused unless the demo set-up allows them', async () => {
    const l = await aapneLagring({ iMinne: true });
    try {
      const alle = await l.ksIntegrasjoner.alle();
      expect(alle.map((i) => [i.navn, i.roller, i.demo, i.organisasjonsnummer])).toEqual(
        [...KS_DEMOINTEGRASJONER]
          .sort((a, b) => a.navn.localeCompare(b.navn))
          .map((d) => [d.navn, [d.rolleId], true, KS_DEMO_ORGANISASJONSNUMMER]),
      );
      const d = ksDemointegrasjon('demo-langtidsopphold');
      if (!d) throw new Error('mangler');
      expect((await l.ksIntegrasjoner.autentiser(d.id, d.passord, { demoTillatt: true })).ok).toBe(true);
      expect(await l.ksIntegrasjoner.autentiser(d.id, d.passord, { demoTillatt: false })).toEqual({
        ok: false,
        grunn: 'DEMO_AVVIST',
      });
      // Rotated, it is no longer a demo integration, and works with its new password only.
      const rotert = await l.ksIntegrasjoner.roterPassord(d.id, { naa: NAA });
      expect(rotert?.integrasjon.demo).toBe(false);
      expect(
        (await l.ksIntegrasjoner.autentiser(d.id, rotert?.passord as string, { demoTillatt: false })).ok,
      ).toBe(true);
      expect((await l.ksIntegrasjoner.autentiser(d.id, d.passord, { demoTillatt: true })).ok).toBe(false);
    } finally {
      await l.lukk();
    }
  });
});
