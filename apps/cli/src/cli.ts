import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { LagringFeil } from '@inntektsgrunnlag/lagring';
import { UgyldigBeloepError } from '@inntektsgrunnlag/money';
import { UgyldigDatoError, UgyldigOperatoerfilError, UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { beregn } from './kommandoer/beregn.js';
import { etteroppgjoerKommando } from './kommandoer/etteroppgjoer.js';
import { grunnbeloep } from './kommandoer/grunnbeloep.js';
import { ksIntegrasjon, ksToken } from './kommandoer/ks.js';
import { poster } from './kommandoer/poster.js';
import { revisjon } from './kommandoer/revisjon.js';
import { satser } from './kommandoer/satser.js';
import { apiNoekkel, rolle } from './kommandoer/tilgang.js';
import { valider } from './kommandoer/valider.js';
import { BrukerFeil, type Kommando, type Kontekst, skriv } from './kontekst.js';

export const KOMMANDOER: readonly Kommando[] = [
  beregn,
  etteroppgjoerKommando,
  valider,
  grunnbeloep,
  satser,
  poster,
  revisjon,
  ksIntegrasjon,
  ksToken,
  rolle,
  apiNoekkel,
];

function hjelp(): string {
  const bredde = Math.max(...KOMMANDOER.map((k) => k.navn.length));
  return [
    'Inntektsgrunnlag: inntektsgrunnlag og egenbetaling for kommunale tjenester',
    '',
    'Bruk: pnpm cli <kommando> [argumenter]',
    '',
    'Kommandoer:',
    ...KOMMANDOER.map((k) => `  ${k.navn.padEnd(bredde)}  ${k.beskrivelse}`),
    '',
    'Skriv «pnpm cli <kommando> --help» for detaljer.',
  ].join('\n');
}

/**
 * Runs one command. Never throws and never prints a stack trace (unless INNTEKTSGRUNNLAG_DEBUG=1):
 * bad input gives the reason and exit code 2, a failure the reason and exit code 1.
 */
export async function runCli(argv: readonly string[], kontekst: Kontekst): Promise<number> {
  const [navn, ...argumenter] = argv;
  if (!navn || navn === '--help' || navn === '-h' || navn === 'hjelp') {
    skriv(navn ? kontekst.stdout : kontekst.stderr, hjelp());
    return navn ? 0 : 2;
  }
  const kommando = KOMMANDOER.find((k) => k.navn === navn);
  if (!kommando) {
    skriv(kontekst.stderr, `Ukjent kommando «${navn}».\n\n${hjelp()}`);
    return 2;
  }
  if (argumenter.includes('--help') || argumenter.includes('-h')) {
    skriv(kontekst.stdout, kommando.bruk);
    return 0;
  }
  try {
    return await kommando.kjoer(argumenter, kontekst);
  } catch (e) {
    if (kontekst.env.INNTEKTSGRUNNLAG_DEBUG === '1' && e instanceof Error)
      skriv(kontekst.stderr, e.stack ?? '');
    if (e instanceof Valideringsfeil) {
      skriv(kontekst.stderr, `Feil: ${e.message}`);
      return 2;
    }
    if (
      e instanceof BrukerFeil ||
      e instanceof UtenforDekning ||
      e instanceof UgyldigDatoError ||
      e instanceof UgyldigBeloepError ||
      e instanceof UgyldigOperatoerfilError
    ) {
      skriv(kontekst.stderr, `Feil: ${e.message}`);
      return 2;
    }
    // The database could not be opened or reached, or dropped the connection (a restart, a failover):
    // not the user's input and not a defect; the message says what happened and that nothing was lost.
    if (e instanceof LagringFeil) {
      skriv(kontekst.stderr, `Feil: ${e.message}`);
      return 1;
    }
    skriv(kontekst.stderr, `Uventet feil: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
