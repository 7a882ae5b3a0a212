import { z } from 'zod';

/** How a part month is charged by the day (kommuneinnstilling `delmaaned`). */
export type Delmaaned = 'DAGER_I_MAANEDEN' | 'DAGER_I_AARET';

/**
 * The municipality's settings for the etteroppgjør, where the forskrift leaves the method open. Each has
 * a default and says why (docs/regelverk/langtidsopphold.md, «Etteroppgjøret»).
 */
export const etteroppgjoersinnstillingerSkjema = z
  .object({
    delmaaned: z
      .enum(['DAGER_I_MAANEDEN', 'DAGER_I_AARET'], {
        error: () => 'må være DAGER_I_MAANEDEN eller DAGER_I_AARET',
      })
      .default('DAGER_I_MAANEDEN')
      .describe(
        'Hvordan en del av en måned betales etter dagtall (§ 6 første og fjerde ledd): månedsvederlaget × dager ÷ dagene i måneden (standard), eller årsvederlaget × dager ÷ dagene i året (samme dagsats hele året). En del av en måned blir aldri mer enn en hel måned. «÷ 30» tilbys ikke: 30 av 31 dager ville koste en hel måned, også for en dag beboeren ikke var der.',
      ),
  })
  .strict();

export type Etteroppgjoersinnstillinger = z.output<typeof etteroppgjoersinnstillingerSkjema>;
