import { type Beregningsresultat, beregnForesporsel, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { beregner as langtidsopphold } from '@inntektsgrunnlag/langtidsopphold';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gullresultater, IDAG, ksResultatMedNavn } from '../../test/resultater.js';
import { lagVedtaksbrev } from './innhold.js';
import type { BrevmetadataInn } from './skjema.js';

const METADATA: BrevmetadataInn = {
  kommunenavn: 'Tønsberg kommune',
  kommunenummer: '3905',
  laget: { rolle: 'saksbehandler', brukernavn: 'Kari Nordmann' },
  opprettet: '2026-12-07T10:15:00+01:00',
};
const GRUNN = 'Postene kommunen har lagt inn er dokumentert.';
const KS = ksResultatMedNavn();

function feltFra(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof Valideringsfeil) return e.feil.map((x) => x.felt);
    throw e;
  }
  throw new Error('forventet Valideringsfeil');
}

/** A long-term stay that starts within the beregning: the first month is free. */
function medInnflytting(): Beregningsresultat {
  const gull = lesGullfiler('langtidsopphold-handelsbanken')[0];
  if (!gull) throw new Error('gullfilen mangler');
  const foresporsel = {
    ...(gull.foresporsel as Record<string, unknown>),
    vedtak: { innflyttingsdato: '2024-02-10', oppholdskostnadPerMaaned: 40000 },
  };
  return beregnForesporsel(langtidsopphold, foresporsel, { idag: IDAG });
}

/** Every text of a letter, flattened: what the PDF and the preview show. */
const alt = (brev: unknown) => JSON.stringify(brev);

describe('the content of a letter', () => {
  it('starts the fee after the free first month, and says so', () => {
    const { brev, metadata } = lagVedtaksbrev(medInnflytting(), {}, METADATA);
    const tekst = alt(brev);
    expect(tekst).toContain('fra 10. mars 2024');
    expect(tekst).toContain('fra 10. februar 2024 til og med 9. mars 2024, betaler du ikke vederlag');
    expect(tekst).toContain('Hva oppholdet koster kommunen');
    expect(metadata.dokumentdato).toBe('2026-12-07');
  });

  it('refuses a start date inside the free month, and takes a later one', () => {
    expect(feltFra(() => lagVedtaksbrev(medInnflytting(), { gjelderFra: '2024-03-01' }, METADATA))).toEqual([
      'vedtaksbrev.gjelderFra',
    ]);
    expect(alt(lagVedtaksbrev(medInnflytting(), { gjelderFra: '2024-04-01' }, METADATA).brev)).toContain(
      'fra 1. april 2024',
    );
  });

  it('dates the letter in Norwegian time, and holds a barnehage decision to the end of the barnehage year', () => {
    const barnehage = gullresultater().find((g) => g.id === 'barnehage-tusenbein-2025')?.resultat;
    if (!barnehage) throw new Error('gullfilen mangler');
    const sent = { ...METADATA, opprettet: '2026-12-07T23:30:00Z' };
    const { brev } = lagVedtaksbrev(barnehage, { gjelderFra: '2025-09-01' }, sent);
    expect(brev.vedtaksdato).toBe('2026-12-08');
    expect(alt(brev)).toContain('til og med 31. juli 2026');
    const vaar = lagVedtaksbrev(barnehage, { gjelderFra: '2026-03-01' }, METADATA).brev;
    expect(alt(vaar)).toContain('til og med 31. juli 2026');
  });

  it('gives the archive the parties, the signatory and a file name without personal data', () => {
    const { metadata, brev } = lagVedtaksbrev(
      KS,
      { vurderinger: GRUNN, kopiTil: [{ navn: 'Ola Verge', rolle: 'verge' }], saksreferanse: '2026/77' },
      {
        ...METADATA,
        innstillinger: {
          underskriver: { navn: 'Siri Leder', tittel: { nb: 'enhetsleder', nn: 'einingsleiar' } },
        },
      },
    );
    expect(metadata.parter).toEqual([
      expect.objectContaining({
        rolle: 'MOTTAKER',
        identifikator: '04817299771',
        navn: 'UPERSONLIG PÅFUNN',
        skjermet: false,
      }),
      expect.objectContaining({ rolle: 'PART', identifikator: '27847099416', skjermet: false }),
    ]);
    expect(metadata).toMatchObject({
      tittel: 'Vedtak om vederlag for langtidsopphold i institusjon',
      saksreferanse: '2026/77',
      kommunenummer: '3905',
      skjermet: false,
      underskriver: { navn: 'Siri Leder', tittel: 'enhetsleder' },
      kopimottakere: [{ navn: 'Ola Verge', rolle: 'verge', adresselinjer: [] }],
      filnavn: 'vedtaksbrev-langtidsopphold-institusjon-2023.pdf',
    });
    expect(brev.kopi?.mottakere).toEqual(['Ola Verge (verge)']);
    const nn = lagVedtaksbrev(
      KS,
      { vurderinger: GRUNN, spraak: 'nn' },
      {
        ...METADATA,
        innstillinger: {
          underskriver: { navn: 'Siri Leder', tittel: { nb: 'enhetsleder', nn: 'einingsleiar' } },
        },
      },
    );
    expect(nn.brev.underskrift.tittel).toBe('einingsleiar');
  });

  it("prints the case worker's considerations paragraph by paragraph, and lists the municipality's posts as facts", () => {
    const { brev } = lagVedtaksbrev(
      KS,
      { vurderinger: 'Første avsnitt.\nNy linje.\n\n\nAndre avsnitt.' },
      METADATA,
    );
    const vurderinger = brev.deler.find((d) => d.id === 'vurderinger');
    expect(vurderinger?.innhold).toEqual([
      { type: 'avsnitt', tekst: 'Første avsnitt.\nNy linje.' },
      { type: 'avsnitt', tekst: 'Andre avsnitt.' },
    ]);
    expect(alt(brev.deler.find((d) => d.id === 'fakta'))).toContain('Tenkt etterlattepensjon');
  });
});

describe('bad input, named by field', () => {
  it('names bad letter fields and metadata together', () => {
    expect(
      feltFra(() =>
        lagVedtaksbrev(KS, { spraak: 'se', vedtaksdato: '7.12.2026' }, { ...METADATA, kommunenavn: ' ' }),
      ).sort(),
    ).toEqual(['metadata.kommunenavn', 'vedtaksbrev.spraak', 'vedtaksbrev.vedtaksdato']);
    expect(feltFra(() => lagVedtaksbrev(KS, { ukjent: 1 }, METADATA))).toEqual(['vedtaksbrev']);
  });

  it('refuses a result without a fee, a missing fee field, and an area without letters', () => {
    expect(
      feltFra(() => lagVedtaksbrev({ ...KS, vederlag: null }, { vurderinger: GRUNN }, METADATA)),
    ).toEqual(['resultat.vederlag']);
    const { perMaaned: _p, ...utenPerMaaned } = KS.vederlag as Record<string, unknown>;
    expect(
      feltFra(() => lagVedtaksbrev({ ...KS, vederlag: utenPerMaaned }, { vurderinger: GRUNN }, METADATA)),
    ).toEqual(['resultat.vederlag.perMaaned']);
    expect(feltFra(() => lagVedtaksbrev({ ...KS, beregningstype: 'TANNHELSE' }, {}, METADATA))).toEqual([
      'resultat.beregningstype',
    ]);
    expect(feltFra(() => lagVedtaksbrev({ ...KS, personer: [] }, {}, METADATA))).toEqual([
      'resultat.personer',
    ]);
  });

  it("needs the case worker's reasons when the municipality put posts in", () => {
    expect(feltFra(() => lagVedtaksbrev(KS, {}, METADATA))).toEqual(['vedtaksbrev.vurderinger']);
    expect(feltFra(() => lagVedtaksbrev(KS, { vurderinger: '   ' }, METADATA))).toEqual([
      'vedtaksbrev.vurderinger',
    ]);
  });

  it('refuses a fødselsnummer in free text, and the name of a screened person', () => {
    expect(
      feltFra(() =>
        lagVedtaksbrev(
          KS,
          { vurderinger: `Ektefellen (278470 99416) har ${GRUNN}`, kopiTil: [{ navn: '04817299771' }] },
          METADATA,
        ),
      ),
    ).toEqual(['vedtaksbrev.vurderinger', 'vedtaksbrev.kopiTil.0.navn']);
    // Eleven digits that are no identifier (a bank account) are not refused.
    expect(() => lagVedtaksbrev(KS, { vurderinger: `${GRUNN} Konto 12345678901.` }, METADATA)).not.toThrow();
    const skjermet = { ...KS, personer: KS.personer.map((p, i) => (i === 1 ? { ...p, skjermet: true } : p)) };
    expect(
      feltFra(() => lagVedtaksbrev(skjermet, { vurderinger: `Oppriktig Damesykkel: ${GRUNN}` }, METADATA)),
    ).toEqual(['vedtaksbrev.vurderinger']);
  });

  it("does not print the lookup's case reference when it holds a fødselsnummer", () => {
    const r = { ...KS, utfoert: { saksreferanse: 'sak 04817299771' } };
    expect(feltFra(() => lagVedtaksbrev(r, { vurderinger: GRUNN }, METADATA))).toEqual([
      'vedtaksbrev.saksreferanse',
    ]);
    expect(
      lagVedtaksbrev(r, { vurderinger: GRUNN, saksreferanse: '2026/5' }, METADATA).metadata.saksreferanse,
    ).toBe('2026/5');
    expect(
      lagVedtaksbrev({ ...KS, utfoert: { saksreferanse: '2026/6' } }, { vurderinger: GRUNN }, METADATA)
        .metadata.saksreferanse,
    ).toBe('2026/6');
  });

  it('refuses a name or address for an applicant with address protection', () => {
    const skjermet = { ...KS, personer: KS.personer.map((p, i) => (i === 0 ? { ...p, skjermet: true } : p)) };
    expect(
      feltFra(() =>
        lagVedtaksbrev(skjermet, { vurderinger: GRUNN, mottaker: { adresselinjer: ['Gate 1'] } }, METADATA),
      ),
    ).toEqual(['vedtaksbrev.mottaker']);
    expect(lagVedtaksbrev(skjermet, { vurderinger: GRUNN }, METADATA).brev.mottaker).toBeNull();
  });

  it('refuses a logo that is not a PNG or JPEG PDF/A can carry', () => {
    const felt = (logo: unknown) =>
      feltFra(() => lagVedtaksbrev(KS, { vurderinger: GRUNN }, { ...METADATA, innstillinger: { logo } }));
    expect(felt('https://kommune.no/logo.png')).toEqual(['metadata.innstillinger.logo']);
    expect(felt(`data:image/png;base64,${Buffer.from('GIF89a').toString('base64')}`)).toEqual([
      'metadata.innstillinger.logo',
    ]);
  });
});

describe('personal data in the content (property)', () => {
  /** Persons with any names and any screening, on the KS result. */
  const personer = fc.array(
    fc.record({
      skjermet: fc.boolean(),
      fornavn: fc.stringMatching(/^[A-ZÆØÅ]{3,12}$/),
      etternavn: fc.stringMatching(/^[A-ZÆØÅ]{3,12}$/),
    }),
    { minLength: 2, maxLength: 2 },
  );

  it('never holds a full fødselsnummer, nor anything of a screened person', () => {
    fc.assert(
      fc.property(personer, fc.constantFrom('nb' as const, 'nn' as const), (p, spraak) => {
        const r = {
          ...KS,
          personer: KS.personer.map((x, i) => ({
            ...x,
            skjermet: (p[i] as (typeof p)[number]).skjermet,
            navn: {
              fornavn: (p[i] as (typeof p)[number]).fornavn,
              mellomnavn: null,
              etternavn: (p[i] as (typeof p)[number]).etternavn,
            },
          })),
        };
        const { brev } = lagVedtaksbrev(r, { vurderinger: GRUNN, spraak }, METADATA);
        const tekst = alt(brev);
        expect(tekst).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
        r.personer.forEach((x) => {
          expect(tekst).not.toContain(x.identifikator);
          const prefiks = x.identifikator.slice(0, 6);
          const navn = `${x.navn.fornavn} ${x.navn.etternavn}`;
          if (x.skjermet) {
            expect(tekst).not.toContain(prefiks);
            expect(tekst).not.toContain(navn);
          } else {
            expect(tekst).toContain(`${prefiks}*****`);
            expect(tekst).toContain(navn);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
