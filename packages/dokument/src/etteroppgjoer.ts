import { valider } from '@inntektsgrunnlag/beregning';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
import pakke from '../package.json' with { type: 'json' };
import { datoKort, formaterKroner, formaterTidspunkt } from './format.js';
import { A4, INNHOLDSBREDDE, MARG, Oppsett, type Rad, type Stil } from './oppsett.js';
import { klargjoerPdf } from './pdfstroem.js';
import { xmpTrygg } from './render.js';

/**
 * The etteroppgjør for langtidsopphold as a PDF/A-2b document for the archive: the settlement it rests
 * on and the provisional basis it replaces, the total (owed or refunded), every month with its rates,
 * final vederlag, charge and difference, each month's explanation with its paragraphs, and warnings.
 * The input is the etteroppgjør result as the API and the CLI give it (only the fields used are read).
 */

const maanedSkjema = z.object({
  maaned: z.string(),
  dagerIMaaneden: z.number().int(),
  vederlagsdager: z.number().int(),
  frieDager: z.number().int(),
  satser: z.array(
    z.object({
      dobbeltrom: z.boolean(),
      dager: z.number().int(),
      grunnbeloep: z.number(),
      fribeloep: z.number(),
      vederlagPerMaaned: z.number(),
      begrensetAvOppholdskostnad: z.boolean(),
    }),
  ),
  endelig: z.number(),
  fakturert: z.number(),
  differanse: z.number(),
  overMaksimum: z.boolean(),
  hjemler: z.array(z.string()),
  forklaring: z.string(),
});

export const etteroppgjoersdokumentSkjema = z.object({
  inntektsaar: z.number().int(),
  beregningsbeloep: z.number(),
  personer: z.array(
    z.object({
      identifikator: z.string(),
      type: z.string(),
      navn: z.object({ fornavn: z.string(), etternavn: z.string() }).nullish(),
    }),
  ),
  advarsler: z.array(z.object({ kode: z.string(), melding: z.string() })),
  utfoert: z
    .object({
      tidspunkt: z.string(),
      aktoer: z.object({ visningsnavn: z.string() }),
      rolleId: z.string(),
      saksreferanse: z.string().optional(),
    })
    .optional(),
  etteroppgjoer: z.object({
    inntektsaar: z.number().int(),
    oppholdFraOgMed: z.string(),
    oppholdTilOgMed: z.string(),
    sumEndelig: z.number(),
    sumFakturert: z.number(),
    differanse: z.number(),
    resultat: z.enum(['BEBOEREN_SKYLDER', 'TILBAKEBETALING', 'INGEN_DIFFERANSE']),
    maanederOverMaksimum: z.array(z.string()),
    maaneder: z.array(maanedSkjema),
    grunnlag: z.object({ forklaring: z.string(), skatteoppgjoersdato: z.string().nullable() }),
    erstatter: z.object({ forklaring: z.string() }),
    forklaring: z.string(),
    hjemmel: z.string(),
    innstillinger: z.object({ delmaaned: z.string() }),
  }),
});

export type Etteroppgjoersdokument = z.input<typeof etteroppgjoersdokumentSkjema>;

export const etteroppgjoersmetadataSkjema = z
  .object({
    kommunenavn: z.string().trim().min(1).max(100),
    opprettet: z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'må være et tidspunkt (ISO 8601)'),
    saksreferanse: z.string().max(100).optional(),
  })
  .strict();

export type Etteroppgjoersmetadata = z.input<typeof etteroppgjoersmetadataSkjema>;

const S = {
  broed: { font: 'normal', stoerrelse: 9.5 },
  fet: { font: 'fet', stoerrelse: 9.5 },
  liten: { font: 'normal', stoerrelse: 8 },
  litenFet: { font: 'fet', stoerrelse: 8 },
  tittel: { font: 'fet', stoerrelse: 15 },
  stor: { font: 'fet', stoerrelse: 13 },
} satisfies Record<string, Stil>;

const celle = (tekst: string, stil: Stil = S.liten) => ({ avsnitt: [{ tekst, stil }] });

const TITTEL = 'Etteroppgjør for vederlag for langtidsopphold';

const DELMAANED: Record<string, string> = {
  DAGER_I_MAANEDEN: 'månedsvederlaget × dager ÷ dagene i måneden',
  DAGER_I_AARET: 'årsvederlaget × dager ÷ dagene i året',
};

export interface Etteroppgjoersvalg {
  /** Byte-for-byte reproducible output (the file identifier is a hash of the input). */
  deterministisk?: boolean;
}

/** Renders an etteroppgjør as PDF/A-2b. Throws Valideringsfeil for a result or metadata it cannot use. */
export async function renderEtteroppgjoer(
  resultat: unknown,
  metadata: unknown,
  valg: Etteroppgjoersvalg = {},
): Promise<Uint8Array> {
  const r = valider(etteroppgjoersdokumentSkjema, resultat, ['resultat']);
  const m = valider(etteroppgjoersmetadataSkjema, metadata, ['metadata']);
  const e = r.etteroppgjoer;
  const sak = m.saksreferanse ?? r.utfoert?.saksreferanse;
  const doc = new PDFDocument({
    size: [A4.bredde, A4.hoeyde],
    margins: { top: MARG.topp, bottom: MARG.bunn, left: MARG.venstre, right: MARG.hoeyre },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'nb-NO',
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: xmpTrygg(`${TITTEL}, ${e.inntektsaar}`),
      Subject: xmpTrygg(
        `Etteroppgjør etter ${e.hjemmel} (LANGTIDSOPPHOLD_INSTITUSJON), inntektsår ${e.inntektsaar}`,
      ),
      Author: xmpTrygg(m.kommunenavn),
      Creator: 'Inntektsgrunnlag',
      Producer: xmpTrygg(`Inntektsgrunnlag ${pakke.name} ${pakke.version} (PDFKit)`),
      Keywords: xmpTrygg(
        [
          'etteroppgjør',
          'LANGTIDSOPPHOLD_INSTITUSJON',
          `inntektsår ${e.inntektsaar}`,
          sak ? `sak ${sak}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      ),
      CreationDate: new Date(Date.parse(m.opprettet)),
    },
  });
  const pdf = klargjoerPdf(doc, JSON.stringify([r, m]), valg.deterministisk);

  const o = new Oppsett(doc);
  for (const l of o.linjer(`${TITTEL} ${e.inntektsaar}`, S.tittel, INNHOLDSBREDDE)) {
    o.skrivLinje(l, MARG.venstre, o.y, S.tittel);
    o.y += 20;
  }
  o.avsnitt(`${m.kommunenavn} · ${e.hjemmel}`, S.liten);
  o.mellomrom(8);

  const soeker = r.personer.find((p) => p.type === 'SOEKER');
  const fakta: Array<[string, string]> = [
    [
      'Beboer',
      soeker
        ? `${maskerIdentifikator(soeker.identifikator)}${soeker.navn ? ` ${soeker.navn.fornavn} ${soeker.navn.etternavn}` : ''}`
        : '—',
    ],
    ...(sak ? ([['Sak', sak]] as Array<[string, string]>) : []),
    ['Inntektsår', String(e.inntektsaar)],
    ['Opphold i året', `${datoKort(e.oppholdFraOgMed)} – ${datoKort(e.oppholdTilOgMed)}`],
    ['Bygger på', e.grunnlag.forklaring],
    ['Erstatter', e.erstatter.forklaring],
    [
      'Del av måned',
      `${DELMAANED[e.innstillinger.delmaaned] ?? e.innstillinger.delmaaned} (kommuneinnstilling)`,
    ],
    ...(r.utfoert
      ? ([
          [
            'Laget',
            `${formaterTidspunkt(r.utfoert.tidspunkt)} av ${r.utfoert.aktoer.visningsnavn} (${r.utfoert.rolleId})`,
          ],
        ] as Array<[string, string]>)
      : []),
  ];
  o.tabell({
    id: 'fakta',
    utenHode: true,
    kolonner: [
      { tittel: '', bredde: 110 },
      { tittel: '', bredde: INNHOLDSBREDDE - 110 },
    ],
    rader: fakta.map(([k, v]) => ({ celler: [celle(k, S.litenFet), celle(v)] })),
  });
  o.mellomrom(10);

  const utfall =
    e.resultat === 'BEBOEREN_SKYLDER'
      ? `Beboeren skylder ${formaterKroner(e.differanse)}`
      : e.resultat === 'TILBAKEBETALING'
        ? `Beboeren skal ha tilbake ${formaterKroner(-e.differanse)}`
        : 'Ingen differanse';
  o.overskrift('Resultat', 1);
  o.avsnitt(utfall, S.stor);
  o.mellomrom(3);
  o.avsnitt(
    `Endelig vederlag ${formaterKroner(e.sumEndelig)} − fakturert ${formaterKroner(e.sumFakturert)} = ${formaterKroner(e.differanse)}.`,
    S.broed,
  );
  if (e.maanederOverMaksimum.length > 0) {
    o.mellomrom(3);
    o.avsnitt(`Fakturert over det høyeste lovlige vederlaget: ${e.maanederOverMaksimum.join(', ')}.`, S.fet);
  }
  o.mellomrom(8);

  const rader: Rad[] = e.maaneder.map((mnd) => ({
    celler: [
      celle(mnd.maaned, mnd.overMaksimum ? S.litenFet : S.liten),
      celle(`${mnd.vederlagsdager}/${mnd.dagerIMaaneden}`),
      celle(mnd.satser.map((s) => formaterKroner(s.grunnbeloep)).join(' / ') || '—'),
      celle(
        mnd.satser.map((s) => `${formaterKroner(s.fribeloep)}${s.dobbeltrom ? ' (d)' : ''}`).join(' / ') ||
          '—',
      ),
      celle(formaterKroner(mnd.endelig)),
      celle(
        `${formaterKroner(mnd.fakturert)}${mnd.overMaksimum ? ' *' : ''}`,
        mnd.overMaksimum ? S.litenFet : S.liten,
      ),
      celle(formaterKroner(mnd.differanse)),
    ],
  }));
  rader.push({
    type: 'total',
    celler: [
      celle('Sum', S.litenFet),
      celle(''),
      celle(''),
      celle(''),
      celle(formaterKroner(e.sumEndelig), S.litenFet),
      celle(formaterKroner(e.sumFakturert), S.litenFet),
      celle(formaterKroner(e.differanse), S.litenFet),
    ],
  });
  o.tabell({
    id: 'maaneder',
    overskrift: { tekst: 'Måned for måned', nivaa: 1 },
    kolonner: [
      { tittel: 'Måned', bredde: 55 },
      { tittel: 'Dager', bredde: 45, hoeyre: true },
      { tittel: 'G', bredde: 80, hoeyre: true },
      { tittel: 'Fribeløp', bredde: 80, hoeyre: true },
      { tittel: 'Endelig', bredde: 77, hoeyre: true },
      { tittel: 'Fakturert', bredde: 79, hoeyre: true },
      { tittel: 'Differanse', bredde: INNHOLDSBREDDE - 416, hoeyre: true },
    ],
    rader,
  });
  o.mellomrom(4);
  o.avsnitt(
    'Dager: dager med vederlag av dagene i måneden. (d): fribeløpet ved dobbeltrom mot eget ønske. *: fakturert over det høyeste lovlige. Differanse = endelig − fakturert: positiv skylder beboeren, negativ får beboeren tilbake.',
    S.liten,
  );

  o.overskrift('Forklaring', 1);
  o.avsnitt(e.forklaring, S.broed);
  o.mellomrom(4);
  for (const mnd of e.maaneder) {
    o.avsnitt(`${mnd.maaned}: ${mnd.forklaring}`, S.liten);
    o.avsnitt(`Hjemmel: ${mnd.hjemler.join('; ')}`, S.liten);
    o.mellomrom(3);
  }
  if (r.advarsler.length > 0) {
    o.overskrift('Advarsler', 1);
    for (const a of r.advarsler) {
      o.avsnitt(`${a.kode}: ${a.melding}`, S.liten);
      o.mellomrom(2);
    }
  }
  o.bunntekst(`${m.kommunenavn} · ${TITTEL} · inntektsår ${e.inntektsaar}${sak ? ` · sak ${sak}` : ''}`);
  doc.end();
  return pdf();
}
