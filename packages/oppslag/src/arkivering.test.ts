import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skjemafil, validerMotSkjema } from '@inntektsgrunnlag/arkiv';
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, demooppsettFor, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesGullfiler, lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ArkivIkkeSattOpp,
  Arkivtjeneste,
  arkivdokumenter,
  beregningsdokument,
  type Oppslagsresultat,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
  vedtaksbrevdokument,
} from './index.js';

/**
 * The arkivmelding of every golden case and of KS's example, with the real documents (the beregning's
 * PDF/A and the vedtaksbrev from packages/dokument), valid against KS's schema for both journalpost
 * types: X with the beregning alone, U with the letter as main document and the beregning attached.
 */

const OPPRETT = skjemafil('no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett');
const innstillinger = validerKommuneinnstillinger({ kommunenavn: 'Testkommune' });
const NAA = new Date('2026-12-07T09:00:00Z');
const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: { beregningstype: string };
};

/** The case worker's reasons: the letter needs them where the municipality put posts in. */
const VURDERINGER = 'Postene kommunen har lagt inn, er dokumentert i saken.';

/** The text of a PDF as pdftotext (poppler) reads it, spaces normalised. */
function pdftekst(pdf: Uint8Array): string {
  const mappe = mkdtempSync(join(tmpdir(), 'oppslag-arkiv-'));
  try {
    writeFileSync(join(mappe, 'd.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(mappe, 'd.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
  } finally {
    rmSync(mappe, { recursive: true, force: true });
  }
}

let lagring: Lagring;
let oppslag: Oppslagstjeneste;
let tjeneste: Arkivtjeneste;

beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
  oppslag = new Oppslagstjeneste({
    lagring,
    kilder: innebygdeKilder(),
    regelverk: standardRegelverk(),
    innstillinger,
    klokke: () => NAA,
  });
  tjeneste = new Arkivtjeneste({
    lagring,
    kanal: null,
    mottakerKonto: null,
    innstillinger: innstillinger.arkiv,
    klokke: () => NAA,
  });
});
afterAll(() => lagring.lukk());

async function beregn(foresporsel: { beregningstype: string }, saksreferanse?: string) {
  const demo = demooppsettFor(foresporsel.beregningstype);
  const aktoer = demo ? await lagring.brukere.aktoer(demo.bruker.id) : null;
  if (!demo || !aktoer) throw new Error(`ingen demobruker for ${foresporsel.beregningstype}`);
  const { resultat } = await oppslag.beregn({
    autentisering: { ok: true, aktoer },
    rolleId: demo.rolle.id,
    foresporsel,
    ...(saksreferanse ? { saksreferanse } : {}),
  });
  return { resultat, aktoer, rolleId: demo.rolle.id };
}

const TILFELLER: Array<{ id: string; foresporsel: { beregningstype: string; beregningsdato?: string } }> = [
  ...lesGullfiler('').map((g) => ({
    id: g.id as string,
    foresporsel: g.foresporsel as { beregningstype: string },
  })),
  {
    id: 'KS-eksempelet (langtidsopphold 2023)',
    foresporsel: { ...ks.foresporsel, beregningsdato: '2024-06-01' },
  },
];

describe('the arkivmelding of every golden case and the KS example', () => {
  for (const t of TILFELLER) {
    it(`${t.id}: X (the beregning alone) and U (letter and beregning), valid against the schema`, async () => {
      const { resultat } = await beregn(t.foresporsel);
      const beregning = await beregningsdokument(resultat, innstillinger);
      expect(new TextDecoder().decode(beregning.innhold.subarray(0, 8))).toBe('%PDF-1.7');
      const vedtaksbrev = await vedtaksbrevdokument(resultat, { vurderinger: VURDERINGER }, innstillinger);
      expect(vedtaksbrev.filnavn).toMatch(/^vedtaksbrev-[a-z-]+-\d{4}\.pdf$/);
      // The letter the archive gets reads as a decision: the considerations, the appeal, the documents,
      // and no fødselsnummer in full.
      const brev = pdftekst(vedtaksbrev.innhold);
      expect(brev).toContain(VURDERINGER);
      expect(brev).toContain('Du kan klage på vedtaket');
      expect(brev).toContain('Du har rett til å se dokumentene i saken');
      expect(brev).toContain(String(resultat.inntektsaar));
      for (const p of resultat.personer) expect(brev).not.toContain(p.identifikator);
      for (const [type, saksmappe] of [
        ['X', { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 12 }],
        ['U', { type: 'NY' }],
      ] as const) {
        const { melding } = tjeneste.melding({
          id: '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
          resultat,
          valg: { journalposttype: type, saksmappe, partnavn: 'Navn Fra Saksbehandler' },
          dokumenter: arkivdokumenter(type, beregning, vedtaksbrev),
        });
        const r = await validerMotSkjema(melding.xml, OPPRETT);
        expect(r.feil).toEqual([]);
        expect(r.gyldig).toBe(true);
        expect(melding.filer).toHaveLength(type === 'U' ? 2 : 1);
        // The main document is the letter for U, the beregning for X; the beregning is U's attachment.
        const dokumenter = [
          ...melding.xml.matchAll(/<dokumentbeskrivelse>([\s\S]*?)<\/dokumentbeskrivelse>/g),
        ]
          .map((m) => m[1] as string)
          .map((d) => [
            /<tilknyttetRegistreringSom>\s*<n5mdk:kode>([A-Z])<\/n5mdk:kode>/.exec(d)?.[1],
            /<filnavn>([^<]*)<\/filnavn>/.exec(d)?.[1],
          ]);
        expect(dokumenter).toEqual(
          type === 'U'
            ? [
                ['H', vedtaksbrev.filnavn],
                ['V', beregning.filnavn],
              ]
            : [['H', beregning.filnavn]],
        );
        expect(melding.filer[0]?.innhold).toEqual(type === 'U' ? vedtaksbrev.innhold : beregning.innhold);
        // No name and no identifier in any title: titles are shown in the public journal.
        const titler = [...melding.xml.matchAll(/<tittel>([^<]*)<\/tittel>/g)].map((m) => m[1] as string);
        for (const tittel of titler) {
          for (const p of resultat.personer) expect(tittel).not.toContain(p.identifikator);
          expect(tittel).not.toContain('Navn Fra Saksbehandler');
        }
      }
    });
  }

  it('uses the name from Folkeregisteret when the lookup fetched it, and the applicant’s screening', async () => {
    const { resultat } = await beregn({ ...ks.foresporsel, beregningsdato: '2024-06-01' } as {
      beregningstype: string;
    });
    const soeker = resultat.personer.find((p) => p.type === 'SOEKER');
    expect(soeker?.navn).toBeDefined();
    const { melding } = tjeneste.melding({
      id: '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      resultat,
      valg: { journalposttype: 'X', saksmappe: { type: 'NY' } },
      dokumenter: arkivdokumenter('X', await beregningsdokument(resultat, innstillinger)),
    });
    const navn = [soeker?.navn?.fornavn, soeker?.navn?.mellomnavn, soeker?.navn?.etternavn]
      .filter(Boolean)
      .join(' ');
    expect(melding.xml).toContain(`<partNavn>${navn}</partNavn>`);
    expect(melding.xml).toContain(`<identifikator>${soeker?.identifikator}</identifikator>`);
    expect(melding.xml).toContain('<tittel>Vederlag for langtidsopphold i institusjon</tittel>');
    expect(melding.xml).toContain(
      '<tittel>Beregning av vederlag for langtidsopphold i institusjon, inntektsår 2023</tittel>',
    );
  });
});

describe('choices and faults', () => {
  let resultat: Oppslagsresultat;
  beforeAll(async () => {
    resultat = (await beregn(lesGullfiler('praktisk')[0]?.foresporsel as { beregningstype: string }))
      .resultat;
  });

  it('names a missing name, a bad case number and an unknown type', async () => {
    const dokumenter = arkivdokumenter('X', await beregningsdokument(resultat, innstillinger));
    const feil = (valg: unknown) => {
      try {
        tjeneste.melding({ id: '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', resultat, valg, dokumenter });
      } catch (e) {
        if (e instanceof Valideringsfeil) return e.feil.map((f) => f.felt);
        throw e;
      }
      return [];
    };
    expect(feil({ journalposttype: 'X', saksmappe: { type: 'NY' } })).toEqual(['arkiv.partnavn']);
    expect(feil({ journalposttype: 'X', saksmappe: { type: 'EKSISTERENDE', saksaar: 2026 } })).toEqual([
      'arkiv.saksmappe.sakssekvensnummer',
    ]);
    expect(feil({ journalposttype: 'I', saksmappe: { type: 'NY' }, partnavn: 'x' })).toEqual([
      'arkiv.journalposttype',
    ]);
  });

  it('refuses U without a vedtaksbrev', async () => {
    expect(() =>
      arkivdokumenter('U', { tittel: 'b', filnavn: 'b.pdf', innhold: new Uint8Array([1]) }),
    ).toThrow(/krever et vedtaksbrev/);
  });

  it('without an archive: refuses to send, and gives the zip, audited', async () => {
    const demo = demooppsettFor('PRAKTISK_BISTAND');
    const aktoer = await lagring.brukere.aktoer(demo?.bruker.id ?? '');
    if (!aktoer || !demo) throw new Error();
    const dokumenter = arkivdokumenter('X', await beregningsdokument(resultat, innstillinger));
    const valg = {
      journalposttype: 'X',
      saksmappe: { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 3 },
      partnavn: 'Ola',
    };
    await expect(
      tjeneste.send({ aktoer, rolleId: demo.rolle.id, resultat, valg, dokumenter }),
    ).rejects.toThrow(ArkivIkkeSattOpp);
    const foer = (await lagring.revisjonslogg.liste({ siste: 1000 })).length;
    const { zip, filnavn } = await tjeneste.arkivpakke({
      aktoer,
      rolleId: demo.rolle.id,
      resultat,
      valg,
      dokumenter,
    });
    expect(filnavn).toMatch(/^arkivpakke-praktisk-bistand-2021-[0-9a-f]{8}\.zip$/);
    const filer = unzipSync(zip);
    expect(Object.keys(filer)).toEqual(['arkivmelding.xml', '01-beregning-praktisk_bistand-2021.pdf']);
    const xml = strFromU8(filer['arkivmelding.xml'] as Uint8Array);
    expect((await validerMotSkjema(xml, OPPRETT)).gyldig).toBe(true);
    expect(filer['01-beregning-praktisk_bistand-2021.pdf']).toEqual(dokumenter[0]?.innhold);
    const poster = await lagring.revisjonslogg.liste({ siste: 1000 });
    expect(poster.length).toBe(foer + 1);
    expect(poster.at(-1)).toMatchObject({
      formaal: 'ARKIVPAKKE: lastet ned for manuell import i arkivet',
      beregningstype: 'PRAKTISK_BISTAND',
      identifikatorer: resultat.personer.map((p) => p.identifikator),
      aktoerId: aktoer.id,
      utfall: 'TILLATT',
    });
  });
});
