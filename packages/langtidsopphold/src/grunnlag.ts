import type { Advarsel, Beregningsinput, Grunnlagsresultat } from '@inntektsgrunnlag/beregning';
import { Beloep } from '@inntektsgrunnlag/money';
import { PARTNERTYPER } from '@inntektsgrunnlag/person';
import {
  blokkAv,
  blokkSomLinjer,
  evaluerBlokk,
  type Grunnlagsgruppe,
  type Gruppedefinisjon,
  type Postdefinisjon,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { Innstillinger } from './innstillinger.js';
import { GRUPPE, POSTDEFINISJON, TENKT_ETTERLATTEPENSJON } from './postdefinisjon.js';
import {
  boutgiftfradrag,
  forsoergerfradrag,
  HJEMMEL_FORSOERGERFRADRAG,
  HJEMMEL_FRADRAG,
  HJEMMEL_PENSJONSFRADRAG,
  HJEMMEL_REKKEFOELGE,
  HJEMMEL_SKJOENN,
  pensjonsfradrag,
} from './regler/fradrag.js';
import {
  definisjonMedInnstillinger,
  HJEMMEL_INNTEKT,
  ikkeMedregnetAdvarsler,
  overlappAdvarsler,
  realisasjonsadvarsler,
} from './regler/inntekt.js';
import type { Vedtak } from './vedtak.js';

function finnGruppe(grupper: readonly Gruppedefinisjon[] | undefined, navn: string): Gruppedefinisjon {
  const g = grupper?.find((x) => x.tekniskNavn === navn);
  /* c8 ignore next: the groups are this package's own data */
  if (!g) throw new Error(`Gruppen ${navn} mangler i postdefinisjonen`);
  return g;
}

function beregnetGruppe(
  tekniskNavn: string,
  visningstekst: string,
  beloep: Beloep,
  forklaring: Grunnlagsgruppe['forklaring'],
  hjemmel: string,
): Grunnlagsgruppe {
  return {
    tekniskNavn,
    visningstekst,
    operasjon: 'ADDERE',
    hjemmel,
    beloep,
    poster: [],
    ...(forklaring ? { forklaring } : {}),
  };
}

/** The groups `grunnlag` evaluates, found once per (cut) definition. */
interface Grupper {
  /** The income groups, then the mellomregninger and fradrag below, in one list evaluated at once. */
  alle: readonly Gruppedefinisjon[];
  antallInntekt: number;
}

const MELLOM_OG_FRADRAG = [
  ['mellomregninger', GRUPPE.tenktEtterlattePensjon],
  ['mellomregninger', GRUPPE.partnerArbeidOgPensjon],
  ['mellomregninger', GRUPPE.pensjonerParagraf5],
  ['mellomregninger', GRUPPE.boutgifterPerMaaned],
  ['mellomregninger', GRUPPE.realisasjon],
  ['fradrag', GRUPPE.skatt],
  ['fradrag', GRUPPE.gjeldsrenter],
  ['fradrag', GRUPPE.skjoenn],
] as const;

const grupperBuffer = new WeakMap<Postdefinisjon, Grupper>();

function grupperFor(def: Postdefinisjon): Grupper {
  let g = grupperBuffer.get(def);
  if (!g) {
    g = {
      alle: [
        ...def.inntekt,
        ...MELLOM_OG_FRADRAG.map(([blokk, navn]) =>
          finnGruppe(blokk === 'fradrag' ? def.fradrag : def.mellomregninger, navn),
        ),
      ],
      antallInntekt: def.inntekt.length,
    };
    grupperBuffer.set(def, g);
  }
  return g;
}

/**
 * The income basis: the resident's income under § 3 fjerde ledd, less the tax and debt interest, less
 * the fradrag of § 5 (after tax and interest, § 5 sjette ledd): the forsørgerfradrag (andre ledd) and half
 * the resident's pensions (tredje ledd) where § 5 første ledd applies, the boutgifter and the skjønnsmessige
 * fradrag (fjerde ledd). The partner's income is only a mellomregning for the forsørgerfradrag.
 */
export function grunnlag(input: Beregningsinput<Vedtak, Innstillinger>): Grunnlagsresultat {
  const { inntektsaar: aar, personer, innstillinger: innst, vedtak } = input;
  const def = definisjonMedInnstillinger(POSTDEFINISJON, aar, innst);
  const advarsler: Advarsel[] = [];

  // Every group in one evaluation, so each person's posts are indexed once (not once per group); each
  // group is evaluated exactly as on its own.
  const { alle, antallInntekt } = grupperFor(def);
  const evaluert = evaluerBlokk(alle, personer, aar).grupper;
  const inntekt = blokkAv(evaluert.slice(0, antallInntekt));
  const [tenkt, partnerInntekt, pensjoner, boutgifterPerMaaned, realisasjon, skatt, gjeldsrenter, skjoenn] =
    evaluert.slice(antallInntekt) as [
      Grunnlagsgruppe,
      Grunnlagsgruppe,
      Grunnlagsgruppe,
      Grunnlagsgruppe,
      Grunnlagsgruppe,
      Grunnlagsgruppe,
      Grunnlagsgruppe,
      Grunnlagsgruppe,
    ];
  const partner = personer.find((p) => PARTNERTYPER.has(p.type));

  // § 5 første ledd: the case worker's fact, or by default whether the request has a spouse, partner or
  // samboer (a child at home or an adult child the resident supports is only known from the vedtak).
  const paragraf5 = vedtak.forsoergerHjemme ?? partner !== undefined;
  const paragraf5Grunn =
    vedtak.forsoergerHjemme === undefined
      ? partner
        ? 'Beboeren har ektefelle, partner eller samboer i forespørselen, som regnes som hjemmeboende (§ 5 første ledd).'
        : 'Forespørselen har ingen ektefelle, partner eller samboer, og vedtaket sier ikke at beboeren forsørger noen hjemme (§ 5 første ledd gjelder ikke).'
      : vedtak.forsoergerHjemme
        ? 'Vedtaket sier at beboeren har hjemmeboende ektefelle eller barn, eller forsørger barn over 18 år (§ 5 første ledd).'
        : 'Vedtaket sier at beboeren ikke har hjemmeboende ektefelle eller barn og ikke forsørger barn over 18 år (§ 5 første ledd gjelder ikke).';

  const forsoerger = paragraf5
    ? forsoergerfradrag(
        tenkt.beloep,
        partnerInntekt.beloep,
        'Bare arbeidsinntekt og pensjon fra folketrygden reduserer fradraget (§ 5 andre ledd); renter, avkastning, leieinntekt og annen pensjon holdes utenfor.',
      )
    : {
        beloep: Beloep.NULL,
        linjer: [
          {
            tekst: 'Ikke forsørgerfradrag',
            operasjon: 'INFO' as const,
            kilde: 'REGEL' as const,
            hjemmel: HJEMMEL_FRADRAG,
            merknad: paragraf5Grunn,
          },
        ],
      };
  const pensjonsdel = pensjonsfradrag(pensjoner.beloep, paragraf5, paragraf5Grunn);
  if (paragraf5 && partner && !partner.poster.some((p) => p.tekniskNavn === TENKT_ETTERLATTEPENSJON)) {
    advarsler.push({
      kode: 'TENKT_ETTERLATTEPENSJON_MANGLER',
      melding: `Beboeren har ektefelle, partner eller samboer, men ${TENKT_ETTERLATTEPENSJON} er ikke oppgitt: forsørgerfradraget er regnet som 0. Oppgi den tenkte etterlattepensjonen (0 hvis det ikke er noen).`,
      identifikator: partner.identifikator,
    });
  }

  const boutgifter = boutgifterPerMaaned.poster.length
    ? boutgiftfradrag(
        boutgifterPerMaaned.beloep,
        vedtak.boutgifterAntallMaaneder,
        innst.boutgifterMaksAntallMaaneder,
        innst.boutgifterAndelProsent,
      )
    : undefined;

  const fradrag = blokkAv([
    skatt,
    gjeldsrenter,
    beregnetGruppe(
      GRUPPE.forsoergerfradrag,
      'Forsørgerfradrag',
      forsoerger.beloep,
      forsoerger.linjer,
      HJEMMEL_FORSOERGERFRADRAG,
    ),
    beregnetGruppe(
      GRUPPE.pensjonsfradrag,
      'Halvparten av beboerens pensjoner',
      pensjonsdel.beloep,
      pensjonsdel.linjer,
      HJEMMEL_PENSJONSFRADRAG,
    ),
    beregnetGruppe(
      GRUPPE.boutgifter,
      'Boutgifter',
      boutgifter?.beloep ?? Beloep.NULL,
      boutgifter?.linjer,
      HJEMMEL_SKJOENN,
    ),
    skjoenn,
  ]);

  const beregningsbeloep = inntekt.beloep.minus(fradrag.beloep);

  const soeker = personer.find((p) => p.type === 'SOEKER');
  if (soeker) {
    advarsler.push(
      ...realisasjonsadvarsler(soeker, aar),
      ...ikkeMedregnetAdvarsler(soeker, aar),
      ...overlappAdvarsler(soeker),
    );
  }

  return {
    beregningsbeloep,
    inntekt,
    fradrag,
    mellomregninger: [tenkt, partnerInntekt, pensjoner, boutgifterPerMaaned, realisasjon],
    linjer: [
      {
        tekst: 'Inntekt',
        operasjon: 'ADDERE',
        kilde: 'REGEL',
        beloep: inntekt.beloep,
        hjemmel: HJEMMEL_INNTEKT,
        merknad:
          'Bare beboerens egne inntekter. Gevinst og tap ved realisasjon og oppjustering av utbytte regnes ikke med.',
        linjer: blokkSomLinjer(inntekt),
      },
      {
        tekst: 'Fradrag',
        operasjon: 'SUBTRAHERE',
        kilde: 'REGEL',
        beloep: fradrag.beloep,
        hjemmel: HJEMMEL_REKKEFOELGE,
        merknad: 'Skatt og gjeldsrenter først, deretter fradragene etter § 5.',
        linjer: blokkSomLinjer(fradrag),
      },
      {
        tekst: 'Beregningsgrunnlag',
        operasjon: 'RESULTAT',
        kilde: 'REGEL',
        beloep: beregningsbeloep,
        hjemmel: HJEMMEL_INNTEKT,
      },
    ],
    advarsler,
  };
}
