import { generateKeyPairSync } from 'node:crypto';
import {
  httpKilder,
  innebygdeKilder,
  innebygdPopulasjon,
  type Kilder,
  KS_PARTNER,
  KS_SOEKER,
  lagKilder,
  lesKildeoppsett,
  PersonIkkeFunnet,
  type Populasjon,
  personerIKategori,
  type SyntetiskPerson,
  standinAdresser,
} from '@inntektsgrunnlag/kilder';
import { type Standin, startStandin } from '@inntektsgrunnlag/kilder/standin';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Autentisering,
  Grunnlagsbuffer,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

/**
 * Beregnet skatt and Avregning answers other than «no data», and screened persons, against the
 * stand-in over HTTP (the product's own adapters and Maskinporten client): the lookup goes on without
 * the posts, says what is missing and why, and withholds the fee only where those posts enter it.
 *
 * The KS example (langtidsopphold 2023), arithmetic as published: inntekt 801 718 − fradrag (beregnet
 * skatt 234 591) = 567 127. Without Beregnet skatt the basis is 801 718, and no vederlag is computed.
 */
const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const ksForesporsel = { ...ks.foresporsel, beregningsdato: '2024-06-01' };
const KLOKKE = () => new Date('2024-06-01T10:00:00Z');
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVAT = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ALLE_SCOPES = [
  'skatteetaten:summertskattegrunnlag',
  'skatteetaten:beregnetskatt',
  'skatteetaten:avregning',
  'folkeregister:deling/offentligmedhjemmel',
];

let lagring: Lagring;
const standins: Standin[] = [];
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(async () => {
  await Promise.all(standins.map((s) => s.stopp()));
  await lagring.lukk();
});

async function standinKilder(
  valg: {
    scopes?: string[];
    populasjon?: Populasjon;
    tilpass?: (a: ReturnType<typeof standinAdresser>) => ReturnType<typeof standinAdresser>;
    rettighetspakker?: Parameters<typeof httpKilder>[0]['rettighetspakker'];
  } = {},
): Promise<Kilder> {
  const s = await startStandin({
    klienter: [
      {
        klientId: 'fagsystem',
        offentligNoekkel: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        scopes: valg.scopes ?? ALLE_SCOPES,
        kid: 'noekkel-1',
      },
    ],
    ...(valg.populasjon ? { populasjon: valg.populasjon } : {}),
  });
  standins.push(s);
  const a = standinAdresser(s.url);
  return httpKilder({
    adresser: valg.tilpass ? valg.tilpass(a) : a,
    maskinporten: {
      tokenUrl: a.tokenUrl,
      audience: a.audience,
      klientId: 'fagsystem',
      noekkel: PRIVAT,
      kid: 'noekkel-1',
    },
    forsoek: { ventStartMs: 2, ventMaksMs: 20 },
    syntetisk: true,
    ...(valg.rettighetspakker ? { rettighetspakker: valg.rettighetspakker } : {}),
  });
}

async function demobruker(rolleId: string): Promise<Autentisering> {
  const demo = DEMODATA.find((d) => d.rolle.id === rolleId);
  const aktoer = demo ? await lagring.brukere.aktoer(demo.bruker.id) : null;
  if (!aktoer) throw new Error(`ingen demobruker for ${rolleId}`);
  return { ok: true, aktoer };
}

async function beregnKs(kilder: Kilder, foresporsel: Record<string, unknown> = ksForesporsel) {
  const t = new Oppslagstjeneste({
    lagring,
    kilder,
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger({}),
    klokke: KLOKKE,
  });
  const { resultat } = await t.beregn({
    autentisering: await demobruker('demo-langtidsopphold'),
    rolleId: 'demo-langtidsopphold',
    foresporsel,
  });
  return resultat as typeof resultat & { vederlag: unknown };
}

const koder = (r: { advarsler: Array<{ kode: string }> }) => r.advarsler.map((a) => a.kode);
const advarsel = (r: { advarsler: Array<{ kode: string; melding: string }> }, kode: string) =>
  r.advarsler.find((a) => a.kode === kode)?.melding ?? '';

describe('Beregnet skatt and Avregning fail gracefully (against the stand-in)', { timeout: 60_000 }, () => {
  it('with every right, the KS example gives 567 127 and a vederlag', async () => {
    const r = await beregnKs(await standinKilder());
    expect(r.beregningsbeloep).toBe(567127);
    expect(r.vederlag).not.toBeNull();
    expect(koder(r)).not.toContain('AVGIFT_HOLDT_TILBAKE');
  });

  it('Beregnet skatt refused (Maskinporten: no scope): the basis without its posts, the vederlag withheld, both said', async () => {
    const r = await beregnKs(
      await standinKilder({ scopes: ALLE_SCOPES.filter((s) => s !== 'skatteetaten:beregnetskatt') }),
    );
    // 801 718 = 567 127 + 234 591: the beregnet skatt is not deducted.
    expect(r.beregningsbeloep).toBe(801718);
    expect(r.vederlag).toBeNull();
    expect(r.hovedtall).toEqual([]);
    expect(advarsel(r, 'BEREGNET_SKATT_IKKE_HENTET')).toMatch(/^Maskinporten: .*invalid_scope/);
    expect(advarsel(r, 'AVGIFT_HOLDT_TILBAKE')).toMatch(
      /Beregnet skatt for 048172\*\*\*\*\* \(virksomheten fikk ikke tilgang; postene \/beregnetSkattFastland\/informasjonTilSkattelister\/beregnetSkatt/,
    );
    // Avregning was fetched as usual.
    const poster = r.visningsposter.flatMap((g) => g.poster.map((p) => p.tekniskNavn));
    expect(poster).toContain('/fastland/restskatt');
  });

  it('403 from Avregning (AR-005, a package spelled otherwise): like KS’s SI-02, a warning; Avregning is only shown, so the vederlag is computed', async () => {
    const r = await beregnKs(
      await standinKilder({
        rettighetspakker: { AVREGNING: { LANGTIDSOPPHOLD_INSTITUSJON: 'kommuneLangtidsoppholdInstitusjon' } },
      }),
    );
    expect(r.beregningsbeloep).toBe(567127);
    expect(r.vederlag).not.toBeNull();
    expect(advarsel(r, 'AVREGNING_IKKE_TILGANG')).toMatch(/AR-005/);
    expect(koder(r)).not.toContain('AVGIFT_HOLDT_TILBAKE');
  });

  it('403 from Beregnet skatt (BSA-005): a rettighetspakke spelled otherwise than documented is refused', async () => {
    const r = await beregnKs(
      await standinKilder({
        rettighetspakker: {
          BEREGNET_SKATT: { LANGTIDSOPPHOLD_INSTITUSJON: 'kommunelangtidsoppholdinstitusjon' },
        },
      }),
    );
    expect(advarsel(r, 'BEREGNET_SKATT_IKKE_HENTET')).toMatch(/BSA-005/);
    expect(r.beregningsbeloep).toBe(801718);
    expect(r.vederlag).toBeNull();
  });

  it('404 on a wrong path (BSA-003): the lookup goes on, the vederlag is withheld', async () => {
    const r = await beregnKs(
      await standinKilder({
        tilpass: (a) => ({ ...a, beregnetSkatt: a.beregnetSkatt.replace('/v2', '/v9') }),
      }),
    );
    expect(advarsel(r, 'BEREGNET_SKATT_IKKE_HENTET')).toMatch(/BSA-003/);
    expect(r.beregningsbeloep).toBe(801718);
    expect(r.vederlag).toBeNull();
  });

  it('a recalculation on the kept basis withholds the vederlag as the lookup did', async () => {
    const kilder = await standinKilder({
      scopes: ALLE_SCOPES.filter((s) => s !== 'skatteetaten:beregnetskatt'),
    });
    const t = new Oppslagstjeneste({
      lagring,
      kilder,
      regelverk: standardRegelverk(),
      innstillinger: validerKommuneinnstillinger({}),
      klokke: KLOKKE,
      grunnlagsbuffer: new Grunnlagsbuffer(),
    });
    const felles = {
      autentisering: await demobruker('demo-langtidsopphold'),
      rolleId: 'demo-langtidsopphold',
    };
    const forste = await t.beregn({ ...felles, foresporsel: ksForesporsel });
    expect(forste.resultat.grunnlagsreferanse).toBeTruthy();
    const igjen = await t.beregn({
      ...felles,
      foresporsel: ksForesporsel,
      grunnlagsreferanse: forste.resultat.grunnlagsreferanse ?? null,
    });
    expect(igjen.resultat.utfoert.grunnlag).toBe('GJENBRUKT');
    expect((igjen.resultat as unknown as { vederlag: unknown }).vederlag).toBeNull();
    expect(koder(igjen.resultat)).toContain('AVGIFT_HOLDT_TILBAKE');
    expect(igjen.resultat.beregningsbeloep).toBe(801718);
  });

  it('BSA-009 (person not found in Beregnet skatt) is recorded the same way', async () => {
    const k = innebygdeKilder();
    const kilder: Kilder = {
      ...k,
      beregnetSkatt: {
        hent: (o) =>
          Promise.reject(
            new PersonIkkeFunnet(
              { api: 'BEREGNET_SKATT', identifikator: o.identifikator, inntektsaar: o.inntektsaar },
              { httpStatus: 404, kode: 'BSA-009' },
            ),
          ),
      },
    };
    const r = await beregnKs(kilder);
    expect(advarsel(r, 'BEREGNET_SKATT_IKKE_HENTET')).toMatch(/BSA-009/);
    expect(advarsel(r, 'AVGIFT_HOLDT_TILBAKE')).toMatch(/Skatteetaten fant ikke personen/);
    expect(r.vederlag).toBeNull();
  });
});

/** A screened person whose answers kept the sums (docs/om/skjerming.md: «summer og tall vil være riktige»). */
function medSkjermetMedSummer(): { populasjon: Populasjon; id: string } {
  const pop = innebygdPopulasjon();
  const beskyttet = personerIKategori('ADRESSEBESKYTTELSE', pop)[0] as SyntetiskPerson;
  const ks2023 = pop.personer.get(KS_SOEKER)?.aar.get(2023);
  if (!ks2023?.oppgjoer || !ks2023.beregnetSkatt) throw new Error('KS-søkeren mangler 2023');
  const id = beskyttet.identifikator;
  const person: SyntetiskPerson = {
    ...beskyttet,
    aar: new Map([
      [
        2023,
        {
          oppgjoer: { ...ks2023.oppgjoer, personidentifikator: id, skjermet: true },
          beregnetSkatt: { ...ks2023.beregnetSkatt, personidentifikator: id, skjermet: true },
        },
      ],
    ]),
  };
  const personer = new Map(pop.personer);
  personer.set(id, person);
  return { populasjon: { froe: pop.froe, personer }, id };
}

describe('screened persons (skjermet)', { timeout: 60_000 }, () => {
  it('with sums: the sums are used and Beregnet skatt is still asked, so the vederlag is computed', async () => {
    const { populasjon, id } = medSkjermetMedSummer();
    const r = await beregnKs(await standinKilder({ populasjon }), {
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2023,
      beregningsdato: '2024-06-01',
      personer: [{ identifikator: id, type: 'SOEKER' }],
    });
    // The KS søker's own figures: 801 718 in income, 234 591 beregnet skatt deducted (the partner is absent).
    expect(r.beregningsbeloep).toBe(567127);
    expect(r.vederlag).not.toBeNull();
    expect(koder(r)).toContain('SKJERMET_PERSON');
    expect(koder(r)).not.toContain('AVGIFT_HOLDT_TILBAKE');
  });

  it('without posts: no vederlag on an empty basis, and the result says how to obtain the figures', async () => {
    const beskyttet = personerIKategori('ADRESSEBESKYTTELSE')[0] as SyntetiskPerson;
    const r = await beregnKs(await standinKilder(), {
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2023,
      beregningsdato: '2024-06-01',
      personer: [{ identifikator: beskyttet.identifikator, type: 'SOEKER' }],
    });
    expect(r.vederlag).toBeNull();
    expect(r.hovedtall).toEqual([]);
    const m = advarsel(r, 'AVGIFT_HOLDT_TILBAKE');
    expect(m).toMatch(/Summert skattegrunnlag for \d{6}\*{5} \(Skatteetaten har skjermet opplysningene/);
    expect(m).toMatch(/be personen legge fram skatteoppgjøret/);
    expect(m).toMatch(/«poster»/);
  });

  it('the same for BARNEHAGE_SFO: a screened parent without posts gets no foreldrebetaling computed', async () => {
    const beskyttet = personerIKategori('ADRESSEBESKYTTELSE')[0] as SyntetiskPerson;
    const t = new Oppslagstjeneste({
      lagring,
      kilder: innebygdeKilder(),
      regelverk: standardRegelverk(),
      innstillinger: validerKommuneinnstillinger({}),
      klokke: KLOKKE,
    });
    const { resultat } = await t.beregn({
      autentisering: await demobruker('demo-foreldrebetaling'),
      rolleId: 'demo-foreldrebetaling',
      foresporsel: {
        beregningstype: 'BARNEHAGE_SFO',
        inntektsaar: 2023,
        beregningsdato: '2024-08-01',
        personer: [
          { identifikator: beskyttet.identifikator, type: 'SOEKER' },
          { identifikator: KS_PARTNER, type: 'SAMBOER' },
        ],
        vedtak: {
          barn: [
            { tilbud: 'BARNEHAGE', foedselsdato: '2021-03-01', prisPerMaaned: 3000, oppholdstimerPerUke: 41 },
          ],
        },
      },
    });
    expect((resultat as unknown as Record<string, unknown>).foreldrebetaling).toBeNull();
    expect(koder(resultat)).toContain('AVGIFT_HOLDT_TILBAKE');
  });
});

describe('without any Folkeregisteret access (KILDE_FOLKEREGISTER=ingen)', () => {
  it('the lookup still works, says names and protection could not be checked, and shows the persons as protected', async () => {
    const kilder = lagKilder(lesKildeoppsett({ KILDE_FOLKEREGISTER: 'ingen' }));
    const r = await beregnKs(kilder);
    expect(r.beregningsbeloep).toBe(567127);
    expect(r.vederlag).not.toBeNull();
    expect(r.personer.map((p) => [p.navn ?? null, p.skjermet])).toEqual([
      [null, true],
      [null, true],
    ]);
    const navn = r.advarsler.filter((a) => a.kode === 'NAVN_IKKE_HENTET');
    expect(navn).toHaveLength(2);
    expect(navn[0]?.melding).toMatch(
      /KILDE_FOLKEREGISTER=ingen.*Adressebeskyttelsen kunne heller ikke kontrolleres/,
    );
  });
});
