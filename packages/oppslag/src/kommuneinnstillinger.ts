import { skjermingSkjema } from '@inntektsgrunnlag/arkiv';
import { type Beregningstype, valider } from '@inntektsgrunnlag/beregning';
import { vedtaksbrevinnstillingerSkjema } from '@inntektsgrunnlag/dokument';
import { etteroppgjoersinnstillingerSkjema } from '@inntektsgrunnlag/etteroppgjoer';
import { z } from 'zod';
import { BEREGNERE } from './register.js';

/**
 * How the product journals in the municipality's archive (docs/arkiv.md): what it calls itself, and how
 * its journalposts are screened, in the codes the archive uses. The defaults are Noark 5's.
 */
export const arkivinnstillingerSkjema = z
  .object({
    fagsystem: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .default('Inntektsgrunnlag')
      .describe(
        'Navnet på fagsystemet i arkivmeldingen (system) og i referanseEksternNoekkel; arkivet kjenner igjen en forsendelse på dette og nøkkelen',
      ),
    skjerming: skjermingSkjema
      .prefault({})
      .describe(
        'tilgangsrestriksjon (kode og beskrivelse fra arkivets kodeliste; standard KL «Klientsaker», Noark 5) og skjermingshjemmel (standard «Offl. § 13 jf. fvl. § 13 første ledd nr. 1»)',
      ),
    administrativEnhet: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Den administrative enheten en ny saksmappe får (navn), når arkivet krever den'),
  })
  .strict();

export type Arkivinnstillinger = z.output<typeof arkivinnstillingerSkjema>;

/**
 * The municipality's settings: its name (for documents), its letter settings (`vedtaksbrev`: address,
 * logo, signatory, appeal bodies) and each area's settings, every one with a documented default. A
 * file with only some of them is filled in with the defaults.
 */
export const kommuneinnstillingerSkjema = z
  .object({
    kommunenavn: z
      .string()
      .min(1)
      .max(100)
      .default('Demokommune')
      .describe('Kommunens navn, brukt i dokumenter'),
    kommunenummer: z
      .string()
      .regex(/^\d{4}$/, 'må være fire sifre')
      .optional()
      .describe('Kommunenummer (fire sifre)'),
    vedtaksbrev: vedtaksbrevinnstillingerSkjema
      .prefault({})
      .describe(
        'Vedtaksbrevet: målform, adresse, kontakt, logo, underskriver og klageinstanser (docs/kommuneinnstillinger/README.md)',
      ),
    BARNEHAGE_SFO: z.unknown().optional(),
    PRAKTISK_BISTAND: z.unknown().optional(),
    LANGTIDSOPPHOLD_INSTITUSJON: z.unknown().optional(),
    etteroppgjoer: etteroppgjoersinnstillingerSkjema
      .prefault({})
      .describe(
        'Etteroppgjøret for langtidsopphold: dagtallet for en del av en måned (docs/regelverk/langtidsopphold.md)',
      ),
    arkiv: arkivinnstillingerSkjema.prefault({}).describe('Journalføring i kommunens arkiv (docs/arkiv.md)'),
  })
  .strict();

export type Kommuneinnstillinger = z.output<typeof kommuneinnstillingerSkjema>;

/**
 * Validates a settings file up front, so a faulty file is refused before any beregning: the common
 * part here, each area's part against the area's schema. Each area's part is kept as written; the
 * beregning parses it again (once per call), so a schema never has to accept its own output.
 */
export function validerKommuneinnstillinger(raa: unknown): Kommuneinnstillinger {
  const innst = valider(kommuneinnstillingerSkjema, raa ?? {}, ['kommuneinnstillinger']);
  for (const type of Object.keys(BEREGNERE) as Beregningstype[]) {
    valider(BEREGNERE[type].innstillingerSkjema, innst[type] ?? {}, ['kommuneinnstillinger', type]);
  }
  return innst;
}
