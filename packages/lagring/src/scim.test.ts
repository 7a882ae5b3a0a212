import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashScimToken,
  type Lagring,
  type ScimBrukerdata,
  UkjenteMedlemmer,
  Unikhetsfeil,
  Versjonskonflikt,
} from './index.js';
import { pgliteBase, postgresBase, postgresSvarer, type Testbase } from './testbaser.js';

const pgStatus = await postgresSvarer();
const BASER: Array<{ base: Testbase; med: boolean }> = [
  { base: pgliteBase(), med: true },
  { base: postgresBase(), med: pgStatus.ok },
];

const T0 = new Date('2026-11-27T08:00:00.000Z');
const etter = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
const LEVETID = { inaktivMs: 30 * MIN, absoluttMs: 8 * 60 * MIN };

const kari = (over: Partial<ScimBrukerdata> = {}): ScimBrukerdata => ({
  brukernavn: 'kari@kommune.no',
  visningsnavn: 'Kari Nordmann',
  navn: { givenName: 'Kari', familyName: 'Nordmann' },
  eksternId: 'k-1',
  aktiv: true,
  epost: [{ value: 'kari@kommune.no', type: 'work', primary: true }],
  foedselsnummer: '04817299771',
  ...over,
});

for (const { base, med } of BASER) {
  describe.skipIf(!med)(`SCIM, kildesystemer og sesjoner på ${base.navn}`, () => {
    let l: Lagring;
    beforeAll(async () => {
      l = await base.aapne({ demodata: false });
      await l.roller.lagre({
        id: 'hjemmetjeneste',
        navn: 'Hjemmetjeneste',
        tjenesteomraade: 'PRAKTISK_BISTAND',
      });
    });
    afterAll(() => base.rydd());

    it('a source system authenticates with its token until it expires, is rotated or deactivated', async () => {
      const { kildesystem, token } = await l.kildesystemer.opprett({
        id: 'entra',
        navn: 'Entra ID',
        levetidDager: 10,
        naa: T0,
      });
      expect(kildesystem.tokenUtloeper).toBe('2026-12-07T08:00:00.000Z');
      // Only the hash is stored.
      const lagret = await l.sql.query<{ token_hash: string }>('SELECT token_hash FROM kildesystemer');
      expect(lagret.map((r) => r.token_hash)).toEqual([hashScimToken(token)]);
      expect(JSON.stringify(lagret)).not.toContain(token);
      expect(await l.kildesystemer.autentiser(token, etter(MIN))).toMatchObject({ ok: true });
      expect(await l.kildesystemer.autentiser(`${token}x`, etter(MIN))).toEqual({
        ok: false,
        kode: 'TOKEN_UKJENT',
      });
      expect(await l.kildesystemer.autentiser(token, new Date('2026-12-07T08:00:00.000Z'))).toEqual({
        ok: false,
        kode: 'TOKEN_UTLOEPT',
      });
      const rotert = await l.kildesystemer.roterToken('entra', { naa: T0, levetidDager: 30 });
      expect(rotert).not.toBeNull();
      expect(await l.kildesystemer.autentiser(token, etter(MIN))).toEqual({
        ok: false,
        kode: 'TOKEN_UKJENT',
      });
      expect(await l.kildesystemer.autentiser(rotert?.token as string, etter(MIN))).toMatchObject({
        ok: true,
      });
      await l.kildesystemer.settAktiv('entra', false);
      expect(await l.kildesystemer.autentiser(rotert?.token as string, etter(MIN))).toEqual({
        ok: false,
        kode: 'KILDESYSTEM_INAKTIVT',
      });
      await l.kildesystemer.settAktiv('entra', true);
      await expect(l.kildesystemer.opprett({ id: 'entra', navn: 'x', naa: T0 })).rejects.toThrow(
        /finnes allerede/,
      );
      await expect(
        l.kildesystemer.opprett({ id: 'Entra!', navn: 'x', naa: T0, levetidDager: 9999 }),
      ).rejects.toThrow(/kildesystem\.id|kildesystem\.levetidDager/);
    });

    it('users: create, find by filter, replace, uniqueness per field, scoped to their source system', async () => {
      await l.kildesystemer.opprett({ id: 'annet', navn: 'Annet system', naa: T0 });
      const b = await l.scim.opprettBruker('entra', kari(), T0);
      expect(b).toMatchObject({ kildesystem: 'entra', versjon: 1, opprettet: T0.toISOString(), grupper: [] });
      expect(b.epost).toEqual([{ value: 'kari@kommune.no', type: 'work', primary: true }]);
      // userName is case-insensitive; externalId case-exact.
      const funnet = await l.scim.listBrukere(
        'entra',
        { felt: 'brukernavn', verdi: 'KARI@kommune.no' },
        { start: 1, antall: 10 },
      );
      expect(funnet.totalt).toBe(1);
      expect(funnet.brukere[0]?.id).toBe(b.id);
      expect(
        (await l.scim.listBrukere('entra', { felt: 'eksternId', verdi: 'K-1' }, { start: 1, antall: 10 }))
          .totalt,
      ).toBe(0);
      // Another source system sees nothing of it.
      expect(await l.scim.hentBruker('annet', b.id)).toBeNull();
      expect((await l.scim.listBrukere('annet', null, { start: 1, antall: 10 })).totalt).toBe(0);
      expect(await l.scim.slettBruker('annet', b.id)).toBe(false);

      await expect(
        l.scim.opprettBruker('entra', kari({ eksternId: 'k-2', foedselsnummer: null }), T0),
      ).rejects.toEqual(new Unikhetsfeil('brukernavn'));
      await expect(
        l.scim.opprettBruker('entra', kari({ brukernavn: 'ny@kommune.no', foedselsnummer: null }), T0),
      ).rejects.toEqual(new Unikhetsfeil('eksternId'));
      // The same fødselsnummer twice in one source system: refused without echoing the number.
      const feil = await l.scim
        .opprettBruker('entra', kari({ brukernavn: 'x@y.no', eksternId: 'z' }), T0)
        .catch((e: unknown) => e);
      expect(feil).toEqual(new Unikhetsfeil('foedselsnummer'));
      expect((feil as Error).message).not.toMatch(/\d{11}/);
      // In another source system it is allowed (issue 19): a refusal would tell that system the number
      // belongs to another system's user. The same userName there is allowed too.
      const annen = await l.scim.opprettBruker('annet', kari({ eksternId: 'annet-kari' }), T0);
      expect(annen.foedselsnummer).toBe(kari({}).foedselsnummer);
      // A match by the number alone is then ambiguous and picks no one; within a source system it is not.
      expect(await l.brukere.finnMedFoedselsnummer('04817299771')).toBeNull();
      expect((await l.brukere.finnMedFoedselsnummer('04817299771', 'entra'))?.id).toBe(b.id);
      expect((await l.brukere.finnMedFoedselsnummer('04817299771', 'annet'))?.id).toBe(annen.id);
      await l.scim.slettBruker('annet', annen.id);
      await l.scim.opprettBruker('annet', kari({ foedselsnummer: null }), T0);

      const ny = await l.scim.erstattBruker(
        'entra',
        b.id,
        kari({ visningsnavn: 'Kari N.', epost: [] }),
        etter(MIN),
        1,
      );
      expect(ny).toMatchObject({
        visningsnavn: 'Kari N.',
        epost: [],
        versjon: 2,
        endret: etter(MIN).toISOString(),
      });
      await expect(l.scim.erstattBruker('entra', b.id, kari(), etter(MIN), 1)).rejects.toBeInstanceOf(
        Versjonskonflikt,
      );
      expect(await l.scim.erstattBruker('annet', b.id, kari(), etter(MIN))).toBeNull();
      // Paging: 1-based start, total independent of the page.
      const side = await l.scim.listBrukere('entra', null, { start: 2, antall: 5 });
      expect(side).toEqual({ totalt: 1, brukere: [] });
    });

    it('groups: members of the same source system only; roles through groups follow membership', async () => {
      const [b] = (await l.scim.listBrukere('entra', null, { start: 1, antall: 1 })).brukere;
      const bid = b?.id as string;
      const [fremmed] = (await l.scim.listBrukere('annet', null, { start: 1, antall: 1 })).brukere;
      await expect(
        l.scim.opprettGruppe(
          'entra',
          { visningsnavn: 'Hjemmetjenesten', eksternId: 'g-1', medlemmer: [fremmed?.id as string] },
          T0,
        ),
      ).rejects.toEqual(new UkjenteMedlemmer([fremmed?.id as string]));
      expect((await l.scim.listGrupper('entra', null, { start: 1, antall: 10 })).totalt).toBe(0);

      const g = await l.scim.opprettGruppe(
        'entra',
        { visningsnavn: 'Hjemmetjenesten', eksternId: 'g-1', medlemmer: [bid] },
        T0,
      );
      expect(g.medlemmer).toEqual([{ id: bid, visningsnavn: 'Kari N.' }]);
      await l.grupper.tildelRolle(g.id, 'hjemmetjeneste');
      expect(await l.brukere.effektiveRoller(bid)).toEqual(['hjemmetjeneste']);
      expect((await l.scim.hentBruker('entra', bid))?.grupper).toEqual([
        { id: g.id, visningsnavn: 'Hjemmetjenesten' },
      ]);

      const uten = await l.scim.endreGruppe('entra', g.id, { fjern: [bid] }, etter(MIN));
      expect(uten?.medlemmer).toEqual([]);
      expect(uten?.versjon).toBe(2);
      expect(await l.brukere.effektiveRoller(bid)).toEqual([]);
      await l.scim.endreGruppe('entra', g.id, { leggTil: [bid, bid] }, etter(MIN));
      expect(await l.brukere.effektiveRoller(bid)).toEqual(['hjemmetjeneste']);
      const omdoept = await l.scim.endreGruppe(
        'entra',
        g.id,
        { data: { visningsnavn: 'Hjemmetjeneste øst', eksternId: 'g-1' }, medlemmer: [] },
        etter(2 * MIN),
      );
      expect(omdoept).toMatchObject({ visningsnavn: 'Hjemmetjeneste øst', medlemmer: [] });
      expect(
        (
          await l.scim.listGrupper(
            'entra',
            { felt: 'visningsnavn', verdi: 'hjemmetjeneste ØST' },
            { start: 1, antall: 10 },
            false,
          )
        ).grupper,
      ).toEqual([expect.not.objectContaining({ medlemmer: expect.anything() })]);
      expect(await l.scim.endreGruppe('annet', g.id, { leggTil: [] }, T0)).toBeNull();
      expect(await l.scim.slettGruppe('entra', g.id)).toBe(true);
      expect(await l.grupper.roller(g.id)).toEqual([]);
    });

    it('sessions: idle and absolute expiry, logout, stored only as a hash, ended when the user is deactivated', async () => {
      const [b] = (await l.scim.listBrukere('entra', null, { start: 1, antall: 1 })).brukere;
      const bid = b?.id as string;
      const { id, sesjon } = await l.sesjoner.opprett({
        brukerId: bid,
        innlogging: 'OIDC',
        naa: T0,
        levetid: LEVETID,
      });
      expect(sesjon.utloeper).toBe(etter(8 * 60 * MIN).toISOString());
      const rader = await l.sql.query('SELECT * FROM sesjoner');
      expect(JSON.stringify(rader)).not.toContain(id);
      // Used every 20 minutes it lives on, until the absolute end.
      for (let t = 20; t < 8 * 60; t += 20) {
        expect(await l.sesjoner.hent(id, etter(t * MIN), LEVETID)).toMatchObject({ brukerId: bid });
      }
      expect(await l.sesjoner.hent(id, etter(8 * 60 * MIN), LEVETID)).toBeNull();
      // Idle for 30 minutes: gone.
      const andre = await l.sesjoner.opprett({
        brukerId: bid,
        innlogging: 'OIDC',
        naa: T0,
        levetid: LEVETID,
      });
      expect(await l.sesjoner.hent(andre.id, etter(29 * MIN), LEVETID)).not.toBeNull();
      expect(await l.sesjoner.hent(andre.id, etter(59 * MIN), LEVETID)).toBeNull();
      // Logout.
      const tredje = await l.sesjoner.opprett({
        brukerId: bid,
        innlogging: 'DEMO',
        naa: T0,
        levetid: LEVETID,
      });
      expect(await l.sesjoner.avslutt(tredje.id)).toMatchObject({ innlogging: 'DEMO' });
      expect(await l.sesjoner.hent(tredje.id, etter(MIN), LEVETID)).toBeNull();
      // Deactivated over SCIM: every session ends.
      const fjerde = await l.sesjoner.opprett({
        brukerId: bid,
        innlogging: 'OIDC',
        naa: T0,
        levetid: LEVETID,
      });
      const naa = await l.scim.hentBruker('entra', bid);
      await l.scim.erstattBruker('entra', bid, { ...(naa as ScimBrukerdata), aktiv: false }, etter(MIN));
      expect(await l.sesjoner.hent(fjerde.id, etter(MIN), LEVETID)).toBeNull();
      expect(await l.sesjoner.antallForBruker(bid)).toBe(0);
      // Deleted: sessions go with the user.
      await l.scim.erstattBruker('entra', bid, { ...(naa as ScimBrukerdata), aktiv: true }, etter(MIN));
      await l.sesjoner.opprett({ brukerId: bid, innlogging: 'OIDC', naa: T0, levetid: LEVETID });
      expect(await l.scim.slettBruker('entra', bid)).toBe(true);
      expect(await l.sesjoner.antallForBruker(bid)).toBe(0);
    });

    it('OIDC sign-ins in progress are used once and expire', async () => {
      await l.innloggingsforsoek.lagre('tilstand-1', { nonce: 'n', kodeverifier: 'v' }, etter(10 * MIN));
      expect(await l.innloggingsforsoek.hentOgSlett('tilstand-1', etter(MIN))).toEqual({
        nonce: 'n',
        kodeverifier: 'v',
      });
      expect(await l.innloggingsforsoek.hentOgSlett('tilstand-1', etter(MIN))).toBeNull();
      await l.innloggingsforsoek.lagre('tilstand-2', { nonce: 'n', kodeverifier: 'v' }, etter(10 * MIN));
      expect(await l.innloggingsforsoek.hentOgSlett('tilstand-2', etter(10 * MIN))).toBeNull();
    });
  });
}
