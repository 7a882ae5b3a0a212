import { type Beregningsresultat, beregnForesporsel, type EnhverBeregner } from '@inntektsgrunnlag/beregning';
import { beregner as foreldrebetaling } from '@inntektsgrunnlag/foreldrebetaling';
import { beregner as langtidsopphold } from '@inntektsgrunnlag/langtidsopphold';
import { beregner as praktiskBistand } from '@inntektsgrunnlag/praktisk-bistand';
import { lesGullfiler, lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';

/** The project's "today" in the tests. */
export const IDAG = '2026-11-27';

export const BEREGNERE: Record<string, EnhverBeregner> = {
  LANGTIDSOPPHOLD_INSTITUSJON: langtidsopphold,
  PRAKTISK_BISTAND: praktiskBistand,
  BARNEHAGE_SFO: foreldrebetaling,
};

/** Every golden case (testdata/golden) as a result, through its area's rules. */
export function gullresultater(): Array<{ id: string; resultat: Beregningsresultat }> {
  return lesGullfiler('').map((gull) => {
    const type = (gull.foresporsel as { beregningstype: string }).beregningstype;
    const beregner = BEREGNERE[type];
    if (!beregner) throw new Error(`Ingen beregner for ${type}`);
    return { id: gull.id, resultat: beregnForesporsel(beregner, gull.foresporsel, { idag: IDAG }) };
  });
}

interface KsEksempel {
  foresporsel: {
    personer: Array<{ identifikator: string; type: string; ekstraposter: unknown[] }>;
    [k: string]: unknown;
  };
  personer: Record<
    string,
    {
      summertSkattegrunnlag: Array<{ tekniskNavn: string; beloep: number }>;
      beregnetSkatt?: Record<string, number>;
      avregning?: Record<string, number>;
    }
  >;
  svar: { beregningsbeloep: number };
}

/** The published KS Fiks example (testdata/ks-fiks) through the langtidsopphold area, its posts inline. */
export function ksResultat(): { resultat: Beregningsresultat; forventetGrunnlag: number } {
  const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as KsEksempel;
  const foresporsel = {
    ...ks.foresporsel,
    beregningsdato: '2024-06-01',
    personer: ks.foresporsel.personer.map((p) => {
      const k = ks.personer[p.identifikator];
      const poster = [
        ...(k?.summertSkattegrunnlag ?? []).map(({ tekniskNavn, beloep }) => ({ tekniskNavn, beloep })),
        ...Object.entries({ ...k?.beregnetSkatt, ...k?.avregning }).map(([tekniskNavn, beloep]) => ({
          tekniskNavn,
          beloep,
        })),
      ];
      return { ...p, poster };
    }),
  };
  return {
    resultat: beregnForesporsel(langtidsopphold, foresporsel, { idag: IDAG }),
    forventetGrunnlag: ks.svar.beregningsbeloep,
  };
}

/**
 * The KS example's result as a lookup returns it: the persons with their names (the KS example's
 * synthetic names) and the settlement's stage and date, as Folkeregisteret and Skatteetaten give them.
 */
export function ksResultatMedNavn(): Beregningsresultat {
  const { resultat } = ksResultat();
  const navn: Record<string, { fornavn: string; etternavn: string; dato: string }> = {
    '04817299771': { fornavn: 'UPERSONLIG', etternavn: 'PÅFUNN', dato: '2024-02-15' },
    '27847099416': { fornavn: 'OPPRIKTIG', etternavn: 'DAMESYKKEL', dato: '2024-02-19' },
  };
  return {
    ...resultat,
    personer: resultat.personer.map((p) => {
      const n = navn[p.identifikator];
      return n
        ? {
            ...p,
            navn: { fornavn: n.fornavn, mellomnavn: null, etternavn: n.etternavn },
            stadie: 'OPPGJOER' as const,
            skatteoppgjoersdato: n.dato,
            postkilde: 'SKATTEETATEN' as const,
          }
        : p;
    }),
  };
}

/** Whether a result has posts the municipality put in (the letter then needs the case worker's reasons). */
export function harManuellePoster(r: Beregningsresultat): boolean {
  return [...r.inntekt.grupper, ...r.fradrag.grupper, ...r.mellomregninger].some((g) =>
    g.poster.some((p) => p.kilde === 'KOMMUNE' || p.kilde === 'MANUELL_INPUT'),
  );
}
