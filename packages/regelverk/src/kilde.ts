import { z } from 'zod';

/**
 * Where a value or a rule comes from. `tittel` is required; `url`, the legal reference (`hjemmel`),
 * a short quote and the confidence of the source are given where known.
 */
export const kildeSkjema = z.object({
  /** e.g. "Rundskriv I-1/2025 (Helse- og omsorgsdepartementet)" */
  tittel: z.string().min(1, 'kilde.tittel kan ikke være tom'),
  url: z.url().optional(),
  /** The provision the value is given under, e.g. "egenandelsforskriften § 3 annet ledd" */
  hjemmel: z.string().min(1).optional(),
  /** A short verbatim quote from the source */
  sitat: z.string().min(1).optional(),
  /**
   * A: primary official source (regjeringen.no, Lovdata, NAV); B: two or more consistent secondary
   * sources; C: one secondary source. Values marked C are shown as such in results.
   */
  konfidens: z.enum(['A', 'B', 'C']).optional(),
});

export type Kilde = z.infer<typeof kildeSkjema>;

/** Where a line of an explanation, or a post, comes from. */
export const KILDETYPER = ['SKATTEETATEN', 'NAV', 'KOMMUNE', 'MANUELL_INPUT', 'REGEL'] as const;
export type Kildetype = (typeof KILDETYPER)[number];
