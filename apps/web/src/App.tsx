import { Alert, Button, Heading, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiFeil, Klient, utloggingsadresse } from './api/klient';
import type { Beregningstype, Rolle, Sesjon } from './api/typer';
import { fjernInnloggingsfeil, lesInnloggingsfeil } from './innloggingsfeil';
import { Beregningsside } from './komponenter/Beregningsside';
import { Innlogging } from './komponenter/Innlogging';
import { Rollevalg } from './komponenter/Rollevalg';
import { Satsside } from './komponenter/Satsside';
import { tekster } from './tekster';

const ROLLENOEKKEL = 'inntektsgrunnlag.rolle';

/** The rate administrators' area (packages/tilgang): their page is the rates, not a beregning. */
const SATSFORVALTNING = 'SATSFORVALTNING';
/** The etteroppgjør page, loaded when opened (outside the first paint's JavaScript budget). */
const Etteroppgjoersside = lazy(() => import('./komponenter/etteroppgjoer/Etteroppgjoersside'));
const ETTEROPPGJOER_TITTEL = 'Etteroppgjør for langtidsopphold';

/** The role chosen earlier in this tab, if the user still holds it. */
function lagretRolle(roller: Rolle[]): Rolle | null {
  try {
    const id = sessionStorage.getItem(ROLLENOEKKEL);
    return roller.find((r) => r.id === id) ?? null;
  } catch {
    return null;
  }
}

/** One client for the app's life: a new one per render would rerun every effect that uses it, for ever. */
const STANDARDKLIENT = new Klient();

/** Sends the browser to another page (the identity provider's sign-out). */
const gaaTilAdresse = (adresse: string) => window.location.assign(adresse);

export function App({
  klient: grunnklient = STANDARDKLIENT,
  iaar = new Date().getFullYear(),
  gaaTil = gaaTilAdresse,
}: {
  klient?: Klient;
  iaar?: number;
  /** Leaves the app for another address; tests pass their own, as jsdom cannot navigate. */
  gaaTil?: (adresse: string) => void;
}) {
  const t = tekster.app;
  const [sesjon, setSesjon] = useState<Sesjon | null>(null);
  // A failed OIDC sign-in, read from the address once; shown on the sign-in page until someone signs in.
  const [innloggingsfeil, setInnloggingsfeil] = useState<string | null>(() =>
    lesInnloggingsfeil(window.location.href),
  );
  const [feil, setFeil] = useState<ApiFeil | null>(null);
  const [rolle, setRolle] = useState<Rolle | null>(null);
  const [beregningstype, setBeregningstype] = useState<Beregningstype | null>(null);
  // For the langtidsopphold role: the beregning, or the etteroppgjør when the year's settlement has come.
  const [visning, setVisning] = useState<'beregning' | 'etteroppgjoer'>('beregning');

  const lastSesjon = useCallback(() => {
    setFeil(null);
    grunnklient
      .sesjon()
      .then((s) => {
        setSesjon(s);
        if (s.innlogget) setInnloggingsfeil(null);
        const gjenvalgt = s.innlogget
          ? s.roller.length === 1
            ? (s.roller[0] ?? null)
            : lagretRolle(s.roller)
          : null;
        setRolle(gjenvalgt);
        setBeregningstype(gjenvalgt?.beregningstyper[0] ?? null);
      })
      .catch((e: unknown) => setFeil(e instanceof ApiFeil ? e : new ApiFeil(0, tekster.feil.tittel, '')));
  }, [grunnklient]);

  useEffect(() => {
    lastSesjon();
  }, [lastSesjon]);

  // After reading it (the state above): out of the address, so a reload does not show it again.
  useEffect(() => {
    fjernInnloggingsfeil();
  }, []);

  const klient = useMemo(
    () => grunnklient.med({ csrfToken: sesjon?.csrfToken, rolleId: rolle?.id }),
    [grunnklient, sesjon?.csrfToken, rolle?.id],
  );

  const velgRolle = (r: Rolle | null) => {
    setRolle(r);
    setBeregningstype(r?.beregningstyper[0] ?? null);
    setVisning('beregning');
    try {
      if (r) sessionStorage.setItem(ROLLENOEKKEL, r.id);
      else sessionStorage.removeItem(ROLLENOEKKEL);
    } catch {
      // Storage may be off (private mode): the choice then lasts until reload.
    }
  };

  const loggUt = async () => {
    let adresse: string | null = null;
    try {
      adresse = utloggingsadresse(await klient.loggUt());
    } catch {
      // Refused or unreachable: reading the session again shows the user whether it is still there.
    }
    velgRolle(null);
    if (adresse) {
      // The identity provider's sign-out, so its single sign-on ends too. Our session is already
      // gone: while the browser leaves, show that, not the signed-in page or a sign-in page.
      setSesjon(null);
      gaaTil(adresse);
    } else {
      lastSesjon();
    }
  };

  // Each step gets the page's title, so the browser tab and a screen reader name where one is.
  const satsforvalter = rolle?.tjenesteomraade === SATSFORVALTNING;
  const steg = !sesjon
    ? null
    : !sesjon.innlogget
      ? 'innlogging'
      : !rolle
        ? 'rollevalg'
        : satsforvalter
          ? 'satser'
          : 'beregning';
  useEffect(() => {
    const navn =
      steg === 'innlogging'
        ? tekster.innlogging.tittel
        : steg === 'rollevalg'
          ? tekster.rollevalg.tittel
          : steg === 'satser'
            ? tekster.satser.tittel
            : visning === 'etteroppgjoer'
              ? ETTEROPPGJOER_TITTEL
              : beregningstype
                ? tekster.beregningstyper[beregningstype]
                : null;
    document.title = navn ? `${navn} – ${t.navn}` : t.navn;
  }, [steg, beregningstype, visning]);

  let innhold: React.ReactNode;
  if (feil) {
    innhold = (
      <Alert data-color="danger">
        <Heading level={1} data-size="sm">
          {feil.tittel}
        </Heading>
        <Paragraph>{feil.detalj}</Paragraph>
        <Button variant="secondary" type="button" onClick={lastSesjon}>
          {tekster.feil.proevIgjen}
        </Button>
      </Alert>
    );
  } else if (!sesjon) {
    innhold = <Spinner aria-label={t.laster} data-size="lg" />;
  } else if (!sesjon.innlogget) {
    innhold = (
      <Innlogging klient={klient} sesjon={sesjon} innlogget={lastSesjon} innloggingsfeil={innloggingsfeil} />
    );
  } else if (rolle && satsforvalter) {
    innhold = <Satsside key={rolle.id} klient={klient} rolle={rolle} />;
  } else if (!rolle || !beregningstype) {
    innhold = <Rollevalg roller={sesjon.roller} velg={velgRolle} />;
  } else if (visning === 'etteroppgjoer' && rolle.beregningstyper.includes('LANGTIDSOPPHOLD_INSTITUSJON')) {
    innhold = (
      <Suspense fallback={<Spinner aria-label={t.laster} data-size="lg" />}>
        <Etteroppgjoersside key={rolle.id} klient={klient} rolle={rolle} iaar={iaar} utlogget={lastSesjon} />
      </Suspense>
    );
  } else {
    innhold = (
      <Beregningsside
        key={`${rolle.id}-${beregningstype}`}
        klient={klient}
        rolle={rolle}
        beregningstype={beregningstype}
        velgBeregningstype={setBeregningstype}
        iaar={iaar}
        utlogget={lastSesjon}
      />
    );
  }

  return (
    <>
      <SkipLink href="#hovedinnhold">{t.hoppTilInnhold}</SkipLink>
      <header className="ig-topp">
        <div className="ig-topp__innhold">
          <p className="ig-merke">
            <span className="ig-merke__navn">{t.navn}</span>
            <span className="ig-merke__under">{t.undertittel}</span>
          </p>
          {sesjon?.innlogget ? (
            <nav aria-label={t.innloggetSom} className="ig-bruker">
              <span>
                {t.innloggetSom} <strong>{sesjon.bruker?.visningsnavn}</strong>
              </span>
              {rolle?.beregningstyper.includes('LANGTIDSOPPHOLD_INSTITUSJON') ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  type="button"
                  onClick={() => setVisning((v) => (v === 'etteroppgjoer' ? 'beregning' : 'etteroppgjoer'))}
                >
                  {visning === 'etteroppgjoer' ? 'Til beregning' : 'Etteroppgjør'}
                </Button>
              ) : null}
              {rolle && sesjon.roller.length > 1 ? (
                <Button variant="tertiary" data-size="sm" type="button" onClick={() => velgRolle(null)}>
                  {t.byttRolle}
                </Button>
              ) : null}
              <Button variant="secondary" data-size="sm" type="button" onClick={() => void loggUt()}>
                {t.loggUt}
              </Button>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="hovedinnhold" tabIndex={-1} className="ig-hoved">
        {innhold}
      </main>
      <footer className="ig-bunn">
        <div className="ig-bunn__innhold">
          <Paragraph data-size="sm">{t.bunntekst}</Paragraph>
          {sesjon?.modus === 'INNEBYGD' ? <Paragraph data-size="sm">{t.innebygdMerknad}</Paragraph> : null}
        </div>
      </footer>
    </>
  );
}
