import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { ApiFeil, type Klient } from '../../api/klient';
import type {
  Arkivforsendelse,
  Arkivoppsett,
  Arkivvalg,
  Beregningsforespoersel,
  Beregningsresultat,
  Vedtaksbrevfelt,
} from '../../api/typer';
import { tekster } from '../../tekster';
import { setning, Tekstfelt } from '../felt';

const t = tekster.arkiv;

/** A status the archive will not change by itself: the receipt came, an error, or the time is up. */
const ENDELIG = new Set<Arkivforsendelse['status']>(['JOURNALFOERT', 'FEILET', 'INGEN_KVITTERING']);
const POLL_MS = 1000;

/** The case number from the case's reference when it looks like one ("2026/123"). */
function saksnummerFra(referanse: string | undefined): string {
  return referanse && /^\d{4}\/\d{1,10}$/.test(referanse.trim()) ? referanse.trim() : '';
}

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
 * Journaling the result (issue 21): the case worker picks the journalpost type and the case, and sends
 * to the archive through Fiks Arkiv (when set up) or downloads the package for manual import. After
 * sending, the status is followed until the archive's receipt shows «Journalført: <id>», or an error or
 * a missing receipt offers «Send igjen» (the archive knows the sending again: no second journalpost).
 */
export function Arkivering({
  klient,
  resultat,
  foresporsel,
  vedtaksbrev,
}: {
  klient: Klient;
  resultat: Beregningsresultat;
  /** The request the result came from (with its grunnlagsreferanse: no new lookup). */
  foresporsel: () => Beregningsforespoersel;
  /** The letter's fields as the case worker has them under «Vedtaksbrev»: an outgoing letter's main document. */
  vedtaksbrev?: () => Vedtaksbrevfelt;
}) {
  const [oppsett, setOppsett] = useState<Arkivoppsett | null>(null);
  const [type, setType] = useState<'U' | 'X' | 'N'>('X');
  const [mappe, setMappe] = useState<'EKSISTERENDE' | 'NY'>(
    saksnummerFra(resultat.utfoert.saksreferanse) ? 'EKSISTERENDE' : 'NY',
  );
  const [saksnummer, setSaksnummer] = useState(saksnummerFra(resultat.utfoert.saksreferanse));
  const [partnavn, setPartnavn] = useState('');
  const [feltfeil, setFeltfeil] = useState<{ saksnummer?: string; partnavn?: string }>({});
  const [forsendelse, setForsendelse] = useState<Arkivforsendelse | null>(null);
  /** Counts the answers to status requests: each one schedules the next while the sending waits. */
  const [svar, setSvar] = useState(0);
  const [arbeider, setArbeider] = useState<'SENDER' | 'LASTER_NED' | null>(null);
  const [status, setStatus] = useState('');
  const [feil, setFeil] = useState<string | null>(null);
  const aktiv = useRef(true);

  const soeker = resultat.personer.find((p) => p.type === 'SOEKER') ?? resultat.personer[0];
  const trengerNavn = !soeker?.navn;

  useEffect(() => {
    aktiv.current = true;
    klient
      .arkivoppsett()
      .then((o) => aktiv.current && setOppsett(o))
      .catch(() => aktiv.current && setOppsett(null));
    return () => {
      aktiv.current = false;
    };
  }, [klient]);

  // Follow a sending until the archive has answered for good (or the time for its receipt is up).
  const forsendelseId = forsendelse?.id;
  const endelig = forsendelse ? ENDELIG.has(forsendelse.status) : true;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `svar` schedules the next status request
  useEffect(() => {
    if (!forsendelseId || endelig) return;
    const timer = setTimeout(() => {
      klient
        .arkivforsendelse(forsendelseId)
        .then((f) => {
          if (!aktiv.current) return;
          setForsendelse(f);
          setSvar((n) => n + 1);
        })
        .catch(
          (e: unknown) =>
            aktiv.current && setFeil(e instanceof ApiFeil ? e.detalj || e.tittel : tekster.feil.tittel),
        );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [klient, forsendelseId, endelig, svar]);

  // Announce each new state once, in the live region.
  useEffect(() => {
    if (!forsendelse) return;
    if (forsendelse.status === 'SENDT' || forsendelse.status === 'SENDES') setStatus(t.venter);
    else if (forsendelse.status === 'MOTTATT') setStatus(t.mottatt);
    else if (forsendelse.status === 'JOURNALFOERT' && forsendelse.journalpost) {
      setStatus(t.journalfoert(forsendelse.journalpost.id));
    } else setStatus('');
  }, [forsendelse]);

  /** The choice, or null with the faults shown under their fields. */
  function valg(): Arkivvalg | null {
    const f: { saksnummer?: string; partnavn?: string } = {};
    const m = /^(\d{4})\/(\d{1,10})$/.exec(saksnummer.trim());
    if (mappe === 'EKSISTERENDE' && !m) f.saksnummer = t.saksnummerFeil;
    if (trengerNavn && !partnavn.trim()) f.partnavn = t.partnavnFeil;
    setFeltfeil(f);
    if (f.saksnummer || f.partnavn) return null;
    return {
      journalposttype: type,
      saksmappe:
        mappe === 'EKSISTERENDE' && m
          ? { type: 'EKSISTERENDE', saksaar: Number(m[1]), sakssekvensnummer: Number(m[2]) }
          : { type: 'NY' },
      ...(trengerNavn ? { partnavn: partnavn.trim() } : {}),
    };
  }

  const apiFeil = (e: unknown) => {
    if (!(e instanceof ApiFeil)) throw e;
    const felt = e.errors.find((x) => x.felt.startsWith('arkiv.'));
    // The letter's faults are fixed under «Vedtaksbrev»: say so, with the field's message.
    const brev = e.errors.filter((x) => x.felt === 'vedtaksbrev' || x.felt.startsWith('vedtaksbrev.'));
    if (!felt && brev.length > 0) {
      setFeil(t.brevfeil(brev.map((x) => setning(x.melding).replace(/([^.!?])$/, '$1.')).join(' ')));
      return;
    }
    setFeil(setning(felt ? felt.melding : e.detalj || e.tittel));
  };

  /** The letter's fields for an outgoing letter; nothing for a note (the API refuses them there). */
  const brevfelt = (v: Arkivvalg): Vedtaksbrevfelt | undefined =>
    v.journalposttype === 'U' ? (vedtaksbrev?.() ?? {}) : undefined;

  async function send() {
    const v = valg();
    if (!v || arbeider) return;
    setArbeider('SENDER');
    setFeil(null);
    setStatus(t.sender);
    try {
      setForsendelse(await klient.sendTilArkiv(foresporsel(), v, brevfelt(v)));
    } catch (e) {
      setStatus('');
      apiFeil(e);
    } finally {
      setArbeider(null);
    }
  }

  async function sendIgjen() {
    if (!forsendelse || arbeider) return;
    setArbeider('SENDER');
    setFeil(null);
    setStatus(t.sender);
    try {
      setForsendelse(await klient.sendTilArkivIgjen(forsendelse.id));
    } catch (e) {
      setStatus('');
      apiFeil(e);
    } finally {
      setArbeider(null);
    }
  }

  async function pakke() {
    const v = valg();
    if (!v || arbeider) return;
    setArbeider('LASTER_NED');
    setFeil(null);
    setStatus(t.lasterNed);
    try {
      const { blob, filnavn } = await klient.arkivpakke(foresporsel(), v, brevfelt(v));
      lastNed(blob, filnavn ?? 'arkivpakke.zip');
      setStatus(t.lastetNed);
    } catch (e) {
      setStatus('');
      apiFeil(e);
    } finally {
      setArbeider(null);
    }
  }

  const typer = oppsett?.journalposttyper ?? ['X', 'N'];
  const fiksArkiv = oppsett?.fiksArkiv === true;
  const minutter = Math.max(1, Math.round((oppsett?.kvitteringsfristSekunder ?? 300) / 60));
  // A new sending only when none is under way or the archive refused the last one: after «no receipt»
  // the archive may have journaled it, and only «Send igjen» (the same key) is safe.
  const kanVelge = forsendelse === null || forsendelse.status === 'FEILET';

  return (
    <section aria-labelledby="arkiv-tittel" className="ig-arkiv ig-skjul-utskrift">
      <Heading level={3} data-size="sm" id="arkiv-tittel">
        {t.tittel}
      </Heading>
      <Paragraph data-size="sm">{fiksArkiv ? t.ingressFiksArkiv : t.ingressUtenArkiv}</Paragraph>
      {kanVelge ? (
        <>
          <div className="ig-arkiv__valg">
            <Fieldset>
              <Fieldset.Legend>{t.journalpost}</Fieldset.Legend>
              {(['X', 'N', 'U'] as const)
                .filter((x) => typer.includes(x))
                .map((x) => (
                  <Radio
                    key={x}
                    name="arkiv-journalposttype"
                    value={x}
                    label={`${t.typer[x]} (${x})`}
                    description={t.typebeskrivelse[x]}
                    checked={type === x}
                    onChange={() => setType(x)}
                  />
                ))}
            </Fieldset>
            <Fieldset>
              <Fieldset.Legend>{t.saksmappe}</Fieldset.Legend>
              <Radio
                name="arkiv-saksmappe"
                value="EKSISTERENDE"
                label={t.eksisterende}
                checked={mappe === 'EKSISTERENDE'}
                onChange={() => setMappe('EKSISTERENDE')}
              />
              <Radio
                name="arkiv-saksmappe"
                value="NY"
                label={t.ny}
                description={t.nyBeskrivelse}
                checked={mappe === 'NY'}
                onChange={() => setMappe('NY')}
              />
            </Fieldset>
          </div>
          {mappe === 'EKSISTERENDE' ? (
            <Tekstfelt
              id="arkiv-saksnummer"
              etikett={t.saksnummer}
              beskrivelse={t.saksnummerBeskrivelse}
              feil={feltfeil.saksnummer}
              verdi={saksnummer}
              endre={setSaksnummer}
              inputMode="text"
              size={12}
            />
          ) : null}
          {trengerNavn ? (
            <Tekstfelt
              id="arkiv-partnavn"
              etikett={t.partnavn}
              beskrivelse={t.partnavnBeskrivelse}
              feil={feltfeil.partnavn}
              verdi={partnavn}
              endre={setPartnavn}
              autoComplete="off"
            />
          ) : null}
        </>
      ) : null}
      <div className="ig-handlinger">
        {fiksArkiv && kanVelge ? (
          <Button
            id="send-til-arkiv"
            type="button"
            loading={arbeider === 'SENDER' && !forsendelse}
            aria-disabled={arbeider !== null || undefined}
            onClick={() => void send()}
          >
            {t.send}
          </Button>
        ) : null}
        <Button
          id="last-ned-arkivpakke"
          variant="secondary"
          type="button"
          loading={arbeider === 'LASTER_NED'}
          aria-disabled={arbeider !== null || undefined}
          onClick={() => void pakke()}
        >
          {t.lastNed}
        </Button>
      </div>
      <p role="status" className="ig-status" id="arkiv-status">
        {status}
      </p>
      {feil ? (
        <Alert data-color="danger">
          <Paragraph>{feil}</Paragraph>
        </Alert>
      ) : null}
      {forsendelse?.status === 'JOURNALFOERT' && forsendelse.journalpost ? (
        <Alert data-color="success" id="arkiv-journalfoert">
          <Heading level={4} data-size="xs">
            {t.journalfoert(forsendelse.journalpost.id)}
          </Heading>
          {t.journalfoertDetalj(
            forsendelse.journalpost.saksnummer,
            forsendelse.journalpost.journalpostnummer,
          ) ? (
            <Paragraph>
              {setning(
                t.journalfoertDetalj(
                  forsendelse.journalpost.saksnummer,
                  forsendelse.journalpost.journalpostnummer,
                ),
              )}
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {forsendelse && (forsendelse.status === 'FEILET' || forsendelse.status === 'INGEN_KVITTERING') ? (
        <Alert data-color={forsendelse.status === 'FEILET' ? 'danger' : 'warning'} id="arkiv-feil">
          <Heading level={4} data-size="xs">
            {forsendelse.status === 'INGEN_KVITTERING'
              ? t.ingenKvittering(minutter)
              : forsendelse.feil?.type === 'SENDING'
                ? t.sendefeil
                : t.feilet}
          </Heading>
          {forsendelse.status === 'FEILET' && forsendelse.feil ? (
            <Paragraph>{setning(forsendelse.feil.melding)}</Paragraph>
          ) : null}
          {forsendelse.kanSendesIgjen ? (
            <>
              <Paragraph data-size="sm">{t.sendIgjenHjelp}</Paragraph>
              <Button
                id="send-til-arkiv-igjen"
                type="button"
                variant="secondary"
                loading={arbeider === 'SENDER'}
                aria-disabled={arbeider !== null || undefined}
                onClick={() => void sendIgjen()}
              >
                {t.sendIgjen}
              </Button>
            </>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
