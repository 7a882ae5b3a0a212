import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { z } from 'zod';
import { KLAGE_HELSE_OG_OMSORG } from '../lovkrav.js';
import type { Brevelement } from '../modell.js';
import type { Brevdata } from '../skjema.js';
import type { Spraak } from '../spraak.js';
import { antall, dato, type Faktarad, kr, type Vedtaksmodul } from './felles.js';

/** The fields of the `vederlag` object the letter reads (packages/langtidsopphold, avgiftSkjema). */
const vederlagSkjema = z.looseObject({
  perAar: z.number(),
  perMaaned: z.number(),
  beregningsgrunnlag: z.number(),
  grunnbeloep: z.looseObject({ beloep: z.number() }),
  fribeloep: z.looseObject({ beloep: z.number(), dobbeltromMotEgetOenske: z.boolean() }),
  delInntilG: z.number(),
  delOverG: z.number(),
  etterSatsene: z.number(),
  minstebeloepIBehold: z.looseObject({ beloep: z.number() }),
  hoeyestEtterMinstebeloep: z.number(),
  begrensetAvMinstebeloep: z.boolean(),
  oppholdskostnad: z.looseObject({ perMaaned: z.number() }).nullable(),
  begrensetAvOppholdskostnad: z.boolean(),
  avrunding: z.string(),
  friperiode: z
    .looseObject({
      gis: z.boolean(),
      innflyttingsdato: z.string(),
      fraOgMed: z.string().optional(),
      tilOgMed: z.string().optional(),
      foersteDagMedVederlag: z.string(),
    })
    .nullable(),
  korttidsopphold: z
    .looseObject({
      doegnMedKorttidssats: z.number(),
      doegnsats: z.number(),
      dagEllerNattsats: z.number(),
      beloepDagEllerNatt: z.number(),
      doegnEtterLangtidsregler: z.number(),
      beloepEtterLangtidsregler: z.number(),
      sum: z.number(),
    })
    .nullable(),
});

type Vederlag = z.output<typeof vederlagSkjema>;

/**
 * Who the decision was sent to (egenandelsforskriften § 2): the resident, with the copies the case
 * worker named. Every decision on a long-term stay says it, the etteroppgjør's too.
 */
export function underretningTilBeboer(spraak: Spraak, brevdata: Brevdata): Brevelement {
  const nn = spraak === 'nn';
  const kopi = (brevdata.kopiTil ?? []).map((x) => (x.rolle ? `${x.navn} (${x.rolle})` : x.navn));
  return {
    type: 'avsnitt',
    tekst:
      (nn
        ? 'Vedtaket er sendt til deg som bebuar (eigendelsforskrifta § 2)'
        : 'Vedtaket er sendt til deg som beboer (egenandelsforskriften § 2)') +
      (kopi.length > 0 ? `, med kopi til ${kopi.join(', ')}.` : '.'),
  };
}

/**
 * LANGTIDSOPPHOLD_INSTITUSJON (and a short-term stay decided with it). Beyond forvaltningsloven, the
 * regulation says who is told, and that the appeal must be named:
 * @lovtekst FOR-2011-12-16-1349 § 2 tredje ledd
 * «Når vedtak om betaling er truffet skal kommunen straks gi underretning om dette til beboeren. Det skal videre gis opplysning om klageadgangen.»
 * so the letter goes to the resident (the applicant), with the appeal paragraph of every letter. A
 * guardian or next of kin gets a copy when the case worker names one (`kopiTil`), as the regulation
 * requires for the notice before moving in:
 * @lovtekst FOR-2011-12-16-1349 § 2 annet ledd
 * «I de tilfeller hvor beboeren ønsker det eller hvor vedkommende er ute av stand til å motta underretning, skal slik underretning også gis til verge eller nærmeste pårørende.»
 */
export const langtidsopphold: Vedtaksmodul<Vederlag> = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  avgiftSkjema: vederlagSkjema,
  klage: KLAGE_HELSE_OG_OMSORG,
  soekerbetegnelse: { nb: 'Beboer', nn: 'Bebuar' },

  tittel: ({ avgift, spraak }) =>
    avgift.korttidsopphold
      ? spraak === 'nn'
        ? 'Vedtak om eigendel for korttidsopphald og vederlag for langtidsopphald i institusjon'
        : 'Vedtak om egenandel for korttidsopphold og vederlag for langtidsopphold i institusjon'
      : spraak === 'nn'
        ? 'Vedtak om vederlag for langtidsopphald i institusjon'
        : 'Vedtak om vederlag for langtidsopphold i institusjon',

  /**
   * The first day with a fee: after the free first month when it is given (the result's friperiode),
   * otherwise the case worker's date or the beregningsdato. A date inside the free month is refused:
   * @lovtekst FOR-2011-12-16-1349 § 6 første ledd
   * «For langtidsopphold kan krav om egenandel først gjøres gjeldende etter en måned regnet fra innflyttingsdato.»
   */
  gjelderFra({ avgift, brevdata, resultat }) {
    const foerste = avgift.friperiode?.gis ? avgift.friperiode.foersteDagMedVederlag : undefined;
    if (brevdata.gjelderFra && foerste && brevdata.gjelderFra < foerste) {
      throw new Valideringsfeil([
        {
          felt: 'vedtaksbrev.gjelderFra',
          melding: `kan ikke være før ${dato(foerste)}: den første måneden etter innflyttingen er betalingsfri`,
        },
      ]);
    }
    return brevdata.gjelderFra ?? foerste ?? resultat.beregningsdato;
  },

  vedtak({ avgift: v, spraak }, gjelderFra): Brevelement[] {
    const nn = spraak === 'nn';
    const ut: Brevelement[] = [
      {
        type: 'avsnitt',
        tekst: nn
          ? `Du skal betale ${kr(v.perMaaned)} per månad i vederlag for langtidsopphaldet frå ${dato(gjelderFra)}.`
          : `Du skal betale ${kr(v.perMaaned)} per måned i vederlag for langtidsoppholdet fra ${dato(gjelderFra)}.`,
      },
    ];
    const rader = [
      {
        tekst: nn ? 'Vederlag per månad' : 'Vederlag per måned',
        beloep: kr(v.perMaaned),
        merknad: nn ? `frå ${dato(gjelderFra)}` : `fra ${dato(gjelderFra)}`,
      },
      { tekst: 'Vederlag per år', beloep: kr(v.perAar) },
    ];
    if (v.korttidsopphold) {
      rader.push({
        tekst: nn ? 'Eigendel for korttidsopphaldet' : 'Egenandel for korttidsoppholdet',
        beloep: kr(v.korttidsopphold.sum),
      });
    }
    ut.push({ type: 'beloep', rader });
    const f = v.friperiode;
    if (f?.gis && f.fraOgMed && f.tilOgMed) {
      ut.push({
        type: 'avsnitt',
        tekst: nn
          ? `Den første månaden etter at du flytta inn, frå ${dato(f.fraOgMed)} til og med ${dato(f.tilOgMed)}, betaler du ikkje vederlag.`
          : `Den første måneden etter at du flyttet inn, fra ${dato(f.fraOgMed)} til og med ${dato(f.tilOgMed)}, betaler du ikke vederlag.`,
      });
    } else if (f && !f.gis) {
      ut.push({
        type: 'avsnitt',
        tekst: nn
          ? 'Den første månaden etter innflyttinga er ikkje betalingsfri for deg, fordi du har hatt lange korttidsopphald i institusjon same kalenderår.'
          : 'Den første måneden etter innflyttingen er ikke betalingsfri for deg, fordi du har hatt lange korttidsopphold i institusjon samme kalenderår.',
      });
    }
    const k = v.korttidsopphold;
    if (k) {
      ut.push({
        type: 'avsnitt',
        tekst: nn
          ? `For korttidsopphaldet skal du betale ${kr(k.sum)}.`
          : `For korttidsoppholdet skal du betale ${kr(k.sum)}.`,
      });
    }
    return ut;
  },

  fakta({ avgift: v, spraak }): Faktarad[] {
    const nn = spraak === 'nn';
    const rader: Faktarad[] = [];
    if (v.friperiode) {
      rader.push({
        etikett: nn ? 'Innflyttingsdato' : 'Innflyttingsdato',
        verdi: dato(v.friperiode.innflyttingsdato),
      });
    }
    rader.push(
      {
        etikett: nn ? 'Grunnbeløpet i folketrygda (G)' : 'Folketrygdens grunnbeløp (G)',
        verdi: kr(v.grunnbeloep.beloep),
      },
      {
        etikett: 'Fribeløp',
        verdi: `${kr(v.fribeloep.beloep)} per år${
          v.fribeloep.dobbeltromMotEgetOenske
            ? nn
              ? ' (dobbeltrom utan at du har ønskt det)'
              : ' (dobbeltrom uten at du har ønsket det)'
            : ''
        }`,
      },
      {
        etikett: nn ? 'Inntekt etter skatt og frådrag' : 'Inntekt etter skatt og fradrag',
        verdi: `${kr(v.beregningsgrunnlag)} per år`,
      },
    );
    if (v.oppholdskostnad) {
      rader.push({
        etikett: nn ? 'Kva opphaldet kostar kommunen' : 'Hva oppholdet koster kommunen',
        verdi: `${kr(v.oppholdskostnad.perMaaned)} ${nn ? 'per månad' : 'per måned'}`,
      });
    }
    const k = v.korttidsopphold;
    if (k) {
      rader.push({
        etikett: nn ? 'Korttidsopphald' : 'Korttidsopphold',
        verdi: nn
          ? `${antall(k.doegnMedKorttidssats)} døgn à ${kr(k.doegnsats)}, dag- eller nattopphald for ${kr(k.beloepDagEllerNatt)} (à ${kr(k.dagEllerNattsats)})`
          : `${antall(k.doegnMedKorttidssats)} døgn à ${kr(k.doegnsats)}, dag- eller nattopphold for ${kr(k.beloepDagEllerNatt)} (à ${kr(k.dagEllerNattsats)})`,
      });
    }
    return rader;
  },

  regelforklaring({ avgift: v, spraak }): string[] {
    const nn = spraak === 'nn';
    const ut = [
      nn
        ? `Vederlaget blir rekna av inntekta di etter skatt og frådrag, ${kr(v.beregningsgrunnlag)} per år. Av inntekta opp til grunnbeløpet i folketrygda (${kr(v.grunnbeloep.beloep)}), etter eit fribeløp på ${kr(v.fribeloep.beloep)}, betaler du ${kr(v.delInntilG)}. Av inntekta over grunnbeløpet betaler du ${kr(v.delOverG)}. Til saman blir det ${kr(v.etterSatsene)} per år.`
        : `Vederlaget regnes av inntekten din etter skatt og fradrag, ${kr(v.beregningsgrunnlag)} per år. Av inntekten opp til folketrygdens grunnbeløp (${kr(v.grunnbeloep.beloep)}), etter et fribeløp på ${kr(v.fribeloep.beloep)}, betaler du ${kr(v.delInntilG)}. Av inntekten over grunnbeløpet betaler du ${kr(v.delOverG)}. Til sammen blir det ${kr(v.etterSatsene)} per år.`,
      (nn
        ? `Du skal alltid ha minst ${kr(v.minstebeloepIBehold.beloep)} per år att til eige bruk.`
        : `Du skal alltid ha minst ${kr(v.minstebeloepIBehold.beloep)} per år igjen til eget bruk.`) +
        (v.begrensetAvMinstebeloep
          ? nn
            ? ` Vederlaget er difor sett ned til ${kr(v.hoeyestEtterMinstebeloep)} per år.`
            : ` Vederlaget er derfor satt ned til ${kr(v.hoeyestEtterMinstebeloep)} per år.`
          : ''),
    ];
    if (v.oppholdskostnad) {
      ut.push(
        (nn
          ? `Vederlaget kan ikkje vere høgare enn det opphaldet kostar kommunen, ${kr(v.oppholdskostnad.perMaaned)} per månad.`
          : `Vederlaget kan ikke være høyere enn det oppholdet koster kommunen, ${kr(v.oppholdskostnad.perMaaned)} per måned.`) +
          (v.begrensetAvOppholdskostnad
            ? nn
              ? ' Vederlaget er difor sett ned til dette.'
              : ' Vederlaget er derfor satt ned til dette.'
            : ''),
      );
    }
    if (v.avrunding === 'HELE_KRONER_NED') {
      ut.push(
        nn
          ? 'Vederlaget per år er delt på tolv og runda ned til heile kroner.'
          : 'Vederlaget per år er delt på tolv og rundet ned til hele kroner.',
      );
    }
    const k = v.korttidsopphold;
    if (k) {
      ut.push(
        (nn
          ? `For korttidsopphald betaler du ein fast sats per døgn (${kr(k.doegnsats)}) og per dag- eller nattopphald (${kr(k.dagEllerNattsats)}).`
          : `For korttidsopphold betaler du en fast sats per døgn (${kr(k.doegnsats)}) og per dag- eller nattopphold (${kr(k.dagEllerNattsats)}).`) +
          (k.doegnEtterLangtidsregler > 0
            ? nn
              ? ` ${antall(k.doegnEtterLangtidsregler)} av døgna blir betalte etter reglane for langtidsopphald, ${kr(k.beloepEtterLangtidsregler)}.`
              : ` ${antall(k.doegnEtterLangtidsregler)} av døgnene betales etter reglene for langtidsopphold, ${kr(k.beloepEtterLangtidsregler)}.`
            : ''),
      );
    }
    return ut;
  },

  /**
   * What the fee covers, and that it is checked against the tax settlement afterwards:
   * @lovtekst FOR-2011-12-16-1349 § 7
   * «Egenandelen skal omfatte kost, losji, medisiner mv. samt helse- og omsorgstjenester som kommunen organiserer etter helse- og omsorgstjenesteloven.»
   * @lovtekst FOR-2011-12-16-1349 § 3 sjette ledd
   * «Dersom beboerens økonomiske situasjon endrer seg vesentlig, eller tidligere vedtak viser seg å bygge på uriktige opplysninger, skal saken tas opp til ny vurdering.»
   * @lovtekst FOR-2011-12-16-1349 § 3 sjette ledd
   * «Viser skatteoppgjøret for foregående år at det ikke er beregnet riktig egenandel, skal det skje et etteroppgjør.»
   */
  saerskilt({ spraak, brevdata }) {
    const nn = spraak === 'nn';
    return [
      {
        id: 'dekker',
        nivaa: 1,
        overskrift: nn ? 'Kva vederlaget dekkjer' : 'Hva vederlaget dekker',
        innhold: [
          {
            type: 'avsnitt',
            tekst: nn
              ? 'Vederlaget dekkjer kost, losji, medisinar og dei helse- og omsorgstenestene kommunen gir deg i institusjonen (eigendelsforskrifta § 7).'
              : 'Vederlaget dekker kost, losji, medisiner og de helse- og omsorgstjenestene kommunen gir deg i institusjonen (egenandelsforskriften § 7).',
          },
        ],
      },
      {
        id: 'endringer',
        nivaa: 1,
        overskrift: nn ? 'Endringar og etteroppgjer' : 'Endringer og etteroppgjør',
        innhold: [
          {
            type: 'avsnitt',
            tekst: nn
              ? 'Endrar økonomien din seg vesentleg, skal du seie frå til oss, og vi vurderer vederlaget på nytt. Når skatteoppgjeret for året vederlaget gjeld for ligg føre, kontrollerer vi vederlaget. Viser det at vederlaget ikkje var rett, gjer vi eit etteroppgjer (eigendelsforskrifta § 3 sjette ledd).'
              : 'Endrer økonomien din seg vesentlig, skal du si fra til oss, og vi vurderer vederlaget på nytt. Når skatteoppgjøret for året vederlaget gjelder for foreligger, kontrollerer vi vederlaget. Viser det at vederlaget ikke var riktig, gjør vi et etteroppgjør (egenandelsforskriften § 3 sjette ledd).',
          },
          underretningTilBeboer(spraak, brevdata),
        ],
      },
    ];
  },
};
