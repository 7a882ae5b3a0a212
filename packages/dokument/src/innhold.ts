import { Beloep } from '@inntektsgrunnlag/money';
import { type Kilde, kildeSkjema } from '@inntektsgrunnlag/regelverk';
import {
  datoKort,
  datoLang,
  flatUt,
  formaterBeloep,
  formaterKroner,
  formaterSats,
  formaterTall,
  formaterTidspunkt,
  formaterVerdi,
  tilBeloep,
} from './format.js';
import {
  type Avsnitt,
  type Celle,
  FARGE,
  INNHOLDSBREDDE,
  type Kolonne,
  linjehoeyde,
  MARG,
  type Oppsett,
  type Rad,
  type Stil,
} from './oppsett.js';
import type { Dokumentmetadata, Linje, Resultat } from './skjema.js';
import {
  AVREGNING,
  avgiftFor,
  KILDE,
  persontypeTekst,
  STADIE,
  SYMBOL,
  tittelFor,
  VISNINGSGRUPPE,
} from './tekster.js';

/** Styles of the document. Sizes are small (8 pt in tables) so a full result stays a few pages. */
const S = {
  brod: { font: 'normal', stoerrelse: 9 },
  celle: { font: 'normal', stoerrelse: 8 },
  celleFet: { font: 'fet', stoerrelse: 8 },
  liten: { font: 'normal', stoerrelse: 6.8, farge: FARGE.svak },
  merknad: { font: 'kursiv', stoerrelse: 7, farge: FARGE.svak },
  advarsel: { font: 'normal', stoerrelse: 8, farge: FARGE.advarsel },
} satisfies Record<string, Stil>;

const c = (tekst: string, stil: Stil = S.celle): Avsnitt => ({ tekst, stil });
const celle = (...avsnitt: Array<Avsnitt | false | '' | undefined | null>): Celle => ({
  avsnitt: avsnitt.filter((a): a is Avsnitt => Boolean(a)),
});

type Person = Resultat['personer'][number];

function fulltNavn(p: Person): string | undefined {
  if (!p.navn) return undefined;
  return [p.navn.fornavn, p.navn.mellomnavn, p.navn.etternavn].filter(Boolean).join(' ');
}

/** Short names for the column heads: the role, numbered when two persons share it ("Barn 1", "Barn 2"). */
function kortnavn(personer: readonly Person[]): Map<string, string> {
  const antall = new Map<string, number>();
  for (const p of personer) antall.set(p.type, (antall.get(p.type) ?? 0) + 1);
  const sett = new Map<string, number>();
  const ut = new Map<string, string>();
  for (const p of personer) {
    const n = (sett.get(p.type) ?? 0) + 1;
    sett.set(p.type, n);
    ut.set(p.identifikator, `${persontypeTekst(p.type)}${(antall.get(p.type) ?? 0) > 1 ? ` ${n}` : ''}`);
  }
  return ut;
}

function kildeTekst(k: Kilde): string {
  return [
    k.tittel,
    k.hjemmel,
    k.konfidens ? `konfidens ${k.konfidens}${k.konfidens === 'C' ? ' (én sekundærkilde)' : ''}` : undefined,
    k.url,
  ]
    .filter(Boolean)
    .join('; ');
}

function kildeEllerVerdi(verdi: unknown): string {
  const k = kildeSkjema.safeParse(verdi);
  return k.success ? kildeTekst(k.data) : formaterVerdi(verdi);
}

/**
 * Columns for amounts per person. One person: just the amount. Two to four: a column per person and
 * a sum. More than four would not fit across the page: then each person's amount gets a row of its own
 * under the post.
 */
interface Personkolonner {
  kolonner: Kolonne[];
  rad: (
    tekst: Celle,
    perPerson: Map<string, number> | null,
    sum: number | Beloep | null,
    type?: Rad['type'],
  ) => Rad[];
}

function personkolonner(
  personer: readonly Person[],
  navn: Map<string, string>,
  postbredde: number,
): Personkolonner {
  const sumBredde = 72;
  const beloepCelle = (n: number | Beloep | null | undefined, fet = false): Celle =>
    celle(n === null || n === undefined ? false : c(formaterBeloep(n), fet ? S.celleFet : S.celle));
  const erFet = (type?: Rad['type']) => type === 'sum' || type === 'total' || type === 'gruppe';
  if (personer.length === 1) {
    return {
      kolonner: [
        { tittel: 'Post', bredde: INNHOLDSBREDDE - sumBredde },
        { tittel: 'Beløp (kr)', bredde: sumBredde, hoeyre: true },
      ],
      rad: (tekst, _perPerson, sum, type) => [{ type, celler: [tekst, beloepCelle(sum, erFet(type))] }],
    };
  }
  if (personer.length <= 4) {
    const rest = INNHOLDSBREDDE - postbredde - sumBredde;
    return {
      kolonner: [
        { tittel: 'Post', bredde: postbredde },
        ...personer.map((p) => ({
          tittel: `${navn.get(p.identifikator)} (kr)`,
          bredde: rest / personer.length,
          hoeyre: true,
        })),
        { tittel: 'Sum (kr)', bredde: sumBredde, hoeyre: true },
      ],
      rad: (tekst, perPerson, sum, type) => [
        {
          type,
          celler: [
            tekst,
            ...personer.map((p) => beloepCelle(perPerson?.get(p.identifikator), erFet(type))),
            beloepCelle(sum, erFet(type)),
          ],
        },
      ],
    };
  }
  return {
    kolonner: [
      { tittel: 'Post', bredde: INNHOLDSBREDDE - sumBredde - 90 },
      { tittel: 'Person', bredde: 90 },
      { tittel: 'Beløp (kr)', bredde: sumBredde, hoeyre: true },
    ],
    rad: (tekst, perPerson, sum, type) => {
      const enesteId = perPerson?.size === 1 ? [...perPerson.keys()][0] : undefined;
      const personrader: Rad[] =
        perPerson && perPerson.size > 1
          ? [...perPerson.entries()].map(([id, beloep]) => ({
              celler: [celle(), celle(c(navn.get(id) ?? id)), beloepCelle(beloep)],
            }))
          : [];
      return [
        {
          type,
          holdMedNeste: personrader.length > 0,
          celler: [
            tekst,
            celle(enesteId !== undefined && c(navn.get(enesteId) ?? enesteId)),
            beloepCelle(sum, erFet(type)),
          ],
        },
        ...personrader,
      ];
    },
  };
}

/** The exact sum of per-person amounts, for a post row's total. */
function sumAv(perPerson: Map<string, number>): Beloep {
  return Beloep.sum([...perPerson.values()].map(tilBeloep));
}

/** The parts of the document, in order. */
export function skrivInnhold(o: Oppsett, r: Resultat, m: Dokumentmetadata): void {
  const tittel = tittelFor(r.beregningstype, r.tabell.tittel);
  const avgiftsnavn = avgiftFor(r.avgiftsnoekkel);
  const navn = kortnavn(r.personer);

  hode(o, r, m, tittel);
  avgift(o, r, avgiftsnavn);
  personer(o, r, navn);
  if (r.advarsler.length > 0) advarsler(o, r, navn);
  avgiftsdetaljer(o, r, avgiftsnavn);
  beregningstabell(o, r);
  grunnlag(o, r, navn);
  visningsposter(o, r, navn);
  if (m.avregning && m.avregning.length > 0) avregning(o, m, navn);
  regelverk(o, r);
  dokumentet(o, r, m);
}

function hode(o: Oppsett, r: Resultat, m: Dokumentmetadata, tittel: string): void {
  const kommune: Stil = { font: 'fet', stoerrelse: 10, farge: FARGE.aksent };
  const stor: Stil = { font: 'fet', stoerrelse: 16 };
  o.skrivLinje(m.kommunenavn, MARG.venstre, o.y, kommune);
  o.y += linjehoeyde(kommune) + 2;
  for (const l of o.linjer(tittel, stor, INNHOLDSBREDDE)) {
    o.skrivLinje(l, MARG.venstre, o.y, stor);
    o.y += linjehoeyde(stor);
  }
  o.y += 2;
  const dato = `${datoLang(r.beregningsdato)}${r.beregningsdatoKilde === 'DAGENS_DATO' ? ' (dagens dato; vedtaksdato ikke oppgitt)' : ''}`;
  o.avsnitt(`Inntektsår ${r.inntektsaar} · Beregningsdato ${dato}`, { font: 'normal', stoerrelse: 10 });
  o.mellomrom(6);
  const laget = m.laget.brukernavn
    ? `${m.laget.brukernavn} (rolle ${m.laget.rolle})`
    : `rolle ${m.laget.rolle}`;
  o.tabell({
    id: 'fakta',
    utenHode: true,
    kolonner: [
      { tittel: '', bredde: 110 },
      { tittel: '', bredde: INNHOLDSBREDDE - 110 },
    ],
    rader: [
      ['Saksreferanse', m.saksreferanse ?? 'ikke oppgitt'],
      ['Laget', formaterTidspunkt(m.opprettet)],
      ['Laget av', laget],
    ].map(([k, v]) => ({ celler: [celle(c(k as string, S.celleFet)), celle(c(v as string))] })),
  });
}

/** The fee, first and large: the area's key figures, then the basis they come from. */
function avgift(o: Oppsett, r: Resultat, avgiftsnavn: string): void {
  const etikett: Stil = { font: 'normal', stoerrelse: 10.5 };
  const tall: Stil = { font: 'fet', stoerrelse: 18 };
  const grunnlag: Stil = { font: 'normal', stoerrelse: 9.5 };
  const pad = 10;
  const indre = INNHOLDSBREDDE - 2 * pad;
  const tallbredde = 170;
  const rader = r.hovedtall.map((h) => ({
    linjer: o.linjer(h.tekst, etikett, indre - tallbredde),
    hjemmel: h.hjemmel ? o.linjer(h.hjemmel, S.liten, indre - tallbredde) : [],
    beloep: formaterKroner(h.beloep),
  }));
  const radhoeyde = (x: (typeof rader)[number]) =>
    Math.max(
      linjehoeyde(tall),
      x.linjer.length * linjehoeyde(etikett) + x.hjemmel.length * linjehoeyde(S.liten),
    ) + 4;
  const ikkeBeregnet = `${avgiftsnavn} er ikke beregnet. Se advarslene.`;
  const innhold =
    linjehoeyde({ font: 'fet', stoerrelse: 11 }) +
    4 +
    (rader.length > 0 ? rader.reduce((s, x) => s + radhoeyde(x), 0) : linjehoeyde(etikett) + 4) +
    linjehoeyde(grunnlag) +
    4;
  const hoeyde = innhold + 2 * pad;
  o.mellomrom(10);
  o.plass(hoeyde);
  const topp = o.y;
  o.doc.rect(MARG.venstre, topp, INNHOLDSBREDDE, hoeyde).lineWidth(1.2).strokeColor(FARGE.aksent).stroke();
  let y = topp + pad;
  const x = MARG.venstre + pad;
  o.skrivLinje(avgiftsnavn, x, y, { font: 'fet', stoerrelse: 11, farge: FARGE.aksent });
  y += linjehoeyde({ font: 'fet', stoerrelse: 11 }) + 4;
  if (rader.length === 0) {
    o.skrivLinje(ikkeBeregnet, x, y, { ...etikett, farge: FARGE.advarsel });
    y += linjehoeyde(etikett) + 4;
  }
  for (const rad of rader) {
    const h = radhoeyde(rad);
    o.skrivLinje(rad.beloep, x, y + (h - 4 - linjehoeyde(tall)) / 2, tall, true, indre);
    let ly = y + 2;
    for (const l of rad.linjer) {
      o.skrivLinje(l, x, ly, etikett);
      ly += linjehoeyde(etikett);
    }
    for (const l of rad.hjemmel) {
      o.skrivLinje(l, x, ly, S.liten);
      ly += linjehoeyde(S.liten);
    }
    y += h;
  }
  o.skrivLinje('Beregningsgrunnlag (inntekt etter fradrag)', x, y, grunnlag);
  o.skrivLinje(formaterKroner(r.beregningsbeloep), x, y, { ...grunnlag, font: 'fet' }, true, indre);
  o.y = topp + hoeyde;
}

function personer(o: Oppsett, r: Resultat, navn: Map<string, string>): void {
  o.tabell({
    overskrift: { tekst: 'Personer', nivaa: 1 },
    id: 'personer',
    tittel: 'Personer',
    kolonner: [
      { tittel: 'Rolle', bredde: 55 },
      { tittel: 'Navn', bredde: 117 },
      { tittel: 'Identifikator', bredde: 64 },
      { tittel: 'Grunnlag', bredde: 90 },
      { tittel: 'Skatteoppgjørsdato', bredde: 86 },
      { tittel: 'Merknad', bredde: INNHOLDSBREDDE - 412 },
    ],
    rader: r.personer.map((p) => ({
      celler: [
        celle(c(navn.get(p.identifikator) ?? persontypeTekst(p.type), S.celleFet)),
        celle(c(fulltNavn(p) ?? 'navn ikke hentet')),
        celle(c(p.identifikator)),
        celle(
          c(
            p.stadie
              ? (STADIE[p.stadie] ?? p.stadie)
              : p.postkilde === 'FORESPOERSEL'
                ? 'Poster oppgitt i forespørselen'
                : 'ikke oppgitt',
          ),
        ),
        celle(c(p.skatteoppgjoersdato ? datoKort(p.skatteoppgjoersdato) : '–')),
        celle(
          p.skjermet && c('Adressebeskyttet (skjermet)', { ...S.celleFet, farge: FARGE.advarsel }),
          p.stadie === 'UTKAST' && c('Ikke endelig: bygger på utkast', S.merknad),
        ),
      ],
    })),
  });
}

function advarsler(o: Oppsett, r: Resultat, navn: Map<string, string>): void {
  o.tabell({
    overskrift: { tekst: 'Advarsler', nivaa: 1 },
    id: 'advarsler',
    tittel: 'Advarsler',
    kolonner: [
      { tittel: 'Gjelder', bredde: 120 },
      { tittel: 'Advarsel', bredde: INNHOLDSBREDDE - 120 },
    ],
    rader: r.advarsler.map((a) => ({
      celler: [
        celle(
          c(
            a.identifikator ? (navn.get(a.identifikator) ?? a.identifikator) : 'Hele beregningen',
            S.celleFet,
          ),
          c(a.kode, S.liten),
        ),
        celle(c(a.melding, S.advarsel)),
      ],
    })),
  });
}

function avgiftsdetaljer(o: Oppsett, r: Resultat, avgiftsnavn: string): void {
  const objekt = (r as Record<string, unknown>)[r.avgiftsnoekkel];
  if (objekt === null || objekt === undefined) return;
  const rader = flatUt(objekt);
  if (rader.length === 0) return;
  o.tabell({
    overskrift: { tekst: `${avgiftsnavn}: alle tall`, nivaa: 1 },
    id: 'avgift',
    tittel: `${avgiftsnavn}: alle tall`,
    kolonner: [
      { tittel: 'Felt', bredde: 330 },
      { tittel: 'Verdi', bredde: INNHOLDSBREDDE - 330, hoeyre: true },
    ],
    rader: rader.map((x) => ({
      celler: [celle(c(x.etikett), c(`${r.avgiftsnoekkel}.${x.sti}`, S.liten)), celle(c(x.verdi))],
    })),
  });
}

function beregningstabell(o: Oppsett, r: Resultat): void {
  const overskrift = {
    tekst: r.tabell.tittel ? `Beregningen steg for steg: ${r.tabell.tittel}` : 'Beregningen steg for steg',
    nivaa: 1 as const,
  };
  const rader: Rad[] = [];
  const gaa = (linjer: readonly Linje[], dybde: number) => {
    for (const l of linjer) {
      const symbol = SYMBOL[l.operasjon] ?? '';
      const resultat = l.operasjon === 'RESULTAT';
      const eksakt = l.eksaktBeloep ? `Eksakt: ${formaterTall(l.eksaktBeloep)}` : undefined;
      rader.push({
        type: resultat && dybde === 0 ? 'sum' : undefined,
        holdMedNeste: Boolean(l.linjer?.length),
        celler: [
          {
            innrykk: dybde * 9,
            avsnitt: [
              c(
                `${symbol ? `${symbol} ` : ''}${l.tekst}`,
                resultat || l.linjer?.length ? S.celleFet : S.celle,
              ),
              ...(l.merknad ? [c(`Merk: ${l.merknad}`, S.merknad)] : []),
              ...(eksakt ? [c(eksakt, S.liten)] : []),
            ],
          },
          celle(c(KILDE[l.kilde] ?? l.kilde, S.liten)),
          celle(l.sats !== undefined && c(formaterSats(l.sats))),
          celle(l.beloep !== undefined && c(formaterBeloep(l.beloep), resultat ? S.celleFet : S.celle)),
          celle(l.hjemmel !== undefined && c(l.hjemmel)),
        ],
      });
      if (l.linjer?.length) gaa(l.linjer, dybde + 1);
    }
  };
  gaa(r.tabell.linjer, 0);
  if (rader.length === 0) {
    o.overskrift(overskrift.tekst, overskrift.nivaa);
    o.avsnitt('Beregningstabellen er tom.', S.brod);
    return;
  }
  o.tabell({
    overskrift,
    id: 'beregningstabell',
    tittel: 'Beregningen steg for steg',
    kolonner: [
      { tittel: 'Steg', bredde: 215 },
      { tittel: 'Kilde', bredde: 52 },
      { tittel: 'Sats', bredde: 42 },
      { tittel: 'Beløp (kr)', bredde: 72, hoeyre: true },
      { tittel: 'Hjemmel', bredde: INNHOLDSBREDDE - 381 },
    ],
    rader,
  });
}

function grunnlag(o: Oppsett, r: Resultat, navn: Map<string, string>): void {
  const pk = personkolonner(r.personer, navn, 200);
  const blokker: Array<{
    tittel: string;
    blokk: Resultat['inntekt'] | null;
    grupper: Resultat['mellomregninger'];
  }> = [
    { tittel: 'Inntekt', blokk: r.inntekt, grupper: r.inntekt.grupper },
    { tittel: 'Fradrag', blokk: r.fradrag, grupper: r.fradrag.grupper },
  ];
  if (r.mellomregninger.length > 0) {
    blokker.push({
      tittel: 'Mellomregninger (inngår ikke i beregningsgrunnlaget)',
      blokk: null,
      grupper: r.mellomregninger,
    });
  }
  const rader: Rad[] = [];
  for (const b of blokker) {
    rader.push(
      ...pk
        .rad(celle(c(b.tittel, S.celleFet)), null, null, 'gruppe')
        .map((x) => ({ ...x, holdMedNeste: true })),
    );
    for (const g of b.grupper) {
      const grupperad = pk.rad(
        celle(
          c(`${SYMBOL[g.operasjon] ?? ''} ${g.visningstekst}`.trim(), S.celleFet),
          g.hjemmel ? c(g.hjemmel, S.liten) : false,
        ),
        null,
        g.beloep,
      );
      rader.push(...grupperad.map((x) => ({ ...x, holdMedNeste: g.poster.length > 0 })));
      // One row per post, with each person's amount (a post may come from several persons).
      const perPost = new Map<string, { post: (typeof g.poster)[number]; perPerson: Map<string, number> }>();
      for (const p of g.poster) {
        const noekkel = `${p.tekniskNavn}|${p.operasjon}`;
        const rad = perPost.get(noekkel) ?? { post: p, perPerson: new Map<string, number>() };
        // Two entries of the same post for the same person are listed apart rather than summed here.
        if (rad.perPerson.has(p.identifikator)) {
          perPost.set(`${noekkel}|${perPost.size}`, {
            post: p,
            perPerson: new Map([[p.identifikator, p.beloep]]),
          });
          continue;
        }
        rad.perPerson.set(p.identifikator, p.beloep);
        perPost.set(noekkel, rad);
      }
      for (const { post, perPerson } of perPost.values()) {
        const tekst: Celle = {
          innrykk: 10,
          avsnitt: [
            c(`${post.operasjon === 'SUBTRAHERE' ? '\u2212 ' : ''}${post.visningstekst}`),
            c(`${post.tekniskNavn} · ${KILDE[post.kilde] ?? post.kilde}`, S.liten),
          ],
        };
        rader.push(...pk.rad(tekst, perPerson, sumAv(perPerson)));
      }
    }
    if (b.blokk) {
      const perPerson = new Map(b.blokk.perPerson.map((p) => [p.identifikator, p.beloep]));
      rader.push(
        ...pk.rad(celle(c(`Sum ${b.tittel.toLowerCase()}`, S.celleFet)), perPerson, b.blokk.beloep, 'sum'),
      );
    }
  }
  rader.push(
    ...pk.rad(
      celle(c('Beregningsgrunnlag (inntekt − fradrag)', S.celleFet)),
      null,
      r.beregningsbeloep,
      'total',
    ),
  );
  o.tabell({
    overskrift: { tekst: 'Grunnlaget: inntekt og fradrag per person', nivaa: 1 },
    id: 'grunnlag',
    tittel: 'Grunnlaget',
    kolonner: pk.kolonner,
    rader,
  });
}

function visningsposter(o: Oppsett, r: Resultat, navn: Map<string, string>): void {
  if (r.visningsposter.length === 0) return;
  o.overskrift('Opplysninger fra skattegrunnlaget', 1, 60);
  o.avsnitt(
    'Postene området kan vise (dataminimering), gruppert som hos Skatteetaten. Ikke alle poster inngår i beregningen; se grunnlaget over.',
    S.merknad,
  );
  const pk = personkolonner(r.personer, navn, 200);
  for (const gruppe of r.visningsposter) {
    const tittel = VISNINGSGRUPPE[gruppe.kategori] ?? gruppe.kategori;
    const rader: Rad[] = [];
    for (const p of gruppe.poster) {
      const perPerson = new Map(p.personer.map((x) => [x.identifikator, x.beloep]));
      const tekst = celle(
        c(p.visningstekst),
        p.ukjent &&
          c('Ukjent post: finnes ikke i Skatteetatens postliste for året; vurder manuelt.', S.merknad),
        p.infotekst && c(p.infotekst, S.merknad),
        c(p.tekniskNavn, S.liten),
      );
      rader.push(...pk.rad(tekst, perPerson, p.beloep));
    }
    o.tabell({
      overskrift: { tekst: tittel, nivaa: 2 },
      id: `visningsposter.${gruppe.kategori}`,
      tittel,
      kolonner: pk.kolonner,
      rader,
    });
  }
}

function avregning(o: Oppsett, m: Dokumentmetadata, navn: Map<string, string>): void {
  const beloep = (b: Beloep | undefined) => (b ? formaterBeloep(b) : '–');
  o.tabell({
    overskrift: { tekst: 'Avregning (skatt til gode og restskatt)', nivaa: 1 },
    id: 'avregning',
    tittel: 'Avregning',
    kolonner: [
      { tittel: 'Person', bredde: 95 },
      { tittel: `${AVREGNING.beloepTilgode} (kr)`, bredde: 120, hoeyre: true },
      { tittel: `${AVREGNING.restskatt} (kr)`, bredde: 95, hoeyre: true },
      { tittel: `${AVREGNING.avregnetForskuddstrekk} (kr)`, bredde: 95, hoeyre: true },
      { tittel: 'Skatteoppgjørsdato', bredde: INNHOLDSBREDDE - 405 },
    ],
    rader: (m.avregning ?? []).map((a) => ({
      celler: [
        celle(c(navn.get(a.identifikator) ?? a.identifikator, S.celleFet)),
        celle(c(beloep(a.beloepTilgode))),
        celle(c(beloep(a.restskatt))),
        celle(c(beloep(a.avregnetForskuddstrekk))),
        celle(c(a.skatteoppgjoersdato ? datoKort(a.skatteoppgjoersdato) : '–')),
      ],
    })),
  });
  o.avsnitt('Kilde: Skatteetatens Avregning API (fastland).', S.merknad);
}

function regelverk(o: Oppsett, r: Resultat): void {
  const rv = r.regelverk;
  o.tabell({
    overskrift: { tekst: 'Regelverk og satser som er brukt', nivaa: 1 },
    id: 'regelversjon',
    utenHode: true,
    kolonner: [
      { tittel: '', bredde: 110 },
      { tittel: '', bredde: INNHOLDSBREDDE - 110 },
    ],
    rader: [
      ['Regelpakke', `${rv.pakke.navn} ${rv.pakke.versjon}`],
      [
        'Postdefinisjon',
        `${rv.postdefinisjon.beregningstype}, inntektsår ${rv.postdefinisjon.inntektsaar}. Kilde: ${kildeEllerVerdi(rv.postdefinisjon.kilde)}`,
      ],
      ['Postkatalog', rv.postkatalog],
    ].map(([k, v]) => ({ celler: [celle(c(k as string, S.celleFet)), celle(c(v as string))] })),
  });
  if (rv.satser.length === 0) {
    o.overskrift('Satser', 2);
    o.avsnitt('Ingen satser er brukt (avgiften er ikke beregnet).', S.brod);
  } else {
    o.tabell({
      overskrift: { tekst: 'Satser', nivaa: 2 },
      id: 'satser',
      tittel: 'Satser',
      kolonner: [
        { tittel: 'Sats', bredde: 130 },
        { tittel: 'Verdi', bredde: 62, hoeyre: true },
        { tittel: 'Gyldig fra', bredde: 50 },
        { tittel: 'Kilde', bredde: INNHOLDSBREDDE - 292 },
        { tittel: 'Verifisert', bredde: 50 },
      ],
      rader: rv.satser.map((s) => ({
        celler: [
          celle(c(s.beskrivelse), c(`${s.tabell}, per ${datoKort(s.dato)}`, S.liten)),
          celle(c(formaterVerdi(s.verdi))),
          celle(c(datoKort(s.gyldigFra))),
          celle(
            c(kildeTekst(s.kilde)),
            s.kilde.sitat && c(`«${s.kilde.sitat}»`, S.merknad),
            s.fraFil && c(`Fra operatørfilen ${s.fraFil}`, S.merknad),
            s.kommunesats &&
              c(
                `Lagt inn av kommunen (${s.kommunesats.innlagtAv.navn}), godkjent av ${s.kommunesats.godkjentAv.navn}`,
                S.merknad,
              ),
          ),
          celle(c(datoKort(s.verifisert))),
        ],
      })),
    });
  }
  const innstillinger = flatUt(rv.kommuneinnstillinger ?? {});
  if (innstillinger.length === 0 || (innstillinger.length === 1 && innstillinger[0]?.verdi === 'ingen')) {
    o.overskrift('Kommunens innstillinger', 2);
    o.avsnitt('Ingen innstillinger for dette området.', S.brod);
  } else {
    o.tabell({
      overskrift: { tekst: 'Kommunens innstillinger', nivaa: 2 },
      id: 'innstillinger',
      tittel: 'Kommunens innstillinger',
      kolonner: [
        { tittel: 'Innstilling', bredde: 300 },
        { tittel: 'Verdi', bredde: INNHOLDSBREDDE - 300 },
      ],
      rader: innstillinger.map((x) => ({
        celler: [celle(c(x.etikett), c(x.sti, S.liten)), celle(c(x.verdi))],
      })),
    });
  }
}

function dokumentet(o: Oppsett, r: Resultat, m: Dokumentmetadata): void {
  o.overskrift('Om dokumentet', 1);
  const av = m.laget.brukernavn ? `${m.laget.brukernavn}, rolle ${m.laget.rolle}` : `rolle ${m.laget.rolle}`;
  o.avsnitt(
    `Laget ${formaterTidspunkt(m.opprettet)} av ${av}, for ${m.kommunenavn}${m.saksreferanse ? `, sak ${m.saksreferanse}` : ''}. ` +
      `Beregnet ${datoLang(r.beregningsdato)} med ${r.regelverk.pakke.navn} ${r.regelverk.pakke.versjon}. ` +
      'Beløp i kroner. Dokumentet er laget maskinelt fra beregningsresultatet og er arkivformat PDF/A-2b.',
    S.brod,
  );
}
