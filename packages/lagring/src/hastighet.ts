import { createHash } from 'node:crypto';
import type { Sql } from './database.js';

/**
 * The API's per-client rate limit counted in PostgreSQL (table `hastighetsvinduer`, migration 0009),
 * so three instances allow a client the limit once, not three times (issue 19 item 5). One statement
 * per request: it starts a new window when the old one is over, else adds one, and returns the count
 * and the seconds left, on the database's clock (the instances' clocks may differ).
 */
export class DeltHastighetsteller {
  private tellinger = 0;

  constructor(
    private readonly sql: Sql,
    readonly maks: number,
    readonly vinduMs: number,
  ) {}

  async tell(noekkel: string): Promise<{ tillatt: boolean; gjenstaar: number; nullstillesOmSek: number }> {
    const hash = createHash('sha256').update(noekkel).digest('hex');
    const sek = this.vinduMs / 1000;
    const [rad] = await this.sql.query<{ antall: number; igjen: string | number }>(
      `INSERT INTO hastighetsvinduer AS h (noekkel, start, antall) VALUES ($1, now(), 1)
       ON CONFLICT (noekkel) DO UPDATE SET
         start = CASE WHEN h.start <= now() - make_interval(secs => $2::double precision) THEN now() ELSE h.start END,
         antall = CASE WHEN h.start <= now() - make_interval(secs => $2::double precision) THEN 1 ELSE h.antall + 1 END
       RETURNING antall, extract(epoch FROM (start + make_interval(secs => $2::double precision) - now())) AS igjen`,
      [hash, sek],
    );
    if (++this.tellinger % 1000 === 0) {
      // Windows long over are of no use; removed now and then, not on every request.
      await this.sql
        .query(
          'DELETE FROM hastighetsvinduer WHERE start < now() - make_interval(secs => $1::double precision)',
          [sek * 2],
        )
        .catch(() => undefined);
    }
    const antall = Number(rad?.antall ?? 1);
    return {
      tillatt: antall <= this.maks,
      gjenstaar: Math.max(0, this.maks - antall),
      // now() is the time this statement's transaction began: when it waited on the row lock of an
      // instance that opened the window a moment later, start + window − now() is a little more than
      // the window. The wait until the window resets is never longer than the window itself.
      nullstillesOmSek: Math.min(Math.ceil(sek), Math.max(1, Math.ceil(Number(rad?.igjen ?? sek)))),
    };
  }
}
