import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Beregningsresultat, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import {
  KildeFeil,
  KildeoppsettFeil,
  type Kilder,
  lagKilder,
  lesKildeoppsett,
} from '@inntektsgrunnlag/kilder';
import { demooppsettFor, type Lagring } from '@inntektsgrunnlag/lagring';
import { Beloep } from '@inntektsgrunnlag/money';
import {
  type Autentisering,
  GrunnlagIkkeHentet,
  Oppslagstjeneste,
  RevisjonFeilet,
} from '@inntektsgrunnlag/oppslag';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';
import { type Beregningstabell, formaterDatoKort } from '@inntektsgrunnlag/regelverk';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import { tolkArgumenter } from '../argumenter.js';
import { lesForesporsler } from '../inndata.js';
import { BrukerFeil, type Kommando, type Kontekst, skriv } from '../kontekst.js';
import { lastKommuneinnstillinger, lastRegelverk } from '../regelverk.js';
import { aapneLagringFraMiljoe } from './revisjon.js';

const bruk = `Bruk: pnpm cli beregn <fil|-> [--rolle <rolleId>] [--bruker <brukerId>] [--saksreferanse <ref>]
                   [--format json|tabell] [--kommuneinnstillinger <fil>] [--satser <fil>…]

Leser én forespørsel (JSON), en gullfil (bruker «foresporsel»), eller JSON Lines med én forespørsel
per linje, fra en fil eller fra standard inn (-). Personer kan ha postene sine i «poster»; for de
andre hentes skatteopplysningene fra kilden: den innebygde syntetiske populasjonen, eller med
KILDE=http Skatteetaten (eller pnpm standin) gjennom Maskinporten (se docs/kilder.md).
Skriver resultatet som JSON (én linje per forespørsel for JSON Lines), eller som en forklaring
med --format tabell.
  --rolle <rolleId>             rollen oppslaget gjøres i; i innebygd modus er standard demorollen
                                for forespørselens tjenesteområde (demo-langtidsopphold, …)
  --bruker <brukerId>           saksbehandleren som gjør oppslaget; i innebygd modus demobrukeren
                                for rollen, ellers påkrevd
  --saksreferanse <ref>         saken oppslaget gjelder (føres i revisjonsloggen)
  --kommuneinnstillinger <fil>  kommunens innstillinger (JSON; se docs/kommuneinnstillinger.md)
  --satser <fil>                operatørfil med nyere satser (kan gjentas; se docs/drift.md)
Hvert oppslag av skatteopplysninger føres i revisjonsloggen (pnpm cli revisjon liste).
Ugyldig forespørsel gir feltet og grunnen på standard feil og avslutningskode 2; et avvist oppslag
(manglende rolle eller tilgang) og skatteopplysninger som ikke kunne hentes gir grunnen og
avslutningskode 1.`;

function kr(tall: number): string {
  return Beloep.kroner(String(tall)).format();
}

/** The explanation of one result, for a person to read. */
export function resultatSomTekst(resultat: Beregningsresultat, tabell: Beregningstabell): string {
  const linjer: string[] = [];
  linjer.push(tabell.tittel, '');
  linjer.push(
    `Beregningsdato: ${formaterDatoKort(resultat.beregningsdato)}${resultat.beregningsdatoKilde === 'DAGENS_DATO' ? ' (dagens dato)' : ''}`,
  );
  for (const p of resultat.personer) {
    const navn = p.navn ? ` ${p.navn.fornavn} ${p.navn.etternavn}` : '';
    linjer.push(`${p.type.padEnd(10)} ${maskerIdentifikator(p.identifikator)}${navn}`);
  }
  linjer.push('', `Beregningsgrunnlag: ${kr(resultat.beregningsbeloep)}`);
  for (const h of resultat.hovedtall)
    linjer.push(`${h.tekst}: ${kr(h.beloep)}${h.hjemmel ? `  [${h.hjemmel}]` : ''}`);
  linjer.push('', tabell.tilTekst());
  if (resultat.advarsler.length > 0) {
    linjer.push('', 'Advarsler:');
    for (const a of resultat.advarsler) linjer.push(`  - ${a.melding}`);
  }
  linjer.push('', 'Satser brukt:');
  for (const s of resultat.regelverk.satser) {
    linjer.push(
      `  - ${s.beskrivelse} fra ${formaterDatoKort(s.gyldigFra)}: ${JSON.stringify(s.verdi)} (${s.kilde.tittel}${s.fraFil ? `; fra operatørfilen ${s.fraFil}` : ''})`,
    );
  }
  return linjer.join('\n');
}

/** The sources from the environment (KILDE, KILDE_*, MASKINPORTEN_*; docs/kilder.md). */
function kilderFraMiljoe({ env, cwd }: Pick<Kontekst, 'env' | 'cwd'>): Kilder {
  try {
    return lagKilder(lesKildeoppsett(env, (fil) => readFileSync(resolve(cwd, fil), 'utf8')));
  } catch (e) {
    if (e instanceof KildeoppsettFeil) throw new BrukerFeil(e.message);
    throw e;
  }
}

/** A lookup refused or failed at the source: the reason is known and printed, but it is no user error. */
function erKildefeil(e: unknown): e is Error {
  return (
    e instanceof KildeFeil ||
    e instanceof GrunnlagIkkeHentet ||
    e instanceof Tilgangsfeil ||
    e instanceof RevisjonFeilet
  );
}

function feilmelding(e: Error): string {
  return e instanceof Tilgangsfeil ? `Avvist (${e.kode}): ${e.message}` : e.message;
}

/**
 * Who runs the CLI: the named user, or in embedded mode the demo user of the role (the request's
 * area's demo role when no role is named). Outside embedded mode a user must be named.
 */
async function hvem(
  lagring: Lagring,
  valg: { rolle?: string | undefined; bruker?: string | undefined },
  beregningstype: unknown,
): Promise<{ autentisering: Autentisering; rolleId: string | null }> {
  const demo = typeof beregningstype === 'string' ? demooppsettFor(beregningstype) : undefined;
  const rolleId = valg.rolle ?? (lagring.innebygd ? (demo?.rolle.id ?? null) : null);
  let brukerId = valg.bruker;
  if (!brukerId) {
    if (!lagring.innebygd) {
      throw new BrukerFeil(
        'Oppgi --bruker (saksbehandleren som gjør oppslaget) når databasen ikke er den innebygde.',
      );
    }
    // In embedded mode the demo user of the named demo role, or of the request's area.
    const demoForRolle = rolleId ? demooppsettForRolle(rolleId) : undefined;
    brukerId = (demoForRolle ?? demo)?.bruker.id;
  }
  const aktoer = brukerId ? await lagring.brukere.aktoer(brukerId) : null;
  return {
    autentisering: aktoer
      ? { ok: true, aktoer }
      : { ok: false, kode: 'AKTOER_UKJENT', melding: `Brukeren «${brukerId ?? ''}» finnes ikke.` },
    rolleId,
  };
}

function demooppsettForRolle(rolleId: string) {
  for (const type of ['BARNEHAGE_SFO', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD_INSTITUSJON']) {
    const d = demooppsettFor(type);
    if (d?.rolle.id === rolleId) return d;
  }
  return undefined;
}

function feilSomTekst(e: unknown): string {
  if (e instanceof Valideringsfeil)
    return e.feil.map((f) => `${f.felt || '(forespørselen)'}: ${f.melding}`).join('; ');
  return e instanceof Error ? e.message : String(e);
}

export const beregn: Kommando = {
  navn: 'beregn',
  beskrivelse: 'beregn inntektsgrunnlag og avgift for forespørsler',
  bruk,
  async kjoer(argumenter, kontekst) {
    const { values, positionals } = tolkArgumenter(
      argumenter,
      {
        format: { type: 'string', default: 'json' },
        rolle: { type: 'string' },
        bruker: { type: 'string' },
        saksreferanse: { type: 'string' },
        kommuneinnstillinger: { type: 'string' },
        satser: { type: 'string', multiple: true, default: [] },
      },
      bruk,
    );
    const [kilde, ...overskudd] = positionals;
    if (!kilde || overskudd.length > 0)
      throw new BrukerFeil(`Oppgi én fil, eller - for standard inn.\n\n${bruk}`);
    if (values.format !== 'json' && values.format !== 'tabell') {
      throw new BrukerFeil(`--format må være json eller tabell (fikk ${values.format})`);
    }
    const regelverk = lastRegelverk(values.satser, kontekst);
    const innstillinger = lastKommuneinnstillinger(values.kommuneinnstillinger, kontekst);
    const { enkelt, rader } = await lesForesporsler(kilde, kontekst);
    const kilder = kilderFraMiljoe(kontekst);
    const lagring = await aapneLagringFraMiljoe(kontekst);
    try {
      const tjeneste = new Oppslagstjeneste({
        lagring,
        kilder,
        regelverk,
        innstillinger,
        klokke: kontekst.naa,
      });
      const kjoer = async (data: unknown) => {
        const type = (data as { beregningstype?: unknown } | null)?.beregningstype;
        const { autentisering, rolleId } = await hvem(lagring, values, type);
        return tjeneste.beregn({
          autentisering,
          rolleId,
          saksreferanse: values.saksreferanse ?? null,
          foresporsel: data,
        });
      };

      if (enkelt) {
        const rad = rader[0] as { data: unknown };
        let svar: Awaited<ReturnType<typeof kjoer>>;
        try {
          svar = await kjoer(rad.data);
        } catch (e) {
          if (!erKildefeil(e)) throw e;
          skriv(kontekst.stderr, `Feil: ${feilmelding(e)}`);
          return 1;
        }
        const { resultat, tabell } = svar;
        skriv(
          kontekst.stdout,
          values.format === 'tabell' ? resultatSomTekst(resultat, tabell) : JSON.stringify(resultat, null, 2),
        );
        return 0;
      }
      let feilet = 0;
      for (const rad of rader) {
        if ('feil' in rad) {
          feilet++;
          skriv(kontekst.stderr, `Linje ${rad.linje}: ${rad.feil}`);
          continue;
        }
        try {
          const { resultat, tabell } = await kjoer(rad.data);
          skriv(
            kontekst.stdout,
            values.format === 'tabell' ? `${resultatSomTekst(resultat, tabell)}\n` : JSON.stringify(resultat),
          );
        } catch (e) {
          feilet++;
          skriv(
            kontekst.stderr,
            `Linje ${rad.linje}: ${e instanceof Error && erKildefeil(e) ? feilmelding(e) : feilSomTekst(e)}`,
          );
        }
      }
      if (feilet > 0) skriv(kontekst.stderr, `${feilet} av ${rader.length} forespørsler feilet.`);
      return feilet > 0 ? 1 : 0;
    } finally {
      await lagring.lukk();
    }
  },
};
