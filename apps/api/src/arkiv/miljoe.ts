import {
  FIKS_IO,
  FiksArkiv,
  FiksIoKlient,
  type Fiksiohendelse,
  kontrollerNoekkelpar,
  NoekkelFeil,
  type Noekkelpar,
  privatNoekkelFraPem,
  sertifikatFraPem,
} from '@inntektsgrunnlag/arkiv';
import { type MaskinportenInnstillinger, MaskinportenKlient } from '@inntektsgrunnlag/kilder';
import type { Lagring } from '@inntektsgrunnlag/lagring';
import { type Arkivinnstillinger, Arkivtjeneste } from '@inntektsgrunnlag/oppslag';

type Miljoe = Readonly<Record<string, string | undefined>>;

/**
 * The environment variables of Fiks Arkiv (docs/arkiv.md, docs/drift.md). None set: no Fiks Arkiv, the
 * case worker gets the zip for manual import. Any set: all that are required must be, or the API does
 * not start.
 */
export const ARKIVVARIABLER = {
  FIKS_ARKIV_KONTO_ID: 'arkivets Fiks IO-konto (mottakeren av arkivmeldingene)',
  FIKS_ARKIV_SERTIFIKAT: 'arkivkontoens sertifikat, PEM (valgfri: ellers hentes det fra Fiks IO-katalogen)',
  FIKS_ARKIV_SERTIFIKAT_FIL: 'fil med arkivkontoens sertifikat (i stedet for FIKS_ARKIV_SERTIFIKAT)',
  FIKS_ARKIV_KVITTERINGSFRIST_SEK:
    'hvor lenge en forsendelse venter på kvittering før «Send igjen» tilbys (standard 300)',
  FIKS_IO_KONTO_ID: 'produktets egen Fiks IO-konto (avsender; kvitteringene kommer hit)',
  FIKS_IO_SERTIFIKAT: 'kontoens sertifikat (offentlig nøkkel i Fiks IO), PEM: signerer pakkene',
  FIKS_IO_SERTIFIKAT_FIL: 'fil med kontoens sertifikat (i stedet for FIKS_IO_SERTIFIKAT)',
  FIKS_IO_PRIVAT_NOEKKEL: 'kontoens private nøkkel, PKCS#8 PEM: dekrypterer kvitteringene',
  FIKS_IO_PRIVAT_NOEKKEL_FIL: 'fil med kontoens private nøkkel (i stedet for FIKS_IO_PRIVAT_NOEKKEL)',
  FIKS_IO_INTEGRASJON_ID: 'integrasjonens id (Fiks forvaltning)',
  FIKS_IO_INTEGRASJON_PASSORD: 'integrasjonens passord',
  FIKS_IO_API_URL: `Fiks IO-API-et (standard ${FIKS_IO.produksjon.api}; test ${FIKS_IO.test.api})`,
  FIKS_IO_AMQP_URL: `AMQP-megleren (standard ${FIKS_IO.produksjon.amqp}; test ${FIKS_IO.test.amqp})`,
  MASKINPORTEN_URL: 'token-endepunktet (standard https://maskinporten.no/token); scope ks:fiks',
  MASKINPORTEN_AUDIENCE: 'aud i JWT-grant (standard https://maskinporten.no/)',
  MASKINPORTEN_KLIENT_ID: 'klient-ID i Maskinporten (iss)',
  MASKINPORTEN_NOEKKEL: 'den private RSA-nøkkelen, PKCS#8 PEM',
  MASKINPORTEN_NOEKKEL_FIL: 'fil med den private RSA-nøkkelen',
  MASKINPORTEN_KID: 'nøkkel-ID registrert i Maskinporten (valgfri)',
  MASKINPORTEN_CONSUMER_ORG: 'kommunens organisasjonsnummer når en leverandør kaller på dens vegne (valgfri)',
} as const;

/** What the environment says about Fiks Arkiv, checked. */
export interface Arkivoppsett {
  arkivKontoId: string;
  arkivSertifikat: Uint8Array | null;
  kvitteringsfristMs: number;
  kontoId: string;
  noekkelpar: Noekkelpar;
  integrasjon: { id: string; passord: string };
  apiUrl: string;
  amqpUrl: string;
  maskinporten: MaskinportenInnstillinger;
}

type Feil = Array<{ variabel: string; melding: string }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the Fiks Arkiv settings; null when none is given. Every fault is collected and thrown together
 * (as `feil`), so one start names them all. Files are read through `lesFil` (the app's).
 */
export function lesArkivoppsett(env: Miljoe, lesFil: (sti: string) => string): Arkivoppsett | null {
  const v = (n: string) => env[n]?.trim() || undefined;
  const nevnt = Object.keys(ARKIVVARIABLER).filter((n) => !n.startsWith('MASKINPORTEN_') && v(n));
  if (nevnt.length === 0) return null;
  const feil: Feil = [];
  const krev = (n: string, hva: string) => {
    const x = v(n);
    if (!x) feil.push({ variabel: n, melding: `mangler (${hva})` });
    return x;
  };
  const uuid = (n: string, hva: string) => {
    const x = krev(n, hva);
    if (x && !UUID.test(x)) feil.push({ variabel: n, melding: `må være en UUID (fikk «${x}»)` });
    return x ?? '';
  };
  /** A PEM value, or the file a `_FIL` variable names. */
  const pem = (n: string, paakrevd: boolean, hva: string): string | undefined => {
    const direkte = v(n);
    if (direkte) return direkte.replace(/\\n/g, '\n');
    const fil = v(`${n}_FIL`);
    if (fil) {
      try {
        return lesFil(fil);
      } catch (e) {
        feil.push({ variabel: `${n}_FIL`, melding: `kunne ikke leses: ${(e as Error).message}` });
        return undefined;
      }
    }
    if (paakrevd) feil.push({ variabel: n, melding: `mangler (${hva}; eller gi ${n}_FIL)` });
    return undefined;
  };
  const url = (n: string, standard: string, protokoller: readonly string[]) => {
    const x = v(n) ?? standard;
    try {
      const u = new URL(x);
      if (!protokoller.includes(u.protocol)) throw new Error();
    } catch {
      feil.push({
        variabel: n,
        melding: `må være en adresse med ${protokoller.join(' eller ')} (fikk «${x}»)`,
      });
    }
    return x;
  };

  const arkivKontoId = uuid('FIKS_ARKIV_KONTO_ID', ARKIVVARIABLER.FIKS_ARKIV_KONTO_ID);
  const kontoId = uuid('FIKS_IO_KONTO_ID', ARKIVVARIABLER.FIKS_IO_KONTO_ID);
  const integrasjonId = uuid('FIKS_IO_INTEGRASJON_ID', ARKIVVARIABLER.FIKS_IO_INTEGRASJON_ID);
  const passord = krev('FIKS_IO_INTEGRASJON_PASSORD', ARKIVVARIABLER.FIKS_IO_INTEGRASJON_PASSORD) ?? '';
  const apiUrl = url('FIKS_IO_API_URL', FIKS_IO.produksjon.api, ['https:', 'http:']);
  const amqpUrl = url('FIKS_IO_AMQP_URL', FIKS_IO.produksjon.amqp, ['amqps:', 'amqp:']);
  const frist = v('FIKS_ARKIV_KVITTERINGSFRIST_SEK') ?? '300';
  if (!/^\d{1,6}$/.test(frist) || Number(frist) < 1) {
    feil.push({
      variabel: 'FIKS_ARKIV_KVITTERINGSFRIST_SEK',
      melding: `må være et helt antall sekunder (fikk «${frist}»)`,
    });
  }

  let sertifikat: Uint8Array | undefined;
  let privat: Uint8Array | undefined;
  let arkivSertifikat: Uint8Array | null = null;
  const les = <T>(n: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof NoekkelFeil) {
        feil.push({ variabel: n, melding: e.message });
        return undefined;
      }
      throw e;
    }
  };
  const sertPem = pem('FIKS_IO_SERTIFIKAT', true, ARKIVVARIABLER.FIKS_IO_SERTIFIKAT);
  if (sertPem) sertifikat = les('FIKS_IO_SERTIFIKAT', () => sertifikatFraPem(sertPem));
  const noekkelPem = pem('FIKS_IO_PRIVAT_NOEKKEL', true, ARKIVVARIABLER.FIKS_IO_PRIVAT_NOEKKEL);
  if (noekkelPem) privat = les('FIKS_IO_PRIVAT_NOEKKEL', () => privatNoekkelFraPem(noekkelPem));
  const arkivPem = pem('FIKS_ARKIV_SERTIFIKAT', false, '');
  if (arkivPem) arkivSertifikat = les('FIKS_ARKIV_SERTIFIKAT', () => sertifikatFraPem(arkivPem)) ?? null;
  let noekkelpar: Noekkelpar | undefined;
  if (sertifikat && privat) {
    noekkelpar = les('FIKS_IO_PRIVAT_NOEKKEL', () =>
      kontrollerNoekkelpar(
        { sertifikat: sertifikat as Uint8Array, privatNoekkel: privat as Uint8Array },
        'Fiks IO-kontoen',
      ),
    );
  }

  const klientId = krev(
    'MASKINPORTEN_KLIENT_ID',
    'klient-ID-en i Maskinporten, for tokenet Fiks IO krever (scope ks:fiks)',
  );
  const mpNoekkel = pem('MASKINPORTEN_NOEKKEL', true, 'Maskinporten-klientens private nøkkel');
  if (mpNoekkel && !mpNoekkel.includes('-----BEGIN PRIVATE KEY-----')) {
    feil.push({
      variabel: 'MASKINPORTEN_NOEKKEL',
      melding: 'må være en privat RSA-nøkkel i PKCS#8 PEM («-----BEGIN PRIVATE KEY-----»)',
    });
  }
  const consumerOrg = v('MASKINPORTEN_CONSUMER_ORG');
  if (consumerOrg && !/^\d{9}$/.test(consumerOrg)) {
    feil.push({
      variabel: 'MASKINPORTEN_CONSUMER_ORG',
      melding: 'må være et organisasjonsnummer med ni sifre',
    });
  }
  const tokenUrl = url('MASKINPORTEN_URL', 'https://maskinporten.no/token', ['https:', 'http:']);
  if (feil.length > 0) throw new ArkivoppsettFeil(feil);
  const kid = v('MASKINPORTEN_KID');
  return {
    arkivKontoId,
    arkivSertifikat,
    kvitteringsfristMs: Number(frist) * 1000,
    kontoId,
    noekkelpar: noekkelpar as Noekkelpar,
    integrasjon: { id: integrasjonId, passord },
    apiUrl,
    amqpUrl,
    maskinporten: {
      tokenUrl,
      audience: v('MASKINPORTEN_AUDIENCE') ?? 'https://maskinporten.no/',
      klientId: klientId as string,
      noekkel: mpNoekkel as string,
      ...(kid ? { kid } : {}),
      ...(consumerOrg ? { consumerOrg } : {}),
    },
  };
}

export class ArkivoppsettFeil extends Error {
  override readonly name = 'ArkivoppsettFeil';
  constructor(readonly feil: Feil) {
    super(feil.map((f) => `${f.variabel}: ${f.melding}`).join('; '));
  }
}

/** The journaling service over Fiks Arkiv from the settings (its listening is started by the caller). */
export function lagArkivtjeneste(
  o: Arkivoppsett,
  p: {
    lagring: Lagring;
    innstillinger: Arkivinnstillinger;
    klokke: () => Date;
    hendelse?: (h: Fiksiohendelse) => void;
  },
): Arkivtjeneste {
  const maskinporten = new MaskinportenKlient(o.maskinporten);
  const fiksio = new FiksIoKlient({
    kontoId: o.kontoId,
    noekkelpar: o.noekkelpar,
    integrasjon: o.integrasjon,
    apiUrl: o.apiUrl,
    amqpUrl: o.amqpUrl,
    token: () => maskinporten.token(FIKS_IO.scope),
    ...(o.arkivSertifikat ? { sertifikater: { [o.arkivKontoId]: o.arkivSertifikat } } : {}),
    klokke: p.klokke,
    ...(p.hendelse ? { hendelse: p.hendelse } : {}),
  });
  return new Arkivtjeneste({
    lagring: p.lagring,
    kanal: new FiksArkiv(fiksio, o.arkivKontoId),
    mottakerKonto: o.arkivKontoId,
    innstillinger: p.innstillinger,
    klokke: p.klokke,
    kvitteringsfristMs: o.kvitteringsfristMs,
  });
}
