import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A law text kept in `lovtekst/` (Lovdata's open data, NLOD 2.0): a consolidated text or an extract
 * of one, a history of its amendments, or an amending act.
 */
export interface Lovfil {
  /** The file name, for messages. */
  fil: string;
  /** The regulation id, e.g. FOR-2011-12-16-1349 or LOV-1967-02-10. */
  id: string;
  /** An amendment history (`# Endringshistorikk`): each paragraph's wordings by the day they took effect. */
  historikk: boolean;
  tekst: string;
  /** For an amending act: the law it amends, and the day it enters into force. */
  endrer?: { id: string; iKraft: string };
}

const MAANEDER = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

/** «I forskrift 3. juni 2024 nr. 900 …» → FOR-2024-06-03-900: the law an amending act amends. */
function endretLov(tekst: string): string | undefined {
  const m = /\bI (forskrift|lov) (\d{1,2})\. ([a-zæøå]+) (\d{4}) nr\. (\d+)/.exec(tekst);
  const mnd = m ? MAANEDER.indexOf(m[3] as string) + 1 : 0;
  if (!m || mnd === 0) return undefined;
  return `${m[1] === 'lov' ? 'LOV' : 'FOR'}-${m[4]}-${String(mnd).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}-${m[5]}`;
}

/** lov/1967-02-10 → LOV-1967-02-10; forskrift/2011-12-16-1349 → FOR-2011-12-16-1349. */
export function idFraRefid(refid: string): string {
  const m = /^(lov|forskrift)\/(\d{4}-\d{2}-\d{2}(?:-\d+)?)$/.exec(refid);
  if (!m) throw new Error(`ukjent refid «${refid}»`);
  return `${m[1] === 'lov' ? 'LOV' : 'FOR'}-${m[2]}`;
}

/** One law file from its name and text; the id from the front matter's `id`, else its `refid`. */
export function lesLovfil(fil: string, tekst: string): Lovfil {
  const oppgitt = /^id: "([^"]+)"$/m.exec(tekst)?.[1];
  const refid = /^refid: "([^"]+)"$/m.exec(tekst)?.[1];
  if (!oppgitt && !refid) throw new Error(`${fil} har verken id eller refid i front matter`);
  const tittel = /^tittel: "([^"]+)"$/m.exec(tekst)?.[1] ?? '';
  const iKraft = /^ikrafttredelse: "(\d{4}-\d{2}-\d{2})"$/m.exec(tekst)?.[1];
  const maal = /^(Forskrift om endring|Lov om endring)/.test(tittel) ? endretLov(tekst) : undefined;
  return {
    fil,
    id: oppgitt ?? idFraRefid(refid as string),
    historikk: /^# Endringshistorikk/m.test(tekst),
    tekst,
    ...(maal && iKraft ? { endrer: { id: maal, iKraft } } : {}),
  };
}

/** Every law text in a folder (every `.md` but its README). */
export function lesLovtekster(mappe: string): Lovfil[] {
  return readdirSync(mappe)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => lesLovfil(f, readFileSync(join(mappe, f), 'utf8')));
}
