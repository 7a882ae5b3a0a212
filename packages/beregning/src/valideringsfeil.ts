import { z } from 'zod';
import { hurtigstiFor, IKKE_SIKKER } from './hurtigsti.js';

let norsk = false;

/** zod's messages in Norwegian (bokmål) for every schema in the process; idempotent. */
export function brukNorskeFeilmeldinger(): void {
  if (norsk) return;
  z.config(z.locales.no());
  norsk = true;
}

export interface Feltfeil {
  /** Dotted path to the field, e.g. "personer.0.identifikator" ("" for the whole body). */
  felt: string;
  melding: string;
}

/** Bad input: every faulty field with the reason. Apps map it to exit code 2 or HTTP 400. */
export class Valideringsfeil extends Error {
  override readonly name = 'Valideringsfeil';
  constructor(
    readonly feil: readonly Feltfeil[],
    tittel = 'Forespørselen er ugyldig',
  ) {
    super(
      `${tittel}:\n${feil.map((f) => `  - ${f.felt || '(hele forespørselen)'}: ${f.melding}`).join('\n')}`,
    );
  }

  static fraZod(
    error: z.ZodError,
    prefiks: readonly (string | number)[] = [],
    tittel?: string,
  ): Valideringsfeil {
    return new Valideringsfeil(
      error.issues.map((i) => ({ felt: [...prefiks, ...i.path].map(String).join('.'), melding: i.message })),
      tittel,
    );
  }
}

/**
 * Parses with a schema; throws {@link Valideringsfeil} naming every bad field. A schema with a fast
 * path (hurtigsti.ts) is first tried without zod; zod runs for whatever the fast path is not sure of,
 * so what is accepted, the output and every error are the schema's.
 */
export function valider<T extends z.ZodType>(
  skjema: T,
  data: unknown,
  prefiks: readonly (string | number)[] = [],
): z.output<T> {
  brukNorskeFeilmeldinger();
  const hurtig = hurtigstiFor(skjema)(data);
  if (hurtig !== IKKE_SIKKER) return hurtig;
  const r = skjema.safeParse(data);
  if (!r.success) throw Valideringsfeil.fraZod(r.error, prefiks);
  return r.data;
}
