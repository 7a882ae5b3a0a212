// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Klient } from '../../api/klient';
import type { Beregningsforespoersel, Vedtaksbrevinnhold } from '../../api/typer';
import { Vedtaksbrev } from './Vedtaksbrev';

const FORESPOERSEL: Beregningsforespoersel = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  inntektsaar: 2023,
  beregningsdato: '2024-06-01',
  personer: [{ identifikator: '04817299771', type: 'SOEKER' }],
  grunnlagsreferanse: 'ref-1',
};

/** A letter's content in the shape the API answers (apps/api openapi Vedtaksbrevinnhold). */
const BREV: Vedtaksbrevinnhold = {
  spraak: 'nn',
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  tittel: 'Vedtak om vederlag for langtidsopphald i institusjon',
  vedtaksdato: '2026-12-07',
  vedtaksdatoTekst: '7. desember 2026',
  avsender: { kommunenavn: 'Testkommune', linjer: ['Postboks 1'] },
  mottaker: { navn: 'UPERSONLIG PÅFUNN', adresselinjer: [] },
  referanser: [{ etikett: 'Dato', verdi: '7. desember 2026' }],
  deler: [
    {
      id: 'vedtak',
      nivaa: 1,
      overskrift: 'Vedtak',
      innhold: [
        { type: 'avsnitt', tekst: 'Du skal betale kr 25 000 per månad.' },
        {
          type: 'beloep',
          rader: [{ tekst: 'Vederlag per månad', beloep: 'kr 25 000', merknad: 'frå 1. juni 2024' }],
        },
      ],
    },
    {
      id: 'fakta',
      nivaa: 2,
      overskrift: 'Opplysningane',
      innhold: [{ type: 'fakta', rader: [{ etikett: 'Inntektsår', verdi: '2023' }] }],
    },
    {
      id: 'regler',
      nivaa: 2,
      overskrift: 'Reglane',
      innhold: [{ type: 'liste', punkter: ['egenandelsforskriften § 3'] }],
    },
  ],
  underskrift: {
    hilsen: 'Med venleg helsing',
    navn: 'Kari',
    tittel: 'saksbehandlar',
    merknad: 'Godkjent elektronisk.',
  },
  kopi: null,
  bunntekst: 'Testkommune',
};

interface Kall {
  accept: string;
  kropp: Record<string, unknown>;
}

function oppsett(svar: (kall: Kall) => Response) {
  const kall: Kall[] = [];
  const hent = vi.fn(async (_sti: RequestInfo | URL, init?: RequestInit) => {
    const k = {
      accept: ((init?.headers ?? {}) as Record<string, string>).Accept ?? '',
      kropp: JSON.parse(String(init?.body)) as Record<string, unknown>,
    };
    kall.push(k);
    return svar(k);
  });
  const utlogget = vi.fn();
  render(
    <Vedtaksbrev
      klient={new Klient({}, hent as typeof fetch)}
      foresporsel={FORESPOERSEL}
      utlogget={utlogget}
    />,
  );
  return { kall, utlogget };
}

const json = (status: number, kropp: unknown) =>
  new Response(JSON.stringify(kropp), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

describe('Vedtaksbrev', () => {
  it("previews the letter from the API's content, sending the request with the case worker's fields", async () => {
    const { kall } = oppsett(() => json(200, { vedtaksbrev: BREV, filnavn: 'vedtaksbrev.pdf' }));
    const region = screen.getByRole('region', { name: 'Vedtaksbrev' });
    await userEvent.type(within(region).getByLabelText(/Vurderingen vår/), 'Fradraget er dokumentert.');
    await userEvent.click(within(region).getByRole('button', { name: 'Forhåndsvis vedtaksbrev' }));
    const brev = await within(region).findByRole('article', { name: 'Forhåndsvisning av vedtaksbrevet' });
    expect(within(brev).getByRole('heading', { level: 3 })).toHaveTextContent(BREV.tittel);
    expect(within(brev).getByTestId('vedtaksbrev-beloep')).toHaveTextContent('kr 25 000');
    expect(within(brev).getByRole('rowheader', { name: 'Inntektsår' })).toBeInTheDocument();
    expect(brev).toHaveAttribute('lang', 'nn');
    expect(kall[0]?.accept).toMatch(/^application\/json/);
    expect(kall[0]?.kropp).toMatchObject({
      ...FORESPOERSEL,
      vedtaksbrev: { vurderinger: 'Fradraget er dokumentert.' },
    });
    // Without a choice the municipality's standard was used, and the choice now shows it.
    expect(within(region).getByRole('radio', { name: 'Nynorsk' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Forhåndsvisningen av vedtaksbrevet er oppdatert.');
    // An edit after the preview says the preview is stale.
    await userEvent.type(within(region).getByLabelText(/Vurderingen vår/), ' Mer.');
    expect(within(region).getByText(/Feltene er endret etter forhåndsvisningen/)).toBeInTheDocument();
  });

  it('puts the API’s field errors under their fields', async () => {
    oppsett(() =>
      json(400, {
        type: 'urn:test',
        title: 'Ugyldig forespørsel',
        status: 400,
        detail: 'vedtaksbrev.vurderinger: skriv hovedhensynene',
        errors: [{ felt: 'vedtaksbrev.vurderinger', melding: 'skriv hovedhensynene bak postene' }],
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Forhåndsvis vedtaksbrev' }));
    const felt = screen.getByLabelText(/Vurderingen vår/);
    expect(await screen.findByText('Skriv hovedhensynene bak postene')).toBeInTheDocument();
    expect(felt).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('downloads the PDF, asking for application/pdf, in the chosen standard', async () => {
    const url = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: url, revokeObjectURL: vi.fn() });
    const { kall } = oppsett(
      () =>
        new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': 'attachment; filename="v.pdf"',
          },
        }),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Bokmål' }));
    await userEvent.click(screen.getByRole('button', { name: 'Last ned vedtaksbrev (PDF)' }));
    expect(await screen.findByText('Vedtaksbrevet er lastet ned.')).toBeInTheDocument();
    expect(kall[0]?.accept).toMatch(/^application\/pdf/);
    expect(kall[0]?.kropp.vedtaksbrev).toEqual({ spraak: 'nb' });
    expect(url).toHaveBeenCalled();
  });

  it('sends the case worker to sign in again when the session has ended', async () => {
    const { utlogget } = oppsett(() =>
      json(401, { type: 'urn:test', title: 'Ikke autentisert', status: 401, detail: 'Logg inn' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Forhåndsvis vedtaksbrev' }));
    await vi.waitFor(() => expect(utlogget).toHaveBeenCalled());
  });
});
