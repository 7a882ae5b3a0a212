import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dokumentmetadata,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as { foresporsel: object };
const innstillinger = validerKommuneinnstillinger({ kommunenavn: 'Demokommune' });

let lagring: Lagring;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(() => lagring.lukk());

async function oppslag(rolleId: string) {
  const demo = DEMODATA.find((d) => d.rolle.id === rolleId);
  const aktoer = demo ? await lagring.brukere.aktoer(demo.bruker.id) : null;
  if (!aktoer) throw new Error(`ingen demobruker for ${rolleId}`);
  const tjeneste = new Oppslagstjeneste({
    lagring,
    kilder: innebygdeKilder(),
    regelverk: standardRegelverk(),
    innstillinger,
    klokke: () => new Date('2024-06-01T10:00:00Z'),
  });
  const { resultat } = await tjeneste.beregn({
    autentisering: { ok: true, aktoer },
    rolleId,
    saksreferanse: '2024/7',
    foresporsel: { ...ks.foresporsel, beregningsdato: '2024-06-01' },
  });
  return resultat;
}

describe('dokumentmetadata', () => {
  it('names the municipality, the maker, the role, the case and the time of the lookup', async () => {
    const r = await oppslag('demo-langtidsopphold');
    expect(dokumentmetadata(r, innstillinger)).toMatchObject({
      kommunenavn: 'Demokommune',
      laget: { rolle: 'demo-langtidsopphold', brukernavn: r.utfoert.aktoer.visningsnavn },
      saksreferanse: '2024/7',
      opprettet: '2024-06-01T10:00:00.000Z',
    });
  });

  it('carries avregning per person when the lookup fetched it, and none for an area without it', async () => {
    const r = await oppslag('demo-langtidsopphold');
    expect(r.utfoert.avregning).toBe(true);
    const avregning = dokumentmetadata(r, innstillinger).avregning ?? [];
    expect(avregning.map((a) => a.identifikator)).toEqual(r.personer.map((p) => p.identifikator));
    expect(
      avregning.every((a) => Object.keys(a).some((k) => k === 'restskatt' || k === 'beloepTilgode')),
    ).toBe(true);
    const uten = { ...r, utfoert: { ...r.utfoert, avregning: false } };
    expect(dokumentmetadata(uten, innstillinger).avregning).toBeUndefined();
  });
});
