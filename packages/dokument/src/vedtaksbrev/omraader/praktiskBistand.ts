import { z } from 'zod';
import { KLAGE_HELSE_OG_OMSORG } from '../lovkrav.js';
import type { Brevelement } from '../modell.js';
import { antall, type Brevkontekst, dato, type Faktarad, kr, type Vedtaksmodul } from './felles.js';

/** The fields of the `egenandel` object the letter reads (packages/praktisk-bistand, egenandelJsonSkjema). */
const egenandelSkjema = z.looseObject({
  maksPerMaaned: z.number().nullable(),
  under2G: z.boolean(),
  husstandensInntekt: z.number(),
  grunnbeloep: z.looseObject({ beloep: z.number() }),
  toG: z.number(),
  trinn: z.looseObject({
    kode: z.string(),
    maksPerMaaned: z.number().nullable(),
    fraOgMedG: z.number().optional(),
    tilG: z.number().nullable().optional(),
  }),
  selvkost: z
    .looseObject({ timerPerMaaned: z.number(), kostnadPerTime: z.number(), perMaaned: z.number() })
    .nullable(),
  begrensetAv: z.string().nullable(),
});

type Egenandel = z.output<typeof egenandelSkjema>;
type K = Brevkontekst<Egenandel>;

/** "2 G" or "2,5 G" */
const g = (n: number) => `${antall(n)} G`;

/**
 * PRAKTISK_BISTAND. The decision is the most the municipality may charge per month (the national cap
 * below 2 G, the municipality's own step, or selvkost); within it the municipality's own rates apply.
 * Where the result has no monthly maximum (income 2 G or more, no municipal steps, no selvkost given),
 * the letter says so and names the ceiling that always holds:
 * @lovtekst FOR-2011-12-16-1349 § 9 første ledd
 * «Egenandelen skal ikke overstige kommunens egne utgifter til angjeldende tjeneste (selvkost).»
 */
export const praktiskBistand: Vedtaksmodul<Egenandel> = {
  beregningstype: 'PRAKTISK_BISTAND',
  avgiftSkjema: egenandelSkjema,
  klage: KLAGE_HELSE_OG_OMSORG,
  soekerbetegnelse: { nb: 'Tjenestemottaker', nn: 'Tenestemottakar' },

  tittel: ({ spraak }) =>
    spraak === 'nn'
      ? 'Vedtak om eigendel for praktisk bistand og opplæring'
      : 'Vedtak om egenandel for praktisk bistand og opplæring',

  gjelderFra: ({ brevdata, resultat }) => brevdata.gjelderFra ?? resultat.beregningsdato,

  vedtak({ avgift: e, spraak }, gjelderFra): Brevelement[] {
    const nn = spraak === 'nn';
    const fra = dato(gjelderFra);
    if (e.maksPerMaaned !== null) {
      return [
        {
          type: 'avsnitt',
          tekst: nn
            ? `Du skal betale eigendel for praktisk bistand og opplæring etter satsane til kommunen frå ${fra}. Eigendelen kan ikkje bli høgare enn ${kr(e.maksPerMaaned)} per månad.`
            : `Du skal betale egenandel for praktisk bistand og opplæring etter kommunens satser fra ${fra}. Egenandelen kan ikke bli høyere enn ${kr(e.maksPerMaaned)} per måned.`,
        },
        {
          type: 'beloep',
          rader: [
            {
              tekst: nn ? 'Høgaste eigendel per månad' : 'Høyeste egenandel per måned',
              beloep: kr(e.maksPerMaaned),
              merknad: nn ? `frå ${fra}` : `fra ${fra}`,
            },
          ],
        },
      ];
    }
    return [
      {
        type: 'avsnitt',
        tekst: nn
          ? `Du skal betale eigendel for praktisk bistand og opplæring etter satsane til kommunen frå ${fra}. Inntekta i husstanden er ikkje under grensa for det låge utgiftstaket, og kommunen har ikkje sett ei eiga øvre grense per månad. Eigendelen kan likevel aldri bli høgare enn det tenesta kostar kommunen (sjølvkost).`
          : `Du skal betale egenandel for praktisk bistand og opplæring etter kommunens satser fra ${fra}. Husstandens inntekt er ikke under grensen for det lave utgiftstaket, og kommunen har ikke satt en egen øvre grense per måned. Egenandelen kan likevel aldri bli høyere enn det tjenesten koster kommunen (selvkost).`,
      },
      {
        type: 'beloep',
        rader: [
          {
            tekst: nn ? 'Høgaste eigendel per månad' : 'Høyeste egenandel per måned',
            beloep: nn ? 'sjølvkost' : 'selvkost',
            merknad: nn ? `inga fast grense, frå ${fra}` : `ingen fast grense, fra ${fra}`,
          },
        ],
      },
    ];
  },

  fakta({ avgift: e, spraak }): Faktarad[] {
    const nn = spraak === 'nn';
    const rader: Faktarad[] = [
      { etikett: nn ? 'Inntekta i husstanden' : 'Husstandens inntekt', verdi: kr(e.husstandensInntekt) },
      {
        etikett: nn ? 'Grunnbeløpet i folketrygda (G)' : 'Folketrygdens grunnbeløp (G)',
        verdi: kr(e.grunnbeloep.beloep),
      },
      { etikett: '2 G', verdi: kr(e.toG) },
    ];
    const t = e.trinn;
    if (t.kode === 'KOMMUNALT_TRINN' && t.fraOgMedG !== undefined && t.maksPerMaaned !== null) {
      const fra = g(t.fraOgMedG);
      const til = t.tilG ? (nn ? ` og under ${g(t.tilG)}` : ` og under ${g(t.tilG)}`) : '';
      rader.push({
        etikett: nn ? 'Trinnet til kommunen' : 'Kommunens trinn',
        verdi: nn
          ? `frå og med ${fra}${til}: høgst ${kr(t.maksPerMaaned)} per månad`
          : `fra og med ${fra}${til}: høyst ${kr(t.maksPerMaaned)} per måned`,
      });
    }
    const s = e.selvkost;
    if (s) {
      rader.push({
        etikett: nn ? 'Sjølvkost' : 'Selvkost',
        verdi: nn
          ? `${antall(s.timerPerMaaned)} timar per månad à ${kr(s.kostnadPerTime)} = ${kr(s.perMaaned)} per månad`
          : `${antall(s.timerPerMaaned)} timer per måned à ${kr(s.kostnadPerTime)} = ${kr(s.perMaaned)} per måned`,
      });
    }
    return rader;
  },

  regelforklaring({ avgift: e, spraak }): string[] {
    const nn = spraak === 'nn';
    const ut = [
      nn
        ? 'Eigendelen blir rekna ut frå den samla skattbare nettoinntekta til husstanden før særfrådrag. Husstanden er du og ein eventuell ektefelle eller sambuar, og barn under 18 år når hjelpa blir gitt på grunn av behovet til barnet.'
        : 'Egenandelen regnes ut fra husstandens samlede skattbare nettoinntekt før særfradrag. Husstanden er du og en eventuell ektefelle eller samboer, og barn under 18 år når hjelpen gis på grunn av barnets behov.',
    ];
    const tak = e.trinn.maksPerMaaned;
    if (e.under2G) {
      ut.push(
        nn
          ? `Inntekta i husstanden (${kr(e.husstandensInntekt)}) er under to gonger grunnbeløpet i folketrygda (2 G = ${kr(e.toG)}).${tak !== null ? ` Då kan eigendelen ikkje vere høgare enn ${kr(tak)} per månad.` : ''}`
          : `Husstandens inntekt (${kr(e.husstandensInntekt)}) er under to ganger folketrygdens grunnbeløp (2 G = ${kr(e.toG)}).${tak !== null ? ` Da kan egenandelen ikke være høyere enn ${kr(tak)} per måned.` : ''}`,
      );
    } else {
      ut.push(
        nn
          ? `Inntekta i husstanden (${kr(e.husstandensInntekt)}) er 2 G (${kr(e.toG)}) eller meir. Då gjeld satsane til kommunen.${tak !== null ? ` For inntekta i husstanden er den høgaste eigendelen ${kr(tak)} per månad.` : ''}`
          : `Husstandens inntekt (${kr(e.husstandensInntekt)}) er 2 G (${kr(e.toG)}) eller mer. Da gjelder kommunens egne satser.${tak !== null ? ` For husstandens inntekt er den høyeste egenandelen ${kr(tak)} per måned.` : ''}`,
      );
    }
    const s = e.selvkost;
    ut.push(
      s
        ? (nn
            ? `Eigendelen kan ikkje vere høgare enn det tenesta kostar kommunen: ${antall(s.timerPerMaaned)} timar per månad à ${kr(s.kostnadPerTime)} gir ${kr(s.perMaaned)} per månad.`
            : `Egenandelen kan ikke være høyere enn det tjenesten koster kommunen: ${antall(s.timerPerMaaned)} timer per måned à ${kr(s.kostnadPerTime)} gir ${kr(s.perMaaned)} per måned.`) +
            (e.begrensetAv === 'SELVKOST'
              ? nn
                ? ' Det er den høgaste eigendelen for deg.'
                : ' Det er den høyeste egenandelen for deg.'
              : '')
        : nn
          ? 'Eigendelen kan ikkje vere høgare enn det tenesta kostar kommunen (sjølvkost).'
          : 'Egenandelen kan ikke være høyere enn det tjenesten koster kommunen (selvkost).',
    );
    return ut;
  },

  /**
   * The yearly update, and the limit that protects what the household needs to live on:
   * @lovtekst FOR-2011-12-16-1349 § 10 femte ledd
   * «Kommunen skal minst årlig oppdatere egenandelsvedtaket ut fra nye opplysninger i likning og ny G.»
   * @lovtekst FOR-2011-12-16-1349 § 9 tredje ledd
   * «Egenandelen kan ikke settes høyere enn at vedkommende beholder tilstrekkelig til å dekke personlige behov og bære sitt ansvar som forsørger.»
   */
  saerskilt({ spraak }: K) {
    const nn = spraak === 'nn';
    return [
      {
        id: 'endringer',
        nivaa: 1,
        overskrift: nn ? 'Endringar' : 'Endringer',
        innhold: [
          {
            type: 'avsnitt',
            tekst: nn
              ? 'Vi oppdaterer vedtaket minst éin gong i året ut frå nye skatteopplysningar og nytt grunnbeløp (eigendelsforskrifta § 10 femte ledd). Gir eigendelen deg ikkje nok att til personlege behov og til å forsørgje familien din, kan du be oss vurdere han på nytt (eigendelsforskrifta § 9 tredje ledd).'
              : 'Vi oppdaterer vedtaket minst én gang i året ut fra nye skatteopplysninger og nytt grunnbeløp (egenandelsforskriften § 10 femte ledd). Gir egenandelen deg ikke nok igjen til personlige behov og til å forsørge familien din, kan du be oss vurdere den på nytt (egenandelsforskriften § 9 tredje ledd).',
          },
        ],
      },
    ];
  },
};
