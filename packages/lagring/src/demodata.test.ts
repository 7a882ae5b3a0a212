import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEREGNINGSTYPER } from '@inntektsgrunnlag/beregning';
import { vurderTilgang } from '@inntektsgrunnlag/tilgang';
import { afterAll, describe, expect, it } from 'vitest';
import { aapneLagring, DEMODATA, demooppsettFor } from './index.js';

const katalog = mkdtempSync(join(tmpdir(), 'lagring-demo-'));
afterAll(() => rmSync(katalog, { recursive: true, force: true }));

describe('demo data in embedded mode', () => {
  it('seeds one role, user and client per area, idempotently, in a data directory that persists', async () => {
    const l = await aapneLagring({ dataKatalog: katalog });
    try {
      expect((await l.roller.alle()).map((r) => [r.id, r.tjenesteomraade, r.avregning])).toEqual([
        ['demo-foreldrebetaling', 'FORELDREBETALING', false],
        ['demo-langtidsopphold', 'LANGTIDSOPPHOLD', true],
        ['demo-praktisk-bistand', 'PRAKTISK_BISTAND', false],
      ]);
      for (const d of DEMODATA) {
        expect(await l.brukere.effektiveRoller(d.bruker.id)).toEqual([d.rolle.id]);
        const a = await l.klienter.autentiser(d.rolle.id);
        expect(a.ok && a.aktoer.roller).toEqual([d.rolle.id]);
        expect((await l.klienter.hent(d.klient.id))?.demo).toBe(true);
      }
      await l.revisjonslogg.skriv({
        tidspunkt: '2026-11-27T08:00:00Z',
        aktoer: {
          type: 'BRUKER',
          id: 'demo-bruker-foreldrebetaling',
          visningsnavn: 'Nysgjerrig Ekorn (demo)',
        },
        identifikatorer: ['04817299771'],
        utfall: 'AVVIST',
        aarsakskode: 'FEIL_TJENESTEOMRAADE',
      });
    } finally {
      await l.lukk();
    }

    const igjen = await aapneLagring({ dataKatalog: katalog });
    try {
      expect(await igjen.roller.alle()).toHaveLength(3);
      expect(await igjen.brukere.alle()).toHaveLength(3);
      expect(await igjen.klienter.alle()).toHaveLength(3);
      expect(await igjen.migreringer()).toEqual([
        { versjon: 1, navn: 'grunnskjema' },
        { versjon: 2, navn: 'scim_og_sesjoner' },
        { versjon: 3, navn: 'revisjonslogg_vern_uten_search_path' },
        { versjon: 4, navn: 'ks_integrasjoner' },
        { versjon: 5, navn: 'revisjonslogg_idempotens' },
        { versjon: 6, navn: 'kommunesatser' },
        { versjon: 7, navn: 'arkivforsendelser' },
        { versjon: 9, navn: 'kildeplasser' },
      ]);
      expect(await igjen.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true, antall: 1 });
    } finally {
      await igjen.lukk();
    }
  });

  it('gives each demo role access to its own beregningstype only', async () => {
    const l = await aapneLagring({ iMinne: true });
    try {
      const roller = await l.roller.alle();
      for (const d of DEMODATA) {
        const aktoer = await l.brukere.aktoer(d.bruker.id);
        const tillatt = BEREGNINGSTYPER.filter(
          (type) => vurderTilgang({ aktoer, rolleId: d.rolle.id, beregningstype: type, roller }).tillatt,
        );
        expect(tillatt).toHaveLength(1);
        expect(demooppsettFor(tillatt[0] as string)).toBe(d);
      }
    } finally {
      await l.lukk();
    }
  });

  it('can be left out', async () => {
    const l = await aapneLagring({ iMinne: true, demodata: false });
    try {
      expect(await l.roller.alle()).toEqual([]);
    } finally {
      await l.lukk();
    }
  });
});
