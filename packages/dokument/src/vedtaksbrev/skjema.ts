import { isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';
import { logoSkjema } from './logo.js';
import { flerspraakligSkjema, spraakSkjema } from './spraak.js';

const tekst = (maks: number) =>
  z.string().trim().min(1, 'kan ikke være tom').max(maks, `kan være høyst ${maks} tegn`);

const adresselinjer = z
  .array(tekst(100), { error: 'må være en liste med adresselinjer' })
  .max(5, 'høyst fem adresselinjer');

/**
 * The municipality's settings for decision letters (`vedtaksbrev` in the kommuneinnstillinger file,
 * docs/kommuneinnstillinger/README.md). Every setting has a default, so a municipality that has set
 * none still gets a lawful letter: the appeal bodies then carry their generic names.
 */
export const vedtaksbrevinnstillingerSkjema = z
  .object({
    standardspraak: spraakSkjema
      .default('nb')
      .describe(
        'Kommunens målform: språket et vedtaksbrev får når saksbehandleren ikke velger (nb eller nn)',
      ),
    enhet: flerspraakligSkjema(100)
      .optional()
      .describe('Enheten som sender brevet, under kommunenavnet (f.eks. «Helse og omsorg»)'),
    adresse: adresselinjer
      .default([])
      .describe('Kommunens postadresse, én linje per element; står i brevhodet og der klagen skal sendes'),
    telefon: tekst(40).optional().describe('Telefonnummeret brevet oppgir for spørsmål'),
    epost: tekst(100).optional().describe('E-postadressen brevet oppgir for spørsmål'),
    nettside: tekst(200).optional().describe('Kommunens nettside'),
    organisasjonsnummer: z
      .string()
      .regex(/^\d{9}$/, 'må være ni sifre')
      .optional()
      .describe('Kommunens organisasjonsnummer (ni sifre), i brevhodet'),
    logo: logoSkjema
      .optional()
      .describe('Kommunens logo som data-URL (PNG eller JPEG i RGB/gråtoner, høyst 1 MB); uten: bare navnet'),
    underskriver: z
      .object({
        navn: tekst(100).describe('Navnet på den som undertegner'),
        tittel: flerspraakligSkjema(100).describe('Stillingen, f.eks. «enhetsleder»'),
      })
      .strict()
      .optional()
      .describe(
        'Den som undertegner vedtakene; uten: saksbehandleren som lager brevet (navnet fra innloggingen, tittel «saksbehandler»)',
      ),
    klageinstansKommunal: flerspraakligSkjema(200)
      .optional()
      .describe(
        'Kommunens klageinstans for vedtak om foreldrebetaling i barnehage og SFO (forvaltningsloven § 28 andre ledd), f.eks. «Klagenemnda i Tønsberg kommune»; uten: «kommunens klageinstans»',
      ),
    statsforvalter: flerspraakligSkjema(200)
      .optional()
      .describe(
        'Statsforvalteren som hører klager på egenandel og vederlag i helse og omsorg (pasient- og brukerrettighetsloven § 7-2), f.eks. «Statsforvalteren i Vestfold og Telemark»; uten: «Statsforvalteren»',
      ),
    etteroppgjoerBetaling: flerspraakligSkjema(500)
      .optional()
      .describe(
        'Hvordan differansen i et etteroppgjør gjøres opp, når saksbehandleren ikke skriver det (vedtaksbrev.etteroppgjoer.betaling), f.eks. «Beløpet kommer på neste faktura»; uten: brevet sier at kommunen sender faktura eller betaler tilbake',
      ),
  })
  .strict();

export type VedtaksbrevinnstillingerInn = z.input<typeof vedtaksbrevinnstillingerSkjema>;
export type Vedtaksbrevinnstillinger = z.output<typeof vedtaksbrevinnstillingerSkjema>;

/** The most characters of the case worker's free text (about two pages). */
export const MAKS_VURDERINGER = 6000;

/**
 * What the case worker writes or chooses for one letter (`vedtaksbrev` in the API's body, the CLI's
 * JSON Lines and `brev_*` CSV columns). Everything is optional; the defaults are documented in
 * docs/dokument.md.
 */
export const brevdataSkjema = z
  .object({
    spraak: spraakSkjema.optional().describe('nb (bokmål) eller nn (nynorsk); standard: kommunens målform'),
    vurderinger: z
      .string({ error: 'må være en tekst' })
      .trim()
      .max(MAKS_VURDERINGER, `kan være høyst ${MAKS_VURDERINGER} tegn`)
      .optional()
      .describe(
        'Hovedhensynene der saksbehandleren har utøvd skjønn (forvaltningsloven § 25 tredje ledd); avsnitt skilles med en tom linje',
      ),
    gjelderFra: isoDatoSkjema
      .optional()
      .describe(
        'Datoen vedtaket gjelder fra; standard: beregningsdatoen (langtidsopphold: første dag med vederlag)',
      ),
    vedtaksdato: isoDatoSkjema.optional().describe('Brevets dato; standard: datoen brevet lages'),
    saksreferanse: tekst(100)
      .optional()
      .describe('Saksnummeret i arkivet; standard: beregningens saksreferanse'),
    mottaker: z
      .object({
        navn: tekst(200).optional().describe('Mottakerens navn; standard: søkerens navn fra Folkeregisteret'),
        adresselinjer: adresselinjer.optional().describe('Mottakerens adresse, én linje per element'),
      })
      .strict()
      .optional()
      .describe(
        'Brevets mottaker: søkeren (beboeren, tjenestemottakeren). Aldri for en person med adressebeskyttelse.',
      ),
    kopiTil: z
      .array(
        z
          .object({
            navn: tekst(200),
            rolle: tekst(100).optional().describe('F.eks. «verge» eller «nærmeste pårørende»'),
            adresselinjer: adresselinjer.optional(),
          })
          .strict(),
      )
      .max(5, 'høyst fem kopimottakere')
      .optional()
      .describe('Kopi til, f.eks. verge eller nærmeste pårørende (egenandelsforskriften § 2)'),
    etteroppgjoer: z
      .object({
        betalingsfrist: isoDatoSkjema
          .optional()
          .describe(
            'Etteroppgjør: innen når beboeren må betale differansen, eller når kommunen betaler den tilbake',
          ),
        betaling: tekst(1000)
          .optional()
          .describe(
            'Etteroppgjør: hvordan differansen gjøres opp (faktura, trekk i neste faktura, kontonummer); standard: kommunens innstilling etteroppgjoerBetaling',
          ),
      })
      .strict()
      .optional()
      .describe('Bare for et etteroppgjør: når og hvordan differansen gjøres opp'),
    saksbehandler: z
      .object({
        navn: tekst(100),
        telefon: tekst(40).optional(),
        epost: tekst(100).optional(),
      })
      .strict()
      .optional()
      .describe('Saksbehandleren brevet oppgir; standard: den som lager brevet'),
  })
  .strict();

export type BrevdataInn = z.input<typeof brevdataSkjema>;
export type Brevdata = z.output<typeof brevdataSkjema>;

/**
 * What the letter says about its sender and its making, besides the result and the case worker's
 * fields: the municipality and its letter settings, who made it, when. The renderer never reads the
 * clock: `opprettet` is the caller's.
 */
export const brevmetadataSkjema = z
  .object({
    kommunenavn: tekst(100),
    kommunenummer: z
      .string()
      .regex(/^\d{4}$/, 'må være fire sifre')
      .optional(),
    innstillinger: vedtaksbrevinnstillingerSkjema.default({ standardspraak: 'nb', adresse: [] }),
    laget: z
      .object({
        rolle: tekst(100),
        brukernavn: tekst(200).optional(),
      })
      .strict(),
    /** When the letter was made (ISO 8601 with offset). */
    opprettet: z.iso.datetime({ offset: true, error: 'må være et tidspunkt som 2026-11-27T10:15:00+01:00' }),
  })
  .strict();

export type BrevmetadataInn = z.input<typeof brevmetadataSkjema>;
export type Brevmetadata = z.output<typeof brevmetadataSkjema>;
