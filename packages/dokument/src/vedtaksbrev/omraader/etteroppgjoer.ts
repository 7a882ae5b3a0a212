import { isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';
import type { Brevelement } from '../modell.js';
import { paa, type Spraak } from '../spraak.js';
import { dato, type Faktarad, kr, type Vedtaksmodul } from './felles.js';
import { langtidsopphold, underretningTilBeboer } from './langtidsopphold.js';

/**
 * The fields of the `etteroppgjoer` object the letter reads (packages/etteroppgjoer, etteroppgjoerJsonSkjema):
 * the object the API (`POST /api/v1/etteroppgjoer`) and `pnpm cli etteroppgjoer` put beside the
 * langtidsopphold result.
 */
const etteroppgjoerSkjema = z.looseObject({
  inntektsaar: z.number().int(),
  beregningsgrunnlag: z.number(),
  oppholdFraOgMed: isoDatoSkjema,
  oppholdTilOgMed: isoDatoSkjema,
  foersteDagMedVederlag: isoDatoSkjema.nullable(),
  sumEndelig: z.number(),
  sumFakturert: z.number(),
  differanse: z.number(),
  resultat: z.enum(['BEBOEREN_SKYLDER', 'TILBAKEBETALING', 'INGEN_DIFFERANSE']),
  maanederOverMaksimum: z.array(z.string()),
  maaneder: z
    .array(
      z.looseObject({
        maaned: z.string().regex(/^\d{4}-\d{2}$/, 'må være ÅÅÅÅ-MM'),
        vederlagsdager: z.number().int(),
        dagerIMaaneden: z.number().int(),
        endelig: z.number(),
        fakturert: z.number(),
        differanse: z.number(),
        overMaksimum: z.boolean(),
        hjemler: z.array(z.string()),
      }),
    )
    .min(1, 'etteroppgjøret har ingen måneder'),
  grunnlag: z.looseObject({ skatteoppgjoersdato: z.string().nullable(), postkilde: z.string() }),
  erstatter: z.looseObject({ forklaring: z.string(), inntektsaar: z.number().int().nullable() }),
  hjemmel: z.string(),
});

type EtteroppgjoerBrev = z.output<typeof etteroppgjoerSkjema>;

/** "2023-03" → "mars 2023" (the month names are the same in bokmål and nynorsk). */
const maanedTekst = (maaned: string): string => dato(`${maaned}-01`).replace(/^1\. /, '');

/**
 * The provisional basis the etteroppgjør replaces, in the letter's standard: the settlement of the
 * year it rested on when the case gives it (the case worker's own description is in the etteroppgjør
 * document, in the words they wrote it).
 */
function foreloepig(e: EtteroppgjoerBrev, spraak: Spraak): string {
  const nn = spraak === 'nn';
  if (e.erstatter.inntektsaar !== null) {
    return nn
      ? `skatteoppgjeret for ${e.erstatter.inntektsaar}`
      : `skatteoppgjøret for ${e.erstatter.inntektsaar}`;
  }
  return nn ? 'grunnlaget er ikkje oppgitt i saka' : 'grunnlaget er ikke oppgitt i saken';
}

/** A difference without its sign: the sentence says which way it goes. */
const belopUtenFortegn = (n: number): string => kr(n < 0 ? -n : n);

/**
 * The etteroppgjør for a long-term stay: when the tax settlement for the year of the stay (Y) is
 * there, the vederlag for Y is computed again, month by month, on Y's own income, and the difference
 * from what was charged is settled:
 * @lovtekst FOR-2011-12-16-1349 § 3 sjette ledd
 * «Viser skatteoppgjøret for foregående år at det ikke er beregnet riktig egenandel, skal det skje et etteroppgjør.»
 * Each month's final vederlag follows the rule of the ordinary decision, with the rates of that month:
 * @lovtekst FOR-2011-12-16-1349 § 3 annet ledd
 * «Av inntekter utover folketrygdens grunnbeløp betales inntil 85 prosent. Betalingen skal begrenses slik at enhver har i behold til eget bruk minst 25 prosent av folketrygdens grunnbeløp i tillegg til fordelen av fribeløpet.»
 * and only for the days a vederlag may be charged:
 * @lovtekst FOR-2011-12-16-1349 § 6 første ledd
 * «For langtidsopphold kan krav om egenandel først gjøres gjeldende etter en måned regnet fra innflyttingsdato.»
 * @lovtekst FOR-2011-12-16-1349 § 6 fjerde ledd
 * «Plikten til å yte egenandel gjelder til og med den dag institusjonsoppholdet opphører.»
 * It is a decision on the vederlag under kapittel I, so the appeal goes as for the long-term stay
 * (§ 13, pasient- og brukerrettighetsloven kapittel 7), and the resident is told of it (§ 2 tredje
 * ledd, quoted in langtidsopphold.ts): the appeal, access and § 2 parts are that module's.
 */
export const etteroppgjoerLangtidsopphold: Vedtaksmodul<EtteroppgjoerBrev> = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  avgiftSkjema: etteroppgjoerSkjema,
  klage: langtidsopphold.klage,
  soekerbetegnelse: langtidsopphold.soekerbetegnelse,
  filnavn: 'vedtaksbrev-etteroppgjoer-langtidsopphold',

  tittel: ({ avgift: e, spraak }) =>
    spraak === 'nn'
      ? `Vedtak om etteroppgjer for vederlag for langtidsopphald i institusjon for ${e.inntektsaar}`
      : `Vedtak om etteroppgjør for vederlag for langtidsopphold i institusjon for ${e.inntektsaar}`,

  /** The etteroppgjør settles a year that is over: it holds for the stay in that year. */
  gjelderFra: ({ avgift: e }) => e.oppholdFraOgMed,

  vedtak({ avgift: e, spraak, brevdata, innstillinger }): Brevelement[] {
    const nn = spraak === 'nn';
    const aar = e.inntektsaar;
    const periode = `${dato(e.oppholdFraOgMed)}–${dato(e.oppholdTilOgMed)}`;
    const ut: Brevelement[] = [
      {
        type: 'avsnitt',
        tekst: nn
          ? `Skatteoppgjeret ditt for ${aar} viser kva vederlaget for langtidsopphaldet ditt i ${aar} skulle ha vore. Vi har rekna vederlaget på nytt for kvar månad av opphaldet (${periode}). Det endelege vederlaget for ${aar} er ${kr(e.sumEndelig)}. Du har fått krav om ${kr(e.sumFakturert)} for dei same månadene.`
          : `Skatteoppgjøret ditt for ${aar} viser hva vederlaget for langtidsoppholdet ditt i ${aar} skulle ha vært. Vi har regnet vederlaget på nytt for hver måned av oppholdet (${periode}). Det endelige vederlaget for ${aar} er ${kr(e.sumEndelig)}. Du har fått krav om ${kr(e.sumFakturert)} for de samme månedene.`,
      },
    ];
    const diff = belopUtenFortegn(e.differanse);
    const konklusjon =
      e.resultat === 'BEBOEREN_SKYLDER'
        ? nn
          ? `Du skal betale ${diff} i tillegg for ${aar}.`
          : `Du skal betale ${diff} i tillegg for ${aar}.`
        : e.resultat === 'TILBAKEBETALING'
          ? nn
            ? `Du har betalt ${diff} for mykje for ${aar} og får dette tilbake.`
            : `Du har betalt ${diff} for mye for ${aar} og får dette tilbake.`
          : nn
            ? `Du har betalt rett vederlag for ${aar}. Det er ingenting å betale eller betale tilbake.`
            : `Du har betalt riktig vederlag for ${aar}. Det er ingenting å betale eller betale tilbake.`;
    ut.push({ type: 'avsnitt', tekst: konklusjon });
    ut.push({
      type: 'beloep',
      rader: [
        {
          tekst: nn ? `Endeleg vederlag for ${aar}` : `Endelig vederlag for ${aar}`,
          beloep: kr(e.sumEndelig),
        },
        {
          tekst: nn ? 'Kravd for dei same månadene' : 'Krevd for de samme månedene',
          beloep: kr(e.sumFakturert),
        },
        {
          tekst:
            e.resultat === 'BEBOEREN_SKYLDER'
              ? nn
                ? 'Du skal betale'
                : 'Du skal betale'
              : e.resultat === 'TILBAKEBETALING'
                ? nn
                  ? 'Du får tilbake'
                  : 'Du får tilbake'
                : 'Differanse',
          beloep: diff,
        },
      ],
    });
    if (e.maanederOverMaksimum.length > 0) {
      const mnd = e.maanederOverMaksimum.map(maanedTekst).join(', ');
      ut.push({
        type: 'avsnitt',
        tekst: nn
          ? `For ${mnd} har du fått krav om meir enn det høgaste vederlaget som kan krevjast. Det du har betalt for mykje for desse månadene, får du tilbake i oppgjeret.`
          : `For ${mnd} har du fått krav om mer enn det høyeste vederlaget som kan kreves. Det du har betalt for mye for disse månedene, får du tilbake i oppgjøret.`,
      });
    }
    if (e.resultat !== 'INGEN_DIFFERANSE') {
      const frist = brevdata.etteroppgjoer?.betalingsfrist;
      const skylder = e.resultat === 'BEBOEREN_SKYLDER';
      const naar = frist
        ? skylder
          ? nn
            ? `Beløpet skal vere betalt innan ${dato(frist)}.`
            : `Beløpet skal være betalt innen ${dato(frist)}.`
          : nn
            ? `Vi betaler beløpet tilbake innan ${dato(frist)}.`
            : `Vi betaler beløpet tilbake innen ${dato(frist)}.`
        : '';
      const egen =
        brevdata.etteroppgjoer?.betaling ??
        (innstillinger.etteroppgjoerBetaling ? paa(innstillinger.etteroppgjoerBetaling, spraak) : undefined);
      const hvordan =
        egen ??
        (skylder
          ? nn
            ? 'Du får ein eigen faktura på beløpet.'
            : 'Du får en egen faktura på beløpet.'
          : nn
            ? 'Vi betaler beløpet tilbake til deg.'
            : 'Vi betaler beløpet tilbake til deg.');
      ut.push({ type: 'avsnitt', tekst: [naar, hvordan].filter(Boolean).join(' ') });
    }
    return ut;
  },

  fakta({ avgift: e, spraak }): Faktarad[] {
    const nn = spraak === 'nn';
    const rader: Faktarad[] = [
      {
        etikett: nn
          ? 'Skatteoppgjeret etteroppgjeret byggjer på'
          : 'Skatteoppgjøret etteroppgjøret bygger på',
        verdi: `${nn ? 'skatteoppgjeret' : 'skatteoppgjøret'} for ${e.inntektsaar}${
          e.grunnlag.skatteoppgjoersdato
            ? `, ${nn ? 'datert' : 'datert'} ${dato(e.grunnlag.skatteoppgjoersdato)}`
            : ''
        }${
          e.grunnlag.postkilde === 'OPPGITT'
            ? nn
              ? ' (tala er gitt i saka)'
              : ' (tallene er gitt i saken)'
            : nn
              ? ' (henta frå Skatteetaten)'
              : ' (hentet fra Skatteetaten)'
        }`,
      },
      {
        etikett: nn
          ? `Inntekt etter skatt og frådrag i ${e.inntektsaar}`
          : `Inntekt etter skatt og fradrag i ${e.inntektsaar}`,
        verdi: kr(e.beregningsgrunnlag),
      },
      {
        etikett: nn ? `Opphaldet i ${e.inntektsaar}` : `Oppholdet i ${e.inntektsaar}`,
        verdi: `${dato(e.oppholdFraOgMed)}–${dato(e.oppholdTilOgMed)}`,
      },
      {
        etikett: nn ? 'Første dag med vederlag' : 'Første dag med vederlag',
        verdi: e.foersteDagMedVederlag
          ? dato(e.foersteDagMedVederlag)
          : nn
            ? 'ingen: heile opphaldet i året var i den betalingsfrie månaden'
            : 'ingen: hele oppholdet i året var i den betalingsfrie måneden',
      },
      {
        etikett: nn
          ? 'Det førebelse grunnlaget etteroppgjeret erstattar'
          : 'Det foreløpige grunnlaget etteroppgjøret erstatter',
        verdi: foreloepig(e, spraak),
      },
    ];
    for (const m of e.maaneder) {
      const dager =
        m.vederlagsdager === m.dagerIMaaneden
          ? ''
          : nn
            ? ` (${m.vederlagsdager} av ${m.dagerIMaaneden} dagar med vederlag)`
            : ` (${m.vederlagsdager} av ${m.dagerIMaaneden} dager med vederlag)`;
      rader.push({
        etikett: `${maanedTekst(m.maaned)}${dager}`,
        verdi: nn
          ? `endeleg ${kr(m.endelig)}, kravd ${kr(m.fakturert)}${m.overMaksimum ? ' (over det høgaste)' : ''}`
          : `endelig ${kr(m.endelig)}, krevd ${kr(m.fakturert)}${m.overMaksimum ? ' (over det høyeste)' : ''}`,
      });
    }
    return rader;
  },

  regelforklaring({ avgift: e, spraak }): string[] {
    const nn = spraak === 'nn';
    return [
      nn
        ? `Når skatteoppgjeret for eit år viser at vederlaget ikkje var rett, skal det gjerast eit etteroppgjer (eigendelsforskrifta § 3 sjette ledd). Vederlaget for ${e.inntektsaar} var rekna på eit førebels grunnlag (${foreloepig(e, spraak)}). No er det rekna på inntekta di i ${e.inntektsaar} etter skatteoppgjeret, ${kr(e.beregningsgrunnlag)}.`
        : `Når skatteoppgjøret for et år viser at vederlaget ikke var riktig, skal det gjøres et etteroppgjør (egenandelsforskriften § 3 sjette ledd). Vederlaget for ${e.inntektsaar} var regnet på et foreløpig grunnlag (${foreloepig(e, spraak)}). Nå er det regnet på inntekten din i ${e.inntektsaar} etter skatteoppgjøret, ${kr(e.beregningsgrunnlag)}.`,
      nn
        ? 'For kvar månad er vederlaget rekna med dei satsane som galdt den månaden: 75 prosent av inntekta opp til grunnbeløpet i folketrygda etter fribeløpet, og inntil 85 prosent av inntekta over grunnbeløpet. Du skal alltid ha att minst 25 prosent av grunnbeløpet i tillegg til fribeløpet, og vederlaget kan ikkje vere høgare enn det opphaldet kostar kommunen (eigendelsforskrifta § 3 første og andre ledd). Vederlaget per månad er runda ned til heile kroner.'
        : 'For hver måned er vederlaget regnet med de satsene som gjaldt den måneden: 75 prosent av inntekten opp til folketrygdens grunnbeløp etter fribeløpet, og inntil 85 prosent av inntekten over grunnbeløpet. Du skal alltid ha igjen minst 25 prosent av grunnbeløpet i tillegg til fribeløpet, og vederlaget kan ikke være høyere enn det oppholdet koster kommunen (egenandelsforskriften § 3 første og andre ledd). Vederlaget per måned er rundet ned til hele kroner.',
      nn
        ? 'Vederlag kan først krevjast ein månad etter innflyttinga, og berre til og med den dagen opphaldet tok slutt (eigendelsforskrifta § 6 første og fjerde ledd). For ein månad med færre dagar er vederlaget delt etter talet på dagar.'
        : 'Vederlag kan først kreves en måned etter innflyttingen, og bare til og med den dagen oppholdet tok slutt (egenandelsforskriften § 6 første og fjerde ledd). For en måned med færre dager er vederlaget delt etter antall dager.',
      nn
        ? `Differansen er det endelege vederlaget for månadene minus det du har fått krav om: ${kr(e.sumEndelig)} − ${kr(e.sumFakturert)} = ${kr(e.differanse)}.`
        : `Differansen er det endelige vederlaget for månedene minus det du har fått krav om: ${kr(e.sumEndelig)} − ${kr(e.sumFakturert)} = ${kr(e.differanse)}.`,
    ];
  },

  /** The etteroppgjør's own paragraph first, then each month's, once each. */
  hjemler: ({ avgift: e }) => [e.hjemmel, ...e.maaneder.flatMap((m) => m.hjemler)],

  saerskilt({ spraak, brevdata }) {
    return [
      {
        id: 'underretning',
        nivaa: 1,
        overskrift: spraak === 'nn' ? 'Kven vedtaket er sendt til' : 'Hvem vedtaket er sendt til',
        innhold: [underretningTilBeboer(spraak, brevdata)],
      },
    ];
  },
};
