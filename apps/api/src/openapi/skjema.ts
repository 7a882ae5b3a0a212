import { BEREGNERE } from '@inntektsgrunnlag/oppslag';
import { PERSONTYPER } from '@inntektsgrunnlag/person';
import { kildeSkjema } from '@inntektsgrunnlag/regelverk';
import { POSTKILDER, VISNINGSGRUPPER } from '@inntektsgrunnlag/skattegrunnlag';
import { z } from 'zod';

/**
 * The response bodies, as zod schemas: the OpenAPI document is generated from them, and the tests
 * parse real responses with them, so the document cannot drift from what the API answers.
 */

/** The response schemas with their component names (io: output). */
export const svarregister = z.registry<{ id: string; description?: string }>();

const beloep = z.number().describe('Beløp i kroner (høyst to desimaler)');
const fortegn = z.enum(['ADDERE', 'SUBTRAHERE']);
const persontype = z.enum(PERSONTYPER);
const identifikator = z.string().describe('Fødselsnummer eller D-nummer (11 sifre)');
const tidspunkt = z.string().describe('Tidspunkt (ISO 8601)');
const dato = z.string().describe('Dato (ÅÅÅÅ-MM-DD)');

export const feltfeilSkjema = z
  .object({
    felt: z
      .string()
      .describe('Feltet som er feil, som sti med punktum («personer.0.identifikator»), eller et header-navn'),
    melding: z.string().describe('Hva som er feil, på norsk'),
  })
  .strict()
  .register(svarregister, { id: 'Feltfeil' });

export const problemSkjema = z
  .object({
    type: z.string().describe('Problemtypen (URN)'),
    title: z.string().describe('Kort norsk tittel'),
    status: z.number().int().describe('HTTP-status'),
    detail: z.string().describe('Norsk forklaring'),
    instance: z.string().optional().describe('Stien forespørselen gjaldt'),
    errors: z
      .array(feltfeilSkjema)
      .optional()
      .describe('Hvert felt som er feil (400), eller hver person kilden feilet for'),
    kode: z.string().optional().describe('Årsakskoden ved avslag (401/403), f.eks. FEIL_TJENESTEOMRAADE'),
    korrelasjonsid: z.string().optional().describe('Skatteetatens korrelasjons-id, for brukerstøtte'),
    kilde: z
      .enum(['SUMMERT_SKATTEGRUNNLAG', 'BEREGNET_SKATT', 'AVREGNING', 'FOLKEREGISTERET', 'MASKINPORTEN'])
      .optional()
      .describe('Kilden som er nede (503 kilde-nede)'),
    requestId: z.string().describe('Forespørselens X-Request-Id'),
  })
  .strict()
  .register(svarregister, { id: 'Problem', description: 'RFC 9457 application/problem+json' });

/** KS Fiks's error body (ks-no.github.io «Integrasjoner», «Feilmeldinger»): on the KS routes. */
export const ksFeilSkjema = z
  .object({
    timestamp: z.number().int().describe('Tidspunktet, millisekunder siden 1970 (som i KS sitt eksempel)'),
    status: z.number().int().describe('HTTP-status'),
    error: z.string().describe('HTTP-statusteksten («Unauthorized»)'),
    errorId: z.string().describe('Forespørselens id (X-Request-Id): oppgi den ved henvendelser'),
    path: z.string().describe('Stien forespørselen gjaldt'),
    message: z
      .string()
      .describe(
        'Hva som er galt, på norsk; ved 401 KS sine tekster «Klarte ikke å validere access_token» og «Autentisering feilet for integrasjon med id …»',
      ),
    errorCode: z
      .string()
      .describe('Årsakskoden (AKTOER_UKJENT, ROLLE_MANGLER, …) eller problemtypen (ugyldig-foresporsel, …)'),
    errorJson: z
      .object({
        type: z.string().describe('Problemtypen (URN), som på de native stiene'),
        errors: z
          .array(feltfeilSkjema)
          .optional()
          .describe('Hvert felt som er feil (400), eller hver person kilden feilet for'),
        korrelasjonsid: z.string().optional().describe('Skatteetatens korrelasjons-id'),
      })
      .strict(),
  })
  .strict()
  .register(svarregister, {
    id: 'KsFeil',
    description: 'KS Fiks sin feilkropp (application/json), på KS-stiene',
  });

const navn = z
  .object({ fornavn: z.string(), mellomnavn: z.string().nullable().optional(), etternavn: z.string() })
  .strict();

const personSkjema = z
  .object({
    identifikator,
    type: persontype,
    navn: navn.optional(),
    stadie: z.enum(['OPPGJOER', 'UTKAST', 'FASTSATT']).optional(),
    skatteoppgjoersdato: z.string().optional(),
    registreringstidpunkt: z.string().optional().describe('Når Skatteetaten registrerte grunnlaget'),
    skjermet: z.boolean().describe('Adressebeskyttelse eller skjermet hos Skatteetaten'),
    postkilde: z.enum(['FORESPOERSEL', 'SKATTEETATEN']),
  })
  .strict();

const grunnlagspost = z
  .object({
    tekniskNavn: z.string(),
    visningstekst: z.string(),
    identifikator,
    persontype,
    kilde: z.enum(POSTKILDER),
    operasjon: fortegn,
    beloep,
  })
  .strict();

const grunnlagsgruppe = z
  .object({
    tekniskNavn: z.string(),
    visningstekst: z.string(),
    operasjon: fortegn,
    hjemmel: z.string().optional(),
    beloep,
    poster: z.array(grunnlagspost),
  })
  .strict();

const perPerson = z
  .array(z.object({ identifikator, beloep }).strict())
  .describe('Hver persons bidrag, med fortegn');

const blokkSkjema = z
  .object({ beloep, grupper: z.array(grunnlagsgruppe), perPerson })
  .strict()
  .register(svarregister, { id: 'Grunnlagsblokk' });

interface Linje {
  tekst: string;
  operasjon: string;
  kilde: string;
  beloep?: number;
  eksaktBeloep?: string;
  sats?: string;
  hjemmel?: string;
  merknad?: string;
  linjer?: Linje[];
}

export const linjeSkjema: z.ZodType<Linje> = z
  .object({
    tekst: z.string(),
    operasjon: z
      .string()
      .describe('ADDERE, SUBTRAHERE, MULTIPLISERE, DIVIDERE, MINIMUM, MAKSIMUM, AVRUNDE, RESULTAT, INFO'),
    kilde: z.string().describe('SKATTEETATEN, NAV, KOMMUNE, MANUELL_INPUT eller REGEL'),
    beloep: beloep.optional(),
    eksaktBeloep: z.string().optional().describe('Det eksakte beløpet når det har flere enn to desimaler'),
    sats: z.string().optional(),
    hjemmel: z.string().optional(),
    merknad: z.string().optional(),
    get linjer() {
      return z.array(linjeSkjema).optional();
    },
  })
  .strict()
  .register(svarregister, { id: 'Beregningslinje' });

const visningspostgruppe = z
  .object({
    kategori: z.enum(VISNINGSGRUPPER),
    poster: z.array(
      z
        .object({
          tekniskNavn: z.string(),
          visningstekst: z.string(),
          infotekst: z.string().optional(),
          ukjent: z.literal(true).optional().describe('Posten finnes ikke i årets postliste'),
          beloep,
          personer: z.array(z.object({ identifikator, beloep }).strict()),
        })
        .strict(),
    ),
  })
  .strict();

const advarsel = z
  .object({ kode: z.string(), melding: z.string(), identifikator: identifikator.optional() })
  .strict()
  .register(svarregister, { id: 'Advarsel' });

const regelverkSkjema = z
  .object({
    pakke: z.object({ navn: z.string(), versjon: z.string() }).strict(),
    postdefinisjon: z
      .object({ beregningstype: z.string(), inntektsaar: z.number().int(), kilde: kildeSkjema })
      .strict(),
    postkatalog: z.string(),
    satser: z.array(
      z
        .object({
          tabell: z.string(),
          beskrivelse: z.string(),
          dato,
          gyldigFra: dato,
          verdi: z.unknown(),
          kilde: kildeSkjema,
          verifisert: dato,
          fraFil: z.string().optional(),
          kommunesats: z
            .object({
              id: z.string(),
              innlagtAv: z.object({ id: z.string(), navn: z.string() }).strict(),
              innlagt: z.string(),
              godkjentAv: z.object({ id: z.string(), navn: z.string() }).strict(),
              godkjent: z.string(),
            })
            .strict()
            .optional()
            .describe(
              'Verdien er lagt inn i produktet av kommunen: hvem som la den inn, og hvem som godkjente den',
            ),
        })
        .strict(),
    ),
    kommuneinnstillinger: z.unknown(),
  })
  .strict();

export const utfoertSkjema = z
  .object({
    tidspunkt,
    aktoer: z
      .object({ type: z.enum(['BRUKER', 'KLIENT']), id: z.string(), visningsnavn: z.string() })
      .strict(),
    rolleId: z.string(),
    tjenesteomraade: z.string(),
    saksreferanse: z.string().optional(),
    avregning: z.boolean(),
    revidert: z.boolean().describe('Om oppslaget er ført i revisjonsloggen'),
    grunnlag: z
      .enum(['HENTET', 'FORESPOERSEL', 'GJENBRUKT'])
      .describe(
        'HENTET: hentet nå; FORESPOERSEL: postene sto i forespørselen; GJENBRUKT: postene fra et tidligere oppslag (grunnlagsreferanse)',
      ),
    grunnlagHentet: tidspunkt.optional().describe('For GJENBRUKT: når oppslaget ble gjort'),
  })
  .strict()
  .register(svarregister, { id: 'Utfoerelse' });

export const vederlagSkjema = BEREGNERE.LANGTIDSOPPHOLD_INSTITUSJON.avgiftSkjema.register(svarregister, {
  id: 'Vederlag',
});
export const egenandelSkjema = BEREGNERE.PRAKTISK_BISTAND.avgiftSkjema.register(svarregister, {
  id: 'Egenandel',
});
export const foreldrebetalingSkjema = BEREGNERE.BARNEHAGE_SFO.avgiftSkjema.register(svarregister, {
  id: 'Foreldrebetaling',
});

/** Our fields, shared by the native result and the KS answer. */
const vaareFelt = {
  beregningsdato: dato,
  beregningsdatoKilde: z.enum(['FORESPOERSEL', 'DAGENS_DATO']),
  mellomregninger: z.array(grunnlagsgruppe),
  avgiftsnoekkel: z.enum(['vederlag', 'egenandel', 'foreldrebetaling']).describe('Feltet avgiften står i'),
  vederlag: vederlagSkjema
    .nullable()
    .optional()
    .describe('LANGTIDSOPPHOLD_INSTITUSJON; null når avgiften ikke er beregnet'),
  egenandel: egenandelSkjema
    .nullable()
    .optional()
    .describe('PRAKTISK_BISTAND; null når avgiften ikke er beregnet'),
  foreldrebetaling: foreldrebetalingSkjema
    .nullable()
    .optional()
    .describe('BARNEHAGE_SFO; null når avgiften ikke er beregnet'),
  hovedtall: z.array(z.object({ tekst: z.string(), beloep, hjemmel: z.string().optional() }).strict()),
  tabell: z.object({ tittel: z.string(), linjer: z.array(linjeSkjema) }).strict(),
  advarsler: z.array(advarsel),
  regelverk: regelverkSkjema,
  utfoert: utfoertSkjema,
  grunnlagsreferanse: z
    .string()
    .optional()
    .describe(
      'Referanse til grunnlaget fra dette oppslaget, for omberegning uten nytt oppslag (30 minutter)',
    ),
};

export const resultatSkjema = z
  .object({
    beregningstype: z.string(),
    inntektsaar: z.number().int(),
    personer: z.array(personSkjema),
    beregningsbeloep: beloep.describe('Inntektsgrunnlaget etter områdets tillegg og fradrag'),
    inntekt: blokkSkjema,
    fradrag: blokkSkjema,
    visningsposter: z.array(visningspostgruppe),
    ...vaareFelt,
  })
  .strict()
  .register(svarregister, {
    id: 'Beregningsresultat',
    description: 'Resultatet av en beregning, med forklaring, advarsler og regelverket som er brukt',
  });

const ksBeregningspost = z
  .object({
    tekniskNavn: z.string(),
    visningstekst: z.string(),
    operasjon: fortegn,
    beloep,
    kilde: z.enum(POSTKILDER),
    kanEndreVisningstekst: z.boolean(),
    identifikator,
    infotekst: z.string().nullable(),
    eksempeltekst: z.string().nullable(),
    persontype: persontype.describe('Vårt tillegg'),
  })
  .strict();

const ksBlokk = z
  .object({
    beloep,
    beregning: z.array(
      z
        .object({
          tekniskNavn: z.string(),
          visningstekst: z.string(),
          beloep,
          operasjon: fortegn,
          type: z
            .enum(['POST', 'GRUNNLAG'])
            .describe(
              'POST: summert fra postene; GRUNNLAG: regnet ut fra undergruppene i beregningsgrunnlag',
            ),
          beregningsgrunnlag: z
            .array(
              z
                .object({
                  tekniskNavn: z.string(),
                  visningstekst: z.string(),
                  beloep,
                  operasjon: fortegn,
                  beregningsposter: z.array(ksBeregningspost),
                })
                .strict(),
            )
            .describe(
              'Undergruppene (type GRUNNLAG), f.eks. skatt → beregnetSkatt, forsorgerfradrag → mellomregningPaarorende',
            ),
          beregningsposter: z.array(ksBeregningspost),
          hjemmel: z.string().optional().describe('Vårt tillegg'),
        })
        .strict(),
    ),
    perPerson: perPerson.describe('Vårt tillegg: hver persons bidrag'),
  })
  .strict()
  .register(svarregister, { id: 'KsGrunnlagsblokk' });

export const ksSvarSkjema = z
  .object({
    inntektsaar: z.number().int(),
    stadie: z.enum(['OPPGJOER', 'UTKAST', 'FASTSATT']).nullable(),
    personer: z.array(
      z
        .object({
          identifikator,
          type: persontype,
          skjermet: z.boolean(),
          stadie: z.enum(['OPPGJOER', 'UTKAST', 'FASTSATT']).nullable(),
          navn: z
            .object({ etternavn: z.string(), fornavn: z.string(), mellomnavn: z.string().nullable() })
            .strict()
            .nullable(),
          skatteoppgjoersdato: z.string().nullable(),
          registreringstidpunkt: z.string().nullable(),
          postkilde: z.enum(['FORESPOERSEL', 'SKATTEETATEN']).describe('Vårt tillegg'),
        })
        .strict(),
    ),
    visningsposter: z.array(
      z
        .object({
          kategori: z.enum(VISNINGSGRUPPER),
          poster: z.array(
            z
              .object({
                personer: z.array(z.object({ identifikator, beloep }).strict()),
                beloep,
                tekniskNavn: z.string(),
                visningstekst: z.string(),
                infotekst: z.string().nullable(),
                ukjent: z
                  .literal(true)
                  .optional()
                  .describe('Vårt tillegg: posten finnes ikke i årets postliste'),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    beregningsbeloep: beloep,
    inntekt: ksBlokk,
    fradrag: ksBlokk,
    soeketidspunkt: tidspunkt,
    beregningstype: z.string(),
    feilmeldinger: z.array(
      z
        .object({
          kode: z.string().describe('SI-01, SI-02'),
          melding: z.string(),
          identifikator: identifikator.optional(),
        })
        .strict(),
    ),
    ...vaareFelt,
  })
  .strict()
  .register(svarregister, {
    id: 'KsBeregningssvar',
    description:
      'Svaret i KS Fiks sin form (samme feltnavn som KS publiserer), med våre felt lagt til etter dem: avgiften, hovedtall, tabell, advarsler, regelverk, utfoert',
  });

export const verdierSkjema = z
  .object({
    beregningstype: z.string(),
    inntektsaar: z.number().int(),
    dekkedeInntektsaar: z
      .array(z.number().int())
      .describe('Inntektsårene området kan beregne (postdefinisjon og postkatalog finnes)'),
    tittel: z.string(),
    avgiftsnoekkel: z.string(),
    persontyper: z.array(z.object({ type: persontype, tekst: z.string() }).strict()),
    ekstraposter: z.array(
      z
        .object({
          tekniskNavn: z.string(),
          visningstekst: z.string(),
          infotekst: z.string().nullable().describe('Hjelpetekst'),
          kilde: z.enum(POSTKILDER),
          visningsgruppe: z.enum(VISNINGSGRUPPER),
          kanEndreVisningstekst: z.boolean(),
          persontyper: z.array(persontype),
        })
        .strict(),
    ),
    vedtak: z
      .record(z.string(), z.unknown())
      .describe('JSON Schema for områdets vedtaksopplysninger («vedtak»)'),
  })
  .strict()
  .register(svarregister, { id: 'Verdier' });

const postdefinisjonsgruppe = z
  .object({
    tekniskNavn: z.string(),
    visningstekst: z.string(),
    operasjon: fortegn,
    persontyper: z.array(persontype),
    hjemmel: z.string().optional(),
    poster: z.array(
      z
        .object({
          tekniskNavn: z.string(),
          visningstekst: z.string(),
          operasjon: fortegn,
          kilde: z.enum(POSTKILDER),
          kategori: z.string().optional(),
          iKatalog: z.boolean().describe('false: posten finnes ikke i årets postliste'),
          merknad: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export const postdefinisjonSkjema = z
  .object({
    beregningstype: z.string(),
    inntektsaar: z.number().int(),
    kilde: kildeSkjema,
    inntekt: z.array(postdefinisjonsgruppe),
    fradrag: z.array(postdefinisjonsgruppe),
    mellomregninger: z.array(postdefinisjonsgruppe),
    visning: z.object({ grupper: z.array(z.enum(VISNINGSGRUPPER)), poster: z.array(z.string()) }).strict(),
  })
  .strict()
  .register(svarregister, { id: 'Postdefinisjon' });

export const tjenesteomraaderSkjema = z
  .array(
    z
      .object({
        id: z.string(),
        navn: z.string(),
        formaal: z.string(),
        beregningstyper: z.array(z.string()),
        rettighetspakker: z
          .object({
            summertSkattegrunnlag: z.string(),
            beregnetSkatt: z.string().optional(),
            avregning: z.string().optional(),
          })
          .strict(),
        avregningKanTildeles: z.boolean(),
        lovhjemler: z.array(
          z
            .object({
              formaal: z.enum(['TILGANG', 'REGLER']),
              hjemmel: z.string(),
              kilde: kildeSkjema,
              verifisert: dato.nullable(),
              merknad: z.string().optional(),
            })
            .strict(),
        ),
      })
      .strict(),
  )
  .register(svarregister, { id: 'Tjenesteomraader' });

export const navnesvarSkjema = z
  .object({
    identifikator,
    navn: navn.extend({ mellomnavn: z.string().nullable() }).nullable(),
    skjermet: z.boolean().describe('Fortrolig eller strengt fortrolig adresse'),
    utfoert: utfoertSkjema.omit({ avregning: true, grunnlag: true, grunnlagHentet: true }),
  })
  .strict()
  .register(svarregister, { id: 'Navneoppslag' });

export const megSkjema = z
  .object({
    aktoer: z
      .object({ type: z.enum(['BRUKER', 'KLIENT']), id: z.string(), visningsnavn: z.string() })
      .strict(),
    roller: z.array(
      z
        .object({
          id: z.string(),
          navn: z.string(),
          tjenesteomraade: z.string(),
          avregning: z.boolean(),
          beregningstyper: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict()
  .register(svarregister, { id: 'Meg' });

export const beredskapSkjema = z
  .object({
    status: z.enum(['ok', 'degradert', 'feil']),
    lager: z
      .object({ status: z.enum(['ok', 'feil']), modus: z.string(), melding: z.string().optional() })
      .strict(),
    kilde: z
      .object({
        status: z.enum(['ok', 'feiler', 'ukjent']),
        beskrivelse: z.string(),
        sisteSuksess: tidspunkt.optional(),
        sisteFeil: tidspunkt.optional(),
      })
      .strict(),
  })
  .strict()
  .register(svarregister, { id: 'Beredskap' });

/** A KS integration as the admin routes answer it (never its password or hash). */
export const ksIntegrasjonSkjema = z
  .object({
    id: z.string().describe('En UUID (små bokstaver)'),
    navn: z.string(),
    organisasjonsnummer: z.string().describe('Den autoriserte organisasjonen: tokenets consumer'),
    roller: z.array(z.string()).describe('Rollene integrasjonen kan kalle i ({rolleId} i KS-stien)'),
    demo: z.boolean().describe('Demointegrasjon (bare i demooppsettet)'),
    aktiv: z.boolean().describe('false: trukket tilbake'),
    opprettet: tidspunkt,
    passordEndret: tidspunkt,
  })
  .strict()
  .register(svarregister, { id: 'KsIntegrasjon' });

export const ksIntegrasjonerSkjema = z
  .object({ integrasjoner: z.array(ksIntegrasjonSkjema) })
  .strict()
  .register(svarregister, { id: 'KsIntegrasjoner' });

export const ksIntegrasjonMedPassordSkjema = z
  .object({
    integrasjon: ksIntegrasjonSkjema,
    passord: z.string().describe('Passordet: vises bare her, lagres bare som hash'),
  })
  .strict()
  .register(svarregister, { id: 'KsIntegrasjonMedPassord' });
/** One element of a decision letter's section (packages/dokument, Brevelement). */
const brevelementSkjema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('avsnitt'), tekst: z.string() }).strict(),
  z
    .object({
      type: z.literal('beloep'),
      rader: z.array(
        z.object({ tekst: z.string(), beloep: z.string(), merknad: z.string().optional() }).strict(),
      ),
    })
    .strict(),
  z.object({ type: z.literal('liste'), punkter: z.array(z.string()) }).strict(),
  z
    .object({
      type: z.literal('fakta'),
      rader: z.array(z.object({ etikett: z.string(), verdi: z.string() }).strict()),
    })
    .strict(),
]);

/** The content of a decision letter, as the PDF renders it (POST /api/v1/vedtaksbrev with Accept: application/json). */
export const vedtaksbrevinnholdSkjema = z
  .object({
    vedtaksbrev: z
      .object({
        spraak: z.enum(['nb', 'nn']),
        beregningstype: z.string(),
        tittel: z.string(),
        vedtaksdato: dato,
        vedtaksdatoTekst: z.string(),
        avsender: z
          .object({ kommunenavn: z.string(), enhet: z.string().optional(), linjer: z.array(z.string()) })
          .strict(),
        mottaker: z
          .object({ navn: z.string().optional(), adresselinjer: z.array(z.string()) })
          .strict()
          .nullable()
          .describe('Null når søkeren har adressebeskyttelse, eller når verken navn eller adresse er kjent'),
        referanser: z.array(z.object({ etikett: z.string(), verdi: z.string() }).strict()),
        deler: z.array(
          z
            .object({
              id: z.string(),
              overskrift: z.string(),
              nivaa: z.union([z.literal(1), z.literal(2)]),
              innhold: z.array(brevelementSkjema),
            })
            .strict(),
        ),
        underskrift: z
          .object({ hilsen: z.string(), navn: z.string(), tittel: z.string(), merknad: z.string() })
          .strict(),
        kopi: z
          .object({ etikett: z.string(), mottakere: z.array(z.string()) })
          .strict()
          .nullable(),
        bunntekst: z.string(),
      })
      .strict()
      .describe('Brevets innhold, ferdig formatert på brevets målform; fødselsnumre er maskert'),
    filnavn: z.string().describe('Filnavnet PDF-en får (uten personopplysninger)'),
  })
  .strict()
  .register(svarregister, { id: 'Vedtaksbrevinnhold' });

/** A reference to a named schema under components. */
export const ref = (navn: string) => ({ $ref: `#/components/schemas/${navn}` });

/** The answer of a decision-letter route: the PDF/A, or its content as JSON for a preview; never cached. */
export const vedtaksbrevsvar = {
  description: 'Vedtaksbrevet som PDF/A-2b, eller innholdet som JSON (Accept: application/json)',
  headers: {
    'Content-Disposition': { schema: { type: 'string' } },
    'Cache-Control': { schema: { type: 'string', const: 'no-store' } },
  },
  content: {
    'application/pdf': { schema: { type: 'string', contentEncoding: 'binary' } },
    'application/json': { schema: ref('Vedtaksbrevinnhold') },
  },
};
