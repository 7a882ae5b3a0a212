import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import {
  beregnEtteroppgjoer,
  etteroppgjoersinnstillingerSkjema,
  etteroppgjoerTilJson,
  fakturertSkjema,
  oppholdSkjema,
} from '@inntektsgrunnlag/etteroppgjoer';
import { beregner, innstillingerSkjema, vedtakSkjema } from '@inntektsgrunnlag/langtidsopphold';
import { Beloep } from '@inntektsgrunnlag/money';
import { GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, Regelverk } from '@inntektsgrunnlag/regelverk';
import { describe, expect, it } from 'vitest';
import { ksLangtidsopphold2023 } from '../../test/fikstur/ks-langtidsopphold-2023.js';
import { fontrader, poppler } from '../../test/poppler.js';
import { formaterKroner } from '../format.js';
import { lagVedtaksbrev, lagVedtaksbrevPdf } from './index.js';
import type { BrevmetadataInn } from './skjema.js';
import { SPRAAK, type Spraak } from './spraak.js';

/**
 * The etteroppgjør's decision letter for the six worked examples of packages/etteroppgjoer
 * (src/eksempler/*.json, the arithmetic written out there), computed by the etteroppgjør package and
 * put beside a langtidsopphold result as the API and the CLI do.
 */

const MAPPE = fileURLToPath(new URL('../../../etteroppgjoer/src/eksempler/', import.meta.url));

interface Eksempel {
  navn: string;
  inntektsaar: number;
  beregningsgrunnlag: number;
  vedtak: unknown;
  opphold: unknown;
  innstillinger: unknown;
  fakturert: unknown;
  forventet: { sumEndelig: number; sumFakturert: number; differanse: number; maanederOverMaksimum: string[] };
}

const EKSEMPLER: Eksempel[] = readdirSync(MAPPE)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(`${MAPPE}${f}`, 'utf8')) as Eksempel);

const tabeller = [GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, ...beregner.tabeller];
const REGELVERK = Regelverk.av([...new Map(tabeller.map((t) => [t.navn, t])).values()]);

function resultat(e: Eksempel) {
  const innst = etteroppgjoersinnstillingerSkjema.parse(e.innstillinger ?? {});
  const skatteoppgjoersdato = `${e.inntektsaar + 1}-05-15`;
  const eo = beregnEtteroppgjoer({
    inntektsaar: e.inntektsaar,
    beregningsgrunnlag: Beloep.kroner(String(e.beregningsgrunnlag)),
    vedtak: vedtakSkjema.parse(e.vedtak ?? {}),
    opphold: oppholdSkjema.parse(e.opphold ?? {}),
    fakturert: fakturertSkjema.parse(e.fakturert ?? []),
    innstillinger: innstillingerSkjema.parse({}),
    etteroppgjoersinnstillinger: innst,
    oppslag: REGELVERK.nyttOppslag(),
    skatteoppgjoer: { skatteoppgjoersdato, postkilde: 'HENTET' },
    foreloepigGrunnlag: {
      beskrivelse: `skatteoppgjøret for ${e.inntektsaar - 1}`,
      inntektsaar: e.inntektsaar - 1,
    },
  });
  return {
    ...ksLangtidsopphold2023,
    inntektsaar: e.inntektsaar,
    beregningsdato: `${e.inntektsaar + 1}-06-01`,
    personer: ksLangtidsopphold2023.personer.map((p) => ({ ...p, skatteoppgjoersdato })),
    etteroppgjoer: etteroppgjoerTilJson(eo, innst),
  };
}

const METADATA: BrevmetadataInn = {
  kommunenavn: 'Tønsberg kommune',
  innstillinger: {
    adresse: ['Postboks 2410', '3104 Tønsberg'],
    telefon: '33 34 80 00',
    statsforvalter: {
      nb: 'Statsforvalteren i Vestfold og Telemark',
      nn: 'Statsforvaltaren i Vestfold og Telemark',
    },
  },
  laget: { rolle: 'saksbehandler', brukernavn: 'Kari Nordmann' },
  opprettet: '2026-12-07T10:15:00+01:00',
};

const MAANEDER = [
  'januar',
  'februar',
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
];

const VURDERING = 'Etteroppgjøret er gjort da skatteoppgjøret kom; ingen skjønnsmessige poster er endret.';

const FORVENTET: Record<Spraak, { klage: string[]; innsyn: string; regler: string[]; beboer: string }> = {
  nb: {
    klage: [
      'Statsforvalteren i Vestfold og Telemark',
      'fire uker',
      'pasient- og brukerrettighetsloven § 7-3',
      'forvaltningsloven § 42',
    ],
    innsyn: 'Du har rett til å se dokumentene i saken, også etter at vedtaket er gjort',
    regler: [
      'egenandelsforskriften § 3 sjette ledd',
      'egenandelsforskriften § 3 første og andre ledd',
      'egenandelsforskriften § 6 første og fjerde ledd',
    ],
    beboer:
      'Vedtaket er sendt til deg som beboer (egenandelsforskriften § 2), med kopi til Ola Nordmann (verge).',
  },
  nn: {
    klage: [
      'Statsforvaltaren i Vestfold og Telemark',
      'fire veker',
      'pasient- og brukarrettslova § 7-3',
      'forvaltningslova § 42',
    ],
    innsyn: 'Du har rett til å sjå dokumenta i saka, også etter at vedtaket er gjort',
    regler: [
      'eigendelsforskrifta § 3 sjette ledd',
      'eigendelsforskrifta § 3 første og andre ledd',
      'eigendelsforskrifta § 6 første og fjerde ledd',
    ],
    beboer:
      'Vedtaket er sendt til deg som bebuar (eigendelsforskrifta § 2), med kopi til Ola Nordmann (verge).',
  },
};

describe('the etteroppgjør letter for the six worked examples, in bokmål and nynorsk', () => {
  it('has the six examples', () => {
    expect(EKSEMPLER.map((e) => e.navn)).toHaveLength(6);
  });

  for (const e of EKSEMPLER) {
    for (const spraak of SPRAAK) {
      it(`${e.navn} (${spraak}): PDF/A-2b, and the difference, the paragraphs and the appeal read in pdftotext`, async () => {
        const r = resultat(e);
        // The etteroppgjør computed is the example's (its arithmetic is checked in packages/etteroppgjoer).
        expect(r.etteroppgjoer.differanse).toBe(e.forventet.differanse);
        const brev = await lagVedtaksbrevPdf(
          r,
          {
            spraak,
            vurderinger: VURDERING,
            saksreferanse: '2026/77',
            kopiTil: [{ navn: 'Ola Nordmann', rolle: 'verge' }],
            etteroppgjoer: { betalingsfrist: '2027-01-20' },
          },
          METADATA,
          { deterministisk: true },
        );
        const ut = poppler(brev.pdf);
        expect(ut.meta).toContain('<pdfaid:part>2</pdfaid:part>');
        expect(ut.meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
        expect(ut.info).toMatch(/^PDF version:\s+1\.7$/m);
        const fonter = fontrader(ut.fonter);
        expect(fonter.length).toBeGreaterThanOrEqual(2);
        for (const f of fonter) expect(f.innebygd, f.linje).toBe(true);

        // The page footers are left out, so a sentence across a page break reads whole.
        const tekst = ut.tekst
          .replace(/^Tønsberg kommune · .*$|^.*Side \d+ av \d+\s*$/gm, '')
          .replace(/\s+/g, ' ');
        const nn = spraak === 'nn';
        const aar = e.inntektsaar;
        expect(tekst).toContain(
          nn
            ? `Vedtak om etteroppgjer for vederlag for langtidsopphald i institusjon for ${aar}`
            : `Vedtak om etteroppgjør for vederlag for langtidsopphold i institusjon for ${aar}`,
        );
        // The decision: the final vederlag, what was charged, the difference and which way it goes.
        const d = e.forventet.differanse;
        const diff = formaterKroner(d < 0 ? -d : d);
        expect(tekst).toContain(
          `${nn ? 'Det endelege vederlaget' : 'Det endelige vederlaget'} for ${aar} er ${formaterKroner(e.forventet.sumEndelig)}`,
        );
        expect(tekst).toContain(formaterKroner(e.forventet.sumFakturert));
        if (d > 0) {
          expect(tekst).toContain(`Du skal betale ${diff} i tillegg for ${aar}.`);
          expect(tekst).toContain(
            nn
              ? 'Beløpet skal vere betalt innan 20. januar 2027.'
              : 'Beløpet skal være betalt innen 20. januar 2027.',
          );
          expect(tekst).toContain(
            nn ? 'Du får ein eigen faktura på beløpet.' : 'Du får en egen faktura på beløpet.',
          );
        } else if (d < 0) {
          expect(tekst).toContain(
            nn
              ? `Du har betalt ${diff} for mykje for ${aar} og får dette tilbake.`
              : `Du har betalt ${diff} for mye for ${aar} og får dette tilbake.`,
          );
          expect(tekst).toContain(
            nn
              ? 'Vi betaler beløpet tilbake innan 20. januar 2027.'
              : 'Vi betaler beløpet tilbake innen 20. januar 2027.',
          );
        } else {
          expect(tekst).toContain(
            nn
              ? 'Det er ingenting å betale eller betale tilbake.'
              : 'Det er ingenting å betale eller betale tilbake.',
          );
        }
        // The months charged above the highest lawful vederlag, by name.
        const mnd = e.forventet.maanederOverMaksimum
          .map((m) => `${MAANEDER[Number(m.slice(5)) - 1]} ${m.slice(0, 4)}`)
          .join(', ');
        if (mnd) {
          expect(tekst).toContain(
            nn
              ? `For ${mnd} har du fått krav om meir enn det høgaste vederlaget`
              : `For ${mnd} har du fått krav om mer enn det høyeste vederlaget`,
          );
        } else {
          expect(tekst).not.toContain(
            nn ? 'meir enn det høgaste vederlaget' : 'mer enn det høyeste vederlaget',
          );
        }
        // The facts: the settlement and its date, the stay, the basis it replaces.
        expect(tekst).toContain(`15. mai ${aar + 1}`);
        expect(tekst).toContain(
          nn
            ? `førebels grunnlag (skatteoppgjeret for ${aar - 1})`
            : `foreløpig grunnlag (skatteoppgjøret for ${aar - 1})`,
        );
        expect(tekst).toContain(formaterKroner(e.beregningsgrunnlag));
        // The rules with paragraph and ledd, in plain words and as references.
        for (const h of FORVENTET[spraak].regler) expect(tekst).toContain(h);
        expect(tekst).toContain('egenandelsforskriften § 3 sjette ledd');
        for (const h of r.etteroppgjoer.maaneder.flatMap((m) => m.hjemler)) expect(tekst).toContain(h);
        // The case worker's text, the appeal, the documents, and § 2.
        expect(tekst).toContain(VURDERING);
        for (const k of FORVENTET[spraak].klage) expect(tekst).toContain(k);
        expect(tekst).toContain(FORVENTET[spraak].innsyn);
        expect(tekst).toContain(FORVENTET[spraak].beboer);
        // No fødselsnummer in full.
        expect(ut.tekst).not.toMatch(/(?<!\d)\d{11}(?!\d)/);

        expect(brev.metadata.filnavn).toBe(`vedtaksbrev-etteroppgjoer-langtidsopphold-${aar}.pdf`);
        expect(brev.metadata.tittel).toContain(String(aar));
      }, 60_000);
    }
  }

  it('takes how the difference is settled from the case worker, or from the municipality’s setting', () => {
    const r = resultat(EKSEMPLER.find((e) => e.forventet.differanse !== 0) as Eksempel);
    const tekst = (brevdata: object, innstillinger: object = {}) =>
      JSON.stringify(
        lagVedtaksbrev(
          r,
          { vurderinger: VURDERING, ...brevdata },
          {
            ...METADATA,
            innstillinger: { ...METADATA.innstillinger, ...innstillinger },
          },
        ).brev.deler.find((d) => d.id === 'vedtak'),
      );
    expect(tekst({}, { etteroppgjoerBetaling: 'Beløpet kommer på neste faktura.' })).toContain(
      'Beløpet kommer på neste faktura.',
    );
    expect(
      tekst(
        { etteroppgjoer: { betaling: 'Betal til konto 1234.56.78903.' } },
        {
          etteroppgjoerBetaling: 'Beløpet kommer på neste faktura.',
        },
      ),
    ).toContain('Betal til konto 1234.56.78903.');
  });

  it('refuses etteroppgjør fields for a letter that is not an etteroppgjør, naming the field', () => {
    const { etteroppgjoer: _, ...vanlig } = resultat(EKSEMPLER[0] as Eksempel);
    try {
      lagVedtaksbrev(
        vanlig,
        { vurderinger: VURDERING, etteroppgjoer: { betalingsfrist: '2027-01-20' } },
        METADATA,
      );
      expect.unreachable();
    } catch (f) {
      expect(f).toBeInstanceOf(Valideringsfeil);
      expect((f as Valideringsfeil).feil.map((x) => x.felt)).toEqual(['vedtaksbrev.etteroppgjoer']);
    }
  });

  it('names a broken etteroppgjør object’s field', () => {
    const r = resultat(EKSEMPLER[0] as Eksempel);
    try {
      lagVedtaksbrev(
        { ...r, etteroppgjoer: { ...r.etteroppgjoer, differanse: 'mye' } },
        { vurderinger: VURDERING },
        METADATA,
      );
      expect.unreachable();
    } catch (f) {
      expect(f).toBeInstanceOf(Valideringsfeil);
      expect((f as Valideringsfeil).feil.map((x) => x.felt)).toContain('resultat.etteroppgjoer.differanse');
    }
  });
});
