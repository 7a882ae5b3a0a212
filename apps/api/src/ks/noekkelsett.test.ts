import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Noekkelsett, NoekkelsettUtilgjengelig } from './noekkelsett.js';
import {
  type Jwksserver,
  maskinportentoken,
  nyTestnoekkel,
  startJwksserver,
  type Testnoekkel,
} from './testutsteder.js';
import { consumerOrganisasjon, Tokenkontroll } from './tokenkontroll.js';

const ISSUER = 'https://test.maskinporten.no/';
const ORG = '910753614';
const START = new Date('2026-12-07T10:00:00Z').getTime();

let server: Jwksserver;
let a: Testnoekkel;
let b: Testnoekkel;
beforeAll(async () => {
  a = await nyTestnoekkel('a');
  b = await nyTestnoekkel('b');
  server = await startJwksserver([a]);
});
afterAll(() => server.lukk());

/** A key set on the test server with a clock of its own, and a token check over it. */
function oppsett() {
  let naa = START;
  const varsler: string[] = [];
  const sett = Noekkelsett.fraUrl(server.url, {
    klokke: () => naa,
    minIntervallMs: 30_000,
    maksAlderMs: 600_000,
    varsle: (m) => varsler.push(m),
  });
  const kontroll = new Tokenkontroll(
    [
      {
        type: 'MASKINPORTEN',
        issuer: ISSUER,
        noekkelsett: sett,
        audience: ['unspecified'],
        scope: 'ks:fiks',
      },
    ],
    () => new Date(naa),
  );
  const token = (n: Testnoekkel) =>
    maskinportentoken(ISSUER, n, { naa: new Date(naa), organisasjonsnummer: ORG });
  return {
    sett,
    kontroll,
    token,
    varsler,
    flytt: (ms: number) => {
      naa += ms;
    },
  };
}

describe('the key set from a URL (Maskinporten’s /jwk)', () => {
  it('is fetched when first needed and kept: many tokens, one fetch', async () => {
    server.noekler = [a];
    server.nede = false;
    const o = oppsett();
    expect(o.sett.antallHentinger).toBe(0);
    for (let i = 0; i < 10; i++) {
      expect((await o.kontroll.kontroller(await o.token(a))).ok).toBe(true);
    }
    expect(o.sett.antallHentinger).toBe(1);
  });

  it('fetches again for an unknown kid (a rotation), at most once per interval', async () => {
    server.noekler = [a];
    const o = oppsett();
    expect((await o.kontroll.kontroller(await o.token(a))).ok).toBe(true);
    // The issuer rotates to b before our interval has passed: b is refused, and not fetched for.
    server.noekler = [a, b];
    o.flytt(10_000);
    expect(await o.kontroll.kontroller(await o.token(b))).toEqual({ ok: false, grunn: 'SIGNATUR' });
    expect(o.sett.antallHentinger).toBe(1);
    // A flood of made-up kids within the interval makes no fetch either.
    for (let i = 0; i < 5; i++) {
      const falsk = await maskinportentoken(ISSUER, a, {
        naa: new Date(START),
        organisasjonsnummer: ORG,
        kid: `x${i}`,
      });
      expect((await o.kontroll.kontroller(falsk)).ok).toBe(false);
    }
    expect(o.sett.antallHentinger).toBe(1);
    // Once the interval has passed, b makes one fetch and is accepted.
    o.flytt(25_000);
    expect((await o.kontroll.kontroller(await o.token(b))).ok).toBe(true);
    expect(o.sett.antallHentinger).toBe(2);
  });

  it('fetches again when the keys are older than their maximum age', async () => {
    server.noekler = [a];
    const o = oppsett();
    await o.kontroll.kontroller(await o.token(a));
    o.flytt(601_000);
    expect((await o.kontroll.kontroller(await o.token(a))).ok).toBe(true);
    expect(o.sett.antallHentinger).toBe(2);
  });

  it('an unreachable issuer: NoekkelsettUtilgjengelig, and no fetch per request', async () => {
    server.noekler = [a];
    server.nede = true;
    try {
      const o = oppsett();
      for (let i = 0; i < 3; i++) {
        await expect(o.kontroll.kontroller(await o.token(a))).rejects.toBeInstanceOf(
          NoekkelsettUtilgjengelig,
        );
      }
      expect(o.sett.antallHentinger).toBe(1);
      expect(o.varsler[0]).toMatch(/kunne ikke hentes \(HTTP 503\)/);
      // The issuer is back: after the interval the keys are fetched and the token accepted.
      server.nede = false;
      o.flytt(30_000);
      expect((await o.kontroll.kontroller(await o.token(a))).ok).toBe(true);
    } finally {
      server.nede = false;
    }
  });

  it('a failed refresh keeps the keys it has', async () => {
    server.noekler = [a];
    const o = oppsett();
    await o.kontroll.kontroller(await o.token(a));
    server.nede = true;
    try {
      o.flytt(700_000);
      expect((await o.kontroll.kontroller(await o.token(a))).ok).toBe(true);
      expect(o.sett.antallHentinger).toBe(2);
      expect(o.varsler.at(-1)).toMatch(/de forrige brukes videre/);
    } finally {
      server.nede = false;
    }
  });

  it('refuses a key set with a private key in it, or none', () => {
    expect(() => Noekkelsett.fraJwks({ keys: [] }, 'tom')).toThrow(/minst én nøkkel/);
    expect(() => Noekkelsett.fraJwks({ keys: [{ ...a.offentlig, d: 'x' }] }, 'privat')).toThrow(/privat/);
    expect(() => Noekkelsett.fraJwks('tull', 'tull')).toThrow();
  });
});

describe('the consumer claim', () => {
  it('is the organisation number in ISO 6523 notation with ICD 0192, and nothing else', () => {
    expect(consumerOrganisasjon({ authority: 'iso6523-actorid-upis', ID: '0192:910753614' })).toBe(
      '910753614',
    );
    for (const feil of [
      { authority: 'iso6523-actorid-upis', ID: '9908:910753614' },
      { authority: 'annet', ID: '0192:910753614' },
      { authority: 'iso6523-actorid-upis', ID: '0192:91075361' },
      { Identifier: { Authority: 'iso6523-actorid-upis', ID: '0192:910753614' } },
      '0192:910753614',
      null,
    ]) {
      expect(consumerOrganisasjon(feil), JSON.stringify(feil)).toBeNull();
    }
  });
});
