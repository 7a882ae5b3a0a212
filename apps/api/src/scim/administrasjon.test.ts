import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { aapneLagring, hashScimToken, type Lagring } from '@inntektsgrunnlag/lagring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finnRotkatalog } from '../miljoe.js';
import { knyttRolle, opprettKildesystem, roterKildesystemtoken } from './administrasjon.js';
import { T0 } from './testapp.js';

let lagring: Lagring;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(() => lagring.lukk());

describe('administration of source systems and role bindings', () => {
  it('creates a source system, rotates its token, binds a role to a group by name or externalId', async () => {
    const { token } = await opprettKildesystem(lagring, { id: 'entra', navn: 'Entra ID', naa: T0 });
    const ny = await roterKildesystemtoken(lagring, { id: 'entra', naa: T0, levetidDager: 30 });
    expect(ny.token).not.toBe(token);
    expect((await lagring.kildesystemer.autentiser(token, T0)).ok).toBe(false);
    await expect(roterKildesystemtoken(lagring, { id: 'finnes-ikke', naa: T0 })).rejects.toThrow(
      /finnes ikke/,
    );

    const felles = { navn: null, aktiv: true, epost: [], foedselsnummer: null };
    const b = await lagring.scim.opprettBruker(
      'entra',
      { ...felles, brukernavn: 'kari', visningsnavn: 'Kari', eksternId: null },
      T0,
    );
    const g = await lagring.scim.opprettGruppe(
      'entra',
      { visningsnavn: 'Hjemmetjenesten', eksternId: 'sg-42', medlemmer: [b.id] },
      T0,
    );
    expect(
      await knyttRolle(lagring, {
        kildesystem: 'entra',
        gruppe: 'Hjemmetjenesten',
        rolle: 'demo-praktisk-bistand',
      }),
    ).toMatchObject({
      gruppe: { id: g.id },
      roller: ['demo-praktisk-bistand'],
    });
    expect(await lagring.brukere.effektiveRoller(b.id)).toEqual(['demo-praktisk-bistand']);
    await knyttRolle(lagring, {
      kildesystem: 'entra',
      gruppe: 'sg-42',
      rolle: 'demo-praktisk-bistand',
      fjern: true,
    });
    expect(await lagring.brukere.effektiveRoller(b.id)).toEqual([]);
    await expect(
      knyttRolle(lagring, { kildesystem: 'entra', gruppe: 'Finnes ikke', rolle: 'demo-praktisk-bistand' }),
    ).rejects.toThrow(/ingen gruppe/);
    await expect(
      knyttRolle(lagring, { kildesystem: 'entra', gruppe: g.id, rolle: 'ukjent-rolle' }),
    ).rejects.toThrow(/finnes ikke/);
    await lagring.scim.opprettGruppe(
      'entra',
      { visningsnavn: 'Hjemmetjenesten', eksternId: null, medlemmer: [] },
      T0,
    );
    await expect(
      knyttRolle(lagring, {
        kildesystem: 'entra',
        gruppe: 'Hjemmetjenesten',
        rolle: 'demo-praktisk-bistand',
      }),
    ).rejects.toThrow(/2 grupper/);
  });
});

describe('the script opprett-kildesystem.ts', () => {
  const katalog = mkdtempSync(join(tmpdir(), 'ig-kildesystem-'));
  afterAll(() => rmSync(katalog, { recursive: true, force: true }));

  it('prints the token once and stores only its hash', async () => {
    const rot = finnRotkatalog();
    const kjoer = (...a: string[]) =>
      promisify(execFile)(
        process.execPath,
        [
          '--conditions=@inntektsgrunnlag/source',
          '--import',
          'tsx',
          join(rot, 'apps/api/src/scim/opprett-kildesystem.ts'),
          ...a,
        ],
        { cwd: rot, env: { ...process.env, INNTEKTSGRUNNLAG_DATA: katalog } },
      );
    const { stdout } = await kjoer('entra', 'Entra ID', '--dager', '90');
    const token = /Token \(vises bare nå; lagres bare som hash\): (scim_[\w-]{43})/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const feil = await kjoer('entra', 'Entra ID').catch((e: { code: number; stderr: string }) => e);
    expect(feil).toMatchObject({ code: 2, stderr: expect.stringContaining('finnes allerede') });
    const l = await aapneLagring({ dataKatalog: katalog });
    try {
      const rader = await l.sql.query<{ token_hash: string }>('SELECT token_hash FROM kildesystemer');
      expect(rader).toEqual([{ token_hash: hashScimToken(token as string) }]);
      expect((await l.kildesystemer.hent('entra'))?.navn).toBe('Entra ID');
    } finally {
      await l.lukk();
    }
  }, 120_000);
});
