import {
  bareKjenteNoekler,
  erRentObjekt,
  IKKE_SIKKER,
  type IkkeSikker,
  ikkeNegativtBeloepHurtigsti,
  ikkeNegativtBeloepSkjema,
  medHurtigsti,
} from '@inntektsgrunnlag/beregning';
import { erIsoDato, isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';

export const TILBUD = ['BARNEHAGE', 'SFO'] as const;
export type Tilbud = (typeof TILBUD)[number];

/**
 * The barnehage price zone (regler/sone.ts): ORDINAER; SENTRALITET_5_6, sentralitetssone 5 and 6 as
 * finansieringsforskriften § 7 andre ledd defines them (SSB's sentralitetsindeks class 5–6; lower
 * maksimalpris from 1 August 2024); INNSATSSONE, the tiltakssone in Finnmark and Nord-Troms as § 7 tredje
 * ledd lists it (all of Finnmark and Kåfjord, Skjervøy, Nordreisa, Kvænangen, Karlsøy, Lyngen, Storfjord;
 * free barnehage from 1 August 2023).
 */
export const SONER = ['ORDINAER', 'SENTRALITET_5_6', 'INNSATSSONE'] as const;
export type Sone = (typeof SONER)[number];

const TIMER = /^\d+(\.\d{1,2})?$/;

/**
 * Hours per week as an exact fraction (hundredths), so a share of them (20 of 37.5 hours) is a Sats and
 * never a float.
 */
export interface Timer {
  /** Hundredths of an hour: 37.5 hours is 3750. */
  hundredeler: number;
  tekst: string;
}

const timerSkjema = z
  .number({ error: 'må være et antall timer per uke' })
  .positive('må være flere enn 0 timer')
  .max(60, 'kan ikke være mer enn 60 timer per uke')
  .refine((t) => TIMER.test(String(t)), 'kan ha høyst to desimaler')
  .transform(tilTimer);

/** Hours with at most two decimals (checked) as hundredths and the text given. */
function tilTimer(t: number): Timer {
  const [hele = '0', desimaler = ''] = String(t).split('.');
  return { hundredeler: Number(hele) * 100 + Number(desimaler.padEnd(2, '0')), tekst: String(t) };
}

export const barnSkjema = z
  .object({
    tilbud: z.enum(TILBUD, { error: () => `må være en av ${TILBUD.join(', ')}` }),
    foedselsdato: isoDatoSkjema,
    /** The municipality's or the barnehage's own monthly price for the place, food not included. */
    prisPerMaaned: ikkeNegativtBeloepSkjema,
    /** Agreed hours per week (oppholdstid); needed when free hours are to be valued. */
    oppholdstimerPerUke: timerSkjema.optional(),
    /** Årstrinn, for SFO only. */
    trinn: z
      .number({ error: 'må være et årstrinn (1–7)' })
      .int('må være et helt årstrinn')
      .min(1, 'må være et årstrinn fra 1 til 7')
      .max(7, 'må være et årstrinn fra 1 til 7')
      .optional(),
    /**
     * SFO only: the pupil has særlege behov (opplæringsforskrifta § 2-3; § 1B-3 from 1 August 2020). On
     * 5.–7. trinn such a pupil has free SFO; left out there, the result warns.
     */
    saerlegeBehov: z.boolean({ error: 'må være true eller false' }).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.tilbud === 'SFO' && b.trinn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['trinn'], message: 'mangler: SFO-plass må ha årstrinn (1–7)' });
    }
    if (b.tilbud === 'BARNEHAGE' && b.trinn !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['trinn'], message: 'gjelder bare SFO, ikke barnehage' });
    }
    if (b.tilbud === 'BARNEHAGE' && b.saerlegeBehov !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['saerlegeBehov'], message: 'gjelder bare SFO, ikke barnehage' });
    }
  });

export type Barn = z.output<typeof barnSkjema>;

/**
 * The vedtak facts of BARNEHAGE_SFO: the household's children with a place, what the household has applied
 * for (forskrift om foreldrebetaling § 3d første ledd; SFO § 2-4: «etter søknad»), and, where the place is
 * in a barnehage in another zone than the municipality's own, that zone.
 */
export const vedtakSkjema = z
  .object({
    barn: z
      .array(barnSkjema, { error: 'må være en liste over barna med plass' })
      .min(1, 'minst ett barn med plass i barnehage eller SFO')
      .max(15, 'høyst 15 barn'),
    sone: z
      .enum(SONER, { error: () => `må være en av ${SONER.join(', ')}` })
      .optional()
      .describe(
        'Prissonen for barnehage, når den ikke er kommunens egen (standard: kommuneinnstillingen sone)',
      ),
    soektRedusertForeldrebetaling: z
      .boolean({ error: 'må være true eller false' })
      .default(true)
      .describe('Husholdningen har søkt om redusert foreldrebetaling etter 6 %-regelen (standard: ja)'),
    soektGratisKjernetid: z
      .boolean({ error: 'må være true eller false' })
      .default(true)
      .describe('Husholdningen har søkt om gratis kjernetid i barnehage (standard: ja)'),
  })
  .strict();

export type Vedtak = z.output<typeof vedtakSkjema>;

export const SOESKENREKKEFOELGER = ['ELDSTE_FOERST', 'YNGSTE_FOERST', 'HOEYESTE_PRIS_FOERST'] as const;
export const KJERNETID_PRISGRUNNLAG = [
  'PRIS_ETTER_SOESKENMODERASJON',
  'PRIS_ETTER_SEKS_PROSENT',
  'PRIS_FOR_PLASSEN',
] as const;

const valgfriProsent = z.number().int().min(0).max(100).nullable();
const valgfrieTimer = z.number().int().min(1).max(60).nullable();

/**
 * The municipality's choices where the regulation leaves room (docs/kommuneinnstillinger/foreldrebetaling.md).
 * `{}` gives the defaults.
 */
export const innstillingerSkjema = z
  .object({
    sone: z
      .enum(SONER)
      .default('ORDINAER')
      .describe(
        'Kommunens prissone for barnehage: ORDINAER (standard), SENTRALITET_5_6 (sentralitetssone 5 og 6) eller INNSATSSONE (tiltakssonen i Finnmark og Nord-Troms), slik finansieringsforskriften § 7 definerer dem',
      ),
    soeskenrekkefoelge: z
      .enum(SOESKENREKKEFOELGER)
      .default('ELDSTE_FOERST')
      .describe(
        'Hvilket barnehagebarn som er barn nr. 1 i søskenmoderasjonen: det eldste (standard og forskriftens, merknad til § 3a), det yngste, eller plassen med høyest pris (likt: det eldste). En annen rekkefølge enn forskriftens brukes bare når den gir familien minst like mye reduksjon',
      ),
    soeskenmoderasjonBarn2Prosent: valgfriProsent
      .default(null)
      .describe(
        'Kommunens søskenmoderasjon for barn nr. 2 i prosent, når den gir mer enn forskriftens minimum (null: minimum, 30 %)',
      ),
    soeskenmoderasjonBarn3PlussProsent: valgfriProsent
      .default(null)
      .describe(
        'Kommunens søskenmoderasjon for barn nr. 3 og flere i prosent, når den gir mer enn minimum (null: minimum, 50 % før og 100 % fra 1.8.2023)',
      ),
    kjernetidPrisgrunnlag: z
      .enum(KJERNETID_PRISGRUNNLAG)
      .default('PRIS_ETTER_SOESKENMODERASJON')
      .describe(
        'Hvilken pris verdien av de 20 gratis timene regnes av: prisen etter 6 %-regelen og søskenmoderasjon (standard), prisen etter 6 %-regelen alene (Overhalla), eller prisen for plassen før inntektsgradering og søskenmoderasjon (PRIS_FOR_PLASSEN)',
      ),
    kjernetidTimebasis: valgfrieTimer
      .default(null)
      .describe(
        'Timer per uke prisen deles på når de gratis timene verdsettes (null: plassens avtalte oppholdstid; 41 eller 45 om kommunen bruker fast timetall)',
      ),
    sfoBetalingsmaaneder: z
      .number()
      .int()
      .min(10)
      .max(12)
      .default(11)
      .describe('Antall betalingsmåneder i SFO per skoleår, som 6 %-grensen regnes over (standard 11)'),
    sfoGratistimerTimebasis: valgfrieTimer
      .default(null)
      .describe(
        'Timer per uke SFO-prisen deles på når de 12 gratis timene verdsettes (null: plassens avtalte oppholdstid)',
      ),
  })
  .strict();

export type Innstillinger = z.output<typeof innstillingerSkjema>;

// Fast paths (hurtigsti in packages/beregning): the two schemas above written out once without zod, for
// the input they can prove valid; zod runs for anything else and gives its own errors. Property-tested
// against the schemas in vedtak.hurtigsti.test.ts.

const BARNNOEKLER: ReadonlySet<string> = new Set(Object.keys(barnSkjema.shape));
const VEDTAKNOEKLER: ReadonlySet<string> = new Set(Object.keys(vedtakSkjema.shape));
const INNSTILLINGSNOEKLER: ReadonlySet<string> = new Set(Object.keys(innstillingerSkjema.shape));
const SONESETT: ReadonlySet<unknown> = new Set(SONER);
const REKKEFOELGESETT: ReadonlySet<unknown> = new Set(SOESKENREKKEFOELGER);
const KJERNETIDSETT: ReadonlySet<unknown> = new Set(KJERNETID_PRISGRUNNLAG);

function heltallMellom(v: unknown, min: number, maks: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= maks;
}

function barnHurtigsti(v: unknown): Barn | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, BARNNOEKLER)) return IKKE_SIKKER;
  const { tilbud, foedselsdato, oppholdstimerPerUke, trinn, saerlegeBehov } = v;
  if ((tilbud !== 'BARNEHAGE' && tilbud !== 'SFO') || !erIsoDato(foedselsdato)) return IKKE_SIKKER;
  const prisPerMaaned = ikkeNegativtBeloepHurtigsti(v.prisPerMaaned);
  if (prisPerMaaned === IKKE_SIKKER) return IKKE_SIKKER;
  // The cross-field rules of barnSkjema: SFO needs a trinn; trinn and særlege behov are SFO's only.
  if (tilbud === 'SFO' ? trinn === undefined : trinn !== undefined || saerlegeBehov !== undefined) {
    return IKKE_SIKKER;
  }
  const ut: Barn = { tilbud, foedselsdato, prisPerMaaned };
  if (oppholdstimerPerUke !== undefined) {
    // `t > 0` is false for NaN; Infinity is over 60: zod's number refuses both.
    const t = oppholdstimerPerUke;
    if (typeof t !== 'number' || !(t > 0) || t > 60 || !TIMER.test(String(t))) return IKKE_SIKKER;
    ut.oppholdstimerPerUke = tilTimer(t);
  }
  if (trinn !== undefined) {
    if (!heltallMellom(trinn, 1, 7)) return IKKE_SIKKER;
    ut.trinn = trinn;
  }
  if (saerlegeBehov !== undefined) {
    if (typeof saerlegeBehov !== 'boolean') return IKKE_SIKKER;
    ut.saerlegeBehov = saerlegeBehov;
  }
  return ut;
}

function vedtakHurtigsti(v: unknown): Vedtak | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, VEDTAKNOEKLER)) return IKKE_SIKKER;
  const { barn, sone, soektRedusertForeldrebetaling = true, soektGratisKjernetid = true } = v;
  if (!Array.isArray(barn) || barn.length < 1 || barn.length > 15) return IKKE_SIKKER;
  if (typeof soektRedusertForeldrebetaling !== 'boolean' || typeof soektGratisKjernetid !== 'boolean') {
    return IKKE_SIKKER;
  }
  if (sone !== undefined && !SONESETT.has(sone)) return IKKE_SIKKER;
  const ut: Barn[] = new Array(barn.length);
  for (let i = 0; i < barn.length; i++) {
    const b = barnHurtigsti(barn[i]);
    if (b === IKKE_SIKKER) return IKKE_SIKKER;
    ut[i] = b;
  }
  // The keys in the schema's order; `sone` only when given, as in zod's output.
  return sone === undefined
    ? { barn: ut, soektRedusertForeldrebetaling, soektGratisKjernetid }
    : { barn: ut, sone: sone as Sone, soektRedusertForeldrebetaling, soektGratisKjernetid };
}

function valgfriHeltall(v: unknown, min: number, maks: number): v is number | null {
  return v === null || heltallMellom(v, min, maks);
}

function innstillingerHurtigsti(v: unknown): Innstillinger | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, INNSTILLINGSNOEKLER)) return IKKE_SIKKER;
  const {
    sone = 'ORDINAER',
    soeskenrekkefoelge = 'ELDSTE_FOERST',
    soeskenmoderasjonBarn2Prosent = null,
    soeskenmoderasjonBarn3PlussProsent = null,
    kjernetidPrisgrunnlag = 'PRIS_ETTER_SOESKENMODERASJON',
    kjernetidTimebasis = null,
    sfoBetalingsmaaneder = 11,
    sfoGratistimerTimebasis = null,
  } = v;
  if (
    !SONESETT.has(sone) ||
    !REKKEFOELGESETT.has(soeskenrekkefoelge) ||
    !KJERNETIDSETT.has(kjernetidPrisgrunnlag)
  ) {
    return IKKE_SIKKER;
  }
  if (
    !valgfriHeltall(soeskenmoderasjonBarn2Prosent, 0, 100) ||
    !valgfriHeltall(soeskenmoderasjonBarn3PlussProsent, 0, 100) ||
    !valgfriHeltall(kjernetidTimebasis, 1, 60) ||
    !valgfriHeltall(sfoGratistimerTimebasis, 1, 60) ||
    !heltallMellom(sfoBetalingsmaaneder, 10, 12)
  ) {
    return IKKE_SIKKER;
  }
  return {
    sone: sone as Sone,
    soeskenrekkefoelge: soeskenrekkefoelge as Innstillinger['soeskenrekkefoelge'],
    soeskenmoderasjonBarn2Prosent,
    soeskenmoderasjonBarn3PlussProsent,
    kjernetidPrisgrunnlag: kjernetidPrisgrunnlag as Innstillinger['kjernetidPrisgrunnlag'],
    kjernetidTimebasis,
    sfoBetalingsmaaneder,
    sfoGratistimerTimebasis,
  };
}

medHurtigsti(vedtakSkjema, vedtakHurtigsti);
medHurtigsti(innstillingerSkjema, innstillingerHurtigsti);
