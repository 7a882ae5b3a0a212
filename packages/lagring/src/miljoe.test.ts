import { describe, expect, it } from 'vitest';
import { lagringsvalgFraMiljoe } from './index.js';

describe('lagringsvalgFraMiljoe', () => {
  it('uses PostgreSQL when DATABASE_URL is set, with an optional schema', () => {
    expect(lagringsvalgFraMiljoe({ DATABASE_URL: 'postgres://a@b/c' }, '/repo')).toEqual({
      databaseUrl: 'postgres://a@b/c',
    });
    expect(
      lagringsvalgFraMiljoe({ DATABASE_URL: 'postgres://a@b/c', INNTEKTSGRUNNLAG_DB_SKJEMA: 'ig' }, '/repo'),
    ).toEqual({ databaseUrl: 'postgres://a@b/c', skjema: 'ig' });
  });

  it('else embedded PGlite under the repository root, not the working directory', () => {
    expect(lagringsvalgFraMiljoe({}, '/repo')).toEqual({ dataKatalog: '/repo/data/pglite' });
    expect(
      lagringsvalgFraMiljoe({ DATABASE_URL: '  ', INNTEKTSGRUNNLAG_DATA: 'annen/mappe' }, '/repo'),
    ).toEqual({
      dataKatalog: '/repo/annen/mappe',
    });
    expect(lagringsvalgFraMiljoe({ INNTEKTSGRUNNLAG_DATA: '/var/lib/ig' }, '/repo')).toEqual({
      dataKatalog: '/var/lib/ig',
    });
  });

  it('reads the retention setting, and refuses a value that is not whole years', () => {
    expect(lagringsvalgFraMiljoe({ INNTEKTSGRUNNLAG_REVISJONSLOGG_AAR: '10' }, '/repo')).toEqual({
      dataKatalog: '/repo/data/pglite',
      innstillinger: { revisjonslogg: { oppbevaringAar: 10 } },
    });
    expect(() => lagringsvalgFraMiljoe({ INNTEKTSGRUNNLAG_REVISJONSLOGG_AAR: 'fem' }, '/repo')).toThrow(
      /INNTEKTSGRUNNLAG_REVISJONSLOGG_AAR/,
    );
  });

  it('keeps everything in memory with :minne:', () => {
    expect(lagringsvalgFraMiljoe({ INNTEKTSGRUNNLAG_DATA: ':minne:' }, '/repo')).toEqual({ iMinne: true });
  });

  it('takes a cache bound for PostgreSQL only when the operator sets one, and refuses a bad one', () => {
    expect(
      lagringsvalgFraMiljoe(
        { DATABASE_URL: 'postgres://a@b/c', INNTEKTSGRUNNLAG_TILGANGSBUFFER_MS: '5000' },
        '/repo',
      ),
    ).toEqual({ databaseUrl: 'postgres://a@b/c', tilgangsbuffer: { levetidMs: 5000 } });
    expect(() =>
      lagringsvalgFraMiljoe(
        { DATABASE_URL: 'postgres://a@b/c', INNTEKTSGRUNNLAG_TILGANGSBUFFER_MS: '5s' },
        '/repo',
      ),
    ).toThrow(/INNTEKTSGRUNNLAG_TILGANGSBUFFER_MS/);
  });
});
