// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { Klient } from './api/klient';
import { tekster } from './tekster';
import { falskApi, ROLLER } from './testhjelp/falskApi';

const SOEKER = '04817299771';
const EKTEFELLE = '27847099416';

async function loggInn(api = falskApi()) {
  const bruker = userEvent.setup();
  render(<App klient={new Klient({}, api.hent)} iaar={2026} />);
  await bruker.click(await screen.findByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }));
  return { bruker, api };
}

describe('sign-in and role', () => {
  it('lists the demo users with their roles, and signs in with the one chosen', async () => {
    const api = falskApi();
    render(<App klient={new Klient({}, api.hent)} iaar={2026} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' })).toBeInTheDocument();
    const kort = (await screen.findByRole('heading', { name: 'Rolig Hjort (demo)' })).closest('li');
    if (!kort) throw new Error('fant ikke kortet');
    expect(within(kort).getByText('Demo: Helse og omsorg, langtidsopphold institusjon')).toBeInTheDocument();
    expect(within(kort).getByText('med avregning')).toBeInTheDocument();
    await userEvent.click(within(kort).getByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }));
    // One role: the area follows at once.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vederlag for langtidsopphold i institusjon' }),
    ).toBeInTheDocument();
    expect(api.kall.find((k) => k.sti === '/api/v1/sesjon/demo')?.kropp).toEqual({ brukerId: 'demo-bruker' });
  });

  it('lets a user with several roles pick one; the beregningstype follows from it', async () => {
    const { bruker } = await loggInn(
      falskApi({ roller: [ROLLER.langtid, ROLLER.bistand].filter((r) => !!r) }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Velg rolle' })).toBeInTheDocument();
    await bruker.click(screen.getByRole('radio', { name: /praktisk bistand/ }));
    await bruker.click(screen.getByRole('button', { name: 'Fortsett' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Egenandel for praktisk bistand' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bytt rolle' })).toBeInTheDocument();
  });

  it('shows the production sign-in link when not embedded', async () => {
    const api = falskApi();
    const hent: typeof fetch = async (inn, init) =>
      String(inn).endsWith('/api/v1/sesjon')
        ? new Response(
            JSON.stringify({
              innlogget: false,
              modus: 'PRODUKSJON',
              roller: [],
              innloggingUrl: '/auth/login',
            }),
            { headers: { 'Content-Type': 'application/json' } },
          )
        : api.hent(inn, init);
    render(<App klient={new Klient({}, hent)} iaar={2026} />);
    expect(await screen.findByRole('link', { name: 'Logg inn' })).toHaveAttribute('href', '/auth/login');
  });
});

describe('logout', () => {
  async function loggInnOgUt(api: ReturnType<typeof falskApi>) {
    const gaaTil = vi.fn<(adresse: string) => void>();
    const bruker = userEvent.setup();
    render(<App klient={new Klient({}, api.hent)} iaar={2026} gaaTil={gaaTil} />);
    await bruker.click(await screen.findByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }));
    await bruker.click(await screen.findByRole('button', { name: 'Logg ut' }));
    await waitFor(() => expect(api.kall.some((k) => k.sti === '/api/v1/sesjon/logg-ut')).toBe(true));
    return { gaaTil, bruker };
  }

  it("sends the session's CSRF token and, without an end-session address, shows the sign-in page", async () => {
    const api = falskApi();
    const { gaaTil } = await loggInnOgUt(api);
    expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' })).toBeInTheDocument();
    const utlogging = api.kall.filter((k) => k.sti === '/api/v1/sesjon/logg-ut');
    expect(utlogging).toHaveLength(1);
    expect(utlogging[0]?.metode).toBe('POST');
    expect(utlogging[0]?.headers['X-CSRF-Token']).toBe('csrf-test');
    expect(gaaTil).not.toHaveBeenCalled();
  });

  it("sends the browser to the identity provider's sign-out when the API names it", async () => {
    const adresse = 'https://idp.example.no/logout?id_token_hint=eyJ.x.y&client_id=ig';
    const api = falskApi({ utloggingUrl: adresse });
    const { gaaTil } = await loggInnOgUt(api);
    await waitFor(() => expect(gaaTil).toHaveBeenCalledWith(adresse));
    expect(gaaTil).toHaveBeenCalledTimes(1);
    expect(api.kall.find((k) => k.sti === '/api/v1/sesjon/logg-ut')?.headers['X-CSRF-Token']).toBe(
      'csrf-test',
    );
    // Leaving: no signed-in page left behind, and no session read that the navigation would cut off.
    expect(screen.queryByRole('button', { name: 'Logg ut' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Laster …')).toBeInTheDocument();
    expect(api.kall.filter((k) => k.sti === '/api/v1/sesjon')).toHaveLength(2);
    expect(sessionStorage.getItem('inntektsgrunnlag.rolle')).toBeNull();
  });

  it.each([
    ['a relative path', '/auth/login'],
    ['script', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['another scheme', 'ftp://idp.example.no/logout'],
    ['no address at all', 'ikke en adresse'],
    ['an empty string', ''],
  ])('does not follow %s as the end-session address; shows the sign-in page instead', async (_, adresse) => {
    const api = falskApi({ utloggingUrl: adresse });
    const { gaaTil } = await loggInnOgUt(api);
    expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' })).toBeInTheDocument();
    expect(gaaTil).not.toHaveBeenCalled();
  });
});

describe('a failed sign-in (?innloggingsfeil=)', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  const produksjon =
    (api = falskApi()): typeof fetch =>
    async (inn, init) =>
      String(inn).endsWith('/api/v1/sesjon')
        ? new Response(
            JSON.stringify({
              innlogget: false,
              modus: 'PRODUKSJON',
              roller: [],
              innloggingUrl: '/auth/login',
            }),
            { headers: { 'Content-Type': 'application/json' } },
          )
        : api.hent(inn, init);

  it('explains a known code on the sign-in page and takes it out of the address', async () => {
    window.history.replaceState({ behold: true }, '', '/?innloggingsfeil=BRUKER_UKJENT&annet=1#topp');
    render(<App klient={new Klient({}, produksjon())} iaar={2026} />);
    const varsel = await screen.findByTestId('innloggingsfeil');
    expect(
      within(varsel).getByRole('heading', { level: 2, name: 'Du ble ikke logget inn' }),
    ).toBeInTheDocument();
    expect(varsel).toHaveTextContent(tekster.innlogging.feilkoder.BRUKER_UKJENT);
    expect(varsel).not.toHaveTextContent('BRUKER_UKJENT');
    expect(screen.getByRole('link', { name: 'Logg inn' })).toHaveAttribute('href', '/auth/login');
    // Gone from the address, the rest kept, no new history entry.
    expect(window.location.search).toBe('?annet=1');
    expect(window.location.hash).toBe('#topp');
    expect(window.history.state).toEqual({ behold: true });
  });

  it('has its own text for every code the API sends', async () => {
    const koder = Object.keys(tekster.innlogging.feilkoder);
    expect(koder.sort()).toEqual(
      [
        'AVBRUTT',
        'UGYLDIG_TILSTAND',
        'UTSTEDER_UTILGJENGELIG',
        'TOKEN_AVVIST',
        'ID_TOKEN_UGYLDIG',
        'BRUKER_UKJENT',
        'BRUKER_TVETYDIG',
        'BRUKER_INAKTIV',
      ].sort(),
    );
    const sett = new Set<string>();
    for (const kode of koder) {
      window.history.replaceState(null, '', `/?innloggingsfeil=${kode}`);
      const { unmount } = render(<App klient={new Klient({}, produksjon())} iaar={2026} />);
      const tekst = (await screen.findByTestId('innloggingsfeil')).textContent ?? '';
      expect(tekst).not.toContain(kode);
      expect(tekst).not.toContain(tekster.innlogging.feilUkjent);
      sett.add(tekst);
      unmount();
    }
    expect(sett.size).toBe(koder.length);
  });

  it.each([
    ['an unknown code', 'NOE_NYTT'],
    ['markup', '<img src=x onerror="window.__xss=1">'],
    ['a key every object has', 'constructor'],
    ['an empty code', ''],
  ])('gives the generic text for %s and never shows what was in the address', async (_, kode) => {
    window.history.replaceState(null, '', `/?${new URLSearchParams({ innloggingsfeil: kode })}`);
    render(<App klient={new Klient({}, produksjon())} iaar={2026} />);
    const varsel = await screen.findByTestId('innloggingsfeil');
    expect(varsel).toHaveTextContent(tekster.innlogging.feilUkjent);
    if (kode) expect(document.body.textContent).not.toContain(kode);
    expect(varsel.querySelector('img')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
    expect(window.location.search).toBe('');
  });

  it('shows no alert without the parameter', async () => {
    render(<App klient={new Klient({}, produksjon())} iaar={2026} />);
    await screen.findByRole('link', { name: 'Logg inn' });
    expect(screen.queryByTestId('innloggingsfeil')).not.toBeInTheDocument();
  });

  it('is forgotten once someone signs in: not shown again after logout', async () => {
    window.history.replaceState(null, '', '/?innloggingsfeil=AVBRUTT');
    const api = falskApi();
    const bruker = userEvent.setup();
    render(<App klient={new Klient({}, api.hent)} iaar={2026} gaaTil={vi.fn()} />);
    expect(await screen.findByTestId('innloggingsfeil')).toHaveTextContent(
      tekster.innlogging.feilkoder.AVBRUTT,
    );
    await bruker.click(await screen.findByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }));
    await bruker.click(await screen.findByRole('button', { name: 'Logg ut' }));
    await screen.findByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' });
    expect(screen.queryByTestId('innloggingsfeil')).not.toBeInTheDocument();
  });
});

describe('the default client', () => {
  it('asks for the session once, not on every render (a new client per render would loop)', async () => {
    const api = falskApi();
    vi.stubGlobal('fetch', api.hent);
    try {
      render(<App iaar={2026} />);
      await userEvent.click(await screen.findByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }));
      await screen.findByRole('heading', { level: 1, name: 'Vederlag for langtidsopphold i institusjon' });
      await waitFor(() => expect(screen.getByRole('combobox', { name: /Inntektsår/ })).toHaveValue('2025'));
      await new Promise((ok) => setTimeout(ok, 300));
      expect(api.kall.filter((k) => k.sti === '/api/v1/sesjon')).toHaveLength(2);
      expect(api.kall.filter((k) => k.sti.startsWith('/api/v1/verdier')).length).toBeLessThanOrEqual(13);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the lookup', () => {
  it('offers the covered income years, newest settled year first chosen', async () => {
    await loggInn();
    const aar = await screen.findByRole('combobox', { name: /Inntektsår/ });
    await waitFor(() => expect(aar).toHaveValue('2025'));
    expect(
      within(aar)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2025', '2024', '2023', '2022', '2021', '2020', '2019']);
  });

  it('checks the fødselsnummer as typed and names the person from Folkeregisteret', async () => {
    const { bruker } = await loggInn();
    const fnr = await screen.findByRole('textbox', { name: 'Fødselsnummer' });
    await bruker.type(fnr, '04817299772');
    expect(await screen.findByText(/andre kontrollsiffer stemmer ikke/)).toBeInTheDocument();
    await waitFor(() => expect(fnr).toHaveAttribute('aria-invalid', 'true'));
    await bruker.clear(fnr);
    await bruker.type(fnr, SOEKER);
    expect(await screen.findByText('UPERSONLIG PÅFUNN')).toBeInTheDocument();
    expect(screen.queryByText(/kontrollsiffer stemmer ikke/)).not.toBeInTheDocument();
  });

  it('«Hent husstand» proposes the partner from Folkeregisteret and fills in only what the case worker ticks', async () => {
    const { bruker, api } = await loggInn();
    await bruker.type(await screen.findByRole('textbox', { name: 'Fødselsnummer' }), SOEKER);
    await bruker.click(screen.getByRole('button', { name: tekster.husstand.hent }));
    const valg = await screen.findByRole('checkbox', { name: 'Ta med OPPRIKTIG DAMESYKKEL (ektefelle)' });
    expect(api.kall.find((k) => k.sti === '/api/v1/husstand')?.kropp).toEqual({
      identifikator: SOEKER,
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    });
    expect(screen.getByText(/samboer er ikke registrert i Folkeregisteret/)).toBeInTheDocument();
    // Nothing is filled in before the case worker chooses.
    expect(screen.queryByRole('textbox', { name: tekster.skjema.partnerFnr })).not.toBeInTheDocument();
    await bruker.click(valg);
    await bruker.click(screen.getByRole('button', { name: tekster.husstand.bruk }));
    expect(await screen.findByRole('textbox', { name: tekster.skjema.partnerFnr })).toHaveValue(EKTEFELLE);
    expect(screen.getByRole('checkbox', { name: tekster.skjema.partnerFinnes })).toBeChecked();
  });

  it('shows every fault in the error summary, and a link takes focus to its field', async () => {
    const { bruker, api } = await loggInn();
    await screen.findByRole('combobox', { name: /Inntektsår/ });
    await bruker.click(screen.getByRole('button', { name: 'Beregn' }));
    const oppsummering = await screen.findByRole('group', {
      name: 'For å gå videre må du rette opp følgende feil:',
    });
    const lenke = within(oppsummering).getByRole('link', {
      name: /Fødselsnummer \(søker\): Skriv inn fødselsnummer/,
    });
    await bruker.click(lenke);
    expect(screen.getByRole('textbox', { name: 'Fødselsnummer' })).toHaveFocus();
    expect(api.kall.some((k) => k.sti === '/api/v1/beregning')).toBe(false);
  });

  it('computes, shows the fee first, and recalculates a changed manual post without a new lookup', async () => {
    const { bruker, api } = await loggInn();
    const aar = await screen.findByRole('combobox', { name: /Inntektsår/ });
    await waitFor(() => expect(aar).toHaveValue('2025'));
    await bruker.selectOptions(aar, '2023');
    // The KS example's date: "today" (2026) is past the rates the product knows.
    await bruker.type(screen.getByLabelText(/^Beregningsdato/), '2024-06-01');
    await bruker.type(screen.getByRole('textbox', { name: 'Fødselsnummer' }), SOEKER);
    await bruker.click(screen.getByRole('checkbox', { name: /har ektefelle/ }));
    await bruker.type(screen.getByRole('textbox', { name: /Fødselsnummer til ektefelle/ }), EKTEFELLE);
    await screen.findByText('OPPRIKTIG DAMESYKKEL');
    await bruker.click(screen.getByRole('button', { name: 'Beregn' }));

    const resultat = await screen.findByRole('region', { name: /^Resultat/ });
    expect(within(resultat).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(within(resultat).getByTestId('beregningsgrunnlag')).toHaveTextContent(/^567\s127\skr$/);
    // The fee is the first figure in the result.
    const avgift = within(resultat).getByTestId('avgift');
    expect(avgift.compareDocumentPosition(within(resultat).getByTestId('beregningsgrunnlag'))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(within(resultat).getByRole('button', { name: 'Last ned PDF' })).toBeInTheDocument();

    const foerste = api.kall.filter((k) => k.sti === '/api/v1/beregning');
    expect(foerste).toHaveLength(1);
    expect(foerste[0]?.headers['X-Rolle-Id']).toBe('demo-langtidsopphold');
    expect(foerste[0]?.headers['X-CSRF-Token']).toBe('csrf-test');
    expect(foerste[0]?.kropp).toMatchObject({
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2023,
      personer: [
        { identifikator: SOEKER, type: 'SOEKER' },
        { identifikator: EKTEFELLE, type: 'EKTEFELLE' },
      ],
    });
    const vederlagFoer = avgift.textContent;

    // A manual deduction for the resident: leaving the field recalculates on the kept basis.
    const post = screen.getByRole('textbox', { name: 'Post kommune.skjoennsmessigeFradrag' });
    await bruker.type(post, '120 000');
    await bruker.tab();
    await waitFor(() => expect(api.kall.filter((k) => k.sti === '/api/v1/beregning')).toHaveLength(2));
    const andre = api.kall.filter((k) => k.sti === '/api/v1/beregning')[1];
    expect(andre?.kropp).toMatchObject({
      grunnlagsreferanse: 'referanse-0000000000000001',
      personer: [{ ekstraposter: [{ tekniskNavn: 'kommune.skjoennsmessigeFradrag', beloep: '120000' }] }, {}],
    });
    expect(await screen.findByText(/Beregnet på nytt uten nytt oppslag/)).toBeInTheDocument();
    // Announced, and focus stays where the case worker is.
    expect(screen.getByText('Resultatet er oppdatert.')).toHaveAttribute('role', 'status');
    expect(post).not.toHaveFocus();
    expect(
      within(screen.getByRole('region', { name: /^Resultat/ })).getByRole('heading', { level: 2 }),
    ).not.toHaveFocus();
    await waitFor(() => expect(screen.getByTestId('avgift').textContent).not.toBe(vederlagFoer));
  });
});
