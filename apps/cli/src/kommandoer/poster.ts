import { BEREGNINGSTYPER, type Beregningstype } from '@inntektsgrunnlag/beregning';
import { BEREGNERE } from '@inntektsgrunnlag/oppslag';
import {
  definisjonForAar,
  endringerMellom,
  type Gruppedefinisjon,
  KATALOGAAR,
  katalogFor,
  PostdefinisjonError,
  postinfo,
  UkjentInntektsaarError,
} from '@inntektsgrunnlag/skattegrunnlag';
import { tolkArgumenter } from '../argumenter.js';
import { BrukerFeil, type Kommando, skriv } from '../kontekst.js';

const bruk = `Bruk: pnpm cli poster --aar <år> [--beregningstype <type>] [--format tsv|json]
       pnpm cli poster --endringer <fra år> <til år> [--format tsv|json]

Lister postene for et inntektsår: Skatteetatens postliste (Summert skattegrunnlag), postene fra
Beregnet skatt og Avregning (JSON-pekere) og ekstrapostene; med --beregningstype i stedet hvilke
poster beregningstypen teller med, i hvilken gruppe og med hvilket fortegn.
  --aar <år>               inntektsåret (${KATALOGAAR[0]}–${KATALOGAAR[KATALOGAAR.length - 1]})
  --beregningstype <type>  ${BEREGNINGSTYPER.join(', ')}
  --endringer <år> <år>    poster lagt til, fjernet og endret (kategori, visningstekst) mellom to år
  --format tsv|json        tabulatorseparert med overskriftslinje (standard), eller en JSON-liste`;

type Rad = Record<string, string | boolean | null>;

/** The TSV columns of each listing (fixed, so an empty listing still has its header). */
const KOLONNER = {
  katalog: ['tekniskNavn', 'kategori', 'visningstekst', 'visningsgruppe', 'kilde', 'art'],
  definisjon: [
    'tekniskNavn',
    'kategori',
    'visningstekst',
    'blokk',
    'gruppe',
    'gruppeoperasjon',
    'persontyper',
    'operasjon',
    'hjemmel',
    'kilde',
    'iKatalog',
  ],
  endringer: ['endring', 'tekniskNavn', 'kategori', 'visningstekst', 'fra', 'til'],
} as const;

function aarFra(tekst: string | undefined, hva: string): number {
  if (!tekst || !/^\d{4}$/.test(tekst))
    throw new BrukerFeil(`${hva} må være et årstall (fikk «${tekst ?? ''}»)`);
  const aar = Number(tekst);
  try {
    katalogFor(aar);
  } catch (e) {
    if (e instanceof UkjentInntektsaarError) throw new BrukerFeil(e.message);
    throw e;
  }
  return aar;
}

/** Every post of the year's catalogue. */
function katalograder(aar: number): Rad[] {
  return katalogFor(aar)
    .alle()
    .map((p) => ({
      tekniskNavn: p.tekniskNavn,
      kategori: p.kategori ?? null,
      visningstekst: p.visningstekst,
      visningsgruppe: p.visningsgruppe,
      kilde: p.kilde,
      art: p.art,
    }));
}

/** One row per post of each group of the area's definition for the year, then its display allow-list. */
function definisjonsrader(type: Beregningstype, aar: number): { rader: Rad[]; hode: string[] } {
  const def = BEREGNERE[type].postdefinisjon;
  let d: typeof def;
  try {
    d = definisjonForAar(def, aar);
  } catch (e) {
    if (e instanceof PostdefinisjonError) throw new BrukerFeil(e.message);
    throw e;
  }
  const rad = (tekniskNavn: string, felt: Omit<Rad, 'tekniskNavn'>): Rad => {
    const { info, kjent } = postinfo(tekniskNavn, aar);
    return {
      tekniskNavn,
      kategori: info.kategori ?? null,
      visningstekst: info.visningstekst,
      ...felt,
      kilde: info.kilde,
      // False marks a post missing from the year's catalogue: the definition must follow a rename.
      iKatalog: kjent,
    };
  };
  const blokk = (navn: string, grupper: readonly Gruppedefinisjon[] = []) =>
    grupper.flatMap((g) =>
      g.poster.map((p) =>
        rad(p.tekniskNavn, {
          blokk: navn,
          gruppe: g.tekniskNavn,
          gruppeoperasjon: g.operasjon,
          persontyper: g.persontyper.join(','),
          operasjon: p.operasjon,
          hjemmel: g.hjemmel ?? null,
        }),
      ),
    );
  const rader = [
    ...blokk('inntekt', d.inntekt),
    ...blokk('fradrag', d.fradrag),
    ...blokk('mellomregning', d.mellomregninger),
    ...(d.visning.poster ?? []).map((p) =>
      rad(p, {
        blokk: 'visning',
        gruppe: null,
        gruppeoperasjon: null,
        persontyper: null,
        operasjon: null,
        hjemmel: null,
      }),
    ),
  ];
  const hode = [
    `${type}, inntektsår ${aar}: ${d.kilde.tittel}`,
    `Viser dessuten postene i gruppene: ${d.visning.grupper.join(', ') || '(ingen)'}`,
  ];
  return { rader, hode };
}

function endringsrader(fra: number, til: number): Rad[] {
  const e = endringerMellom(fra, til);
  const etter = katalogFor(til);
  const naa = (navn: string) => {
    const p = etter.finn(navn);
    return { kategori: p?.kategori ?? null, visningstekst: p?.visningstekst ?? navn };
  };
  return [
    ...e.lagtTil.map((p) => ({ endring: 'LAGT_TIL', ...p, fra: null, til: null })),
    ...e.fjernet.map((p) => ({ endring: 'FJERNET', ...p, fra: null, til: null })),
    ...e.endretKategori.map((k) => ({
      endring: 'ENDRET_KATEGORI',
      tekniskNavn: k.tekniskNavn,
      ...naa(k.tekniskNavn),
      fra: k.fra,
      til: k.til,
    })),
    ...e.endretVisningstekst.map((k) => ({
      endring: 'ENDRET_VISNINGSTEKST',
      tekniskNavn: k.tekniskNavn,
      ...naa(k.tekniskNavn),
      fra: k.fra,
      til: k.til,
    })),
  ];
}

function somTsv(kolonner: readonly string[], rader: readonly Rad[], hode: readonly string[]): string {
  const celle = (v: Rad[string] | undefined) =>
    v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
  return [
    ...hode.map((h) => `# ${h}`),
    kolonner.join('\t'),
    ...rader.map((r) => kolonner.map((k) => celle(r[k])).join('\t')),
  ].join('\n');
}

export const poster: Kommando = {
  navn: 'poster',
  beskrivelse: 'postkatalogen for et inntektsår, en beregningstypes poster, eller endringer mellom år',
  bruk,
  async kjoer(argumenter, kontekst) {
    const { values, positionals } = tolkArgumenter(
      argumenter,
      {
        aar: { type: 'string' },
        beregningstype: { type: 'string' },
        endringer: { type: 'boolean', default: false },
        format: { type: 'string', default: 'tsv' },
      },
      bruk,
    );
    if (values.format !== 'tsv' && values.format !== 'json')
      throw new BrukerFeil(`--format må være tsv eller json (fikk «${values.format}»)`);
    let rader: Rad[];
    let hode: string[];
    let kolonner: readonly string[];
    if (values.endringer) {
      if (values.aar !== undefined || values.beregningstype !== undefined || positionals.length !== 2)
        throw new BrukerFeil(
          `--endringer tar nøyaktig to årstall og ingen andre valg enn --format.\n\n${bruk}`,
        );
      const fra = aarFra(positionals[0], 'Fra-året');
      const til = aarFra(positionals[1], 'Til-året');
      rader = endringsrader(fra, til);
      kolonner = KOLONNER.endringer;
      hode = [`Endringer i postkatalogen fra ${fra} til ${til}`];
    } else {
      if (values.aar === undefined) throw new BrukerFeil(`Oppgi --aar eller --endringer.\n\n${bruk}`);
      if (positionals.length > 0) throw new BrukerFeil(`Ukjent argument «${positionals[0]}».\n\n${bruk}`);
      const aar = aarFra(values.aar, '--aar');
      const type = values.beregningstype;
      if (type === undefined) {
        rader = katalograder(aar);
        kolonner = KOLONNER.katalog;
        hode = [`Postkatalog for inntektsår ${aar}: ${katalogFor(aar).kilde}`];
      } else {
        if (!(BEREGNINGSTYPER as readonly string[]).includes(type))
          throw new BrukerFeil(
            `--beregningstype må være en av ${BEREGNINGSTYPER.join(', ')} (fikk «${type}»)`,
          );
        ({ rader, hode } = definisjonsrader(type as Beregningstype, aar));
        kolonner = KOLONNER.definisjon;
      }
    }
    skriv(
      kontekst.stdout,
      values.format === 'json' ? JSON.stringify(rader, null, 2) : somTsv(kolonner, rader, hode),
    );
    return 0;
  },
};
