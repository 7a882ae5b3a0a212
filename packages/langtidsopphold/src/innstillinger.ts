import {
  bareKjenteNoekler,
  erRentObjekt,
  IKKE_SIKKER,
  type IkkeSikker,
  medHurtigsti,
} from '@inntektsgrunnlag/beregning';
import { z } from 'zod';

/**
 * The municipality's settings for LANGTIDSOPPHOLD_INSTITUSJON, where practice differs and the sources
 * give no single answer. Every setting has a default and says why (docs/kommuneinnstillinger/langtidsopphold.md).
 */
export const innstillingerSkjema = z
  .object({
    grunnbeloep: z
      .enum(['PAA_BEREGNINGSDATO', 'GJENNOMSNITT_FOR_AARET'], {
        error: () => 'må være PAA_BEREGNINGSDATO eller GJENNOMSNITT_FOR_AARET',
      })
      .default('PAA_BEREGNINGSDATO')
      .describe(
        'Hvilken G vederlaget regnes med: G som gjelder på beregningsdatoen (standard; slik kommunene og LHL gjør i eksemplene som er funnet), eller gjennomsnittlig G for kalenderåret. Forskriften sier bare «folketrygdens grunnbeløp».',
      ),
    fordelAvFribeloepet: z
      .enum(['TRE_FJERDEDELER', 'HELE'], { error: () => 'må være TRE_FJERDEDELER eller HELE' })
      .default('TRE_FJERDEDELER')
      .describe(
        'Hva «fordelen av fribeløpet» i minstebeløpet beboeren skal beholde er: 75 % av fribeløpet (standard; fribeløpet trekkes fra før 75 %-satsen, så fordelen er 75 % av det; Leikanger, Hamar, Årdal, Vestre Toten), eller hele fribeløpet (Pensjonistforbundets lesemåte).',
      ),
    formuesskattTrekkesFra: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe(
        'Om formuesskatt trekkes fra som skatt. Standard nei: formuesskatt er ikke skatt på inntektene i § 3 fjerde ledd, og de fleste kildene gir ikke fradrag for den.',
      ),
    skattBetaltIUtlandetTrekkesFra: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe(
        'Om skatt betalt i utlandet (skattefradraget for den i skatteoppgjøret) trekkes fra i tillegg til norsk skatt. Standard nei: Beregnet skatt er den norske skatten; KS viser posten som noe kommunen må justere selv.',
      ),
    boutgifterMaksAntallMaaneder: z
      .number({ error: 'må være et tall' })
      .int('må være et helt antall måneder')
      .min(0, 'kan ikke være negativt')
      .max(12, 'kan ikke være mer enn 12')
      .default(3)
      .describe(
        'Hvor mange måneders boutgifter (kommune.boutgifter, beløp per måned) som trekkes fra. Standard 3 (Bærum, Stavanger); noen kommuner gir 6 (Løten, Sandnes). 0 gir ikke fradrag.',
      ),
    boutgifterAndelProsent: z
      .number({ error: 'må være et tall' })
      .int('må være et helt antall prosent')
      .min(0, 'kan ikke være negativt')
      .max(100, 'kan ikke være mer enn 100')
      .default(100)
      .describe('Hvor stor del av boutgiftene som trekkes fra, i prosent. Standard 100; Stavanger gir 85 %.'),
    partnerensKapitalinntekt: z
      .literal('HOLDES_UTENFOR', {
        error: () =>
          'må være HOLDES_UTENFOR: § 5 andre ledd reduserer forsørgerfradraget bare mot ektefellens arbeidsinntekt og pensjon fra folketrygden (MEDREGNES er fjernet, den ga beboeren mindre fradrag enn forskriften)',
      })
      .default('HOLDES_UTENFOR')
      .describe(
        'Ektefellens eller samboerens renter, avkastning og leieinntekt regnes ikke med i «egen inntekt» når forsørgerfradraget beregnes: egenandelsforskriften § 5 andre ledd reduserer den tenkte etterlattepensjonen «krone for krone mot ektefelle/barns arbeidsinntekter og pensjon fra folketrygden», ikke mot annet. Innstillingen står bare igjen for forespørsler som allerede sender den.',
      ),
  })
  .strict();

export type Innstillinger = z.output<typeof innstillingerSkjema>;

// The fast path (hurtigsti in packages/beregning): the schema above written out once without zod, for
// the input it can prove valid; zod runs for anything else and gives its own errors. Property-tested
// against the schema in hurtigsti.test.ts.

const NOEKLER: ReadonlySet<string> = new Set(Object.keys(innstillingerSkjema.shape));

function heltallMellom(v: unknown, min: number, maks: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= maks;
}

function innstillingerHurtigsti(v: unknown): Innstillinger | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, NOEKLER)) return IKKE_SIKKER;
  const {
    grunnbeloep = 'PAA_BEREGNINGSDATO',
    fordelAvFribeloepet = 'TRE_FJERDEDELER',
    formuesskattTrekkesFra = false,
    skattBetaltIUtlandetTrekkesFra = false,
    boutgifterMaksAntallMaaneder = 3,
    boutgifterAndelProsent = 100,
    partnerensKapitalinntekt = 'HOLDES_UTENFOR',
  } = v;
  if (grunnbeloep !== 'PAA_BEREGNINGSDATO' && grunnbeloep !== 'GJENNOMSNITT_FOR_AARET') return IKKE_SIKKER;
  if (fordelAvFribeloepet !== 'TRE_FJERDEDELER' && fordelAvFribeloepet !== 'HELE') return IKKE_SIKKER;
  if (typeof formuesskattTrekkesFra !== 'boolean' || typeof skattBetaltIUtlandetTrekkesFra !== 'boolean') {
    return IKKE_SIKKER;
  }
  if (!heltallMellom(boutgifterMaksAntallMaaneder, 0, 12) || !heltallMellom(boutgifterAndelProsent, 0, 100)) {
    return IKKE_SIKKER;
  }
  if (partnerensKapitalinntekt !== 'HOLDES_UTENFOR') return IKKE_SIKKER;
  return {
    grunnbeloep,
    fordelAvFribeloepet,
    formuesskattTrekkesFra,
    skattBetaltIUtlandetTrekkesFra,
    boutgifterMaksAntallMaaneder,
    boutgifterAndelProsent,
    partnerensKapitalinntekt,
  };
}

medHurtigsti(innstillingerSkjema, innstillingerHurtigsti);
