import {
  posterFraAvregning,
  posterFraBeregnetSkatt,
  posterFraSummertSkattegrunnlag,
} from '@inntektsgrunnlag/skattegrunnlag';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { IngenDataForAar } from '../feil.js';
import { innebygdeKilder } from '../innebygd.js';

interface KsPerson {
  navn: { fornavn: string; mellomnavn: string | null; etternavn: string };
  stadie: string;
  skjermet: boolean;
  skatteoppgjoersdato: string;
  registreringstidpunkt: string;
  summertSkattegrunnlag: Array<{ tekniskNavn: string; beloep: number; kategori: string }>;
  beregnetSkatt?: Record<string, number>;
  avregning?: Record<string, number>;
}

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  personer: Record<string, KsPerson>;
};
const kilder = innebygdeKilder();
const oppslag = (identifikator: string) => ({
  rettighetspakke: 'kommunelangtidsoppholdinstitusjon',
  inntektsaar: 2023,
  identifikator,
});
const somTall = (poster: Array<{ tekniskNavn: string; beloep: { toJsonNumber(): number } }>) =>
  Object.fromEntries(poster.map((p) => [p.tekniskNavn, p.beloep.toJsonNumber()]));

describe('the KS example’s persons, exactly as published', () => {
  for (const [id, person] of Object.entries(ks.personer)) {
    it(`${id.slice(0, 6)}*****: posts, dates, Beregnet skatt, Avregning and name`, async () => {
      const ssg = await kilder.summertSkattegrunnlag.hent({ ...oppslag(id), stadie: 'OPPGJOER' });
      expect(ssg.grunnlag).toEqual(person.summertSkattegrunnlag);
      expect(ssg.skatteoppgjoersdato).toBe(person.skatteoppgjoersdato);
      expect(ssg.ajourholdstidspunkt).toBe(person.registreringstidpunkt);
      expect(ssg.skjermet).toBe(person.skjermet);
      expect(ssg.stadie?.toUpperCase()).toBe(person.stadie);
      expect(somTall(posterFraSummertSkattegrunnlag(ssg))).toEqual(
        Object.fromEntries(person.summertSkattegrunnlag.map((g) => [g.tekniskNavn, g.beloep])),
      );

      const bs = kilder.beregnetSkatt.hent({
        ...oppslag(id),
        rettighetspakke: 'kommuneLangtidsoppholdInstitusjon',
      });
      if (person.beregnetSkatt)
        expect(somTall(posterFraBeregnetSkatt(await bs))).toEqual(person.beregnetSkatt);
      else await expect(bs).rejects.toBeInstanceOf(IngenDataForAar);

      const ar = await kilder.avregning.hent(oppslag(id));
      expect(somTall(posterFraAvregning(ar))).toEqual(person.avregning);

      const freg = await kilder.folkeregister.hentPerson(id, ['navn']);
      expect(freg.navn).toEqual(person.navn);
    });
  }

  it('has no data for the persons in other years', async () => {
    await expect(
      kilder.summertSkattegrunnlag.hent({ ...oppslag('04817299771'), inntektsaar: 2022, stadie: 'OPPGJOER' }),
    ).rejects.toBeInstanceOf(IngenDataForAar);
  });
});
