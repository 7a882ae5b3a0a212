/**
 * Egenandelsforskriften § 10: the household, its income and income year, the 2 G limit and the G it is
 * measured in, and the yearly update. How the income is formed post by post is data: `POSTDEFINISJON`
 * (postdefinisjon.ts, with hjelpestønad added and omsorgslønn subtracted as første ledd says).
 *
 * @lovtekst FOR-2011-12-16-1349 § 10 første ledd
 * «Når kommunen bestemmer den maksimale egenandelen en person skal betale pr. år for tjenester som nevnt i
 * § 8 skal betalingen beregnes på grunnlag av husstandens samlede skattbare nettoinntekt før særfradrag.
 * Siste tilgjengelige skatteligning pr. 1. januar i det aktuelle året legges til grunn med mindre inntekten
 * er vesentlig endret. Til inntekten legges også hjelpestønad fra folketrygden til hjelp i huset, mens
 * omsorgslønn etter helse- og omsorgstjenesteloven § 3-6 skal trekkes fra inntektsgrunnlaget.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 10 andre ledd
 * «Dersom husstandens samlede skattbare nettoinntekt før særfradrag er under 2 G, skal den samlede
 * egenandelen for tjenester som nevnt i § 8 ikke overstige et utgiftstak … Til grunn for fastsetting av
 * utgiftstaket legges G pr. 1. januar i det aktuelle året.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 10 tredje ledd
 * «Til husstanden regnes bare ektefeller eller samboere og i tillegg barn under 18 år, dersom hjelpen ytes
 * på grunnlag av barnets omsorgs- eller pleiebehov.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 10 fjerde ledd
 * «Hvis et av husstandens medlemmer betaler egenandel for langtidsopphold etter kapittel 1 eller mottar
 * avkortede trygdeytelser på grunn av opphold utenfor hjemmet, regnes vedkommende ikke som medlem av
 * husstanden etter bestemmelsen i andre ledd.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 10 femte ledd
 * «Kommunen skal minst årlig oppdatere egenandelsvedtaket ut fra nye opplysninger i likning og ny G.»
 *
 * «Det aktuelle året» is the year the egenandel is for: the calendar year of the beregningsdato (the date
 * of the vedtak period). The amount of the utgiftstak is the table MAKS_EGENANDEL_UNDER_2G (tabeller.ts).
 */
import { type Feltfeil, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { Beloep } from '@inntektsgrunnlag/money';
import { maskerIdentifikator, PERSONTYPE_TEKST } from '@inntektsgrunnlag/person';
import {
  aarFor,
  type Beregningslinje,
  GRUNNBELOEP,
  type IsoDato,
  type Satsoppslag,
  type Tabellverdi,
} from '@inntektsgrunnlag/regelverk';
import { type Grunnlagsblokk, type PersonMedPoster, perPerson } from '@inntektsgrunnlag/skattegrunnlag';
import { MAKS_EGENANDEL_UNDER_2G } from '../tabeller.js';
import type { Inntektsaarsaarsak, UtenforHusstanden, Vedtak } from '../vedtak.js';
import { hjelpenAnsesYttForeldrene } from './paragraf8.js';

export const HJEMMEL_INNTEKT = 'egenandelsforskriften § 10 første ledd';
export const HJEMMEL_2G = 'egenandelsforskriften § 10 andre ledd';
export const HJEMMEL_HUSSTAND = 'egenandelsforskriften § 10 tredje ledd';
export const HJEMMEL_UTENFOR_HUSSTANDEN = 'egenandelsforskriften § 10 fjerde ledd';
export const HJEMMEL_AARLIG_OPPDATERING = 'egenandelsforskriften § 10 femte ledd';
/** Kept for callers that name the paragraph as a whole. */
export const HJEMMEL_PARAGRAF_10 = HJEMMEL_INNTEKT;

/**
 * Only spouses or cohabitants, and children under 18 when the help is given because of the child's
 * needs, belong to the household. Refuses a BARN when the vedtak does not say so, naming the field.
 * (The request schema already refuses other person types for this area, and more than one partner.)
 * Also checks that every person the vedtak places outside the household (fjerde ledd) is in the request
 * and is not the applicant.
 */
export function kontrollerHusstand(
  personer: readonly Pick<PersonMedPoster, 'type' | 'identifikator'>[],
  vedtak: Pick<Vedtak, 'hjelpGrunnetBarnsBehov' | 'utenforHusstanden'>,
): void {
  const feil: Feltfeil[] = [];
  if (!hjelpenAnsesYttForeldrene(vedtak)) {
    personer.forEach((p, i) => {
      if (p.type === 'BARN') {
        feil.push({
          felt: `personer.${i}.type`,
          melding:
            'et barn regnes bare med i husstanden når hjelpen ytes på grunnlag av barnets omsorgs- eller pleiebehov (egenandelsforskriften § 10 tredje ledd); sett vedtak.hjelpGrunnetBarnsBehov til true, eller ta barnet ut av forespørselen',
        });
      }
    });
  }
  const sett = new Set<string>();
  vedtak.utenforHusstanden.forEach((u, i) => {
    const felt = `vedtak.utenforHusstanden.${i}.identifikator`;
    const person = personer.find((p) => p.identifikator === u.identifikator);
    if (!person) {
      feil.push({ felt, melding: 'er ikke en av personene i forespørselen' });
    } else if (person.type === 'SOEKER') {
      feil.push({
        felt,
        melding:
          'er søkeren: den som får hjelpen i hjemmet kan ikke regnes ut av sin egen husstand (egenandelsforskriften § 10 fjerde ledd gjelder de andre medlemmene)',
      });
    }
    if (sett.has(u.identifikator)) feil.push({ felt, melding: 'står mer enn én gang' });
    sett.add(u.identifikator);
  });
  if (feil.length > 0) throw new Valideringsfeil(feil);
}

export const UTENFOR_HUSSTANDEN_TEKST: Record<UtenforHusstanden['grunn'], string> = {
  LANGTIDSOPPHOLD: 'betaler egenandel for langtidsopphold etter kapittel 1',
  AVKORTEDE_TRYGDEYTELSER: 'mottar avkortede trygdeytelser på grunn av opphold utenfor hjemmet',
};

export interface Medlemsbidrag {
  identifikator: string;
  type: PersonMedPoster['type'];
  beloep: Beloep;
  /** Set when § 10 fjerde ledd takes the person out of the household: their income is left out. */
  utenfor?: UtenforHusstanden['grunn'];
}

/**
 * Each member's basis and the household's: the sum over the members (no member is floored at 0). A person
 * the vedtak places outside the household (§ 10 fjerde ledd) is listed with their figure but adds nothing.
 */
export function husstandensInntekt(
  blokk: Grunnlagsblokk,
  personer: readonly Pick<PersonMedPoster, 'identifikator' | 'type'>[],
  utenforHusstanden: readonly UtenforHusstanden[] = [],
): { sum: Beloep; perPerson: Medlemsbidrag[] } {
  const bidrag = new Map(perPerson(blokk).map((p) => [p.identifikator, p.beloep]));
  const utenfor = new Map(utenforHusstanden.map((u) => [u.identifikator, u.grunn]));
  const liste = personer.map((p): Medlemsbidrag => {
    const grunn = utenfor.get(p.identifikator);
    return {
      identifikator: p.identifikator,
      type: p.type,
      beloep: bidrag.get(p.identifikator) ?? Beloep.NULL,
      ...(grunn ? { utenfor: grunn } : {}),
    };
  });
  return { sum: Beloep.sum(liste.filter((p) => !p.utenfor).map((p) => p.beloep)), perPerson: liste };
}

/** The explanation of the basis per member, and the household's sum. */
export function husstandLinjer(perPersonListe: readonly Medlemsbidrag[], sum: Beloep): Beregningslinje[] {
  const utenfor = perPersonListe.filter((p) => p.utenfor);
  return [
    {
      tekst: 'Husstandens samlede inntekt',
      operasjon: 'RESULTAT',
      kilde: 'REGEL',
      beloep: sum,
      hjemmel: HJEMMEL_HUSSTAND,
      merknad:
        utenfor.length === 0
          ? 'Summen av hvert husstandsmedlems inntekt etter postene over.'
          : 'Summen av inntekten til hvert husstandsmedlem etter postene over; den som etter vedtaket ikke regnes som medlem av husstanden (§ 10 fjerde ledd), er holdt utenfor.',
      linjer: perPersonListe.map((p) => {
        const navn = `${PERSONTYPE_TEKST[p.type]} ${maskerIdentifikator(p.identifikator)}`;
        return p.utenfor
          ? {
              tekst: `${navn}: regnes ikke som medlem av husstanden, inntekten holdes utenfor`,
              operasjon: 'INFO' as const,
              kilde: 'MANUELL_INPUT' as const,
              beloep: p.beloep,
              hjemmel: HJEMMEL_UTENFOR_HUSSTANDEN,
              merknad: `Etter vedtaket ${UTENFOR_HUSSTANDEN_TEKST[p.utenfor]}.`,
            }
          : {
              tekst: navn,
              operasjon: 'ADDERE' as const,
              kilde: 'REGEL' as const,
              beloep: p.beloep,
            };
      }),
    },
  ];
}

/**
 * The income year § 10 første ledd proposes for an egenandel in the year of `beregningsdato`: «siste
 * tilgjengelige skatteligning pr. 1. januar i det aktuelle året». The skattemelding for year Y − 1 is
 * delivered in the spring of Y, and Skatteetaten (skatteetaten.no, «Skatteoppgjer», read 2026-12-07):
 * «Dei fleste får skatteoppgjeret mellom april og juni, medan andre får det til hausten. Alle får
 * skatteoppgjeret sitt før 1. desember.» So on 1 January of Y every settlement of Y − 2 is there (all
 * before 1 December of Y − 1), and none of Y − 1 yet: the proposed year is Y − 2.
 */
export function foreslaattInntektsaar(beregningsdato: IsoDato): number {
  return aarFor(beregningsdato) - 2;
}

export const INNTEKTSAARSAARSAK_TEKST: Record<Inntektsaarsaarsak, string> = {
  VESENTLIG_ENDRET_INNTEKT: 'inntekten er vesentlig endret (§ 10 første ledd)',
  NY_LIKNING: 'vedtaket oppdateres ut fra nye opplysninger i likningen (§ 10 femte ledd)',
  LIKNING_MANGLER: 'skatteligningen for det foreslåtte året finnes ikke for husstanden',
};

export type Inntektsaarvurdering =
  | { kode: 'FORESLAATT'; foreslaatt: number }
  /** The request names no beregningsdato: «det aktuelle året» is unknown, and the year is not held against it. */
  | { kode: 'UTEN_DATO'; foreslaatt: number }
  | {
      kode: 'ANNET_AAR';
      foreslaatt: number;
      aarsak: Inntektsaarsaarsak;
      forklaring?: string;
      /** True when the case worker gave no reason and the product read one from the text (Y − 1). */
      utledet: boolean;
    };

/**
 * Whether the request's income year is the one § 10 første ledd proposes, and if not, why. A year other
 * than the proposed needs the case worker's reason (`vedtak.inntektsaarBegrunnelse`), with one exception:
 * the settlement of the year before the egenandel's year (Y − 1) is the «nye opplysninger i likning» that
 * femte ledd tells the municipality to update the vedtak with during the year; it is accepted without a
 * reason, and the result says it is that update. A request without a beregningsdato is not refused: the
 * year of the egenandel is then unknown (the product uses today's date only to look up rates), and the
 * result says the income year was not checked.
 */
export function vurderInntektsaar(
  inntektsaar: number,
  beregningsdato: IsoDato,
  beregningsdatoOppgitt: boolean,
  vedtak: Pick<Vedtak, 'inntektsaarBegrunnelse'>,
): Inntektsaarvurdering {
  const foreslaatt = foreslaattInntektsaar(beregningsdato);
  const b = vedtak.inntektsaarBegrunnelse;
  if (inntektsaar === foreslaatt) return { kode: 'FORESLAATT', foreslaatt };
  // Without the vedtak's date the year the egenandel is for is not known; today's date is no vedtak year.
  if (!beregningsdatoOppgitt && !b) return { kode: 'UTEN_DATO', foreslaatt };
  if (b) {
    // «Nye opplysninger i likning» (femte ledd) can only be a settlement newer than the proposed one.
    if (b.aarsak === 'NY_LIKNING' && inntektsaar < foreslaatt) {
      throw new Valideringsfeil([
        {
          felt: 'vedtak.inntektsaarBegrunnelse.aarsak',
          melding: `NY_LIKNING gjelder en nyere likning enn ${foreslaatt} (egenandelsforskriften § 10 femte ledd), men inntektsåret er ${inntektsaar}; velg VESENTLIG_ENDRET_INNTEKT eller LIKNING_MANGLER`,
        },
      ]);
    }
    return {
      kode: 'ANNET_AAR',
      foreslaatt,
      aarsak: b.aarsak,
      ...(b.forklaring ? { forklaring: b.forklaring } : {}),
      utledet: false,
    };
  }
  if (inntektsaar === foreslaatt + 1)
    return { kode: 'ANNET_AAR', foreslaatt, aarsak: 'NY_LIKNING', utledet: true };
  throw new Valideringsfeil([
    {
      felt: 'vedtak.inntektsaarBegrunnelse',
      melding: `mangler: inntektsåret ${inntektsaar} er ikke ${foreslaatt}, den siste skatteligningen som var tilgjengelig 1. januar ${aarFor(beregningsdato)} (egenandelsforskriften § 10 første ledd). Bruk ${foreslaatt}, eller oppgi hvorfor et annet år legges til grunn (aarsak VESENTLIG_ENDRET_INNTEKT, NY_LIKNING eller LIKNING_MANGLER, og en forklaring)`,
    },
  ]);
}

/** The explanation line of the income year. */
export function inntektsaarLinje(
  inntektsaar: number,
  v: Inntektsaarvurdering,
  dato: IsoDato,
): Beregningslinje {
  const aar = aarFor(dato);
  if (v.kode === 'UTEN_DATO') {
    return {
      tekst: `Inntektsår ${inntektsaar}: ikke kontrollert mot vedtaksåret, fordi forespørselen ikke har beregningsdato`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: HJEMMEL_INNTEKT,
      merknad: `Siste skatteligning tilgjengelig 1. januar skal legges til grunn med mindre inntekten er vesentlig endret; for et vedtak i ${aar} er det ${v.foreslaatt}. Oppgi beregningsdato for å få inntektsåret kontrollert.`,
    };
  }
  if (v.kode === 'FORESLAATT') {
    return {
      tekst: `Inntektsår ${inntektsaar}: siste skatteligning tilgjengelig 1. januar ${aar}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: HJEMMEL_INNTEKT,
    };
  }
  return {
    tekst: `Inntektsår ${inntektsaar} i stedet for ${v.foreslaatt} (siste skatteligning tilgjengelig 1. januar ${aar}): ${INNTEKTSAARSAARSAK_TEKST[v.aarsak]}`,
    operasjon: 'INFO',
    kilde: v.utledet ? 'REGEL' : 'MANUELL_INPUT',
    hjemmel: v.aarsak === 'NY_LIKNING' ? HJEMMEL_AARLIG_OPPDATERING : HJEMMEL_INNTEKT,
    merknad: v.utledet
      ? `Saksbehandleren har ikke oppgitt en grunn; ${inntektsaar} er likningen som kom i løpet av ${aar}, og vedtaket regnes som en oppdatering etter § 10 femte ledd. Er grunnen en annen, oppgi den i vedtaket (inntektsaarBegrunnelse).`
      : `Saksbehandlerens begrunnelse${v.forklaring ? `: ${v.forklaring}` : '.'}`,
  };
}

/** 2 G: the income limit below which the national maximum applies. */
export function toG(g: Beloep): Beloep {
  return g.times(2);
}

/** «under 2 G»: strictly below; a household with exactly 2 G is at or above the limit. */
export function erUnder2G(inntekt: Beloep, toGrunnbeloep: Beloep): boolean {
  return inntekt.lessThan(toGrunnbeloep);
}

/** 1 January of the year the egenandel is for (the year of the beregningsdato). */
export function foersteJanuar(beregningsdato: IsoDato): IsoDato {
  return `${beregningsdato.slice(0, 4)}-01-01`;
}

/**
 * G pr. 1. januar i det aktuelle året (§ 10 andre ledd): the G in force on 1 January of the beregningsdato's
 * year, whatever the date in that year. G changes on 1 May, so from 1 May to 31 December this is the G of
 * the year before; the municipality's own brackets (in G) are measured in the same G.
 */
export function grunnbeloepForsteJanuar(
  oppslag: Satsoppslag,
  beregningsdato: IsoDato,
): { g: Beloep; verdi: Tabellverdi<Beloep>; dato: IsoDato } {
  const dato = foersteJanuar(beregningsdato);
  const verdi = oppslag.oppslag(GRUNNBELOEP, dato);
  return { g: verdi.verdi, verdi, dato };
}

/** The national monthly maximum in force on the date (throws UtenforDekning outside the table). */
export function nasjonaltTak(oppslag: Satsoppslag, dato: IsoDato): Tabellverdi<Beloep> {
  return oppslag.oppslag(MAKS_EGENANDEL_UNDER_2G, dato);
}
