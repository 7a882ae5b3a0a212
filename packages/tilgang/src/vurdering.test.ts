import { BEREGNINGSTYPER } from '@inntektsgrunnlag/beregning';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Aktoer,
  AVVISNINGSKODER,
  avvisningsmelding,
  type Rolle,
  Tilgangsfeil,
  TJENESTEOMRAADER,
  tillatteRoller,
  vurderTilgang,
} from './index.js';

/**
 * Which area serves which beregningstype, written out independently of TJENESTEOMRAADER (from the
 * table in docs/arkitektur.md and KS Fiks's list of tjenesteområder).
 */
const FORVENTET_OMRAADE: Record<string, string> = {
  BARNEHAGE_SFO: 'FORELDREBETALING',
  PRAKTISK_BISTAND: 'PRAKTISK_BISTAND',
  LANGTIDSOPPHOLD_INSTITUSJON: 'LANGTIDSOPPHOLD',
};

/** One role per area, plus an avregning role where the area allows it. */
const ROLLER: Rolle[] = TJENESTEOMRAADER.flatMap((o) => [
  { id: `r-${o.id.toLowerCase()}`, navn: `Saksbehandler ${o.navn}`, tjenesteomraade: o.id, avregning: false },
  ...(o.avregningKanTildeles
    ? [
        {
          id: `r-${o.id.toLowerCase()}-avregning`,
          navn: `Saksbehandler ${o.navn} med avregning`,
          tjenesteomraade: o.id,
          avregning: true,
        },
      ]
    : []),
]);

const alleRoller = (roller: readonly string[] = ROLLER.map((r) => r.id)): Aktoer => ({
  type: 'BRUKER',
  id: 'kari',
  visningsnavn: 'Kari Saksbehandler',
  aktiv: true,
  roller,
});

describe('vurderTilgang: every role against every beregningstype', () => {
  it('allows exactly the pairs where the role’s area serves the beregningstype', () => {
    const aktoer = alleRoller();
    const tillatt: string[] = [];
    for (const rolle of ROLLER) {
      for (const type of BEREGNINGSTYPER) {
        const v = vurderTilgang({ aktoer, rolleId: rolle.id, beregningstype: type, roller: ROLLER });
        const skal = FORVENTET_OMRAADE[type] === rolle.tjenesteomraade;
        expect(v.tillatt, `${rolle.id} × ${type}`).toBe(skal);
        if (v.tillatt) {
          tillatt.push(`${rolle.id}×${type}`);
          expect(v.rolle).toEqual(rolle);
          expect(v.omraade.id).toBe(rolle.tjenesteomraade);
        } else {
          expect(v.kode).toBe('FEIL_TJENESTEOMRAADE');
          expect(v.melding).toMatch(/gir ikke tilgang til/);
        }
      }
    }
    // Each role serves exactly one beregningstype.
    expect(tillatt).toHaveLength(ROLLER.length);
  });

  it('refuses every beregningstype to an actor without the role, with ROLLE_MANGLER', () => {
    const aktoer = alleRoller([]);
    for (const rolle of ROLLER) {
      for (const type of BEREGNINGSTYPER) {
        const v = vurderTilgang({ aktoer, rolleId: rolle.id, beregningstype: type, roller: ROLLER });
        expect(v).toMatchObject({ tillatt: false, kode: 'ROLLE_MANGLER' });
      }
    }
  });
});

describe('vurderTilgang: reason codes', () => {
  const rolle = ROLLER.find((r) => r.tjenesteomraade === 'FORELDREBETALING') as Rolle;
  const grunn = { rolleId: rolle.id, beregningstype: 'BARNEHAGE_SFO', roller: ROLLER };

  it.each([
    ['AKTOER_UKJENT', { ...grunn, aktoer: null }],
    ['AKTOER_INAKTIV', { ...grunn, aktoer: { ...alleRoller(), aktiv: false } }],
    ['BEREGNINGSTYPE_UKJENT', { ...grunn, aktoer: alleRoller(), beregningstype: 'BOLIGSOSIALE_FORMAAL' }],
    ['ROLLE_IKKE_OPPGITT', { ...grunn, aktoer: alleRoller(), rolleId: undefined }],
    ['ROLLE_UKJENT', { ...grunn, aktoer: alleRoller(['finnes-ikke']), rolleId: 'finnes-ikke' }],
    ['ROLLE_MANGLER', { ...grunn, aktoer: alleRoller(['r-praktisk_bistand']) }],
    [
      'TJENESTEOMRAADE_UKJENT',
      {
        ...grunn,
        aktoer: alleRoller(['gammel']),
        rolleId: 'gammel',
        roller: [{ id: 'gammel', navn: 'Gammel', tjenesteomraade: 'BOLIG', avregning: false }],
      },
    ],
    ['FEIL_TJENESTEOMRAADE', { ...grunn, aktoer: alleRoller(), beregningstype: 'PRAKTISK_BISTAND' }],
  ] as const)('%s', (kode, f) => {
    const v = vurderTilgang(f);
    expect(v.tillatt).toBe(false);
    if (!v.tillatt) {
      expect(v.kode).toBe(kode);
      expect(v.melding).toMatch(/avvist\.$/);
    }
  });

  it('has a Norwegian standard message for every code', () => {
    for (const kode of AVVISNINGSKODER) expect(avvisningsmelding(kode)).toMatch(/Oppslaget er avvist\.$/);
  });

  it('Tilgangsfeil carries the code and the message', () => {
    const v = vurderTilgang({ ...grunn, aktoer: null });
    if (v.tillatt) throw new Error('skulle vært avvist');
    const feil = new Tilgangsfeil(v);
    expect(feil).toMatchObject({ kode: 'AKTOER_UKJENT', message: v.melding, name: 'Tilgangsfeil' });
  });
});

describe('vurderTilgang: avregning', () => {
  const uten = ROLLER.find((r) => r.tjenesteomraade === 'LANGTIDSOPPHOLD' && !r.avregning) as Rolle;
  const med = ROLLER.find((r) => r.tjenesteomraade === 'LANGTIDSOPPHOLD' && r.avregning) as Rolle;
  const fb = ROLLER.find((r) => r.tjenesteomraade === 'FORELDREBETALING') as Rolle;
  const type = 'LANGTIDSOPPHOLD_INSTITUSJON';
  const aktoer = alleRoller();

  it('gives avregning to a role granted it, without warnings', () => {
    const v = vurderTilgang({ aktoer, rolleId: med.id, beregningstype: type, roller: ROLLER });
    expect(v).toMatchObject({ tillatt: true, avregning: true, advarsler: [] });
  });

  it('leaves avregning out for a role without it, with an SI-02-like warning', () => {
    const v = vurderTilgang({ aktoer, rolleId: uten.id, beregningstype: type, roller: ROLLER });
    expect(v).toMatchObject({ tillatt: true, avregning: false });
    if (v.tillatt) {
      expect(v.advarsler).toHaveLength(1);
      expect(v.advarsler[0]?.melding).toMatch(/skatt til gode, restskatt og innbetalt skatt/);
    }
  });

  it('refuses with AVREGNING_IKKE_TILLATT when avregning is required and not granted', () => {
    const v = vurderTilgang({
      aktoer,
      rolleId: uten.id,
      beregningstype: type,
      roller: ROLLER,
      avregning: 'KREVES',
    });
    expect(v).toMatchObject({ tillatt: false, kode: 'AVREGNING_IKKE_TILLATT' });
    if (!v.tillatt) expect(v.melding).toMatch(/^Du mangler rettighet i Altinn/);
    expect(
      vurderTilgang({ aktoer, rolleId: med.id, beregningstype: type, roller: ROLLER, avregning: 'KREVES' })
        .tillatt,
    ).toBe(true);
  });

  it('does not fetch avregning when the caller declines it', () => {
    const v = vurderTilgang({
      aktoer,
      rolleId: med.id,
      beregningstype: type,
      roller: ROLLER,
      avregning: 'NEI',
    });
    expect(v).toMatchObject({ tillatt: true, avregning: false, advarsler: [] });
  });

  it('does not warn in an area that cannot have avregning', () => {
    const v = vurderTilgang({ aktoer, rolleId: fb.id, beregningstype: 'BARNEHAGE_SFO', roller: ROLLER });
    expect(v).toMatchObject({ tillatt: true, avregning: false, advarsler: [] });
  });

  it('never gives avregning where the area does not allow it, even if a role claims it', () => {
    const feilaktig: Rolle = { ...fb, id: 'feilaktig', avregning: true };
    const v = vurderTilgang({
      aktoer: alleRoller(['feilaktig']),
      rolleId: 'feilaktig',
      beregningstype: 'BARNEHAGE_SFO',
      roller: [feilaktig],
    });
    expect(v).toMatchObject({ tillatt: true, avregning: false });
  });
});

describe('vurderTilgang: deny by default (property)', () => {
  const rolleArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    navn: fc.constant('Rolle'),
    tjenesteomraade: fc.constantFrom('FORELDREBETALING', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD', 'UKJENT'),
    avregning: fc.boolean(),
  });

  it('allows only a known, active actor holding the named role whose area serves the type', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rolleArb, { selector: (r) => r.id, maxLength: 5 }),
        fc.subarray(['a', 'b', 'c', 'd', 'e', 'x']),
        fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x', ''), { nil: undefined }),
        fc.constantFrom(...BEREGNINGSTYPER, 'BOLIGSOSIALE_FORMAAL', ''),
        fc.boolean(),
        fc.constantFrom('KREVES', 'OM_TILLATT', 'NEI') as fc.Arbitrary<'KREVES' | 'OM_TILLATT' | 'NEI'>,
        (roller, holder, rolleId, beregningstype, aktiv, avregning) => {
          const aktoer: Aktoer = {
            type: 'KLIENT',
            id: 'k',
            visningsnavn: 'Fagsystem',
            aktiv,
            roller: holder,
          };
          const v = vurderTilgang({ aktoer, rolleId, beregningstype, roller, avregning });
          const rolle = roller.find((r) => r.id === rolleId);
          const skal =
            aktiv &&
            rolle !== undefined &&
            holder.includes(rolle.id) &&
            FORVENTET_OMRAADE[beregningstype] === rolle.tjenesteomraade &&
            (avregning !== 'KREVES' || (rolle.avregning && rolle.tjenesteomraade === 'LANGTIDSOPPHOLD'));
          expect(v.tillatt).toBe(skal);
          if (v.tillatt) {
            expect(v.avregning).toBe(
              avregning !== 'NEI' &&
                (rolle?.avregning ?? false) &&
                rolle?.tjenesteomraade === 'LANGTIDSOPPHOLD',
            );
          } else {
            expect(AVVISNINGSKODER).toContain(v.kode);
            expect(v.melding.length).toBeGreaterThan(10);
          }
        },
      ),
    );
  });
});

describe('tillatteRoller', () => {
  it('lists the actor’s roles that serve the beregningstype', () => {
    const aktoer = alleRoller(['r-langtidsopphold', 'r-foreldrebetaling']);
    expect(tillatteRoller(aktoer, ROLLER, 'LANGTIDSOPPHOLD_INSTITUSJON').map((r) => r.id)).toEqual([
      'r-langtidsopphold',
    ]);
    expect(tillatteRoller(aktoer, ROLLER, 'PRAKTISK_BISTAND')).toEqual([]);
  });
});
