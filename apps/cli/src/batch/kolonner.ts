import { type Beregningsresultat, type Feltfeil, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { BrukerFeil } from '../kontekst.js';

/**
 * The CSV input scheme (docs/batch.md): one row per beregning, the common columns, and each area's
 * vedtak fields as flat columns. A cell that is empty is left out of the request, so the request's
 * defaults apply; a cell for another area than the row's beregningstype must be empty.
 */

/** Columns every row may have; the first three are required in the header. */
export const FELLES_KOLONNER = [
  'beregningstype',
  'inntektsaar',
  'identifikator',
  'beregningsdato',
  'partner',
  'partnertype',
  'saksreferanse',
  'soeker_poster',
  'partner_poster',
  'soeker_ekstraposter',
  'partner_ekstraposter',
] as const;

const PAAKREVD = ['beregningstype', 'inntektsaar', 'identifikator'] as const;

/**
 * The decision letter's fields (`--vedtaksbrev-dir`), as `vedtaksbrev` in the request's JSON:
 * column → path. `brev_mottaker_adresse` holds the address lines separated by «|».
 */
export const BREVKOLONNER: Readonly<Record<string, readonly string[]>> = {
  brev_spraak: ['spraak'],
  brev_vurderinger: ['vurderinger'],
  brev_gjelderFra: ['gjelderFra'],
  brev_vedtaksdato: ['vedtaksdato'],
  brev_mottaker_navn: ['mottaker', 'navn'],
  brev_mottaker_adresse: ['mottaker', 'adresselinjer'],
};

type Verditype = 'tekst' | 'heltall' | 'tall' | 'beloep' | 'desimal' | 'boolsk';

/** The vedtak columns of LANGTIDSOPPHOLD_INSTITUSJON and PRAKTISK_BISTAND: column → (path, type). */
const FASTE_VEDTAKSKOLONNER: Record<string, Record<string, { sti: string[]; type: Verditype }>> = {
  LANGTIDSOPPHOLD_INSTITUSJON: {
    innflyttingsdato: { sti: ['innflyttingsdato'], type: 'tekst' },
    direkteFraInstitusjonFraOgMed: { sti: ['direkteFraInstitusjonFraOgMed'], type: 'tekst' },
    forsoergerHjemme: { sti: ['forsoergerHjemme'], type: 'boolsk' },
    korttidsdoegnSammeAar: { sti: ['korttidsdoegnSammeAar'], type: 'heltall' },
    dobbeltromMotEgetOenske: { sti: ['dobbeltromMotEgetOenske'], type: 'boolsk' },
    oppholdskostnadPerMaaned: { sti: ['oppholdskostnadPerMaaned'], type: 'beloep' },
    boutgifterAntallMaaneder: { sti: ['boutgifterAntallMaaneder'], type: 'heltall' },
    korttidsopphold_doegn: { sti: ['korttidsopphold', 'doegn'], type: 'heltall' },
    korttidsopphold_dagEllerNattopphold: { sti: ['korttidsopphold', 'dagEllerNattopphold'], type: 'heltall' },
  },
  PRAKTISK_BISTAND: {
    hjelpGrunnetBarnsBehov: { sti: ['hjelpGrunnetBarnsBehov'], type: 'boolsk' },
    timerPerMaaned: { sti: ['timerPerMaaned'], type: 'desimal' },
    kostnadPerTime: { sti: ['kostnadPerTime'], type: 'beloep' },
    prisPerMaaned: { sti: ['prisPerMaaned'], type: 'beloep' },
    beholderTilstrekkeligMaks: { sti: ['beholderTilstrekkeligMaks'], type: 'beloep' },
    inntektsaarBegrunnelse_aarsak: { sti: ['inntektsaarBegrunnelse', 'aarsak'], type: 'tekst' },
    inntektsaarBegrunnelse_forklaring: { sti: ['inntektsaarBegrunnelse', 'forklaring'], type: 'tekst' },
    // § 10 fjerde ledd for the row's partner; made into `utenforHusstanden` with the partner's number below.
    partner_utenforHusstanden: { sti: ['utenforHusstanden'], type: 'tekst' },
  },
  BARNEHAGE_SFO: {
    sone: { sti: ['sone'], type: 'tekst' },
    soektRedusertForeldrebetaling: { sti: ['soektRedusertForeldrebetaling'], type: 'boolsk' },
    soektGratisKjernetid: { sti: ['soektGratisKjernetid'], type: 'boolsk' },
  },
};

/** BARNEHAGE_SFO's children: barn1_tilbud … barn15_trinn. */
export const MAKS_BARN = 15;
const BARNEFELT: Record<string, Verditype> = {
  tilbud: 'tekst',
  foedselsdato: 'tekst',
  prisPerMaaned: 'beloep',
  oppholdstimerPerUke: 'tall',
  trinn: 'heltall',
  saerlegeBehov: 'boolsk',
};
const BARNEKOLONNE = /^barn([1-9]\d?)_([A-Za-z]+)$/;

interface Kolonne {
  navn: string;
  /** The area the column belongs to; absent for the common columns. */
  omraade?: string;
  sti?: string[];
  type?: Verditype;
  /** For barnN_x: the child's index (0-based) and field. */
  barn?: { indeks: number; felt: string };
  /** For brev_x: the path in the letter's fields. */
  brev?: readonly string[];
}

function kolonne(navn: string): Kolonne | undefined {
  if ((FELLES_KOLONNER as readonly string[]).includes(navn)) return { navn };
  const brev = BREVKOLONNER[navn];
  if (brev) return { navn, brev };
  for (const [omraade, kolonner] of Object.entries(FASTE_VEDTAKSKOLONNER)) {
    const k = kolonner[navn];
    if (k) return { navn, omraade, sti: k.sti, type: k.type };
  }
  const m = BARNEKOLONNE.exec(navn);
  if (m) {
    const nr = Number(m[1]);
    const felt = m[2] as string;
    const type = BARNEFELT[felt];
    if (type && nr >= 1 && nr <= MAKS_BARN) {
      return { navn, omraade: 'BARNEHAGE_SFO', type, barn: { indeks: nr - 1, felt } };
    }
  }
  return undefined;
}

/** Every column name the scheme knows (for the error message on an unknown one). */
export function kjenteKolonner(): string[] {
  return [
    ...FELLES_KOLONNER,
    ...Object.keys(BREVKOLONNER),
    ...Object.values(FASTE_VEDTAKSKOLONNER).flatMap((k) => Object.keys(k)),
    ...Object.keys(BARNEFELT).map((f) => `barn1_${f}`),
  ];
}

/** A checked CSV header: which column is where. */
export interface CsvSkjema {
  kolonner: readonly Kolonne[];
  indeks: ReadonlyMap<string, number>;
}

/**
 * Checks a header: every column known, none twice, the required ones present. A header we cannot use
 * makes the whole file unusable (BrukerFeil, exit code 2): better than thousands of failed rows.
 */
export function lesCsvHeader(felter: readonly string[]): CsvSkjema {
  const feil: string[] = [];
  const indeks = new Map<string, number>();
  const kolonner: Kolonne[] = [];
  felter.forEach((navn, i) => {
    const k = kolonne(navn);
    if (!k) feil.push(`ukjent kolonne «${navn}»`);
    else if (indeks.has(navn)) feil.push(`kolonnen «${navn}» står to ganger`);
    else indeks.set(navn, i);
    kolonner.push(k ?? { navn });
  });
  for (const p of PAAKREVD) if (!indeks.has(p)) feil.push(`kolonnen «${p}» mangler`);
  if (feil.length > 0) {
    throw new BrukerFeil(
      `CSV-overskriften kan ikke brukes: ${feil.join('; ')}.\nKjente kolonner: ${kjenteKolonner().join(', ')} (barn1_… til barn${MAKS_BARN}_…). Se docs/batch.md.`,
    );
  }
  return { kolonner, indeks };
}

const HELTALL = /^-?\d+$/;
const DESIMALTALL = /^-?\d+([.,]\d+)?$/;

/** A cell as the request's JSON would have it; a cell that is not of the type is passed on as text, so
 * the request's schema names the field and the reason. */
function verdi(tekst: string, type: Verditype): unknown {
  switch (type) {
    case 'tekst':
      return tekst;
    case 'heltall':
      return HELTALL.test(tekst) ? Number(tekst) : tekst;
    case 'tall':
      return DESIMALTALL.test(tekst) ? Number(tekst.replace(',', '.')) : tekst;
    case 'beloep':
    case 'desimal':
      // Amounts and decimals stay text (the schemas take "1234.50"), with a decimal comma accepted.
      return DESIMALTALL.test(tekst) ? tekst.replace(',', '.') : tekst;
    case 'boolsk': {
      const t = tekst.toLowerCase();
      if (t === 'true' || t === 'ja' || t === '1') return true;
      if (t === 'false' || t === 'nei' || t === '0') return false;
      return tekst;
    }
  }
}

/** "tekniskNavn=beloep|tekniskNavn=beloep" → posts; the amount with point or comma. */
function poster(tekst: string, kolonnenavn: string, feil: Feltfeil[]): unknown[] {
  const ut: unknown[] = [];
  for (const del of tekst.split('|')) {
    const d = del.trim();
    if (!d) continue;
    const i = d.indexOf('=');
    if (i <= 0) {
      feil.push({
        felt: kolonnenavn,
        melding: `«${d}» er ikke på formen tekniskNavn=beløp (flere poster skilles med |)`,
      });
      continue;
    }
    const beloep = d.slice(i + 1).trim();
    ut.push({
      tekniskNavn: d.slice(0, i).trim(),
      beloep: DESIMALTALL.test(beloep) ? beloep.replace(',', '.') : beloep,
    });
  }
  return ut;
}

function settSti(objekt: Record<string, unknown>, sti: readonly string[], v: unknown): void {
  let o = objekt;
  for (let i = 0; i < sti.length - 1; i++) {
    const k = sti[i] as string;
    o[k] ??= {};
    o = o[k] as Record<string, unknown>;
  }
  o[sti[sti.length - 1] as string] = v;
}

/**
 * One CSV row as a request (the same JSON a JSON Lines row would carry). Cell faults that the request
 * schema cannot see (a vedtak column of another area, a malformed post list, too many cells) are
 * thrown as a Valideringsfeil naming the column.
 */
export function radTilForesporsel(felter: readonly string[], skjema: CsvSkjema): Record<string, unknown> {
  const feil: Feltfeil[] = [];
  if (felter.length > skjema.kolonner.length) {
    throw new Valideringsfeil([
      {
        felt: '',
        melding: `raden har ${felter.length} felt, overskriften ${skjema.kolonner.length}`,
      },
    ]);
  }
  const celle = (navn: string): string => {
    const i = skjema.indeks.get(navn);
    return i === undefined ? '' : (felter[i] ?? '');
  };
  const beregningstype = celle('beregningstype');
  const foresporsel: Record<string, unknown> = { beregningstype };
  const inntektsaar = celle('inntektsaar');
  foresporsel.inntektsaar = verdi(inntektsaar, 'heltall');
  const beregningsdato = celle('beregningsdato');
  if (beregningsdato) foresporsel.beregningsdato = beregningsdato;
  const saksreferanse = celle('saksreferanse');
  if (saksreferanse) foresporsel.saksreferanse = saksreferanse;

  const person = (identifikator: string, type: string, prefiks: 'soeker' | 'partner') => {
    const p: Record<string, unknown> = { identifikator, type };
    const inline = celle(`${prefiks}_poster`);
    if (inline) p.poster = poster(inline, `${prefiks}_poster`, feil);
    const ekstra = celle(`${prefiks}_ekstraposter`);
    if (ekstra) p.ekstraposter = poster(ekstra, `${prefiks}_ekstraposter`, feil);
    return p;
  };
  const personer = [person(celle('identifikator'), 'SOEKER', 'soeker')];
  const partner = celle('partner');
  const partnertype = celle('partnertype');
  if (partner) personer.push(person(partner, partnertype || 'EKTEFELLE', 'partner'));
  else {
    for (const k of ['partnertype', 'partner_poster', 'partner_ekstraposter']) {
      if (celle(k)) feil.push({ felt: k, melding: 'kolonnen partner er tom' });
    }
  }
  foresporsel.personer = personer;

  const vedtak: Record<string, unknown> = {};
  const barn: Array<Record<string, unknown> | undefined> = [];
  skjema.kolonner.forEach((k, i) => {
    if (!k.omraade) return;
    const tekst = felter[i] ?? '';
    if (tekst === '') return;
    if (k.omraade !== beregningstype) {
      feil.push({
        felt: k.navn,
        melding: `gjelder ${k.omraade}, ikke ${beregningstype || 'en tom beregningstype'}`,
      });
      return;
    }
    const v = verdi(tekst, k.type as Verditype);
    if (k.barn) {
      const b = barn[k.barn.indeks] ?? {};
      b[k.barn.felt] = v;
      barn[k.barn.indeks] = b;
    } else settSti(vedtak, k.sti as string[], v);
  });
  if (barn.length > 0) {
    // `barn` is sparse where a child's columns are all empty; indexOf would skip such holes.
    let hull = -1;
    for (let i = 0; i < barn.length && hull === -1; i++) if (barn[i] === undefined) hull = i;
    if (hull !== -1) {
      feil.push({
        felt: `barn${hull + 1}_tilbud`,
        melding: `barn ${hull + 1} mangler, men barn ${barn.length} er oppgitt`,
      });
    }
    vedtak.barn = barn;
  }
  if (typeof vedtak.utenforHusstanden === 'string') {
    // Egenandelsforskriften § 10 fjerde ledd: the cell names why the partner is not a household member.
    if (partner) vedtak.utenforHusstanden = [{ identifikator: partner, grunn: vedtak.utenforHusstanden }];
    else {
      feil.push({ felt: 'partner_utenforHusstanden', melding: 'kolonnen partner er tom' });
      delete vedtak.utenforHusstanden;
    }
  }
  if (Object.keys(vedtak).length > 0) foresporsel.vedtak = vedtak;

  const vedtaksbrev: Record<string, unknown> = {};
  skjema.kolonner.forEach((k, i) => {
    const tekst = felter[i] ?? '';
    if (!k.brev || tekst === '') return;
    const verdi =
      k.navn === 'brev_mottaker_adresse'
        ? tekst
            .split('|')
            .map((l) => l.trim())
            .filter(Boolean)
        : tekst;
    settSti(vedtaksbrev, k.brev, verdi);
  });
  if (Object.keys(vedtaksbrev).length > 0) foresporsel.vedtaksbrev = vedtaksbrev;
  if (feil.length > 0) throw new Valideringsfeil(feil);
  return foresporsel;
}

/**
 * A request path from a Valideringsfeil ("vedtak.barn.0.prisPerMaaned") as the CSV column it came from
 * ("barn1_prisPerMaaned"), so the error file names what the case worker can find in the file.
 */
export function kolonneForFelt(felt: string): string {
  const d = felt.split('.');
  if (d[0] === 'personer' && d.length >= 3) {
    const prefiks = d[1] === '0' ? 'soeker' : d[1] === '1' ? 'partner' : undefined;
    if (prefiks) {
      if (d[2] === 'identifikator') return prefiks === 'soeker' ? 'identifikator' : 'partner';
      if (d[2] === 'type') return prefiks === 'soeker' ? 'identifikator' : 'partnertype';
      if (d[2] === 'poster' || d[2] === 'ekstraposter') {
        return `${prefiks}_${d[2]}${d[3] !== undefined ? ` (post ${Number(d[3]) + 1})` : ''}`;
      }
    }
  }
  if (d[0] === 'vedtaksbrev' && d.length >= 2) {
    const sti = d.slice(1).filter((x) => !/^\d+$/.test(x));
    const treff = Object.entries(BREVKOLONNER).find(([, s]) => s.join('.') === sti.join('.'));
    if (treff) return treff[0];
  }
  if (d[0] === 'vedtak' && d.length >= 2) {
    if (d[1] === 'utenforHusstanden') return 'partner_utenforHusstanden';
    if (d[1] === 'barn' && d[2] !== undefined && /^\d+$/.test(d[2])) {
      return d[3] ? `barn${Number(d[2]) + 1}_${d[3]}` : `barn${Number(d[2]) + 1}`;
    }
    return d.slice(1).join('_');
  }
  return felt;
}

/** The output CSV columns (docs/batch.md): the key results of each row, flat. */
export const UTDATAKOLONNER = [
  'rad',
  'saksreferanse',
  'beregningstype',
  'inntektsaar',
  'beregningsdato',
  'beregningsdatoKilde',
  'identifikator',
  'partner',
  'beregningsbeloep',
  'vederlagPerMaaned',
  'vederlagPerAar',
  'egenandelMaksPerMaaned',
  'foreldrebetalingPerMaaned',
  'barnPrisPerMaaned',
  'advarsler',
  'revidert',
  'pdf',
  'vedtaksbrev',
] as const;

type Celle = string | number | boolean | null | undefined;

function tall(objekt: unknown, felt: string): Celle {
  const v = (objekt as Record<string, unknown> | null | undefined)?.[felt];
  return typeof v === 'number' ? v : null;
}

/** The codes of the warnings, joined with «|» (as `join` would, a missing code as empty). */
function advarselskoder(advarsler: Beregningsresultat['advarsler']): string {
  let ut = '';
  for (let i = 0; i < advarsler.length; i++) ut += `${i === 0 ? '' : '|'}${advarsler[i]?.kode ?? ''}`;
  return ut;
}

/** Each child's price per month (empty where it has none), joined with «|». */
function barnepriser(barn: readonly unknown[]): string {
  let ut = '';
  for (let i = 0; i < barn.length; i++) {
    const pris = tall(barn[i], 'prisPerMaaned');
    ut += `${i === 0 ? '' : '|'}${pris ?? ''}`;
  }
  return ut;
}

/**
 * One result as the output CSV's cells, in {@link UTDATAKOLONNER} order. Written as loops over the
 * persons and warnings rather than `find`/`map` with closures: it runs once per row of a CSV batch,
 * and each named closure costs a `__name` call under tsx (how the CLI runs its sources).
 */
export function resultatSomCeller(
  rad: number,
  resultat: Beregningsresultat & { utfoert?: { revidert: boolean; saksreferanse?: string } },
  pdf: string | null,
  vedtaksbrev: string | null = null,
): Celle[] {
  let soeker: Beregningsresultat['personer'][number] | undefined;
  let partner: Beregningsresultat['personer'][number] | undefined;
  for (const p of resultat.personer) {
    if (p.type === 'SOEKER') soeker ??= p;
    else if (p.type !== 'BARN') partner ??= p;
  }
  const avgift = resultat[resultat.avgiftsnoekkel] as Record<string, unknown> | null;
  const type = resultat.beregningstype;
  const langtidsopphold = type === 'LANGTIDSOPPHOLD_INSTITUSJON';
  const barnehage = type === 'BARNEHAGE_SFO';
  const barn = barnehage && Array.isArray(avgift?.barn) ? (avgift.barn as unknown[]) : null;
  return [
    rad,
    resultat.utfoert?.saksreferanse ?? null,
    type,
    resultat.inntektsaar,
    resultat.beregningsdato,
    resultat.beregningsdatoKilde,
    soeker?.identifikator,
    partner?.identifikator,
    resultat.beregningsbeloep,
    langtidsopphold ? tall(avgift, 'perMaaned') : null,
    langtidsopphold ? tall(avgift, 'perAar') : null,
    type === 'PRAKTISK_BISTAND' ? tall(avgift, 'maksPerMaaned') : null,
    barnehage ? tall(avgift, 'sumPerMaaned') : null,
    barn ? barnepriser(barn) : null,
    advarselskoder(resultat.advarsler),
    resultat.utfoert ? resultat.utfoert.revidert : null,
    pdf,
    vedtaksbrev,
  ];
}
