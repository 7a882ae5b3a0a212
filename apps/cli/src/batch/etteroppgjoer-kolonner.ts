import { beloepSkjema, type Feltfeil, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import type { Etteroppgjoersresultat } from '@inntektsgrunnlag/oppslag';
import type { CsvTolker } from './kjoering.js';
import { type CsvSkjema, kolonneForFelt, lesCsvHeader, radTilForesporsel } from './kolonner.js';

/**
 * The CSV of `pnpm cli etteroppgjoer` (docs/batch.md): `beregn`'s columns for the request, and a
 * column per month for what was charged (fakturert_01 … fakturert_12, months of the row's inntektsaar;
 * an empty cell is a month not charged), the end of the stay, the double-room periods and what the
 * provisional vederlag rested on.
 */
export const MAANEDSKOLONNER = Array.from(
  { length: 12 },
  (_, i) => `fakturert_${String(i + 1).padStart(2, '0')}`,
);
export const ETTEROPPGJOERSKOLONNER = [
  ...MAANEDSKOLONNER,
  'opphoer_dato',
  'opphoer_grunn',
  'dobbeltrom',
  'foreloepig_beskrivelse',
  'foreloepig_inntektsaar',
] as const;

interface EtteroppgjoerSkjema extends CsvSkjema {
  beregn: CsvSkjema;
  /** Where each of the request's columns is in the row. */
  beregnPos: number[];
  egne: ReadonlyMap<string, number>;
}

function header(felter: readonly string[]): CsvSkjema {
  const egne = new Map<string, number>();
  const beregnPos: number[] = [];
  felter.forEach((navn, i) => {
    if ((ETTEROPPGJOERSKOLONNER as readonly string[]).includes(navn) && !egne.has(navn)) egne.set(navn, i);
    else beregnPos.push(i);
  });
  const beregn = lesCsvHeader(beregnPos.map((i) => felter[i] as string));
  const skjema: EtteroppgjoerSkjema = {
    kolonner: felter.map((navn) => ({ navn })),
    indeks: new Map(felter.map((navn, i) => [navn, i])),
    beregn,
    beregnPos,
    egne,
  };
  return skjema;
}

/** One row as `{ foresporsel, fakturert, opphold, foreloepigGrunnlag }`; bad cells name their column. */
function rad(felter: readonly string[], skjema: CsvSkjema): unknown {
  const s = skjema as EtteroppgjoerSkjema;
  if (felter.length > s.kolonner.length) {
    throw new Valideringsfeil([
      { felt: '', melding: `raden har ${felter.length} felt, overskriften ${s.kolonner.length}` },
    ]);
  }
  const foresporsel = radTilForesporsel(
    s.beregnPos.map((i) => felter[i] ?? ''),
    s.beregn,
  );
  const celle = (navn: string) => {
    const i = s.egne.get(navn);
    return i === undefined ? '' : (felter[i] ?? '').trim();
  };
  const feil: Feltfeil[] = [];
  const aar = foresporsel.inntektsaar;
  const fakturert: Array<{ maaned: string; beloep: string }> = [];
  for (const k of MAANEDSKOLONNER) {
    const tekst = celle(k).replace(/\s/g, '').replace(',', '.');
    if (tekst === '') continue;
    const b = beloepSkjema.safeParse(tekst);
    if (!b.success || b.data.isNegative()) {
      feil.push({
        felt: k,
        melding: b.success ? 'kan ikke være negativt' : (b.error.issues[0]?.message ?? 'ugyldig'),
      });
      continue;
    }
    fakturert.push({ maaned: `${typeof aar === 'number' ? aar : '????'}-${k.slice(-2)}`, beloep: tekst });
  }
  const opphold: Record<string, unknown> = {};
  const dato = celle('opphoer_dato');
  const grunn = celle('opphoer_grunn');
  if (dato || grunn) opphold.opphoer = { dato, grunn };
  const dobbeltrom = celle('dobbeltrom');
  if (dobbeltrom) {
    opphold.dobbeltrom = dobbeltrom.split('|').map((p, i) => {
      const [fraOgMed, tilOgMed, ...mer] = p.split('/').map((x) => x.trim());
      if (!fraOgMed || mer.length > 0) {
        feil.push({
          felt: 'dobbeltrom',
          melding: `periode ${i + 1} må være «fra/til» eller «fra/» (ÅÅÅÅ-MM-DD)`,
        });
      }
      return { fraOgMed, ...(tilOgMed ? { tilOgMed } : {}) };
    });
  }
  const beskrivelse = celle('foreloepig_beskrivelse');
  const foreloepigAar = celle('foreloepig_inntektsaar');
  if (foreloepigAar && !beskrivelse) {
    feil.push({
      felt: 'foreloepig_beskrivelse',
      melding: 'må fylles ut når foreloepig_inntektsaar er oppgitt',
    });
  }
  if (feil.length > 0) throw new Valideringsfeil(feil);
  // The brev_* columns are the letter's fields: beside the request, as in a JSON row.
  const { vedtaksbrev, ...utenBrev } = foresporsel as Record<string, unknown>;
  return {
    foresporsel: utenBrev,
    ...(vedtaksbrev ? { vedtaksbrev } : {}),
    fakturert,
    opphold,
    ...(beskrivelse
      ? {
          foreloepigGrunnlag: {
            beskrivelse,
            ...(foreloepigAar
              ? { inntektsaar: /^\d+$/.test(foreloepigAar) ? Number(foreloepigAar) : foreloepigAar }
              : {}),
          },
        }
      : {}),
  };
}

export const ETTEROPPGJOER_CSV: CsvTolker = { header, rad };

/** An etteroppgjør field path as the CSV column it came from. */
export function etteroppgjoerKolonne(felt: string): string {
  if (felt.startsWith('foresporsel.')) return kolonneForFelt(felt.slice('foresporsel.'.length));
  if (felt === 'foresporsel') return '(forespørselen)';
  if (felt.startsWith('vedtaksbrev')) return kolonneForFelt(felt);
  if (felt === 'fakturert' || felt.startsWith('fakturert.')) return 'fakturert_MM';
  if (felt.startsWith('opphold.opphoer.')) return `opphoer_${felt.split('.')[2]}`;
  if (felt.startsWith('opphold.dobbeltrom')) return 'dobbeltrom';
  if (felt.startsWith('foreloepigGrunnlag.')) return `foreloepig_${felt.split('.')[1]}`;
  return felt;
}

/** The output CSV of an etteroppgjør. */
export const ETTEROPPGJOER_UTDATAKOLONNER = [
  'rad',
  'saksreferanse',
  'inntektsaar',
  'identifikator',
  'beregningsbeloep',
  'skatteoppgjoersdato',
  'sumEndelig',
  'sumFakturert',
  'differanse',
  'resultat',
  'maanederOverMaksimum',
  ...MAANEDSKOLONNER.map((k) => k.replace('fakturert_', 'endelig_')),
  ...MAANEDSKOLONNER.map((k) => k.replace('fakturert_', 'differanse_')),
  'advarsler',
  'revidert',
  'pdf',
  'vedtaksbrev',
] as const;

type Celle = string | number | boolean | null | undefined;

export function etteroppgjoerSomCeller(
  rad: number,
  r: Etteroppgjoersresultat,
  pdf: string | null,
  vedtaksbrev: string | null = null,
): Celle[] {
  const e = r.etteroppgjoer;
  const maaned = (mm: string) => e.maaneder.find((m) => m.maaned.endsWith(`-${mm}`));
  const mm = MAANEDSKOLONNER.map((k) => k.slice(-2));
  return [
    rad,
    r.utfoert.saksreferanse ?? null,
    r.inntektsaar,
    r.personer.find((p) => p.type === 'SOEKER')?.identifikator,
    r.beregningsbeloep,
    e.grunnlag.skatteoppgjoersdato,
    e.sumEndelig,
    e.sumFakturert,
    e.differanse,
    e.resultat,
    e.maanederOverMaksimum.join('|'),
    ...mm.map((m) => maaned(m)?.endelig ?? null),
    ...mm.map((m) => maaned(m)?.differanse ?? null),
    r.advarsler.map((a) => a.kode).join('|'),
    r.utfoert.revidert,
    pdf,
    vedtaksbrev,
  ];
}
