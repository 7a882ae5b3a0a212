import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dokumentmetadata,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
  vedtaksbrevinnhold,
  vedtaksbrevmetadata,
  vedtaksbrevSomPdf,
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

describe('the decision letter of a lookup', () => {
  const brevinnstillinger = validerKommuneinnstillinger({
    kommunenavn: 'Tønsberg kommune',
    kommunenummer: '3905',
    vedtaksbrev: {
      standardspraak: 'nn',
      adresse: ['Postboks 2410', '3104 Tønsberg'],
      statsforvalter: 'Statsforvaltaren i Vestfold og Telemark',
      underskriver: { navn: 'Siri Leder', tittel: 'einingsleiar' },
    },
  });

  it('takes the municipality, its letter settings, the maker and the time of the lookup', async () => {
    const r = await oppslag('demo-langtidsopphold');
    expect(vedtaksbrevmetadata(r, brevinnstillinger)).toMatchObject({
      kommunenavn: 'Tønsberg kommune',
      kommunenummer: '3905',
      innstillinger: { standardspraak: 'nn', adresse: ['Postboks 2410', '3104 Tønsberg'] },
      laget: { rolle: 'demo-langtidsopphold', brukernavn: r.utfoert.aktoer.visningsnavn },
      opprettet: '2024-06-01T10:00:00.000Z',
    });
  });

  it("writes the letter in the municipality's standard, to the person Folkeregisteret names, in the lookup's case", async () => {
    const r = await oppslag('demo-langtidsopphold');
    const { brev, metadata, pdf } = await vedtaksbrevSomPdf(
      r,
      { vurderinger: 'Tenkt etterlattepensjon er dokumentert.' },
      brevinnstillinger,
    );
    expect(brev.spraak).toBe('nn');
    expect(brev.mottaker?.navn).toBe('UPERSONLIG PÅFUNN');
    expect(brev.underskrift).toMatchObject({ navn: 'Siri Leder', tittel: 'einingsleiar' });
    expect(JSON.stringify(brev)).toContain('Statsforvaltaren i Vestfold og Telemark');
    expect(metadata).toMatchObject({
      saksreferanse: '2024/7',
      dokumentdato: '2024-06-01',
      kommunenummer: '3905',
    });
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The case worker's own fields win over the lookup's.
    const egen = vedtaksbrevinnhold(
      r,
      { vurderinger: 'Dokumentert.', saksreferanse: '2024/99', spraak: 'nb' },
      brevinnstillinger,
    );
    expect(egen.metadata.saksreferanse).toBe('2024/99');
    expect(egen.brev.spraak).toBe('nb');
  });

  it('names a bad letter setting in the settings file', () => {
    expect(validerKommuneinnstillinger({}).vedtaksbrev).toEqual({ standardspraak: 'nb', adresse: [] });
    for (const [vedtaksbrev, felt] of [
      [{ standardspraak: 'sv' }, 'kommuneinnstillinger.vedtaksbrev.standardspraak'],
      [{ logo: 'logo.png' }, 'kommuneinnstillinger.vedtaksbrev.logo'],
      [{ ukjent: true }, 'kommuneinnstillinger.vedtaksbrev'],
    ] as const) {
      try {
        validerKommuneinnstillinger({ vedtaksbrev });
        throw new Error('forventet Valideringsfeil');
      } catch (e) {
        if (!(e instanceof Valideringsfeil)) throw e;
        expect(e.feil.map((f) => f.felt)).toEqual([felt]);
      }
    }
  });
});
