import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, demooppsettFor, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Autentisering,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

/**
 * `latForklaring` (the CLI's `--format csv`) builds the explanation's JSON forms only when read. The
 * rules run the same, so the result must be the same object to every reader: serialised, spread, or
 * read field by field, on cases like the benchmark's (tooling/bench/src/generer.ts: the golden cases
 * with their amounts scaled) and variations that reach the other branches (no beregningsdato, an
 * unknown post, one person).
 */

const KLOKKE = () => new Date('2026-06-01T10:00:00Z');
const LATE = ['inntekt', 'fradrag', 'mellomregninger', 'tabell', 'visningsposter'] as const;

let lagring: Lagring;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(async () => {
  await lagring.lukk();
});

const gull = lesGullfiler('').map((g) => g.foresporsel as Record<string, unknown>);

interface Variant {
  mal: number;
  /** Per mille, as the generator's factor 0.5–1.5. */
  faktor: number;
  utenDato: boolean;
  ukjentPost: boolean;
  bareSoeker: boolean;
}

function tilfelle(v: Variant): Record<string, unknown> {
  const f = structuredClone(gull[v.mal % gull.length]) as Record<string, unknown> & {
    personer: Array<{ type: string; poster?: Array<{ tekniskNavn: string; beloep: number | string }> }>;
  };
  f.personer = f.personer
    .filter((p, i) => !v.bareSoeker || i === 0 || p.type === 'BARN')
    .map((p, i) => {
      const poster = p.poster?.map((post) => ({
        ...post,
        beloep: Math.round((Number(post.beloep) * v.faktor) / 1000),
      }));
      if (poster && v.ukjentPost && i === 0)
        poster.push({ tekniskNavn: 'ikkeEnPostSkatteetatenHar', beloep: 1000 });
      return poster ? { ...p, poster } : p;
    });
  if (v.utenDato) delete f.beregningsdato;
  return f;
}

const variant: fc.Arbitrary<Variant> = fc.record({
  mal: fc.nat({ max: gull.length - 1 }),
  faktor: fc.integer({ min: 500, max: 1500 }),
  utenDato: fc.boolean(),
  ukjentPost: fc.boolean(),
  bareSoeker: fc.boolean(),
});

async function autentisering(
  beregningstype: string,
): Promise<{ autentisering: Autentisering; rolleId: string }> {
  const demo = demooppsettFor(beregningstype) ?? DEMODATA[0];
  if (!demo) throw new Error('ingen demodata');
  const aktoer = await lagring.brukere.aktoer(demo.bruker.id);
  if (!aktoer) throw new Error(`ingen demobruker for ${beregningstype}`);
  return { autentisering: { ok: true, aktoer }, rolleId: demo.rolle.id };
}

function tjeneste() {
  return new Oppslagstjeneste({
    lagring,
    kilder: innebygdeKilder(),
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger({}),
    klokke: KLOKKE,
  });
}

/** Both forms of one case, or the same error from both. */
async function beggeFormer(f: Record<string, unknown>) {
  const t = tjeneste();
  const hvem = await autentisering(String(f.beregningstype));
  const svar = async (latForklaring: boolean) => {
    try {
      return { ok: await t.beregn({ ...hvem, foresporsel: f, ...(latForklaring ? { latForklaring } : {}) }) };
    } catch (e) {
      return { feil: e };
    }
  };
  return { fullt: await svar(false), lat: await svar(true) };
}

describe('latForklaring', () => {
  it('leaves the explanation unbuilt until read, and every reader then gets the full result', async () => {
    let beregnet = 0;
    await fc.assert(
      fc.asyncProperty(variant, fc.constantFrom('json', 'spredning', 'felt'), async (v, leser) => {
        const { fullt, lat } = await beggeFormer(tilfelle(v));
        if ('feil' in fullt) {
          expect('feil' in lat && lat.feil).toEqual(fullt.feil);
          return;
        }
        if (!('ok' in lat) || !lat.ok) throw new Error(`bare den late formen feilet: ${String(lat.feil)}`);
        beregnet++;
        const r = lat.ok.resultat as unknown as Record<string, unknown>;
        // Not built yet: each lazy field is still its getter.
        for (const k of LATE) expect(Object.getOwnPropertyDescriptor(r, k)?.get, k).toBeTypeOf('function');
        expect(Object.keys(r)).toEqual(Object.keys(fullt.ok.resultat));
        const forventet = JSON.stringify(fullt.ok.resultat);
        if (leser === 'json') expect(JSON.stringify(r)).toBe(forventet);
        else if (leser === 'spredning') expect(JSON.stringify({ ...r })).toBe(forventet);
        else {
          // One field read first (built alone), then the whole.
          const k = LATE[v.faktor % LATE.length] as (typeof LATE)[number];
          expect(JSON.stringify(r[k])).toBe(JSON.stringify(fullt.ok.resultat[k]));
          expect(JSON.stringify(r)).toBe(forventet);
        }
        // Once built, a field is an ordinary data field, and the explanation table is the same.
        for (const k of LATE) expect(Object.getOwnPropertyDescriptor(r, k)?.get, k).toBeUndefined();
        expect(lat.ok.tabell.tilTekst()).toBe(fullt.ok.tabell.tilTekst());
      }),
      { numRuns: 60 },
    );
    // Most cases are calculated (a date outside the tables fails both forms alike).
    expect(beregnet).toBeGreaterThan(30);
  });

  it('an assignment to a lazy field replaces it without building it', async () => {
    const { lat } = await beggeFormer(
      tilfelle({ mal: 0, faktor: 1000, utenDato: false, ukjentPost: false, bareSoeker: false }),
    );
    if (!('ok' in lat) || !lat.ok) throw new Error('feilet');
    const r = lat.ok.resultat;
    r.visningsposter = [];
    expect(Object.getOwnPropertyDescriptor(r, 'visningsposter')).toMatchObject({
      value: [],
      enumerable: true,
    });
    expect(Object.keys(r).indexOf('visningsposter')).toBe(Object.keys(r).indexOf('tabell') + 1);
  });
});
