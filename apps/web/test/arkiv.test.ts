import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Abonnement,
  FiksArkiv,
  FiksIoKlient,
  lagSelvsignertNoekkelpar,
  skjemafil,
  validerMotSkjema,
} from '@inntektsgrunnlag/arkiv';
import {
  brokerForTest,
  type FiksIoStandin,
  type StandinArkiv,
  startFiksIoStandin,
  startStandinArkiv,
  TEST_AMQP_URL,
} from '@inntektsgrunnlag/arkiv/standin';
import { aapneLagring, type Lagring } from '@inntektsgrunnlag/lagring';
import { Arkivtjeneste, validerKommuneinnstillinger } from '@inntektsgrunnlag/oppslag';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nyKontekst, sikreBygg, sjekkSteg, startNettleser, startTjener, type Tjener } from './oppsett';

/**
 * Journaling from the result page in Chromium (issue 21): the case worker sends the beregning to the
 * archive and sees «Journalført: <id>» when the archive's receipt has come, over the real broker (the
 * Fiks IO stand-in, RabbitMQ, the stand-in archive); a lost receipt shows as missing and «Send igjen»
 * gives one journalpost; an error from the archive is shown; an outgoing letter carries the vedtaksbrev
 * the case worker wrote under «Vedtaksbrev» as its main document. Without Fiks Arkiv, the package
 * downloads, for a note and for an outgoing letter (the letter read back with pdftotext).
 * An axe scan at each step.
 */

const medBroker = await brokerForTest('web');

/** The case worker's considerations, as written under «Vedtaksbrev». */
const VURDERING = 'Vederlaget er fastsett etter opplysningane i saka.';

/** The text of a PDF as pdftotext (poppler) reads it, spaces normalised. */
function pdftekst(pdf: Uint8Array): string {
  const mappe = mkdtempSync(join(tmpdir(), 'web-arkiv-'));
  try {
    writeFileSync(join(mappe, 'd.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(mappe, 'd.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
  } finally {
    rmSync(mappe, { recursive: true, force: true });
  }
}

let nettleser: Browser;

beforeAll(async () => {
  await sikreBygg();
  nettleser = await startNettleser();
});
afterAll(async () => {
  await nettleser?.close();
});

async function nySide(url: string): Promise<Page & { feil: string[] }> {
  const side = (await (await nyKontekst(nettleser, url)).newPage()) as Page & { feil: string[] };
  side.feil = [];
  side.on('pageerror', (e) => side.feil.push(e.message));
  return side;
}

/** The KS example 2023 as the case worker enters it, up to the result. */
async function tilResultat(side: Page): Promise<void> {
  await side.goto('/');
  await side.getByRole('button', { name: 'Logg inn som Rolig Hjort (demo)' }).click();
  await side.getByRole('heading', { level: 1, name: 'Vederlag for langtidsopphold i institusjon' }).waitFor();
  await expect.poll(() => side.getByRole('combobox', { name: 'Inntektsår' }).inputValue()).not.toBe('');
  await side.getByRole('combobox', { name: 'Inntektsår' }).selectOption('2023');
  await side.getByLabel('Beregningsdato (valgfri)').fill('2024-06-01');
  await side.getByRole('textbox', { name: 'Fødselsnummer', exact: true }).fill('04817299771');
  await side.getByText('UPERSONLIG PÅFUNN', { exact: true }).waitFor();
  await side.getByRole('button', { name: 'Beregn', exact: true }).click();
  await side.getByRole('region', { name: /^Resultat/ }).waitFor();
  await side.getByRole('region', { name: 'Arkivering' }).waitFor();
}

describe.skipIf(!medBroker)('journaling in Chromium, over the real broker', { timeout: 180_000 }, () => {
  let lagring: Lagring;
  let tjener: Tjener;
  let fiksio: FiksIoStandin;
  let arkiv: StandinArkiv;
  let lytter: Abonnement;
  let forskyvning = 0;

  beforeAll(async () => {
    lagring = await aapneLagring({ iMinne: true, demodata: true });
    const T0 = new Date('2026-12-07T08:00:00Z');
    const [fagsystem, arkivpar] = await Promise.all([
      lagSelvsignertNoekkelpar('Inntektsgrunnlag', T0),
      lagSelvsignertNoekkelpar('Arkivet', T0),
    ]);
    const [fk, ak] = [randomUUID(), randomUUID()];
    const [fi, ai] = [
      { id: randomUUID(), passord: 'a' },
      { id: randomUUID(), passord: 'b' },
    ];
    fiksio = await startFiksIoStandin({
      amqpUrl: TEST_AMQP_URL,
      kontoer: [
        { kontoId: fk, navn: 'Inntektsgrunnlag', sertifikat: fagsystem.sertifikat, integrasjoner: [fi] },
        { kontoId: ak, navn: 'Arkivet', sertifikat: arkivpar.sertifikat, integrasjoner: [ai] },
      ],
    });
    const felles = { apiUrl: fiksio.url, amqpUrl: TEST_AMQP_URL, token: async () => 'token' };
    arkiv = await startStandinArkiv({
      fiksio: new FiksIoKlient({ ...felles, kontoId: ak, noekkelpar: arkivpar, integrasjon: ai }),
      saker: [{ saksaar: 2026, sakssekvensnummer: 12, tittel: 'Vederlag' }],
    });
    const tjeneste = new Arkivtjeneste({
      lagring,
      kanal: new FiksArkiv(
        new FiksIoKlient({ ...felles, kontoId: fk, noekkelpar: fagsystem, integrasjon: fi }),
        ak,
      ),
      mottakerKonto: ak,
      innstillinger: validerKommuneinnstillinger({ kommunenavn: 'Testkommune' }).arkiv,
      // The server's clock for the receipt's time limit: moved on by the test, not waited for.
      klokke: () => new Date(Date.now() + forskyvning),
      kvitteringsfristMs: 60_000,
    });
    lytter = await tjeneste.lytt();
    tjener = await startTjener({ lagring, arkiv: { tjeneste } });
  });

  afterAll(async () => {
    await tjener?.lukk();
    await lytter?.stopp();
    await arkiv?.stopp();
    await fiksio?.stopp({ slettKoeer: true });
    await lagring?.lukk();
  });

  it('sends from the result page and shows «Journalført: <id>» from the archive’s receipt', async () => {
    const side = await nySide(tjener.url);
    await tilResultat(side);
    const region = side.getByRole('region', { name: 'Arkivering' });
    await region.getByRole('radio', { name: /Notat uten oppfølging/ }).check();
    await region.getByRole('radio', { name: 'Eksisterende sak' }).check();
    await region.getByRole('textbox', { name: 'Saksnummer' }).fill('2026/12');
    await sjekkSteg(side, 'arkiv-1-valg');
    await region.getByRole('button', { name: 'Send til arkiv' }).click();
    const kvittert = region.getByRole('heading', { name: /^Journalført: / });
    await kvittert.waitFor({ timeout: 30_000 });
    const jp = arkiv.journalposter().at(-1);
    expect(await kvittert.textContent()).toBe(`Journalført: ${jp?.journalaar}/${jp?.journalsekvensnummer}`);
    await region.getByText(`Sak 2026/12, dokument ${jp?.journalpostnummer}`).waitFor();
    expect(jp).toMatchObject({ saksaar: 2026, sakssekvensnummer: 12, journalposttype: 'X' });
    await sjekkSteg(side, 'arkiv-2-journalfoert');
    expect(side.feil).toEqual([]);
    await side.context().close();
  });

  it('a lost receipt: shown as missing, and «Send igjen» makes one journalpost, not two', async () => {
    const side = await nySide(tjener.url);
    await tilResultat(side);
    const region = side.getByRole('region', { name: 'Arkivering' });
    await region.getByRole('radio', { name: 'Eksisterende sak' }).check();
    await region.getByRole('textbox', { name: 'Saksnummer' }).fill('2026/12');
    const foer = arkiv.journalposter().length;
    arkiv.mistKvitteringer(1);
    await region.getByRole('button', { name: 'Send til arkiv' }).click();
    await region
      .getByText('Arkivet har tatt imot forsendelsen. Venter på kvittering …')
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => arkiv.statistikk().mistet, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(arkiv.journalposter()).toHaveLength(foer + 1);
    const noekkel = arkiv.journalposter().at(-1)?.eksternNoekkel?.noekkel;
    forskyvning += 61_000;
    await region
      .getByRole('heading', { name: 'Arkivet har ikke sendt kvittering innen 1 minutt.' })
      .waitFor();
    await sjekkSteg(side, 'arkiv-3-ingen-kvittering');
    await region.getByRole('button', { name: 'Send igjen' }).click();
    const kvittert = region.getByRole('heading', { name: /^Journalført: / });
    await kvittert.waitFor({ timeout: 30_000 });
    const alle = arkiv.journalposter().filter((j) => j.eksternNoekkel?.noekkel === noekkel);
    expect(alle).toHaveLength(1);
    expect(arkiv.journalposter()).toHaveLength(foer + 1);
    expect(await kvittert.textContent()).toBe(
      `Journalført: ${alle[0]?.journalaar}/${alle[0]?.journalsekvensnummer}`,
    );
    expect(side.feil).toEqual([]);
    await side.context().close();
  });

  it('an outgoing letter: the vedtaksbrev as written under «Vedtaksbrev» is the main document, the beregning attached', async () => {
    const side = await nySide(tjener.url);
    await tilResultat(side);
    const brev = side.getByRole('region', { name: 'Vedtaksbrev' });
    await brev.getByLabel(/Vurderingen vår/).fill(VURDERING);
    await brev.getByRole('radio', { name: 'Nynorsk' }).check();
    const region = side.getByRole('region', { name: 'Arkivering' });
    await region.getByRole('radio', { name: /Utgående brev/ }).check();
    await region.getByRole('radio', { name: 'Ny sak' }).check();
    await sjekkSteg(side, 'arkiv-7-utgaaende-brev');
    const foer = arkiv.journalposter().length;
    await region.getByRole('button', { name: 'Send til arkiv' }).click();
    const kvittert = region.getByRole('heading', { name: /^Journalført: / });
    await kvittert.waitFor({ timeout: 30_000 });
    expect(arkiv.journalposter()).toHaveLength(foer + 1);
    const jp = arkiv.journalposter().at(-1);
    expect(await kvittert.textContent()).toBe(`Journalført: ${jp?.journalaar}/${jp?.journalsekvensnummer}`);
    await region
      .getByText(`Sak ${jp?.saksaar}/${jp?.sakssekvensnummer}, dokument ${jp?.journalpostnummer}`)
      .waitFor();
    expect(jp?.journalposttype).toBe('U');
    // The letter in the standard the case worker chose (its title is the letter's own), then the beregning.
    expect(jp?.dokumenter.map((d) => [d.rolle, d.filnavn, d.tittel])).toEqual([
      [
        'H',
        'vedtaksbrev-langtidsopphold-institusjon-2023.pdf',
        'Vedtak om vederlag for langtidsopphald i institusjon, inntektsår 2023',
      ],
      [
        'V',
        'beregning-langtidsopphold_institusjon-2023.pdf',
        'Beregning av vederlag for langtidsopphold i institusjon, inntektsår 2023',
      ],
    ]);
    await sjekkSteg(side, 'arkiv-8-utgaaende-journalfoert');
    expect(side.feil).toEqual([]);
    await side.context().close();
  });

  it('an error from the archive is shown, with «Send igjen»', async () => {
    const side = await nySide(tjener.url);
    await tilResultat(side);
    const region = side.getByRole('region', { name: 'Arkivering' });
    await region.getByRole('radio', { name: 'Eksisterende sak' }).check();
    await region.getByRole('textbox', { name: 'Saksnummer' }).fill('2026/999');
    await region.getByRole('button', { name: 'Send til arkiv' }).click();
    await region.getByRole('heading', { name: 'Arkivet avviste forsendelsen' }).waitFor({ timeout: 30_000 });
    await region.getByText('Saksmappe 2026/999 finnes ikke i arkivet').waitFor();
    await region.getByRole('button', { name: 'Send igjen' }).waitFor();
    await sjekkSteg(side, 'arkiv-4-feil');
    // A case number that is not one is named at its field, before anything is sent.
    await side.context().close();
  });
});

describe('without Fiks Arkiv, in Chromium', { timeout: 180_000 }, () => {
  let tjener: Tjener;
  beforeAll(async () => {
    tjener = await startTjener();
  });
  afterAll(() => tjener?.lukk());

  it('offers only the package, names a bad case number, and downloads the zip', async () => {
    const side = await nySide(tjener.url);
    await tilResultat(side);
    const region = side.getByRole('region', { name: 'Arkivering' });
    await region
      .getByText('Kommunens arkiv er ikke koblet til Inntektsgrunnlag.', { exact: false })
      .waitFor();
    expect(await region.getByRole('button', { name: 'Send til arkiv' }).count()).toBe(0);
    await region.getByRole('radio', { name: 'Eksisterende sak' }).check();
    await region.getByRole('textbox', { name: 'Saksnummer' }).fill('12');
    await region.getByRole('button', { name: 'Last ned arkivpakke' }).click();
    await region.getByText('Skriv saksnummeret som år og løpenummer, for eksempel 2026/123').waitFor();
    expect(await region.getByRole('textbox', { name: 'Saksnummer' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await sjekkSteg(side, 'arkiv-5-uten-arkiv-feil');
    await region.getByRole('textbox', { name: 'Saksnummer' }).fill('2026/12');
    const [nedlasting] = await Promise.all([
      side.waitForEvent('download'),
      region.getByRole('button', { name: 'Last ned arkivpakke' }).click(),
    ]);
    expect(nedlasting.suggestedFilename()).toMatch(
      /^arkivpakke-langtidsopphold-institusjon-2023-[0-9a-f]{8}\.zip$/,
    );
    const filer = unzipSync(new Uint8Array(readFileSync(await nedlasting.path())));
    expect(Object.keys(filer)).toEqual([
      'arkivmelding.xml',
      '01-beregning-langtidsopphold_institusjon-2023.pdf',
    ]);
    expect(strFromU8(filer['arkivmelding.xml'] as Uint8Array)).toContain(
      '<n5mdk:sakssekvensnummer>12</n5mdk:sakssekvensnummer>',
    );
    await region.getByText('Arkivpakken er lastet ned.').waitFor();
    await sjekkSteg(side, 'arkiv-6-pakke');
    expect(side.feil).toEqual([]);
    await side.context().close();
  });

  it('the package of an outgoing letter holds the vedtaksbrev as written, and the beregning', async () => {
    const side = await nySide(tjener.url);
    await tilResultat(side);
    await side
      .getByRole('region', { name: 'Vedtaksbrev' })
      .getByLabel(/Vurderingen vår/)
      .fill(VURDERING);
    const region = side.getByRole('region', { name: 'Arkivering' });
    await region.getByRole('radio', { name: /Utgående brev/ }).check();
    await region.getByRole('radio', { name: 'Eksisterende sak' }).check();
    await region.getByRole('textbox', { name: 'Saksnummer' }).fill('2026/12');
    const [nedlasting] = await Promise.all([
      side.waitForEvent('download'),
      region.getByRole('button', { name: 'Last ned arkivpakke' }).click(),
    ]);
    const filer = unzipSync(new Uint8Array(readFileSync(await nedlasting.path())));
    expect(Object.keys(filer)).toEqual([
      'arkivmelding.xml',
      '01-vedtaksbrev-langtidsopphold-institusjon-2023.pdf',
      '02-beregning-langtidsopphold_institusjon-2023.pdf',
    ]);
    const xml = strFromU8(filer['arkivmelding.xml'] as Uint8Array);
    expect(
      await validerMotSkjema(xml, skjemafil('no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett')),
    ).toEqual({
      gyldig: true,
      feil: [],
    });
    expect(xml).toMatch(/<journalposttype>\s*<n5mdk:kode>U<\/n5mdk:kode>/);
    // The letter reads as the case worker wrote it: the decision, the considerations, the appeal.
    const tekst = pdftekst(filer['01-vedtaksbrev-langtidsopphold-institusjon-2023.pdf'] as Uint8Array);
    expect(tekst).toContain('Vedtak om vederlag for langtidsopphold i institusjon');
    expect(tekst).toContain(VURDERING);
    expect(tekst).toContain('Du kan klage på vedtaket');
    expect(tekst).not.toContain('04817299771');
    await region.getByText('Arkivpakken er lastet ned.').waitFor();
    expect(side.feil).toEqual([]);
    await side.context().close();
  });
});
