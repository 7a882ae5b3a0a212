import { Valideringsfeil } from '@inntektsgrunnlag/beregning';

/** The SQLSTATE of a database error (node-postgres and PGlite both set `code`). */
function sqlstate(e: unknown): string | undefined {
  const kode = (e as { code?: unknown } | null)?.code;
  return typeof kode === 'string' ? kode : undefined;
}

/**
 * Turns a reference to something that does not exist (foreign key) or a duplicate (unique key) into
 * a Valideringsfeil naming the field, so a caller gets the reason and not a database message.
 */
export async function medKontroll<T>(
  fn: () => Promise<T>,
  felt: { fremmed?: string; unik?: string; melding?: { fremmed?: string; unik?: string } },
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const kode = sqlstate(e);
    // 23503: no such row referenced; 23001: a RESTRICT reference still points at the row.
    if ((kode === '23503' || kode === '23001') && felt.fremmed) {
      throw new Valideringsfeil([{ felt: felt.fremmed, melding: felt.melding?.fremmed ?? 'finnes ikke' }]);
    }
    if (kode === '23505' && felt.unik) {
      throw new Valideringsfeil([{ felt: felt.unik, melding: felt.melding?.unik ?? 'finnes allerede' }]);
    }
    throw e;
  }
}
