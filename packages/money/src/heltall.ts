/**
 * A number literal that is an integer. `Heltall<1.5>` is `never`, so passing a float literal where an
 * integer of øre or kroner is expected is a type error; a value of the wide type `number` passes the
 * type check and is checked at run time by {@link kreverHeltall}.
 */
export type Heltall<N extends number> = number extends N
  ? N
  : `${N}` extends `${string}.${string}` | `${string}e${string}` | 'NaN' | 'Infinity' | '-Infinity'
    ? never
    : N;

export class UgyldigBeloepError extends Error {
  override readonly name = 'UgyldigBeloepError';
}

export function kreverHeltall(verdi: number, hva: string): void {
  if (!Number.isSafeInteger(verdi)) {
    throw new UgyldigBeloepError(
      `${hva} må være et heltall innenfor ±2^53 (fikk ${String(verdi)}); desimaltall er ikke tillatt: bruk en streng som "1234.50"`,
    );
  }
}
