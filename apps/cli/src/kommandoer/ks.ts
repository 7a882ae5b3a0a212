import { randomUUID } from 'node:crypto';
import {
  KS_DEMO_ORGANISASJONSNUMMER,
  KS_DEMOINTEGRASJONER,
  KS_DEMOUTSTEDER,
  type KsIntegrasjon,
  krevUuid,
  ksDemointegrasjon,
} from '@inntektsgrunnlag/lagring';
import { importJWK, SignJWT } from 'jose';
import { tekstEllerJson, tolkArgumenter } from '../argumenter.js';
import { BrukerFeil, type Kommando, type Kontekst, skriv } from '../kontekst.js';
import { LAGRING_BRUK, medLagring } from './revisjon.js';

const brukIntegrasjon = `Bruk: pnpm cli ks-integrasjon <opprett|liste|roter|endre|trekk-tilbake> [valg]

KS Fiks-integrasjoner: det et fagsystem bygd for KS logger inn med på KS-stiene, sammen med et
access token fra Maskinporten (docs/api.md). Passordet vises bare når det lages, og lagres bare som
en langsom hash (scrypt).

  opprett --navn <navn> --organisasjonsnummer <orgnr> --rolle <rolle-id> [--rolle …] [--id <uuid>]
          [--format tekst|json]
      Oppretter integrasjonen og skriver id-en og passordet (én gang). Organisasjonsnummeret er den
      autoriserte organisasjonen: den som står som consumer i Maskinporten-tokenet (som regel
      leverandøren som drifter fagsystemet). Rollene er dem integrasjonen kan kalle i ({rolleId} i
      stien); en rolle-id som er en UUID kan skrives med store eller små bokstaver.
  liste [--format tekst|json]
      Alle integrasjonene, med organisasjon, roller og om de er aktive (aldri passord).
  roter <id> [--format tekst|json]
      Lager et nytt passord og skriver det (én gang); det gamle slutter å virke med en gang.
  endre <id> [--navn <navn>] [--organisasjonsnummer <orgnr>] [--rolle <rolle-id> …]
      Endrer navnet, organisasjonen eller rollene (--rolle erstatter alle rollene). Passordet beholdes.
  trekk-tilbake <id>
      Stanser integrasjonen: alle kall med den avvises fra nå.

${LAGRING_BRUK}`;

const brukToken = `Bruk: pnpm cli ks-token --integrasjon <id|navn> [--minutter N] [--format tekst|json]

Skriver et access token signert av den innebygde demoutstederen (i stedet for Maskinporten), og
demointegrasjonens id og passord, så en KS-klient kan prøves mot «pnpm start» uten Maskinporten.
Demointegrasjonene heter som demorollene: ${KS_DEMOINTEGRASJONER.map((d) => d.navn).join(', ')}.
Bare API-et i innebygd modus med den syntetiske populasjonen godtar tokenet og demointegrasjonene;
alle andre avviser dem.

  --minutter N     hvor lenge tokenet gjelder (1–1440, standard 60)
  --format json    { "token", "integrasjonId", "integrasjonPassord", "rolleId" }`;

const formatValg = { format: { type: 'string', default: 'tekst' } } as const;

function somTekst(i: KsIntegrasjon): string {
  return [
    i.id,
    i.navn,
    `org ${i.organisasjonsnummer}`,
    `roller ${i.roller.join(', ')}`,
    i.aktiv ? 'aktiv' : 'TRUKKET TILBAKE',
    ...(i.demo ? ['demo'] : []),
    `passord endret ${i.passordEndret}`,
  ].join('  ');
}

/** The password goes to stdout only, once, with the warning on stderr (so a pipe gets just the data). */
function skrivMedPassord(
  kontekst: Kontekst,
  fmt: 'tekst' | 'json',
  svar: { integrasjon: KsIntegrasjon; passord: string },
  hva: string,
): void {
  if (fmt === 'json') {
    skriv(kontekst.stdout, JSON.stringify(svar, null, 2));
  } else {
    skriv(
      kontekst.stdout,
      [
        `${hva}: ${somTekst(svar.integrasjon)}`,
        `IntegrasjonId:      ${svar.integrasjon.id}`,
        `IntegrasjonPassord: ${svar.passord}`,
      ].join('\n'),
    );
  }
  skriv(
    kontekst.stderr,
    'Passordet vises bare nå og lagres bare som hash: gi det til leverandøren på en trygg måte.',
  );
}

async function opprett(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { values, positionals } = tolkArgumenter(
    argumenter,
    {
      navn: { type: 'string' },
      organisasjonsnummer: { type: 'string' },
      rolle: { type: 'string', multiple: true },
      id: { type: 'string' },
      ...formatValg,
    },
    brukIntegrasjon,
  );
  if (positionals.length > 0)
    throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${brukIntegrasjon}`);
  const fmt = tekstEllerJson(values.format);
  for (const paakrevd of ['navn', 'organisasjonsnummer', 'rolle'] as const) {
    if (values[paakrevd] === undefined) throw new BrukerFeil(`Oppgi --${paakrevd}.\n\n${brukIntegrasjon}`);
  }
  return medLagring(kontekst, async (l) => {
    const svar = await l.ksIntegrasjoner.opprett(
      {
        ...(values.id !== undefined ? { id: values.id } : {}),
        navn: values.navn,
        organisasjonsnummer: values.organisasjonsnummer,
        roller: values.rolle,
      },
      { naa: kontekst.naa() },
    );
    skrivMedPassord(kontekst, fmt, svar, 'Opprettet');
    return 0;
  });
}

async function liste(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { values, positionals } = tolkArgumenter(argumenter, formatValg, brukIntegrasjon);
  if (positionals.length > 0)
    throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${brukIntegrasjon}`);
  const fmt = tekstEllerJson(values.format);
  return medLagring(kontekst, async (l) => {
    const alle = await l.ksIntegrasjoner.alle();
    if (fmt === 'json') skriv(kontekst.stdout, JSON.stringify(alle, null, 2));
    else if (alle.length === 0) skriv(kontekst.stdout, 'Ingen KS-integrasjoner.');
    else for (const i of alle) skriv(kontekst.stdout, somTekst(i));
    return 0;
  });
}

/** The one positional argument: the integration's id (a UUID). */
function idFra(positionals: string[]): string {
  if (positionals.length !== 1) throw new BrukerFeil(`Oppgi integrasjonens id.\n\n${brukIntegrasjon}`);
  return krevUuid(positionals[0] as string, 'id');
}

async function roter(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { values, positionals } = tolkArgumenter(argumenter, formatValg, brukIntegrasjon);
  const fmt = tekstEllerJson(values.format);
  const id = idFra(positionals);
  return medLagring(kontekst, async (l) => {
    const svar = await l.ksIntegrasjoner.roterPassord(id, { naa: kontekst.naa() });
    if (!svar) throw new BrukerFeil(`Ingen KS-integrasjon har id ${id}.`);
    skrivMedPassord(kontekst, fmt, svar, 'Nytt passord for');
    return 0;
  });
}

async function endre(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { values, positionals } = tolkArgumenter(
    argumenter,
    {
      navn: { type: 'string' },
      organisasjonsnummer: { type: 'string' },
      rolle: { type: 'string', multiple: true },
    },
    brukIntegrasjon,
  );
  const id = idFra(positionals);
  return medLagring(kontekst, async (l) => {
    const i = await l.ksIntegrasjoner.endre(id, {
      ...(values.navn !== undefined ? { navn: values.navn } : {}),
      ...(values.organisasjonsnummer !== undefined
        ? { organisasjonsnummer: values.organisasjonsnummer }
        : {}),
      ...(values.rolle !== undefined ? { roller: values.rolle } : {}),
    });
    if (!i) throw new BrukerFeil(`Ingen KS-integrasjon har id ${id}.`);
    skriv(kontekst.stdout, `Endret: ${somTekst(i)}`);
    return 0;
  });
}

async function trekkTilbake(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const { positionals } = tolkArgumenter(argumenter, {}, brukIntegrasjon);
  const id = idFra(positionals);
  return medLagring(kontekst, async (l) => {
    if (!(await l.ksIntegrasjoner.trekkTilbake(id)))
      throw new BrukerFeil(`Ingen KS-integrasjon har id ${id}.`);
    skriv(
      kontekst.stdout,
      `Trukket tilbake: ${somTekst((await l.ksIntegrasjoner.hent(id)) as KsIntegrasjon)}`,
    );
    return 0;
  });
}

export const ksIntegrasjon: Kommando = {
  navn: 'ks-integrasjon',
  beskrivelse: 'KS Fiks-integrasjoner: opprett, liste, bytt passord, endre, trekk tilbake',
  bruk: brukIntegrasjon,
  async kjoer(argumenter, kontekst) {
    const [under, ...rest] = argumenter;
    switch (under) {
      case 'opprett':
        return opprett(rest, kontekst);
      case 'liste':
        return liste(rest, kontekst);
      case 'roter':
        return roter(rest, kontekst);
      case 'endre':
        return endre(rest, kontekst);
      case 'trekk-tilbake':
        return trekkTilbake(rest, kontekst);
      default:
        throw new BrukerFeil(
          `${under ? `Ukjent underkommando «${under}».` : 'Oppgi en underkommando.'}\n\n${brukIntegrasjon}`,
        );
    }
  },
};

/**
 * A token as Maskinporten shapes its access tokens (Digdir, «/token endpoint», «The access token»:
 * iss, aud `unspecified` when none was asked for, scope, consumer in ISO 6523 notation, client_id,
 * client_amr, token_type, iat, exp, jti), signed by the demo issuer.
 */
async function demotoken(navn: string, naa: Date, minutter: number): Promise<string> {
  const noekkel = await importJWK({ ...KS_DEMOUTSTEDER.privatJwk }, KS_DEMOUTSTEDER.alg);
  const iat = Math.floor(naa.getTime() / 1000);
  return new SignJWT({
    scope: KS_DEMOUTSTEDER.scope,
    consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${KS_DEMO_ORGANISASJONSNUMMER}` },
    client_id: `inntektsgrunnlag-demo-${navn}`,
    client_amr: 'private_key_jwt',
    token_type: 'Bearer',
  })
    .setProtectedHeader({ alg: KS_DEMOUTSTEDER.alg, kid: KS_DEMOUTSTEDER.kid })
    .setIssuer(KS_DEMOUTSTEDER.issuer)
    .setAudience(KS_DEMOUTSTEDER.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + minutter * 60)
    .setJti(randomUUID())
    .sign(noekkel);
}

export const ksToken: Kommando = {
  navn: 'ks-token',
  beskrivelse: 'et demotoken og en demointegrasjon for å prøve KS-stiene uten Maskinporten',
  bruk: brukToken,
  async kjoer(argumenter, kontekst) {
    const { values, positionals } = tolkArgumenter(
      argumenter,
      { integrasjon: { type: 'string' }, minutter: { type: 'string' }, ...formatValg },
      brukToken,
    );
    if (positionals.length > 0) throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${brukToken}`);
    const fmt = tekstEllerJson(values.format);
    if (!values.integrasjon) throw new BrukerFeil(`Oppgi --integrasjon.\n\n${brukToken}`);
    const d = ksDemointegrasjon(values.integrasjon);
    if (!d) {
      throw new BrukerFeil(
        `«${values.integrasjon}» er ikke en demointegrasjon; velg en av ${KS_DEMOINTEGRASJONER.map((x) => x.navn).join(', ')}. Passordet til en ekte integrasjon vises bare når det lages (pnpm cli ks-integrasjon).`,
      );
    }
    let minutter = 60;
    if (values.minutter !== undefined) {
      if (
        !/^\d{1,4}$/.test(values.minutter) ||
        Number(values.minutter) < 1 ||
        Number(values.minutter) > 1440
      ) {
        throw new BrukerFeil(`--minutter må være et helt tall fra 1 til 1440 (fikk «${values.minutter}»)`);
      }
      minutter = Number(values.minutter);
    }
    const token = await demotoken(d.navn, kontekst.naa(), minutter);
    if (fmt === 'json') {
      skriv(
        kontekst.stdout,
        JSON.stringify(
          { token, integrasjonId: d.id, integrasjonPassord: d.passord, rolleId: d.rolleId },
          null,
          2,
        ),
      );
    } else {
      skriv(
        kontekst.stdout,
        [
          `Authorization: Bearer ${token}`,
          `IntegrasjonId: ${d.id}`,
          `IntegrasjonPassord: ${d.passord}`,
          `Rolle (i stien): ${d.rolleId}`,
        ].join('\n'),
      );
      skriv(
        kontekst.stderr,
        `Tokenet gjelder i ${minutter} minutter, og bare mot API-et i innebygd modus med den syntetiske populasjonen (pnpm start). Se README for et eksempel med curl.`,
      );
    }
    if (
      kontekst.env.DATABASE_URL?.trim() ||
      (kontekst.env.KILDE?.trim() && kontekst.env.KILDE.trim() !== 'innebygd')
    ) {
      skriv(
        kontekst.stderr,
        'MERK: med DATABASE_URL eller en annen KILDE enn den innebygde avviser API-et demotokenet og demointegrasjonene.',
      );
    }
    return 0;
  },
};
