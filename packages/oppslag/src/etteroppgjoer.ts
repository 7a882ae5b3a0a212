import {
  type Advarsel,
  beloepSkjema,
  foresporselSkjema,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import { renderEtteroppgjoer } from '@inntektsgrunnlag/dokument';
import {
  beregnEtteroppgjoer,
  type EtteroppgjoerJson,
  type Etteroppgjoersforespoersel,
  etteroppgjoersforespoerselSkjema,
  etteroppgjoersinnstillingerSkjema,
  etteroppgjoerTilJson,
  kontrollerEtteroppgjoer,
} from '@inntektsgrunnlag/etteroppgjoer';
import { innstillingerSkjema, vedtakSkjema } from '@inntektsgrunnlag/langtidsopphold';
import type { Beregningstabell, BruktVerdi } from '@inntektsgrunnlag/regelverk';
import type { Kommuneinnstillinger } from './kommuneinnstillinger.js';
import type { Oppslagsforespoersel, Oppslagsresultat, Oppslagstjeneste } from './oppslagstjeneste.js';

/** The purpose recorded in the audit log when the caller gives none. */
export const ETTEROPPGJOER_FORMAAL = 'ETTEROPPGJOER';

/** An etteroppgjør: the lookup of the year's settlement, and the settlement month by month. */
export type Etteroppgjoersresultat = Oppslagsresultat & { etteroppgjoer: EtteroppgjoerJson };

export interface Etteroppgjoersoppslag
  extends Omit<Oppslagsforespoersel, 'foresporsel' | 'grunnlagUtenVedtak'> {
  /** `{ foresporsel, fakturert, opphold?, foreloepigGrunnlag? }`, as received (validated here). */
  etteroppgjoer: unknown;
}

/** Prefixes the fields of a request's errors with `foresporsel.`, where they are in the etteroppgjør. */
function iForesporsel(e: unknown): unknown {
  if (!(e instanceof Valideringsfeil)) return e;
  return new Valideringsfeil(
    e.feil.map((f) => ({ ...f, felt: f.felt ? `foresporsel.${f.felt}` : 'foresporsel' })),
    'Forespørselen er ugyldig',
  );
}

/**
 * Checks an etteroppgjør request completely, before anything is fetched: the request (a
 * LANGTIDSOPPHOLD_INSTITUSJON request for the year settled, its date in that year), the stay and what
 * was charged per month. Returns the request with its beregningsdato set (31 December of the year when
 * none was given: the lookup's own vederlag then uses that year's rates, which the etteroppgjør reads
 * month by month anyway).
 */
export function forberedEtteroppgjoer(raa: unknown): {
  inn: Etteroppgjoersforespoersel;
  foresporsel: Record<string, unknown>;
} {
  const inn = valider(etteroppgjoersforespoerselSkjema, raa);
  const f = valider(foresporselSkjema, inn.foresporsel, ['foresporsel']);
  if (f.beregningstype !== 'LANGTIDSOPPHOLD_INSTITUSJON') {
    throw new Valideringsfeil([
      {
        felt: 'foresporsel.beregningstype',
        melding: 'må være LANGTIDSOPPHOLD_INSTITUSJON: etteroppgjøret gjelder vederlag for langtidsopphold',
      },
    ]);
  }
  const aar = f.inntektsaar;
  if (f.beregningsdato !== undefined && !f.beregningsdato.startsWith(`${aar}-`)) {
    throw new Valideringsfeil([
      {
        felt: 'foresporsel.beregningsdato',
        melding: `må ligge i inntektsåret ${aar} (etteroppgjøret regner hver måned med satsene som gjaldt da), eller stå tomt`,
      },
    ]);
  }
  const vedtak = valider(vedtakSkjema, inn.foresporsel.vedtak ?? {}, ['foresporsel', 'vedtak']);
  kontrollerEtteroppgjoer(aar, vedtak, inn.opphold, inn.fakturert);
  return {
    inn,
    foresporsel: { ...inn.foresporsel, beregningsdato: f.beregningsdato ?? `${aar}-12-31` },
  };
}

/**
 * The etteroppgjør for one resident and one year (egenandelsforskriften § 3 sjette ledd): the year's
 * settlement is looked up like any other beregning (authorised, audited, minimised), then the vederlag
 * is computed again month by month on it and set against what was charged.
 */
export async function etteroppgjoer(
  tjeneste: Oppslagstjeneste,
  oppslag: Etteroppgjoersoppslag,
): Promise<{ resultat: Etteroppgjoersresultat; tabell: Beregningstabell }> {
  const { inn, foresporsel } = forberedEtteroppgjoer(oppslag.etteroppgjoer);
  const { etteroppgjoer: _, ...rest } = oppslag;
  const konfig = tjeneste.konfig;
  // The settings are checked before the lookup too: a faulty file costs no lookup.
  const innstillinger = valider(innstillingerSkjema, konfig.innstillinger.LANGTIDSOPPHOLD_INSTITUSJON ?? {}, [
    'kommuneinnstillinger',
    'LANGTIDSOPPHOLD_INSTITUSJON',
  ]);
  const egne = valider(
    etteroppgjoersinnstillingerSkjema,
    (konfig.innstillinger as { etteroppgjoer?: unknown }).etteroppgjoer ?? {},
    ['kommuneinnstillinger', 'etteroppgjoer'],
  );
  let svar: Awaited<ReturnType<Oppslagstjeneste['beregn']>>;
  try {
    svar = await tjeneste.beregn({ ...rest, formaal: rest.formaal ?? ETTEROPPGJOER_FORMAAL, foresporsel });
  } catch (e) {
    throw iForesporsel(e);
  }
  const { resultat, tabell } = svar;
  const vedtak = valider(vedtakSkjema, foresporsel.vedtak ?? {}, ['foresporsel', 'vedtak']);
  const soeker = resultat.personer.find((p) => p.type === 'SOEKER');
  const satser = konfig.regelverk.nyttOppslag();
  const e = beregnEtteroppgjoer({
    inntektsaar: resultat.inntektsaar,
    beregningsgrunnlag: valider(beloepSkjema, resultat.beregningsbeloep, ['beregningsbeloep']),
    vedtak,
    opphold: inn.opphold,
    fakturert: inn.fakturert,
    innstillinger,
    etteroppgjoersinnstillinger: egne,
    oppslag: satser,
    skatteoppgjoer: {
      skatteoppgjoersdato: soeker?.skatteoppgjoersdato ?? null,
      postkilde: soeker?.postkilde === 'SKATTEETATEN' ? 'HENTET' : 'OPPGITT',
    },
    ...(inn.foreloepigGrunnlag ? { foreloepigGrunnlag: inn.foreloepigGrunnlag } : {}),
  });
  // Every rate the months used is named with the lookup's (G before and after 1 May, the fribeløp).
  const brukte = new Map<string, BruktVerdi>(
    resultat.regelverk.satser.map((s) => [`${s.tabell}@${s.gyldigFra}`, s]),
  );
  for (const s of satser.brukteVerdier()) {
    const n = `${s.tabell}@${s.gyldigFra}`;
    if (!brukte.has(n)) brukte.set(n, s);
  }
  const advarsler: Advarsel[] = [
    ...resultat.advarsler.filter((a) => !e.advarsler.some((b) => b.kode === a.kode)),
    ...e.advarsler,
  ];
  return {
    resultat: {
      ...resultat,
      advarsler,
      regelverk: { ...resultat.regelverk, satser: [...brukte.values()] },
      etteroppgjoer: etteroppgjoerTilJson(e, egne),
    },
    tabell,
  };
}

/** The etteroppgjør as a PDF/A-2b document for the archive (packages/dokument), dated when it was made. */
export function etteroppgjoerSomPdf(
  resultat: Etteroppgjoersresultat,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn'>,
  valg: { deterministisk?: boolean } = {},
): Promise<Uint8Array> {
  return renderEtteroppgjoer(
    resultat,
    {
      kommunenavn: innstillinger.kommunenavn,
      opprettet: resultat.utfoert.tidspunkt,
      ...(resultat.utfoert.saksreferanse ? { saksreferanse: resultat.utfoert.saksreferanse } : {}),
    },
    valg,
  );
}
