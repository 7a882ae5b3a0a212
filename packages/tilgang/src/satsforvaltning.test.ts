import { BEREGNINGSTYPER } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import { type Aktoer, SATSFORVALTNING, validerRolle, vurderSatsforvaltning, vurderTilgang } from './index.js';

const satsrolle = validerRolle({ id: 'satser', navn: 'Satsforvalter', tjenesteomraade: SATSFORVALTNING });
const sfo = validerRolle({ id: 'sfo', navn: 'SFO', tjenesteomraade: 'FORELDREBETALING' });
const roller = [satsrolle, sfo];
const aktoer = (r: string[], aktiv = true): Aktoer => ({
  type: 'BRUKER',
  id: 'anne',
  visningsnavn: 'Anne',
  aktiv,
  roller: r,
});

describe('the rate administrator role (SATSFORVALTNING)', () => {
  it('is a valid role that never grants avregning', () => {
    expect(satsrolle).toEqual({
      id: 'satser',
      navn: 'Satsforvalter',
      tjenesteomraade: SATSFORVALTNING,
      avregning: false,
    });
    expect(() =>
      validerRolle({ id: 'x', navn: 'X', tjenesteomraade: SATSFORVALTNING, avregning: true }),
    ).toThrow(/rolle.avregning: en satsforvalterrolle kan ikke gi tilgang til avregning/);
  });

  it('may look up no one, for any beregningstype', () => {
    for (const beregningstype of BEREGNINGSTYPER) {
      const v = vurderTilgang({ aktoer: aktoer(['satser']), rolleId: 'satser', beregningstype, roller });
      expect(v).toMatchObject({ tillatt: false, kode: 'FEIL_TJENESTEOMRAADE' });
      expect(v.tillatt || v.melding).toMatch(/satsforvalterrolle.*ikke slå opp noen/);
    }
  });

  it('may administer rates, and only a holder of such a role may', () => {
    expect(vurderSatsforvaltning({ aktoer: aktoer(['satser', 'sfo']), roller })).toMatchObject({
      tillatt: true,
      rolle: { id: 'satser' },
    });
    expect(vurderSatsforvaltning({ aktoer: aktoer(['sfo']), roller })).toMatchObject({
      tillatt: false,
      kode: 'FEIL_TJENESTEOMRAADE',
    });
    expect(vurderSatsforvaltning({ aktoer: aktoer(['sfo']), rolleId: 'sfo', roller })).toMatchObject({
      tillatt: false,
      kode: 'FEIL_TJENESTEOMRAADE',
    });
    expect(vurderSatsforvaltning({ aktoer: aktoer([]), rolleId: 'satser', roller })).toMatchObject({
      tillatt: false,
      kode: 'ROLLE_MANGLER',
    });
    expect(vurderSatsforvaltning({ aktoer: aktoer(['satser']), rolleId: 'borte', roller })).toMatchObject({
      tillatt: false,
      kode: 'ROLLE_UKJENT',
    });
    expect(vurderSatsforvaltning({ aktoer: aktoer(['satser'], false), roller })).toMatchObject({
      tillatt: false,
      kode: 'AKTOER_INAKTIV',
    });
  });
});
