import { type Beregningsresultat, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { beforeAll, describe, expect, it } from 'vitest';
import { ksLangtidsopphold2023 } from '../test/fikstur/ks-langtidsopphold-2023.js';
import { langtResultat } from '../test/fikstur/lang.js';
import { fontrader, poppler, sidetall } from '../test/poppler.js';
import { formaterBeloep } from './format.js';
import { A4, MARG } from './oppsett.js';
import { lagPdf, type Pdfdokument, renderPdf } from './render.js';
import type { DokumentmetadataInn } from './skjema.js';

const METADATA: DokumentmetadataInn = {
  kommunenavn: 'Tønsberg kommune',
  laget: { rolle: 'saksbehandler-helse', brukernavn: 'Kari Nordmann' },
  saksreferanse: '2026/1234',
  opprettet: '2026-11-27T10:15:00+01:00',
  avregning: [
    {
      identifikator: '04817299771',
      beloepTilgode: 8211577,
      restskatt: 0,
      avregnetForskuddstrekk: 0,
      skatteoppgjoersdato: '2024-02-15',
    },
  ],
};

async function feilFra(p: Promise<unknown>): Promise<Valideringsfeil> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Valideringsfeil) return e;
    throw e;
  }
  throw new Error('forventet Valideringsfeil');
}

describe('the KS example as PDF/A-2b', () => {
  let pdf: Uint8Array;
  let ut: ReturnType<typeof poppler>;

  beforeAll(async () => {
    pdf = await renderPdf(ksLangtidsopphold2023, METADATA, { deterministisk: true });
    ut = poppler(pdf);
  });

  it('identifies itself as PDF/A-2b in the XMP metadata, with title, subject and creator', () => {
    expect(ut.meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(ut.meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(ut.meta).toMatch(
      /<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">Vederlag for langtidsopphold i institusjon, inntektsår 2023<\/rdf:li>/,
    );
    expect(ut.meta).toMatch(
      /<dc:description>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">Beregning av inntektsgrunnlag og vederlag/,
    );
    expect(ut.meta).toContain('<xmp:CreatorTool>Inntektsgrunnlag</xmp:CreatorTool>');
    expect(ut.meta).toContain('<rdf:li>Tønsberg kommune</rdf:li>');
    // The XMP creation date is the metadata's time, in UTC, and equals the Info dictionary's.
    expect(ut.meta).toContain('<xmp:CreateDate>2026-11-27T09:15:00Z</xmp:CreateDate>');
    expect(ut.info).toMatch(/^CreationDate:\s+Fri Nov 27 09:15:00 2026 UTC$/m);
    expect(ut.info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(ut.info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(ut.info).toMatch(/^Encrypted:\s+no$/m);
  });

  it('has an sRGB output intent with its ICC profile', () => {
    const raa = Buffer.from(pdf).toString('latin1');
    expect(raa).toMatch(/\/Type \/OutputIntent/);
    expect(raa).toMatch(/\/S \/GTS_PDFA1/);
    expect(raa).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)');
    expect(raa).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raa).toMatch(/\/DestOutputProfile \d+ 0 R/);
  });

  it('embeds every font (DejaVu, none of the 14 standard fonts)', () => {
    const fonter = fontrader(ut.fonter);
    expect(fonter.length).toBeGreaterThanOrEqual(2);
    for (const f of fonter) {
      expect(f.innebygd, f.linje).toBe(true);
      expect(f.navn).toMatch(/^[A-Z]{6}\+DejaVuSansCondensed/);
    }
  });

  it('has the basis 567 127 with an ordinary space, and the paragraph references', () => {
    expect(ut.tekst).toContain('567 127');
    expect(ut.tekst).not.toContain('\u00a0');
    for (const hjemmel of [
      'egenandelsforskriften § 3 annet ledd',
      'egenandelsforskriften § 3 fjerde ledd',
      'folketrygdloven § 1-4',
    ]) {
      expect(ut.tekst.replace(/\s+/g, ' ')).toContain(hjemmel);
    }
  });

  it('shows the municipality, the title, the persons with stage and settlement date, and who made it when', () => {
    const t = ut.tekst;
    expect(t).toContain('Tønsberg kommune');
    expect(t).toContain('Vederlag for langtidsopphold i institusjon');
    expect(t).toContain('Inntektsår 2023');
    expect(t).toContain('Beregningsdato 1. juni 2024');
    expect(t).toContain('UPERSONLIG PÅFUNN');
    expect(t).toContain('04817299771');
    expect(t).toContain('OPPRIKTIG DAMESYKKEL');
    expect(t).toContain('27847099416');
    expect(t).toContain('15.02.2024');
    expect(t).toContain('19.02.2024');
    expect(t).toContain('Skatteoppgjør');
    expect(t).toContain('2026/1234');
    expect(t).toContain('27. november 2026 kl. 10.15');
    expect(t).toContain('Kari Nordmann');
    expect(t).toContain('saksbehandler-helse');
  });

  it('shows the fee first, each key figure, the rates with their sources, and avregning', () => {
    const forste = ut.sider[0] ?? '';
    for (const h of ksLangtidsopphold2023.hovedtall) {
      expect(forste).toContain(h.tekst);
      expect(forste).toContain(`kr ${formaterBeloep(h.beloep)}`);
    }
    expect(ut.tekst).toContain('376 634,15');
    expect(ut.tekst).toContain('124 028');
    expect(ut.tekst).toContain('NAV: Grunnbeløpet i folketrygden (G)');
    expect(ut.tekst).toContain('@inntektsgrunnlag/langtidsopphold 0.1.0');
    expect(ut.tekst).toContain('Avregning');
    expect(ut.tekst).toContain('8 211 577');
    expect(ut.tekst).toContain('Aksjeutbytte');
    expect(ut.tekst).toContain('Oppjustering av aksjeutbytte');
  });

  it('numbers every page "Side n av m"', () => {
    const antall = sidetall(ut.info);
    expect(antall).toBeGreaterThanOrEqual(2);
    ut.sider.forEach((side, i) => {
      expect(side).toContain(`Side ${i + 1} av ${antall}`);
    });
  });
});

describe('page breaking', () => {
  let dok: Pdfdokument;
  let ut: ReturnType<typeof poppler>;

  beforeAll(async () => {
    dok = await lagPdf(langtResultat(40, 150), METADATA, { deterministisk: true });
    ut = poppler(dok.pdf);
  });

  it('runs over several pages, each numbered', () => {
    const antall = sidetall(ut.info);
    expect(antall).toBeGreaterThanOrEqual(6);
    expect(dok.sider).toBe(antall);
    ut.sider.forEach((side, i) => {
      expect(side).toContain(`Side ${i + 1} av ${antall}`);
    });
  });

  it('never splits a row, keeps every row above the footer, and places each row once', () => {
    const bunn = A4.hoeyde - MARG.bunn;
    const sett = new Set<string>();
    for (const p of dok.plasseringer) {
      expect(p.del, `${p.tabell} rad ${p.rad}`).toBeUndefined();
      expect(p.y + p.hoeyde).toBeLessThanOrEqual(bunn + 1e-6);
      expect(p.y).toBeGreaterThanOrEqual(MARG.topp - 1e-6);
      if (p.rad >= 0) {
        const noekkel = `${p.tabell}#${p.rad}`;
        expect(sett.has(noekkel), noekkel).toBe(false);
        sett.add(noekkel);
      }
    }
  });

  it('repeats the header row on every page a table continues on', () => {
    const perTabell = new Map<string, typeof dok.plasseringer>();
    for (const p of dok.plasseringer) perTabell.set(p.tabell, [...(perTabell.get(p.tabell) ?? []), p]);
    const tabell = perTabell.get('beregningstabell') ?? [];
    const sider = [...new Set(tabell.map((p) => p.side))];
    expect(sider.length).toBeGreaterThanOrEqual(2);
    for (const [navn, alle] of perTabell) {
      if (navn === 'fakta' || navn === 'regelversjon') continue;
      const plasseringer = alle.filter((p) => p.rad !== -2);
      for (const side of new Set(plasseringer.map((p) => p.side))) {
        const first = plasseringer.find((p) => p.side === side);
        expect(first?.rad, `${navn} side ${side}`).toBe(-1);
      }
    }
    // The header is in the text of each page the table runs over.
    for (const side of sider) expect(ut.sider[side - 1]).toContain('Steg');
  });

  it('keeps a heading on the page of its table header and first row', () => {
    const overskrifter = dok.plasseringer.filter((p) => p.rad === -2);
    expect(overskrifter.length).toBeGreaterThanOrEqual(8);
    for (const o of overskrifter) {
      const hode = dok.plasseringer.find((p) => p.tabell === o.tabell && p.rad === -1);
      const forste = dok.plasseringer.find((p) => p.tabell === o.tabell && p.rad === 0);
      // Tables without a header row (key/value lists) have only the first row to keep with.
      if (o.tabell !== 'regelversjon') expect(hode?.side, o.tabell).toBe(o.side);
      expect(forste?.side, o.tabell).toBe(o.side);
    }
  });

  it('keeps a line with children on the same page as its first child', () => {
    const tabell = dok.plasseringer.filter((p) => p.tabell === 'beregningstabell' && p.rad >= 0);
    const side = new Map(tabell.map((p) => [p.rad, p.side]));
    // The long fixture puts 40 parents first, each followed by three children: rows 0, 4, 8, …
    for (let g = 0; g < 40; g++) expect(side.get(4 * g), `gruppe ${g + 1}`).toBe(side.get(4 * g + 1));
  });

  it('keeps every amount whole on its line', () => {
    for (let i = 0; i < 150; i++) expect(ut.tekst).toContain(formaterBeloep(2 * (100000 + i)));
  });
});

describe('deterministic mode', () => {
  it('gives identical bytes twice', async () => {
    const a = await renderPdf(ksLangtidsopphold2023, METADATA, { deterministisk: true });
    const b = await renderPdf(ksLangtidsopphold2023, METADATA, { deterministisk: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('gives a new file identifier each time otherwise, and a different one for different input', async () => {
    const id = (pdf: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
    const a = await renderPdf(ksLangtidsopphold2023, METADATA);
    const b = await renderPdf(ksLangtidsopphold2023, METADATA);
    expect(id(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(a)).not.toBe(id(b));
    const c = await renderPdf(ksLangtidsopphold2023, METADATA, { deterministisk: true });
    const d = await renderPdf(
      ksLangtidsopphold2023,
      { ...METADATA, saksreferanse: '2026/9999' },
      { deterministisk: true },
    );
    expect(id(c)).not.toBe(id(d));
  });
});

describe('other shapes of results', () => {
  it('says the fee is missing, and why, when it was not computed', async () => {
    const r: Beregningsresultat = {
      ...structuredClone(ksLangtidsopphold2023),
      beregningsdatoKilde: 'DAGENS_DATO',
      vederlag: null,
      hovedtall: [],
      advarsler: [
        {
          kode: 'AVGIFT_IKKE_BEREGNET',
          melding: 'Avgiften er ikke beregnet: forespørselen har ingen beregningsdato.',
        },
      ],
    };
    r.regelverk.satser = [];
    const { avregning: _a, ...uten } = METADATA;
    const ut = poppler(await renderPdf(r, uten));
    expect(ut.sider[0]).toContain('Vederlag er ikke beregnet');
    expect(ut.tekst).toContain('AVGIFT_IKKE_BEREGNET');
    expect(ut.tekst).toContain('dagens dato');
    expect(ut.tekst).toContain('567 127');
    expect(ut.tekst).not.toContain('Avregning');
  });

  it('marks a shielded person and a draft', async () => {
    const r = structuredClone(ksLangtidsopphold2023);
    r.personer = r.personer.map((p, i) =>
      i === 1 ? { ...p, skjermet: true, stadie: 'UTKAST' as const } : p,
    );
    const ut = poppler(await renderPdf(r, METADATA));
    expect(ut.tekst).toContain('Adressebeskyttet');
    expect(ut.tekst).toContain('Skattemeldingsutkast');
  });

  it('lists the amounts of more than four persons row by row', async () => {
    const r = structuredClone(ksLangtidsopphold2023);
    const barn = ['01881810073', '01881810154', '01881810235', '01881810316'];
    r.personer.push(
      ...barn.map((identifikator) => ({
        identifikator,
        type: 'BARN' as const,
        skjermet: false,
        postkilde: 'FORESPOERSEL' as const,
      })),
    );
    r.visningsposter[0]?.poster.push({
      tekniskNavn: 'kommune.barnepost',
      visningstekst: 'Barnas post',
      beloep: 4 * 12345,
      personer: barn.map((identifikator) => ({ identifikator, beloep: 12345 })),
    });
    const { avregning: _a, ...uten } = METADATA;
    const ut = poppler(await renderPdf(r, uten));
    for (const n of [1, 2, 3, 4]) expect(ut.tekst).toContain(`Barn ${n}`);
    expect(ut.tekst).toContain('12 345');
    expect(ut.tekst).toContain('49 380');
  });
});

describe('bad input', () => {
  it('names every bad metadata field', async () => {
    const feil = await feilFra(
      renderPdf(ksLangtidsopphold2023, {
        ...METADATA,
        kommunenavn: ' ',
        opprettet: '27.11.2026',
      }),
    );
    const felt = feil.feil.map((f) => f.felt);
    expect(felt).toContain('metadata.kommunenavn');
    expect(felt).toContain('metadata.opprettet');
  });

  it('refuses avregning for an area that may not show it, and for a person outside the beregning', async () => {
    const praktisk = { ...structuredClone(ksLangtidsopphold2023), beregningstype: 'PRAKTISK_BISTAND' };
    const feil = await feilFra(renderPdf(praktisk, METADATA));
    expect(feil.feil.map((f) => f.felt)).toEqual(['metadata.avregning']);
    const annen = await feilFra(
      renderPdf(ksLangtidsopphold2023, {
        ...METADATA,
        avregning: [{ identifikator: '01881810588', restskatt: 100 }],
      }),
    );
    expect(annen.feil.map((f) => f.felt)).toEqual(['metadata.avregning.0.identifikator']);
  });

  it('names a bad field of the result instead of crashing', async () => {
    const r = {
      ...structuredClone(ksLangtidsopphold2023),
      beregningsbeloep: '567127',
    } as unknown as Beregningsresultat;
    const feil = await feilFra(renderPdf(r, METADATA));
    expect(feil.feil.map((f) => f.felt)).toEqual(['resultat.beregningsbeloep']);
    const r2 = { ...structuredClone(ksLangtidsopphold2023), beregningsbeloep: 1.234 } as Beregningsresultat;
    const feil2 = await feilFra(renderPdf(r2, METADATA));
    expect(feil2.feil.map((f) => f.felt)).toEqual(['resultat.beregningsbeloep']);
  });
});
