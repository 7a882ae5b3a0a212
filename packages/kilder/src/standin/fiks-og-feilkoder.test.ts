import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FolkeregisterIkkeSattOpp,
  IkkeTilgang,
  type KildeFeil,
  PersonIkkeFunnet,
  UgyldigOppslag,
} from '../feil.js';
import { httpKilder, standinAdresser } from '../http/adaptere.js';
import { fiksFolkeregister } from '../http/fiksFolkeregister.js';
import { MaskinportenKlient } from '../http/maskinporten.js';
import { lagKilder, lesKildeoppsett } from '../oppsett.js';
import { KS_PARTNER, KS_SOEKER } from '../populasjon/ksEksempel.js';
import { type Standin, startStandin } from './server.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVAT = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ROLLE = '6f1c3a4e-9b0d-4c1e-8f7a-2d3b4c5d6e7f';
const SMAL_ROLLE = '0b7d5e2a-1c3f-4a9b-8e6d-5f4c3b2a1d0e';
const INTEGRASJON = { id: 'c0ffee00-0000-4000-8000-000000000001', passord: 'fiks-hemmelig' };

let s: Standin;
beforeAll(async () => {
  s = await startStandin({
    klienter: [
      {
        klientId: 'fagsystem',
        offentligNoekkel: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        kid: 'noekkel-1',
      },
    ],
    fiksIntegrasjoner: [{ ...INTEGRASJON, roller: [{ id: ROLLE }, { id: SMAL_ROLLE, deler: ['navn'] }] }],
  });
});
afterAll(() => s.stopp());

const RASKT = { ventStartMs: 2, ventMaksMs: 20 };
function mp(): MaskinportenKlient {
  const a = standinAdresser(s.url);
  return new MaskinportenKlient({
    tokenUrl: a.tokenUrl,
    audience: a.audience,
    klientId: 'fagsystem',
    noekkel: PRIVAT,
    kid: 'noekkel-1',
  });
}
function fiks(endring: Partial<{ rolleId: string; integrasjonPassord: string }> = {}) {
  return fiksFolkeregister({
    url: s.url,
    rolleId: ROLLE,
    integrasjonId: INTEGRASJON.id,
    integrasjonPassord: INTEGRASJON.passord,
    maskinporten: mp(),
    forsoek: RASKT,
    ...endring,
  });
}
const feilAv = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as KildeFeil,
  );

describe('KS Fiks folkeregister (the same port as the direct client), against the stand-in', () => {
  it('gives the same person as Folkeregisteret directly: name, sivilstand, relations', async () => {
    const direkte = httpKilder({
      adresser: standinAdresser(s.url),
      maskinporten: mp(),
      forsoek: RASKT,
    }).folkeregister;
    const deler = ['navn', 'sivilstand', 'familierelasjon', 'adressebeskyttelse'] as const;
    const viaFiks = await fiks().hentPerson(KS_SOEKER, deler);
    expect(viaFiks).toEqual(await direkte.hentPerson(KS_SOEKER, deler));
    expect(viaFiks.navn?.etternavn).toBe('PÅFUNN');
    expect(viaFiks.sivilstand).toEqual({ type: 'gift', relatertVedSivilstand: KS_PARTNER });
  });

  it('refuses a wrong integration password (401), a role the integration lacks and a part the role lacks (403)', async () => {
    const passord = await feilAv(fiks({ integrasjonPassord: 'feil' }).hentPerson(KS_SOEKER, ['navn']));
    expect(passord).toBeInstanceOf(IkkeTilgang);
    expect(passord?.message).toMatch(/Autentisering feilet for integrasjon/);
    expect(passord?.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);
    const rolle = await feilAv(fiks({ rolleId: 'ukjent-rolle' }).hentPerson(KS_SOEKER, ['navn']));
    expect(rolle).toBeInstanceOf(IkkeTilgang);
    const del = await feilAv(fiks({ rolleId: SMAL_ROLLE }).hentPerson(KS_SOEKER, ['navn', 'sivilstand']));
    expect(del?.message).toMatch(/sivilstand/);
    expect((await fiks({ rolleId: SMAL_ROLLE }).hentPerson(KS_SOEKER, ['navn'])).navn?.fornavn).toBe(
      'UPERSONLIG',
    );
  });

  it('needs a token with scope ks:fiks, and the integration headers', async () => {
    const r = await fetch(`${s.url}/folkeregister/api/v1/${ROLLE}/v1/personer/${KS_SOEKER}?part=navn`, {
      headers: {
        authorization: `Bearer ${await mp().token('folkeregister:deling/offentligmedhjemmel')}`,
        integrasjonid: INTEGRASJON.id,
        integrasjonpassord: INTEGRASJON.passord,
      },
    });
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ status: 401, message: 'Klarte ikke å validere access_token' });
  });

  it('an unknown person is «not found»', async () => {
    expect(await feilAv(fiks().hentPerson('01010112345', ['navn']))).toBeInstanceOf(PersonIkkeFunnet);
  });

  it('is chosen by KILDE_FOLKEREGISTER=fiks, and KILDE_FOLKEREGISTER=ingen says it is not set up', async () => {
    const env = {
      KILDE: 'http',
      KILDE_BASE_URL: s.url,
      MASKINPORTEN_KLIENT_ID: 'fagsystem',
      MASKINPORTEN_NOEKKEL: PRIVAT,
      MASKINPORTEN_KID: 'noekkel-1',
      KILDE_VENT_START_MS: '2',
    };
    const k = lagKilder(
      lesKildeoppsett({
        ...env,
        KILDE_FOLKEREGISTER: 'fiks',
        FIKS_FOLKEREGISTER_ROLLE_ID: ROLLE,
        FIKS_FOLKEREGISTER_INTEGRASJON_ID: INTEGRASJON.id,
        FIKS_FOLKEREGISTER_INTEGRASJON_PASSORD: INTEGRASJON.passord,
      }),
    );
    const foer = s.statistikk().kall.FREG;
    expect((await k.folkeregister.hentPerson(KS_PARTNER, ['navn'])).navn?.etternavn).toBe('DAMESYKKEL');
    expect(s.statistikk().kall.FREG - foer).toBe(1);
    expect(() => lesKildeoppsett({ ...env, KILDE_FOLKEREGISTER: 'fiks' })).toThrow(
      /FIKS_FOLKEREGISTER_ROLLE_ID[\s\S]*FIKS_FOLKEREGISTER_INTEGRASJON_ID[\s\S]*FIKS_FOLKEREGISTER_INTEGRASJON_PASSORD/,
    );
    const ingen = lagKilder(lesKildeoppsett({ ...env, KILDE_FOLKEREGISTER: 'ingen' }));
    expect(await feilAv(ingen.folkeregister.hentPerson(KS_SOEKER, ['navn']))).toBeInstanceOf(
      FolkeregisterIkkeSattOpp,
    );
  });
});

describe('the stand-in answers with Skatteetaten’s documented error codes', () => {
  const token = async (scope: string) => `Bearer ${await mp().token(scope)}`;
  const hent = async (sti: string, autorisasjon?: string) => {
    const r = await fetch(`${s.url}${sti}`, autorisasjon ? { headers: { authorization: autorisasjon } } : {});
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it.each([
    ['beregnetskatt', 'BSA', 'skatteetaten:beregnetskatt', 'kommuneLangtidsoppholdInstitusjon'],
    ['avregning', 'AR', 'skatteetaten:avregning', 'kommunelangtidsoppholdinstitusjon'],
  ] as const)(
    '%s: 401 %s-004, 403 %s-005, 400 -006, 404 -003, and the package spelled exactly',
    async (sti, kode, scope, pakke) => {
      const gyldig = `/${sti}/v2/${pakke}/2023/${KS_SOEKER}`;
      expect(await hent(gyldig)).toMatchObject({ status: 401, body: { kode: `${kode}-004` } });
      expect(await hent(gyldig, await token('skatteetaten:summertskattegrunnlag'))).toMatchObject({
        status: 403,
        body: { kode: `${kode}-005` },
      });
      const t = await token(scope);
      expect((await hent(gyldig, t)).status).toBe(200);
      const annenSkrivemaate =
        pakke === pakke.toLowerCase() ? 'kommuneLangtidsoppholdInstitusjon' : pakke.toLowerCase();
      expect(await hent(`/${sti}/v2/${annenSkrivemaate}/2023/${KS_SOEKER}`, t)).toMatchObject({
        status: 403,
        body: { kode: `${kode}-005` },
      });
      expect(await hent(`/${sti}/v2/${pakke}/20x3/${KS_SOEKER}`, t)).toMatchObject({
        status: 400,
        body: { kode: `${kode}-006` },
      });
      expect(await hent(`/${sti}/v1/${pakke}/2023/${KS_SOEKER}`, t)).toMatchObject({
        status: 404,
        body: { kode: `${kode}-003` },
      });
    },
  );

  it('Folkeregisteret: {kode, melding} as documented (FREG-001 only where a code is published)', async () => {
    const sti = `/folkeregisteret/offentlig-med-hjemmel/api/v1/personer/01010112345?part=navn`;
    const r = await hent(sti, await token('folkeregister:deling/offentligmedhjemmel'));
    expect(r.status).toBe(404);
    expect(r.body.melding).toMatch(/Feil uri brukt eller at man ikke finner ressursen/);
    const uten = await hent(sti);
    expect(uten.status).toBe(401);
    expect(uten.body.melding).toBe('Autentiseringsinformasjon mangler');
  });

  it('the product maps them: BSA-005 is «no access», BSA-003 is «asked wrongly»', async () => {
    const k = httpKilder({ adresser: standinAdresser(s.url), maskinporten: mp(), forsoek: RASKT });
    const o = { inntektsaar: 2023, identifikator: KS_SOEKER };
    const e1 = await feilAv(
      k.beregnetSkatt.hent({ ...o, rettighetspakke: 'kommunelangtidsoppholdinstitusjon' }),
    );
    expect(e1).toBeInstanceOf(IkkeTilgang);
    expect(e1?.kode).toBe('BSA-005');
    const feilSti = httpKilder({
      adresser: { ...standinAdresser(s.url), beregnetSkatt: `${s.url}/beregnetskatt/v9` },
      maskinporten: mp(),
      forsoek: RASKT,
    });
    const e2 = await feilAv(
      feilSti.beregnetSkatt.hent({ ...o, rettighetspakke: 'kommuneLangtidsoppholdInstitusjon' }),
    );
    expect(e2).toBeInstanceOf(UgyldigOppslag);
    expect(e2?.kode).toBe('BSA-003');
  });
});
