import {
  type Beregningsresultat,
  beloepSkjema,
  type Feltfeil,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import { identifikatorSkjema } from '@inntektsgrunnlag/person';
import { isoDatoSkjema, kildeSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';

/**
 * Skatteetaten's Avregning API answers only for the rettighetspakke of long-term stays
 * (`kommunelangtidsoppholdinstitusjon`; ../shared/regelverk/kilder-og-ks-fiks.md § 2). The document
 * shows avregning for that beregningstype only; for any other it is refused, since the figures must
 * never have been fetched for it (data minimisation).
 */
export const AVREGNING_TILLATT_FOR: readonly string[] = ['LANGTIDSOPPHOLD_INSTITUSJON'];

/** One person's avregning (tax settlement balance), as Skatteetaten's Avregning API gives it for the fastland. */
export const avregningSkjema = z
  .object({
    identifikator: identifikatorSkjema,
    /** "For mye innbetalt skatt – til utbetaling" (`/fastland/beloepTilgode`). */
    beloepTilgode: beloepSkjema.optional(),
    /** "Skyldig restskatt" (`/fastland/restskatt`). */
    restskatt: beloepSkjema.optional(),
    /** "Sum innbetalt skatt" (`/fastland/avregnetForskuddstrekk`). */
    avregnetForskuddstrekk: beloepSkjema.optional(),
    skatteoppgjoersdato: isoDatoSkjema.optional(),
  })
  .strict();

/**
 * What the document says about itself, besides the result: who made it, for which case, when.
 * The renderer never reads the clock: `opprettet` is the caller's.
 */
export const dokumentmetadataSkjema = z
  .object({
    /** The municipality's name as it should stand on the document, e.g. "Tønsberg kommune". */
    kommunenavn: z.string().trim().min(1, 'kan ikke være tom').max(100, 'er for langt'),
    /** Who made the document: the role (KS Fiks rolle-id or the product's role) and, optionally, the user's name. */
    laget: z
      .object({
        rolle: z.string().trim().min(1, 'kan ikke være tom').max(100, 'er for langt'),
        brukernavn: z.string().trim().min(1, 'kan ikke være tom').max(200, 'er for langt').optional(),
      })
      .strict(),
    /** The case in the archive the document belongs to. */
    saksreferanse: z.string().trim().min(1, 'kan ikke være tom').max(100, 'er for langt').optional(),
    /** When the document was made (ISO 8601 with offset, e.g. "2026-11-27T10:15:00+01:00"). */
    opprettet: z.iso.datetime({ offset: true, error: 'må være et tidspunkt som 2026-11-27T10:15:00+01:00' }),
    /** The persons' avregning, shown only for the beregningstyper allowed it. */
    avregning: z.array(avregningSkjema).max(20).optional(),
  })
  .strict();

export type DokumentmetadataInn = z.input<typeof dokumentmetadataSkjema>;
export type Dokumentmetadata = z.output<typeof dokumentmetadataSkjema>;

/** Rendering options. */
export const renderValgSkjema = z
  .object({
    /**
     * Byte-for-byte reproducible output: the file identifier (trailer /ID) is a hash of the result
     * and the metadata instead of random. Timestamps always come from `opprettet`, never the clock.
     */
    deterministisk: z.boolean().default(false),
  })
  .strict();

export type RenderValg = z.input<typeof renderValgSkjema>;

/** A JSON amount in kroner: a finite number with at most two decimals. */
const tall = z
  .number({ error: 'må være et tall' })
  .refine(
    (n) => Number.isFinite(n) && Math.round(n * 100) / 100 === n,
    'må være kroner med høyst to desimaler',
  );

interface LinjeJson {
  tekst: string;
  operasjon: string;
  kilde: string;
  beloep?: number;
  eksaktBeloep?: string;
  sats?: string;
  hjemmel?: string;
  merknad?: string;
  linjer?: LinjeJson[];
}

const linjeSkjema: z.ZodType<LinjeJson> = z.lazy(() =>
  z.looseObject({
    tekst: z.string(),
    operasjon: z.string(),
    kilde: z.string(),
    beloep: tall.optional(),
    eksaktBeloep: z.string().optional(),
    sats: z.string().optional(),
    hjemmel: z.string().optional(),
    merknad: z.string().optional(),
    linjer: z.array(linjeSkjema).optional(),
  }),
);

const blokkSkjema = z.looseObject({
  beloep: tall,
  grupper: z.array(
    z.looseObject({
      tekniskNavn: z.string(),
      visningstekst: z.string(),
      operasjon: z.enum(['ADDERE', 'SUBTRAHERE']),
      hjemmel: z.string().optional(),
      beloep: tall,
      poster: z.array(
        z.looseObject({
          tekniskNavn: z.string(),
          visningstekst: z.string(),
          identifikator: z.string(),
          persontype: z.string(),
          kilde: z.string(),
          operasjon: z.enum(['ADDERE', 'SUBTRAHERE']),
          beloep: tall,
        }),
      ),
    }),
  ),
  perPerson: z.array(z.looseObject({ identifikator: z.string(), beloep: tall })),
});

/**
 * The parts of a Beregningsresultat the document reads, checked at run time: a result may come from
 * storage or another process as JSON, and a bad one must name its field, not crash the renderer.
 */
export const resultatSkjema = z.looseObject({
  beregningstype: z.string().min(1),
  inntektsaar: z.number().int(),
  beregningsdato: isoDatoSkjema,
  beregningsdatoKilde: z.enum(['FORESPOERSEL', 'DAGENS_DATO']),
  personer: z
    .array(
      z.looseObject({
        identifikator: z.string().min(1),
        type: z.string(),
        navn: z
          .looseObject({
            fornavn: z.string(),
            mellomnavn: z.string().nullish(),
            etternavn: z.string(),
          })
          .optional(),
        stadie: z.enum(['OPPGJOER', 'UTKAST', 'FASTSATT']).optional(),
        skatteoppgjoersdato: z.string().optional(),
        skjermet: z.boolean(),
        postkilde: z.enum(['FORESPOERSEL', 'SKATTEETATEN']).optional(),
      }),
    )
    .min(1),
  beregningsbeloep: tall,
  inntekt: blokkSkjema,
  fradrag: blokkSkjema,
  mellomregninger: blokkSkjema.shape.grupper,
  avgiftsnoekkel: z.string().min(1),
  hovedtall: z.array(z.looseObject({ tekst: z.string(), beloep: tall, hjemmel: z.string().optional() })),
  tabell: z.looseObject({ tittel: z.string(), linjer: z.array(linjeSkjema) }),
  visningsposter: z.array(
    z.looseObject({
      kategori: z.string(),
      poster: z.array(
        z.looseObject({
          tekniskNavn: z.string(),
          visningstekst: z.string(),
          infotekst: z.string().optional(),
          ukjent: z.boolean().optional(),
          beloep: tall,
          personer: z.array(z.looseObject({ identifikator: z.string(), beloep: tall })),
        }),
      ),
    }),
  ),
  advarsler: z.array(
    z.looseObject({ kode: z.string(), melding: z.string(), identifikator: z.string().optional() }),
  ),
  regelverk: z.looseObject({
    pakke: z.looseObject({ navn: z.string(), versjon: z.string() }),
    postdefinisjon: z.looseObject({
      beregningstype: z.string(),
      inntektsaar: z.number(),
      kilde: z.unknown(),
    }),
    postkatalog: z.string(),
    satser: z.array(
      z.looseObject({
        tabell: z.string(),
        beskrivelse: z.string(),
        dato: z.string(),
        gyldigFra: z.string(),
        verdi: z.unknown(),
        kilde: kildeSkjema,
        verifisert: z.string(),
        fraFil: z.string().optional(),
        kommunesats: z
          .looseObject({
            innlagtAv: z.looseObject({ navn: z.string() }),
            godkjentAv: z.looseObject({ navn: z.string() }),
          })
          .optional(),
      }),
    ),
    kommuneinnstillinger: z.unknown(),
  }),
});

export type Resultat = z.output<typeof resultatSkjema>;
export type Linje = LinjeJson;

/** Checks the result, the metadata and the options; every fault as a Valideringsfeil with its field. */
export function validerInndata(
  resultat: Beregningsresultat | unknown,
  metadata: DokumentmetadataInn | unknown,
  valg: RenderValg | undefined,
): { resultat: Resultat; metadata: Dokumentmetadata; valg: z.output<typeof renderValgSkjema> } {
  const r = valider(resultatSkjema, resultat, ['resultat']);
  const m = valider(dokumentmetadataSkjema, metadata, ['metadata']);
  const v = valider(renderValgSkjema, valg ?? {}, ['valg']);
  if (m.avregning) {
    const feil: Feltfeil[] = [];
    if (!AVREGNING_TILLATT_FOR.includes(r.beregningstype)) {
      feil.push({
        felt: 'metadata.avregning',
        melding: `avregning kan bare vises for ${AVREGNING_TILLATT_FOR.join(', ')}, ikke ${r.beregningstype}`,
      });
    }
    const personer = new Set(r.personer.map((p) => p.identifikator));
    m.avregning.forEach((a, i) => {
      if (!personer.has(a.identifikator)) {
        feil.push({
          felt: `metadata.avregning.${i}.identifikator`,
          melding: 'personen er ikke med i beregningen',
        });
      }
    });
    if (feil.length > 0) throw new Valideringsfeil(feil, 'Dokumentet kan ikke lages');
  }
  return { resultat: r, metadata: m, valg: v };
}
