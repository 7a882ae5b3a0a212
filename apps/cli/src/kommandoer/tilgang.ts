import type { Klient } from '@inntektsgrunnlag/lagring';
import type { Rolle } from '@inntektsgrunnlag/tilgang';
import { tekstEllerJson, tolkArgumenter } from '../argumenter.js';
import { BrukerFeil, type Kommando, type Kontekst, skriv } from '../kontekst.js';
import { LAGRING_BRUK, medLagring } from './revisjon.js';

// Operations without code (issue 19, item 8): in production mode an operator creates and revokes
// roles and API keys here, as KS integrations with `ks-integrasjon`, instead of a script against the
// storage API.

const brukRolle = `Bruk: pnpm cli rolle <opprett|liste|slett> [valg]

Roller: hver er bundet til ett tjenesteområde (FORELDREBETALING, PRAKTISK_BISTAND, LANGTIDSOPPHOLD) og
avgjør hva brukerne og API-nøklene med rollen kan slå opp.

  opprett --id <id> --navn <navn> --tjenesteomraade <område> [--avregning]
      Oppretter rollen, eller endrer den om id-en finnes. --avregning: rollen får se avregningsposter.
  liste [--format tekst|json]
  slett <id>
      Sletter rollen (avvist så lenge en bruker, nøkkel eller integrasjon har den).

${LAGRING_BRUK}`;

const brukNoekkel = `Bruk: pnpm cli api-noekkel <opprett|liste|roter|trekk-tilbake|aktiver> [valg]

API-nøkler for integrasjonsklienter (fagsystemer): hver er bundet til én rolle. Nøkkelen vises bare
når den lages, og lagres bare som hash.

  opprett --navn <navn> --rolle <rolle-id> [--id <id>] [--format tekst|json]
      Oppretter klienten og skriver nøkkelen (én gang).
  liste [--format tekst|json]
      Alle klientene, med rolle og om de er aktive (aldri nøkler).
  roter <id> [--format tekst|json]
      Lager en ny nøkkel og skriver den (én gang); den gamle slutter å virke med en gang.
  trekk-tilbake <id>
      Stanser klienten: alle kall med nøkkelen avvises fra nå (på alle instanser, se docs/drift.md).
  aktiver <id>
      Gjør en tilbaketrukket klient aktiv igjen.

${LAGRING_BRUK}`;

function enId(positionals: string[], bruk: string): string {
  if (positionals.length !== 1) throw new BrukerFeil(`Oppgi én id.\n\n${bruk}`);
  return positionals[0] as string;
}

const rolleTekst = (r: Rolle) =>
  [r.id, r.navn, r.tjenesteomraade, r.avregning ? 'med avregning' : 'uten avregning'].join('  ');

async function rolleKjoer(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const [under, ...rest] = argumenter;
  switch (under) {
    case 'opprett': {
      const { values, positionals } = tolkArgumenter(
        rest,
        {
          id: { type: 'string' },
          navn: { type: 'string' },
          tjenesteomraade: { type: 'string' },
          avregning: { type: 'boolean', default: false },
        },
        brukRolle,
      );
      if (positionals.length > 0)
        throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${brukRolle}`);
      for (const n of ['id', 'navn', 'tjenesteomraade'] as const) {
        if (!values[n]) throw new BrukerFeil(`--${n} mangler.\n\n${brukRolle}`);
      }
      return medLagring(kontekst, async (l) => {
        const r = await l.roller.lagre({
          id: values.id,
          navn: values.navn,
          tjenesteomraade: values.tjenesteomraade,
          avregning: values.avregning,
        });
        skriv(kontekst.stdout, `Rolle lagret: ${rolleTekst(r)}`);
        return 0;
      });
    }
    case 'liste': {
      const { values } = tolkArgumenter(rest, { format: { type: 'string', default: 'tekst' } }, brukRolle);
      const fmt = tekstEllerJson(values.format);
      return medLagring(kontekst, async (l) => {
        const roller = await l.roller.alle();
        if (fmt === 'json') skriv(kontekst.stdout, JSON.stringify(roller, null, 2));
        else skriv(kontekst.stdout, roller.length ? roller.map(rolleTekst).join('\n') : 'Ingen roller.');
        return 0;
      });
    }
    case 'slett': {
      const id = enId(tolkArgumenter(rest, {}, brukRolle).positionals, brukRolle);
      return medLagring(kontekst, async (l) => {
        if (!(await l.roller.slett(id))) {
          skriv(kontekst.stderr, `Feil: ingen rolle har id-en «${id}».`);
          return 1;
        }
        skriv(kontekst.stdout, `Rollen ${id} er slettet.`);
        return 0;
      });
    }
    default:
      throw new BrukerFeil(
        `${under ? `Ukjent underkommando «${under}».` : 'Oppgi en underkommando.'}\n\n${brukRolle}`,
      );
  }
}

const klientTekst = (k: Klient) =>
  [
    k.id,
    k.navn,
    `rolle ${k.rolleId}`,
    k.aktiv ? 'aktiv' : 'TRUKKET TILBAKE',
    ...(k.demo ? ['demo'] : []),
  ].join('  ');

/** The key goes to stdout only, once, with the warning on stderr (so a pipe gets just the data). */
function skrivNoekkel(
  kontekst: Kontekst,
  fmt: 'tekst' | 'json',
  klient: Klient,
  noekkel: string,
  hva: string,
) {
  if (fmt === 'json') skriv(kontekst.stdout, JSON.stringify({ klient, noekkel }, null, 2));
  else skriv(kontekst.stdout, `${hva}: ${klientTekst(klient)}\nAPI-nøkkel: ${noekkel}`);
  skriv(
    kontekst.stderr,
    'Nøkkelen vises bare nå og lagres bare som hash: gi den til fagsystemet på en trygg måte.',
  );
}

async function noekkelKjoer(argumenter: string[], kontekst: Kontekst): Promise<number> {
  const [under, ...rest] = argumenter;
  switch (under) {
    case 'opprett': {
      const { values, positionals } = tolkArgumenter(
        rest,
        {
          navn: { type: 'string' },
          rolle: { type: 'string' },
          id: { type: 'string' },
          format: { type: 'string', default: 'tekst' },
        },
        brukNoekkel,
      );
      if (positionals.length > 0)
        throw new BrukerFeil(`Uventet argument «${positionals[0]}».\n\n${brukNoekkel}`);
      if (!values.navn) throw new BrukerFeil(`--navn mangler.\n\n${brukNoekkel}`);
      if (!values.rolle) throw new BrukerFeil(`--rolle mangler.\n\n${brukNoekkel}`);
      const fmt = tekstEllerJson(values.format);
      return medLagring(kontekst, async (l) => {
        await l.roller.krev(values.rolle as string, 'rolle');
        const { klient, noekkel } = await l.klienter.opprett({
          navn: values.navn,
          rolleId: values.rolle,
          ...(values.id ? { id: values.id } : {}),
        });
        skrivNoekkel(kontekst, fmt, klient, noekkel, 'Klient opprettet');
        return 0;
      });
    }
    case 'liste': {
      const { values } = tolkArgumenter(rest, { format: { type: 'string', default: 'tekst' } }, brukNoekkel);
      const fmt = tekstEllerJson(values.format);
      return medLagring(kontekst, async (l) => {
        const alle = await l.klienter.alle();
        if (fmt === 'json') skriv(kontekst.stdout, JSON.stringify(alle, null, 2));
        else skriv(kontekst.stdout, alle.length ? alle.map(klientTekst).join('\n') : 'Ingen klienter.');
        return 0;
      });
    }
    case 'roter': {
      const { values, positionals } = tolkArgumenter(
        rest,
        { format: { type: 'string', default: 'tekst' } },
        brukNoekkel,
      );
      const id = enId(positionals, brukNoekkel);
      const fmt = tekstEllerJson(values.format);
      return medLagring(kontekst, async (l) => {
        const noekkel = await l.klienter.roterNoekkel(id);
        const klient = noekkel ? await l.klienter.hent(id) : null;
        if (!noekkel || !klient) {
          skriv(kontekst.stderr, `Feil: ingen klient har id-en «${id}».`);
          return 1;
        }
        skrivNoekkel(kontekst, fmt, klient, noekkel, 'Ny nøkkel');
        return 0;
      });
    }
    case 'trekk-tilbake':
    case 'aktiver': {
      const id = enId(tolkArgumenter(rest, {}, brukNoekkel).positionals, brukNoekkel);
      const aktiv = under === 'aktiver';
      return medLagring(kontekst, async (l) => {
        if (!(await l.klienter.settAktiv(id, aktiv))) {
          skriv(kontekst.stderr, `Feil: ingen klient har id-en «${id}».`);
          return 1;
        }
        skriv(
          kontekst.stdout,
          aktiv ? `Klienten ${id} er aktiv igjen.` : `Klienten ${id} er trukket tilbake.`,
        );
        return 0;
      });
    }
    default:
      throw new BrukerFeil(
        `${under ? `Ukjent underkommando «${under}».` : 'Oppgi en underkommando.'}\n\n${brukNoekkel}`,
      );
  }
}

export const rolle: Kommando = {
  navn: 'rolle',
  beskrivelse: 'roller: opprette, liste og slette (drift uten kode)',
  bruk: brukRolle,
  kjoer: rolleKjoer,
};

export const apiNoekkel: Kommando = {
  navn: 'api-noekkel',
  beskrivelse: 'API-nøkler for fagsystemer: opprette, rotere og trekke tilbake',
  bruk: brukNoekkel,
  kjoer: noekkelKjoer,
};
