import { type Advarsel, type Feltfeil, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import {
  beregnVederlag,
  friperiode,
  type Innstillinger,
  type Vederlagsberegning,
  type Vedtak,
} from '@inntektsgrunnlag/langtidsopphold';
import { Beloep } from '@inntektsgrunnlag/money';
import { dagerMellom, type IsoDato, type Satsoppslag } from '@inntektsgrunnlag/regelverk';
import {
  type Fakturering,
  type ForeloepigGrunnlag,
  type Maaned,
  maanedensDager,
  type Opphold,
} from './inndata.js';
import type { Etteroppgjoersinnstillinger } from './innstillinger.js';

/**
 * @lovtekst FOR-2011-12-16-1349 § 3 sjette ledd
 * «Viser skatteoppgjøret for foregående år at det ikke er beregnet riktig egenandel, skal det skje et
 * etteroppgjør.»
 */
export const HJEMMEL_ETTEROPPGJOER = 'egenandelsforskriften § 3 sjette ledd';

/**
 * @lovtekst FOR-2011-12-16-1349 § 3 annet ledd
 * «Av inntekter utover folketrygdens grunnbeløp betales inntil 85 prosent. Betalingen skal begrenses slik
 * at enhver har i behold til eget bruk minst 25 prosent av folketrygdens grunnbeløp i tillegg til fordelen
 * av fribeløpet.»
 * The whole ledd (with the fribeløp, whose amount changes every 1 January) is applied by langtidsopphold's
 * calculator, once per month with the rates in force that month.
 */
export const HJEMMEL_VEDERLAG = 'egenandelsforskriften § 3 annet ledd';

/**
 * @lovtekst FOR-2011-12-16-1349 § 3 første ledd
 * «Egenandelen må ikke overstige de reelle oppholdsutgifter.»
 */
export const HJEMMEL_OPPHOLDSUTGIFTER = 'egenandelsforskriften § 3 første ledd';

/**
 * @lovtekst FOR-2011-12-16-1349 § 6 første ledd
 * «For langtidsopphold kan krav om egenandel først gjøres gjeldende etter en måned regnet fra
 * innflyttingsdato.»
 */
export const HJEMMEL_FRI_MAANED = 'egenandelsforskriften § 6 første ledd';

/**
 * @lovtekst FOR-2011-12-16-1349 § 6 fjerde ledd
 * «Plikten til å yte egenandel gjelder til og med den dag institusjonsoppholdet opphører.»
 */
export const HJEMMEL_OPPHOER = 'egenandelsforskriften § 6 fjerde ledd';

export interface Etteroppgjoersinput {
  /** The year settled (Y): the request's inntektsaar. */
  inntektsaar: number;
  /** The beregningsgrunnlag N from Y's own tax settlement (§ 3 fjerde ledd). */
  beregningsgrunnlag: Beloep;
  /** The request's vedtak (langtidsopphold's schema): moving in, korttid days, cost, double room. */
  vedtak: Vedtak;
  opphold: Opphold;
  fakturert: readonly Fakturering[];
  innstillinger: Innstillinger;
  etteroppgjoersinnstillinger: Etteroppgjoersinnstillinger;
  oppslag: Satsoppslag;
  /** The settlement the etteroppgjør rests on. */
  skatteoppgjoer: { skatteoppgjoersdato?: string | null; postkilde: 'HENTET' | 'OPPGITT' };
  foreloepigGrunnlag?: ForeloepigGrunnlag;
}

/** One room kind's vederlag for a month, from langtidsopphold's calculator with that month's rates. */
export interface Maanedssats {
  dobbeltrom: boolean;
  /** Days of the month charged at this rate. */
  dager: number;
  vederlag: Vederlagsberegning;
}

export interface Etteroppgjoersmaaned {
  maaned: Maaned;
  dagerIMaaneden: number;
  /** Days the resident was in the institution this month. */
  oppholdsdager: number;
  /** Days vederlag may be charged for (after the free month, up to and including the last day). */
  vederlagsdager: number;
  /** Days of the stay inside the free first month (§ 6 første ledd). */
  frieDager: number;
  satser: Maanedssats[];
  /** The most that may be charged for the month: the final vederlag, rounded down to whole kroner. */
  endelig: Beloep;
  fakturert: Beloep;
  /** endelig − fakturert: positive, the resident owes it; negative, a refund. */
  differanse: Beloep;
  /** Charged more than the month's legal maximum. */
  overMaksimum: boolean;
  hjemler: string[];
  forklaring: string;
}

export interface Etteroppgjoer {
  inntektsaar: number;
  beregningsgrunnlag: Beloep;
  oppholdFraOgMed: IsoDato;
  oppholdTilOgMed: IsoDato;
  foersteDagMedVederlag: IsoDato | null;
  maaneder: Etteroppgjoersmaaned[];
  sumEndelig: Beloep;
  sumFakturert: Beloep;
  differanse: Beloep;
  maanederOverMaksimum: Maaned[];
  grunnlag: { forklaring: string; skatteoppgjoersdato: string | null; postkilde: 'HENTET' | 'OPPGITT' };
  erstatter: { forklaring: string; inntektsaar: number | null };
  forklaring: string;
  hjemmel: string;
  advarsler: Advarsel[];
}

const maanedAv = (dato: IsoDato): Maaned => dato.slice(0, 7);
const maks = (a: IsoDato, b: IsoDato) => (a > b ? a : b);
const min = (a: IsoDato, b: IsoDato) => (a < b ? a : b);

/** Days in [fra, til] (both included); 0 when the range is empty. */
function dagerI(fra: IsoDato, til: IsoDato): number {
  return til < fra ? 0 : dagerMellom(fra, til) + 1;
}

function skuddaar(aar: number): boolean {
  return (aar % 4 === 0 && aar % 100 !== 0) || aar % 400 === 0;
}

/** The stay in Y, the free month, and the double-room periods, checked against each other. */
export interface Oppholdsperiode {
  fraOgMed: IsoDato;
  tilOgMed: IsoDato;
  /** The first day vederlag may be charged for; null when the whole stay in Y is free. */
  foersteDagMedVederlag: IsoDato | null;
  /** The free period in Y, when part of it lies in Y. */
  fri: { fraOgMed: IsoDato; tilOgMed: IsoDato } | null;
  dobbeltrom: Array<{ fraOgMed: IsoDato; tilOgMed: IsoDato }>;
  /** Every month with at least one day of the stay, in order. */
  maaneder: Maaned[];
}

/**
 * The stay in the year settled. Every contradiction is a Valideringsfeil naming the field and, where it
 * is about a month, the month.
 */
export function oppholdsperiode(inntektsaar: number, vedtak: Vedtak, opphold: Opphold): Oppholdsperiode {
  const aarStart = `${inntektsaar}-01-01`;
  const aarSlutt = `${inntektsaar}-12-31`;
  const feil: Feltfeil[] = [];
  const inn = vedtak.innflyttingsdato;
  const ut = opphold.opphoer?.dato;
  if (inn && inn > aarSlutt) {
    feil.push({
      felt: 'foresporsel.vedtak.innflyttingsdato',
      melding: `${inn} ligger etter inntektsåret ${inntektsaar}: beboeren bodde ikke på institusjonen det året`,
    });
  }
  if (ut && ut < aarStart) {
    feil.push({
      felt: 'opphold.opphoer.dato',
      melding: `${ut} ligger før inntektsåret ${inntektsaar}: oppholdet var opphørt før året`,
    });
  }
  if (inn && ut && ut < inn) {
    feil.push({ felt: 'opphold.opphoer.dato', melding: `${ut} ligger før innflyttingsdatoen ${inn}` });
  }
  if (feil.length > 0) throw new Valideringsfeil(feil, 'Etteroppgjøret kan ikke beregnes');

  const fraOgMed = inn ? maks(inn, aarStart) : aarStart;
  const tilOgMed = ut ? min(ut, aarSlutt) : aarSlutt;
  let foerste: IsoDato = fraOgMed;
  let fri: Oppholdsperiode['fri'] = null;
  if (inn) {
    const f = friperiode(inn, vedtak.direkteFraInstitusjonFraOgMed);
    foerste = maks(f.foersteDagMedVederlag, fraOgMed);
    if (f.gis && f.tilOgMed && f.tilOgMed >= fraOgMed) {
      fri = { fraOgMed, tilOgMed: min(f.tilOgMed, tilOgMed) };
    }
  }

  const dobbeltrom: Oppholdsperiode['dobbeltrom'] = [];
  if (opphold.dobbeltrom) {
    opphold.dobbeltrom.forEach((p, i) => {
      const til = p.tilOgMed ?? tilOgMed;
      if (til < p.fraOgMed) {
        feil.push({
          felt: `opphold.dobbeltrom.${i}.tilOgMed`,
          melding: `${til} ligger før fraOgMed ${p.fraOgMed}`,
        });
        return;
      }
      if (p.fraOgMed > tilOgMed || til < fraOgMed) {
        feil.push({
          felt: `opphold.dobbeltrom.${i}`,
          melding: `perioden ${p.fraOgMed}–${til} ligger utenfor oppholdet i ${inntektsaar} (${fraOgMed}–${tilOgMed})`,
        });
        return;
      }
      for (const [j, q] of dobbeltrom.entries()) {
        if (p.fraOgMed <= q.tilOgMed && q.fraOgMed <= til) {
          feil.push({
            felt: `opphold.dobbeltrom.${i}`,
            melding: `overlapper en annen periode (${q.fraOgMed}–${q.tilOgMed}, nr. ${j})`,
          });
          return;
        }
      }
      dobbeltrom.push({ fraOgMed: maks(p.fraOgMed, fraOgMed), tilOgMed: min(til, tilOgMed) });
    });
  } else if (vedtak.dobbeltromMotEgetOenske) {
    dobbeltrom.push({ fraOgMed, tilOgMed });
  }
  if (feil.length > 0) throw new Valideringsfeil(feil, 'Etteroppgjøret kan ikke beregnes');

  const maaneder: Maaned[] = [];
  for (let m = Number(fraOgMed.slice(5, 7)); m <= Number(tilOgMed.slice(5, 7)); m++) {
    maaneder.push(`${inntektsaar}-${String(m).padStart(2, '0')}`);
  }
  return {
    fraOgMed,
    tilOgMed,
    foersteDagMedVederlag: foerste <= tilOgMed ? foerste : null,
    fri,
    dobbeltrom,
    maaneder,
  };
}

/**
 * Checks what was charged against the stay: each month in Y, once, in a month the resident lived there;
 * every month with days that may be charged is given (0 when nothing was charged).
 */
export function kontrollerFakturert(
  inntektsaar: number,
  periode: Oppholdsperiode,
  fakturert: readonly Fakturering[],
): Map<Maaned, Beloep> {
  const feil: Feltfeil[] = [];
  const sett = new Map<Maaned, { beloep: Beloep; indeks: number }>();
  fakturert.forEach((f, i) => {
    const felt = `fakturert.${i}.maaned`;
    if (Number(f.maaned.slice(0, 4)) !== inntektsaar) {
      feil.push({ felt, melding: `${f.maaned} ligger utenfor inntektsåret ${inntektsaar}` });
      return;
    }
    const tidligere = sett.get(f.maaned);
    if (tidligere) {
      feil.push({ felt, melding: `${f.maaned} er oppgitt to ganger (også fakturert.${tidligere.indeks})` });
      return;
    }
    if (!periode.maaneder.includes(f.maaned)) {
      feil.push({
        felt,
        melding: `${f.maaned}: beboeren bodde ikke på institusjonen denne måneden (oppholdet i ${inntektsaar}: ${periode.fraOgMed}–${periode.tilOgMed}), men det er fakturert for den`,
      });
      return;
    }
    sett.set(f.maaned, { beloep: f.beloep, indeks: i });
  });
  for (const m of periode.maaneder) {
    const { foerste, siste } = maanedensDager(m);
    const harVederlagsdager =
      periode.foersteDagMedVederlag !== null &&
      dagerI(maks(foerste, periode.foersteDagMedVederlag), min(siste, periode.tilOgMed)) > 0;
    if (harVederlagsdager && !sett.has(m)) {
      feil.push({
        felt: 'fakturert',
        melding: `${m} mangler: beboeren bodde på institusjonen med vederlag denne måneden; oppgi det som ble fakturert (0 om ingenting ble fakturert)`,
      });
    }
  }
  if (feil.length > 0) throw new Valideringsfeil(feil, 'Det fakturerte stemmer ikke med oppholdet');
  return new Map([...sett].map(([m, v]) => [m, v.beloep]));
}

/** Checks the input without computing: the stay and what was charged. Run before any lookup. */
export function kontrollerEtteroppgjoer(
  inntektsaar: number,
  vedtak: Vedtak,
  opphold: Opphold,
  fakturert: readonly Fakturering[],
): void {
  kontrollerFakturert(inntektsaar, oppholdsperiode(inntektsaar, vedtak, opphold), fakturert);
}

/** The vederlag of a month under langtidsopphold's calculator, with the rates in force on its 1st. */
function maanedsvederlag(inn: Etteroppgjoersinput, maaned: Maaned, dobbeltrom: boolean): Vederlagsberegning {
  // Only the yearly amount matters here: the free month and a korttidsopphold are the etteroppgjør's
  // own business (by the day), so they are left out of the vedtak the calculator sees.
  const vedtak: Vedtak = {
    ...inn.vedtak,
    dobbeltromMotEgetOenske: dobbeltrom,
    innflyttingsdato: undefined,
    korttidsopphold: undefined,
  };
  return beregnVederlag(
    {
      inntektsaar: inn.inntektsaar,
      // G changes on 1 May and the fribeløp on 1 January: the rates in force on the 1st hold all month.
      beregningsdato: `${maaned}-01`,
      beregningsdatoOppgitt: true,
      personer: [],
      vedtak,
      innstillinger: inn.innstillinger,
      oppslag: inn.oppslag,
    },
    inn.beregningsgrunnlag,
  );
}

/** A part of a month by the day, under the municipality's day count; never more than a whole month. */
function delAvMaaned(
  sats: Maanedssats,
  dagerIMaaneden: number,
  dagerIAaret: number,
  innst: Etteroppgjoersinnstillinger,
  helMaaned: boolean,
): Beloep {
  const { perMaaned, perAar } = sats.vederlag;
  if (helMaaned || innst.delmaaned === 'DAGER_I_MAANEDEN') {
    return perMaaned.times(sats.dager).dividedBy(dagerIMaaneden);
  }
  return perAar.times(sats.dager).dividedBy(dagerIAaret);
}

/** An amount for the explanation: whole kroner, or with øre when it has them (a charge as typed). */
function kr(b: Beloep): string {
  return b.isWhole('KRONE')
    ? b.format({ desimaler: 0 })
    : b.round('OERE', 'HALF_EVEN').format({ desimaler: 2 });
}

/** The etteroppgjør for one resident and one year. Throws Valideringsfeil on contradictory input. */
export function beregnEtteroppgjoer(inn: Etteroppgjoersinput): Etteroppgjoer {
  const periode = oppholdsperiode(inn.inntektsaar, inn.vedtak, inn.opphold);
  const fakturert = kontrollerFakturert(inn.inntektsaar, periode, inn.fakturert);
  const dagerIAaret = skuddaar(inn.inntektsaar) ? 366 : 365;
  const opphoer = inn.opphold.opphoer;

  const maaneder = periode.maaneder.map((maaned): Etteroppgjoersmaaned => {
    const { foerste, siste, antall } = maanedensDager(maaned);
    const fra = maks(foerste, periode.fraOgMed);
    const til = min(siste, periode.tilOgMed);
    const oppholdsdager = dagerI(fra, til);
    const vederlagFra = periode.foersteDagMedVederlag ? maks(fra, periode.foersteDagMedVederlag) : null;
    const vederlagsdager = vederlagFra ? dagerI(vederlagFra, til) : 0;
    const frieDager = periode.fri
      ? dagerI(maks(fra, periode.fri.fraOgMed), min(til, periode.fri.tilOgMed))
      : 0;
    const dobbeltromsdager = vederlagFra
      ? periode.dobbeltrom.reduce(
          (s, p) => s + dagerI(maks(vederlagFra, p.fraOgMed), min(til, p.tilOgMed)),
          0,
        )
      : 0;
    const satser: Maanedssats[] = [];
    if (vederlagsdager - dobbeltromsdager > 0) {
      satser.push({
        dobbeltrom: false,
        dager: vederlagsdager - dobbeltromsdager,
        vederlag: maanedsvederlag(inn, maaned, false),
      });
    }
    if (dobbeltromsdager > 0) {
      satser.push({
        dobbeltrom: true,
        dager: dobbeltromsdager,
        vederlag: maanedsvederlag(inn, maaned, true),
      });
    }
    const helMaaned = vederlagsdager === antall;
    const uavrundet = Beloep.sum(
      satser.map((s) => delAvMaaned(s, antall, dagerIAaret, inn.etteroppgjoersinnstillinger, helMaaned)),
    );
    const helMaanedsbeloep = satser.reduce((m, s) => Beloep.max(m, s.vederlag.perMaaned), Beloep.NULL);
    // A charge is rounded down: never above what the forskrift allows.
    const endelig = Beloep.min(uavrundet, helMaanedsbeloep).round('KRONE', 'DOWN');
    const f = fakturert.get(maaned) ?? Beloep.NULL;

    const hjemler = [HJEMMEL_VEDERLAG];
    if (satser.some((s) => s.vederlag.begrensetAvOppholdskostnad)) hjemler.push(HJEMMEL_OPPHOLDSUTGIFTER);
    if (frieDager > 0) hjemler.push(HJEMMEL_FRI_MAANED);
    if (opphoer && maanedAv(opphoer.dato) === maaned) hjemler.push(HJEMMEL_OPPHOER);

    const deler: string[] = [];
    for (const s of satser) {
      const v = s.vederlag;
      deler.push(
        `${s.dobbeltrom ? 'Dobbeltrom mot eget ønske' : 'Vederlag'} med ${v.grunnbeloep.forklaring} og fribeløp ${kr(v.fribeloep)}: ${kr(v.perAar)} per år, ${kr(v.perMaaned)} per måned${v.begrensetAvOppholdskostnad ? ' (begrenset av oppholdsutgiftene, § 3 første ledd)' : ''}${helMaaned && satser.length === 1 ? '' : `, for ${s.dager} av ${antall} dager`}.`,
      );
    }
    if (frieDager > 0) deler.push(`${frieDager} dager i den betalingsfrie første måneden (§ 6 første ledd).`);
    if (opphoer && maanedAv(opphoer.dato) === maaned) {
      deler.push(
        `Oppholdet opphørte ${opphoer.dato} (${opphoer.grunn === 'DOEDSFALL' ? 'dødsfall' : 'utflytting'}); vederlag til og med den dagen (§ 6 fjerde ledd).`,
      );
    }
    if (!helMaaned && vederlagsdager > 0) {
      deler.push(
        inn.etteroppgjoersinnstillinger.delmaaned === 'DAGER_I_AARET'
          ? `Del av måned: årsvederlaget × dager ÷ ${dagerIAaret} (kommuneinnstilling).`
          : `Del av måned: månedsvederlaget × dager ÷ ${antall} (kommuneinnstilling).`,
      );
    }
    deler.push(`Endelig ${kr(endelig)}, rundet ned til hele kroner.`);
    if (f.greaterThan(endelig)) deler.push(`Fakturert ${kr(f)} er mer enn det høyeste lovlige for måneden.`);
    return {
      maaned,
      dagerIMaaneden: antall,
      oppholdsdager,
      vederlagsdager,
      frieDager,
      satser,
      endelig,
      fakturert: f,
      differanse: endelig.minus(f),
      overMaksimum: f.greaterThan(endelig),
      hjemler,
      forklaring: deler.join(' '),
    };
  });

  const sumEndelig = Beloep.sum(maaneder.map((m) => m.endelig));
  const sumFakturert = Beloep.sum(maaneder.map((m) => m.fakturert));
  const differanse = sumEndelig.minus(sumFakturert);
  const maanederOverMaksimum = maaneder.filter((m) => m.overMaksimum).map((m) => m.maaned);

  const dato = inn.skatteoppgjoer.skatteoppgjoersdato ?? null;
  const grunnlagForklaring =
    inn.skatteoppgjoer.postkilde === 'HENTET'
      ? `Skatteoppgjøret for ${inn.inntektsaar}${dato ? ` (skatteoppgjørsdato ${dato})` : ''}, hentet fra Skatteetaten: beregningsgrunnlag ${kr(inn.beregningsgrunnlag)}.`
      : `Postene fra skatteoppgjøret for ${inn.inntektsaar} slik de er oppgitt i forespørselen${dato ? ` (skatteoppgjørsdato ${dato})` : ''}: beregningsgrunnlag ${kr(inn.beregningsgrunnlag)}.`;
  const fg = inn.foreloepigGrunnlag;
  const erstatter = {
    forklaring: fg
      ? `Erstatter det foreløpige vederlaget, som bygde på ${fg.beskrivelse}${fg.inntektsaar ? ` (skatteoppgjøret for ${fg.inntektsaar})` : ''}.`
      : `Erstatter det foreløpige vederlaget som ble fakturert; grunnlaget for det er ikke oppgitt (vanligvis skatteoppgjøret for ${inn.inntektsaar - 1}).`,
    inntektsaar: fg?.inntektsaar ?? null,
  };
  const retning = differanse.isPositive()
    ? `Beboeren skylder ${kr(differanse)}.`
    : differanse.isNegative()
      ? `Beboeren skal ha tilbake ${kr(differanse.negated())}.`
      : 'Ingen differanse.';

  const advarsler: Advarsel[] = [];
  if (maanederOverMaksimum.length > 0) {
    advarsler.push({
      kode: 'FAKTURERT_OVER_MAKSIMUM',
      melding: `Det er fakturert mer enn det høyeste lovlige vederlaget for ${maanederOverMaksimum.join(', ')}. Det gjelder uansett hva summen for året blir.`,
    });
  }
  if (!inn.vedtak.oppholdskostnadPerMaaned) {
    advarsler.push({
      kode: 'OPPHOLDSKOSTNAD_IKKE_OPPGITT',
      melding:
        'Vedtaket har ingen oppholdskostnad (vedtak.oppholdskostnadPerMaaned): månedene er ikke kontrollert mot de reelle oppholdsutgiftene (§ 3 første ledd).',
    });
  }
  if (!inn.vedtak.innflyttingsdato) {
    advarsler.push({
      kode: 'INNFLYTTINGSDATO_IKKE_OPPGITT',
      melding: `Vedtaket har ingen innflyttingsdato: beboeren er regnet å ha bodd på institusjonen fra før ${inn.inntektsaar}, uten betalingsfri måned i året.`,
    });
  }

  return {
    inntektsaar: inn.inntektsaar,
    beregningsgrunnlag: inn.beregningsgrunnlag,
    oppholdFraOgMed: periode.fraOgMed,
    oppholdTilOgMed: periode.tilOgMed,
    foersteDagMedVederlag: periode.foersteDagMedVederlag,
    maaneder,
    sumEndelig,
    sumFakturert,
    differanse,
    maanederOverMaksimum,
    grunnlag: {
      forklaring: grunnlagForklaring,
      skatteoppgjoersdato: dato,
      postkilde: inn.skatteoppgjoer.postkilde,
    },
    erstatter,
    forklaring: `Etteroppgjør for ${inn.inntektsaar} (${HJEMMEL_ETTEROPPGJOER}): endelig vederlag ${kr(sumEndelig)}, fakturert ${kr(sumFakturert)}. ${retning}`,
    hjemmel: HJEMMEL_ETTEROPPGJOER,
    advarsler,
  };
}
