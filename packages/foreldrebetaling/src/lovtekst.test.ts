import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import type { BeregningslinjeJson } from '@inntektsgrunnlag/regelverk';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import {
  beregner,
  hjemmelHusholdningensInntekt,
  hjemmelKjernetid,
  hjemmelSeksProsentBarnehage,
  hjemmelSfoGratistimer,
  hjemmelSfoPris,
  hjemmelSfoSaerlegeBehov,
  hjemmelSfoSeksProsent,
  hjemmelSoesken,
  POSTDEFINISJON,
  TABELLER,
} from './index.js';

/**
 * This package's side of the law-quote convention (issue 17): every `@lovtekst` quote in the area's code is
 * found verbatim in the law texts kept in `lovtekst/` (Lovdata's open data), in the paragraph and ledd it
 * names, in the merknad to the paragraph (`§ 3a merknad`), or, with `i kraft`, in that wording (a version
 * of the history file, or an amending act of that law in force that day); every table value whose source
 * is on lovdata.no quotes that law; every hjemmel the area prints names a paragraph (and ledd) that
 * exists. The repository-wide checker lives in tooling/; this test keeps this package honest on its own.
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const LOVTEKST = `${ROT}lovtekst/`;
const SRC = fileURLToPath(new URL('./', import.meta.url));

const KORTNAVN: Record<string, string> = {
  egenandelsforskriften: 'FOR-2011-12-16-1349',
  'forskrift om foreldrebetaling i barnehager': 'FOR-2005-12-16-1478',
  opplæringsforskrifta: 'FOR-2024-06-03-900',
  'forskrift til opplæringslova': 'FOR-2006-06-23-724',
  opplæringslova: 'LOV-2023-06-09-30',
  folketrygdloven: 'LOV-1997-02-28-19',
  'helse- og omsorgstjenesteloven': 'LOV-2011-06-24-30',
  barnehageloven: 'LOV-2005-06-17-64',
  finansieringsforskriften: 'FOR-2026-03-23-454',
};

const ORDINALER = [
  'første',
  'andre',
  'tredje',
  'fjerde',
  'femte',
  'sjette',
  'sjuende',
  'åttende',
  'niende',
  'tiende',
];
function leddnummer(ord: string): number | 'siste' {
  if (ord === 'siste') return 'siste';
  if (ord === 'annet') return 2;
  if (ord === 'syvende') return 7;
  const i = ORDINALER.indexOf(ord);
  if (i < 0) throw new Error(`ukjent ledd «${ord}»`);
  return i + 1;
}

/** Whitespace as one space, without Markdown's quote and list markers. */
function normaliser(tekst: string): string {
  return tekst
    .split('\n')
    .map((l) => l.replace(/^>\s?/, '').replace(/^\s*-\s+/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Lovfil {
  id: string;
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

/** «I forskrift 3. juni 2024 nr. 900 …» → FOR-2024-06-03-900. */
function endretLov(tekst: string): string | undefined {
  const m = /\bI (forskrift|lov) (\d{1,2})\. ([a-zæøå]+) (\d{4}) nr\. (\d+)/.exec(tekst);
  const mnd = m ? MAANEDER.indexOf(m[3] as string) + 1 : 0;
  if (!m || mnd === 0) return undefined;
  return `${m[1] === 'lov' ? 'LOV' : 'FOR'}-${m[4]}-${String(mnd).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}-${m[5]}`;
}

function idFraRefid(refid: string): string {
  const m = /^(lov|forskrift)\/(\d{4}-\d{2}-\d{2}(?:-\d+)?)$/.exec(refid);
  if (!m) throw new Error(`ukjent refid ${refid}`);
  return `${m[1] === 'lov' ? 'LOV' : 'FOR'}-${m[2]}`;
}

const FILER: Lovfil[] = readdirSync(LOVTEKST)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => {
    const tekst = readFileSync(`${LOVTEKST}${f}`, 'utf8');
    const refid = /^refid: "([^"]+)"$/m.exec(tekst)?.[1];
    if (!refid) throw new Error(`${f} har ingen refid`);
    const tittel = /^tittel: "([^"]+)"$/m.exec(tekst)?.[1] ?? '';
    const iKraft = /^ikrafttredelse: "(\d{4}-\d{2}-\d{2})"$/m.exec(tekst)?.[1];
    const maal = /^(Forskrift om endring|Lov om endring)/.test(tittel) ? endretLov(tekst) : undefined;
    return {
      id: idFraRefid(refid),
      historikk: /^# Endringshistorikk/m.test(tekst),
      tekst,
      ...(maal && iKraft ? { endrer: { id: maal, iKraft } } : {}),
    };
  });

/** The files of a law: its own, and the amending acts that amend it. */
const filerFor = (id: string) => FILER.filter((f) => f.id === id || f.endrer?.id === id);
const egneFiler = (id: string) => FILER.filter((f) => f.id === id && !f.endrer);

/** The ledd of a paragraph's body: blocks between blank lines, a list belonging to the ledd before it. */
function leddAv(kropp: string): string[] {
  const blokker = kropp
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '' && !/^\*[^*].*\*$/s.test(b));
  const ledd: string[] = [];
  for (const b of blokker) {
    if (b.split('\n').every((l) => /^\s*-\s/.test(l)) && ledd.length > 0) ledd[ledd.length - 1] += `\n${b}`;
    else ledd.push(b);
  }
  return ledd;
}

/** The body of § `paragraf` in a consolidated text, or null. */
function paragrafKonsolidert(tekst: string, paragraf: string): string | null {
  const linjer = tekst.split('\n');
  const start = linjer.findIndex((l) => new RegExp(`^#{2,6}\\s+§\\s*${paragraf}\\.(\\s|$)`).test(l));
  if (start < 0) return null;
  const slutt = linjer.findIndex((l, i) => i > start && /^#/.test(l));
  return linjer.slice(start + 1, slutt < 0 ? undefined : slutt).join('\n');
}

/** Every wording of § `paragraf` in a history text in force from `dato`. */
function versjonerIHistorikk(tekst: string, paragraf: string, dato: string): string[] {
  const versjoner = tekst.split(/^### /m).slice(1);
  const ut: string[] = [];
  let seksjon = '';
  for (const del of tekst.split(/^## /m).slice(1)) {
    seksjon = del.split('\n')[0]?.trim() ?? '';
    for (const v of del.split(/^### /m).slice(1)) {
      if (!v.startsWith(dato)) continue;
      if (seksjon === `§ ${paragraf}`) {
        ut.push(v);
        continue;
      }
      // A chapter-wide amendment: the paragraph from its marker «§ 1B-2.» to the next one.
      const m = new RegExp(`§ ${paragraf}\\.`).exec(v);
      if (m) {
        const resten = v.slice(m.index + 1);
        const neste = /> § \d+[A-Za-z]?(-\d+)?\./.exec(resten);
        ut.push(resten.slice(0, neste ? neste.index : undefined));
      }
    }
  }
  void versjoner;
  return ut;
}

/** Each `…`-separated fragment of the quote, in order, in the text. */
function fragmenterFinnes(sitat: string, tekst: string): boolean {
  const n = normaliser(tekst);
  let fra = 0;
  for (const fragment of sitat.split('…').map((x) => normaliser(x))) {
    if (fragment === '') continue;
    const i = n.indexOf(fragment, fra);
    if (i < 0) return false;
    fra = i + fragment.length;
  }
  return true;
}

interface Henvisning {
  id: string;
  paragraf: string;
  merknad: boolean;
  ledd?: number | 'siste';
  iKraft?: string;
}

const HENVISNING =
  /^((?:LOV|FOR)-\d{4}-\d{2}-\d{2}-\d+) § (\d+[A-Za-z]?(?:-\d+)?)( merknad)?(?: ([a-zæøå]+) ledd)?(?: i kraft (\d{4}-\d{2}-\d{2}))?$/;

function lesHenvisning(tekst: string): Henvisning {
  const m = HENVISNING.exec(tekst);
  if (!m) throw new Error(`ikke en henvisning: «${tekst}»`);
  return {
    id: m[1] as string,
    paragraf: m[2] as string,
    merknad: m[3] !== undefined,
    ...(m[4] ? { ledd: leddnummer(m[4]) } : {}),
    ...(m[5] ? { iKraft: m[5] } : {}),
  };
}

/** Why a quote does not check out, or null when it does. */
function sjekkLovtekst(henvisning: string, sitat: string): string | null {
  let h: Henvisning;
  try {
    h = lesHenvisning(henvisning);
  } catch (e) {
    return (e as Error).message;
  }
  const filer = filerFor(h.id);
  if (filer.length === 0) return `${h.id} finnes ikke i lovtekst/`;
  if (h.merknad) return sjekkMerknad(`${h.id} § ${h.paragraf}`, sitat);
  if (h.iKraft) {
    const dato = h.iKraft;
    const versjoner = [
      ...filer.filter((f) => f.historikk).flatMap((f) => versjonerIHistorikk(f.tekst, h.paragraf, dato)),
      // An amending act in force that day: its own paragraph, or its running text («… skal lyde: …»).
      ...filer
        .filter((f) => f.endrer?.iKraft === dato)
        .map(
          (f) =>
            paragrafKonsolidert(f.tekst, h.paragraf) ?? (f.tekst.includes(`§ ${h.paragraf}`) ? f.tekst : ''),
        )
        .filter((t) => t !== ''),
    ];
    if (versjoner.length === 0) return `ingen versjon av § ${h.paragraf} i kraft ${h.iKraft}`;
    return versjoner.some((v) => fragmenterFinnes(sitat, v)) ? null : `sitatet står ikke i § ${h.paragraf}`;
  }
  const kropper = egneFiler(h.id)
    .filter((f) => !f.historikk)
    .map((f) => paragrafKonsolidert(f.tekst, h.paragraf))
    .filter((k): k is string => k !== null);
  if (kropper.length === 0) return `§ ${h.paragraf} finnes ikke i ${h.id}`;
  for (const kropp of kropper) {
    if (h.ledd === undefined) {
      if (fragmenterFinnes(sitat, kropp)) return null;
      continue;
    }
    const ledd = leddAv(kropp);
    const valgt = h.ledd === 'siste' ? ledd.at(-1) : ledd[h.ledd - 1];
    if (valgt === undefined) return `§ ${h.paragraf} har ikke ${h.ledd}. ledd`;
    if (fragmenterFinnes(sitat, valgt)) return null;
  }
  return `sitatet står ikke i ${henvisning.replace(/^\S+ /, '')}`;
}

/** The merknad to § `paragraf` («Til ny § 3a :» up to the next one): the quote within one of its paragraphs. */
function sjekkMerknad(henvisning: string, sitat: string): string | null {
  const m = /^((?:LOV|FOR)-[\d-]+) § (\S+)$/.exec(henvisning);
  if (!m) return `ikke en merknadshenvisning: «${henvisning}»`;
  for (const f of egneFiler(m[1] as string).filter((x) => !x.historikk)) {
    const deler = f.tekst.split(/^Til ny § /m);
    const del = deler.find((d) => d.startsWith(`${m[2]} :`));
    if (!del) continue;
    const kropp = (del.split(/^(Merknader tilføyd|#)/m)[0] ?? '').split('\n').slice(1);
    if (kropp.some((avsnitt) => fragmenterFinnes(sitat, avsnitt))) return null;
    return `sitatet står ikke i merknaden til § ${m[2]}`;
  }
  return `ingen merknad til § ${m[2]} i ${m[1]}`;
}

/** The quote anywhere in a law's files (its own and its amending acts). */
function sjekkEndringstekst(id: string, sitat: string): string | null {
  const filer = filerFor(id);
  if (filer.length === 0) return `${id} finnes ikke i lovtekst/`;
  return filer.some((f) => fragmenterFinnes(sitat, f.tekst)) ? null : `sitatet står ikke i ${id}`;
}

/** Whether a printed hjemmel names a paragraph (and ledd) that exists in its law's text. */
function sjekkHjemmel(hjemmel: string): string | null {
  const m = /^(.+?) § (\d+[A-Za-z]?(?:-\d+)?)(?: ([a-zæøå]+) ledd)?$/.exec(hjemmel);
  if (!m) return `«${hjemmel}» har ikke formen <kortnavn> § <n>[ <ordinal> ledd]`;
  const id = KORTNAVN[m[1] as string];
  if (!id) return `ukjent kortnavn «${m[1]}»`;
  const paragraf = m[2] as string;
  const filer = filerFor(id);
  for (const f of filer.filter((x) => !x.historikk && !x.endrer)) {
    const kropp = paragrafKonsolidert(f.tekst, paragraf);
    if (kropp === null) continue;
    if (!m[3]) return null;
    const n = leddnummer(m[3]);
    return n === 'siste' || leddAv(kropp).length >= n ? null : `§ ${paragraf} har ikke ${m[3]} ledd`;
  }
  // Only in the history (forskrift til opplæringslova kap. 1B, the old § 3): the paragraph's marker.
  const iHistorikk = filer
    .filter((x) => x.historikk)
    .some((f) => new RegExp(`(^## § ${paragraf}$|§ ${paragraf}\\.)`, 'm').test(f.tekst));
  return iHistorikk ? null : `§ ${paragraf} finnes ikke i ${id}`;
}

interface Tagg {
  fil: string;
  henvisning: string;
  /** The «…» right after the tag line. */
  sitat: string | null;
}

/** Every tag in the package's non-test sources, with the «…» quotes that follow it. */
function tagger(): Tagg[] {
  const ut: Tagg[] = [];
  const filer = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  for (const fil of filer) {
    const linjer = readFileSync(`${SRC}${fil}`, 'utf8')
      .split('\n')
      .map((l) => l.replace(/^\s*(\/\*\*|\*\/|\*|\/\/)\s?/, ''));
    linjer.forEach((linje, i) => {
      const m = /^@lovtekst (.+)$/.exec(linje.trim());
      if (!m) return;
      // The quote: the «…» that starts on the next line (up to a blank line or the next tag).
      const etter: string[] = [];
      for (const l of linjer.slice(i + 1)) {
        if (l.trim() === '' || l.trim().startsWith('@')) break;
        etter.push(l);
      }
      const sitat = /^\s*«([^»]*)»/.exec(etter.join(' '))?.[1] ?? null;
      ut.push({ fil, henvisning: (m[1] as string).trim(), sitat });
    });
  }
  return ut;
}

describe('law quotes in the code (@lovtekst)', () => {
  const alle = tagger();

  it('every rule module quotes the law it implements', () => {
    const moduler = readdirSync(`${SRC}regler`).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const m of moduler) {
      expect(
        alle.some((t) => t.fil === `regler/${m}`),
        m,
      ).toBe(true);
    }
    expect(alle.length).toBeGreaterThan(25);
  });

  it('every quote is found verbatim where its tag says', () => {
    const feil: string[] = [];
    for (const t of alle) {
      if (t.sitat === null) {
        feil.push(`${t.fil}: @lovtekst ${t.henvisning} har intet sitat`);
        continue;
      }
      const f = sjekkLovtekst(t.henvisning, t.sitat);
      if (f) feil.push(`${t.fil}: @lovtekst ${t.henvisning}: ${f}: «${t.sitat.slice(0, 60)}…»`);
    }
    expect(feil).toEqual([]);
  });

  it('rejects a wrong quote, a wrong paragraph, a wrong ledd and a wrong version', () => {
    const sitat = 'Med husholdningens inntekter menes i forskriften her husholdningens samlede personinntekt';
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d tredje ledd', sitat)).toBeNull();
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d tredje ledd', `${sitat} og formue`)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3c', sitat)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d andre ledd', sitat)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3d niende ledd', sitat)).toMatch(/har ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 9', sitat)).toMatch(/finnes ikke/);
    // The list under § 3a første ledd belongs to it; «Reduksjon …» is andre ledd.
    expect(
      sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd', '… søsknene bor fast sammen, og, …'),
    ).toBeNull();
    expect(
      sjekkLovtekst('FOR-2005-12-16-1478 § 3a andre ledd', 'Reduksjon i foreldrebetalingen som følge av'),
    ).toBeNull();
    // The 2020 wording (50 %) is in the history, not in the text in force.
    const femti = 'minimum 50 prosent reduksjon i foreldrebetaling for barn nummer 3';
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd i kraft 2020-02-28', femti)).toBeNull();
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd', femti)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a første ledd i kraft 2023-08-01', femti)).toMatch(
      /ingen versjon/,
    );
    // Fragments must come in order.
    expect(
      sjekkLovtekst('FOR-2005-12-16-1478 § 1 første ledd', 'Betaling for kost … maksimalgrense'),
    ).toMatch(/står ikke/);
    const nestEldste = 'det nest eldste barnet som går i barnehage';
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a merknad', nestEldste)).toBeNull();
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3b merknad', nestEldste)).toMatch(/står ikke/);
    expect(sjekkLovtekst('FOR-2005-12-16-1478 § 3a', nestEldste)).toMatch(/står ikke/);
    // The statutory right of 1.8.2026 is in the amending act LOV-2026-02-13-6, not in the text of 2024.
    const rett = 'Elevar på 1. til 3. trinn har rett til 12 timar gratis skolefritidsordning per veke.';
    expect(sjekkLovtekst('LOV-2023-06-09-30 § 4-5 andre ledd i kraft 2026-08-01', rett)).toBeNull();
    expect(sjekkLovtekst('LOV-2023-06-09-30 § 4-5 andre ledd', rett)).toMatch(/står ikke/);
    expect(
      sjekkLovtekst('LOV-2023-06-09-30 § 4-5 andre ledd i kraft 2026-08-01', rett.replace('12', '15')),
    ).toMatch(/står ikke/);
    // A chapter-wide amendment (kapittel 1B, 2020): each paragraph from its own marker.
    const gratis = 'Tilbodet på 5.–7. årstrinn skal vere gratis.';
    expect(sjekkLovtekst('FOR-2006-06-23-724 § 1B-3 i kraft 2020-08-01', gratis)).toBeNull();
    expect(sjekkLovtekst('FOR-2006-06-23-724 § 1B-2 i kraft 2020-08-01', gratis)).toMatch(/står ikke/);
  });

  it('rejects a hjemmel that is not of the form, names no paragraph, or a ledd that does not exist', () => {
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3a første ledd')).toBeNull();
    expect(sjekkHjemmel('forskrift til opplæringslova § 1B-4 første ledd')).toBeNull();
    expect(sjekkHjemmel('opplæringslova § 4-5 andre ledd')).toBeNull();
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager §§ 3b og 3c')).toMatch(/formen/);
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3 (ikke verifisert)')).toMatch(
      /formen/,
    );
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3z')).toMatch(/finnes ikke/);
    expect(sjekkHjemmel('forskrift om foreldrebetaling i barnehager § 3b sjette ledd')).toMatch(/har ikke/);
    expect(sjekkHjemmel('forskriften § 3b')).toMatch(/kortnavn/);
  });
});

describe('sources and hjemler the area prints', () => {
  it('every table value from lovdata.no quotes that law, with konfidens A; every hjemmel exists', () => {
    const feil: string[] = [];
    for (const t of TABELLER) {
      t.verdier.forEach((v, i) => {
        const k = v.kilde;
        const hvor = `${t.navn}[${i}]`;
        if (!k.hjemmel) feil.push(`${hvor}: mangler hjemmel`);
        else {
          const f = sjekkHjemmel(k.hjemmel);
          if (f) feil.push(`${hvor}: ${f}`);
        }
        if (k.url?.includes('lovdata.no')) {
          const m = /(lov|forskrift)\/(\d{4}-\d{2}-\d{2}-\d+)/.exec(k.url);
          const id = m ? idFraRefid(`${m[1]}/${m[2]}`) : '';
          if (k.konfidens !== 'A') feil.push(`${hvor}: Lovdata-kilde uten konfidens A`);
          if (!k.tittel.includes('Lovdatas åpne data'))
            feil.push(`${hvor}: tittel sier ikke hvor teksten er lest`);
          if (!k.sitat) feil.push(`${hvor}: Lovdata-kilde uten sitat`);
          else if (sjekkEndringstekst(id, k.sitat)) feil.push(`${hvor}: sitatet står ikke i ${id}`);
        } else if (k.konfidens !== 'A' && !/ikke lovtekst|Udir|Lovdatas/.test(k.tittel)) {
          feil.push(`${hvor}: kilde utenfor lovteksten sier ikke hva den er`);
        }
      });
    }
    const pd = POSTDEFINISJON.kilde;
    if (pd.sitat && sjekkEndringstekst('FOR-2005-12-16-1478', pd.sitat)) feil.push('postdefinisjonens sitat');
    for (const g of [...POSTDEFINISJON.inntekt, ...POSTDEFINISJON.fradrag]) {
      const f = g.hjemmel ? sjekkHjemmel(g.hjemmel) : `${g.tekniskNavn} mangler hjemmel`;
      if (f) feil.push(`${g.tekniskNavn}: ${f}`);
    }
    expect(feil).toEqual([]);
  });

  it('every dated hjemmel names a paragraph that exists, on every date from 2018 to 2026', () => {
    const feil: string[] = [];
    for (let aar = 2018; aar <= 2026; aar++) {
      for (const dag of ['01-01', '02-28', '08-01', '12-31']) {
        const dato = `${aar}-${dag}`;
        const hjemler = [
          hjemmelSeksProsentBarnehage(dato),
          hjemmelSoesken(dato),
          hjemmelKjernetid(dato),
          hjemmelSfoPris(dato),
          hjemmelSfoSeksProsent(dato),
          hjemmelSfoGratistimer(dato),
          hjemmelSfoSaerlegeBehov(dato),
          hjemmelHusholdningensInntekt([{ tilbud: 'BARNEHAGE' }], dato),
          hjemmelHusholdningensInntekt([{ tilbud: 'SFO' }], dato),
        ];
        for (const h of hjemler) {
          const f = h === undefined ? null : sjekkHjemmel(h);
          if (f) feil.push(`${dato}: ${f}`);
        }
      }
    }
    expect(feil).toEqual([]);
  });

  it('every hjemmel in the results of the golden cases and of cases in every period is verified', () => {
    const hjemler = new Set<string>();
    const samle = (linjer: BeregningslinjeJson[]) => {
      for (const l of linjer) {
        if (l.hjemmel) hjemler.add(l.hjemmel);
        samle(l.linjer ?? []);
      }
    };
    const kjoer = (foresporsel: unknown) => {
      const r = beregnForesporsel(beregner, foresporsel, { idag: '2026-12-07' });
      samle(r.tabell.linjer);
      for (const b of (r.foreldrebetaling as { barn: Array<{ reduksjoner: Array<{ hjemmel: string }> }> })
        .barn)
        for (const x of b.reduksjoner) hjemler.add(x.hjemmel);
    };
    for (const g of lesGullfiler('barnehage-')) kjoer(g.foresporsel);
    const barn = (dato: string) => [
      {
        tilbud: 'BARNEHAGE',
        foedselsdato: `${Number(dato.slice(0, 4)) - 3}-03-01`,
        prisPerMaaned: 5000,
        oppholdstimerPerUke: 41,
      },
      {
        tilbud: 'BARNEHAGE',
        foedselsdato: `${Number(dato.slice(0, 4)) - 2}-03-01`,
        prisPerMaaned: 5000,
        oppholdstimerPerUke: 41,
      },
      {
        tilbud: 'BARNEHAGE',
        foedselsdato: `${Number(dato.slice(0, 4)) - 1}-03-01`,
        prisPerMaaned: 5000,
        oppholdstimerPerUke: 41,
      },
      ...[1, 3, 4, 6].map((trinn) => ({
        tilbud: 'SFO',
        foedselsdato: '2012-03-01',
        trinn,
        prisPerMaaned: 3000,
        oppholdstimerPerUke: 20,
        ...(trinn === 6 ? { saerlegeBehov: true } : {}),
      })),
    ];
    for (const dato of ['2019-09-01', '2020-09-01', '2022-09-01', '2024-09-01', '2025-03-01']) {
      kjoer({
        beregningstype: 'BARNEHAGE_SFO',
        inntektsaar: 2019,
        beregningsdato: dato,
        personer: [
          {
            identifikator: '17868510013',
            type: 'SOEKER',
            poster: [
              { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', beloep: 200000 },
            ],
          },
        ],
        vedtak: { barn: barn(dato), sone: 'SENTRALITET_5_6' },
      });
    }
    expect(hjemler.size).toBeGreaterThan(10);
    expect([...hjemler].flatMap((h) => sjekkHjemmel(h) ?? [])).toEqual([]);
    expect([...hjemler].filter((h) => /ikke verifisert/.test(h))).toEqual([]);
  });
});
