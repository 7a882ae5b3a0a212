import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nyKontekst, sikreBygg, sjekkSteg, startNettleser, startTjener, type Tjener } from './oppsett';

/**
 * The municipality adds a missing rate in the product, with two-person approval (issue 17 item 6),
 * end to end in Chromium: rate administrator A enters the kjernetid income limit from 1.8.2026 (which
 * the product lacks), A cannot approve it, administrator B approves it, and a barnehage beregning
 * dated after the built-in coverage then uses it and names it, with who entered and approved it. An
 * axe scan at every step.
 */

let lagring: Lagring;
let tjener: Tjener;
let nettleser: Browser;

const ANNE = 'Anne Satsforvalter (demo)';
const BJORN = 'Bjørn Satsforvalter (demo)';
const KILDE = 'Testkilde for ende-til-ende-testen (ikke en ekte sats)';

beforeAll(async () => {
  await sikreBygg();
  // Two administrators in a SATSFORVALTNING role, as demo users so the picker offers them.
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  await lagring.roller.lagre(
    { id: 'demo-satser', navn: 'Demo: Satsforvalter', tjenesteomraade: 'SATSFORVALTNING' },
    { demo: true },
  );
  for (const [id, visningsnavn] of [
    ['demo-satser-a', ANNE],
    ['demo-satser-b', BJORN],
  ] as const) {
    await lagring.brukere.opprett({ id, visningsnavn }, { demo: true });
    await lagring.brukere.tildelRolle(id, 'demo-satser');
  }
  [tjener, nettleser] = await Promise.all([startTjener({ lagring }), startNettleser()]);
});

afterAll(async () => {
  await nettleser?.close();
  await tjener?.lukk();
  await lagring?.lukk();
});

async function nySide(): Promise<{ side: Page; sidefeil: string[] }> {
  const kontekst = await nyKontekst(nettleser, tjener.url);
  const side = await kontekst.newPage();
  const sidefeil: string[] = [];
  side.on('pageerror', (e) => sidefeil.push(e.message));
  side.on('console', (m) => {
    // A 400 or 403 the app handles (a refused entry) is logged by the browser; nothing else may be.
    if (m.type() === 'error' && !/status of 40[03]/.test(m.text())) sidefeil.push(m.text());
  });
  return { side, sidefeil };
}

async function loggInn(side: Page, bruker: string): Promise<void> {
  await side.goto('/');
  await side.getByRole('button', { name: `Logg inn som ${bruker}` }).click();
}

describe('the municipality’s own rates, end to end in Chromium', { timeout: 240_000 }, () => {
  it('A enters the missing kjernetid limit, A cannot approve, B approves, a beregning uses and names it', async () => {
    // Person A enters the value.
    const a = await nySide();
    await loggInn(a.side, ANNE);
    await a.side.getByRole('heading', { level: 1, name: 'Kommunens satser' }).waitFor();
    await a.side.getByRole('heading', { level: 2, name: 'Venter på godkjenning' }).waitFor();
    await sjekkSteg(a.side, 'satser-1-oversikt');

    const skjema = a.side.getByRole('form', { name: 'Legg inn en ny verdi' });
    await skjema.getByLabel('Tabell').selectOption('foreldrebetaling.kjernetidInntektsgrense');
    // The form proposes the day after the coverage; a date inside it is refused, naming the field.
    expect(await skjema.getByLabel('Gjelder fra').inputValue()).toBe('2026-08-01');
    await skjema.getByLabel('Gjelder fra').fill('2026-07-01');
    await skjema.getByLabel('Gjelder til og med').fill('2027-07-31');
    await skjema.getByLabel('Verdi').fill('700 000');
    await skjema.getByLabel('Kilde', { exact: true }).fill(KILDE);
    await skjema.getByRole('button', { name: 'Legg inn' }).click();
    const oppsummering = a.side.getByRole('group', {
      name: 'For å gå videre må du rette opp følgende feil:',
    });
    await oppsummering
      .getByRole('link', { name: /^Gjelder fra: .*innenfor produktets egne verdier/ })
      .click();
    await expect.poll(() => a.side.evaluate(() => document.activeElement?.id)).toBe('sats-gyldig-fra');
    await sjekkSteg(a.side, 'satser-2-dato-innenfor-dekningen');

    await skjema.getByLabel('Gjelder fra').fill('2026-08-01');
    await skjema.getByRole('button', { name: 'Legg inn' }).click();
    await a.side.getByText(/^Lagt inn: foreldrebetaling\.kjernetidInntektsgrense fra 01\.08\.2026/).waitFor();
    const rad = a.side
      .getByRole('region', { name: 'Venter på godkjenning' })
      .getByRole('row', { name: /Inntektsgrense for gratis kjernetid/ });
    await rad.getByText('Du la inn denne: en annen satsforvalter må godkjenne den.').waitFor();
    expect(await rad.getByRole('button').count()).toBe(0);
    await sjekkSteg(a.side, 'satser-3-venter');

    // A cannot approve it, not even past the page: the API refuses the own entry (403, EGEN_SATS).
    const id = (await rad.getAttribute('data-sats')) as string;
    const { csrfToken } = (await (await a.side.request.get('/api/v1/sesjon')).json()) as {
      csrfToken: string;
    };
    const egen = await a.side.request.post(`/api/v1/satser/${id}/godkjenning`, {
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(egen.status()).toBe(403);
    expect(await egen.json()).toMatchObject({ kode: 'EGEN_SATS', errors: [{ felt: 'id' }] });
    expect(a.sidefeil).toEqual([]);
    await a.side.context().close();

    // Person B approves it.
    const b = await nySide();
    await loggInn(b.side, BJORN);
    const brad = b.side
      .getByRole('region', { name: 'Venter på godkjenning' })
      .getByRole('row', { name: /Inntektsgrense for gratis kjernetid/ });
    await brad.getByText(ANNE).waitFor();
    await sjekkSteg(b.side, 'satser-4-til-godkjenning');
    await brad.getByRole('button', { name: /^Godkjenn Inntektsgrense for gratis kjernetid/ }).click();
    await b.side
      .getByText(/^Godkjent: foreldrebetaling\.kjernetidInntektsgrense fra 01\.08\.2026 gjelder nå/)
      .waitFor();
    await b.side.getByText('Ingen satser venter på godkjenning.').waitFor();
    await b.side
      .getByText(
        new RegExp(
          `Gjelder.*700000 \\(${KILDE.replace(/[()]/g, '\\$&')}; godkjent av ${BJORN.replace(/[()]/g, '\\$&')}\\)`,
        ),
      )
      .waitFor();
    await sjekkSteg(b.side, 'satser-5-godkjent');
    expect(b.sidefeil).toEqual([]);
    await b.side.context().close();

    // A case worker's beregning after 31.07.2026 now gets its fee, and names the value and both persons.
    const c = await nySide();
    await loggInn(c.side, 'Nysgjerrig Ekorn (demo)');
    await c.side
      .getByRole('heading', { level: 1, name: 'Redusert foreldrebetaling i barnehage og SFO' })
      .waitFor();
    await expect.poll(() => c.side.getByRole('combobox', { name: 'Inntektsår' }).inputValue()).not.toBe('');
    await c.side.getByRole('combobox', { name: 'Inntektsår' }).selectOption('2024');
    await c.side.getByRole('textbox', { name: 'Fødselsnummer', exact: true }).fill('18838527023');
    await c.side.getByText('ABSURD FJELLTOPP', { exact: true }).waitFor();
    await c.side.getByRole('radio', { name: 'Barnehage' }).check();
    await c.side.getByLabel('Barnets fødselsdato').fill('2022-08-25');
    await c.side.getByRole('textbox', { name: 'Pris per måned (kroner)' }).fill('1 500');
    await c.side.getByRole('textbox', { name: /Avtalt oppholdstid/ }).fill('41');
    await c.side.getByLabel('Beregningsdato (valgfri)').fill('2026-09-01');
    await c.side.getByRole('button', { name: 'Beregn', exact: true }).click();
    const resultat = c.side.getByRole('region', { name: /^Resultat/ });
    await resultat.waitFor();
    expect(await resultat.getByTestId('avgift').textContent()).toMatch(/\d\skr$/);
    const advarsel = resultat.locator('[data-kode="KOMMUNESATS_BRUKT"]');
    const tekst = (await advarsel.textContent()) ?? '';
    expect(tekst).toContain('Sats lagt inn av kommunen');
    expect(tekst).toContain('Inntektsgrense for gratis kjernetid');
    expect(tekst).toContain('1. august 2026');
    expect(tekst).toContain(KILDE);
    expect(tekst).toContain(`lagt inn av ${ANNE} og godkjent av ${BJORN}`);
    await sjekkSteg(c.side, 'satser-6-beregning-bruker-satsen');
    expect(c.sidefeil).toEqual([]);
    await c.side.context().close();

    // Each step is in the audit log.
    const logg = await lagring.revisjonslogg.liste({ siste: 50 });
    expect(
      logg
        .filter((p) => p.tjenesteomraade === 'SATSFORVALTNING')
        .map((p) => [p.aktoerNavn, p.utfall, p.aarsakskode ?? p.formaal?.split(':')[0]]),
    ).toEqual([
      [ANNE, 'AVVIST', 'UGYLDIG_SATS'],
      [ANNE, 'TILLATT', 'SATS_LAGT_INN'],
      [ANNE, 'AVVIST', 'EGEN_SATS'],
      [BJORN, 'TILLATT', 'SATS_GODKJENT'],
    ]);
  });
});
