import { KS_PARTNER, KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { PERSONTYPER } from '@inntektsgrunnlag/person';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noekkel, startTestapp, type Testapp } from './testoppsett.js';

let t: Testapp;
beforeAll(async () => {
  t = await startTestapp();
});
afterAll(async () => {
  await t.lukk();
});

const husstand = (partner: string) => [
  { identifikator: KS_SOEKER, type: 'SOEKER', ekstraposter: [] },
  {
    identifikator: KS_PARTNER,
    type: partner,
    ekstraposter: [{ tekniskNavn: 'kommune.tenktEtterlattePensjon', beloep: 0 }],
  },
];
const langtid = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  inntektsaar: 2023,
  personer: husstand('PARTNER'),
};
const bistand = {
  beregningstype: 'PRAKTISK_BISTAND',
  inntektsaar: 2023,
  personer: husstand('EKTEFELLE').map((p) => ({ ...p, ekstraposter: [] })),
};
const barnehage = {
  beregningstype: 'BARNEHAGE_SFO',
  inntektsaar: 2023,
  beregningsdato: '2024-06-01',
  personer: bistand.personer,
  vedtak: {
    barn: [{ tilbud: 'BARNEHAGE', foedselsdato: '2021-03-01', prisPerMaaned: 3000, oppholdstimerPerUke: 41 }],
  },
};
const KS = '/register/api/v1/ks';

/** Each path, the key to call it with, and a valid body to start from. */
const MAAL = [
  { sti: '/api/v1/beregning', noekkel: 'demo-langtidsopphold', gyldig: langtid },
  { sti: '/api/v1/beregning', noekkel: 'demo-foreldrebetaling', gyldig: barnehage },
  { sti: '/api/v1/beregning/pdf', noekkel: 'demo-praktisk-bistand', gyldig: bistand },
  { sti: '/api/v1/personer/navn', noekkel: 'demo-praktisk-bistand', gyldig: { identifikator: KS_PARTNER } },
  {
    sti: `${KS}/demo-langtidsopphold/skatteoginntektsopplysninger/beregning`,
    noekkel: 'demo-langtidsopphold',
    gyldig: langtid,
  },
  {
    sti: `${KS}/demo-praktisk-bistand/skatteoginntektsopplysninger/beregning/praktisk-bistand`,
    noekkel: 'demo-praktisk-bistand',
    gyldig: bistand,
  },
  {
    sti: `${KS}/demo-foreldrebetaling/skatteoginntektsopplysninger/beregning/redusert-foreldrebetaling`,
    noekkel: 'demo-foreldrebetaling',
    gyldig: { ...barnehage, vedtak: undefined },
  },
  {
    sti: `${KS}/demo-langtidsopphold/skatteoginntektsopplysninger/verdier`,
    noekkel: 'demo-langtidsopphold',
    gyldig: { beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON', inntektsaar: 2023 },
  },
];

/** Something like a field value: right, nearly right, or anything. */
const enAv = <T>(...verdier: T[]) => fc.constantFrom(...verdier);
const tekst = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  enAv('', ' ', '\u0000', 'x'.repeat(300)),
);
const tall = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  enAv(0, -1, 2023, 1e21),
);
const beloep = fc.oneof(tall, tekst, enAv('1234.50', '1 234', '12.345', '-0'));
const identifikator = fc.oneof(
  enAv(KS_SOEKER, KS_PARTNER, '04817299772', '00000000000', '123'),
  fc.stringMatching(/^\d{11}$/),
  tekst,
  tall,
);
const post = fc.record(
  {
    tekniskNavn: fc.oneof(
      enAv(
        'kommune.tenktEtterlattePensjon',
        'nav.hjelpestoenadFraFolketrygden',
        'kommune.annenDokumentertInntekt',
        'samletGjeld',
        '/fastland/restskatt',
      ),
      tekst,
    ),
    beloep,
    visningstekst: tekst,
  },
  { requiredKeys: [] },
);
const person = fc.record(
  {
    identifikator,
    type: fc.oneof(enAv(...PERSONTYPER), tekst),
    poster: fc.oneof(fc.array(post, { maxLength: 3 }), fc.jsonValue()),
    ekstraposter: fc.oneof(fc.array(post, { maxLength: 3 }), fc.jsonValue()),
  },
  { requiredKeys: ['identifikator', 'type'] },
);
const foresporsel = fc.record(
  {
    beregningstype: fc.oneof(enAv('LANGTIDSOPPHOLD_INSTITUSJON', 'PRAKTISK_BISTAND', 'BARNEHAGE_SFO'), tekst),
    inntektsaar: fc.oneof(fc.integer({ min: 2017, max: 2027 }), tall, tekst),
    beregningsdato: fc.oneof(enAv('2024-06-01', '2030-01-01', '2024-02-30', '1999-01-01'), tekst),
    personer: fc.oneof(fc.array(person, { maxLength: 4 }), fc.jsonValue()),
    vedtak: fc.oneof(
      fc.jsonValue(),
      fc.record({ barn: fc.array(fc.dictionary(tekst, fc.jsonValue(), { maxKeys: 4 }), { maxLength: 2 }) }),
    ),
    saksreferanse: tekst,
    identifikator,
    grunnlagsreferanse: fc.oneof(tekst, fc.stringMatching(/^[A-Za-z0-9_-]{32}$/), tall),
    formaal: fc.oneof(tekst, tall),
    avregning: fc.oneof(enAv('KREVES', 'OM_TILLATT', 'NEI'), tekst),
  },
  { requiredKeys: [] },
);
/** Anything a field could be given. */
const verdi = fc.oneof(
  tekst,
  tall,
  identifikator,
  beloep,
  fc.jsonValue(),
  fc.constant(undefined),
  // Values that pass validation and are refused later: a date outside the rates, another area, a year without data.
  enAv<unknown>('2030-01-01', '2024-06-01', 'PRAKTISK_BISTAND', 'BARNEHAGE_SFO', 'KREVES', 'NEI', 2019, 2010),
);

/** A dotted path into a body, a value to put there (undefined: remove it). */
function medEndring(kropp: unknown, sti: readonly (string | number)[], ny: unknown): unknown {
  const kopi = structuredClone(kropp) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = kopi;
  for (const del of sti.slice(0, -1)) {
    const neste = node[del];
    if (!neste || typeof neste !== 'object') return kopi;
    node = neste as Record<string | number, unknown>;
  }
  const siste = sti[sti.length - 1] as string | number;
  if (ny === undefined) delete node[siste];
  else node[siste] = ny;
  return kopi;
}

const STIER: ReadonlyArray<readonly (string | number)[]> = [
  ['beregningstype'],
  ['inntektsaar'],
  ['beregningsdato'],
  ['personer'],
  ['personer', 0],
  ['personer', 0, 'identifikator'],
  ['personer', 1, 'identifikator'],
  ['personer', 1, 'type'],
  ['personer', 1, 'ekstraposter'],
  ['personer', 1, 'ekstraposter', 0, 'beloep'],
  ['personer', 1, 'ekstraposter', 0, 'tekniskNavn'],
  ['personer', 0, 'poster'],
  ['vedtak'],
  ['vedtak', 'barn', 0, 'prisPerMaaned'],
  ['vedtak', 'barn', 0, 'foedselsdato'],
  ['saksreferanse'],
  ['grunnlagsreferanse'],
  ['formaal'],
  ['avregning'],
  ['identifikator'],
  ['ukjentFelt'],
];

/** The body: a valid one with one to three fields changed (most), a random request, any JSON, or not JSON. */
const kropp = (gyldig: unknown) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom(...STIER), verdi), { minLength: 0, maxLength: 3 })
        .map((endringer) => ({ json: endringer.reduce((k, [sti, v]) => medEndring(k, sti, v), gyldig) })),
    },
    { weight: 2, arbitrary: foresporsel.map((f) => ({ json: f as unknown })) },
    { weight: 1, arbitrary: fc.jsonValue().map((j) => ({ json: j as unknown })) },
    { weight: 1, arbitrary: fc.string().map((s) => ({ raa: s })) },
  );

describe('fuzzing the request bodies', () => {
  it('never answers 5xx to any body, on any beregning, PDF, name or KS path (1 000 bodies)', async () => {
    const statuser = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MAAL).chain((maal) => fc.tuple(fc.constant(maal), kropp(maal.gyldig))),
        async ([maal, k]) => {
          const r = request(t.server)
            .post(maal.sti)
            .set(noekkel(maal.noekkel))
            .set('Content-Type', 'application/json');
          const svar = await ('raa' in k ? r.send(k.raa) : r.send(JSON.stringify(k.json) ?? 'null'));
          statuser.set(svar.status, (statuser.get(svar.status) ?? 0) + 1);
          expect(svar.status, JSON.stringify(svar.body)).toBeLessThan(500);
          if (svar.status >= 400) {
            // KS's error body on the KS routes, RFC 9457 problems on the native ones.
            expect(svar.headers['content-type']).toMatch(
              maal.sti.startsWith('/register/') ? /^application\/json/ : /application\/problem\+json/,
            );
            expect(JSON.stringify(svar.body)).not.toMatch(/\bat .*\.ts:\d+/);
          }
        },
      ),
      { numRuns: 1000 },
    );
    // The bodies reach past validation too: many are answered, some refused for other reasons.
    expect(statuser.get(400)).toBeGreaterThan(100);
    expect(statuser.get(200)).toBeGreaterThan(100);
  });
});
