// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Klient } from '../../api/klient';
import type { Arkivforsendelse, Beregningsforespoersel, Beregningsresultat } from '../../api/typer';
import { Arkivering } from './Arkivering';

/**
 * The journaling block against a scripted API: what it sends, what it shows for each state of a sending,
 * and which actions each state offers. The whole way over the real broker is test/arkiv.test.ts.
 */

const RESULTAT = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  inntektsaar: 2023,
  personer: [{ identifikator: '04817299771', type: 'SOEKER', skjermet: false }],
  utfoert: {
    tidspunkt: '2026-12-07T10:00:00.000Z',
    aktoer: { type: 'BRUKER', id: 'demo', visningsnavn: 'Rolig Hjort (demo)' },
    rolleId: 'demo-langtidsopphold',
    tjenesteomraade: 'LANGTIDSOPPHOLD',
    avregning: false,
    revidert: false,
    grunnlag: 'FORESPOERSEL',
    saksreferanse: '2026/12',
  },
} as unknown as Beregningsresultat;

const FORESPOERSEL = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  inntektsaar: 2023,
  personer: [],
} as unknown as Beregningsforespoersel;

function forsendelse(over: Partial<Arkivforsendelse>): Arkivforsendelse {
  return {
    id: '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    status: 'SENDT',
    journalposttype: 'X',
    antallSendinger: 1,
    sistSendt: '2026-12-07T10:00:01.000Z',
    kvitteringsfrist: '2026-12-07T10:05:01.000Z',
    journalpost: null,
    feil: null,
    kanSendesIgjen: false,
    ...over,
  };
}

/** An API whose status answers follow a script; every call is recorded. */
function api(
  statuser: Arkivforsendelse[],
  fiksArkiv = true,
  valg: { typer?: string[]; sendesvar?: () => Response } = {},
) {
  const kall: Array<{ metode: string; sti: string; kropp: unknown }> = [];
  let neste = 0;
  const hent = async (inn: RequestInfo | URL, init: RequestInit = {}) => {
    const sti = String(inn);
    const metode = init.method ?? 'GET';
    kall.push({ metode, sti, kropp: init.body ? JSON.parse(String(init.body)) : undefined });
    const json = (k: unknown, status = 200) =>
      new Response(JSON.stringify(k), { status, headers: { 'Content-Type': 'application/json' } });
    if (sti === '/api/v1/arkiv') {
      return json({
        fiksArkiv,
        journalposttyper: valg.typer ?? ['X', 'N'],
        kvitteringsfristSekunder: 300,
        arkivpakke: true,
      });
    }
    if (metode === 'POST' && sti === '/api/v1/arkiv/forsendelser') {
      return valg.sendesvar ? valg.sendesvar() : json(forsendelse({}), 202);
    }
    if (metode === 'POST' && sti.endsWith('/send-igjen'))
      return json(forsendelse({ antallSendinger: 2 }), 202);
    if (metode === 'GET' && sti.startsWith('/api/v1/arkiv/forsendelser/')) {
      return json(statuser[Math.min(neste++, statuser.length - 1)]);
    }
    return json({ title: 'Finnes ikke', detail: sti }, 404);
  };
  return { klient: new Klient({ csrfToken: 'csrf' }, hent as typeof fetch), kall };
}

describe('Arkivering', () => {
  it('an outgoing letter sends the letter’s fields from «Vedtaksbrev»; a note sends none', async () => {
    const { klient, kall } = api([forsendelse({ status: 'MOTTATT', journalposttype: 'U' })], true, {
      typer: ['U', 'X', 'N'],
    });
    const brev = { spraak: 'nn' as const, vurderinger: 'Utgiftene er dokumenterte.' };
    render(
      <Arkivering
        klient={klient}
        resultat={RESULTAT}
        foresporsel={() => FORESPOERSEL}
        vedtaksbrev={() => brev}
      />,
    );
    const region = await screen.findByRole('region', { name: 'Arkivering' });
    await userEvent.type(within(region).getByRole('textbox', { name: 'Søkerens navn i arkivet' }), 'Ola');
    await userEvent.click(await within(region).findByRole('radio', { name: /Utgående brev \(U\)/ }));
    await userEvent.click(within(region).getByRole('button', { name: 'Send til arkiv' }));
    await waitFor(() => expect(kall.filter((k) => k.metode === 'POST')).toHaveLength(1));
    expect(kall.find((k) => k.metode === 'POST')?.kropp).toEqual({
      ...FORESPOERSEL,
      arkiv: {
        journalposttype: 'U',
        saksmappe: { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 12 },
        partnavn: 'Ola',
      },
      vedtaksbrev: brev,
    });
  });

  it('a fault in the letter is named, with where to fix it', async () => {
    const { klient } = api([], true, {
      typer: ['U', 'X', 'N'],
      sendesvar: () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Ugyldig forespørsel',
            status: 400,
            errors: [
              {
                felt: 'vedtaksbrev.vurderinger',
                melding: 'mangler: kommunen har lagt inn poster, så hovedhensynene må begrunnes',
              },
            ],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    render(
      <Arkivering
        klient={klient}
        resultat={RESULTAT}
        foresporsel={() => FORESPOERSEL}
        vedtaksbrev={() => ({})}
      />,
    );
    const region = await screen.findByRole('region', { name: 'Arkivering' });
    await userEvent.type(within(region).getByRole('textbox', { name: 'Søkerens navn i arkivet' }), 'Ola');
    await userEvent.click(await within(region).findByRole('radio', { name: /Utgående brev \(U\)/ }));
    await userEvent.click(within(region).getByRole('button', { name: 'Send til arkiv' }));
    expect(
      await within(region).findByText(
        'Vedtaksbrevet kan ikke lages: Mangler: kommunen har lagt inn poster, så hovedhensynene må begrunnes. Rett det under «Vedtaksbrev».',
      ),
    ).toBeInTheDocument();
  });

  it('sends the choice, announces the waiting, and shows «Journalført» with the case and document', async () => {
    const { klient, kall } = api([
      forsendelse({ status: 'MOTTATT' }),
      forsendelse({
        status: 'JOURNALFOERT',
        kvitteringsfrist: null,
        journalpost: { id: '2026/4711', journalpostnummer: 3, saksnummer: '2026/12', systemID: 'x' },
      }),
    ]);
    render(<Arkivering klient={klient} resultat={RESULTAT} foresporsel={() => FORESPOERSEL} />);
    const region = await screen.findByRole('region', { name: 'Arkivering' });
    // The case number comes from the case reference; the name is asked for, since the result has none.
    expect(within(region).getByRole('textbox', { name: 'Saksnummer' })).toHaveValue('2026/12');
    expect(within(region).getByRole('textbox', { name: 'Søkerens navn i arkivet' })).toBeInTheDocument();
    await userEvent.type(
      within(region).getByRole('textbox', { name: 'Søkerens navn i arkivet' }),
      'Ola Nordmann',
    );
    await userEvent.click(await within(region).findByRole('button', { name: 'Send til arkiv' }));
    const sendt = kall.find((k) => k.metode === 'POST');
    expect(sendt?.kropp).toEqual({
      ...FORESPOERSEL,
      arkiv: {
        journalposttype: 'X',
        saksmappe: { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 12 },
        partnavn: 'Ola Nordmann',
      },
    });
    await waitFor(
      () => expect(screen.getByRole('status')).toHaveTextContent('Sendt til arkivet. Venter på kvittering …'),
      { timeout: 5000 },
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Arkivet har tatt imot'), {
      timeout: 5000,
    });
    const kvittert = await screen.findByRole(
      'heading',
      { name: 'Journalført: 2026/4711' },
      { timeout: 5000 },
    );
    expect(kvittert).toBeInTheDocument();
    expect(screen.getByText('Sak 2026/12, dokument 3')).toBeInTheDocument();
    // Done: no new sending offered, no choices shown.
    expect(within(region).queryByRole('button', { name: 'Send til arkiv' })).toBeNull();
    expect(within(region).queryByRole('radio')).toBeNull();
  });

  it('no receipt in time: only «Send igjen» (a new sending could make a second journalpost)', async () => {
    const { klient, kall } = api([
      forsendelse({ status: 'INGEN_KVITTERING', kanSendesIgjen: true }),
      forsendelse({
        status: 'JOURNALFOERT',
        antallSendinger: 2,
        journalpost: { id: '2026/4712', journalpostnummer: 4, saksnummer: '2026/12', systemID: 'y' },
      }),
    ]);
    render(<Arkivering klient={klient} resultat={RESULTAT} foresporsel={() => FORESPOERSEL} />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Søkerens navn i arkivet' }), 'Ola');
    await userEvent.click(await screen.findByRole('button', { name: 'Send til arkiv' }));
    await screen.findByRole(
      'heading',
      { name: 'Arkivet har ikke sendt kvittering innen 5 minutter.' },
      { timeout: 5000 },
    );
    expect(screen.queryByRole('button', { name: 'Send til arkiv' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Send igjen' }));
    expect(kall.filter((k) => k.metode === 'POST').map((k) => k.sti)).toEqual([
      '/api/v1/arkiv/forsendelser',
      '/api/v1/arkiv/forsendelser/6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b/send-igjen',
    ]);
    await screen.findByRole('heading', { name: 'Journalført: 2026/4712' }, { timeout: 5000 });
  });

  it('an error from the archive: shown, «Send igjen», and the choices back for a corrected sending', async () => {
    const { klient } = api([
      forsendelse({
        status: 'FEILET',
        kanSendesIgjen: true,
        feil: { type: 'UGYLDIG_FORESPOERSEL', melding: 'Saksmappe 2026/12 finnes ikke i arkivet' },
      }),
    ]);
    render(<Arkivering klient={klient} resultat={RESULTAT} foresporsel={() => FORESPOERSEL} />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Søkerens navn i arkivet' }), 'Ola');
    await userEvent.click(await screen.findByRole('button', { name: 'Send til arkiv' }));
    await screen.findByRole('heading', { name: 'Arkivet avviste forsendelsen' }, { timeout: 5000 });
    expect(screen.getByText('Saksmappe 2026/12 finnes ikke i arkivet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send igjen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send til arkiv' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Saksnummer' })).toBeInTheDocument();
  });

  it('names a bad case number and a missing name at their fields, and sends nothing', async () => {
    const { klient, kall } = api([], false);
    render(<Arkivering klient={klient} resultat={RESULTAT} foresporsel={() => FORESPOERSEL} />);
    const saksnummer = await screen.findByRole('textbox', { name: 'Saksnummer' });
    await userEvent.clear(saksnummer);
    await userEvent.type(saksnummer, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Last ned arkivpakke' }));
    expect(
      await screen.findByText('Skriv saksnummeret som år og løpenummer, for eksempel 2026/123'),
    ).toBeInTheDocument();
    expect(screen.getByText('Skriv søkerens navn')).toBeInTheDocument();
    expect(saksnummer).toHaveAttribute('aria-invalid', 'true');
    expect(kall.filter((k) => k.metode === 'POST')).toEqual([]);
    // Without Fiks Arkiv there is nothing to send to.
    expect(screen.queryByRole('button', { name: 'Send til arkiv' })).toBeNull();
  });
});
