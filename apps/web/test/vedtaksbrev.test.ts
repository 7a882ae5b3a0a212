import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nyKontekst, sikreBygg, sjekkSteg, startNettleser, startTjener, type Tjener } from './oppsett';

/**
 * The decision letter in Chromium: after a beregning the case worker previews the letter, is told
 * what the letter still needs, writes the considerations, chooses nynorsk, and downloads the PDF/A;
 * an axe scan at every step.
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

async function fnr(side: Page, navn: string, verdi: string, forventetNavn: string): Promise<void> {
  await side.getByRole('textbox', { name: navn, exact: true }).fill(verdi);
  await side.getByText(forventetNavn, { exact: true }).waitFor();
}

describe('the decision letter, end to end in Chromium', { timeout: 180_000 }, () => {
  it('previews, asks for the considerations, and downloads the letter in nynorsk', async () => {
    const kontekst = await nyKontekst(nettleser, tjener.url);
    const side = await kontekst.newPage();
    const sidefeil: string[] = [];
    side.on('pageerror', (e) => sidefeil.push(e.message));
    side.on('console', (m) => {
      // A 400 the app handles (the letter's missing field) is logged by the browser; nothing else may be.
      if (m.type() === 'error' && !/status of 400/.test(m.text())) sidefeil.push(m.text());
    });

    await side.goto('/');
    await side.getByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }).click();
    await side
      .getByRole('heading', { level: 1, name: 'Vederlag for langtidsopphold i institusjon' })
      .waitFor();
    await expect.poll(() => side.getByRole('combobox', { name: 'Inntektsår' }).inputValue()).not.toBe('');
    await side.getByRole('combobox', { name: 'Inntektsår' }).selectOption('2023');
    await side.getByLabel('Beregningsdato (valgfri)').fill('2024-06-01');
    await fnr(side, 'Fødselsnummer', '04817299771', 'UPERSONLIG PÅFUNN');
    // A discretionary deduction: the letter must then carry the case worker's reasons.
    await side.locator('#ekstrapost-soeker-kommune_skjoennsmessigeFradrag').fill('60 000');
    await side.getByRole('button', { name: 'Beregn', exact: true }).click();
    await side.getByRole('region', { name: /^Resultat/ }).waitFor();

    const brev = side.getByRole('region', { name: 'Vedtaksbrev' });
    await brev.waitFor();
    await brev.scrollIntoViewIfNeeded();
    await sjekkSteg(side, 'vedtaksbrev-1-felt');

    await brev.getByRole('button', { name: 'Forhåndsvis vedtaksbrev' }).click();
    const vurderinger = brev.getByLabel(/Vurderingen vår/);
    await brev.getByText(/skriv hovedhensynene bak dem/i).waitFor();
    expect(await vurderinger.getAttribute('aria-invalid')).toBe('true');
    await sjekkSteg(side, 'vedtaksbrev-2-mangler-vurdering');

    await vurderinger.fill('Det skjønnsmessige fradraget dekker dokumenterte utgifter til bolig.');
    await brev.getByRole('radio', { name: 'Nynorsk' }).check();
    await brev.getByRole('button', { name: 'Forhåndsvis vedtaksbrev' }).click();
    const forhaandsvisning = brev.getByRole('article', { name: 'Forhåndsvisning av vedtaksbrevet' });
    await forhaandsvisning.waitFor();
    await forhaandsvisning
      .getByRole('heading', { level: 3, name: 'Vedtak om vederlag for langtidsopphald i institusjon' })
      .waitFor();
    const tekst = (await forhaandsvisning.textContent()) ?? '';
    expect(tekst).toContain('UPERSONLIG PÅFUNN');
    expect(tekst).toContain('048172*****');
    expect(tekst).not.toContain('04817299771');
    expect(tekst).toContain('Det skjønnsmessige fradraget dekker dokumenterte utgifter til bolig.');
    expect(tekst).toContain('Du kan klage på vedtaket');
    expect(tekst).toContain('Statsforvaltaren');
    expect(await vurderinger.getAttribute('aria-invalid')).toBeNull();
    await sjekkSteg(side, 'vedtaksbrev-3-forhaandsvisning');

    const [nedlasting] = await Promise.all([
      side.waitForEvent('download'),
      brev.getByRole('button', { name: 'Last ned vedtaksbrev (PDF)' }).click(),
    ]);
    expect(nedlasting.suggestedFilename()).toBe('vedtaksbrev-langtidsopphold-institusjon-2023.pdf');
    const sti = await nedlasting.path();
    const pdf = readFileSync(sti);
    expect(pdf.toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
    const pdftekst = execFileSync('pdftotext', ['-enc', 'UTF-8', sti, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(pdftekst).toContain('Vedtak om vederlag for langtidsopphald i institusjon');
    expect(pdftekst).toContain('Det skjønnsmessige fradraget dekker dokumenterte utgifter til bolig.');
    await brev.getByText('Vedtaksbrevet er lastet ned.').waitFor();
    await sjekkSteg(side, 'vedtaksbrev-4-lastet-ned');

    expect(sidefeil).toEqual([]);
    await kontekst.close();
  });
});
