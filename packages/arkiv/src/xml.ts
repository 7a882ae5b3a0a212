import { convert } from 'xmlbuilder2';

export type Obj = Record<string, unknown>;

/** The XML could not be parsed. */
export class UgyldigXml extends Error {
  override readonly name = 'UgyldigXml';
}

/**
 * An object tree from XML (xmlbuilder2's object format: attributes as `@navn`, text as `#` when mixed)
 * with the namespace prefixes of elements removed and the namespace declarations dropped: a sender chooses
 * its own prefixes, and the schema check has already made sure of the namespaces.
 */
export function lesXml(xml: string): Obj {
  let tre: unknown;
  try {
    tre = convert(xml, { format: 'object' });
  } catch {
    throw new UgyldigXml('ikke gyldig XML');
  }
  const uten = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(uten);
    if (x && typeof x === 'object') {
      return Object.fromEntries(
        Object.entries(x as Obj)
          .filter(([n]) => !n.startsWith('@xmlns'))
          .map(([n, v]) => [
            n.startsWith('@') || n === '#' ? n.replace(/^@[\w-]+:/, '@') : n.replace(/^[\w-]+:/, ''),
            uten(v),
          ]),
      );
    }
    return x;
  };
  return uten(tre) as Obj;
}

/** The text of an element (a string, or `#` of an element with attributes). */
export const tekstAv = (x: unknown): string | undefined =>
  typeof x === 'string'
    ? x
    : x && typeof x === 'object' && typeof (x as Obj)['#'] === 'string'
      ? ((x as Obj)['#'] as string)
      : undefined;

/** An element that may occur once or many times, as a list. */
export const liste = <T = Obj>(x: unknown): T[] =>
  x === undefined || x === null ? [] : Array.isArray(x) ? (x as T[]) : [x as T];
