import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DataFinnesIkkeLenger,
  feilFraSvar,
  IkkeTilgang,
  IngenDataForAar,
  KildeUtilgjengelig,
  PersonIkkeFunnet,
  Tidsavbrudd,
  UgyldigOppslag,
} from './feil.js';

const ID = '04817299771';

describe('Skatteetaten’s error codes become typed errors', () => {
  it.each([
    ['SSG-007', 404, PersonIkkeFunnet],
    ['BSA-009', 404, PersonIkkeFunnet],
    ['AR-009', 404, PersonIkkeFunnet],
    ['SSG-008', 404, IngenDataForAar],
    ['BSA-007', 404, IngenDataForAar],
    ['AR-007', 404, IngenDataForAar],
    ['SSG-011', 410, DataFinnesIkkeLenger],
    ['SSG-004', 401, IkkeTilgang],
    ['SSG-005', 403, IkkeTilgang],
    ['DAS-008', 403, IkkeTilgang],
    ['SSG-006', 400, UgyldigOppslag],
    ['SSG-003', 404, UgyldigOppslag],
    ['SSG-001', 500, KildeUtilgjengelig],
    ['DAS-003', 503, KildeUtilgjengelig],
  ] as const)('%s (HTTP %i)', (kode, httpStatus, klasse) => {
    const e = feilFraSvar(
      { api: 'SUMMERT_SKATTEGRUNNLAG', identifikator: ID, inntektsaar: 2023, stadie: 'oppgjoer' },
      { kode, httpStatus, melding: 'x', korrelasjonsid: 'abc-123' },
    );
    expect(e).toBeInstanceOf(klasse);
    expect(e.kode).toBe(kode);
    expect(e.korrelasjonsid).toBe('abc-123');
    expect(e.message).toContain('korrelasjonsid abc-123');
    expect(e.message).not.toContain(ID);
  });

  it('says in Norwegian which API, whom (masked) and which year', () => {
    const e = feilFraSvar(
      { api: 'SUMMERT_SKATTEGRUNNLAG', identifikator: ID, inntektsaar: 2022, stadie: 'oppgjoer' },
      { kode: 'SSG-008', httpStatus: 404 },
    );
    expect(e.message).toBe(
      'Summert skattegrunnlag: Skatteetaten har ingen opplysninger for 048172***** for inntektsåret 2022 (skatteoppgjør). (SSG-008)',
    );
    expect(e.forbigaaende).toBe(false);
  });

  it('falls back on the HTTP status without a code; Folkeregisteret’s 404 is "no such person"', () => {
    expect(feilFraSvar({ api: 'FOLKEREGISTERET', identifikator: ID }, { httpStatus: 404 })).toBeInstanceOf(
      PersonIkkeFunnet,
    );
    expect(feilFraSvar({ api: 'AVREGNING' }, { httpStatus: 429 })).toBeInstanceOf(KildeUtilgjengelig);
    expect(feilFraSvar({ api: 'AVREGNING' }, { httpStatus: 410 })).toBeInstanceOf(DataFinnesIkkeLenger);
    expect(feilFraSvar({ api: 'AVREGNING' }, { httpStatus: 418 })).toBeInstanceOf(UgyldigOppslag);
  });

  it('a timeout names the deadline', () => {
    const e = new Tidsavbrudd({ api: 'BEREGNET_SKATT', identifikator: ID, inntektsaar: 2023 }, 1500, 3);
    expect(e.message).toBe(
      'Beregnet skatt svarte ikke innen fristen på 1,5 sekunder for 048172***** for inntektsåret 2023 (3 forsøk). Prøv igjen senere.',
    );
    expect(e.forbigaaende).toBe(true);
  });

  it('never puts a whole identifier in a message, whatever the code and status', () => {
    const elleveSifre = fc.stringMatching(/^\d{11}$/);
    fc.assert(
      fc.property(
        elleveSifre,
        fc.option(fc.constantFrom('SSG-007', 'SSG-008', 'SSG-011', 'BSA-007', 'AR-009', 'XYZ-1'), {
          nil: undefined,
        }),
        fc.integer({ min: 100, max: 599 }),
        fc.constantFrom(
          'SUMMERT_SKATTEGRUNNLAG',
          'BEREGNET_SKATT',
          'AVREGNING',
          'FOLKEREGISTERET',
        ) as fc.Arbitrary<'SUMMERT_SKATTEGRUNNLAG' | 'BEREGNET_SKATT' | 'AVREGNING' | 'FOLKEREGISTERET'>,
        (id, kode, httpStatus, api) => {
          const e = feilFraSvar(
            { api, identifikator: id, inntektsaar: 2024 },
            { kode, httpStatus, melding: `fant ikke ${id}` },
          );
          return !e.message.includes(id) && e.message.includes(id.slice(0, 6));
        },
      ),
    );
  });
});

describe('an ordinary outcome is made without a stack trace; a fault keeps its own', () => {
  const o = { api: 'SUMMERT_SKATTEGRUNNLAG' as const, identifikator: ID, inntektsaar: 2023 };
  it.each([
    ['SSG-008', 404],
    ['SSG-007', 404],
    ['SSG-011', 410],
  ])('%s (%i): no frames, and the process limit is left as it was', (kode, status) => {
    const foer = Error.stackTraceLimit;
    const feil = feilFraSvar(o, { httpStatus: status, kode });
    expect(Error.stackTraceLimit).toBe(foer);
    expect(feil.stack).not.toMatch(/\n\s+at /);
    expect(feil.stack).toContain(feil.message);
  });

  it.each([
    ['SSG-001', 500],
    ['SSG-005', 403],
  ])('%s (%i): a fault has its frames', (kode, status) => {
    const feil = feilFraSvar(o, { httpStatus: status, kode });
    expect(feil.stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });
});
