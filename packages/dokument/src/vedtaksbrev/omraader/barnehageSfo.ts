import { z } from 'zod';
import { KLAGE_FORELDREBETALING } from '../lovkrav.js';
import type { Brevelement } from '../modell.js';
import type { Tospraaklig } from '../spraak.js';
import { type Brevkontekst, dato, type Faktarad, kr, type Vedtaksmodul } from './felles.js';

/** The fields of the `foreldrebetaling` object the letter reads (packages/foreldrebetaling, avgiftSkjema). */
const foreldrebetalingSkjema = z.looseObject({
  husholdningensInntekt: z.number(),
  sone: z.string(),
  maksimalprisPerMaaned: z.number().nullable(),
  barn: z
    .array(
      z.looseObject({
        tilbud: z.enum(['BARNEHAGE', 'SFO']),
        prisForPlassen: z.number(),
        soeskennummer: z.number().nullable(),
        reduksjoner: z.array(z.looseObject({ regel: z.string(), beloep: z.number(), hjemmel: z.string() })),
        prisPerMaaned: z.number(),
      }),
    )
    .min(1),
  sumPerMaaned: z.number(),
});

type Foreldrebetaling = z.output<typeof foreldrebetalingSkjema>;
type K = Brevkontekst<Foreldrebetaling>;

const TILBUD: Record<string, Tospraaklig> = {
  BARNEHAGE: { nb: 'barnehage', nn: 'barnehage' },
  SFO: { nb: 'SFO', nn: 'SFO' },
};

/** The reductions by the result's rule code; an unknown code is shown as the code. */
const REDUKSJON: Record<string, Tospraaklig> = {
  MAKSIMALPRIS: { nb: 'begrenset til maksimalprisen', nn: 'avgrensa til maksimalprisen' },
  SEKS_PROSENT: {
    nb: 'redusert foreldrebetaling ved lav inntekt',
    nn: 'redusert foreldrebetaling ved låg inntekt',
  },
  SOESKENMODERASJON: { nb: 'søskenmoderasjon', nn: 'syskenmoderasjon' },
  GRATIS_KJERNETID: { nb: 'gratis kjernetid', nn: 'gratis kjernetid' },
  SFO_GRATISTIMER: { nb: 'gratis timer i SFO', nn: 'gratis timar i SFO' },
};

const SONE: Record<string, Tospraaklig> = {
  ORDINAER: { nb: 'ordinær', nn: 'ordinær' },
  SENTRALITET_5_6: { nb: 'kommune i sentralitetssone 5 eller 6', nn: 'kommune i sentralitetssone 5 eller 6' },
  INNSATSSONE: { nb: 'tiltakssonen i Finnmark og Nord-Troms', nn: 'tiltakssona i Finnmark og Nord-Troms' },
};

function barnetekst(b: Foreldrebetaling['barn'][number], i: number, spraak: 'nb' | 'nn'): string {
  return `Barn ${i + 1} (${TILBUD[b.tilbud]?.[spraak] ?? b.tilbud})`;
}

/** The 31 July that ends the barnehage year (1 August to 31 July) a date falls in. */
function slutten(iso: string): string {
  const [aar, mnd] = iso.split('-').map(Number) as [number, number];
  return `${mnd >= 8 ? aar + 1 : aar}-07-31`;
}

/**
 * BARNEHAGE_SFO. A decision on reduced payment holds for the rest of the barnehage year (and for SFO
 * the school year):
 * @lovtekst FOR-2005-12-16-1478 § 3d første ledd
 * «For søknader før 1. august, gjelder kommunens vedtak fra 1. august og ut barnehageåret. Søkes det etter 1. august gjelder vedtaket fra første hele måned etter søknadstidspunktet og ut barnehageåret.»
 * @lovtekst FOR-2024-06-03-900 § 2-5 tredje ledd
 * «Dersom søknaden kjem inn før 1. august, gjeld kommunen sitt vedtak frå 1. august og ut skoleåret.»
 * The date it starts depends on when the household applied, which the product does not know: the case
 * worker gives it (`gjelderFra`), otherwise the beregningsdato is used.
 */
export const barnehageSfo: Vedtaksmodul<Foreldrebetaling> = {
  beregningstype: 'BARNEHAGE_SFO',
  avgiftSkjema: foreldrebetalingSkjema,
  klage: KLAGE_FORELDREBETALING,
  soekerbetegnelse: { nb: 'Søker', nn: 'Søkjar' },

  tittel({ avgift, spraak }: K) {
    const tilbud = new Set(avgift.barn.map((b) => b.tilbud));
    const hva = tilbud.size > 1 ? 'barnehage og SFO' : tilbud.has('SFO') ? 'SFO' : 'barnehage';
    return spraak === 'nn' ? `Vedtak om foreldrebetaling i ${hva}` : `Vedtak om foreldrebetaling i ${hva}`;
  },

  gjelderFra: ({ brevdata, resultat }) => brevdata.gjelderFra ?? resultat.beregningsdato,

  vedtak({ avgift: f, spraak }, gjelderFra): Brevelement[] {
    const nn = spraak === 'nn';
    const n = f.barn.length;
    const fra = dato(gjelderFra);
    const ut: Brevelement[] = [
      {
        type: 'avsnitt',
        tekst: nn
          ? `Du skal betale ${kr(f.sumPerMaaned)} per månad i foreldrebetaling for ${n === 1 ? 'barnet' : `dei ${n} barna`} frå ${fra}.`
          : `Du skal betale ${kr(f.sumPerMaaned)} per måned i foreldrebetaling for ${n === 1 ? 'barnet' : `de ${n} barna`} fra ${fra}.`,
      },
      {
        type: 'beloep',
        rader: [
          ...f.barn.map((b, i) => ({
            tekst: barnetekst(b, i, spraak),
            beloep: kr(b.prisPerMaaned),
            merknad: nn
              ? `per månad; prisen for plassen er ${kr(b.prisForPlassen)}`
              : `per måned; prisen for plassen er ${kr(b.prisForPlassen)}`,
          })),
          ...(n > 1
            ? [
                {
                  tekst: nn ? 'Til saman per månad' : 'Til sammen per måned',
                  beloep: kr(f.sumPerMaaned),
                  merknad: nn ? `frå ${fra}` : `fra ${fra}`,
                },
              ]
            : []),
        ],
      },
    ];
    const tilbud = new Set(f.barn.map((b) => b.tilbud));
    const periode: string[] = [];
    if (tilbud.has('BARNEHAGE')) {
      periode.push(
        nn
          ? `For barnehage gjeld vedtaket ut barnehageåret, til og med ${dato(slutten(gjelderFra))}.`
          : `For barnehage gjelder vedtaket ut barnehageåret, til og med ${dato(slutten(gjelderFra))}.`,
      );
    }
    if (tilbud.has('SFO')) {
      periode.push(nn ? 'For SFO gjeld vedtaket ut skoleåret.' : 'For SFO gjelder vedtaket ut skoleåret.');
    }
    periode.push(
      nn ? 'Eventuell betaling for kost kjem i tillegg.' : 'Eventuell betaling for kost kommer i tillegg.',
    );
    ut.push({ type: 'avsnitt', tekst: periode.join(' ') });
    return ut;
  },

  fakta({ avgift: f, spraak }): Faktarad[] {
    const nn = spraak === 'nn';
    const rader: Faktarad[] = [
      { etikett: nn ? 'Inntekta i hushaldet' : 'Husholdningens inntekt', verdi: kr(f.husholdningensInntekt) },
    ];
    if (f.maksimalprisPerMaaned !== null) {
      rader.push({
        etikett: nn ? 'Maksimalprisen for barnehage' : 'Maksimalprisen for barnehage',
        verdi: `${kr(f.maksimalprisPerMaaned)} ${nn ? 'per månad' : 'per måned'}`,
      });
    }
    if (f.barn.some((b) => b.tilbud === 'BARNEHAGE')) {
      rader.push({ etikett: nn ? 'Prissone' : 'Prissone', verdi: SONE[f.sone]?.[spraak] ?? f.sone });
    }
    f.barn.forEach((b, i) => {
      const soesken =
        b.soeskennummer !== null
          ? nn
            ? `, syskennummer ${b.soeskennummer}`
            : `, søskennummer ${b.soeskennummer}`
          : '';
      rader.push({
        etikett: barnetekst(b, i, spraak),
        verdi: nn
          ? `prisen for plassen ${kr(b.prisForPlassen)} per månad${soesken}`
          : `prisen for plassen ${kr(b.prisForPlassen)} per måned${soesken}`,
      });
    });
    return rader;
  },

  regelforklaring({ avgift: f, spraak }): string[] {
    const nn = spraak === 'nn';
    const ut = [
      nn
        ? 'Foreldrebetalinga for kvart barn er prisen for plassen, men ikkje meir enn maksimalprisen. Kommunen skal redusere betalinga når hushaldet har låg inntekt, gi syskenmoderasjon, og gi gratis kjernetid i barnehagen eller gratis timar i SFO når vilkåra er oppfylte. Inntekta i hushaldet er den samla personinntekta og skattepliktige kapitalinntekta til søkjaren og ein eventuell ektefelle, partnar eller sambuar.'
        : 'Foreldrebetalingen for hvert barn er prisen for plassen, men ikke mer enn maksimalprisen. Kommunen skal redusere betalingen når husholdningen har lav inntekt, gi søskenmoderasjon, og gi gratis kjernetid i barnehagen eller gratis timer i SFO når vilkårene er oppfylt. Husholdningens inntekt er den samlede personinntekten og skattepliktige kapitalinntekten til søkeren og en eventuell ektefelle, partner eller samboer.',
    ];
    f.barn.forEach((b, i) => {
      const reduksjoner = b.reduksjoner.map(
        (r) => `${REDUKSJON[r.regel]?.[spraak] ?? r.regel} (${r.hjemmel}): ${kr(r.beloep)} mindre`,
      );
      ut.push(
        `${barnetekst(b, i, spraak)}: ${kr(b.prisForPlassen)}${reduksjoner.length > 0 ? `, ${reduksjoner.join(', ')}` : nn ? ', inga reduksjon' : ', ingen reduksjon'} = ${kr(b.prisPerMaaned)} ${nn ? 'per månad' : 'per måned'}.`,
      );
    });
    return ut;
  },

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
              ? 'Går inntekta i hushaldet varig ned, kan du søkje om ny vurdering av foreldrebetalinga. Endrar andre opplysningar i vedtaket seg, må du seie frå til oss.'
              : 'Går husholdningens inntekt varig ned, kan du søke om ny vurdering av foreldrebetalingen. Endrer andre opplysninger i vedtaket seg, må du si fra til oss.',
          },
        ],
      },
    ];
  },
};
