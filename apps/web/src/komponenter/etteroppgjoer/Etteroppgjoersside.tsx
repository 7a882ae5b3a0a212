import {
  Alert,
  Button,
  Details,
  Fieldset,
  Heading,
  Input,
  Paragraph,
  Spinner,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { ApiFeil, type Klient } from '../../api/klient';
import type { Rolle } from '../../api/typer';
import type { Skjemafeil } from '../../skjema/modell';
import { hentInntektsaar } from '../Beregningsside';
import { Feiloppsummering } from '../Feiloppsummering';
import { setning, Tekstfelt, Valgfelt } from '../felt';
import {
  byggEtteroppgjoer,
  type Etteroppgjoersskjema,
  feilFraEtteroppgjoer,
  MAANEDSNAVN,
  maanedsfelt,
  tomtEtteroppgjoersskjema,
} from './modell';

/** The part of the API's answer the page shows (GET /api/openapi.json: Etteroppgjoersresultat). */
export interface Etteroppgjoersmaaned {
  maaned: string;
  dagerIMaaneden: number;
  vederlagsdager: number;
  frieDager: number;
  satser: Array<{ dobbeltrom: boolean; grunnbeloep: number; fribeloep: number; vederlagPerMaaned: number }>;
  endelig: number;
  fakturert: number;
  differanse: number;
  overMaksimum: boolean;
  hjemler: string[];
  forklaring: string;
}

export interface Etteroppgjoersresultat {
  inntektsaar: number;
  personer: Array<{ identifikator: string; type: string; navn?: { fornavn: string; etternavn: string } }>;
  advarsler: Array<{ kode: string; melding: string }>;
  etteroppgjoer: {
    inntektsaar: number;
    sumEndelig: number;
    sumFakturert: number;
    differanse: number;
    resultat: 'BEBOEREN_SKYLDER' | 'TILBAKEBETALING' | 'INGEN_DIFFERANSE';
    maanederOverMaksimum: string[];
    maaneder: Etteroppgjoersmaaned[];
    grunnlag: { forklaring: string };
    erstatter: { forklaring: string };
    forklaring: string;
    hjemmel: string;
  };
}

const kr = (n: number) => `kr ${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(n)}`;
const maanedsnavn = (m: string) => `${MAANEDSNAVN[Number(m.slice(5, 7)) - 1] ?? m} ${m.slice(0, 4)}`;

function lastNed(blob: Blob, filnavn: string): void {
  const url = URL.createObjectURL(blob);
  const lenke = document.createElement('a');
  lenke.href = url;
  lenke.download = filnavn;
  document.body.append(lenke);
  lenke.click();
  lenke.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The etteroppgjør for langtidsopphold (egenandelsforskriften § 3 sjette ledd): the case worker gives
 * the resident, the stay and what was charged each month (a table to fill in); the page shows the final
 * vederlag month by month against what was charged, the total owed or refunded, and the PDF/A.
 */
export function Etteroppgjoersside({
  klient,
  rolle,
  iaar,
  utlogget,
}: {
  klient: Klient;
  rolle: Rolle;
  iaar: number;
  utlogget: () => void;
}) {
  const [d, setD] = useState<Etteroppgjoersskjema>(tomtEtteroppgjoersskjema);
  const [aarListe, setAarListe] = useState<number[] | null>(null);
  const [feil, setFeil] = useState<{ liste: Skjemafeil[]; forsoek: number }>({ liste: [], forsoek: 0 });
  const [generell, setGenerell] = useState<ApiFeil | null>(null);
  const [resultat, setResultat] = useState<{ r: Etteroppgjoersresultat; kropp: unknown } | null>(null);
  const [beregner, setBeregner] = useState(false);
  const [pdfStatus, setPdfStatus] = useState<string | null>(null);
  const resultatRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let aktiv = true;
    hentInntektsaar(klient, 'LANGTIDSOPPHOLD_INSTITUSJON', iaar)
      .then(({ aar, standard }) => {
        if (!aktiv) return;
        setAarListe(aar);
        if (standard !== null) setD((x) => (x.inntektsaar ? x : { ...x, inntektsaar: String(standard) }));
      })
      .catch((e: unknown) => aktiv && setGenerell(e instanceof ApiFeil ? e : null));
    return () => {
      aktiv = false;
    };
  }, [klient, iaar]);

  useEffect(() => {
    if (resultat) resultatRef.current?.focus();
  }, [resultat]);

  const sett = <K extends keyof Etteroppgjoersskjema>(k: K, v: Etteroppgjoersskjema[K]) =>
    setD((x) => ({ ...x, [k]: v }));
  const feilFor = (id: string) =>
    feil.liste
      .filter((f) => f.feltId === id)
      .map((f) => setning(f.melding))
      .join(' ') || null;

  const beregn = async () => {
    const { kropp, feil: lokale } = byggEtteroppgjoer(d);
    setGenerell(null);
    setPdfStatus(null);
    if (!kropp) {
      setFeil((f) => ({ liste: lokale, forsoek: f.forsoek + 1 }));
      return;
    }
    setBeregner(true);
    try {
      const r = await klient.etteroppgjoer<Etteroppgjoersresultat>({
        ...kropp,
        formaal: 'Etteroppgjør for langtidsopphold',
      });
      setFeil((f) => ({ liste: [], forsoek: f.forsoek }));
      setResultat({ r, kropp });
    } catch (e) {
      setResultat(null);
      if (e instanceof ApiFeil && e.status === 401) utlogget();
      if (e instanceof ApiFeil && e.status === 400 && e.errors.length > 0) {
        setFeil((f) => ({ liste: feilFraEtteroppgjoer(e.errors), forsoek: f.forsoek + 1 }));
      } else setGenerell(e instanceof ApiFeil ? e : new ApiFeil(0, 'Noe gikk galt', String(e)));
    } finally {
      setBeregner(false);
    }
  };

  const lastNedPdf = async () => {
    if (!resultat) return;
    setPdfStatus(null);
    try {
      const { blob, filnavn } = await klient.etteroppgjoerPdf(resultat.kropp);
      lastNed(blob, filnavn ?? `etteroppgjoer-${resultat.r.inntektsaar}.pdf`);
      setPdfStatus('Etteroppgjøret er lastet ned.');
    } catch (e) {
      setPdfStatus(`PDF-en kunne ikke lages: ${e instanceof ApiFeil ? e.detalj || e.tittel : String(e)}`);
    }
  };

  const aar = d.inntektsaar || '—';
  const e = resultat?.r.etteroppgjoer;
  return (
    <div className="ig-side">
      <Heading level={1} data-size="lg">
        Etteroppgjør for langtidsopphold
      </Heading>
      <Paragraph>
        Når skatteoppgjøret for året kommer, regnes vederlaget på nytt for hver måned av oppholdet med årets
        inntekt og satsene som gjaldt den måneden, og differansen mot det som ble fakturert gjøres opp
        (egenandelsforskriften § 3 sjette ledd). Rolle: {rolle.navn}.
      </Paragraph>
      {generell ? (
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {generell.tittel}
          </Heading>
          <Paragraph>{generell.detalj}</Paragraph>
        </Alert>
      ) : null}
      <Feiloppsummering key={feil.forsoek} feil={feil.liste} />
      <form
        noValidate
        aria-label="Etteroppgjør"
        onSubmit={(ev) => {
          ev.preventDefault();
          void beregn();
        }}
      >
        <Fieldset>
          <Fieldset.Legend>Beboer og år</Fieldset.Legend>
          <Valgfelt
            id="eo-inntektsaar"
            etikett="Inntektsår"
            beskrivelse="Året som gjøres opp: skatteoppgjøret for dette året hentes."
            verdi={d.inntektsaar}
            endre={(v) => sett('inntektsaar', v)}
            feil={feilFor('eo-inntektsaar')}
          >
            {(aarListe ?? []).map((a) => (
              <option key={a} value={String(a)}>
                {a}
              </option>
            ))}
          </Valgfelt>
          <Tekstfelt
            id="eo-identifikator"
            etikett="Fødselsnummer"
            inputMode="numeric"
            autoComplete="off"
            verdi={d.identifikator}
            endre={(v) => sett('identifikator', v)}
            feil={feilFor('eo-identifikator')}
          />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>Oppholdet</Fieldset.Legend>
          <Tekstfelt
            id="eo-innflyttingsdato"
            etikett="Innflyttingsdato"
            beskrivelse="Gir den betalingsfrie første måneden (§ 6 første ledd). Tom: beboeren bodde der fra før året."
            type="date"
            verdi={d.innflyttingsdato}
            endre={(v) => sett('innflyttingsdato', v)}
            feil={feilFor('eo-innflyttingsdato')}
          />
          <Tekstfelt
            id="eo-korttidsdoegn"
            etikett="Døgn på korttidsopphold samme kalenderår før innflyttingen"
            inputMode="numeric"
            verdi={d.korttidsdoegn}
            endre={(v) => sett('korttidsdoegn', v)}
            feil={feilFor('eo-korttidsdoegn')}
          />
          <Tekstfelt
            id="eo-oppholdskostnad"
            etikett="Oppholdskostnad per måned (kr)"
            beskrivelse="Vederlaget blir aldri høyere enn de reelle oppholdsutgiftene (§ 3 første ledd)."
            inputMode="decimal"
            verdi={d.oppholdskostnad}
            endre={(v) => sett('oppholdskostnad', v)}
            feil={feilFor('eo-oppholdskostnad')}
          />
          <Tekstfelt
            id="eo-dobbeltrom-fra"
            etikett="Dobbeltrom mot eget ønske fra og med (valgfri)"
            type="date"
            verdi={d.dobbeltromFra}
            endre={(v) => sett('dobbeltromFra', v)}
            feil={feilFor('eo-dobbeltrom-fra')}
          />
          <Tekstfelt
            id="eo-dobbeltrom-til"
            etikett="Dobbeltrom til og med (valgfri)"
            type="date"
            verdi={d.dobbeltromTil}
            endre={(v) => sett('dobbeltromTil', v)}
          />
          <Tekstfelt
            id="eo-opphoer-dato"
            etikett="Oppholdet opphørte (valgfri)"
            beskrivelse="Vederlag til og med denne dagen (§ 6 fjerde ledd)."
            type="date"
            verdi={d.opphoerDato}
            endre={(v) => sett('opphoerDato', v)}
            feil={feilFor('eo-opphoer-dato')}
          />
          <Valgfelt
            id="eo-opphoer-grunn"
            etikett="Grunn til at oppholdet opphørte"
            verdi={d.opphoerGrunn}
            endre={(v) => sett('opphoerGrunn', v as Etteroppgjoersskjema['opphoerGrunn'])}
            feil={feilFor('eo-opphoer-grunn')}
          >
            <option value="">Ikke opphørt</option>
            <option value="UTFLYTTING">Utflytting</option>
            <option value="DOEDSFALL">Dødsfall</option>
          </Valgfelt>
          <Tekstfelt
            id="eo-foreloepig"
            etikett="Det foreløpige vederlaget bygde på (valgfri)"
            beskrivelse="For eksempel «skatteoppgjøret for forrige år og Nav-pensjon»."
            verdi={d.foreloepig}
            endre={(v) => sett('foreloepig', v)}
            feil={feilFor('eo-foreloepig')}
          />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>Fakturert per måned i {aar}</Fieldset.Legend>
          <Fieldset.Description>
            Beløpet som ble fakturert for hver måned. Oppgi 0 for en måned beboeren bodde der uten å bli
            fakturert; la måneder før innflyttingen og etter at oppholdet opphørte stå tomme.
          </Fieldset.Description>
          <Table className="ig-tabell" data-size="sm">
            <caption className="ig-sr">Fakturert per måned i {aar}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Måned</Table.HeaderCell>
                <Table.HeaderCell>Fakturert (kr)</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {MAANEDSNAVN.map((navn, i) => {
                const id = maanedsfelt(i + 1);
                const f = feilFor(id);
                return (
                  <Table.Row key={navn}>
                    <Table.HeaderCell scope="row">
                      {navn} {aar}
                    </Table.HeaderCell>
                    <Table.Cell>
                      <Input
                        id={id}
                        aria-label={`Fakturert ${navn} ${aar}`}
                        inputMode="decimal"
                        size={12}
                        value={d.fakturert[i] ?? ''}
                        aria-invalid={f ? true : undefined}
                        aria-describedby={f ? `${id}-feil` : undefined}
                        onChange={(ev) =>
                          setD((x) => ({
                            ...x,
                            fakturert: x.fakturert.map((v, j) => (j === i ? ev.target.value : v)),
                          }))
                        }
                      />
                      {f ? (
                        <Paragraph id={`${id}-feil`} data-size="sm" className="ig-feiltekst">
                          {f}
                        </Paragraph>
                      ) : null}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </Fieldset>
        <Button type="submit" disabled={beregner}>
          {beregner ? <Spinner aria-hidden data-size="sm" /> : null}
          Beregn etteroppgjør
        </Button>
      </form>

      {resultat && e ? (
        <section ref={resultatRef} tabIndex={-1} aria-labelledby="eo-resultat-tittel" className="ig-resultat">
          <Heading level={2} data-size="md" id="eo-resultat-tittel">
            Etteroppgjør {e.inntektsaar}
          </Heading>
          <Alert data-color={e.resultat === 'INGEN_DIFFERANSE' ? 'info' : 'warning'}>
            <Heading level={3} data-size="sm">
              {e.resultat === 'BEBOEREN_SKYLDER'
                ? `Beboeren skylder ${kr(e.differanse)}`
                : e.resultat === 'TILBAKEBETALING'
                  ? `Beboeren skal ha tilbake ${kr(-e.differanse)}`
                  : 'Ingen differanse'}
            </Heading>
            <Paragraph>
              Endelig vederlag {kr(e.sumEndelig)} − fakturert {kr(e.sumFakturert)} = {kr(e.differanse)}.
            </Paragraph>
          </Alert>
          <Paragraph>{e.grunnlag.forklaring}</Paragraph>
          <Paragraph>{e.erstatter.forklaring}</Paragraph>
          {e.maanederOverMaksimum.length > 0 ? (
            <Alert data-color="danger">
              <Paragraph>
                Fakturert over det høyeste lovlige vederlaget:{' '}
                {e.maanederOverMaksimum.map(maanedsnavn).join(', ')}.
              </Paragraph>
            </Alert>
          ) : null}
          <Table className="ig-tabell" data-size="sm">
            <caption>Måned for måned</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Måned</Table.HeaderCell>
                <Table.HeaderCell>Dager med vederlag</Table.HeaderCell>
                <Table.HeaderCell>G</Table.HeaderCell>
                <Table.HeaderCell>Fribeløp</Table.HeaderCell>
                <Table.HeaderCell>Endelig</Table.HeaderCell>
                <Table.HeaderCell>Fakturert</Table.HeaderCell>
                <Table.HeaderCell>Differanse</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {e.maaneder.map((m) => (
                <Table.Row key={m.maaned}>
                  <Table.HeaderCell scope="row">
                    {maanedsnavn(m.maaned)}
                    {m.overMaksimum ? (
                      <>
                        {' '}
                        <Tag data-color="danger" data-size="sm">
                          Over maksimum
                        </Tag>
                      </>
                    ) : null}
                  </Table.HeaderCell>
                  <Table.Cell className="ig-tall">
                    {m.vederlagsdager} av {m.dagerIMaaneden}
                  </Table.Cell>
                  <Table.Cell className="ig-tall">
                    {m.satser.map((s) => kr(s.grunnbeloep)).join(' / ') || '—'}
                  </Table.Cell>
                  <Table.Cell className="ig-tall">
                    {m.satser
                      .map((s) => `${kr(s.fribeloep)}${s.dobbeltrom ? ' (dobbeltrom)' : ''}`)
                      .join(' / ') || '—'}
                  </Table.Cell>
                  <Table.Cell className="ig-tall">{kr(m.endelig)}</Table.Cell>
                  <Table.Cell className="ig-tall">{kr(m.fakturert)}</Table.Cell>
                  <Table.Cell className="ig-tall">{kr(m.differanse)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">Sum</Table.HeaderCell>
                <Table.Cell />
                <Table.Cell />
                <Table.Cell />
                <Table.Cell className="ig-tall">{kr(e.sumEndelig)}</Table.Cell>
                <Table.Cell className="ig-tall">{kr(e.sumFakturert)}</Table.Cell>
                <Table.Cell className="ig-tall">{kr(e.differanse)}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
          <Details>
            <Details.Summary>Forklaring måned for måned</Details.Summary>
            <Details.Content>
              <Paragraph>{e.forklaring}</Paragraph>
              <ul>
                {e.maaneder.map((m) => (
                  <li key={m.maaned}>
                    <strong>{maanedsnavn(m.maaned)}:</strong> {m.forklaring} ({m.hjemler.join('; ')})
                  </li>
                ))}
              </ul>
            </Details.Content>
          </Details>
          {resultat.r.advarsler.length > 0 ? (
            <Alert data-color="warning">
              <Heading level={3} data-size="xs">
                Advarsler
              </Heading>
              <ul>
                {resultat.r.advarsler.map((a) => (
                  <li key={`${a.kode}-${a.melding.slice(0, 40)}`}>{a.melding}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Button variant="secondary" type="button" onClick={() => void lastNedPdf()}>
            Last ned etteroppgjøret (PDF)
          </Button>
          {pdfStatus ? <Paragraph role="status">{pdfStatus}</Paragraph> : null}
        </section>
      ) : null}
    </div>
  );
}

export default Etteroppgjoersside;
