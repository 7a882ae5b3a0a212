import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

// One embedded database for the whole file, so a lookup and the audit listing see the same log.
const katalog = mkdtempSync(join(tmpdir(), 'ig-cli-tilgang-'));
const env = { INNTEKTSGRUNNLAG_DATA: join(katalog, 'pglite') };
afterAll(() => rmSync(katalog, { recursive: true, force: true }));

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const fil = join(katalog, 'ks.json');
writeFileSync(fil, JSON.stringify({ ...ks.foresporsel, beregningsdato: '2024-06-01' }));

async function kjoer(argv: string[]) {
  const t = testkontekst({ env });
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

describe('beregn runs through access control and the audit log', () => {
  it('uses the demo role of the request’s area in embedded mode, and records the lookup with its case reference', async () => {
    const r = await kjoer(['beregn', fil, '--saksreferanse', 'SAK-2024-17']);
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(resultat.beregningsbeloep).toBe(567127);
    expect(resultat.utfoert).toMatchObject({ rolleId: 'demo-langtidsopphold', saksreferanse: 'SAK-2024-17' });
    const liste = JSON.parse((await kjoer(['revisjon', 'liste', '--siste', '1', '--format', 'json'])).ut);
    expect(liste[0]).toMatchObject({
      utfall: 'TILLATT',
      rolleId: 'demo-langtidsopphold',
      saksreferanse: 'SAK-2024-17',
    });
  });

  it('refuses a role of another area: exit 1 with the reason, and the refusal is in revisjon liste', async () => {
    const r = await kjoer(['beregn', fil, '--rolle', 'demo-foreldrebetaling']);
    expect(r.kode).toBe(1);
    expect(r.ut).toBe('');
    expect(r.feil).toMatch(/Avvist \(FEIL_TJENESTEOMRAADE\)/);
    const liste = JSON.parse((await kjoer(['revisjon', 'liste', '--siste', '1', '--format', 'json'])).ut);
    expect(liste[0]).toMatchObject({
      utfall: 'AVVIST',
      aarsakskode: 'FEIL_TJENESTEOMRAADE',
      rolleId: 'demo-foreldrebetaling',
    });
    expect((await kjoer(['revisjon', 'verifiser'])).kode).toBe(0);
  });

  it('refuses an unknown user and an unknown role, each audited', async () => {
    const ukjentBruker = await kjoer(['beregn', fil, '--bruker', 'finnes-ikke']);
    expect(ukjentBruker.kode).toBe(1);
    expect(ukjentBruker.feil).toMatch(/AKTOER_UKJENT/);
    const ukjentRolle = await kjoer(['beregn', fil, '--rolle', 'finnes-ikke']);
    expect(ukjentRolle.kode).toBe(1);
    expect(ukjentRolle.feil).toMatch(/ROLLE_/);
    const liste = JSON.parse((await kjoer(['revisjon', 'liste', '--siste', '2', '--format', 'json'])).ut);
    expect(liste.map((p: { aarsakskode: string }) => p.aarsakskode).sort()).toEqual(
      ['AKTOER_UKJENT', expect.stringMatching(/^ROLLE_/)].sort(),
    );
  });
});
