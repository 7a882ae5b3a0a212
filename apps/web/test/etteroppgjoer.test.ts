import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nyKontekst, sikreBygg, sjekkSteg, startNettleser, startTjener, type Tjener } from './oppsett';

/**
 * The etteroppgjør page in Chromium, for the langtidsopphold role: the months as a table to fill in,
 * a month charged before moving in refused with the month named, then the result month by month and
 * the PDF/A; an axe scan at every step.
 */

let tjener: Tjener;
let nettleser: Browser;

beforeAll(async () => {
  await sikreBygg();
  [tjener, nettleser] = await Promise.all([startTjener(), startNettleser()]);
});

afterAll(async () => {
  await nettleser?.close();
  await tjener?.lukk();
});

describe('the etteroppgjør, end to end in Chromium', { timeout: 180_000 }, () => {
  it('fills in the months, names a wrong month, settles month by month and downloads the PDF', async () => {
    const kontekst = await nyKontekst(nettleser, tjener.url);
    const side = await kontekst.newPage();
    const sidefeil: string[] = [];
    side.on('pageerror', (e) => sidefeil.push(e.message));
    side.on('console', (m) => {
      // The 400 the page handles (the wrong month) is logged by the browser; nothing else may be.
      if (m.type() === 'error' && !/status of 400/.test(m.text())) sidefeil.push(m.text());
    });

    await side.goto('/');
    await side.getByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }).click();
    await side
      .getByRole('heading', { level: 1, name: 'Vederlag for langtidsopphold i institusjon' })
      .waitFor();
    await side.getByRole('button', { name: 'Etteroppgjør', exact: true }).click();
    await side.getByRole('heading', { level: 1, name: 'Etteroppgjør for langtidsopphold' }).waitFor();
    expect(await side.title()).toBe('Etteroppgjør for langtidsopphold – Inntektsgrunnlag');
    await expect.poll(() => side.getByRole('combobox', { name: 'Inntektsår' }).inputValue()).not.toBe('');
    await sjekkSteg(side, 'etteroppgjoer-1-skjema');

    await side.getByRole('combobox', { name: 'Inntektsår' }).selectOption('2023');
    await side.getByRole('textbox', { name: 'Fødselsnummer', exact: true }).fill('04817299771');
    await side.getByLabel('Innflyttingsdato').fill('2023-02-14');
    await side.getByLabel('Oppholdskostnad per måned (kr)').fill('60 000');
    // Charged for January, before moving in: refused, the month named.
    await side.getByRole('textbox', { name: 'Fakturert januar 2023' }).fill('36 000');
    for (const m of [
      'mars',
      'april',
      'mai',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'desember',
    ]) {
      await side.getByRole('textbox', { name: `Fakturert ${m} 2023` }).fill('36 000');
    }
    await side.getByRole('button', { name: 'Beregn etteroppgjør' }).click();
    const oppsummering = side.locator('.ig-feiloppsummering');
    await oppsummering.getByText(/2023-01: beboeren bodde ikke på institusjonen denne måneden/).waitFor();
    expect(
      await side.getByRole('textbox', { name: 'Fakturert januar 2023' }).getAttribute('aria-invalid'),
    ).toBe('true');
    await sjekkSteg(side, 'etteroppgjoer-2-feil-maaned');

    await side.getByRole('textbox', { name: 'Fakturert januar 2023' }).fill('');
    await side.getByRole('button', { name: 'Beregn etteroppgjør' }).click();
    const resultat = side.getByRole('region', { name: 'Etteroppgjør 2023' });
    await resultat.waitFor();
    const tabell = resultat.getByRole('table', { name: 'Måned for måned' });
    // February (moved in the 14th) is free; March from the 14th (18 of 31 days); G 111 477 to April,
    // 118 620 from May.
    await expect.poll(() => tabell.getByRole('row').count()).toBe(1 + 11 + 1);
    const rad = async (navn: string) =>
      ((await tabell.getByRole('row', { name: new RegExp(`^${navn}`) }).textContent()) ?? '').replace(
        /\s+/g,
        ' ',
      );
    expect(await rad('februar 2023')).toMatch(/0 av 28/);
    expect(await rad('mars 2023')).toMatch(/18 av 31.*kr 111 477/);
    expect(await rad('mai 2023')).toMatch(/31 av 31.*kr 118 620/);
    const tekst = ((await resultat.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(tekst).toMatch(/Beboeren (skylder|skal ha tilbake) kr [\d ]+/);
    expect(tekst).toContain('Skatteoppgjøret for 2023');
    await sjekkSteg(side, 'etteroppgjoer-3-resultat');

    const [nedlasting] = await Promise.all([
      side.waitForEvent('download'),
      resultat.getByRole('button', { name: 'Last ned etteroppgjøret (PDF)' }).click(),
    ]);
    expect(nedlasting.suggestedFilename()).toBe('etteroppgjoer-2023.pdf');
    const pdf = readFileSync(await nedlasting.path());
    expect(pdf.toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
    await resultat.getByText('Etteroppgjøret er lastet ned.').waitFor();
    await sjekkSteg(side, 'etteroppgjoer-4-lastet-ned');

    expect(sidefeil).toEqual([]);
    await kontekst.close();
  });
});
