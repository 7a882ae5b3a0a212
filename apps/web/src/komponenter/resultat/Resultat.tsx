import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import type { Beregningsresultat } from '../../api/typer';
import { dato, tidspunkt } from '../../format';
import { tekster } from '../../tekster';
import { sluttMaalingVedNesteRamme } from '../../ytelse';
import {
  Advarsler,
  Avregning,
  Beregningstabell,
  Grunnlagsblokk,
  Hovedtall,
  Personer,
  Visningsposter,
} from './deler';

const r = tekster.resultat;

/** Copies text: the Clipboard API where allowed, else a selected textarea and the copy command. */
async function kopier(tekst: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(tekst);
    return true;
  } catch {
    const felt = document.createElement('textarea');
    felt.value = tekst;
    felt.setAttribute('readonly', '');
    felt.style.position = 'fixed';
    felt.style.opacity = '0';
    document.body.append(felt);
    felt.select();
    const ok = document.execCommand?.('copy') ?? false;
    felt.remove();
    return ok;
  }
}

/** Closed details print as their summary only: open them for printing, and close them again after. */
function useUtskrift(rot: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    let aapnet: HTMLDetailsElement[] = [];
    const foer = () => {
      aapnet = [...(rot.current?.querySelectorAll('details:not([open])') ?? [])] as HTMLDetailsElement[];
      for (const d of aapnet) d.open = true;
    };
    const etter = () => {
      for (const d of aapnet) d.open = false;
      aapnet = [];
    };
    window.addEventListener('beforeprint', foer);
    window.addEventListener('afterprint', etter);
    return () => {
      window.removeEventListener('beforeprint', foer);
      window.removeEventListener('afterprint', etter);
    };
  }, [rot]);
}

export function Resultat({
  resultat,
  lastNedPdf,
  flyttFokus,
  arkivering,
}: {
  resultat: Beregningsresultat;
  lastNedPdf: () => Promise<void>;
  /** Move focus to the result (after Beregn); false when the case worker is editing a field. */
  flyttFokus: boolean;
  /** Journaling in the archive, shown under the result's actions. */
  arkivering?: React.ReactNode;
}) {
  const overskrift = useRef<HTMLHeadingElement>(null);
  const rot = useRef<HTMLElement>(null);
  const [status, setStatus] = useState('');
  const [lagerPdf, setLagerPdf] = useState(false);
  useUtskrift(rot);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new result, which is what it announces
  useEffect(() => {
    const avbryt = sluttMaalingVedNesteRamme();
    if (flyttFokus) overskrift.current?.focus();
    else setStatus(r.oppdatert);
    return avbryt;
  }, [resultat, flyttFokus]);

  const { utfoert } = resultat;
  const grunnlagstekst =
    utfoert.grunnlag === 'GJENBRUKT'
      ? r.grunnlagGjenbrukt(tidspunkt(utfoert.grunnlagHentet ?? utfoert.tidspunkt))
      : utfoert.grunnlag === 'HENTET'
        ? r.grunnlagHentet
        : r.grunnlagForespoersel;

  return (
    <section aria-labelledby="resultat-tittel" className="ig-resultat" ref={rot}>
      <Heading level={2} data-size="lg" id="resultat-tittel" tabIndex={-1} ref={overskrift}>
        {r.tittel}: {tekster.beregningstyper[resultat.beregningstype]}, {resultat.inntektsaar}
      </Heading>

      <Hovedtall resultat={resultat} />
      <Advarsler advarsler={resultat.advarsler} personer={resultat.personer} />

      <Paragraph data-size="sm" className="ig-utfoert">
        {r.utfoertAv(utfoert.aktoer.visningsnavn, tidspunkt(utfoert.tidspunkt))} {grunnlagstekst}{' '}
        {r.beregningsdato(dato(resultat.beregningsdato), resultat.beregningsdatoKilde === 'DAGENS_DATO')}
      </Paragraph>

      <div className="ig-handlinger ig-skjul-utskrift">
        <Button
          variant="primary"
          type="button"
          loading={lagerPdf}
          onClick={async () => {
            setLagerPdf(true);
            setStatus(r.lagerPdf);
            try {
              await lastNedPdf();
              setStatus(r.pdfLastet);
            } catch (e) {
              setStatus(e instanceof Error ? e.message : tekster.feil.tittel);
            } finally {
              setLagerPdf(false);
            }
          }}
        >
          {r.lastNedPdf}
        </Button>
        <Button
          variant="secondary"
          type="button"
          onClick={async () => {
            const ok = await kopier(JSON.stringify(resultat, null, 2));
            setStatus(ok ? r.kopiert : r.kopieringFeilet);
          }}
        >
          {r.kopierJson}
        </Button>
        <Button variant="secondary" type="button" onClick={() => window.print()}>
          {r.skrivUt}
        </Button>
      </div>
      <p role="status" className="ig-status">
        {status}
      </p>
      {arkivering}

      <Heading level={3} data-size="sm">
        {r.personer}
      </Heading>
      <Personer personer={resultat.personer} />

      <Heading level={3} data-size="sm">
        {r.beregningstabell}
      </Heading>
      <Beregningstabell tabell={resultat.tabell} />

      <Heading level={3} data-size="sm">
        {r.grunnlag}
      </Heading>
      <Grunnlagsblokk
        tittel={r.inntekt}
        grupper={resultat.inntekt.grupper}
        perPerson={resultat.inntekt.perPerson}
        sum={resultat.inntekt.beloep}
        personer={resultat.personer}
      />
      <Grunnlagsblokk
        tittel={r.fradrag}
        grupper={resultat.fradrag.grupper}
        perPerson={resultat.fradrag.perPerson}
        sum={resultat.fradrag.beloep}
        personer={resultat.personer}
      />
      {resultat.mellomregninger.length > 0 ? (
        <Grunnlagsblokk
          tittel={r.mellomregninger}
          grupper={resultat.mellomregninger}
          personer={resultat.personer}
        />
      ) : null}

      {utfoert.avregning ? (
        <>
          <Heading level={3} data-size="sm">
            {r.avregning}
          </Heading>
          <Avregning resultat={resultat} />
        </>
      ) : null}

      <Heading level={3} data-size="sm">
        {r.visningsposter}
      </Heading>
      <Visningsposter resultat={resultat} />
    </section>
  );
}
