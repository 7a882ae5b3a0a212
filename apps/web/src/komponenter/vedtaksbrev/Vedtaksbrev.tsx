import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Textarea,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { ApiFeil, type Klient } from '../../api/klient';
import type { Beregningsforespoersel, Vedtaksbrevfelt, Vedtaksbrevinnhold } from '../../api/typer';
import { tekster } from '../../tekster';
import { setning, Tekstfelt } from '../felt';
import { Brevvisning } from './Brevvisning';

const t = tekster.vedtaksbrev;

/** The ids of the letter's inputs, by the API's field name (vedtaksbrev.<felt>). */
const FELT_ID: Record<string, string> = {
  'vedtaksbrev.spraak': 'vedtaksbrev-spraak',
  'vedtaksbrev.vurderinger': 'vedtaksbrev-vurderinger',
  'vedtaksbrev.gjelderFra': 'vedtaksbrev-gjelderFra',
};

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
 * «Vedtaksbrev» under a result: the case worker chooses the standard, writes the considerations and
 * (optionally) the start date, previews the letter as HTML from the same content the PDF renders,
 * and downloads the PDF/A. Each call runs the beregning again on the kept basis (no new lookup).
 */
export function Vedtaksbrev({
  klient,
  foresporsel,
  utlogget,
  endret,
}: {
  klient: Klient;
  /** The result's request, with its grunnlagsreferanse. */
  foresporsel: Beregningsforespoersel;
  utlogget: () => void;
  /** Told the letter's fields whenever they change (journaling an outgoing letter uses the same). */
  endret?: (felt: Vedtaksbrevfelt) => void;
}) {
  const [spraak, setSpraak] = useState<'' | 'nb' | 'nn'>('');
  const [vurderinger, setVurderinger] = useState('');
  const [gjelderFra, setGjelderFra] = useState('');
  const [brev, setBrev] = useState<{ innhold: Vedtaksbrevinnhold; felt: string } | null>(null);
  const [feltfeil, setFeltfeil] = useState<Record<string, string>>({});
  const [generellFeil, setGenerellFeil] = useState<ApiFeil | null>(null);
  const [status, setStatus] = useState('');
  const [arbeider, setArbeider] = useState<'forhaandsvis' | 'pdf' | null>(null);

  const felt: Vedtaksbrevfelt = {
    ...(spraak ? { spraak } : {}),
    ...(vurderinger.trim() ? { vurderinger } : {}),
    ...(gjelderFra ? { gjelderFra } : {}),
  };
  const feltnoekkel = JSON.stringify(felt);
  const foresporselNoekkel = JSON.stringify(foresporsel);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the fields it is made of
  useEffect(() => {
    endret?.(felt);
  }, [feltnoekkel, endret]);

  // A new beregning makes the preview stale: it is dropped rather than shown for the wrong result.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the request changes, which is what it reacts to
  useEffect(() => {
    setBrev(null);
  }, [foresporselNoekkel]);

  const kjoer = async (hva: 'forhaandsvis' | 'pdf') => {
    if (arbeider) return;
    setArbeider(hva);
    setGenerellFeil(null);
    setStatus(hva === 'pdf' ? t.lagerPdf : t.lagerForhaandsvisning);
    try {
      if (hva === 'pdf') {
        const { blob, filnavn } = await klient.vedtaksbrevPdf(foresporsel, felt);
        lastNed(blob, filnavn ?? 'vedtaksbrev.pdf');
        setStatus(t.pdfLastet);
      } else {
        const svar = await klient.vedtaksbrev(foresporsel, felt);
        setBrev({ innhold: svar.vedtaksbrev, felt: feltnoekkel });
        if (!spraak) setSpraak(svar.vedtaksbrev.spraak);
        setStatus(t.forhaandsvisningKlar);
      }
      setFeltfeil({});
    } catch (e) {
      if (!(e instanceof ApiFeil)) throw e;
      if (e.status === 401) {
        utlogget();
        return;
      }
      const mine = Object.fromEntries(
        e.errors.filter((f) => FELT_ID[f.felt]).map((f) => [FELT_ID[f.felt] as string, f.melding]),
      );
      setFeltfeil(mine);
      if (Object.keys(mine).length === 0 || e.errors.some((f) => !FELT_ID[f.felt])) setGenerellFeil(e);
      setStatus(t.feilTittel);
    } finally {
      setArbeider(null);
    }
  };

  return (
    <section aria-labelledby="vedtaksbrev-tittel" className="ig-vedtaksbrev ig-skjul-utskrift">
      <Heading level={2} data-size="md" id="vedtaksbrev-tittel">
        {t.tittel}
      </Heading>
      <Paragraph>{t.ingress}</Paragraph>

      <Fieldset className="ig-radiogruppe">
        <Fieldset.Legend>{t.maalform}</Fieldset.Legend>
        <Fieldset.Description>{t.maalformBeskrivelse}</Fieldset.Description>
        {(['nb', 'nn'] as const).map((s, i) => (
          <Radio
            key={s}
            id={i === 0 ? 'vedtaksbrev-spraak' : undefined}
            name="vedtaksbrev-spraak"
            value={s}
            label={s === 'nb' ? t.bokmaal : t.nynorsk}
            checked={spraak === s}
            onChange={() => setSpraak(s)}
          />
        ))}
        {feltfeil['vedtaksbrev-spraak'] ? (
          <ValidationMessage>{setning(feltfeil['vedtaksbrev-spraak'])}</ValidationMessage>
        ) : null}
      </Fieldset>

      <Field>
        <Label>{t.vurderinger}</Label>
        <Field.Description>{t.vurderingerBeskrivelse}</Field.Description>
        <Textarea
          id="vedtaksbrev-vurderinger"
          rows={5}
          value={vurderinger}
          onChange={(e) => setVurderinger(e.target.value)}
          aria-invalid={feltfeil['vedtaksbrev-vurderinger'] ? true : undefined}
        />
        {feltfeil['vedtaksbrev-vurderinger'] ? (
          <ValidationMessage>{setning(feltfeil['vedtaksbrev-vurderinger'])}</ValidationMessage>
        ) : null}
      </Field>

      <Tekstfelt
        id="vedtaksbrev-gjelderFra"
        etikett={t.gjelderFra}
        beskrivelse={t.gjelderFraBeskrivelse}
        type="date"
        verdi={gjelderFra}
        endre={setGjelderFra}
        feil={feltfeil['vedtaksbrev-gjelderFra']}
      />

      {generellFeil ? (
        <Alert data-color="danger" className="ig-feil">
          <Heading level={3} data-size="xs">
            {t.feilTittel}
          </Heading>
          <Paragraph>{setning(generellFeil.detalj || generellFeil.tittel)}</Paragraph>
        </Alert>
      ) : null}

      <div className="ig-handlinger">
        <Button
          variant="secondary"
          type="button"
          loading={arbeider === 'forhaandsvis'}
          onClick={() => kjoer('forhaandsvis')}
        >
          {t.forhaandsvis}
        </Button>
        <Button variant="primary" type="button" loading={arbeider === 'pdf'} onClick={() => kjoer('pdf')}>
          {t.lastNed}
        </Button>
      </div>
      <p role="status" className="ig-status">
        {status}
      </p>

      {brev && brev.felt !== feltnoekkel ? (
        <Alert data-color="info">
          <Paragraph>{t.utdatert}</Paragraph>
        </Alert>
      ) : null}
      {brev && !brev.innhold.mottaker ? (
        <Alert data-color="warning">
          <Paragraph>{t.mottakerSkjermet}</Paragraph>
        </Alert>
      ) : null}
      {brev ? <Brevvisning brev={brev.innhold} etikett={t.forhaandsvisning} /> : null}
    </section>
  );
}
