/**
 * zod schemas of what Skatteetaten's sharing APIs return: Summert skattegrunnlag (V2, and V1 and the
 * former Spesifisert summert skattegrunnlag), Beregnet skatt (V2 nested and V1 flat), Avregning, and the
 * common error body.
 *
 * Sources: Skatteetaten/api-dokumentasjon `docs/api/summertskattegrunnlag.md`, `docs/api/beregnetskatt.md`
 * (Informasjonsmodell V2, and V1 at commit 5bbdd3e4), `docs/api/avregning.md`, `docs/om/feil.md`; the
 * field tables are transcribed in testdata/skatteetaten-eksempler/beregnetskatt-avregning-fields.md and
 * the facts in ../shared/regelverk/kilder-og-ks-fiks.md §1–2b.
 *
 * Every object is loose: Skatteetaten adds fields without a new version (the V2 news of 2024-05-28
 * names several), and a field we do not read must never make a whole tax settlement unreadable. What we
 * do read is typed. A response must carry its main part (the posts, the tax per settlement type, the
 * settlement per area) unless Skatteetaten has screened it (`skjermet: true`), in which case the
 * response may be stripped to the call parameters.
 */
import { z } from 'zod';

/** Skatteetaten's «BeløpSomHeltall»: whole kroner, may be negative. */
const heltallsbeloep = z.number().int();

/** «Inntektsår»: a string ("2023") in SSG and Avregning, a number (2024) in Beregnet skatt V2. */
const inntektsaarSkjema = z.union([z.string().regex(/^\d{4}$/, 'må være et årstall'), z.number().int()]);

/** One «spesifisering» of a post (Konto, LoennOgTilsvarendeYtelser, Eiendom, …); read by nobody yet. */
const spesifiseringSkjema = z.looseObject({ type: z.string().optional() });

/**
 * One post of the basis. `kategori` is a string in V2 and in the former Spesifisert API ("inntekt",
 * "-" for sum posts), a list of strings in V1 (a breaking change named in the V2 news).
 */
export const grunnlagspostSkjema = z.looseObject({
  tekniskNavn: z.string().min(1),
  beloep: heltallsbeloep,
  kategori: z.union([z.string(), z.array(z.string())]).optional(),
  spesifisering: z.array(spesifiseringSkjema).optional(),
  /** Only for consumers with a legal basis for them (V2). */
  andelSkattefritt: heltallsbeloep.optional(),
  andelOverfoertFraBarn: heltallsbeloep.optional(),
});

export type Grunnlagspost = z.output<typeof grunnlagspostSkjema>;

/** Summert skattegrunnlag V2; also V1 (`registreringstidpunkt`, list `kategori`, `svalbardGrunnlag`). */
export const summertSkattegrunnlagSkjema = z
  .looseObject({
    personidentifikator: z.string(),
    inntektsaar: inntektsaarSkjema,
    /** The mainland basis. */
    grunnlag: z.array(grunnlagspostSkjema).optional(),
    /** The Svalbard basis (separate from income year 2017). */
    svalbardGrunnlag: z.array(grunnlagspostSkjema).optional(),
    /** The basis under the scheme of kildeskatt på lønn (seen in NAV test tooling and KS output). */
    kildeskattPaaLoennGrunnlag: z.array(grunnlagspostSkjema).optional(),
    skjermet: z.boolean().optional(),
    skatteoppgjoersdato: z.string().optional(),
    stadie: z.string().optional(),
    /** V2. */
    ajourholdstidspunkt: z.string().optional(),
    /** V1 (the V2 name is `ajourholdstidspunkt`). */
    registreringstidpunkt: z.string().optional(),
    /** Spesifisert summert skattegrunnlag (2016–2017). */
    skjoennsfastsatt: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.skjermet !== true && r.grunnlag === undefined) {
      ctx.addIssue({ code: 'custom', path: ['grunnlag'], message: 'mangler (og svaret er ikke skjermet)' });
    }
  });

export type SummertSkattegrunnlag = z.output<typeof summertSkattegrunnlagSkjema>;

/** «Skatt»: a tax with its basis, optionally distributed per municipality. */
const skattSkjema = z.looseObject({
  grunnlag: heltallsbeloep.optional(),
  beloep: heltallsbeloep.optional(),
  kommunefordeltSkatt: z
    .array(
      z.looseObject({
        kommune: z.string().optional(),
        grunnlag: heltallsbeloep.optional(),
        beloep: heltallsbeloep.optional(),
      }),
    )
    .optional(),
});

/** The sections of «skattOgAvgift», «skattefradrag», «skattetillegg»: each field a Skatt or an amount. */
const skattefeltSkjema = z.record(z.string(), z.union([heltallsbeloep, skattSkjema]));

/** «BeregnetSkattPerOppgjoerstype»: the tax of the mainland, Svalbard or kildeskatt på lønn settlement. */
const beregnetSkattPerOppgjoerstypeSkjema = z.looseObject({
  skatteklasse: z.union([z.string(), z.number()]).optional(),
  beregnetSkatt: heltallsbeloep.optional(),
  beregnetSkattFoerSkattefradrag: heltallsbeloep.optional(),
  sumSkattefradrag: heltallsbeloep.optional(),
  skatteregnskapskommune: z.string().optional(),
  anvendtStandardfradrag: z.boolean().optional(),
  valideringsresultat: z.unknown().optional(),
  informasjonTilSkattelister: z
    .looseObject({
      nettoinntekt: heltallsbeloep.optional(),
      nettoformue: heltallsbeloep.optional(),
      beregnetSkatt: heltallsbeloep.optional(),
      kommune: z.union([z.string(), z.array(z.string())]).optional(),
    })
    .optional(),
  skattOgAvgift: skattefeltSkjema.optional(),
  skattefradrag: skattefeltSkjema.optional(),
  skattetillegg: skattefeltSkjema.optional(),
  oevrigeResultaterAvBeregning: z.looseObject({}).optional(),
});

/** The amount fields of Beregnet skatt V1 (flat, income years 2016–2020). */
const V1_BELOEPSFELT = [
  'sumSaerfradrag',
  'personinntektLoenn',
  'personinntektFiskeFangstFamiliebarnehage',
  'personinntektNaering',
  'personinntektBarePensjonsdel',
  'nettoformue',
  'nettoinntekt',
  'utlignetSkatt',
  'svalbardLoennLoennstrekkordningen',
  'svalbardPensjonLoennstrekkordningen',
  'svalbardPersoninntektNaering',
  'svalbardLoennUtenTrygdeavgiftLoennstrekkordningen',
  'svalbardNettoformue',
  'svalbardNettoinntekt',
  'svalbardUtlignetSkatt',
  'svalbardUfoeretrygdLoennstrekkordningen',
  'formueskattStat',
  'formueskattKommune',
  'kreditfradragInntekt',
  'kreditfradragFormue',
  'alminneligInntektFoerSaerfradrag',
  'svalbardSkattOrdinaerAlminneligInntekt',
  'svalbardFormueskatt',
  'svalbardFastsattSkattEtterLoennstrekkordningen',
  'kildeskattPaaLoennNettoinntekt',
  'kildeskattPaaLoennNettoformue',
  'kildeskattPaaLoennBetaltSkattOgAvgift',
  'kildeskattPaaLoennPersoninntektLoenn',
  'kildeskattPaaLoennPersoninntektBarePensjonsdel',
] as const;

type V1Beloepsfelt = (typeof V1_BELOEPSFELT)[number];
const v1Beloepsfelt = Object.fromEntries(V1_BELOEPSFELT.map((f) => [f, heltallsbeloep.optional()])) as Record<
  V1Beloepsfelt,
  z.ZodOptional<typeof heltallsbeloep>
>;

const V2_DELER = [
  'beregnetSkattFastland',
  'beregnetSkattSvalbard',
  'beregnetSkattKildeskattPaaLoenn',
] as const;

/**
 * Beregnet skatt: V2 (one nested object per settlement type) or V1 (flat fields, documented until the
 * page version of March 2023). One object schema with both sets of fields, all optional, because a
 * screened response may have neither; `erBeregnetSkattV1` tells them apart.
 */
export const beregnetSkattSkjema = z
  .looseObject({
    personidentifikator: z.string(),
    inntektsaar: inntektsaarSkjema,
    skjermet: z.boolean().optional(),
    skatteoppgjoersdato: z.string().optional(),
    ajourholdstidspunkt: z.string().optional(),
    anvendtTolvdelVedArbeidsoppholdINorge: z.number().int().optional(),
    anvendtTolvdelVedArbeidsoppholdIUtlandet: z.number().int().optional(),
    anvendtTolvdelForTrinnskatt: z.number().int().optional(),
    beregnetSkattFastland: beregnetSkattPerOppgjoerstypeSkjema.optional(),
    beregnetSkattSvalbard: beregnetSkattPerOppgjoerstypeSkjema.optional(),
    beregnetSkattKildeskattPaaLoenn: beregnetSkattPerOppgjoerstypeSkjema.optional(),
    // V1 (flat).
    tolvdeler: z.number().int().optional(),
    skatteklasse: z.union([z.string(), z.number()]).optional(),
    skatteregnskapskommune: z.string().optional(),
    svalbardSkatteregnskapskommune: z.string().optional(),
    kildeskattPaaLoennSkatteregnskapskommune: z.string().optional(),
    kildeskattPaaLoennSkatteklasse: z.union([z.string(), z.number()]).optional(),
    ...v1Beloepsfelt,
  })
  .superRefine((r, ctx) => {
    if (r.skjermet === true) return;
    const harV2 = V2_DELER.some((d) => r[d] !== undefined);
    const harV1 = V1_BELOEPSFELT.some((f) => r[f] !== undefined);
    if (!harV2 && !harV1) {
      ctx.addIssue({
        code: 'custom',
        path: ['beregnetSkattFastland'],
        message: 'mangler: svaret har verken beregnet skatt per oppgjørstype (V2) eller V1-feltene',
      });
    }
  });

export type BeregnetSkatt = z.output<typeof beregnetSkattSkjema>;

/** Whether a Beregnet skatt response is the flat V1 model (no settlement-type objects). */
export function erBeregnetSkattV1(r: BeregnetSkatt): boolean {
  return !V2_DELER.some((d) => r[d] !== undefined) && V1_BELOEPSFELT.some((f) => r[f] !== undefined);
}

/** The settlement of one area (mainland or Svalbard). Types are not documented; the examples have integers. */
const avregningPerOmraadeSkjema = z.looseObject({
  restskatt: heltallsbeloep.optional(),
  avregnetForskuddstrekk: heltallsbeloep.optional(),
  beloepTilgode: heltallsbeloep.optional(),
  // Seen only in the example of income year 2024, not in the field table.
  forhaandsfastsatt: z.boolean().optional(),
  skatteregnskapskommune: z.string().optional(),
  beregnetSkatt: heltallsbeloep.optional(),
  aaBetale: heltallsbeloep.optional(),
  avregnetForskuddsskatt: heltallsbeloep.optional(),
  overskytende: heltallsbeloep.optional(),
  rentegodtgjoerelse: heltallsbeloep.optional(),
});

/** Avregning: the settlement (restskatt, amount to be paid back, withheld tax) per area. */
export const avregningSkjema = z
  .looseObject({
    personidentifikator: z.string(),
    inntektsaar: inntektsaarSkjema,
    skjermet: z.boolean().optional(),
    skatteoppgjoersdato: z.string().optional(),
    ajourholdstidspunkt: z.string().optional(),
    fastland: avregningPerOmraadeSkjema.optional(),
    svalbard: avregningPerOmraadeSkjema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.skjermet !== true && r.fastland === undefined && r.svalbard === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fastland'], message: 'mangler (og svaret er ikke skjermet)' });
    }
  });

export type Avregning = z.output<typeof avregningSkjema>;

/**
 * The error body of every Skatteetaten sharing API (`docs/om/feil.md`), e.g.
 * `{"kode":"BSA-006","melding":"Fant ikke beregnet skatt …","korrelasjonsid":"13a865f5-…"}`.
 * `korrelasjonsid` is optional here: an error from a gateway in front of the API may lack it, and the
 * code and message are what decide the handling.
 */
export const skatteetatenFeilSkjema = z.looseObject({
  kode: z.string().min(1),
  melding: z.string(),
  korrelasjonsid: z.string().optional(),
});

export type SkatteetatenFeil = z.output<typeof skatteetatenFeilSkjema>;
