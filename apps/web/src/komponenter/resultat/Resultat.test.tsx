// @vitest-environment jsdom
import { beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { BEREGNERE } from '@inntektsgrunnlag/oppslag';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ks from '../../../../../examples/langtidsopphold-ks-2023.json';
import type { Beregningsresultat } from '../../api/typer';
import { Resultat } from './Resultat';

/** The KS example computed by the real rules, with the envelope the API adds. */
function ksResultat(endring: Partial<Beregningsresultat> = {}): Beregningsresultat {
  const r = beregnForesporsel(BEREGNERE.LANGTIDSOPPHOLD_INSTITUSJON, ks, { idag: '2026-11-27' });
  // As the API gives them after a lookup: named from Folkeregisteret.
  const navn: Record<string, { fornavn: string; etternavn: string }> = {
    '04817299771': { fornavn: 'UPERSONLIG', etternavn: 'PÅFUNN' },
    '27847099416': { fornavn: 'OPPRIKTIG', etternavn: 'DAMESYKKEL' },
  };
  return {
    ...(r as unknown as Beregningsresultat),
    personer: r.personer.map((p) => ({
      ...p,
      navn: navn[p.identifikator],
    })) as Beregningsresultat['personer'],
    utfoert: {
      tidspunkt: '2026-11-27T10:00:00.000Z',
      aktoer: { type: 'BRUKER', id: 'demo', visningsnavn: 'Rolig Hjort (demo)' },
      rolleId: 'demo-langtidsopphold',
      tjenesteomraade: 'LANGTIDSOPPHOLD',
      avregning: true,
      revidert: true,
      grunnlag: 'FORESPOERSEL',
    },
    ...endring,
  };
}

describe('Resultat', () => {
  it('puts the fee first and large, then the basis, and names the paragraph behind each step', () => {
    const resultat = ksResultat();
    render(<Resultat resultat={resultat} lastNedPdf={async () => undefined} flyttFokus />);
    const region = screen.getByRole('region', { name: /^Resultat: Vederlag for langtidsopphold/ });
    expect(within(region).getByRole('heading', { level: 2 })).toHaveFocus();
    const foerste = resultat.hovedtall[0];
    expect(within(region).getByTestId('avgift').textContent).toBe(
      `${new Intl.NumberFormat('nb-NO').format(foerste?.beloep ?? Number.NaN)}\u00a0kr`,
    );
    expect(within(region).getByTestId('beregningsgrunnlag')).toHaveTextContent(/^567\s127\skr$/);

    const tabell = within(region).getByRole('table', {
      name: 'Vederlag for langtidsopphold i institusjon, inntektsår 2023',
    });
    const rader = within(tabell).getAllByRole('row');
    const grunnlag = rader.find(
      (r) => /Beregningsgrunnlag/.test(r.textContent ?? '') && /567\s127/.test(r.textContent ?? ''),
    );
    expect(grunnlag).toBeDefined();
    expect(within(grunnlag as HTMLElement).getByText(/egenandelsforskriften § 3/)).toBeInTheDocument();
  });

  it('shows the basis per person, every display group collapsed, and avregning where allowed', async () => {
    render(<Resultat resultat={ksResultat()} lastNedPdf={async () => undefined} flyttFokus={false} />);
    const inntekt = screen.getByRole('table', { name: 'Inntekt' });
    expect(within(inntekt).getByRole('columnheader', { name: 'UPERSONLIG PÅFUNN' })).toBeInTheDocument();
    expect(within(inntekt).getByRole('row', { name: /Sum per person/ })).toHaveTextContent(/801\s718\skr/);

    const gruppe = screen.getByText(/^Inntekt \(\d+ poster\)$/);
    const details = gruppe.closest('details');
    expect(details).not.toHaveAttribute('open');
    await userEvent.click(gruppe);
    expect(details).toHaveAttribute('open');

    const avregning = screen.getByRole('table', { name: 'Avregning' });
    expect(within(avregning).getByText('For mye innbetalt skatt - til utbetaling')).toBeInTheDocument();
  });

  it('hides avregning for a role without it, and names warnings by person', () => {
    const resultat = ksResultat({
      advarsler: [
        { kode: 'UTKAST_BRUKT', melding: 'Grunnlaget bygger på utkastet.', identifikator: '04817299771' },
        {
          kode: 'SKJERMET_PERSON',
          melding: 'Personen har adressebeskyttelse.',
          identifikator: '27847099416',
        },
        { kode: 'UKJENT_POST', melding: 'Posten «x» finnes ikke.' },
        { kode: 'NY_KODE', melding: 'En melding produktet ikke kjenner koden til.' },
      ],
    });
    resultat.utfoert.avregning = false;
    render(<Resultat resultat={resultat} lastNedPdf={async () => undefined} flyttFokus={false} />);
    expect(screen.queryByRole('heading', { name: 'Avregning' })).not.toBeInTheDocument();
    const merknader = screen.getByRole('heading', { name: 'Merknader' }).closest('.ds-alert') as HTMLElement;
    const punkter = within(merknader)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(punkter).toEqual([
      'Utkast brukt (UPERSONLIG PÅFUNN): Grunnlaget bygger på utkastet.',
      'Skjermet person (OPPRIKTIG DAMESYKKEL): Personen har adressebeskyttelse.',
      'Ukjent post: Posten «x» finnes ikke.',
      'En melding produktet ikke kjenner koden til.',
    ]);
    expect(merknader).toHaveAttribute('data-color', 'danger');
  });

  it('downloads the PDF and copies the result as JSON, and says so', async () => {
    const lastNedPdf = vi.fn(async () => undefined);
    const resultat = ksResultat();
    const skriv = vi.fn(async (_t: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: skriv }, configurable: true });
    render(<Resultat resultat={resultat} lastNedPdf={lastNedPdf} flyttFokus={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Last ned PDF' }));
    expect(lastNedPdf).toHaveBeenCalledOnce();
    expect(await screen.findByText('PDF-en er lastet ned.')).toHaveAttribute('role', 'status');
    await userEvent.click(screen.getByRole('button', { name: 'Kopier som JSON' }));
    expect(JSON.parse(skriv.mock.calls[0]?.[0] ?? '')).toEqual(resultat);
    expect(await screen.findByText('Resultatet er kopiert som JSON.')).toBeInTheDocument();
  });
});
