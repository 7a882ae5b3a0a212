import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { type ArkivmeldinginnholdInn, byggArkivmelding, referanseDokumentfil } from './arkivmelding.js';
import { skjemafil, validerMotSkjema } from './xmllint.js';

const OPPRETT = skjemafil('no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett');
const pdf = (tekst: string) => new TextEncoder().encode(`%PDF-1.7\n${tekst}\n%%EOF\n`);

function innhold(over: Partial<ArkivmeldinginnholdInn> = {}): ArkivmeldinginnholdInn {
  return {
    system: 'Inntektsgrunnlag',
    eksternNoekkel: { fagsystem: 'Inntektsgrunnlag', noekkel: '0b6f1c1e-8d1e-4d84-9d5c-6f1a2b3c4d5e' },
    saksmappe: { type: 'EKSISTERENDE', saksaar: 2026, sakssekvensnummer: 123 },
    journalpost: {
      journalposttype: 'X',
      tittel: 'Beregning av vederlag for langtidsopphold, inntektsår 2024',
      dokumentetsDato: '2026-12-07',
      opprettet: '2026-12-07T10:15:00+01:00',
      opprettetAv: 'Kari Saksbehandler',
    },
    part: { navn: 'Ola Nordmann', identifikator: '04817299771', adressebeskyttet: false },
    dokumenter: [
      {
        tittel: 'Beregning',
        filnavn: 'beregning-langtidsopphold-2024.pdf',
        rolle: 'HOVEDDOKUMENT',
        innhold: pdf('b'),
      },
    ],
    ...over,
  };
}

/** Elements by local name anywhere in the document (namespaces as xmllint checks them). */
function alle(xml: string, navn: string): string[] {
  const treff = [...xml.matchAll(new RegExp(`<(?:\\w+:)?${navn}(?:\\s[^>]*)?>([^<]*)</`, 'g'))];
  return treff.map((m) => m[1] as string);
}

describe('byggArkivmelding', () => {
  it('an internal note (X) with the beregning alone, in an existing case: valid against KS’s schema', async () => {
    const { xml, filer } = byggArkivmelding(innhold());
    expect(await validerMotSkjema(xml, OPPRETT)).toEqual({ gyldig: true, feil: [] });
    expect(filer.map((f) => f.navn)).toEqual(['01-beregning-langtidsopphold-2024.pdf']);
    expect(alle(xml, 'antallFiler')).toEqual(['1']);
    expect(alle(xml, 'saksaar')).toEqual(['2026']);
    expect(alle(xml, 'sakssekvensnummer')).toEqual(['123']);
    expect(alle(xml, 'kode')).toContain('X');
    // An internal note has no correspondence party; the citizen is the party of the case, screened.
    expect(xml).not.toContain('korrespondansepart');
    expect(alle(xml, 'partNavn')).toEqual(['Ola Nordmann']);
    expect(alle(xml, 'erSkjermet')).toEqual(['true']);
    expect(alle(xml, 'skjermingshjemmel')).toEqual([
      'Offl. § 13 jf. fvl. § 13 første ledd nr. 1',
      'Offl. § 13 jf. fvl. § 13 første ledd nr. 1',
    ]);
    expect(xml).not.toMatch(/merknad/);
  });

  it('an outgoing letter (U): the letter as main document, the beregning as attachment, a new case', async () => {
    const { xml, filer } = byggArkivmelding(
      innhold({
        saksmappe: {
          type: 'NY',
          tittel: 'Vederlag for langtidsopphold i institusjon',
          eksternNoekkel: { fagsystem: 'Inntektsgrunnlag', noekkel: 'sak-0b6f1c1e' },
          saksansvarlig: 'Kari Saksbehandler',
          administrativEnhet: 'Helse og omsorg',
        },
        journalpost: {
          journalposttype: 'U',
          tittel: 'Vedtak om vederlag for langtidsopphold',
          dokumentetsDato: '2026-12-07',
          opprettet: '2026-12-07T10:15:00+01:00',
        },
        dokumenter: [
          { tittel: 'Vedtak', filnavn: 'Vedtaksbrev, søknad.pdf', rolle: 'HOVEDDOKUMENT', innhold: pdf('v') },
          { tittel: 'Beregning', filnavn: 'beregning.pdf', rolle: 'VEDLEGG', innhold: pdf('b') },
        ],
      }),
    );
    expect(await validerMotSkjema(xml, OPPRETT)).toEqual({ gyldig: true, feil: [] });
    expect(filer.map((f) => f.navn)).toEqual(['01-vedtaksbrev-soknad.pdf', '02-beregning.pdf']);
    expect(alle(xml, 'filnavn')).toEqual(['Vedtaksbrev, søknad.pdf', 'beregning.pdf']);
    expect(alle(xml, 'antallVedlegg')).toEqual(['1']);
    // The journalpost sits in the new folder, found by the folder's external key.
    expect(alle(xml, 'noekkel')).toEqual([
      'sak-0b6f1c1e',
      'sak-0b6f1c1e',
      '0b6f1c1e-8d1e-4d84-9d5c-6f1a2b3c4d5e',
    ]);
    expect(alle(xml, 'korrespondansepartNavn')).toEqual(['Ola Nordmann']);
    expect(alle(xml, 'personid')).toEqual(['04817299771']);
    const obj = convert(xml, { format: 'object' }) as Record<string, Record<string, unknown>>;
    expect(Object.keys(obj)).toEqual(['arkivmelding']);
  });

  it('a citizen with adressebeskyttelse gets a screened note, never an address', async () => {
    const { xml } = byggArkivmelding(
      innhold({ part: { navn: 'Skjermet Person', identifikator: '04817299771', adressebeskyttet: true } }),
    );
    expect(await validerMotSkjema(xml, OPPRETT)).toEqual({ gyldig: true, feil: [] });
    expect(alle(xml, 'merknadstekst')[0]).toMatch(/adressebeskyttelse/);
    expect(xml).not.toMatch(/postadresse|postnummer|poststed/);
  });

  it('N (for oppfølging) is valid too; the municipality’s own screening code is used', async () => {
    const { xml } = byggArkivmelding(
      innhold({
        journalpost: { ...innhold().journalpost, journalposttype: 'N' },
        skjerming: {
          tilgangsrestriksjon: { kode: '13', beskrivelse: 'Offl. § 13' },
          skjermingshjemmel: 'Offl. § 13',
        },
      }),
    );
    expect(await validerMotSkjema(xml, OPPRETT)).toEqual({ gyldig: true, feil: [] });
    expect(alle(xml, 'kode')).toEqual(expect.arrayContaining(['N', '13']));
  });

  it('the schema check catches a message that breaks the schema', async () => {
    const { xml } = byggArkivmelding(innhold());
    const brutt = xml.replace(/<journalposttype>[\s\S]*?<\/journalposttype>/, '');
    const r = await validerMotSkjema(brutt, OPPRETT);
    expect(r.gyldig).toBe(false);
    expect(r.feil.join('\n')).toMatch(/journalposttype/);
  });

  it('names every bad field', () => {
    try {
      byggArkivmelding(
        innhold({
          part: { navn: '', identifikator: '12345678901', adressebeskyttet: false },
          dokumenter: [{ tittel: 'x', filnavn: 'a/b.pdf', rolle: 'VEDLEGG', innhold: new Uint8Array() }],
        }),
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Valideringsfeil);
      const felt = (e as Valideringsfeil).feil.map((f) => f.felt);
      expect(felt).toEqual(
        expect.arrayContaining([
          'part.navn',
          'part.identifikator',
          'dokumenter.0.filnavn',
          'dokumenter.0.innhold',
          'dokumenter',
        ]),
      );
    }
  });

  it('refuses the same key for the new folder and the journalpost', () => {
    expect(() =>
      byggArkivmelding(
        innhold({
          saksmappe: {
            type: 'NY',
            tittel: 't',
            eksternNoekkel: {
              fagsystem: 'Inntektsgrunnlag',
              noekkel: '0b6f1c1e-8d1e-4d84-9d5c-6f1a2b3c4d5e',
            },
          },
        }),
      ),
    ).toThrow(Valideringsfeil);
  });
});

describe('referanseDokumentfil', () => {
  it('is ASCII, numbered and ends in .pdf', () => {
    expect(referanseDokumentfil(1, 'Vedtak – Åse Øvre.PDF')).toBe('01-vedtak-ase-ovre.pdf');
    expect(referanseDokumentfil(12, '...')).toBe('12-dokument.pdf');
  });
});
