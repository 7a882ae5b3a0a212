// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Klient } from '../api/klient';
import type { Rolle, Satstabell } from '../api/typer';
import { lesVerdi, Satsside } from './Satsside';

const ROLLE: Rolle = {
  id: 'satser',
  navn: 'Satsforvalter',
  tjenesteomraade: 'SATSFORVALTNING',
  beregningstyper: [],
  avregning: false,
};

const sats = (id: string, innlagtAv: string, kanGodkjennes: boolean) => ({
  id,
  tabell: 'langtidsopphold.fribeloep',
  gyldigFra: '2026-01-01',
  dekketTil: '2026-12-31',
  verdi: 11000,
  kilde: { tittel: 'Rundskriv (test)' },
  verifisert: '2026-01-02',
  innlagtAv: { id: innlagtAv, navn: innlagtAv },
  innlagt: '2026-01-02T08:00:00Z',
  godkjenning: null,
  status: 'VENTER_PAA_GODKJENNING' as const,
  kanGodkjennes,
});

const TABELL: Satstabell = {
  navn: 'langtidsopphold.fribeloep',
  beskrivelse: 'Fribeløp ved langtidsopphold i institusjon (per år)',
  verdiform: 'som 10450',
  innebygdFra: '2018-01-01',
  innebygdTil: '2025-12-31',
  dekketTil: '2025-12-31',
  nesteGyldigFra: '2026-01-01',
  sisteVerdi: { gyldigFra: '2025-01-01', verdi: 10450, kilde: { tittel: 'x' } },
  satser: [sats('egen', 'Meg', false), sats('annen', 'Kollega', true)],
};

function api() {
  const kall: Array<{ metode: string; sti: string; kropp: unknown }> = [];
  const hent = (async (sti: string, init?: RequestInit) => {
    const metode = init?.method ?? 'GET';
    const kropp = init?.body ? JSON.parse(String(init.body)) : undefined;
    kall.push({ metode, sti, kropp });
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
      });
    if (metode === 'GET') return json(200, { tabeller: [TABELL] });
    if (sti === '/api/v1/satser') {
      return json(400, {
        title: 'Ugyldig forespørsel',
        detail: 'x',
        errors: [{ felt: 'verdi', melding: 'har ikke tabellens form (som 10450): må være et beløp' }],
      });
    }
    return json(200, { ...sats('annen', 'Kollega', false), godkjenning: { av: { id: 'meg', navn: 'Meg' } } });
  }) as typeof fetch;
  return { kall, hent };
}

describe('the rate administrator’s page', () => {
  it('offers approval of another’s entry only, and posts it', async () => {
    const a = api();
    render(<Satsside klient={new Klient({}, a.hent)} rolle={ROLLE} />);
    const venter = await screen.findByRole('region', { name: 'Venter på godkjenning' });
    const rader = await within(venter).findAllByRole('row');
    expect(within(rader[1] as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(rader[1] as HTMLElement).getByText(/Du la inn denne/)).toBeInTheDocument();
    await userEvent.click(
      within(rader[2] as HTMLElement).getByRole('button', { name: /^Godkjenn Fribeløp/ }),
    );
    expect(a.kall.find((k) => k.metode === 'POST')?.sti).toBe('/api/v1/satser/annen/godkjenning');
    expect(
      await screen.findByText(/^Godkjent: langtidsopphold\.fribeloep fra 01\.01\.2026/),
    ).toBeInTheDocument();
  });

  it('proposes the day after the coverage, and shows the API’s field error at the field', async () => {
    const a = api();
    const bruker = userEvent.setup();
    render(<Satsside klient={new Klient({}, a.hent)} rolle={ROLLE} />);
    await bruker.selectOptions(await screen.findByLabelText('Tabell'), 'langtidsopphold.fribeloep');
    expect(screen.getByLabelText('Gjelder fra')).toHaveValue('2026-01-01');
    await bruker.type(screen.getByLabelText('Verdi'), 'tusen');
    await bruker.click(screen.getByRole('button', { name: 'Legg inn' }));
    expect(await screen.findByRole('link', { name: /^Verdi: har ikke tabellens form/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Verdi')).toHaveAttribute('aria-invalid', 'true');
    expect(a.kall.find((k) => k.metode === 'POST')?.kropp).toMatchObject({
      tabell: 'langtidsopphold.fribeloep',
      gyldigFra: '2026-01-01',
      verdi: 'tusen',
    });
  });

  it('reads the value as JSON where it is, whole kroner with spaces as a number', () => {
    expect(lesVerdi('700 000')).toBe(700000);
    expect(lesVerdi('{"ordinaer":1200}')).toEqual({ ordinaer: 1200 });
    expect(lesVerdi('[1,2,3]')).toEqual([1, 2, 3]);
    expect(lesVerdi('0.3')).toBe(0.3);
    expect(lesVerdi('tusen')).toBe('tusen');
  });
});
