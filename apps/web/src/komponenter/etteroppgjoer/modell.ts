import type { Skjemafeil } from '../../skjema/modell';

/** The etteroppgjør form and its mapping to the API's body and back (errors to inputs). */

export const MAANEDSNAVN = [
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
] as const;

export interface Etteroppgjoersskjema {
  inntektsaar: string;
  identifikator: string;
  innflyttingsdato: string;
  korttidsdoegn: string;
  oppholdskostnad: string;
  dobbeltromFra: string;
  dobbeltromTil: string;
  opphoerDato: string;
  opphoerGrunn: '' | 'UTFLYTTING' | 'DOEDSFALL';
  foreloepig: string;
  /** What was charged, by month number 1–12 (empty: not given). */
  fakturert: string[];
}

export const tomtEtteroppgjoersskjema = (): Etteroppgjoersskjema => ({
  inntektsaar: '',
  identifikator: '',
  innflyttingsdato: '',
  korttidsdoegn: '',
  oppholdskostnad: '',
  dobbeltromFra: '',
  dobbeltromTil: '',
  opphoerDato: '',
  opphoerGrunn: '',
  foreloepig: '',
  fakturert: Array.from({ length: 12 }, () => ''),
});

export const maanedsfelt = (mnd: number) => `eo-fakturert-${String(mnd).padStart(2, '0')}`;

/** An amount as typed ("12 345,50", "12345.5") as the API's number; null when it is not one. */
export function tolkBeloep(tekst: string): number | null {
  const t = tekst
    .replace(/[\s\u00a0]/g, '')
    .replace(/^kr/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

/** The body for POST /api/v1/etteroppgjoer, or the faults the form can see itself. */
export function byggEtteroppgjoer(d: Etteroppgjoersskjema): {
  kropp: Record<string, unknown> | null;
  feil: Skjemafeil[];
} {
  const feil: Array<Omit<Skjemafeil, 'kort'>> = [];
  if (!/^\d{11}$/.test(d.identifikator.replace(/\s/g, ''))) {
    feil.push({ feltId: 'eo-identifikator', melding: 'fødselsnummeret må ha 11 sifre' });
  }
  const fakturert: Array<{ maaned: string; beloep: number }> = [];
  d.fakturert.forEach((tekst, i) => {
    if (tekst.trim() === '') return;
    const b = tolkBeloep(tekst);
    if (b === null) {
      feil.push({
        feltId: maanedsfelt(i + 1),
        melding: `fakturert for ${MAANEDSNAVN[i]} må være et beløp i kroner, som 12 500 eller 12 500,50`,
      });
    } else fakturert.push({ maaned: `${d.inntektsaar}-${String(i + 1).padStart(2, '0')}`, beloep: b });
  });
  const kostnad = d.oppholdskostnad.trim() === '' ? undefined : tolkBeloep(d.oppholdskostnad);
  if (kostnad === null)
    feil.push({ feltId: 'eo-oppholdskostnad', melding: 'oppholdskostnaden må være et beløp i kroner' });
  const korttid = d.korttidsdoegn.trim() === '' ? undefined : Number(d.korttidsdoegn);
  if (korttid !== undefined && (!Number.isInteger(korttid) || korttid < 0)) {
    feil.push({ feltId: 'eo-korttidsdoegn', melding: 'korttidsdøgn må være et helt antall døgn' });
  }
  if ((d.opphoerDato === '') !== (d.opphoerGrunn === '')) {
    feil.push({
      feltId: d.opphoerDato === '' ? 'eo-opphoer-dato' : 'eo-opphoer-grunn',
      melding: 'oppgi både dato og grunn når oppholdet er opphørt',
    });
  }
  if (d.dobbeltromTil !== '' && d.dobbeltromFra === '') {
    feil.push({ feltId: 'eo-dobbeltrom-fra', melding: 'oppgi første dag på dobbeltrom' });
  }
  if (feil.length > 0) return { kropp: null, feil: feil.map((f) => ({ ...f, kort: f.melding })) };
  const vedtak: Record<string, unknown> = {};
  if (d.innflyttingsdato) vedtak.innflyttingsdato = d.innflyttingsdato;
  if (korttid !== undefined) vedtak.korttidsdoegnSammeAar = korttid;
  if (kostnad !== undefined && kostnad !== null) vedtak.oppholdskostnadPerMaaned = kostnad;
  const opphold: Record<string, unknown> = {};
  if (d.opphoerDato) opphold.opphoer = { dato: d.opphoerDato, grunn: d.opphoerGrunn };
  if (d.dobbeltromFra) {
    opphold.dobbeltrom = [
      { fraOgMed: d.dobbeltromFra, ...(d.dobbeltromTil ? { tilOgMed: d.dobbeltromTil } : {}) },
    ];
  }
  return {
    kropp: {
      foresporsel: {
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
        inntektsaar: Number(d.inntektsaar),
        personer: [{ identifikator: d.identifikator.replace(/\s/g, ''), type: 'SOEKER' }],
        vedtak,
      },
      fakturert,
      opphold,
      ...(d.foreloepig.trim() ? { foreloepigGrunnlag: { beskrivelse: d.foreloepig.trim() } } : {}),
    },
    feil: [],
  };
}

const FELT: Array<[RegExp, string]> = [
  [/^foresporsel\.personer/, 'eo-identifikator'],
  [/^foresporsel\.inntektsaar/, 'eo-inntektsaar'],
  [/^foresporsel\.vedtak\.innflyttingsdato/, 'eo-innflyttingsdato'],
  [/^foresporsel\.vedtak\.korttidsdoegnSammeAar/, 'eo-korttidsdoegn'],
  [/^foresporsel\.vedtak\.oppholdskostnadPerMaaned/, 'eo-oppholdskostnad'],
  [/^opphold\.opphoer\.grunn/, 'eo-opphoer-grunn'],
  [/^opphold\.opphoer/, 'eo-opphoer-dato'],
  [/^opphold\.dobbeltrom/, 'eo-dobbeltrom-fra'],
  [/^foreloepigGrunnlag/, 'eo-foreloepig'],
];

/**
 * The API's field errors as the form's: a month's error goes to that month's input (the message names
 * the month: «2024-04 mangler …», «2024-02: beboeren bodde ikke …»), every other field to its input.
 */
export function feilFraEtteroppgjoer(feil: ReadonlyArray<{ felt: string; melding: string }>): Skjemafeil[] {
  return feil.map((f) => {
    if (f.felt === 'fakturert' || f.felt.startsWith('fakturert.')) {
      const m = /\b\d{4}-(\d{2})\b/.exec(f.melding);
      return { feltId: m ? maanedsfelt(Number(m[1])) : maanedsfelt(1), melding: f.melding, kort: f.melding };
    }
    const treff = FELT.find(([r]) => r.test(f.felt));
    return { feltId: treff ? treff[1] : 'eo-identifikator', melding: f.melding, kort: f.melding };
  });
}
