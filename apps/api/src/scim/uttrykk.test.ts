import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScimFeil } from './feil.js';
import { patchBruker, patchGruppe } from './patch.js';
import { brukerFraScim } from './ressurser.js';
import { URN } from './skjema.js';
import { lesFilter, lesSti } from './uttrykk.js';

describe('SCIM filters and paths', () => {
  it('reads eq filters with schema prefixes and escaped strings', () => {
    expect(lesFilter('userName eq "bjensen"')).toEqual({
      attributt: 'userName',
      skjema: null,
      verdi: 'bjensen',
    });
    expect(lesFilter(`${URN.bruker}:userName EQ "a \\"b\\""`)).toEqual({
      attributt: 'userName',
      skjema: URN.bruker,
      verdi: 'a "b"',
    });
    expect(() => lesFilter('userName sw "b"')).toThrow(/støttes ikke/);
    expect(() => lesFilter('userName eq bjensen')).toThrow(ScimFeil);
  });

  it('reads paths: attribute, sub-attribute, value filter, extension URN', () => {
    expect(lesSti('name.givenName')).toEqual({
      skjema: null,
      attributt: 'name',
      filter: null,
      under: 'givenName',
    });
    expect(lesSti('members[value eq "2819c223-7f76-453a-919d-413861904646"]')).toEqual({
      skjema: null,
      attributt: 'members',
      filter: { attributt: 'value', verdi: '2819c223-7f76-453a-919d-413861904646' },
      under: null,
    });
    expect(lesSti('emails[type eq "work"].value')).toMatchObject({
      attributt: 'emails',
      filter: { attributt: 'type', verdi: 'work' },
      under: 'value',
    });
    expect(lesSti(`${URN.ksPerson}:foedselsnummer`)).toMatchObject({
      skjema: URN.ksPerson,
      attributt: 'foedselsnummer',
    });
    expect(lesSti(URN.ksPerson)).toMatchObject({ skjema: URN.ksPerson, attributt: '' });
    expect(() => lesSti('emails[type eq "work"')).toThrow(ScimFeil);
  });

  it('never fails with anything but a SCIM 4xx error, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        for (const f of [lesFilter, lesSti]) {
          try {
            f(s);
          } catch (e) {
            expect(e).toBeInstanceOf(ScimFeil);
            expect((e as ScimFeil).status).toBe(400);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('applies any sequence of well-formed or malformed operations without an unexpected error (property)', () => {
    const sti = fc.oneof(
      fc.constantFrom(
        'userName',
        'displayName',
        'active',
        'name.givenName',
        'emails',
        'emails[type eq "work"].value',
        'emails[type eq "work"]',
        'members',
        'members[value eq "x"]',
        'id',
        'title',
        `${URN.ksPerson}:foedselsnummer`,
      ),
      fc.string({ maxLength: 20 }),
    );
    const verdi = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.record({ value: fc.string({ maxLength: 8 }) }), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom('givenName', 'value', 'type', 'displayName'),
        fc.string({ maxLength: 8 }),
      ),
    );
    const op = fc.record({
      op: fc.constantFrom('add', 'replace', 'remove'),
      sti: fc.option(sti, { nil: null }),
      verdi,
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 6 }), (ops) => {
        const start = {
          schemas: [URN.bruker],
          userName: 'kari',
          emails: [{ value: 'k@x.no', type: 'work' }],
        };
        for (const f of [
          () => brukerFraScim(patchBruker(start, ops)),
          () => patchGruppe({ schemas: [URN.gruppe], displayName: 'G' }, ops),
        ]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(ScimFeil);
            expect((e as ScimFeil).status).toBeLessThan(500);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
