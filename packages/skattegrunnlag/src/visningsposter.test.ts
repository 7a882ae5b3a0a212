import { readFileSync } from 'node:fs';
import { Beloep } from '@inntektsgrunnlag/money';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  avregningSkjema,
  beregnetSkattSkjema,
  katalogFor,
  lagVisningsposter,
  type PersonMedPoster,
  posterFraAvregning,
  posterFraBeregnetSkatt,
  posterFraSummertSkattegrunnlag,
  summertSkattegrunnlagSkjema,
  VISNINGSGRUPPER,
  visningsposterTilJson,
} from './index.js';
import { VISNINGSREKKEFOELGE } from './katalog/visningsrekkefoelge.js';

interface KsPerson {
  skatteoppgjoersdato: string;
  registreringstidpunkt: string;
  summertSkattegrunnlag: unknown[];
  beregnetSkatt?: Record<string, number>;
  avregning?: Record<string, number>;
}
interface KsEksempel {
  foresporsel: {
    inntektsaar: number;
    personer: Array<{ identifikator: string; type: 'SOEKER' | 'PARTNER' }>;
  };
  personer: Record<string, KsPerson>;
}
interface KsVisningspost {
  tekniskNavn: string;
  visningstekst: string;
  beloep: number;
  personer: Array<{ identifikator: string; beloep: number }>;
}

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as KsEksempel;
const publisert = JSON.parse(
  readFileSync(
    new URL('../testdata/ks-fiks-visningsposter-langtidsopphold-2023.json', import.meta.url),
    'utf8',
  ),
) as { visningsposter: Array<{ kategori: string; poster: KsVisningspost[] }> };

/** Pointers KS names that end at a «Skatt» object {grunnlag, beloep} in Skatteetaten's model. */
const SKATT_OBJEKT = new Set(['/beregnetSkattFastland/skattOgAvgift/trygdeavgiftAvNaeringsinntekt']);

/** A response in Skatteetaten's shape from KS's pointer → amount list (the inverse of reading it). */
function svarFraPekere(personidentifikator: string, pekere: Record<string, number>) {
  const svar: Record<string, unknown> = { personidentifikator, inntektsaar: '2023' };
  for (const [peker, beloep] of Object.entries(pekere)) {
    const deler = peker.slice(1).split('/');
    let node = svar;
    for (const del of deler.slice(0, -1)) {
      node[del] ??= {};
      node = node[del] as Record<string, unknown>;
    }
    node[deler[deler.length - 1] as string] = SKATT_OBJEKT.has(peker) ? { grunnlag: beloep } : beloep;
  }
  return svar;
}

/** Both persons with every post the sources give: SSG, Beregnet skatt and Avregning, through our schemas. */
function ksPersoner(): PersonMedPoster[] {
  return ks.foresporsel.personer.map(({ identifikator, type }) => {
    const p = ks.personer[identifikator] as KsPerson;
    const ssg = summertSkattegrunnlagSkjema.parse({
      personidentifikator: identifikator,
      inntektsaar: '2023',
      grunnlag: p.summertSkattegrunnlag,
      skjermet: false,
      skatteoppgjoersdato: p.skatteoppgjoersdato,
      stadie: 'oppgjoer',
      registreringstidpunkt: p.registreringstidpunkt,
    });
    const poster = [...posterFraSummertSkattegrunnlag(ssg)];
    if (p.beregnetSkatt) {
      const svar = beregnetSkattSkjema.parse({
        ...svarFraPekere(identifikator, p.beregnetSkatt),
        inntektsaar: 2023,
      });
      poster.push(...posterFraBeregnetSkatt(svar));
    }
    if (p.avregning) {
      poster.push(...posterFraAvregning(avregningSkjema.parse(svarFraPekere(identifikator, p.avregning))));
    }
    return { identifikator, type, poster };
  });
}

const alle = () => true;

describe('visningsposter of the published KS example (langtidsopphold 2023)', () => {
  const personer = ksPersoner();
  const vist = visningsposterTilJson(lagVisningsposter(personer, ks.foresporsel.inntektsaar, alle));

  it('reads every post of both persons from the sources', () => {
    const antall = (id: string) => {
      const p = ks.personer[id] as KsPerson;
      return (
        p.summertSkattegrunnlag.length +
        Object.keys(p.beregnetSkatt ?? {}).length +
        Object.keys(p.avregning ?? {}).length
      );
    };
    expect(personer.map((p) => p.poster.length)).toEqual([antall('04817299771'), antall('27847099416')]);
  });

  it('has the same groups, with the same posts in the same order', () => {
    expect(vist.map((g) => [g.kategori, g.poster.map((p) => p.tekniskNavn)])).toEqual(
      publisert.visningsposter.map((g) => [g.kategori, g.poster.map((p) => p.tekniskNavn)]),
    );
  });

  it('has the same per-person amounts and totals', () => {
    const belop = (grupper: Array<{ poster: Array<Omit<KsVisningspost, 'visningstekst'>> }>) =>
      grupper.flatMap((g) =>
        g.poster.map((p) => ({ tekniskNavn: p.tekniskNavn, beloep: p.beloep, personer: p.personer })),
      );
    expect(belop(vist)).toEqual(belop(publisert.visningsposter));
  });

  it('has KS’s display texts, except our spelling «Formuesskatt til stat»', () => {
    const tekster = (grupper: Array<{ poster: KsVisningspost[] }>) =>
      grupper.flatMap((g) => g.poster.map((p) => p.visningstekst));
    const vaare = tekster(vist as unknown as Array<{ poster: KsVisningspost[] }>);
    const deres = tekster(publisert.visningsposter);
    const ulike = vaare.flatMap((t, i) => (t === deres[i] ? [] : [[t, deres[i]]]));
    expect(ulike).toEqual([['Formuesskatt til stat', 'Formueskatt til stat']]);
  });

  it('places every post of the order list in that group of the catalogue', () => {
    const katalog = katalogFor(2023);
    for (const gruppe of VISNINGSGRUPPER) {
      for (const navn of VISNINGSREKKEFOELGE[gruppe]) {
        expect([navn, katalog.finn(navn)?.visningsgruppe]).toEqual([navn, gruppe]);
      }
    }
  });
});

describe('lagVisningsposter', () => {
  const kr = (n: number) => Beloep.kroner(n);

  it('keeps an unknown post under ANNET as «ukjent post» with kjent=false, never drops it', () => {
    const personer: PersonMedPoster[] = [
      {
        identifikator: '04817299771',
        type: 'SOEKER',
        poster: [
          { tekniskNavn: 'innskudd', beloep: kr(100) },
          { tekniskNavn: 'nyPostFraSkatteetaten2023', beloep: kr(5) },
        ],
      },
      {
        identifikator: '27847099416',
        type: 'PARTNER',
        poster: [{ tekniskNavn: 'nyPostFraSkatteetaten2023', beloep: kr(7) }],
      },
    ];
    const grupper = lagVisningsposter(personer, 2023, alle);
    const annet = grupper.find((g) => g.kategori === 'ANNET');
    expect(annet?.poster).toHaveLength(1);
    const ukjent = annet?.poster[0];
    expect(ukjent).toMatchObject({ tekniskNavn: 'nyPostFraSkatteetaten2023', kjent: false });
    expect(ukjent?.visningstekst).toMatch(/^Ukjent post/);
    expect(ukjent?.beloep.toJSON()).toBe('12');
    expect(grupper.find((g) => g.kategori === 'FORMUE')?.poster[0]?.kjent).toBe(true);
    expect(visningsposterTilJson(grupper).find((g) => g.kategori === 'ANNET')?.poster[0]).toMatchObject({
      ukjent: true,
      beloep: 12,
    });
  });

  it('a post known in one year is unknown in a year without it', () => {
    // skattepliktigEtterloennOgEtterpensjon was removed from the list for 2023 (data/poster-changes.md).
    const personer: PersonMedPoster[] = [
      {
        identifikator: '04817299771',
        type: 'SOEKER',
        poster: [{ tekniskNavn: 'skattepliktigEtterloennOgEtterpensjon', beloep: kr(1) }],
      },
    ];
    expect(lagVisningsposter(personer, 2022, alle)[0]?.poster[0]?.kjent).toBe(true);
    expect(lagVisningsposter(personer, 2023, alle)[0]?.poster[0]?.kjent).toBe(false);
  });

  it('shows only what the allow-list lets through', () => {
    const personer = ksPersoner();
    const kunInntekt = (navn: string) => katalogFor(2023).finn(navn)?.visningsgruppe === 'INNTEKT';
    const grupper = lagVisningsposter(personer, 2023, kunInntekt);
    expect(grupper.map((g) => g.kategori)).toEqual(['INNTEKT']);
    expect(lagVisningsposter(personer, 2023, () => false)).toEqual([]);
  });

  it('shows every allowed post once, with sums that add up (property)', () => {
    const navn = [
      'innskudd',
      'minstefradragIInntekt',
      'samletGjeld',
      '/fastland/restskatt',
      'utbytteFraAksje',
      'ukjentPostX',
      'nav.hjelpestoenadFraFolketrygden',
    ];
    const post = fc.record({
      tekniskNavn: fc.constantFrom(...navn),
      beloep: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => kr(n)),
    });
    const person = (identifikator: string) =>
      fc.array(post, { maxLength: 12 }).map((poster) => ({ identifikator, type: 'SOEKER' as const, poster }));
    fc.assert(
      fc.property(person('a'), person('b'), fc.subarray(navn), (a, b, tillatte) => {
        const tillatt = (n: string) => tillatte.includes(n);
        const grupper = lagVisningsposter([a, b], 2024, tillatt);
        const vist = grupper.flatMap((g) => g.poster);
        const inn = [...a.poster, ...b.poster].filter((p) => tillatt(p.tekniskNavn));
        expect(vist.map((p) => p.tekniskNavn).sort()).toEqual(
          [...new Set(inn.map((p) => p.tekniskNavn))].sort(),
        );
        expect(Beloep.sum(vist.map((p) => p.beloep)).toJSON()).toBe(
          Beloep.sum(inn.map((p) => p.beloep)).toJSON(),
        );
        for (const p of vist) {
          expect(Beloep.sum(p.personer.map((x) => x.beloep)).toJSON()).toBe(p.beloep.toJSON());
          expect(p.kjent).toBe(katalogFor(2024).har(p.tekniskNavn));
        }
        // Groups in display order, none empty.
        const rekke = grupper.map((g) => VISNINGSGRUPPER.indexOf(g.kategori));
        expect(rekke).toEqual([...rekke].sort((x, y) => x - y));
        expect(grupper.every((g) => g.poster.length > 0)).toBe(true);
      }),
    );
  });
});
