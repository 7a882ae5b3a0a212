import {
  type Folkeregistervalg,
  type HttpKildeInnstillinger,
  httpKilder,
  ingenFolkeregister,
  PRODUKSJON,
  standinAdresser,
  TESTMILJOE,
} from './http/adaptere.js';
import { FIKS_PRODUKSJON, FIKS_TEST } from './http/fiksFolkeregister.js';
import { type Forsoeksregler, STANDARD_FORSOEKSREGLER } from './http/forsoek.js';
import { STANDARD_VERNREGLER, type Vernregler } from './http/kildevern.js';
import {
  SertifikatFeil,
  sertifikatFraPem,
  sertifikatFraPkcs12,
  type Virksomhetssertifikat,
} from './http/virksomhetssertifikat.js';
import { innebygdeKilder } from './innebygd.js';
import type { Kilder } from './porter.js';
import { lesRettighetspakker } from './tilganger.js';

/**
 * Which source to use, from named settings (environment variables in the apps; documented in
 * docs/kilder.md). The package never reads the environment itself: the app passes what it read.
 */
export const KILDEVARIABLER = {
  KILDE: 'innebygd (standard) eller http',
  KILDE_MILJOE: 'produksjon (standard) eller test: Skatteetatens og Maskinportens adresser',
  KILDE_BASE_URL: 'base-URL til stand-in-serveren (alle API-ene og /token under samme port)',
  KILDE_SSG_URL: 'Summert skattegrunnlag V2, f.eks. https://summertskattegrunnlag.api.skatteetaten.no/v2',
  KILDE_BEREGNET_SKATT_URL: 'Beregnet skatt V2, f.eks. https://beregnetskatt.api.skatteetaten.no/v2',
  KILDE_AVREGNING_URL: 'Avregning V2, f.eks. https://avregning.api.skatteetaten.no/v2',
  KILDE_FREG_URL: 'Folkeregisteret, f.eks. https://folkeregisteret.api.skatteetaten.no',
  KILDE_FOLKEREGISTER:
    'direkte (standard: Skatteetatens Folkeregisteret), fiks (KS Fiks folkeregister) eller ingen (navn og adressebeskyttelse kontrolleres ikke)',
  FIKS_FOLKEREGISTER_URL:
    'KS Fiks-miljøet (standard https://api.fiks.ks.no; test https://api.fiks.test.ks.no)',
  FIKS_FOLKEREGISTER_ROLLE_ID: 'rollen i Fiks folkeregister oppslagene gjøres i',
  FIKS_FOLKEREGISTER_INTEGRASJON_ID: 'Fiks-integrasjonens id (headeren IntegrasjonId)',
  FIKS_FOLKEREGISTER_INTEGRASJON_PASSORD: 'Fiks-integrasjonens passord (headeren IntegrasjonPassord)',
  KILDE_FREG_RETTIGHETSPAKKE: 'Folkeregisterets rettighetspakke (standard offentlig-med-hjemmel)',
  KILDE_RETTIGHETSPAKKER:
    'rettighetspakker som avviker fra de dokumenterte, f.eks. BEREGNET_SKATT.LANGTIDSOPPHOLD_INSTITUSJON=kommunelangtidsoppholdinstitusjon (flere skilt med komma)',
  KILDE_TIDSAVBRUDD_MS: 'lengste tid for ett forsøk (standard 10000)',
  KILDE_TIDSAVBRUDD_MIN_MS:
    'korteste tid for ett forsøk; ellers følger fristen 4 × kildens observerte 99-persentil (standard 1000)',
  KILDE_BRYTER_FEIL:
    'feil på rad (5xx, nettverk, tidsavbrudd) som åpner kretsbryteren for et API (standard 10)',
  KILDE_BRYTER_PAUSE_MS:
    'hvor lenge en åpen kretsbryter svarer «nede» før kilden prøves igjen (standard 5000)',
  KILDE_FORSOEKSBUDSJETT:
    'nye forsøk som andel av kallene, utover en reserve på 20 (standard 0.5): en kilde som feiler får få ekstra kall',
  KILDE_FRIST_MS: 'lengste tid for et oppslag med alle forsøk (standard 30000)',
  KILDE_FORSOEK: 'antall forsøk i alt ved 5xx, 429 og nettverksfeil (standard 10, innenfor fristen)',
  KILDE_VENT_START_MS: 'første ventetid før nytt forsøk; dobles for hvert forsøk (standard 200)',
  KILDE_VENT_MAKS_MS: 'lengste ventetid før nytt forsøk (standard 5000)',
  KILDE_SAMTIDIGE: 'samtidige kall per API (standard 5)',
  MASKINPORTEN_URL: 'token-endepunktet (standard https://maskinporten.no/token)',
  MASKINPORTEN_AUDIENCE: 'aud i JWT-grant (standard https://maskinporten.no/)',
  MASKINPORTEN_KLIENT_ID: 'klient-ID i Maskinporten (iss)',
  MASKINPORTEN_NOEKKEL: 'den private RSA-nøkkelen, PKCS#8 PEM',
  MASKINPORTEN_NOEKKEL_FIL: 'fil med den private RSA-nøkkelen (i stedet for MASKINPORTEN_NOEKKEL)',
  MASKINPORTEN_KID:
    'nøkkel-ID-en nøkkelen er registrert med i Maskinporten (kid); påkrevd uten virksomhetssertifikat',
  MASKINPORTEN_SERTIFIKAT:
    'virksomhetssertifikatets kjede i PEM (sendes som x5c); nøkkelen i MASKINPORTEN_NOEKKEL(_FIL)',
  MASKINPORTEN_SERTIFIKAT_FIL:
    'fil med virksomhetssertifikatet: PKCS#12 (.p12/.pfx, med nøkkelen) eller PEM-kjede (sendes som x5c)',
  MASKINPORTEN_SERTIFIKAT_PASSORD: 'passordet til PKCS#12-filen i MASKINPORTEN_SERTIFIKAT_FIL',
  MASKINPORTEN_CONSUMER_ORG:
    'kommunens organisasjonsnummer når en leverandør henter på vegne av kommunen (valgfri)',
} as const;

export type Kildevariabel = keyof typeof KILDEVARIABLER;

export class KildeoppsettFeil extends Error {
  override readonly name = 'KildeoppsettFeil';
  constructor(readonly feil: ReadonlyArray<{ variabel: string; melding: string }>) {
    super(
      `Oppsettet av kildene er ugyldig:\n${feil.map((f) => `  - ${f.variabel}: ${f.melding}`).join('\n')}`,
    );
  }
}

export type Kildeoppsett =
  | { type: 'innebygd'; folkeregister?: 'ingen' }
  | { type: 'http'; innstillinger: HttpKildeInnstillinger };

/**
 * Reads the source settings from named values (the app's environment). `lesFil` reads the key file
 * named by MASKINPORTEN_NOEKKEL_FIL, `lesBinaerFil` the certificate file of MASKINPORTEN_SERTIFIKAT_FIL
 * (a PKCS#12 file is binary); the app gives them, so this package does no I/O of its own.
 */
export function lesKildeoppsett(
  verdier: Readonly<Record<string, string | undefined>>,
  lesFil?: (sti: string) => string,
  lesBinaerFil?: (sti: string) => Uint8Array,
): Kildeoppsett {
  const v = (n: Kildevariabel) => {
    const x = verdier[n]?.trim();
    return x ? x : undefined;
  };
  const feil: Array<{ variabel: string; melding: string }> = [];
  const kilde = v('KILDE') ?? 'innebygd';
  const fregType = v('KILDE_FOLKEREGISTER') ?? 'direkte';
  if (!['direkte', 'fiks', 'ingen'].includes(fregType)) {
    throw new KildeoppsettFeil([
      { variabel: 'KILDE_FOLKEREGISTER', melding: `må være direkte, fiks eller ingen (fikk «${fregType}»)` },
    ]);
  }
  if (kilde === 'innebygd') {
    // The embedded population is its own Folkeregisteret; «ingen» lets a newcomer see a lookup without it.
    return fregType === 'ingen' ? { type: 'innebygd', folkeregister: 'ingen' } : { type: 'innebygd' };
  }
  if (kilde !== 'http') {
    throw new KildeoppsettFeil([
      { variabel: 'KILDE', melding: `må være innebygd eller http (fikk «${kilde}»)` },
    ]);
  }

  const miljoe = v('KILDE_MILJOE') ?? 'produksjon';
  if (miljoe !== 'produksjon' && miljoe !== 'test') {
    feil.push({ variabel: 'KILDE_MILJOE', melding: `må være produksjon eller test (fikk «${miljoe}»)` });
  }
  const base = v('KILDE_BASE_URL');
  const standin = base ? standinAdresser(base) : undefined;
  const grunn = standin ?? (miljoe === 'test' ? TESTMILJOE : PRODUKSJON);
  const url = (n: Kildevariabel, standard: string) => {
    const x = v(n) ?? standard;
    try {
      const u = new URL(x);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
    } catch {
      feil.push({ variabel: n, melding: `må være en http(s)-adresse (fikk «${x}»)` });
    }
    return x.replace(/\/+$/, '');
  };
  const heltall = (n: Kildevariabel, min: number, max: number): number | undefined => {
    const x = v(n);
    if (x === undefined) return undefined;
    const t = Number(x);
    if (!Number.isInteger(t) || t < min || t > max) {
      feil.push({ variabel: n, melding: `må være et heltall fra ${min} til ${max} (fikk «${x}»)` });
      return undefined;
    }
    return t;
  };

  const adresser = {
    summertSkattegrunnlag: url('KILDE_SSG_URL', grunn.summertSkattegrunnlag),
    beregnetSkatt: url('KILDE_BEREGNET_SKATT_URL', grunn.beregnetSkatt),
    avregning: url('KILDE_AVREGNING_URL', grunn.avregning),
    folkeregisteret: url('KILDE_FREG_URL', grunn.folkeregisteret),
  };
  const maskinportenStandard = standin
    ? { tokenUrl: standin.tokenUrl, audience: standin.audience }
    : miljoe === 'test'
      ? { tokenUrl: 'https://test.maskinporten.no/token', audience: 'https://test.maskinporten.no/' }
      : { tokenUrl: 'https://maskinporten.no/token', audience: 'https://maskinporten.no/' };
  const tokenUrl = url('MASKINPORTEN_URL', maskinportenStandard.tokenUrl);
  const audience = v('MASKINPORTEN_AUDIENCE') ?? maskinportenStandard.audience;
  const klientId = v('MASKINPORTEN_KLIENT_ID');
  if (!klientId)
    feil.push({ variabel: 'MASKINPORTEN_KLIENT_ID', melding: 'mangler (klient-ID-en i Maskinporten)' });
  let noekkel = v('MASKINPORTEN_NOEKKEL');
  const noekkelfil = v('MASKINPORTEN_NOEKKEL_FIL');
  if (!noekkel && noekkelfil) {
    if (!lesFil)
      feil.push({
        variabel: 'MASKINPORTEN_NOEKKEL_FIL',
        melding: 'kan ikke leses her; gi MASKINPORTEN_NOEKKEL',
      });
    else {
      try {
        noekkel = lesFil(noekkelfil);
      } catch (e) {
        feil.push({
          variabel: 'MASKINPORTEN_NOEKKEL_FIL',
          melding: `kunne ikke leses: ${(e as Error).message}`,
        });
      }
    }
  }
  const sertifikat = lesSertifikat(v, noekkel, feil, lesFil, lesBinaerFil);
  if (sertifikat) noekkel = sertifikat.noekkel;
  const sertifikatfeil = feil.some((f) => /^MASKINPORTEN_(SERTIFIKAT|NOEKKEL)/.test(f.variabel));
  if (!noekkel && !noekkelfil) {
    if (!sertifikatfeil)
      feil.push({
        variabel: 'MASKINPORTEN_NOEKKEL',
        melding:
          'mangler (eller gi MASKINPORTEN_NOEKKEL_FIL, eller en PKCS#12-fil i MASKINPORTEN_SERTIFIKAT_FIL)',
      });
  } else if (noekkel && !noekkel.includes('-----BEGIN PRIVATE KEY-----')) {
    feil.push({
      variabel: 'MASKINPORTEN_NOEKKEL',
      melding: 'må være en privat RSA-nøkkel i PKCS#8 PEM («-----BEGIN PRIVATE KEY-----»)',
    });
  }
  const kid = v('MASKINPORTEN_KID');
  // Digdir: «Either 'kid' or 'x5c' must be present»; without either every token request is refused,
  // so the product refuses to start instead.
  if (!kid && !sertifikat && !feil.some((f) => f.variabel.startsWith('MASKINPORTEN_SERTIFIKAT'))) {
    feil.push({
      variabel: 'MASKINPORTEN_KID',
      melding:
        "mangler: Maskinporten krever kid eller x5c i JWT-granten («Either 'kid' or 'x5c' must be present»). " +
        'Oppgi nøkkel-ID-en nøkkelen er registrert med, eller virksomhetssertifikatet i MASKINPORTEN_SERTIFIKAT_FIL',
    });
  }
  const consumerOrg = v('MASKINPORTEN_CONSUMER_ORG');
  if (consumerOrg && !/^\d{9}$/.test(consumerOrg)) {
    feil.push({
      variabel: 'MASKINPORTEN_CONSUMER_ORG',
      melding: 'må være et organisasjonsnummer med ni sifre',
    });
  }
  const forsoek: Partial<Forsoeksregler> = {};
  const tid = heltall('KILDE_TIDSAVBRUDD_MS', 1, 600_000);
  if (tid !== undefined) forsoek.tidsavbruddMs = tid;
  const frist = heltall('KILDE_FRIST_MS', 1, 3_600_000);
  if (frist !== undefined) forsoek.fristMs = frist;
  const antall = heltall('KILDE_FORSOEK', 1, 20);
  if (antall !== undefined) forsoek.maksForsoek = antall;
  const ventStart = heltall('KILDE_VENT_START_MS', 0, 60_000);
  if (ventStart !== undefined) forsoek.ventStartMs = ventStart;
  const ventMaks = heltall('KILDE_VENT_MAKS_MS', 0, 600_000);
  if (ventMaks !== undefined) forsoek.ventMaksMs = ventMaks;
  const samtidige = heltall('KILDE_SAMTIDIGE', 1, 50);
  const vern: Partial<Vernregler> = {};
  const tidMin = heltall('KILDE_TIDSAVBRUDD_MIN_MS', 1, 600_000);
  if (tidMin !== undefined) {
    if (tidMin > (forsoek.tidsavbruddMs ?? STANDARD_FORSOEKSREGLER.tidsavbruddMs))
      feil.push({
        variabel: 'KILDE_TIDSAVBRUDD_MIN_MS',
        melding: 'kan ikke være større enn KILDE_TIDSAVBRUDD_MS',
      });
    else vern.tidsavbruddMinMs = tidMin;
  } else if ((forsoek.tidsavbruddMs ?? Number.POSITIVE_INFINITY) < STANDARD_VERNREGLER.tidsavbruddMinMs) {
    // A short upper bound set alone is the whole range: the lower bound follows it down.
    vern.tidsavbruddMinMs = forsoek.tidsavbruddMs as number;
  }
  const bryterFeil = heltall('KILDE_BRYTER_FEIL', 1, 1000);
  if (bryterFeil !== undefined) vern.bryterTerskel = bryterFeil;
  const bryterPause = heltall('KILDE_BRYTER_PAUSE_MS', 1, 3_600_000);
  if (bryterPause !== undefined) vern.bryterPauseMs = bryterPause;
  const budsjett = v('KILDE_FORSOEKSBUDSJETT');
  if (budsjett !== undefined) {
    const andel = Number(budsjett);
    if (!/^\d+(\.\d+)?$/.test(budsjett) || andel > 1)
      feil.push({
        variabel: 'KILDE_FORSOEKSBUDSJETT',
        melding: `må være et tall fra 0 til 1 (fikk «${budsjett}»)`,
      });
    else vern.budsjettAndel = andel;
  }
  let folkeregister: Folkeregistervalg = { type: fregType as 'direkte' | 'ingen' };
  if (fregType === 'fiks') {
    const fiks = {
      url: url(
        'FIKS_FOLKEREGISTER_URL',
        miljoe === 'test' && !standin ? FIKS_TEST : (standin?.fiks ?? FIKS_PRODUKSJON),
      ),
      rolleId: v('FIKS_FOLKEREGISTER_ROLLE_ID'),
      integrasjonId: v('FIKS_FOLKEREGISTER_INTEGRASJON_ID'),
      integrasjonPassord: v('FIKS_FOLKEREGISTER_INTEGRASJON_PASSORD'),
    };
    if (!fiks.rolleId)
      feil.push({
        variabel: 'FIKS_FOLKEREGISTER_ROLLE_ID',
        melding: 'mangler (rollen i Fiks folkeregister)',
      });
    if (!fiks.integrasjonId)
      feil.push({
        variabel: 'FIKS_FOLKEREGISTER_INTEGRASJON_ID',
        melding: 'mangler (Fiks-integrasjonens id)',
      });
    if (!fiks.integrasjonPassord)
      feil.push({
        variabel: 'FIKS_FOLKEREGISTER_INTEGRASJON_PASSORD',
        melding: 'mangler (Fiks-integrasjonens passord)',
      });
    folkeregister = {
      type: 'fiks',
      url: fiks.url,
      rolleId: fiks.rolleId ?? '',
      integrasjonId: fiks.integrasjonId ?? '',
      integrasjonPassord: fiks.integrasjonPassord ?? '',
    };
  }
  const pakketekst = v('KILDE_RETTIGHETSPAKKER');
  const pakker = pakketekst ? lesRettighetspakker(pakketekst) : undefined;
  for (const f of pakker?.feil ?? []) feil.push({ variabel: 'KILDE_RETTIGHETSPAKKER', melding: f });
  if (feil.length > 0) throw new KildeoppsettFeil(feil);

  const fregPakke = v('KILDE_FREG_RETTIGHETSPAKKE');
  return {
    type: 'http',
    innstillinger: {
      adresser,
      maskinporten: {
        tokenUrl,
        audience,
        klientId: klientId as string,
        noekkel: noekkel as string,
        ...(kid ? { kid } : {}),
        // With both, kid wins (a registered key); the chain is then not sent.
        ...(sertifikat && !kid ? { x5c: sertifikat.x5c } : {}),
        ...(consumerOrg ? { consumerOrg } : {}),
      },
      ...(fregPakke ? { folkeregisterRettighetspakke: fregPakke } : {}),
      ...(folkeregister.type !== 'direkte' ? { folkeregister } : {}),
      ...(pakker && Object.keys(pakker.valg).length ? { rettighetspakker: pakker.valg } : {}),
      forsoek,
      ...(Object.keys(vern).length ? { vern } : {}),
      // The stand-in and Skatteetaten's test environment (Tenor) hold synthetic persons only.
      ...(standin || miljoe === 'test' ? { syntetisk: true } : {}),
      ...(samtidige !== undefined ? { maksSamtidigePerApi: samtidige } : {}),
    },
  };
}

/**
 * The virksomhetssertifikat named by MASKINPORTEN_SERTIFIKAT(_FIL), if any: PKCS#12 (with the key and
 * MASKINPORTEN_SERTIFIKAT_PASSORD) or a PEM chain (with the key of MASKINPORTEN_NOEKKEL(_FIL)).
 */
function lesSertifikat(
  v: (n: Kildevariabel) => string | undefined,
  noekkel: string | undefined,
  feil: Array<{ variabel: string; melding: string }>,
  lesFil?: (sti: string) => string,
  lesBinaerFil?: (sti: string) => Uint8Array,
): Virksomhetssertifikat | undefined {
  const pem = v('MASKINPORTEN_SERTIFIKAT');
  const fil = v('MASKINPORTEN_SERTIFIKAT_FIL');
  if (!pem && !fil) return undefined;
  const variabel: Kildevariabel = pem ? 'MASKINPORTEN_SERTIFIKAT' : 'MASKINPORTEN_SERTIFIKAT_FIL';
  try {
    let innhold: Uint8Array | string | undefined = pem;
    if (!innhold && fil) {
      const les = lesBinaerFil ?? (lesFil ? (s: string) => Buffer.from(lesFil(s), 'utf8') : undefined);
      if (!les) {
        feil.push({ variabel, melding: 'kan ikke leses her; gi MASKINPORTEN_SERTIFIKAT (PEM)' });
        return undefined;
      }
      try {
        innhold = les(fil);
      } catch (e) {
        feil.push({ variabel, melding: `kunne ikke leses: ${(e as Error).message}` });
        return undefined;
      }
    }
    const tekst =
      typeof innhold === 'string' ? innhold : Buffer.from(innhold as Uint8Array).toString('latin1');
    if (tekst.includes('-----BEGIN CERTIFICATE-----')) {
      const n = noekkel ?? (tekst.includes('PRIVATE KEY-----') ? undefined : '');
      if (n === '') {
        feil.push({
          variabel: 'MASKINPORTEN_NOEKKEL',
          melding: 'mangler: en PEM-kjede i MASKINPORTEN_SERTIFIKAT trenger den private nøkkelen',
        });
        return undefined;
      }
      return sertifikatFraPem(tekst, n);
    }
    const passord = v('MASKINPORTEN_SERTIFIKAT_PASSORD');
    if (passord === undefined) {
      feil.push({
        variabel: 'MASKINPORTEN_SERTIFIKAT_PASSORD',
        melding: 'mangler (passordet til PKCS#12-filen i MASKINPORTEN_SERTIFIKAT_FIL)',
      });
      return undefined;
    }
    return sertifikatFraPkcs12(innhold as Uint8Array, passord);
  } catch (e) {
    if (!(e instanceof SertifikatFeil)) throw e;
    feil.push({ variabel, melding: `virksomhetssertifikatet ${e.message}` });
    return undefined;
  }
}

/** The sources an oppsett names. */
export function lagKilder(
  oppsett: Kildeoppsett,
  delt?: {
    /** The organisation's slots per API shared with other processes (PostgreSQL); absent, per process. */
    plassbegrenser?: HttpKildeInnstillinger['plassbegrenser'];
  },
): Kilder {
  if (oppsett.type === 'http')
    return httpKilder({
      ...oppsett.innstillinger,
      ...(delt?.plassbegrenser ? { plassbegrenser: delt.plassbegrenser } : {}),
    });
  const k = innebygdeKilder();
  return oppsett.folkeregister === 'ingen' ? { ...k, folkeregister: ingenFolkeregister() } : k;
}
