import { describe, expect, it } from 'vitest';
import { innebygdeKilder } from './innebygd.js';
import { innebygdPopulasjon, POPULASJONSAAR } from './populasjon/generator.js';

/** What a lookup gave: the value, or the error's type and code (its korrelasjonsid is random per answer). */
async function utfall(f: () => Promise<unknown>): Promise<unknown> {
  try {
    return { verdi: await f() };
  } catch (e) {
    const k = e as { name?: string; kode?: string; httpStatus?: number };
    return { feil: k.name, kode: k.kode, httpStatus: k.httpStatus };
  }
}

/**
 * The built-in population's own answers skip the zod parse (innebygd.ts, `tolk`). That is sound only if
 * the parse would have given the same value: the same population passed in explicitly takes the full
 * path (`tolkSvar` with the schemas), so for every person, every year of the population, every API and stage, the two
 * must give strictly equal values (and the same errors where there is no answer).
 */
describe('the embedded source without the zod parse of its own answers', () => {
  const snarvei = innebygdeKilder();
  const full = innebygdeKilder(innebygdPopulasjon());
  const personer = [...innebygdPopulasjon().personer.keys()];

  it.each([...POPULASJONSAAR])(
    'gives what the full parse gives for every person in %i',
    async (inntektsaar) => {
      let sammenlignet = 0;
      for (const identifikator of personer) {
        const oppslag = (stadie: 'OPPGJOER' | 'UTKAST') => ({
          stadie,
          rettighetspakke: 'kommuneforeldrebetaling',
          inntektsaar,
          identifikator,
        });
        const bsa = { rettighetspakke: 'kommuneLangtidsoppholdInstitusjon', inntektsaar, identifikator };
        const ar = { rettighetspakke: 'kommunelangtidsoppholdinstitusjon', inntektsaar, identifikator };
        const par: Array<[() => Promise<unknown>, () => Promise<unknown>]> = [
          [
            () => snarvei.summertSkattegrunnlag.hent(oppslag('OPPGJOER')),
            () => full.summertSkattegrunnlag.hent(oppslag('OPPGJOER')),
          ],
          [
            () => snarvei.summertSkattegrunnlag.hent(oppslag('UTKAST')),
            () => full.summertSkattegrunnlag.hent(oppslag('UTKAST')),
          ],
          [() => snarvei.beregnetSkatt.hent(bsa), () => full.beregnetSkatt.hent(bsa)],
          [() => snarvei.avregning.hent(ar), () => full.avregning.hent(ar)],
          [
            () => snarvei.folkeregister.hentPerson(identifikator, []),
            () => full.folkeregister.hentPerson(identifikator, []),
          ],
          [
            () => snarvei.folkeregister.hentPerson(identifikator, ['navn', 'familierelasjon']),
            () => full.folkeregister.hentPerson(identifikator, ['navn', 'familierelasjon']),
          ],
        ];
        for (const [a, b] of par) {
          const [x, y] = [await utfall(a), await utfall(b)];
          expect(x).toStrictEqual(y);
          if ('verdi' in (x as object)) sammenlignet++;
        }
      }
      // Every person has Folkeregisteret's answers, so the comparison is never empty.
      expect(sammenlignet).toBeGreaterThan(personer.length);
    },
    60_000,
  );

  it('hands out its own answers frozen, so no caller can change what later lookups get', async () => {
    const [identifikator] = [...innebygdPopulasjon().personer.values()]
      .filter((p) => p.aar.get(2023)?.oppgjoer)
      .map((p) => p.identifikator);
    const svar = await snarvei.summertSkattegrunnlag.hent({
      stadie: 'OPPGJOER',
      rettighetspakke: 'kommuneforeldrebetaling',
      inntektsaar: 2023,
      identifikator: identifikator as string,
    });
    expect(Object.isFrozen(svar)).toBe(true);
    expect(() => (svar.grunnlag as unknown[]).push({})).toThrow(TypeError);
  });

  it('still parses a population given by the caller with the full schema', async () => {
    const pop = innebygdPopulasjon();
    const [person] = [...pop.personer.values()].filter((p) => p.aar.get(2023)?.avregning);
    if (!person) throw new Error('ingen person med avregning for 2023');
    const egen = {
      froe: pop.froe,
      personer: new Map([
        [
          person.identifikator,
          {
            ...person,
            aar: new Map([
              [2023, { avregning: { personidentifikator: person.identifikator, inntektsaar: 2023 } }],
            ]),
          },
        ],
      ]),
    };
    await expect(
      innebygdeKilder(egen).avregning.hent({
        rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
        inntektsaar: 2023,
        identifikator: person.identifikator,
      }),
    ).rejects.toMatchObject({ name: 'UgyldigSvar' });
  });
});
