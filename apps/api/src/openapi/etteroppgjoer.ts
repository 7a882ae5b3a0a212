import { etteroppgjoerJsonSkjema, etteroppgjoersforespoerselSkjema } from '@inntektsgrunnlag/etteroppgjoer';
import { z } from 'zod';
import { ref, resultatSkjema, svarregister, vedtaksbrevsvar } from './skjema.js';

/** The etteroppgjør route's description (ruter/etteroppgjoer.ts; docs/api.md). */

type Json = Record<string, unknown>;

export const etteroppgjoerSkjema = etteroppgjoerJsonSkjema.register(svarregister, {
  id: 'Etteroppgjoer',
  description:
    'Etteroppgjøret måned for måned (egenandelsforskriften § 3 sjette ledd): endelig vederlag, fakturert og differansen',
});

export const etteroppgjoersresultatSkjema = resultatSkjema
  .extend({ etteroppgjoer: etteroppgjoerSkjema })
  .register(svarregister, {
    id: 'Etteroppgjoersresultat',
    description: 'Oppslaget av skatteoppgjøret for året (som en beregning) og etteroppgjøret på det',
  });

/** The request body: the etteroppgjør request, with our envelope fields grunnlagsreferanse, formaal and avregning. */
export function etteroppgjoerkomponenter(konvolutt: Json): Record<string, Json> {
  const { $schema: _s, ...skjema } = z.toJSONSchema(etteroppgjoersforespoerselSkjema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json & { properties: Record<string, Json> };
  return {
    Etteroppgjoersforespoersel: {
      ...skjema,
      description:
        'Etteroppgjøret for én beboer og ett år, som `pnpm cli etteroppgjoer` tar det, med grunnlagsreferanse, formaal og avregning som på /api/v1/beregning',
      properties: {
        ...skjema.properties,
        foresporsel: {
          ...ref('Beregningsforespoersel'),
          description:
            'En LANGTIDSOPPHOLD_INSTITUSJON-forespørsel med inntektsaar = året som gjøres opp; beregningsdato (om den er oppgitt) i det året',
        },
        ...konvolutt,
      },
    },
    EtteroppgjoersVedtaksbrevforespoersel: {
      ...skjema,
      description:
        'Etteroppgjøret som på /api/v1/etteroppgjoer, og vedtaksbrevets felt (vedtaksbrev.etteroppgjoer: når og hvordan differansen gjøres opp)',
      properties: {
        ...skjema.properties,
        foresporsel: ref('Beregningsforespoersel'),
        ...konvolutt,
        vedtaksbrev: ref('Vedtaksbrevdata'),
      },
    },
  };
}

export function etteroppgjoerstier(
  operasjon: (o: {
    id: string;
    tag: string;
    sammendrag: string;
    beskrivelse: string;
    parametre: Json[];
    kropp: string;
    svar: Json;
  }) => Json,
  rolleHeader: Json,
): Record<string, Json> {
  return {
    '/api/v1/etteroppgjoer': {
      post: operasjon({
        id: 'etteroppgjoer',
        tag: 'Beregning',
        sammendrag: 'Etteroppgjør for langtidsopphold: endelig vederlag måned for måned',
        beskrivelse:
          'Slår opp skatteoppgjøret for året som POST /api/v1/beregning (samme rolle, tilgangskontroll og revisjonslogg, formål ETTEROPPGJOER når intet annet er oppgitt), regner vederlaget for hver måned av oppholdet med satsene som gjaldt den måneden (G fra 1. mai, fribeløp fra 1. januar, dobbeltrom der det gjaldt, høyst oppholdsutgiftene, betalingsfri første måned og del av måned etter dag), og setter det mot det som ble fakturert. differanse = sumEndelig − sumFakturert: positiv, beboeren skylder; negativ, tilbakebetaling. Måneder fakturert over det lovlige står i maanederOverMaksimum. Måneder som mangler eller ikke stemmer med oppholdet gir 400 med måneden, før noe slås opp. Med Accept: application/pdf er svaret etteroppgjøret som PDF/A-2b for arkivet.',
        parametre: [rolleHeader],
        kropp: 'Etteroppgjoersforespoersel',
        svar: {
          description: 'Etteroppgjøret (JSON), eller som PDF/A-2b med Accept: application/pdf',
          headers: { 'Cache-Control': { schema: { type: 'string', const: 'no-store' } } },
          content: {
            'application/json': { schema: ref('Etteroppgjoersresultat') },
            'application/pdf': { schema: { type: 'string', contentEncoding: 'binary' } },
          },
        },
      }),
    },
    '/api/v1/etteroppgjoer/vedtaksbrev': {
      post: operasjon({
        id: 'etteroppgjoersvedtaksbrev',
        tag: 'Beregning',
        sammendrag: 'Vedtaksbrevet om etteroppgjøret for langtidsopphold (PDF/A-2b, bokmål eller nynorsk)',
        beskrivelse:
          'Gjør etteroppgjøret som POST /api/v1/etteroppgjoer (samme rolle, tilgangskontroll og revisjonslogg) og lager vedtaksbrevet om det: det endelige vederlaget for året, hva som ble krevd, differansen beboeren skal betale eller få tilbake og når og hvordan (vedtaksbrev.etteroppgjoer.betalingsfrist og .betaling, eller kommunens innstilling vedtaksbrev.etteroppgjoerBetaling), skatteoppgjøret og datoen, oppholdet og det foreløpige grunnlaget det erstatter, reglene (egenandelsforskriften § 3 sjette og andre ledd, § 6), saksbehandlerens vurderinger, klageadgang, innsyn og egenandelsforskriften § 2. Brevets felt står under «vedtaksbrev» og kontrolleres før noe slås opp. Svaret er PDF-en, eller med Accept: application/json brevets innhold til forhåndsvisning.',
        parametre: [rolleHeader],
        kropp: 'EtteroppgjoersVedtaksbrevforespoersel',
        svar: vedtaksbrevsvar,
      }),
    },
  };
}
