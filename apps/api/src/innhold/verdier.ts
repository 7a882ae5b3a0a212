import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import { PERSONTYPE_TEKST } from '@inntektsgrunnlag/person';
import { KATALOGAAR, postinfo } from '@inntektsgrunnlag/skattegrunnlag';
import { z } from 'zod';
import { beregnerFor } from './omraade.js';

/** The income years an area can compute: its post definition's years that have a post catalogue. */
export function dekkedeInntektsaar(type: Beregningstype): number[] {
  const { fraOgMedAar, tilOgMedAar } = beregnerFor(type).postdefinisjon;
  return KATALOGAAR.filter((a) => a >= fraOgMedAar && a <= tilOgMedAar);
}

/**
 * What a request for the area may contain in the income year: the person types, the extra posts a
 * case worker may enter (with help texts from the post catalogue, and whose posts they may be), and
 * the JSON Schema of the area's vedtak facts, so a form can be built from it. Also the income years
 * the area covers, so a form can offer exactly those.
 */
export function verdierFor(type: Beregningstype, inntektsaar: number) {
  const b = beregnerFor(type);
  return {
    beregningstype: type,
    inntektsaar,
    dekkedeInntektsaar: dekkedeInntektsaar(type),
    tittel: b.tittel,
    avgiftsnoekkel: b.avgiftsnoekkel,
    persontyper: b.persontyper.map((t) => ({ type: t, tekst: PERSONTYPE_TEKST[t] })),
    ekstraposter: b.ekstraposter.flatMap((e) => {
      const { info, kjent } = postinfo(e.tekniskNavn, inntektsaar);
      // A post outside the year's catalogue cannot be entered that year.
      if (!kjent) return [];
      return [
        {
          tekniskNavn: e.tekniskNavn,
          visningstekst: info.visningstekst,
          infotekst: info.infotekst ?? null,
          kilde: info.kilde,
          visningsgruppe: info.visningsgruppe,
          kanEndreVisningstekst: info.kanEndreVisningstekst ?? false,
          persontyper: [...e.persontyper],
        },
      ];
    }),
    vedtak: jsonSkjema(b.vedtakSkjema),
  };
}

/** A zod schema as JSON Schema (draft 2020-12) of what a request may send. */
export function jsonSkjema(skjema: z.ZodType): Record<string, unknown> {
  const { $schema: _s, ...resten } = z.toJSONSchema(skjema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return resten;
}
