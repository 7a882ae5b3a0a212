import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import pakke from '../../package.json' with { type: 'json' };
import { A4, FARGE, INNHOLDSBREDDE, linjehoeyde, MARG, Oppsett, type Stil } from '../oppsett.js';
import { klargjoerPdf } from '../pdfstroem.js';
import { xmpTrygg } from '../render.js';
import type { Logo } from './logo.js';
import type { Brevelement, Vedtaksbrev, Vedtaksbrevmetadata } from './modell.js';

/** The letter's styles: larger than the journal document's tables, as a letter to a citizen. */
const S = {
  broed: { font: 'normal', stoerrelse: 10 },
  fet: { font: 'fet', stoerrelse: 10 },
  liten: { font: 'normal', stoerrelse: 8.5, farge: FARGE.svak },
  litenFet: { font: 'fet', stoerrelse: 8.5, farge: FARGE.svak },
  kursiv: { font: 'kursiv', stoerrelse: 8.5, farge: FARGE.svak },
  tittel: { font: 'fet', stoerrelse: 15 },
  overskrift1: { font: 'fet', stoerrelse: 11.5, farge: FARGE.aksent },
  overskrift2: { font: 'fet', stoerrelse: 10.5 },
  kommune: { font: 'fet', stoerrelse: 12, farge: FARGE.aksent },
  beloep: { font: 'fet', stoerrelse: 15 },
} satisfies Record<string, Stil>;

const LOGO_MAKS = { bredde: 150, hoeyde: 48 } as const;

/** Text set in one style, line by line, from `x`; returns the y under it. */
function tekstblokk(
  o: Oppsett,
  linjer: readonly string[],
  x: number,
  y: number,
  stil: Stil,
  bredde: number,
  hoeyre = false,
): number {
  let yy = y;
  for (const linje of linjer) {
    for (const l of o.linjer(linje, stil, bredde)) {
      o.skrivLinje(l, x, yy, stil, hoeyre, bredde);
      yy += linjehoeyde(stil);
    }
  }
  return yy;
}

/** The letter head: logo (or the name large) on the left, the sender's lines on the right. */
function brevhode(o: Oppsett, brev: Vedtaksbrev, logo: Logo | undefined): void {
  const hoeyreBredde = 210;
  const hoeyreX = MARG.venstre + INNHOLDSBREDDE - hoeyreBredde;
  let venstreBunn: number = MARG.topp;
  if (logo) {
    const skala = Math.min(LOGO_MAKS.bredde / logo.bredde, LOGO_MAKS.hoeyde / logo.hoeyde);
    const bredde = logo.bredde * skala;
    const hoeyde = logo.hoeyde * skala;
    o.doc.image(logo.data, MARG.venstre, MARG.topp, { width: bredde, height: hoeyde });
    venstreBunn = MARG.topp + hoeyde;
  } else {
    venstreBunn = tekstblokk(
      o,
      [brev.avsender.kommunenavn],
      MARG.venstre,
      MARG.topp,
      S.kommune,
      INNHOLDSBREDDE - hoeyreBredde - 10,
    );
  }
  let y = tekstblokk(o, [brev.avsender.kommunenavn], hoeyreX, MARG.topp, S.litenFet, hoeyreBredde, true);
  if (brev.avsender.enhet) y = tekstblokk(o, [brev.avsender.enhet], hoeyreX, y, S.liten, hoeyreBredde, true);
  y = tekstblokk(o, brev.avsender.linjer, hoeyreX, y, S.liten, hoeyreBredde, true);
  o.y = Math.max(venstreBunn, y) + 26;

  // The addressee on the left (window envelope height), the references on the right.
  const topp = o.y;
  const venstreBredde = 270;
  let yv = topp;
  if (brev.mottaker) {
    if (brev.mottaker.navn)
      yv = tekstblokk(o, [brev.mottaker.navn], MARG.venstre, yv, S.broed, venstreBredde);
    yv = tekstblokk(o, brev.mottaker.adresselinjer, MARG.venstre, yv, S.broed, venstreBredde);
  }
  let yh = topp;
  const etikettBredde = 85;
  for (const r of brev.referanser) {
    const start = yh;
    tekstblokk(o, [r.etikett], hoeyreX, start, S.litenFet, etikettBredde);
    yh = Math.max(
      start + linjehoeyde(S.litenFet),
      tekstblokk(o, [r.verdi], hoeyreX + etikettBredde, start, S.liten, hoeyreBredde - etikettBredde),
    );
  }
  o.y = Math.max(yv, yh) + 24;
  for (const l of o.linjer(brev.tittel, S.tittel, INNHOLDSBREDDE)) {
    o.skrivLinje(l, MARG.venstre, o.y, S.tittel);
    o.y += linjehoeyde(S.tittel);
  }
  o.y += 4;
}

function overskrift(o: Oppsett, tekst: string, nivaa: 1 | 2): void {
  const stil = nivaa === 1 ? S.overskrift1 : S.overskrift2;
  const linjer = o.linjer(tekst, stil, INNHOLDSBREDDE);
  const foer = nivaa === 1 ? 12 : 7;
  // Keep a heading with at least three lines of what follows.
  o.plass(foer + linjer.length * linjehoeyde(stil) + 3 * linjehoeyde(S.broed));
  if (o.y > MARG.topp) o.y += foer;
  for (const l of linjer) {
    o.skrivLinje(l, MARG.venstre, o.y, stil);
    o.y += linjehoeyde(stil);
  }
  o.y += 2;
}

/** The decision's amounts in a framed box: label (and remark) on the left, the amount large on the right. */
function beloepsboks(o: Oppsett, rader: Extract<Brevelement, { type: 'beloep' }>['rader']): void {
  const pad = 9;
  const indre = INNHOLDSBREDDE - 2 * pad;
  const tallbredde = 170;
  const maalt = rader.map((r) => ({
    r,
    tekst: o.linjer(r.tekst, S.fet, indre - tallbredde),
    merknad: r.merknad ? o.linjer(r.merknad, S.liten, indre - tallbredde) : [],
  }));
  const radhoeyde = (x: (typeof maalt)[number]) =>
    Math.max(
      linjehoeyde(S.beloep),
      x.tekst.length * linjehoeyde(S.fet) + x.merknad.length * linjehoeyde(S.liten),
    ) + 4;
  const hoeyde = maalt.reduce((s, x) => s + radhoeyde(x), 0) + 2 * pad - 4;
  o.mellomrom(4);
  o.plass(hoeyde + 6);
  const topp = o.y;
  o.doc.rect(MARG.venstre, topp, INNHOLDSBREDDE, hoeyde).lineWidth(1.1).strokeColor(FARGE.aksent).stroke();
  let y = topp + pad;
  const x = MARG.venstre + pad;
  for (const m of maalt) {
    const h = radhoeyde(m);
    o.skrivLinje(m.r.beloep, x, y + (h - 4 - linjehoeyde(S.beloep)) / 2, S.beloep, true, indre);
    let ly = y;
    for (const l of m.tekst) {
      o.skrivLinje(l, x, ly, S.fet);
      ly += linjehoeyde(S.fet);
    }
    for (const l of m.merknad) {
      o.skrivLinje(l, x, ly, S.liten);
      ly += linjehoeyde(S.liten);
    }
    y += h;
  }
  o.y = topp + hoeyde + 6;
}

function element(o: Oppsett, e: Brevelement, tabellnr: number): void {
  switch (e.type) {
    case 'avsnitt':
      for (const linje of e.tekst.split('\n')) o.avsnitt(linje, S.broed);
      o.mellomrom(5);
      return;
    case 'liste': {
      const innrykk = 12;
      for (const punkt of e.punkter) {
        const linjer = o.linjer(punkt, S.broed, INNHOLDSBREDDE - innrykk);
        linjer.forEach((l, i) => {
          o.plass(linjehoeyde(S.broed));
          if (i === 0) o.skrivLinje('•', MARG.venstre + 2, o.y, S.broed);
          o.skrivLinje(l, MARG.venstre + innrykk, o.y, S.broed);
          o.y += linjehoeyde(S.broed);
        });
        o.y += 1.5;
      }
      o.mellomrom(4);
      return;
    }
    case 'fakta':
      o.tabell({
        id: `fakta-${tabellnr}`,
        utenHode: true,
        kolonner: [
          { tittel: '', bredde: 190 },
          { tittel: '', bredde: INNHOLDSBREDDE - 190 },
        ],
        rader: e.rader.map((r) => ({
          celler: [
            { avsnitt: [{ tekst: r.etikett, stil: { font: 'fet', stoerrelse: 9 } }] },
            { avsnitt: [{ tekst: r.verdi, stil: { font: 'normal', stoerrelse: 9 } }] },
          ],
        })),
      });
      o.mellomrom(6);
      return;
    case 'beloep':
      beloepsboks(o, e.rader);
      return;
  }
}

export interface Pdfvalg {
  /** Byte-for-byte reproducible output (the file identifier is a hash of the input). */
  deterministisk?: boolean;
}

/** Renders a letter's content as PDF/A-2b with the journal document's fonts, ICC profile and metadata. */
export async function vedtaksbrevTilPdf(
  brev: Vedtaksbrev,
  metadata: Vedtaksbrevmetadata,
  logo: Logo | undefined,
  valg: Pdfvalg = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [A4.bredde, A4.hoeyde],
    margins: { top: MARG.topp, bottom: MARG.bunn, left: MARG.venstre, right: MARG.hoeyre },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: brev.spraak === 'nn' ? 'nn-NO' : 'nb-NO',
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: xmpTrygg(brev.tittel),
      Subject: xmpTrygg(
        `${brev.tittel}, ${metadata.beregningstype}, inntektsår ${metadata.inntektsaar}, datert ${metadata.dokumentdato}`,
      ),
      Author: xmpTrygg(metadata.kommunenavn),
      Creator: 'Inntektsgrunnlag',
      Producer: xmpTrygg(`Inntektsgrunnlag ${pakke.name} ${pakke.version} (PDFKit)`),
      Keywords: xmpTrygg(
        [
          'vedtaksbrev',
          metadata.beregningstype,
          `inntektsår ${metadata.inntektsaar}`,
          metadata.saksreferanse ? `sak ${metadata.saksreferanse}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      ),
      CreationDate: new Date(Date.parse(metadata.opprettet)),
    },
  });
  const pdf = klargjoerPdf(
    doc,
    JSON.stringify([brev, metadata, logo ? createHash('sha256').update(logo.data).digest('hex') : null]),
    valg.deterministisk,
  );

  const o = new Oppsett(doc);
  brevhode(o, brev, logo);
  let tabellnr = 0;
  for (const del of brev.deler) {
    overskrift(o, del.overskrift, del.nivaa);
    for (const e of del.innhold) element(o, e, tabellnr++);
  }
  // The signature, kept together.
  const u = brev.underskrift;
  o.mellomrom(10);
  o.plass(5 * linjehoeyde(S.broed) + linjehoeyde(S.kursiv));
  o.avsnitt(u.hilsen, S.broed);
  o.mellomrom(linjehoeyde(S.broed));
  o.avsnitt(u.navn, S.broed);
  o.avsnitt(u.tittel, S.broed);
  o.mellomrom(3);
  o.avsnitt(u.merknad, S.kursiv);
  if (brev.kopi) {
    o.mellomrom(10);
    o.plass(linjehoeyde(S.fet) * (1 + brev.kopi.mottakere.length));
    o.avsnitt(`${brev.kopi.etikett}:`, S.fet);
    for (const k of brev.kopi.mottakere) o.avsnitt(k, S.broed);
  }
  o.bunntekst(brev.bunntekst);
  doc.end();
  return pdf();
}
