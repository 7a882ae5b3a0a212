import type { z } from 'zod';

/**
 * What a fast path answers when it cannot prove the input valid: the zod schema then runs as before and
 * gives its own output or its own errors. A fast path never refuses anything itself, so the messages
 * and paths of every refusal are zod's.
 */
export const IKKE_SIKKER: unique symbol = Symbol('ikke sikker');
export type IkkeSikker = typeof IKKE_SIKKER;

/**
 * A validator written once for one schema, without zod: the schema's output for input it can prove
 * valid, otherwise {@link IKKE_SIKKER}. It must never answer for input the schema refuses, and its answer
 * must equal the schema's output (the same values and classes, the same keys in the same order,
 * defaults filled in, absent optional keys absent); each fast path has a property test against its
 * schema beside it (`*.hurtigsti.test.ts`).
 */
export type Hurtigsti<T> = (data: unknown) => T | IkkeSikker;

const hurtigstier = new WeakMap<z.ZodType, Hurtigsti<unknown>>();
const aldriSikker: Hurtigsti<never> = () => IKKE_SIKKER;

/**
 * Gives `skjema` a fast path that {@link valider} tries first, and returns the same schema object (so
 * OpenAPI, `.shape` and every other use of the schema are unchanged). Only this object gets it: a
 * schema derived from it (`.optional()`, `.default()`) is validated by zod alone.
 */
export function medHurtigsti<S extends z.ZodType>(skjema: S, hurtig: Hurtigsti<z.output<S>>): S {
  hurtigstier.set(skjema, hurtig as Hurtigsti<unknown>);
  return skjema;
}

/** The schema's fast path, or one that is never sure (for tests and for callers outside `valider`). */
export function hurtigstiFor<S extends z.ZodType>(skjema: S): Hurtigsti<z.output<S>> {
  return (hurtigstier.get(skjema) as Hurtigsti<z.output<S>> | undefined) ?? aldriSikker;
}

/**
 * A plain object as JSON.parse makes it (prototype Object.prototype or null). Anything else (a class
 * instance, an inherited key, a Date, an array) is left to zod, whose rules for those are subtler.
 */
export function erRentObjekt(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * True when every own key of `o` is one of `tillatte` and none holds `undefined` (zod keeps a key given
 * as undefined in its output, and treats it as absent for defaults: left to zod). Symbol keys are not
 * looked at: zod neither refuses nor copies them.
 */
export function bareKjenteNoekler(o: Record<string, unknown>, tillatte: ReadonlySet<string>): boolean {
  for (const k in o) {
    if (!Object.hasOwn(o, k) || !tillatte.has(k) || o[k] === undefined) return false;
  }
  return true;
}
