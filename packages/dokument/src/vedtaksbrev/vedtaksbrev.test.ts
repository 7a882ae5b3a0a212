import type { Beregningsresultat } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import { fontrader, poppler } from '../../test/poppler.js';
import { gullresultater, harManuellePoster, ksResultat, ksResultatMedNavn } from '../../test/resultater.js';
import { formaterKroner } from '../format.js';
import { hjemlerI, lagVedtaksbrevPdf, renderVedtaksbrev } from './index.js';
import type { BrevmetadataInn } from './skjema.js';
import { SPRAAK, type Spraak } from './spraak.js';

const METADATA: BrevmetadataInn = {
  kommunenavn: 'Tønsberg kommune',
  innstillinger: {
    adresse: ['Postboks 2410', '3104 Tønsberg'],
    telefon: '33 34 80 00',
    statsforvalter: {
      nb: 'Statsforvalteren i Vestfold og Telemark',
      nn: 'Statsforvaltaren i Vestfold og Telemark',
    },
    klageinstansKommunal: 'Klagenemnda i Tønsberg kommune',
  },
  laget: { rolle: 'saksbehandler', brukernavn: 'Kari Nordmann' },
  opprettet: '2026-12-07T10:15:00+01:00',
};

/** What the letter must say about the appeal and the documents, per area and standard. */
const KLAGE: Record<string, Record<Spraak, string[]>> = {
  helse: {
    nb: ['Statsforvalteren i Vestfold og Telemark', 'fire uker', 'pasient- og brukerrettighetsloven § 7-3'],
    nn: ['Statsforvaltaren i Vestfold og Telemark', 'fire veker', 'pasient- og brukarrettslova § 7-3'],
  },
  foreldrebetaling: {
    nb: ['Klagenemnda i Tønsberg kommune', 'tre uker', 'forvaltningsloven § 32'],
    nn: ['Klagenemnda i Tønsberg kommune', 'tre veker', 'forvaltningslova § 32'],
  },
};
const INNSYN: Record<Spraak, string> = {
  nb: 'Du har rett til å se dokumentene i saken, også etter at vedtaket er gjort',
  nn: 'Du har rett til å sjå dokumenta i saka, også etter at vedtaket er gjort',
};

const VURDERINGER = 'Skjønnsmessig vurdert i testen: postene kommunen har lagt inn er dokumentert.';

/** The KS example with names and settlement dates, and the reasons its municipal post needs. */
const KS = ksResultatMedNavn();
const KS_BREV = { vurderinger: VURDERINGER };

/** The amounts the decision states, as the letter prints them, by area. */
function vedtaksbeloep(r: Beregningsresultat): string[] {
  const avgift = r[r.avgiftsnoekkel] as Record<string, unknown>;
  switch (r.beregningstype) {
    case 'LANGTIDSOPPHOLD_INSTITUSJON':
      return [formaterKroner(avgift.perMaaned as number), formaterKroner(avgift.perAar as number)];
    case 'BARNEHAGE_SFO':
      return [
        formaterKroner(avgift.sumPerMaaned as number),
        ...(avgift.barn as Array<{ prisPerMaaned: number }>).map((b) => formaterKroner(b.prisPerMaaned)),
      ];
    default: {
      // PRAKTISK_BISTAND: the monthly maximum; without one, the income against 2 G that decides it.
      const maks = avgift.maksPerMaaned as number | null;
      return maks !== null
        ? [formaterKroner(maks)]
        : [formaterKroner(avgift.husstandensInntekt as number), formaterKroner(avgift.toG as number)];
    }
  }
}

/** What every letter of a real result must satisfy, in either standard. */
async function kontroller(r: Beregningsresultat, spraak: Spraak) {
  const vurderinger = harManuellePoster(r) ? VURDERINGER : undefined;
  const ut = poppler(
    await renderVedtaksbrev(r, { spraak, saksreferanse: '2026/1234', vurderinger }, METADATA, {
      deterministisk: true,
    }),
  );
  // PDF/A-2b identification and embedded fonts only.
  expect(ut.meta).toContain('<pdfaid:part>2</pdfaid:part>');
  expect(ut.meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  expect(ut.info).toMatch(/^PDF version:\s+1\.7$/m);
  const fonter = fontrader(ut.fonter);
  expect(fonter.length).toBeGreaterThanOrEqual(2);
  for (const f of fonter) expect(f.innebygd, f.linje).toBe(true);

  const tekst = ut.tekst.replace(/\s+/g, ' ');
  // The decision, its amounts and its date.
  for (const b of vedtaksbeloep(r)) expect(tekst).toContain(b);
  // The rules: every legal reference the result carries, word for word.
  const hjemler = hjemlerI(r);
  expect(hjemler.length).toBeGreaterThan(0);
  for (const h of hjemler) expect(tekst).toContain(h.replace(/\s+/g, ' '));
  // The appeal: body, time limit, form; postponement; the right to see the documents.
  const omraade = r.beregningstype === 'BARNEHAGE_SFO' ? 'foreldrebetaling' : 'helse';
  for (const k of KLAGE[omraade]?.[spraak] ?? []) expect(tekst).toContain(k);
  expect(tekst).toContain(spraak === 'nn' ? 'forvaltningslova § 42' : 'forvaltningsloven § 42');
  expect(tekst).toContain(INNSYN[spraak]);
  expect(tekst).toContain('§§ 18 til 19');
  // The case worker's considerations where they used discretion, or the statement that there was none.
  expect(tekst).toContain(
    vurderinger
      ? 'Skjønnsmessig vurdert i testen'
      : spraak === 'nn'
        ? 'Vedtaket byggjer ikkje på skjønn'
        : 'Vedtaket bygger ikke på skjønn',
  );
  // The income year and the case.
  expect(tekst).toContain(String(r.inntektsaar));
  expect(tekst).toContain('2026/1234');
  // No fødselsnummer in full: every person's number masked to the birth date.
  expect(ut.tekst).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
  for (const p of r.personer) {
    expect(ut.tekst).not.toContain(p.identifikator);
    expect(tekst).toContain(`${p.identifikator.slice(0, 6)}*****`);
  }
  expect(ut.tekst).not.toContain('\u00a0');
  return { ...ut, tekst };
}

describe('a letter for every golden case and the KS example, in bokmål and nynorsk', () => {
  const saker = [
    ...gullresultater(),
    { id: 'ks-fiks-langtidsopphold-2023', resultat: ksResultat().resultat },
  ];

  it('covers every area', () => {
    expect(new Set(saker.map((s) => s.resultat.beregningstype))).toEqual(
      new Set(['BARNEHAGE_SFO', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD_INSTITUSJON']),
    );
  });

  for (const { id, resultat } of saker) {
    for (const spraak of SPRAAK) {
      it(`${id} (${spraak})`, async () => {
        const { tekst } = await kontroller(resultat, spraak);
        if (resultat.beregningstype === 'LANGTIDSOPPHOLD_INSTITUSJON') {
          // What egenandelsforskriften § 2 asks of a decision on long-term stays: told to the resident, with the appeal.
          expect(tekst).toContain(spraak === 'nn' ? 'sendt til deg som bebuar' : 'sendt til deg som beboer');
          expect(tekst).toContain(spraak === 'nn' ? 'eigendelsforskrifta § 2' : 'egenandelsforskriften § 2');
          expect(tekst).toContain(spraak === 'nn' ? 'etteroppgjer' : 'etteroppgjør');
        }
      });
    }
  }

  it('the KS example gives the published basis 567 127', async () => {
    const { resultat, forventetGrunnlag } = ksResultat();
    expect(resultat.beregningsbeloep).toBe(forventetGrunnlag);
    const { tekst } = await kontroller(resultat, 'nb');
    expect(tekst).toContain('kr 567 127');
  });
});

describe('the two standards', () => {
  it('write the same letter in bokmål and in nynorsk, and mark the catalogue language', async () => {
    const nb = poppler(await renderVedtaksbrev(KS, { ...KS_BREV, spraak: 'nb' }, METADATA));
    const nn = poppler(await renderVedtaksbrev(KS, { ...KS_BREV, spraak: 'nn' }, METADATA));
    expect(nb.tekst).toContain('Vedtak om vederlag for langtidsopphold i institusjon');
    expect(nn.tekst).toContain('Vedtak om vederlag for langtidsopphald i institusjon');
    expect(nb.tekst).toContain('Med vennlig hilsen');
    expect(nn.tekst).toContain('Med venleg helsing');
    expect(nn.tekst).not.toContain('Med vennlig hilsen');
    const raa = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
    expect(raa(await renderVedtaksbrev(KS, { ...KS_BREV, spraak: 'nn' }, METADATA))).toContain(
      '/Lang (nn-NO)',
    );
    expect(raa(await renderVedtaksbrev(KS, { ...KS_BREV, spraak: 'nb' }, METADATA))).toContain(
      '/Lang (nb-NO)',
    );
  });

  it("take the municipality's standard when the case worker chooses none", async () => {
    const ut = poppler(
      await renderVedtaksbrev(KS, KS_BREV, {
        ...METADATA,
        innstillinger: { ...METADATA.innstillinger, standardspraak: 'nn' },
      }),
    );
    expect(ut.tekst).toContain('Med venleg helsing');
  });
});

describe('the persons in the letter', () => {
  it('names the persons with their numbers masked to the birth date', async () => {
    const ut = poppler(await renderVedtaksbrev(KS, KS_BREV, METADATA));
    expect(ut.tekst).toContain('UPERSONLIG PÅFUNN');
    expect(ut.tekst).toContain('048172*****');
    expect(ut.tekst).toContain('OPPRIKTIG DAMESYKKEL');
    expect(ut.tekst).toContain('278470*****');
    expect(ut.tekst).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
    // Addressed to the applicant, with the settlement's dates.
    expect(ut.sider[0]).toMatch(/UPERSONLIG PÅFUNN/);
    expect(ut.tekst).toContain('15.02.2024');
  });

  it("never shows a screened person's name, address or number, not even masked", async () => {
    const r = structuredClone(KS);
    r.personer = r.personer.map((p, i) => (i === 1 ? { ...p, skjermet: true } : p));
    const { pdf, metadata } = await lagVedtaksbrevPdf(r, KS_BREV, METADATA);
    const ut = poppler(pdf);
    expect(ut.tekst).not.toContain('OPPRIKTIG');
    expect(ut.tekst).not.toContain('DAMESYKKEL');
    expect(ut.tekst).not.toContain('278470');
    expect(ut.tekst).toContain('UPERSONLIG PÅFUNN');
    // The archive gets the party, marked screened.
    expect(metadata.skjermet).toBe(true);
    expect(metadata.parter.find((p) => p.identifikator === '27847099416')).toMatchObject({ skjermet: true });
  });

  it('leaves out the addressee block when the applicant is screened', async () => {
    const r = structuredClone(KS);
    r.personer = r.personer.map((p, i) => (i === 0 ? { ...p, skjermet: true } : p));
    const ut = poppler(await renderVedtaksbrev(r, KS_BREV, METADATA));
    expect(ut.tekst).not.toContain('UPERSONLIG');
    expect(ut.tekst).not.toContain('048172');
    expect(ut.tekst).toContain('Vedtak om vederlag for langtidsopphold i institusjon');
  });
});

describe('the logo', () => {
  it('is embedded, and the letter stays PDF/A-2b with every font embedded', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [fil, type] of [
      ['logo-alfa.png', 'png'],
      ['logo-rgb.jpg', 'jpeg'],
    ] as const) {
      const data = readFileSync(new URL(`../../test/fikstur/${fil}`, import.meta.url));
      const pdf = await renderVedtaksbrev(KS, KS_BREV, {
        ...METADATA,
        innstillinger: {
          ...METADATA.innstillinger,
          logo: `data:image/${type};base64,${data.toString('base64')}`,
        },
      });
      const ut = poppler(pdf);
      expect(ut.meta).toContain('<pdfaid:part>2</pdfaid:part>');
      for (const f of fontrader(ut.fonter)) expect(f.innebygd, f.linje).toBe(true);
      const raa = Buffer.from(pdf).toString('latin1');
      expect(raa).toMatch(/\/Subtype \/Image/);
      if (type === 'jpeg') expect(raa).toContain('/DCTDecode');
      else expect(raa).toMatch(/\/SMask \d+ 0 R/);
      // Without a logo the name stands in the letter head instead: with one, the name is still in the sender block.
      expect(ut.sider[0]).toContain('Tønsberg kommune');
    }
  });
});

describe('deterministic mode', () => {
  it('gives identical bytes twice, and a new file identifier otherwise', async () => {
    const a = await renderVedtaksbrev(KS, { ...KS_BREV, spraak: 'nn' }, METADATA, { deterministisk: true });
    const b = await renderVedtaksbrev(KS, { ...KS_BREV, spraak: 'nn' }, METADATA, { deterministisk: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const id = (pdf: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
    const c = await renderVedtaksbrev(KS, { ...KS_BREV, spraak: 'nn' }, METADATA);
    expect(id(c)).not.toBe(id(a));
  });
});
