import { z } from 'zod';

/** How a part month is charged by the day (kommuneinnstilling `delmaaned`). */
export type Delmaaned = 'DAGER_I_MAANEDEN' | 'DAGER_I_AARET' | 'TRETTI_DAGER';

/**
 * The municipality's settings for the etteroppgjør, where the forskrift leaves the method open. Each has
 * a default and says why (docs/regelverk/langtidsopphold.md, «Etteroppgjøret»).
 */
export const etteroppgjoersinnstillingerSkjema = z
  .object({
    delmaaned: z
      .enum(['DAGER_I_MAANEDEN', 'DAGER_I_AARET', 'TRETTI_DAGER'], {
        error: () => 'må være DAGER_I_MAANEDEN, DAGER_I_AARET eller TRETTI_DAGER',
      })
      .default('DAGER_I_MAANEDEN')
      .describe(
        'Hvordan en del av en måned betales etter dagtall (§ 6 første og fjerde ledd): månedsvederlaget × dager ÷ dagene i måneden (standard), årsvederlaget × dager ÷ dagene i året, eller månedsvederlaget × dager ÷ 30. En del av en måned blir aldri mer enn en hel måned.',
      ),
  })
  .strict();

export type Etteroppgjoersinnstillinger = z.output<typeof etteroppgjoersinnstillingerSkjema>;
