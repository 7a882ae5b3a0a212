import type {
  Advarsel,
  Avgiftsresultat,
  Beregningsinput,
  Grunnlagsresultat,
  Hovedtall,
} from '@inntektsgrunnlag/beregning';
import type { Beloep } from '@inntektsgrunnlag/money';
import { aarFor, type Beregningslinje, grunnbeloepFor } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';
import type { Innstillinger } from './innstillinger.js';
import { type Friperiode, friperiode, HJEMMEL_FRIPERIODE } from './regler/friperiode.js';
import { foreloepigAdvarsel } from './regler/inntekt.js';
import {
  HJEMMEL_KORTTID,
  HJEMMEL_KORTTID_OVER_60,
  type KorttidResultat,
  korttidsopphold,
} from './regler/korttidsopphold.js';
import {
  begrensTilOppholdskostnad,
  HJEMMEL_OPPHOLDSKOSTNAD,
  oppholdskostnadPerAar,
} from './regler/oppholdskostnad.js';
import {
  type Paragraf3Resultat,
  SATS_INNTIL_G,
  SATS_OVER_G,
  vederlagEtterParagraf3,
} from './regler/vederlag.js';
import {
  DAG_ELLER_NATTOPPHOLD,
  FRIBELOEP,
  FRIBELOEP_DOBBELTROM,
  KORTTIDSOPPHOLD_PER_DOEGN,
} from './tabeller.js';
import type { Vedtak } from './vedtak.js';

const P3_ANNET = 'egenandelsforskriften § 3 annet ledd';

/**
 * An intermediate amount for display: rounded half-even to øre. Only the figures shown use this; the
 * rule itself works on the exact amounts and rounds only its result (down, to whole kroner).
 */
function vis(b: Beloep): number {
  return b.round('OERE', 'HALF_EVEN').toJsonNumber();
}

export interface Vederlagsberegning {
  beregningsgrunnlag: Beloep;
  grunnbeloep: { beloep: Beloep; forklaring: string };
  fribeloep: Beloep;
  paragraf3: Paragraf3Resultat;
  oppholdskostnad?: { perMaaned: Beloep; perAar: Beloep };
  begrensetAvOppholdskostnad: boolean;
  /** Not rounded: after § 3 annet ledd and the cap by cost. */
  foerAvrunding: Beloep;
  perAar: Beloep;
  perMaaned: Beloep;
  friperiode?: Friperiode;
  korttid?: KorttidResultat & { doegnsats: Beloep; dagEllerNattsats: Beloep };
}

/** The whole fee: § 3 annet ledd, the cap by cost, rounding, the free month and a korttidsopphold. */
export function beregnVederlag(
  input: Beregningsinput<Vedtak, Innstillinger>,
  beregningsgrunnlag: Beloep,
): Vederlagsberegning {
  const { oppslag, beregningsdato, vedtak, innstillinger: innst } = input;
  const g = grunnbeloepFor(oppslag, beregningsdato, innst.grunnbeloep);
  const fribeloep = oppslag.verdi(
    vedtak.dobbeltromMotEgetOenske ? FRIBELOEP_DOBBELTROM : FRIBELOEP,
    beregningsdato,
  );
  const paragraf3 = vederlagEtterParagraf3(beregningsgrunnlag, g.g, fribeloep, innst.fordelAvFribeloepet);
  const oppholdskostnad = vedtak.oppholdskostnadPerMaaned
    ? {
        perMaaned: vedtak.oppholdskostnadPerMaaned,
        perAar: oppholdskostnadPerAar(vedtak.oppholdskostnadPerMaaned),
      }
    : undefined;
  const tak = begrensTilOppholdskostnad(paragraf3.beloep, oppholdskostnad?.perAar);
  // A charge is rounded down: the result is never above what the forskrift allows.
  const perAar = tak.beloep.round('KRONE', 'DOWN');
  const perMaaned = perAar.dividedBy(12).round('KRONE', 'DOWN');

  const resultat: Vederlagsberegning = {
    beregningsgrunnlag,
    grunnbeloep: { beloep: g.g, forklaring: g.forklaring },
    fribeloep,
    paragraf3,
    ...(oppholdskostnad ? { oppholdskostnad } : {}),
    begrensetAvOppholdskostnad: tak.begrenset,
    foerAvrunding: tak.beloep,
    perAar,
    perMaaned,
  };
  if (vedtak.innflyttingsdato) {
    resultat.friperiode = friperiode(vedtak.innflyttingsdato, vedtak.direkteFraInstitusjonFraOgMed);
  }
  if (vedtak.korttidsopphold) {
    const aar = aarFor(beregningsdato);
    const doegnsats = oppslag.verdi(KORTTIDSOPPHOLD_PER_DOEGN, beregningsdato);
    const dagEllerNattsats = oppslag.verdi(DAG_ELLER_NATTOPPHOLD, beregningsdato);
    const skuddaar = (aar % 4 === 0 && aar % 100 !== 0) || aar % 400 === 0;
    resultat.korttid = {
      ...korttidsopphold({
        doegn: vedtak.korttidsopphold.doegn,
        dagEllerNattopphold: vedtak.korttidsopphold.dagEllerNattopphold,
        tidligereDoegnSammeAar: vedtak.korttidsdoegnSammeAar,
        doegnsats,
        dagEllerNattsats,
        vederlagPerAar: perAar,
        dagerIAaret: skuddaar ? 366 : 365,
      }),
      doegnsats,
      dagEllerNattsats,
    };
  }
  return resultat;
}

/** The JSON form of the fee, under `vederlag` in the result. */
export const avgiftSkjema = z.object({
  perAar: z.number().describe('Vederlag per år, hele kroner rundet ned'),
  perMaaned: z.number().describe('Vederlag per måned: per år ÷ 12, hele kroner rundet ned'),
  beregningsgrunnlag: z.number(),
  grunnbeloep: z.object({ beloep: z.number(), forklaring: z.string() }),
  fribeloep: z.object({ beloep: z.number(), dobbeltromMotEgetOenske: z.boolean() }),
  inntektInntilG: z.number(),
  inntektInntilGEtterFribeloep: z.number(),
  delInntilG: z.number().describe('75 % av inntekt inntil G etter fribeløp'),
  inntektOverG: z.number(),
  delOverG: z.number().describe('85 % av inntekt over G'),
  etterSatsene: z.number(),
  minstebeloepIBehold: z.object({
    beloep: z.number(),
    fjerdedelAvG: z.number(),
    fordelAvFribeloepet: z.number(),
    lesemaate: z.enum(['TRE_FJERDEDELER', 'HELE']),
  }),
  hoeyestEtterMinstebeloep: z.number(),
  begrensetAvMinstebeloep: z.boolean(),
  oppholdskostnad: z.object({ perMaaned: z.number(), perAar: z.number() }).nullable(),
  begrensetAvOppholdskostnad: z.boolean(),
  avrunding: z.literal('HELE_KRONER_NED'),
  friperiode: z
    .object({
      gis: z.boolean(),
      innflyttingsdato: z.string(),
      fraOgMed: z.string().optional(),
      tilOgMed: z.string().optional(),
      foersteDagMedVederlag: z.string(),
      begrunnelse: z.string(),
    })
    .nullable(),
  korttidsopphold: z
    .object({
      doegnMedKorttidssats: z.number(),
      doegnsats: z.number(),
      beloepDoegn: z.number(),
      dagEllerNattsats: z.number(),
      beloepDagEllerNatt: z.number(),
      doegnEtterLangtidsregler: z.number(),
      beloepEtterLangtidsregler: z.number(),
      sum: z.number(),
    })
    .nullable(),
});

export type VederlagJson = z.infer<typeof avgiftSkjema>;

export function vederlagTilJson(v: Vederlagsberegning, innst: Innstillinger, vedtak: Vedtak): VederlagJson {
  const p = v.paragraf3;
  return {
    perAar: v.perAar.toJsonNumber(),
    perMaaned: v.perMaaned.toJsonNumber(),
    beregningsgrunnlag: vis(v.beregningsgrunnlag),
    grunnbeloep: { beloep: vis(v.grunnbeloep.beloep), forklaring: v.grunnbeloep.forklaring },
    fribeloep: { beloep: vis(v.fribeloep), dobbeltromMotEgetOenske: vedtak.dobbeltromMotEgetOenske },
    inntektInntilG: vis(p.inntektInntilG),
    inntektInntilGEtterFribeloep: vis(p.inntektInntilGEtterFribeloep),
    delInntilG: vis(p.delInntilG),
    inntektOverG: vis(p.inntektOverG),
    delOverG: vis(p.delOverG),
    etterSatsene: vis(p.etterSatsene),
    minstebeloepIBehold: {
      beloep: vis(p.minstebeloepIBehold),
      fjerdedelAvG: vis(p.fjerdedelAvG),
      fordelAvFribeloepet: vis(p.fordelAvFribeloepet),
      lesemaate: innst.fordelAvFribeloepet,
    },
    hoeyestEtterMinstebeloep: vis(p.hoeyestEtterMinstebeloep),
    begrensetAvMinstebeloep: p.begrensetAvMinstebeloep,
    oppholdskostnad: v.oppholdskostnad
      ? { perMaaned: vis(v.oppholdskostnad.perMaaned), perAar: vis(v.oppholdskostnad.perAar) }
      : null,
    begrensetAvOppholdskostnad: v.begrensetAvOppholdskostnad,
    avrunding: 'HELE_KRONER_NED',
    friperiode: v.friperiode ?? null,
    korttidsopphold: v.korttid
      ? {
          doegnMedKorttidssats: v.korttid.doegnMedKorttidssats,
          doegnsats: vis(v.korttid.doegnsats),
          beloepDoegn: vis(v.korttid.beloepDoegn),
          dagEllerNattsats: vis(v.korttid.dagEllerNattsats),
          beloepDagEllerNatt: vis(v.korttid.beloepDagEllerNatt),
          doegnEtterLangtidsregler: v.korttid.doegnEtterLangtidsregler,
          beloepEtterLangtidsregler: vis(v.korttid.beloepEtterLangtidsregler),
          sum: vis(v.korttid.sum),
        }
      : null,
  };
}

function vederlagslinjer(v: Vederlagsberegning, innst: Innstillinger, vedtak: Vedtak): Beregningslinje[] {
  const p = v.paragraf3;
  const linjer: Beregningslinje[] = [
    {
      tekst: 'Vederlag per år',
      operasjon: 'RESULTAT',
      kilde: 'REGEL',
      beloep: v.perAar,
      hjemmel: P3_ANNET,
      linjer: [
        { tekst: 'Beregningsgrunnlag', operasjon: 'INFO', kilde: 'REGEL', beloep: v.beregningsgrunnlag },
        {
          tekst: `Grunnbeløp (G), ${v.grunnbeloep.forklaring}`,
          operasjon: 'INFO',
          kilde: 'REGEL',
          beloep: v.grunnbeloep.beloep,
          merknad:
            innst.grunnbeloep === 'PAA_BEREGNINGSDATO'
              ? 'G som gjelder på beregningsdatoen (kommuneinnstilling).'
              : 'Gjennomsnittlig G for kalenderåret (kommuneinnstilling).',
        },
        {
          tekst: vedtak.dobbeltromMotEgetOenske ? 'Fribeløp ved dobbeltrom mot eget ønske' : 'Fribeløp',
          operasjon: 'INFO',
          kilde: 'REGEL',
          beloep: v.fribeloep,
          hjemmel: P3_ANNET,
        },
        {
          tekst: 'Inntekt inntil G, minus fribeløpet',
          operasjon: 'INFO',
          kilde: 'REGEL',
          beloep: p.inntektInntilGEtterFribeloep,
        },
        {
          tekst: 'Av inntekt inntil G etter fribeløp',
          operasjon: 'MULTIPLISERE',
          kilde: 'REGEL',
          sats: SATS_INNTIL_G,
          beloep: p.delInntilG,
          hjemmel: P3_ANNET,
        },
        { tekst: 'Inntekt over G', operasjon: 'INFO', kilde: 'REGEL', beloep: p.inntektOverG },
        {
          tekst: 'Av inntekt over G',
          operasjon: 'MULTIPLISERE',
          kilde: 'REGEL',
          sats: SATS_OVER_G,
          beloep: p.delOverG,
          hjemmel: P3_ANNET,
        },
        { tekst: 'Etter satsene', operasjon: 'RESULTAT', kilde: 'REGEL', beloep: p.etterSatsene },
        {
          tekst: 'Beboeren skal beholde minst 25 % av G og fordelen av fribeløpet',
          operasjon: 'INFO',
          kilde: 'REGEL',
          beloep: p.minstebeloepIBehold,
          hjemmel: P3_ANNET,
          merknad:
            innst.fordelAvFribeloepet === 'TRE_FJERDEDELER'
              ? 'Fordelen av fribeløpet regnet som 75 % av fribeløpet (kommuneinnstilling).'
              : 'Fordelen av fribeløpet regnet som hele fribeløpet (kommuneinnstilling).',
        },
        {
          tekst: 'Høyst beregningsgrunnlaget minus det beboeren skal beholde',
          operasjon: 'MINIMUM',
          kilde: 'REGEL',
          beloep: p.hoeyestEtterMinstebeloep,
          merknad: p.begrensetAvMinstebeloep ? 'Begrenser vederlaget.' : 'Begrenser ikke vederlaget.',
        },
        v.oppholdskostnad
          ? {
              tekst: 'Høyst oppholdskostnaden (12 × kostnaden per måned)',
              operasjon: 'MINIMUM',
              kilde: 'KOMMUNE',
              beloep: v.oppholdskostnad.perAar,
              hjemmel: HJEMMEL_OPPHOLDSKOSTNAD,
              merknad: `${v.begrensetAvOppholdskostnad ? 'Begrenser vederlaget.' : 'Begrenser ikke vederlaget.'} De reelle oppholdsutgiftene ved institusjonen, uten kapitalutgifter.`,
            }
          : {
              tekst: 'Oppholdskostnaden er ikke oppgitt',
              operasjon: 'INFO',
              kilde: 'REGEL',
              hjemmel: HJEMMEL_OPPHOLDSKOSTNAD,
              merknad:
                'Kontroller at vederlaget ikke er høyere enn de reelle oppholdsutgiftene (uten kapitalutgifter).',
            },
        {
          tekst: 'Rundet ned til hele kroner',
          operasjon: 'AVRUNDE',
          kilde: 'REGEL',
          beloep: v.perAar,
          merknad: 'En avgift rundes ned, så den aldri blir høyere enn forskriften tillater.',
        },
      ],
    },
    {
      tekst: 'Vederlag per måned (per år ÷ 12, rundet ned til hele kroner)',
      operasjon: 'DIVIDERE',
      kilde: 'REGEL',
      beloep: v.perMaaned,
      hjemmel: P3_ANNET,
    },
  ];
  if (v.friperiode) {
    const f = v.friperiode;
    linjer.push({
      tekst: f.gis
        ? `Betalingsfri første måned: ${f.fraOgMed} til og med ${f.tilOgMed}; vederlag fra ${f.foersteDagMedVederlag}`
        : `Ingen betalingsfri måned; vederlag fra ${f.foersteDagMedVederlag}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: HJEMMEL_FRIPERIODE,
      merknad: f.begrunnelse,
    });
  }
  if (v.korttid) {
    const k = v.korttid;
    linjer.push({
      tekst: 'Egenandel for korttidsopphold',
      operasjon: 'RESULTAT',
      kilde: 'REGEL',
      beloep: k.sum,
      hjemmel: HJEMMEL_KORTTID,
      linjer: [
        {
          tekst: `${k.doegnMedKorttidssats} døgn × ${k.doegnsats.format({ desimaler: 0 })} per døgn`,
          operasjon: 'ADDERE',
          kilde: 'REGEL',
          beloep: k.beloepDoegn,
          merknad: `Til og med døgn 60 i kalenderåret (${vedtak.korttidsdoegnSammeAar} døgn tidligere i året).`,
        },
        {
          tekst: `${vedtak.korttidsopphold?.dagEllerNattopphold ?? 0} dag- eller nattopphold × ${k.dagEllerNattsats.format({ desimaler: 0 })}`,
          operasjon: 'ADDERE',
          kilde: 'REGEL',
          beloep: k.beloepDagEllerNatt,
        },
        {
          tekst: `${k.doegnEtterLangtidsregler} døgn etter reglene for langtidsopphold (vederlag per år × døgn ÷ dager i året)`,
          operasjon: 'ADDERE',
          kilde: 'REGEL',
          beloep: k.beloepEtterLangtidsregler,
          hjemmel: HJEMMEL_KORTTID_OVER_60,
          merknad: 'Døgn etter det 60. i kalenderåret. Rundet ned til hele kroner.',
        },
      ],
    });
  }
  return linjer;
}

function hovedtall(v: Vederlagsberegning): Hovedtall[] {
  return [
    { tekst: 'Vederlag per måned', beloep: v.perMaaned, hjemmel: P3_ANNET },
    { tekst: 'Vederlag per år', beloep: v.perAar, hjemmel: P3_ANNET },
    ...(v.korttid
      ? [{ tekst: 'Egenandel for korttidsoppholdet', beloep: v.korttid.sum, hjemmel: HJEMMEL_KORTTID }]
      : []),
  ];
}

export function avgift(
  input: Beregningsinput<Vedtak, Innstillinger>,
  grunnlag: Grunnlagsresultat,
): Avgiftsresultat {
  const v = beregnVederlag(input, grunnlag.beregningsbeloep);
  const advarsler: Advarsel[] = [...foreloepigAdvarsel(input.inntektsaar, aarFor(input.beregningsdato))];
  if (!v.oppholdskostnad) {
    advarsler.push({
      kode: 'OPPHOLDSKOSTNAD_IKKE_OPPGITT',
      melding:
        'Vedtaket har ingen oppholdskostnad (vedtak.oppholdskostnadPerMaaned): vederlaget er ikke kontrollert mot det oppholdet koster kommunen, og det kan ikke være høyere enn det.',
    });
  }
  return {
    json: vederlagTilJson(v, input.innstillinger, input.vedtak),
    hovedtall: hovedtall(v),
    linjer: vederlagslinjer(v, input.innstillinger, input.vedtak),
    advarsler,
  };
}
