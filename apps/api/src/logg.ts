import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys whose values are amounts or personal data: never written, whatever code logs them. The API
 * logs no bodies at all; this is the net under that rule.
 */
const SKJULTE_NOEKLER =
  /beloep|belop|beløp|inntekt|fradrag|vederlag|egenandel|foreldrebetaling|pris|skatt|formue|gjeld|identifikator|fodselsnummer|fødselsnummer|navn|poster|body|kropp/i;

/** Any run of 11 or more digits may be a fødselsnummer. */
const ELLEVE_SIFRE = /\d{11,}/g;

/** A text for the log: every run of 11 or more digits replaced. */
export function vaskTekst(tekst: string): string {
  return tekst.replace(ELLEVE_SIFRE, '[identifikator]');
}

/**
 * An error's message for the log: identifiers and every number of four digits or more (an amount,
 * perhaps with thousands separators) replaced. Messages of ours carry no such numbers; a foreign one
 * might.
 */
export function vaskFeiltekst(tekst: string): string {
  return vaskTekst(tekst).replace(/\d(?:[\d\s\u00a0.,']*\d)?/g, (tall) =>
    tall.replace(/\D/g, '').length >= 4 ? '[tall]' : tall,
  );
}

/** An error as logged: its name, its cleaned message and the stack frames (file and line only). */
export function feilTilLogg(e: unknown): { type: string; melding: string; stakk?: string } {
  if (!(e instanceof Error)) return { type: typeof e, melding: '[ikke en Error]' };
  const rammer = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => vaskTekst(l.trim()))
    .slice(0, 15);
  return {
    type: e.name,
    melding: vaskFeiltekst(e.message),
    ...(rammer.length ? { stakk: rammer.join('\n') } : {}),
  };
}

function vask(verdi: unknown, dybde = 0): unknown {
  if (dybde > 8) return '[for dypt]';
  if (typeof verdi === 'string') return vaskTekst(verdi);
  if (typeof verdi === 'number') return Math.abs(verdi) >= 1e10 ? '[identifikator]' : verdi;
  if (Array.isArray(verdi)) return verdi.map((v) => vask(v, dybde + 1));
  if (verdi && typeof verdi === 'object') {
    const ut: Record<string, unknown> = {};
    for (const [n, v] of Object.entries(verdi)) {
      ut[n] = SKJULTE_NOEKLER.test(n) ? '[skjult]' : vask(v, dybde + 1);
    }
    return ut;
  }
  return verdi;
}

export interface Loggvalg {
  nivaa?: string;
  /** Where to write (default stdout); tests pass a stream of their own. */
  destinasjon?: DestinationStream;
}

/**
 * Structured JSON logs (pino): ISO timestamps (an epoch in milliseconds would itself be a run of
 * digits), every field cleaned of identifiers and amounts, messages in Norwegian.
 */
export function lagLogger(valg: Loggvalg = {}): Logger {
  return pino(
    {
      level: valg.nivaa ?? 'info',
      base: { app: 'inntektsgrunnlag-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (objekt) => vask(objekt) as Record<string, unknown>,
      },
      hooks: {
        // The message text too: a caller's format string could carry anything.
        logMethod(argumenter, metode) {
          const vasket = argumenter.map((a) => (typeof a === 'string' ? vaskTekst(a) : a));
          return metode.apply(this, vasket as Parameters<typeof metode>);
        },
      },
    },
    valg.destinasjon,
  );
}
