import { Alert, Button, Heading, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiFeil, type Klient } from '../api/klient';
import type { Rolle, Satsoppfoering, Satstabell } from '../api/typer';
import { dato } from '../format';
import type { Skjemafeil } from '../skjema/modell';
import { tekster } from '../tekster';
import { Feiloppsummering } from './Feiloppsummering';
import { setning, Tekstfelt, Valgfelt } from './felt';

/** The API's field of a new entry → the input's id (for the error summary's links). */
const FELTID: Record<string, string> = {
  tabell: 'sats-tabell',
  gyldigFra: 'sats-gyldig-fra',
  dekketTil: 'sats-dekket-til',
  verdi: 'sats-verdi',
  'kilde.tittel': 'sats-kilde-tittel',
  'kilde.url': 'sats-kilde-url',
  verifisert: 'sats-verifisert',
};

/**
 * What the administrator typed as the value, as JSON: a number or an object as written ({"…": …}),
 * whole kroner with spaces as a number ("700 000"); anything else as text, for the API to judge.
 */
export function lesVerdi(tekst: string): unknown {
  const t = tekst.trim();
  if (/^\d[\d\s\u00a0]*$/.test(t)) return Number(t.replace(/[\s\u00a0]/g, ''));
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

const visVerdi = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function idag(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/**
 * The rate administrator's page (role in SATSFORVALTNING): the tables with their coverage, the
 * entries waiting for a second person's approval, and a form for a new value with its source.
 */
export function Satsside({ klient, rolle }: { klient: Klient; rolle: Rolle }) {
  const t = tekster.satser;
  const [tabeller, setTabeller] = useState<Satstabell[] | null>(null);
  const [lastefeil, setLastefeil] = useState<ApiFeil | null>(null);
  const [melding, setMelding] = useState<{ tekst: string; farge: 'success' | 'danger' } | null>(null);
  const [oppsummering, setOppsummering] = useState<{ forsoek: number; feil: Skjemafeil[] }>({
    forsoek: 0,
    feil: [],
  });
  const [sender, setSender] = useState(false);
  const [ny, setNy] = useState({
    tabell: '',
    gyldigFra: '',
    dekketTil: '',
    verdi: '',
    kildeTittel: '',
    kildeUrl: '',
    verifisert: idag(),
  });

  const last = useCallback(() => {
    klient
      .satser()
      .then((s) => {
        setTabeller(s.tabeller);
        setLastefeil(null);
      })
      .catch((e: unknown) =>
        setLastefeil(e instanceof ApiFeil ? e : new ApiFeil(0, tekster.feil.tittel, '')),
      );
  }, [klient]);

  useEffect(() => {
    last();
  }, [last]);

  const valgt = tabeller?.find((x) => x.navn === ny.tabell) ?? null;
  const velgTabell = (navn: string) => {
    const tabell = tabeller?.find((x) => x.navn === navn);
    setNy((n) => ({ ...n, tabell: navn, gyldigFra: tabell?.nesteGyldigFra ?? '' }));
  };

  const feilFor = (felt: string) => oppsummering.feil.find((f) => f.feltId === FELTID[felt])?.kort;

  const leggInn = async () => {
    setSender(true);
    setMelding(null);
    try {
      const sats = await klient.leggInnSats({
        tabell: ny.tabell,
        gyldigFra: ny.gyldigFra,
        dekketTil: ny.dekketTil,
        verdi: lesVerdi(ny.verdi),
        kilde: { tittel: ny.kildeTittel, ...(ny.kildeUrl.trim() ? { url: ny.kildeUrl.trim() } : {}) },
        verifisert: ny.verifisert,
      });
      setOppsummering((o) => ({ forsoek: o.forsoek + 1, feil: [] }));
      setMelding({ tekst: t.lagtInn(sats.tabell, dato(sats.gyldigFra)), farge: 'success' });
      setNy((n) => ({ ...n, verdi: '', kildeTittel: '', kildeUrl: '', dekketTil: '' }));
      last();
    } catch (e) {
      const feil = e instanceof ApiFeil ? e : new ApiFeil(0, tekster.feil.tittel, '');
      const felt: Skjemafeil[] = feil.errors.map((f) => {
        const rot = f.felt.startsWith('kilde.') ? f.felt : (f.felt.split('.')[0] ?? '');
        const feltId = FELTID[rot] ?? FELTID.tabell ?? 'sats-tabell';
        return { feltId, melding: `${etikett(rot)}: ${f.melding}`, kort: setning(f.melding) };
      });
      if (felt.length > 0) setOppsummering((o) => ({ forsoek: o.forsoek + 1, feil: felt }));
      else setMelding({ tekst: feil.detalj || feil.tittel, farge: 'danger' });
    } finally {
      setSender(false);
    }
  };

  const godkjenn = async (s: Satsoppfoering) => {
    setMelding(null);
    try {
      const g = await klient.godkjennSats(s.id);
      setMelding({ tekst: t.godkjent(g.tabell, dato(g.gyldigFra)), farge: 'success' });
    } catch (e) {
      const feil = e instanceof ApiFeil ? e : new ApiFeil(0, tekster.feil.tittel, '');
      setMelding({ tekst: feil.detalj || feil.tittel, farge: 'danger' });
    }
    last();
  };

  const venter = (tabeller ?? []).flatMap((x) =>
    x.satser.filter((s) => s.status === 'VENTER_PAA_GODKJENNING').map((s) => ({ tabell: x, sats: s })),
  );

  return (
    <>
      <Heading level={1} data-size="xl">
        {t.tittel}
      </Heading>
      <Paragraph className="ig-ingress">
        {tekster.app.rolle}: {rolle.navn}
      </Paragraph>
      <Paragraph>{t.ingress}</Paragraph>

      <div aria-live="polite">
        {melding ? (
          <Alert data-color={melding.farge}>
            <Paragraph>{melding.tekst}</Paragraph>
          </Alert>
        ) : null}
      </div>

      {lastefeil ? (
        <Alert data-color="danger">
          <Paragraph>{lastefeil.detalj || lastefeil.tittel}</Paragraph>
        </Alert>
      ) : null}
      {!tabeller && !lastefeil ? <Spinner aria-label={t.laster} /> : null}

      {tabeller ? (
        <>
          <section aria-labelledby="satser-venter" className="ig-steg">
            <Heading level={2} data-size="sm" id="satser-venter">
              {t.venter}
            </Heading>
            {venter.length === 0 ? (
              <Paragraph>{t.ingenVenter}</Paragraph>
            ) : (
              <Table className="ig-tabell" data-size="sm">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t.kolonner.tabell}</Table.HeaderCell>
                    <Table.HeaderCell>{t.kolonner.periode}</Table.HeaderCell>
                    <Table.HeaderCell>{t.kolonner.verdi}</Table.HeaderCell>
                    <Table.HeaderCell>{t.kolonner.kilde}</Table.HeaderCell>
                    <Table.HeaderCell>{t.kolonner.innlagtAv}</Table.HeaderCell>
                    <Table.HeaderCell>{t.kolonner.handling}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {venter.map(({ tabell, sats }) => (
                    <Table.Row key={sats.id} data-sats={sats.id}>
                      <Table.Cell>{tabell.beskrivelse}</Table.Cell>
                      <Table.Cell>{t.periode(dato(sats.gyldigFra), dato(sats.dekketTil))}</Table.Cell>
                      <Table.Cell>{visVerdi(sats.verdi)}</Table.Cell>
                      <Table.Cell>
                        {sats.kilde.tittel}
                        {sats.kilde.url ? ` (${sats.kilde.url})` : ''}; {t.verifisert(dato(sats.verifisert))}
                      </Table.Cell>
                      <Table.Cell>{sats.innlagtAv.navn}</Table.Cell>
                      <Table.Cell>
                        {sats.kanGodkjennes ? (
                          <Button
                            type="button"
                            data-size="sm"
                            aria-label={t.godkjennMerkelapp(tabell.beskrivelse, dato(sats.gyldigFra))}
                            onClick={() => void godkjenn(sats)}
                          >
                            {t.godkjenn}
                          </Button>
                        ) : (
                          t.egen
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
          </section>

          <section aria-labelledby="satser-ny" className="ig-steg">
            <Heading level={2} data-size="sm" id="satser-ny">
              {t.nyTittel}
            </Heading>
            <Paragraph>{t.nyIngress}</Paragraph>
            <form
              noValidate
              aria-labelledby="satser-ny"
              onSubmit={(e) => {
                e.preventDefault();
                void leggInn();
              }}
            >
              <Feiloppsummering key={oppsummering.forsoek} feil={oppsummering.feil} />
              <Valgfelt
                id={FELTID.tabell as string}
                etikett={t.felt.tabell}
                verdi={ny.tabell}
                endre={velgTabell}
                feil={feilFor('tabell')}
              >
                <option value="">–</option>
                {tabeller.map((x) => (
                  <option key={x.navn} value={x.navn}>
                    {t.felt.tabellValg(x.beskrivelse, dato(x.dekketTil))}
                  </option>
                ))}
              </Valgfelt>
              <Tekstfelt
                id={FELTID.gyldigFra as string}
                etikett={t.felt.gyldigFra}
                beskrivelse={valgt ? t.felt.gyldigFraHjelp(dato(valgt.nesteGyldigFra)) : undefined}
                type="date"
                verdi={ny.gyldigFra}
                endre={(v) => setNy((n) => ({ ...n, gyldigFra: v }))}
                feil={feilFor('gyldigFra')}
              />
              <Tekstfelt
                id={FELTID.dekketTil as string}
                etikett={t.felt.dekketTil}
                beskrivelse={t.felt.dekketTilHjelp}
                type="date"
                verdi={ny.dekketTil}
                endre={(v) => setNy((n) => ({ ...n, dekketTil: v }))}
                feil={feilFor('dekketTil')}
              />
              <Tekstfelt
                id={FELTID.verdi as string}
                etikett={t.felt.verdi}
                beskrivelse={valgt ? t.felt.verdiHjelp(valgt.verdiform) : undefined}
                verdi={ny.verdi}
                endre={(v) => setNy((n) => ({ ...n, verdi: v }))}
                feil={feilFor('verdi')}
              />
              <Tekstfelt
                id={FELTID['kilde.tittel'] as string}
                etikett={t.felt.kildeTittel}
                beskrivelse={t.felt.kildeTittelHjelp}
                verdi={ny.kildeTittel}
                endre={(v) => setNy((n) => ({ ...n, kildeTittel: v }))}
                feil={feilFor('kilde.tittel')}
              />
              <Tekstfelt
                id={FELTID['kilde.url'] as string}
                etikett={t.felt.kildeUrl}
                verdi={ny.kildeUrl}
                endre={(v) => setNy((n) => ({ ...n, kildeUrl: v }))}
                feil={feilFor('kilde.url')}
              />
              <Tekstfelt
                id={FELTID.verifisert as string}
                etikett={t.felt.verifisert}
                type="date"
                verdi={ny.verifisert}
                endre={(v) => setNy((n) => ({ ...n, verifisert: v }))}
                feil={feilFor('verifisert')}
              />
              <div className="ig-handlinger">
                <Button type="submit" disabled={sender}>
                  {t.leggInn}
                </Button>
              </div>
            </form>
          </section>

          <section aria-labelledby="satser-tabeller" className="ig-steg">
            <Heading level={2} data-size="sm" id="satser-tabeller">
              {t.tabeller}
            </Heading>
            <Table className="ig-tabell" data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.kolonner.tabell}</Table.HeaderCell>
                  <Table.HeaderCell>{t.kolonner.dekning}</Table.HeaderCell>
                  <Table.HeaderCell>{t.kolonner.dekketNaa}</Table.HeaderCell>
                  <Table.HeaderCell>{t.kolonner.kommunens}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {tabeller.map((x) => (
                  <Table.Row key={x.navn}>
                    <Table.Cell>
                      {x.beskrivelse}
                      <br />
                      <code>{x.navn}</code>
                    </Table.Cell>
                    <Table.Cell>{t.periode(dato(x.innebygdFra), dato(x.innebygdTil))}</Table.Cell>
                    <Table.Cell>{dato(x.dekketTil)}</Table.Cell>
                    <Table.Cell>
                      {x.satser.length === 0 ? (
                        t.ingenKommunale
                      ) : (
                        <ul className="ig-liste">
                          {x.satser.map((s) => (
                            <li key={s.id}>
                              <Tag data-size="sm" data-color={s.status === 'GJELDER' ? 'success' : 'warning'}>
                                {t.status[s.status]}
                              </Tag>{' '}
                              {t.periode(dato(s.gyldigFra), dato(s.dekketTil))}: {visVerdi(s.verdi)} (
                              {s.kilde.tittel}
                              {s.godkjenning ? `; ${t.godkjentAv(s.godkjenning.av.navn)}` : ''})
                              {s.merknad ? `. ${s.merknad}` : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </section>
        </>
      ) : null}
    </>
  );
}

/** The field's label, for the error summary (the API names fields by their path). */
function etikett(felt: string): string {
  const f = tekster.satser.felt;
  const navn: Record<string, string> = {
    tabell: f.tabell,
    gyldigFra: f.gyldigFra,
    dekketTil: f.dekketTil,
    verdi: f.verdi,
    'kilde.tittel': f.kildeTittel,
    'kilde.url': f.kildeUrl,
    verifisert: f.verifisert,
  };
  return navn[felt] ?? felt;
}
