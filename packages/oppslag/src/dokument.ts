import {
  type BrevdataInn,
  type BrevmetadataInn,
  type DokumentmetadataInn,
  lagVedtaksbrev,
  lagVedtaksbrevPdf,
  type RendretVedtaksbrev,
  renderPdf,
  type Vedtaksbrevgrunnlag,
} from '@inntektsgrunnlag/dokument';
import type { Kommuneinnstillinger } from './kommuneinnstillinger.js';
import type { Oppslagsresultat } from './oppslagstjeneste.js';

/** Avregning's posts in the result, and the fields of the document's avregning section. */
const AVREGNINGSPOSTER = {
  '/fastland/beloepTilgode': 'beloepTilgode',
  '/fastland/restskatt': 'restskatt',
  '/fastland/avregnetForskuddstrekk': 'avregnetForskuddstrekk',
} as const;

/**
 * The document's metadata from a lookup's result: the municipality, who made it in which role, the
 * case, and the time of the lookup. Avregning is shown only when it was fetched for the lookup (the
 * role has it, and the area allows it). One function for every app, so the API's and the batch's
 * documents of the same lookup are the same.
 */
export function dokumentmetadata(
  resultat: Oppslagsresultat,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn'>,
): DokumentmetadataInn {
  const u = resultat.utfoert;
  const perPerson = new Map<string, Record<string, number>>();
  if (u.avregning && resultat.beregningstype === 'LANGTIDSOPPHOLD_INSTITUSJON') {
    for (const g of resultat.visningsposter) {
      for (const p of g.poster) {
        const felt = AVREGNINGSPOSTER[p.tekniskNavn as keyof typeof AVREGNINGSPOSTER];
        if (!felt) continue;
        for (const x of p.personer) {
          const rad = perPerson.get(x.identifikator) ?? {};
          rad[felt] = x.beloep;
          perPerson.set(x.identifikator, rad);
        }
      }
    }
  }
  const avregning = resultat.personer.flatMap((p) => {
    const rad = perPerson.get(p.identifikator);
    return rad
      ? [
          {
            identifikator: p.identifikator,
            ...rad,
            ...(p.skatteoppgjoersdato ? { skatteoppgjoersdato: p.skatteoppgjoersdato } : {}),
          },
        ]
      : [];
  });
  return {
    kommunenavn: innstillinger.kommunenavn,
    laget: { rolle: u.rolleId, brukernavn: u.aktoer.visningsnavn },
    ...(u.saksreferanse ? { saksreferanse: u.saksreferanse } : {}),
    opprettet: u.tidspunkt,
    ...(avregning.length ? { avregning } : {}),
  };
}

/** The PDF/A document of a lookup's result. `deterministisk`: fixed ids, for byte-identical batch runs. */
export async function resultatSomPdf(
  resultat: Oppslagsresultat,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn'>,
  valg: { deterministisk?: boolean } = {},
): Promise<Uint8Array> {
  return renderPdf(resultat, dokumentmetadata(resultat, innstillinger), valg);
}

/**
 * The decision letter's metadata from a lookup's result: the municipality and its letter settings,
 * who made it in which role (their name as the default case worker and signatory), and the time of
 * the lookup as the letter's date.
 */
export function vedtaksbrevmetadata(
  resultat: Oppslagsresultat,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn' | 'kommunenummer' | 'vedtaksbrev'>,
): BrevmetadataInn {
  const u = resultat.utfoert;
  return {
    kommunenavn: innstillinger.kommunenavn,
    ...(innstillinger.kommunenummer ? { kommunenummer: innstillinger.kommunenummer } : {}),
    innstillinger: innstillinger.vedtaksbrev,
    laget: { rolle: u.rolleId, ...(u.aktoer.visningsnavn ? { brukernavn: u.aktoer.visningsnavn } : {}) },
    opprettet: u.tidspunkt,
  };
}

/** The decision letter of a lookup's result, as content (for a preview) and metadata. */
export function vedtaksbrevinnhold(
  resultat: Oppslagsresultat,
  brevdata: BrevdataInn | unknown,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn' | 'kommunenummer' | 'vedtaksbrev'>,
): Vedtaksbrevgrunnlag {
  return lagVedtaksbrev(resultat, brevdata, vedtaksbrevmetadata(resultat, innstillinger));
}

/** The decision letter of a lookup's result as PDF/A-2b, with its content and metadata. */
export function vedtaksbrevSomPdf(
  resultat: Oppslagsresultat,
  brevdata: BrevdataInn | unknown,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn' | 'kommunenummer' | 'vedtaksbrev'>,
  valg: { deterministisk?: boolean } = {},
): Promise<RendretVedtaksbrev> {
  return lagVedtaksbrevPdf(resultat, brevdata, vedtaksbrevmetadata(resultat, innstillinger), valg);
}
