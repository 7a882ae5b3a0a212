import type { Advarsel, Beregningsinput, Grunnlagsresultat } from '@inntektsgrunnlag/beregning';
import { Beloep } from '@inntektsgrunnlag/money';
import { PARTNERTYPER } from '@inntektsgrunnlag/person';
import {
  blokkAv,
  blokkSomLinjer,
  evaluerBlokk,
  evaluerGruppe,
  type Grunnlagsgruppe,
  type Gruppedefinisjon,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { Innstillinger } from './innstillinger.js';
import { GRUPPE, POSTDEFINISJON, TENKT_ETTERLATTEPENSJON } from './postdefinisjon.js';
import { boutgiftfradrag, forsoergerfradrag, HJEMMEL_FRADRAG } from './regler/fradrag.js';
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
): Grunnlagsgruppe {
  return {
    tekniskNavn,
    visningstekst,
    operasjon: 'ADDERE',
    hjemmel: HJEMMEL_FRADRAG,
    beloep,
    poster: [],
    ...(forklaring ? { forklaring } : {}),
  };
}

/**
 * The income basis: the resident's income under § 3 fjerde ledd, less the tax and debt interest, less
 * the fradrag (§ 5). The partner's income is only a mellomregning for the forsørgerfradrag.
 */
export function grunnlag(input: Beregningsinput<Vedtak, Innstillinger>): Grunnlagsresultat {
  const { inntektsaar: aar, personer, innstillinger: innst, vedtak } = input;
  const def = definisjonMedInnstillinger(POSTDEFINISJON, aar, innst);
  const advarsler: Advarsel[] = [];

  const inntekt = evaluerBlokk(def.inntekt, personer, aar);
  const mellom = (navn: string) => evaluerGruppe(finnGruppe(def.mellomregninger, navn), personer, aar);

  const tenkt = mellom(GRUPPE.tenktEtterlattePensjon);
  const partnerInntekt = mellom(GRUPPE.partnerArbeidOgPensjon);
  const partnerKapital = mellom(GRUPPE.partnerKapital);
  const kapitalMedregnes = innst.partnerensKapitalinntekt === 'MEDREGNES';
  const partnerensInntekt = kapitalMedregnes
    ? partnerInntekt.beloep.plus(partnerKapital.beloep)
    : partnerInntekt.beloep;
  const forsoerger = forsoergerfradrag(
    tenkt.beloep,
    partnerensInntekt,
    kapitalMedregnes
      ? 'Pensjon, trygd, arbeids- og næringsinntekt, og renter, avkastning og leieinntekt (kommuneinnstilling).'
      : 'Pensjon, trygd, arbeids- og næringsinntekt; renter, avkastning og leieinntekt holdes utenfor (kommuneinnstilling).',
  );
  const partner = personer.find((p) => PARTNERTYPER.has(p.type));
  if (partner && !partner.poster.some((p) => p.tekniskNavn === TENKT_ETTERLATTEPENSJON)) {
    advarsler.push({
      kode: 'TENKT_ETTERLATTEPENSJON_MANGLER',
      melding: `Beboeren har ektefelle, partner eller samboer, men ${TENKT_ETTERLATTEPENSJON} er ikke oppgitt: forsørgerfradraget er regnet som 0. Oppgi den tenkte etterlattepensjonen (0 hvis det ikke er noen).`,
      identifikator: partner.identifikator,
    });
  }

  const boutgifterPerMaaned = mellom(GRUPPE.boutgifterPerMaaned);
  const boutgifter = boutgifterPerMaaned.poster.length
    ? boutgiftfradrag(
        boutgifterPerMaaned.beloep,
        vedtak.boutgifterAntallMaaneder,
        innst.boutgifterMaksAntallMaaneder,
        innst.boutgifterAndelProsent,
      )
    : undefined;

  const fradrag = blokkAv([
    evaluerGruppe(finnGruppe(def.fradrag, GRUPPE.skatt), personer, aar),
    evaluerGruppe(finnGruppe(def.fradrag, GRUPPE.gjeldsrenter), personer, aar),
    beregnetGruppe(GRUPPE.forsoergerfradrag, 'Forsørgerfradrag', forsoerger.beloep, forsoerger.linjer),
    beregnetGruppe(GRUPPE.boutgifter, 'Boutgifter', boutgifter?.beloep ?? Beloep.NULL, boutgifter?.linjer),
    evaluerGruppe(finnGruppe(def.fradrag, GRUPPE.skjoenn), personer, aar),
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
    mellomregninger: [
      tenkt,
      partnerInntekt,
      ...(kapitalMedregnes ? [partnerKapital] : []),
      boutgifterPerMaaned,
      mellom(GRUPPE.realisasjon),
    ],
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
        hjemmel: `${HJEMMEL_INNTEKT}; ${HJEMMEL_FRADRAG}`,
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
