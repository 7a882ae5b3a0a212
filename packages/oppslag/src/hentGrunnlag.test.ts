import { foresporselSkjema, valider } from '@inntektsgrunnlag/beregning';
import {
  innebygdeKilder,
  type Kilder,
  KS_PARTNER,
  KS_SOEKER,
  PersonIkkeFunnet,
  personerIKategori,
} from '@inntektsgrunnlag/kilder';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { GrunnlagIkkeHentet, hentGrunnlag, IngenSkatteopplysninger } from './hentGrunnlag.js';
import { beregnerFor } from './register.js';

/** The embedded source, counting the calls per API (and failing Folkeregisteret on request). */
function tellendeKilder(valg: { fregFeiler?: boolean } = {}) {
  const k = innebygdeKilder();
  const kall = { ssg: [] as string[], bs: [] as string[], ar: [] as string[], freg: [] as string[] };
  const kilder: Kilder = {
    ...k,
    summertSkattegrunnlag: {
      hent: (o) => {
        kall.ssg.push(`${o.identifikator}/${o.stadie}`);
        return k.summertSkattegrunnlag.hent(o);
      },
    },
    beregnetSkatt: {
      hent: (o) => {
        kall.bs.push(o.identifikator);
        return k.beregnetSkatt.hent(o);
      },
    },
    avregning: {
      hent: (o) => {
        kall.ar.push(o.identifikator);
        return k.avregning.hent(o);
      },
    },
    folkeregister: {
      hentPerson: (id, deler) => {
        kall.freg.push(id);
        if (valg.fregFeiler)
          return Promise.reject(new PersonIkkeFunnet({ api: 'FOLKEREGISTERET', identifikator: id }));
        return k.folkeregister.hentPerson(id, deler);
      },
    },
  };
  return { kilder, kall };
}

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: unknown;
  personer: Record<
    string,
    {
      navn: unknown;
      skatteoppgjoersdato: string;
      summertSkattegrunnlag: Array<{ tekniskNavn: string; beloep: number }>;
      beregnetSkatt?: Record<string, number>;
      avregning: Record<string, number>;
    }
  >;
};

function foresporsel(raa: unknown) {
  return valider(foresporselSkjema, raa);
}

function soeker(beregningstype: string, inntektsaar: number, identifikator: string) {
  return foresporsel({ beregningstype, inntektsaar, personer: [{ identifikator, type: 'SOEKER' }] });
}

describe('the fetch step', () => {
  it('fetches the KS example’s persons: SSG, Beregnet skatt, Avregning and names, exactly as published', async () => {
    const { kilder, kall } = tellendeKilder();
    const f = foresporsel(ks.foresporsel);
    const r = await hentGrunnlag(f, beregnerFor(f.beregningstype), kilder, { avregning: true });
    expect(r.personer.map((p) => p.identifikator)).toEqual([KS_SOEKER, KS_PARTNER]);
    for (const p of r.personer) {
      const publisert = ks.personer[p.identifikator];
      if (!publisert) throw new Error('ukjent person');
      expect(p).toMatchObject({
        stadie: 'OPPGJOER',
        skjermet: false,
        postkilde: 'SKATTEETATEN',
        navn: publisert.navn,
        skatteoppgjoersdato: publisert.skatteoppgjoersdato,
      });
      const forventet = {
        ...Object.fromEntries(publisert.summertSkattegrunnlag.map((g) => [g.tekniskNavn, g.beloep])),
        ...publisert.beregnetSkatt,
        ...publisert.avregning,
      };
      expect(Object.fromEntries(p.poster.map((x) => [x.tekniskNavn, x.beloep.toJsonNumber()]))).toEqual(
        forventet,
      );
    }
    expect(kall.ssg).toEqual([`${KS_SOEKER}/OPPGJOER`, `${KS_PARTNER}/OPPGJOER`]);
    // The partner has no Beregnet skatt in the published example: a warning, masked, not a failure.
    expect(r.advarsler.map((a) => a.kode)).toEqual(['SYNTETISKE_DATA', 'BEREGNET_SKATT_MANGLER']);
    expect(r.advarsler[1]?.melding).toContain('278470*****');
    expect(r.advarsler[1]?.melding).not.toContain(KS_PARTNER);
  });

  it('never calls the Avregning API unless the role is granted avregning (deny by default)', async () => {
    const { kilder, kall } = tellendeKilder();
    const f = foresporsel(ks.foresporsel);
    const r = await hentGrunnlag(f, beregnerFor(f.beregningstype), kilder);
    expect(kall.ar).toEqual([]);
    for (const p of r.personer) {
      expect(p.poster.filter((x) => x.tekniskNavn.startsWith('/fastland/'))).toEqual([]);
    }
  });

  it('BARNEHAGE_SFO falls back to the utkast, and calls nothing it has no rettighetspakke for', async () => {
    const { kilder, kall } = tellendeKilder();
    const [person] = personerIKategori('BARE_UTKAST');
    if (!person) throw new Error('ingen');
    const f = soeker('BARNEHAGE_SFO', 2025, person.identifikator);
    const r = await hentGrunnlag(f, beregnerFor('BARNEHAGE_SFO'), kilder);
    expect(r.personer[0]?.stadie).toBe('UTKAST');
    expect(r.personer[0]?.poster.length).toBeGreaterThan(3);
    expect(kall.ssg).toEqual([`${person.identifikator}/OPPGJOER`, `${person.identifikator}/UTKAST`]);
    expect(kall.bs).toEqual([]);
    expect(kall.ar).toEqual([]);
  });

  it('a year without data is a clear error naming the person (masked) and the year', async () => {
    const { kilder } = tellendeKilder();
    const [person] = personerIKategori('NYLIG_INNFLYTTET');
    if (!person) throw new Error('ingen');
    const id = person.identifikator;
    const e = await hentGrunnlag(
      soeker('LANGTIDSOPPHOLD_INSTITUSJON', 2019, id),
      beregnerFor('LANGTIDSOPPHOLD_INSTITUSJON'),
      kilder,
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GrunnlagIkkeHentet);
    expect((e as GrunnlagIkkeHentet).feil[0]).toBeInstanceOf(IngenSkatteopplysninger);
    expect((e as Error).message).toMatch(
      new RegExp(
        `^Skatteetaten har ingen skatteopplysninger for ${id.slice(0, 6)}\\*{5} for inntektsåret 2019 \\(ikke skatteoppgjør\\)`,
      ),
    );
    expect((e as Error).message).not.toContain(id);
    const barnehage = await hentGrunnlag(
      soeker('BARNEHAGE_SFO', 2019, id),
      beregnerFor('BARNEHAGE_SFO'),
      kilder,
    ).catch((x: unknown) => x as Error);
    expect((barnehage as Error).message).toContain('verken skatteoppgjør eller utkast til skattemelding');
  });

  it('reports every person that failed, together', async () => {
    const { kilder } = tellendeKilder();
    const [a, b] = personerIKategori('NYLIG_INNFLYTTET');
    const f = foresporsel({
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2019,
      personer: [
        { identifikator: a?.identifikator, type: 'SOEKER' },
        { identifikator: b?.identifikator, type: 'EKTEFELLE' },
      ],
    });
    const e = (await hentGrunnlag(f, beregnerFor(f.beregningstype), kilder).catch(
      (x: unknown) => x,
    )) as GrunnlagIkkeHentet;
    expect(e.feil).toHaveLength(2);
    expect(e.message).toMatch(/^Skatteopplysningene kunne ikke hentes for 2 personer:\n {2}- /);
  });

  it('an unknown person is "no such person", not "no data"', async () => {
    const e = (await hentGrunnlag(
      soeker('LANGTIDSOPPHOLD_INSTITUSJON', 2023, '02013299997'),
      beregnerFor('LANGTIDSOPPHOLD_INSTITUSJON'),
      tellendeKilder().kilder,
    ).catch((x: unknown) => x)) as GrunnlagIkkeHentet;
    expect(e.feil[0]).toBeInstanceOf(PersonIkkeFunnet);
    expect(e.message).toContain('020132*****');
  });

  it('a person with adressebeskyttelse comes back skjermet, without posts, and nothing more is fetched', async () => {
    const { kilder, kall } = tellendeKilder();
    const [person] = personerIKategori('ADRESSEBESKYTTELSE');
    if (!person) throw new Error('ingen');
    const r = await hentGrunnlag(
      soeker('LANGTIDSOPPHOLD_INSTITUSJON', 2023, person.identifikator),
      beregnerFor('LANGTIDSOPPHOLD_INSTITUSJON'),
      kilder,
    );
    expect(r.personer[0]).toMatchObject({ skjermet: true, poster: [] });
    expect(kall.bs).toEqual([]);
    expect(kall.ar).toEqual([]);
  });

  it('never looks up a person whose posts are given inline', async () => {
    const { kilder, kall } = tellendeKilder();
    const f = foresporsel({
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2023,
      personer: [
        {
          identifikator: KS_SOEKER,
          type: 'SOEKER',
          poster: [{ tekniskNavn: 'minstefradragIInntekt', beloep: 10 }],
        },
        { identifikator: KS_PARTNER, type: 'PARTNER' },
      ],
    });
    const r = await hentGrunnlag(f, beregnerFor(f.beregningstype), kilder);
    expect(r.personer[0]).toMatchObject({
      postkilde: 'FORESPOERSEL',
      poster: [{ tekniskNavn: 'minstefradragIInntekt' }],
    });
    expect(r.personer[1]?.postkilde).toBe('SKATTEETATEN');
    expect([...kall.ssg, ...kall.bs, ...kall.ar, ...kall.freg].some((x) => x.startsWith(KS_SOEKER))).toBe(
      false,
    );
  });

  it('goes on without the name when Folkeregisteret fails, and says so', async () => {
    const { kilder } = tellendeKilder({ fregFeiler: true });
    const r = await hentGrunnlag(
      soeker('LANGTIDSOPPHOLD_INSTITUSJON', 2023, KS_SOEKER),
      beregnerFor('LANGTIDSOPPHOLD_INSTITUSJON'),
      kilder,
    );
    expect(r.personer[0]?.navn).toBeUndefined();
    expect(r.advarsler.find((a) => a.kode === 'NAVN_IKKE_HENTET')?.melding).toMatch(
      /^Klarte ikke å hente navnet til 048172\*{5}/,
    );
  });
});
