import type {
  Advarsel,
  Avgiftsresultat,
  Beregningsinput,
  Grunnlagsresultat,
  Hovedtall,
} from '@inntektsgrunnlag/beregning';
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import type { Beloep, Sats } from '@inntektsgrunnlag/money';
import {
  type Beregningslinje,
  formaterDatoKort,
  type IsoDato,
  type Satsoppslag,
  type Tabellverdi,
  UtenforDekning,
} from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';
import type { Innstillinger, Trinn } from './innstillinger.js';
import { barnetsBehovLinje, hjelpenAnsesYttForeldrene, TIMER_GJELDER } from './regler/paragraf8.js';
import {
  begrensTilSelvkost,
  finnTrinn,
  HJEMMEL_BEHOLDE_TILSTREKKELIG,
  HJEMMEL_KOMMUNENS_SATSER,
  HJEMMEL_SELVKOST,
  HJEMMEL_SELVKOST_BEREGNING,
  rundTilHalvtime,
  selvkostPerMaaned,
  timekostnad,
  type ValgtTrinn,
} from './regler/paragraf9.js';
import {
  erUnder2G,
  grunnbeloepForsteJanuar,
  HJEMMEL_2G,
  inntektsaarLinje,
  nasjonaltTak,
  toG,
  vurderInntektsaar,
} from './regler/paragraf10.js';
import type { Vedtak } from './vedtak.js';

/**
 * The maximum is a limit on a charge to a citizen: it is never rounded up. Selvkost (hours × cost)
 * may carry fractions of an øre; the result is rounded down to whole øre. National rates and the
 * municipality's brackets are already whole øre, so only selvkost is ever affected.
 */
export const AVRUNDING = { enhet: 'OERE', modus: 'DOWN' } as const;

export type Grense =
  | { kode: 'NASJONALT_TAK_UNDER_2G'; maks: Beloep; tak: Tabellverdi<Beloep> }
  | { kode: 'KOMMUNALT_TRINN'; maks: Beloep; valgt: ValgtTrinn }
  | { kode: 'INGEN_KOMMUNALE_TRINN'; maks: null };

export type Begrensning = 'NASJONALT_TAK' | 'KOMMUNALT_TRINN' | 'SELVKOST' | 'BEHOLDE_TILSTREKKELIG';

export interface Maksgrunnlag {
  /** The household's income (the beregningsbeloep). */
  inntekt: Beloep;
  /** G pr. 1. januar in the year of the egenandel (§ 10 andre ledd). */
  g: Beloep;
  /** The national maximum below 2 G; looked up only when the household is below 2 G. */
  nasjonaltTak: () => Tabellverdi<Beloep>;
  trinn: readonly Trinn[];
  selvkost: Beloep | null;
  /** The case worker's ceiling under § 9 tredje ledd, when given. */
  beholderTilstrekkelig?: Beloep | null;
}

export interface Maksresultat {
  toG: Beloep;
  under2G: boolean;
  grense: Grense;
  /** The lowest of the rule's maximum, selvkost and the § 9 tredje ledd ceiling, before rounding. */
  foerAvrunding: Beloep | null;
  /** The most the municipality may charge per month; null when no maximum applies. */
  maks: Beloep | null;
  begrensetAv: Begrensning | null;
}

/**
 * The most the municipality may charge per month: below 2 G the national utgiftstak (§ 10 andre ledd),
 * from 2 G the municipality's own bracket (§ 8 første ledd), never more than selvkost (§ 9 første ledd),
 * and never more than the case worker's § 9 tredje ledd ceiling when one is given.
 */
export function maksEgenandel(m: Maksgrunnlag): Maksresultat {
  const to = toG(m.g);
  const under2G = erUnder2G(m.inntekt, to);
  let grense: Grense;
  if (under2G) {
    const tak = m.nasjonaltTak();
    grense = { kode: 'NASJONALT_TAK_UNDER_2G', maks: tak.verdi, tak };
  } else {
    const valgt = finnTrinn(m.inntekt, m.g, m.trinn);
    grense = valgt
      ? { kode: 'KOMMUNALT_TRINN', maks: valgt.trinn.maksPerMaaned, valgt }
      : { kode: 'INGEN_KOMMUNALE_TRINN', maks: null };
  }
  const medSelvkost = begrensTilSelvkost(grense.maks, m.selvkost);
  const beholder = m.beholderTilstrekkelig ?? null;
  const foerAvrunding = begrensTilSelvkost(medSelvkost, beholder);
  const maks = foerAvrunding ? foerAvrunding.round(AVRUNDING.enhet, AVRUNDING.modus) : null;
  let begrensetAv: Begrensning | null = null;
  if (foerAvrunding) {
    // On a tie the rule's own limit is named: selvkost (or the § 9 tredje ledd ceiling) only "binds" when
    // it is strictly lower than every limit before it.
    if (beholder && (medSelvkost === null || beholder.lessThan(medSelvkost)))
      begrensetAv = 'BEHOLDE_TILSTREKKELIG';
    else if (m.selvkost && (grense.maks === null || m.selvkost.lessThan(grense.maks)))
      begrensetAv = 'SELVKOST';
    else begrensetAv = grense.kode === 'NASJONALT_TAK_UNDER_2G' ? 'NASJONALT_TAK' : 'KOMMUNALT_TRINN';
  }
  return { toG: to, under2G, grense, foerAvrunding, maks, begrensetAv };
}

export type Kostnadskilde = 'VEDTAK' | 'KOMMUNEINNSTILLING' | 'SELVKOSTGRUNNLAG';

export interface Selvkost {
  /** The hours the vedtak gives, as given. */
  timerOppgitt: Sats;
  /** «rundes av til nærmeste halvtime» (§ 9 andre ledd). */
  timerPerMaaned: Sats;
  kostnadPerTime: Beloep;
  kostnadFra: Kostnadskilde;
  perMaaned: Beloep;
}

/**
 * Selvkost from the vedtak's hours (rounded to the nearest half hour) and the cost per hour of the vedtak
 * or, failing that, the settings: a cost per hour, or the wage and social costs it is computed from.
 */
export function selvkostFra(
  vedtak: Pick<Vedtak, 'timerPerMaaned' | 'kostnadPerTime'>,
  innstillinger: Pick<Innstillinger, 'selvkostPerTime' | 'selvkostgrunnlag'>,
): Selvkost | null {
  if (vedtak.timerPerMaaned === undefined) return null;
  let kostnad: Beloep;
  let kostnadFra: Kostnadskilde;
  if (vedtak.kostnadPerTime) {
    kostnad = vedtak.kostnadPerTime;
    kostnadFra = 'VEDTAK';
  } else if (innstillinger.selvkostPerTime) {
    kostnad = innstillinger.selvkostPerTime;
    kostnadFra = 'KOMMUNEINNSTILLING';
  } else if (innstillinger.selvkostgrunnlag) {
    const g = innstillinger.selvkostgrunnlag;
    kostnad = timekostnad(g.gjennomsnittligTimeloenn, g.sosialeUtgifter);
    kostnadFra = 'SELVKOSTGRUNNLAG';
  } else {
    throw new Valideringsfeil([
      {
        felt: 'vedtak.kostnadPerTime',
        melding:
          'mangler: vedtaket gir timer per måned, men ingen kostnad per time; oppgi kostnadPerTime, eller sett kommuneinnstillingen selvkostPerTime eller selvkostgrunnlag',
      },
    ]);
  }
  const timer = rundTilHalvtime(vedtak.timerPerMaaned);
  return {
    timerOppgitt: vedtak.timerPerMaaned,
    timerPerMaaned: timer,
    kostnadPerTime: kostnad,
    kostnadFra,
    perMaaned: selvkostPerMaaned(timer, kostnad),
  };
}

/** An amount for a sentence: whole kroner when whole, else øre (rounded half-even for display only). */
function kr(b: Beloep): string {
  return b.isWhole('KRONE') ? b.format({ desimaler: 0 }) : b.round('OERE', 'HALF_EVEN').format();
}

function antallG(s: Sats): string {
  return `${s.toString().replace('.', ',')} G`;
}

const GRENSEKODER = ['NASJONALT_TAK_UNDER_2G', 'KOMMUNALT_TRINN', 'INGEN_KOMMUNALE_TRINN'] as const;

/** The JSON form of the fee, under `egenandel` in the result. */
export const egenandelJsonSkjema = z
  .object({
    maksPerMaaned: z.number().nonnegative().nullable(),
    ingenMaksGrunn: z.string().optional(),
    /** The municipality's price held against the maximum, when the vedtak gives it. */
    pris: z
      .object({
        prisPerMaaned: z.number(),
        egenandelPerMaaned: z.number(),
        nedsatt: z.boolean(),
        forklaring: z.string(),
      })
      .optional(),
    under2G: z.boolean(),
    husstandensInntekt: z.number(),
    inntektsaar: z.object({
      brukt: z.number().int(),
      foreslaatt: z.number().int(),
      aarsak: z.enum(['VESENTLIG_ENDRET_INNTEKT', 'NY_LIKNING', 'LIKNING_MANGLER']).optional(),
      /** False when the request had no beregningsdato, so the year could not be held against the vedtak's. */
      kontrollert: z.boolean(),
      forklaring: z.string().optional(),
      aarsakUtledet: z.boolean().optional(),
      hjemmel: z.string(),
    }),
    utenforHusstanden: z.array(
      z.object({ identifikator: z.string(), grunn: z.enum(['LANGTIDSOPPHOLD', 'AVKORTEDE_TRYGDEYTELSER']) }),
    ),
    grunnbeloep: z.object({
      beloep: z.number(),
      dato: z.string(),
      forklaring: z.string(),
      hjemmel: z.string(),
    }),
    toG: z.number(),
    trinn: z.object({
      kode: z.enum(GRENSEKODER),
      maksPerMaaned: z.number().nullable(),
      fraOgMedG: z.number().optional(),
      tilG: z.number().nullable().optional(),
      gyldigFra: z.string().optional(),
      begrunnelse: z.string(),
      hjemmel: z.string(),
    }),
    selvkost: z
      .object({
        timerOppgitt: z.number(),
        timerPerMaaned: z.number(),
        kostnadPerTime: z.number(),
        kostnadFra: z.enum(['VEDTAK', 'KOMMUNEINNSTILLING', 'SELVKOSTGRUNNLAG']),
        perMaaned: z.number(),
      })
      .nullable(),
    beholderTilstrekkeligMaks: z.number().nullable(),
    begrensetAv: z.enum(['NASJONALT_TAK', 'KOMMUNALT_TRINN', 'SELVKOST', 'BEHOLDE_TILSTREKKELIG']).nullable(),
    avrunding: z.string(),
  })
  .strict();

export type EgenandelJson = z.infer<typeof egenandelJsonSkjema>;

function begrunnelse(r: Maksresultat, inntekt: Beloep, g: Beloep): string {
  const innt = `Husstandens inntekt (${kr(inntekt)})`;
  switch (r.grense.kode) {
    case 'NASJONALT_TAK_UNDER_2G':
      return `${innt} er under 2 G (${kr(r.toG)}): det nasjonale utgiftstaket fra ${formaterDatoKort(r.grense.tak.gyldigFra)} gjelder (§ 10 andre ledd).`;
    case 'KOMMUNALT_TRINN': {
      const { trinn, tilG } = r.grense.valgt;
      const fra = `fra og med ${antallG(trinn.fraOgMedG)} (${kr(g.times(trinn.fraOgMedG))})`;
      const til = tilG ? ` og under ${antallG(tilG)} (${kr(g.times(tilG))})` : '';
      return `${innt} er ${fra}${til}: kommunens trinn gjelder.`;
    }
    case 'INGEN_KOMMUNALE_TRINN':
      return `${innt} er 2 G (${kr(r.toG)}) eller mer, og kommunen har ikke lagt inn egne trinn (kommuneinnstillingen trinnOver2G).`;
  }
}

/** The national rate on the date, or null when the tables do not cover it (it is then not needed). */
function nasjonaltTakOmKjent(oppslag: Satsoppslag, dato: IsoDato): Tabellverdi<Beloep> | null {
  try {
    return nasjonaltTak(oppslag, dato);
  } catch (e) {
    if (e instanceof UtenforDekning) return null;
    throw e;
  }
}

/** The fee: the maximum per month, its JSON form, the explanation lines and the warnings. */
export function beregnEgenandel(
  input: Beregningsinput<Vedtak, Innstillinger>,
  grunnlag: Grunnlagsresultat,
): Avgiftsresultat {
  const { vedtak, innstillinger, oppslag, beregningsdato, inntektsaar } = input;
  const aarsvurdering = vurderInntektsaar(inntektsaar, beregningsdato, input.beregningsdatoOppgitt, vedtak);
  const selvkost = selvkostFra(vedtak, innstillinger);
  const inntekt = grunnlag.beregningsbeloep;
  const { g, verdi: gVerdi, dato: gDato } = grunnbeloepForsteJanuar(oppslag, beregningsdato);
  const gForklaring = `G pr. 1. januar ${gDato.slice(0, 4)} (gjeldende fra ${formaterDatoKort(gVerdi.gyldigFra)})`;
  const r = maksEgenandel({
    inntekt,
    g,
    // A method, not an arrow function: under tsx a named arrow made per calculation costs a `__name` call.
    nasjonaltTak() {
      return nasjonaltTak(oppslag, beregningsdato); // the module function of that name
    },
    trinn: innstillinger.trinnOver2G,
    selvkost: selvkost?.perMaaned ?? null,
    beholderTilstrekkelig: vedtak.beholderTilstrekkeligMaks ?? null,
  });

  const linjer: Beregningslinje[] = [];
  const advarsler: Advarsel[] = [];
  if (innstillinger.grunnbeloep !== undefined) {
    advarsler.push({
      kode: 'INNSTILLING_GRUNNBELOEP_FJERNET',
      melding: `Kommuneinnstillingen grunnbeloep (${innstillinger.grunnbeloep}) er fjernet og brukes ikke: egenandelsforskriften § 10 andre ledd bestemmer at G pr. 1. januar i det aktuelle året legges til grunn. Ta innstillingen ut av kommunens fil.`,
    });
  }
  const aarslinje = inntektsaarLinje(inntektsaar, aarsvurdering, beregningsdato);
  linjer.push(aarslinje);
  if (hjelpenAnsesYttForeldrene(vedtak)) linjer.push(barnetsBehovLinje());
  linjer.push(
    {
      tekst: `Grunnbeløpet: ${gForklaring}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: g,
      hjemmel: HJEMMEL_2G,
      merknad: `«Til grunn for fastsetting av utgiftstaket legges G pr. 1. januar i det aktuelle året.» Beløpet er G etter folketrygdloven § 1-4 slik det gjaldt ${formaterDatoKort(gDato)}.`,
    },
    {
      tekst: '2 G (inntektsgrensen)',
      operasjon: 'MULTIPLISERE',
      kilde: 'REGEL',
      beloep: r.toG,
      hjemmel: HJEMMEL_2G,
    },
    {
      tekst: r.under2G ? 'Husstandens inntekt er under 2 G' : 'Husstandens inntekt er 2 G eller mer',
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: inntekt,
    },
  );

  const grense = r.grense;
  if (grense.kode === 'NASJONALT_TAK_UNDER_2G') {
    linjer.push({
      tekst: `Nasjonalt utgiftstak per måned under 2 G (fra ${formaterDatoKort(grense.tak.gyldigFra)})`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: grense.maks,
      hjemmel: grense.tak.kilde.hjemmel ?? HJEMMEL_2G,
      merknad: `Kilde: ${grense.tak.kilde.tittel}${grense.tak.kilde.konfidens ? ` (konfidens ${grense.tak.kilde.konfidens})` : ''}.`,
    });
    if (grense.tak.kilde.konfidens === 'C') {
      advarsler.push({
        kode: 'SATS_EN_KILDE',
        melding: `Den nasjonale satsen fra ${formaterDatoKort(grense.tak.gyldigFra)} (${kr(grense.maks)}) bygger på én kilde (konfidens C). Kontroller den mot egenandelsforskriften § 10 andre ledd slik den lød det året.`,
      });
    }
  } else if (grense.kode === 'KOMMUNALT_TRINN') {
    const { trinn, tilG } = grense.valgt;
    linjer.push({
      tekst: `Kommunens trinn fra ${antallG(trinn.fraOgMedG)}${tilG ? ` til ${antallG(tilG)}` : ' og over'}`,
      operasjon: 'INFO',
      kilde: 'KOMMUNE',
      beloep: grense.maks,
      hjemmel: HJEMMEL_KOMMUNENS_SATSER,
      merknad: 'Kommuneinnstilling trinnOver2G, regnet i G pr. 1. januar.',
    });
    const tak = nasjonaltTakOmKjent(oppslag, beregningsdato);
    if (tak && grense.maks.lessThan(tak.verdi)) {
      // The settings are dated by nothing, the national rate by the date: a bracket that was above
      // the rate when it was set can fall below it later. Then a household just under 2 G pays more
      // than one at 2 G, which the forskrift hardly intends; the case worker should see it.
      advarsler.push({
        kode: 'TRINN_UNDER_NASJONALT_TAK',
        melding: `Kommunens trinn fra ${antallG(trinn.fraOgMedG)} (${kr(grense.maks)} per måned) er lavere enn det nasjonale utgiftstaket under 2 G fra ${formaterDatoKort(tak.gyldigFra)} (${kr(tak.verdi)}). En husstand under 2 G kan da betale mer enn en med høyere inntekt. Kontroller kommuneinnstillingen trinnOver2G.`,
      });
    }
  } else {
    linjer.push({
      tekst: 'Kommunen har ingen egne trinn fra 2 G',
      operasjon: 'INFO',
      kilde: 'KOMMUNE',
      hjemmel: HJEMMEL_KOMMUNENS_SATSER,
      merknad: 'Kommuneinnstilling trinnOver2G er tom (standard).',
    });
    advarsler.push({
      kode: 'INGEN_KOMMUNALE_TRINN',
      melding: `Husstandens inntekt er 2 G eller mer, og kommunen har ikke lagt inn egne satser for slike husstander (kommuneinnstillingen trinnOver2G). Egenandelen er da bare begrenset av selvkost${selvkost ? ` (${kr(selvkost.perMaaned.round(AVRUNDING.enhet, AVRUNDING.modus))} per måned)` : '; vedtaket oppgir ikke timer og kostnad per time, så ingen øvre grense er beregnet'}.`,
    });
  }

  if (selvkost) {
    if (selvkost.kostnadFra === 'SELVKOSTGRUNNLAG' && innstillinger.selvkostgrunnlag) {
      const sg = innstillinger.selvkostgrunnlag;
      linjer.push({
        tekst: `Selvkost per time: (${kr(sg.gjennomsnittligTimeloenn)} timelønn + ${kr(sg.sosialeUtgifter)} sosiale utgifter) + 10 % administrasjon`,
        operasjon: 'MULTIPLISERE',
        kilde: 'KOMMUNE',
        beloep: selvkost.kostnadPerTime,
        hjemmel: HJEMMEL_SELVKOST_BEREGNING,
        merknad: 'Kommuneinnstilling selvkostgrunnlag.',
      });
    }
    const avrundet = !selvkost.timerPerMaaned.equals(selvkost.timerOppgitt);
    linjer.push({
      tekst: `Selvkost: ${timer(selvkost.timerPerMaaned)} timer × ${kr(selvkost.kostnadPerTime)} per time`,
      operasjon: 'MULTIPLISERE',
      kilde: selvkost.kostnadFra === 'VEDTAK' ? 'MANUELL_INPUT' : 'KOMMUNE',
      beloep: selvkost.perMaaned,
      hjemmel: avrundet ? HJEMMEL_SELVKOST_BEREGNING : HJEMMEL_SELVKOST,
      merknad: `${TIMER_GJELDER}${avrundet ? ` Vedtakets ${timer(selvkost.timerOppgitt)} timer er rundet av til nærmeste halvtime (§ 9 andre ledd).` : ''}${selvkost.kostnadFra === 'KOMMUNEINNSTILLING' ? ' Kostnad per time fra kommuneinnstillingen selvkostPerTime.' : ''} Er tjenesten et abonnement, er dette også taket for abonnementsprisen for måneden (§ 9 første ledd).`,
    });
    if (grense.maks) {
      linjer.push({
        tekst: 'Det laveste av grensen og selvkost',
        operasjon: 'MINIMUM',
        kilde: 'REGEL',
        beloep: begrensTilSelvkost(grense.maks, selvkost.perMaaned) ?? undefined,
        hjemmel: HJEMMEL_SELVKOST,
      });
    }
  }
  if (vedtak.beholderTilstrekkeligMaks) {
    linjer.push({
      tekst: 'Det personen kan betale og likevel beholde nok til personlige behov og forsørgeransvar',
      operasjon: 'MINIMUM',
      kilde: 'MANUELL_INPUT',
      beloep: vedtak.beholderTilstrekkeligMaks,
      hjemmel: HJEMMEL_BEHOLDE_TILSTREKKELIG,
      merknad: 'Saksbehandlerens vurdering i vedtaket (beholderTilstrekkeligMaks).',
    });
  }
  if (r.maks && r.foerAvrunding && !r.maks.equals(r.foerAvrunding)) {
    linjer.push({
      tekst: 'Avrundet ned til hele øre',
      operasjon: 'AVRUNDE',
      kilde: 'REGEL',
      beloep: r.maks,
      merknad: 'Avrundes alltid ned, så grensen aldri overstiger selvkost.',
    });
  }

  const ingenMaksGrunn =
    r.maks === null
      ? 'Husstandens inntekt er 2 G eller mer, kommunen har ikke lagt inn egne trinn (trinnOver2G), og vedtaket oppgir ikke selvkost (timerPerMaaned og kostnadPerTime). Da gjelder ingen beløpsgrense utover at egenandelen ikke kan overstige det tjenesten koster å produsere.'
      : undefined;
  const hjemmelMaks =
    r.begrensetAv === 'BEHOLDE_TILSTREKKELIG'
      ? HJEMMEL_BEHOLDE_TILSTREKKELIG
      : r.begrensetAv === 'SELVKOST'
        ? HJEMMEL_SELVKOST
        : r.begrensetAv === 'KOMMUNALT_TRINN'
          ? HJEMMEL_KOMMUNENS_SATSER
          : HJEMMEL_2G;
  linjer.push(
    r.maks
      ? {
          tekst: 'Høyeste egenandel per måned',
          operasjon: 'RESULTAT',
          kilde: 'REGEL',
          beloep: r.maks,
          hjemmel: hjemmelMaks,
        }
      : {
          tekst: 'Ingen øvre grense for egenandelen er beregnet',
          operasjon: 'INFO',
          kilde: 'REGEL',
          merknad: ingenMaksGrunn,
        },
  );

  const pris = prisMotGrensen(vedtak.prisPerMaaned, r.maks);
  if (pris) {
    linjer.push({
      tekst: pris.nedsatt
        ? 'Kommunens pris er høyere enn grensen: egenandelen settes ned til grensen'
        : 'Kommunens pris er innenfor grensen',
      operasjon: 'RESULTAT',
      kilde: 'MANUELL_INPUT',
      beloep: pris.egenandel,
      hjemmel: hjemmelMaks,
      merknad: pris.forklaring,
    });
  }

  const hovedtall: Hovedtall[] = [];
  if (pris) hovedtall.push({ tekst: 'Egenandel per måned', beloep: pris.egenandel, hjemmel: hjemmelMaks });
  if (r.maks) hovedtall.push({ tekst: 'Høyeste egenandel per måned', beloep: r.maks, hjemmel: hjemmelMaks });
  hovedtall.push({ tekst: '2 G (inntektsgrense)', beloep: r.toG, hjemmel: HJEMMEL_2G });

  const json: EgenandelJson = {
    maksPerMaaned: r.maks ? r.maks.toJsonNumber() : null,
    ...(ingenMaksGrunn ? { ingenMaksGrunn } : {}),
    ...(pris && vedtak.prisPerMaaned
      ? {
          pris: {
            prisPerMaaned: vedtak.prisPerMaaned.toJsonNumber(),
            egenandelPerMaaned: pris.egenandel.toJsonNumber(),
            nedsatt: pris.nedsatt,
            forklaring: pris.forklaring,
          },
        }
      : {}),
    under2G: r.under2G,
    husstandensInntekt: inntekt.toJsonNumber(),
    inntektsaar: {
      brukt: inntektsaar,
      foreslaatt: aarsvurdering.foreslaatt,
      kontrollert: aarsvurdering.kode !== 'UTEN_DATO',
      ...(aarsvurdering.kode === 'ANNET_AAR'
        ? {
            aarsak: aarsvurdering.aarsak,
            ...(aarsvurdering.forklaring ? { forklaring: aarsvurdering.forklaring } : {}),
            aarsakUtledet: aarsvurdering.utledet,
          }
        : {}),
      hjemmel: aarslinje.hjemmel ?? HJEMMEL_2G,
    },
    utenforHusstanden: vedtak.utenforHusstanden.map((u) => ({
      identifikator: u.identifikator,
      grunn: u.grunn,
    })),
    grunnbeloep: { beloep: g.toJsonNumber(), dato: gDato, forklaring: gForklaring, hjemmel: HJEMMEL_2G },
    toG: r.toG.toJsonNumber(),
    trinn: {
      kode: grense.kode,
      maksPerMaaned: grense.maks ? grense.maks.toJsonNumber() : null,
      ...(grense.kode === 'KOMMUNALT_TRINN'
        ? {
            fraOgMedG: Number(grense.valgt.trinn.fraOgMedG.toString()),
            tilG: grense.valgt.tilG ? Number(grense.valgt.tilG.toString()) : null,
          }
        : {}),
      ...(grense.kode === 'NASJONALT_TAK_UNDER_2G' ? { gyldigFra: grense.tak.gyldigFra } : {}),
      begrunnelse: begrunnelse(r, inntekt, g),
      hjemmel: grense.kode === 'NASJONALT_TAK_UNDER_2G' ? HJEMMEL_2G : HJEMMEL_KOMMUNENS_SATSER,
    },
    selvkost: selvkost
      ? {
          timerOppgitt: Number(selvkost.timerOppgitt.toString()),
          timerPerMaaned: Number(selvkost.timerPerMaaned.toString()),
          kostnadPerTime: selvkost.kostnadPerTime.toJsonNumber(),
          kostnadFra: selvkost.kostnadFra,
          perMaaned: selvkost.perMaaned.round(AVRUNDING.enhet, AVRUNDING.modus).toJsonNumber(),
        }
      : null,
    beholderTilstrekkeligMaks: vedtak.beholderTilstrekkeligMaks?.toJsonNumber() ?? null,
    begrensetAv: r.begrensetAv,
    avrunding: 'Ned til hele øre (en grense for betaling rundes aldri opp)',
  };
  return { json, hovedtall, linjer, advarsler };
}

/**
 * The municipality's price held against the maximum: the charge is the price, or the maximum when the
 * price is above it (§ 9 første ledd, § 10 andre ledd). The maximum is already whole øre, rounded down.
 */
function prisMotGrensen(
  pris: Beloep | undefined,
  maks: Beloep | null,
): { egenandel: Beloep; nedsatt: boolean; forklaring: string } | null {
  if (pris === undefined) return null;
  if (maks === null || pris.lessThanOrEqual(maks)) {
    return {
      egenandel: pris,
      nedsatt: false,
      forklaring:
        maks === null
          ? `Kommunens pris (${kr(pris)} per måned) kan ikke holdes mot noen beregnet grense: oppgi selvkost (timer og kostnad per time) for å kontrollere den mot § 9 første ledd.`
          : `Kommunens pris (${kr(pris)} per måned) er ikke høyere enn den høyeste egenandelen (${kr(maks)}).`,
    };
  }
  return {
    egenandel: maks,
    nedsatt: true,
    forklaring: `Kommunens pris (${kr(pris)} per måned) er høyere enn den høyeste egenandelen (${kr(maks)}); det kan ikke kreves mer enn grensen.`,
  };
}

function timer(s: Sats): string {
  return s.toString().replace('.', ',');
}
