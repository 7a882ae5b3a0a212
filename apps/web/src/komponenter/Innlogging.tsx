import { Alert, Button, Card, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { ApiFeil, type Klient } from '../api/klient';
import type { Demobruker, Sesjon } from '../api/typer';
import { innloggingsfeilTekst } from '../innloggingsfeil';
import { tekster } from '../tekster';

/**
 * Sign-in. Embedded mode: the seeded demo users, each with the roles it holds. Production: the
 * municipality's sign-in (OIDC), started by a plain link so it works with the keyboard and without
 * script errors. A failed OIDC sign-in (`?innloggingsfeil=`) is explained above both.
 */
export function Innlogging({
  klient,
  sesjon,
  innlogget,
  innloggingsfeil = null,
}: {
  klient: Klient;
  sesjon: Sesjon;
  innlogget: () => void;
  /** The code from `?innloggingsfeil=`, as found in the address; only ever looked up, never shown. */
  innloggingsfeil?: string | null;
}) {
  const t = tekster.innlogging;
  const [brukere, setBrukere] = useState<Demobruker[] | null>(null);
  const [feil, setFeil] = useState<ApiFeil | null>(null);
  const [valgt, setValgt] = useState<string | null>(null);

  useEffect(() => {
    if (sesjon.modus !== 'INNEBYGD') return;
    klient
      .demobrukere()
      .then(setBrukere)
      .catch((e: unknown) => setFeil(e instanceof ApiFeil ? e : new ApiFeil(0, tekster.feil.tittel, '')));
  }, [klient, sesjon.modus]);

  return (
    <>
      <Heading level={1} data-size="xl">
        {t.tittel}
      </Heading>
      {innloggingsfeil !== null ? (
        <Alert data-color="danger" data-testid="innloggingsfeil">
          <Heading level={2} data-size="xs">
            {t.feilTittel}
          </Heading>
          <Paragraph>{innloggingsfeilTekst(innloggingsfeil)}</Paragraph>
        </Alert>
      ) : null}
      {feil ? (
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {feil.tittel}
          </Heading>
          <Paragraph>{feil.detalj}</Paragraph>
        </Alert>
      ) : null}
      {sesjon.modus === 'PRODUKSJON' ? (
        <>
          <Paragraph>{t.produksjonIngress}</Paragraph>
          <Paragraph>
            <Link href={sesjon.innloggingUrl ?? '/auth/login'} className="ig-innloggingslenke">
              {t.loggInn}
            </Link>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph className="ig-ingress">{t.innebygdIngress}</Paragraph>
          <Heading level={2} data-size="sm">
            {t.demobrukere}
          </Heading>
          {brukere === null && !feil ? <Spinner aria-label={tekster.app.laster} /> : null}
          {brukere?.length === 0 ? <Paragraph>{t.ingenBrukere}</Paragraph> : null}
          <ul className="ig-kortliste">
            {(brukere ?? []).map((b) => (
              <li key={b.id}>
                <Card className="ig-brukerkort">
                  <Heading level={3} data-size="xs">
                    {b.visningsnavn}
                  </Heading>
                  <Paragraph data-size="sm">{t.roller}:</Paragraph>
                  <ul className="ig-roller">
                    {b.roller.length === 0 ? <li>{t.ingenRoller}</li> : null}
                    {b.roller.map((r) => (
                      <li key={r.id}>
                        {r.navn}
                        {r.avregning ? (
                          <>
                            {' '}
                            <Tag data-size="sm" data-color="info">
                              {t.avregning}
                            </Tag>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                  <Button
                    type="button"
                    variant="primary"
                    loading={valgt === b.id}
                    onClick={async () => {
                      setValgt(b.id);
                      setFeil(null);
                      try {
                        await klient.loggInnDemo(b.id);
                        innlogget();
                      } catch (e) {
                        setFeil(e instanceof ApiFeil ? e : new ApiFeil(0, tekster.feil.tittel, ''));
                        setValgt(null);
                      }
                    }}
                  >
                    {t.loggInnSom(b.visningsnavn)}
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
