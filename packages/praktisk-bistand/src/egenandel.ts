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
  grunnbeloepFor,
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
  HJEMMEL_KOMMUNENS_SATSER,
  HJEMMEL_SELVKOST,
  selvkostPerMaaned,
  type ValgtTrinn,
} from './regler/paragraf9.js';
import { erUnder2G, HJEMMEL_2G, nasjonaltTak, toG } from './regler/paragraf10.js';
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

export type Begrensning = 'NASJONALT_TAK' | 'KOMMUNALT_TRINN' | 'SELVKOST';

export interface Maksgrunnlag {
  /** The household's income (the beregningsbeloep). */
  inntekt: Beloep;
  /** The G the municipality uses. */
  g: Beloep;
  /** The national maximum below 2 G; looked up only when the household is below 2 G. */
  nasjonaltTak: () => Tabellverdi<Beloep>;
  trinn: readonly Trinn[];
  selvkost: Beloep | null;
}

export interface Maksresultat {
  toG: Beloep;
  under2G: boolean;
  grense: Grense;
  /** The lower of the rule's maximum and selvkost, before rounding; null when neither applies. */
  foerAvrunding: Beloep | null;
  /** The most the municipality may charge per month; null when no maximum applies. */
  maks: Beloep | null;
  begrensetAv: Begrensning | null;
}

/**
 * The most the municipality may charge per month: below 2 G the national maximum (§ 10), from 2 G the
 * municipality's own bracket (kapittel 2, trolig § 9), and never more than selvkost.
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
  const foerAvrunding = begrensTilSelvkost(grense.maks, m.selvkost);
  const maks = foerAvrunding ? foerAvrunding.round(AVRUNDING.enhet, AVRUNDING.modus) : null;
  let begrensetAv: Begrensning | null = null;
  if (foerAvrunding) {
    // On a tie the rule's own limit is named: selvkost only "binds" when it is strictly lower.
    if (m.selvkost && (grense.maks === null || m.selvkost.lessThan(grense.maks))) begrensetAv = 'SELVKOST';
    else begrensetAv = grense.kode === 'NASJONALT_TAK_UNDER_2G' ? 'NASJONALT_TAK' : 'KOMMUNALT_TRINN';
  }
  return { toG: to, under2G, grense, foerAvrunding, maks, begrensetAv };
}

export interface Selvkost {
  timerPerMaaned: Sats;
  kostnadPerTime: Beloep;
  kostnadFra: 'VEDTAK' | 'KOMMUNEINNSTILLING';
  perMaaned: Beloep;
}

/** Selvkost from the vedtak's hours and the cost per hour of the vedtak or, failing that, the settings. */
export function selvkostFra(
  vedtak: Pick<Vedtak, 'timerPerMaaned' | 'kostnadPerTime'>,
  innstillinger: Pick<Innstillinger, 'selvkostPerTime'>,
): Selvkost | null {
  if (vedtak.timerPerMaaned === undefined) return null;
  const kostnad = vedtak.kostnadPerTime ?? innstillinger.selvkostPerTime;
  if (!kostnad) {
    throw new Valideringsfeil([
      {
        felt: 'vedtak.kostnadPerTime',
        melding:
          'mangler: vedtaket gir timer per måned, men ingen kostnad per time; oppgi kostnadPerTime, eller sett kommuneinnstillingen selvkostPerTime',
      },
    ]);
  }
  return {
    timerPerMaaned: vedtak.timerPerMaaned,
    kostnadPerTime: kostnad,
    kostnadFra: vedtak.kostnadPerTime ? 'VEDTAK' : 'KOMMUNEINNSTILLING',
    perMaaned: selvkostPerMaaned(vedtak.timerPerMaaned, kostnad),
  };
}

/** An amount for a sentence: whole kroner when whole, else øre (rounded half-even for display only). */
function kr(b: Beloep): string {
  return b.isWhole('KRONE') ? b.format({ desimaler: 0 }) : b.round('OERE', 'HALF_EVEN').format();
}

function antallG(s: Sats): string {
  return `${s.toString().replace('.', ',')} G`;
}

const GRUNNBELOEP_VALG = ['PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET'] as const;
const GRENSEKODER = ['NASJONALT_TAK_UNDER_2G', 'KOMMUNALT_TRINN', 'INGEN_KOMMUNALE_TRINN'] as const;

/** The JSON form of the fee, under `egenandel` in the result. */
export const egenandelJsonSkjema = z
  .object({
    maksPerMaaned: z.number().nonnegative().nullable(),
    ingenMaksGrunn: z.string().optional(),
    under2G: z.boolean(),
    husstandensInntekt: z.number(),
    grunnbeloep: z.object({ beloep: z.number(), valg: z.enum(GRUNNBELOEP_VALG), forklaring: z.string() }),
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
        timerPerMaaned: z.number(),
        kostnadPerTime: z.number(),
        kostnadFra: z.enum(['VEDTAK', 'KOMMUNEINNSTILLING']),
        perMaaned: z.number(),
      })
      .nullable(),
    begrensetAv: z.enum(['NASJONALT_TAK', 'KOMMUNALT_TRINN', 'SELVKOST']).nullable(),
    avrunding: z.string(),
  })
  .strict();

export type EgenandelJson = z.infer<typeof egenandelJsonSkjema>;

function begrunnelse(r: Maksresultat, inntekt: Beloep, g: Beloep): string {
  const innt = `Husstandens inntekt (${kr(inntekt)})`;
  switch (r.grense.kode) {
    case 'NASJONALT_TAK_UNDER_2G':
      return `${innt} er under 2 G (${kr(r.toG)}): den nasjonale høyeste egenandelen fra ${formaterDatoKort(r.grense.tak.gyldigFra)} gjelder.`;
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
  const { vedtak, innstillinger, oppslag, beregningsdato } = input;
  const selvkost = selvkostFra(vedtak, innstillinger);
  const inntekt = grunnlag.beregningsbeloep;
  const { g, forklaring } = grunnbeloepFor(oppslag, beregningsdato, innstillinger.grunnbeloep);
  const r = maksEgenandel({
    inntekt,
    g,
    nasjonaltTak: () => nasjonaltTak(oppslag, beregningsdato),
    trinn: innstillinger.trinnOver2G,
    selvkost: selvkost?.perMaaned ?? null,
  });

  const linjer: Beregningslinje[] = [];
  const advarsler: Advarsel[] = [];
  if (hjelpenAnsesYttForeldrene(vedtak)) linjer.push(barnetsBehovLinje());
  linjer.push(
    {
      tekst: `Grunnbeløpet: ${forklaring}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: g,
      hjemmel: 'folketrygdloven § 1-4',
      ...(innstillinger.grunnbeloep === 'GJENNOMSNITT_FOR_AARET'
        ? { merknad: 'Kommuneinnstilling grunnbeloep: gjennomsnittlig G for året.' }
        : {}),
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
      tekst: `Nasjonal høyeste egenandel per måned under 2 G (fra ${formaterDatoKort(grense.tak.gyldigFra)})`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: grense.maks,
      hjemmel: grense.tak.kilde.hjemmel ?? HJEMMEL_2G,
      merknad: `Kilde: ${grense.tak.kilde.tittel}${grense.tak.kilde.konfidens ? ` (konfidens ${grense.tak.kilde.konfidens})` : ''}.`,
    });
    if (grense.tak.kilde.konfidens === 'C') {
      advarsler.push({
        kode: 'SATS_EN_KILDE',
        melding: `Den nasjonale satsen fra ${formaterDatoKort(grense.tak.gyldigFra)} (${kr(grense.maks)}) bygger på én kilde (konfidens C). Kontroller den mot rundskrivet fra Helse- og omsorgsdepartementet.`,
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
      merknad: 'Kommuneinnstilling trinnOver2G.',
    });
    const tak = nasjonaltTakOmKjent(oppslag, beregningsdato);
    if (tak && grense.maks.lessThan(tak.verdi)) {
      // The settings are dated by nothing, the national rate by the date: a bracket that was above
      // the rate when it was set can fall below it later. Then a household just under 2 G pays more
      // than one at 2 G, which the forskrift hardly intends; the case worker should see it.
      advarsler.push({
        kode: 'TRINN_UNDER_NASJONALT_TAK',
        melding: `Kommunens trinn fra ${antallG(trinn.fraOgMedG)} (${kr(grense.maks)} per måned) er lavere enn den nasjonale høyeste egenandelen under 2 G fra ${formaterDatoKort(tak.gyldigFra)} (${kr(tak.verdi)}). En husstand under 2 G kan da betale mer enn en med høyere inntekt. Kontroller kommuneinnstillingen trinnOver2G.`,
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
    linjer.push({
      tekst: `Selvkost: ${selvkost.timerPerMaaned.toString().replace('.', ',')} timer × ${kr(selvkost.kostnadPerTime)} per time`,
      operasjon: 'MULTIPLISERE',
      kilde: selvkost.kostnadFra === 'VEDTAK' ? 'MANUELL_INPUT' : 'KOMMUNE',
      beloep: selvkost.perMaaned,
      hjemmel: HJEMMEL_SELVKOST,
      merknad: `${TIMER_GJELDER}${selvkost.kostnadFra === 'KOMMUNEINNSTILLING' ? ' Kostnad per time fra kommuneinnstillingen selvkostPerTime.' : ''}`,
    });
    if (grense.maks) {
      linjer.push({
        tekst: 'Det laveste av grensen og selvkost',
        operasjon: 'MINIMUM',
        kilde: 'REGEL',
        beloep: r.foerAvrunding ?? undefined,
        hjemmel: HJEMMEL_SELVKOST,
      });
    }
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
    r.begrensetAv === 'SELVKOST'
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

  const hovedtall: Hovedtall[] = [];
  if (r.maks) hovedtall.push({ tekst: 'Høyeste egenandel per måned', beloep: r.maks, hjemmel: hjemmelMaks });
  hovedtall.push({ tekst: '2 G (inntektsgrense)', beloep: r.toG, hjemmel: HJEMMEL_2G });

  const json: EgenandelJson = {
    maksPerMaaned: r.maks ? r.maks.toJsonNumber() : null,
    ...(ingenMaksGrunn ? { ingenMaksGrunn } : {}),
    under2G: r.under2G,
    husstandensInntekt: inntekt.toJsonNumber(),
    grunnbeloep: { beloep: g.toJsonNumber(), valg: innstillinger.grunnbeloep, forklaring },
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
          timerPerMaaned: Number(selvkost.timerPerMaaned.toString()),
          kostnadPerTime: selvkost.kostnadPerTime.toJsonNumber(),
          kostnadFra: selvkost.kostnadFra,
          perMaaned: selvkost.perMaaned.round(AVRUNDING.enhet, AVRUNDING.modus).toJsonNumber(),
        }
      : null,
    begrensetAv: r.begrensetAv,
    avrunding: 'Ned til hele øre (en grense for betaling rundes aldri opp)',
  };
  return { json, hovedtall, linjer, advarsler };
}
