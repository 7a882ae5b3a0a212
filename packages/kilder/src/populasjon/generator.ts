import { maskerIdentifikator } from '@inntektsgrunnlag/person';
import { GRUNNBELOEP_GJENNOMSNITT, Parametertabell } from '@inntektsgrunnlag/regelverk';
import type { FregPersonJson } from '../folkeregisteret.js';
import { Identifikatorfabrikk } from './identifikatorer.js';
import { KS_PARTNER, KS_SOEKER, ksEksempelpersoner } from './ksEksempel.js';
import { ADJEKTIVER, SUBSTANTIVER } from './navn.js';
import {
  aarstall,
  avregningJson,
  beregnetSkattJson,
  type Oekonomi,
  ssgJson,
  tomOekonomi,
} from './oekonomi.js';
import { Prng } from './prng.js';
import type { Kategori, Populasjon, SyntetiskAar, SyntetiskPerson } from './typer.js';

/** The income years the population has data for. */
export const POPULASJONSAAR = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/** The seed of the embedded population. Changing it changes every synthetic person. */
export const STANDARD_FROE = 20261127;

const KOMMUNER = ['0301', '4601', '5001', '1103', '3905', '3907', '4204', '1804', '5401', '3403'];

const G_SNITT = new Parametertabell(GRUNNBELOEP_GJENNOMSNITT);
/** The average G of an income year, in whole kroner (to size incomes "under 2 G"). */
export function gjennomsnittligGFor(aar: number): number {
  return Number(G_SNITT.verdiPaa(`${aar}-01-01`).verdi.toKronerBigInt());
}

type Kjoenn = 'kvinne' | 'mann';

interface Utkast {
  identifikator: string;
  kategori: Kategori;
  beskrivelse: string;
  fornavn: string;
  etternavn: string;
  foedselsdato: string;
  kjoenn: Kjoenn;
  dNummer: boolean;
  oekonomi?: Oekonomi;
  /** First and last income year with tax data. */
  fraAar: number;
  tilAar: number;
  /** Years with no data in between (abroad that year). */
  utenData: number[];
  /** Years with a draft only (the settlement is not ready). */
  bareUtkast: number[];
  /** Years whose basis has been removed (SSG-011). */
  slettet: number[];
  gradering?: 'fortrolig' | 'strengtFortrolig';
  sivilstand: { type: string; relatert?: string };
  relasjoner: Array<{ relatertPerson: string; relatertPersonsRolle: string; minRolleForPerson: string }>;
  husstand: string[];
}

class Bygger {
  readonly prng: Prng;
  private readonly ider: Identifikatorfabrikk;
  readonly personer: Utkast[] = [];

  constructor(readonly froe: number) {
    this.prng = new Prng(froe);
    this.ider = new Identifikatorfabrikk(new Prng(froe ^ 0x5f3759df));
    this.ider.reserver(KS_SOEKER);
    this.ider.reserver(KS_PARTNER);
  }

  dato(fraAar: number, tilAar: number): string {
    const aar = this.prng.heltall(fraAar, tilAar);
    const maaned = this.prng.heltall(1, 12);
    const dag = this.prng.heltall(1, 28);
    return `${aar}-${String(maaned).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
  }

  person(
    kategori: Kategori,
    beskrivelse: string,
    foedt: [number, number],
    valg: Partial<
      Pick<
        Utkast,
        | 'dNummer'
        | 'fraAar'
        | 'tilAar'
        | 'utenData'
        | 'bareUtkast'
        | 'slettet'
        | 'gradering'
        | 'etternavn'
        | 'kjoenn'
      >
    > = {},
  ): Utkast {
    const foedselsdato = this.dato(foedt[0], foedt[1]);
    const dNummer = valg.dNummer ?? false;
    const u: Utkast = {
      identifikator: this.ider.lag(foedselsdato, dNummer),
      kategori,
      beskrivelse,
      fornavn: this.prng.velg(ADJEKTIVER),
      etternavn: valg.etternavn ?? this.prng.velg(SUBSTANTIVER),
      foedselsdato,
      kjoenn: valg.kjoenn ?? (this.prng.sjanse(0.5) ? 'kvinne' : 'mann'),
      dNummer,
      // Tax data from the year the person turns 17.
      fraAar: Math.max(valg.fraAar ?? 2019, Number(foedselsdato.slice(0, 4)) + 17),
      tilAar: valg.tilAar ?? 2025,
      utenData: valg.utenData ?? [],
      bareUtkast: valg.bareUtkast ?? [],
      slettet: valg.slettet ?? [],
      ...(valg.gradering ? { gradering: valg.gradering } : {}),
      sivilstand: { type: 'ugift' },
      relasjoner: [],
      husstand: [],
    };
    this.personer.push(u);
    return u;
  }

  oekonomi(fn: (o: Oekonomi, p: Prng) => void): Oekonomi {
    const o = tomOekonomi(this.prng.velg(KOMMUNER));
    o.vekst = 0.02 + this.prng.neste() * 0.03;
    o.innskudd = this.prng.heltall(5_000, 250_000);
    o.ekom = this.prng.sjanse(0.4);
    fn(o, this.prng);
    return o;
  }

  gift(a: Utkast, b: Utkast, type = 'gift'): void {
    a.sivilstand = { type, relatert: b.identifikator };
    b.sivilstand = { type, relatert: a.identifikator };
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      x.relasjoner.push({
        relatertPerson: y.identifikator,
        relatertPersonsRolle: 'ektefelleEllerPartner',
        minRolleForPerson: 'ektefelleEllerPartner',
      });
      x.husstand.push(y.identifikator);
    }
  }

  barn(forelder: Utkast, barn: Utkast): void {
    const rolle = forelder.kjoenn === 'kvinne' ? 'mor' : 'far';
    forelder.relasjoner.push({
      relatertPerson: barn.identifikator,
      relatertPersonsRolle: 'barn',
      minRolleForPerson: rolle,
    });
    barn.relasjoner.push({
      relatertPerson: forelder.identifikator,
      relatertPersonsRolle: rolle,
      minRolleForPerson: 'barn',
    });
    forelder.husstand.push(barn.identifikator);
    barn.husstand.push(forelder.identifikator);
  }
}

function pensjonist(o: Oekonomi, p: Prng, rik = false): void {
  o.pensjonFolketrygd = p.heltall(150_000, 330_000);
  o.annenPensjon = p.sjanse(0.6) ? p.heltall(20_000, 250_000) : 0;
  o.innskudd = rik ? p.heltall(800_000, 4_000_000) : p.heltall(20_000, 900_000);
  o.bolig = p.sjanse(0.7) ? p.heltall(900_000, 3_500_000) : 0;
  o.aksjeverdi = p.sjanse(rik ? 0.9 : 0.25) ? p.heltall(50_000, rik ? 6_000_000 : 600_000) : 0;
  o.utbytteAndel = o.aksjeverdi > 0 ? 0.02 + p.neste() * 0.04 : 0;
  o.gjeld = p.sjanse(0.25) ? p.heltall(50_000, 900_000) : 0;
  o.vekst = 0.025 + p.neste() * 0.02;
}

function arbeidstaker(o: Oekonomi, p: Prng, fra: number, til: number): void {
  o.loenn = p.heltall(fra, til);
  o.fagforening = p.sjanse(0.45);
  o.bolig = p.sjanse(0.6) ? p.heltall(1_000_000, 4_500_000) : 0;
  o.gjeld =
    o.bolig > 0
      ? Math.round(o.bolig * (0.3 + p.neste() * 0.6))
      : p.sjanse(0.3)
        ? p.heltall(20_000, 300_000)
        : 0;
  o.aksjeverdi = p.sjanse(0.3) ? p.heltall(10_000, 500_000) : 0;
  o.utbytteAndel = o.aksjeverdi > 0 ? 0.02 + p.neste() * 0.05 : 0;
}

function lagUtkast(b: Bygger): void {
  const p = b.prng;
  const medOekonomi = (u: Utkast, fn: (o: Oekonomi, p: Prng) => void) => {
    u.oekonomi = b.oekonomi(fn);
    return u;
  };

  for (let i = 0; i < 30; i++) {
    const rik = i % 6 === 5;
    medOekonomi(
      b.person(
        'ENSLIG_PENSJONIST',
        rik
          ? 'Enslig pensjonist med stor formue og aksjeutbytte'
          : 'Enslig pensjonist med alderspensjon og bankinnskudd',
        [1932, 1957],
      ),
      (o, pr) => pensjonist(o, pr, rik),
    ).sivilstand = { type: p.velg(['ugift', 'enkeEllerEnkemann', 'skilt']) };
  }

  for (let i = 0; i < 20; i++) {
    const etternavn = p.velg(SUBSTANTIVER);
    const beboer = medOekonomi(
      b.person(
        'PAR_HJEMMEBOENDE_EKTEFELLE',
        'Kan trenge langtidsopphold; ektefellen bor hjemme',
        [1930, 1952],
        {
          etternavn,
          kjoenn: 'mann',
        },
      ),
      (o, pr) => pensjonist(o, pr, i % 5 === 4),
    );
    const hjemme = medOekonomi(
      b.person(
        'PAR_HJEMMEBOENDE_EKTEFELLE',
        'Hjemmeboende ektefelle til en som kan trenge langtidsopphold',
        [1936, 1962],
        {
          etternavn: p.sjanse(0.6) ? etternavn : undefined,
          kjoenn: 'kvinne',
        },
      ),
      (o, pr) => {
        pensjonist(o, pr);
        if (pr.sjanse(0.3)) o.loenn = pr.heltall(60_000, 350_000);
      },
    );
    b.gift(beboer, hjemme, i % 7 === 6 ? 'registrertPartner' : 'gift');
  }

  for (let i = 0; i < 30; i++) {
    const enslig = i % 3 === 2;
    const etternavn = p.velg(SUBSTANTIVER);
    const antallBarn = 1 + (i % 3);
    const forelder1 = medOekonomi(
      b.person(
        'FAMILIE_FORELDER',
        enslig
          ? `Enslig forsørger med ${antallBarn} barn i barnehage- eller skolealder`
          : `Forelder i familie med ${antallBarn} barn i barnehage- eller skolealder`,
        [1978, 1996],
        { etternavn, kjoenn: enslig ? 'kvinne' : p.sjanse(0.5) ? 'kvinne' : 'mann' },
      ),
      (o, pr) => {
        arbeidstaker(o, pr, enslig ? 220_000 : 320_000, enslig ? 620_000 : 950_000);
        o.barnUnder12 = antallBarn;
        if (enslig && pr.sjanse(0.5)) o.overgangsstoenadAndelAvG = 1.5 + pr.neste() * 0.7;
      },
    );
    const foreldre = [forelder1];
    if (!enslig) {
      const forelder2 = medOekonomi(
        b.person(
          'FAMILIE_FORELDER',
          `Forelder i familie med ${antallBarn} barn i barnehage- eller skolealder`,
          [1978, 1996],
          {
            etternavn: p.sjanse(0.7) ? etternavn : undefined,
            kjoenn: forelder1.kjoenn === 'kvinne' ? 'mann' : 'kvinne',
          },
        ),
        (o, pr) => {
          if (pr.sjanse(0.85)) arbeidstaker(o, pr, 250_000, 900_000);
          else o.innskudd = pr.heltall(1_000, 40_000);
        },
      );
      b.gift(forelder1, forelder2);
      foreldre.push(forelder2);
    }
    for (let n = 0; n < antallBarn; n++) {
      // The first child of every other family is of kindergarten age in 2024, the rest of school age.
      const barnehage = n === 0 ? i % 2 === 0 : n === 1 && i % 4 === 1;
      const barn = b.person(
        'BARN',
        barnehage ? 'Barn i barnehagealder (1–5 år i 2024)' : 'Barn i skolealder (6–12 år i 2024)',
        barnehage ? [2019, 2023] : [2012, 2018],
        { etternavn },
      );
      for (const f of foreldre) b.barn(f, barn);
    }
  }

  for (let i = 0; i < 15; i++) {
    const art = i % 3;
    medOekonomi(
      b.person(
        'LAV_INNTEKT',
        art === 0
          ? 'Arbeidsavklaringspenger, samlet inntekt under 2 G'
          : art === 1
            ? 'Kvalifiseringsstønad, samlet inntekt under 2 G'
            : 'Deltidsarbeid og arbeidsavklaringspenger, samlet inntekt under 2 G',
        [1965, 2000],
      ),
      (o, pr) => {
        o.innskudd = pr.heltall(500, 30_000);
        o.ekom = false;
        if (art === 0) o.aapAndelAvG = 1.3 + pr.neste() * 0.4;
        else if (art === 1) o.kvalifiseringsstoenadAndelAvG = 1.0 + pr.neste() * 0.5;
        else {
          o.aapAndelAvG = 0.6 + pr.neste() * 0.3;
          o.loenn = pr.heltall(20_000, 50_000);
          o.vekst = 0;
        }
      },
    );
  }

  for (let i = 0; i < 12; i++) {
    medOekonomi(
      b.person('HOEY_INNTEKT', 'Høy lønn, store aksjeposter med utbytte, høy formue', [1955, 1985]),
      (o, pr) => {
        arbeidstaker(o, pr, 1_400_000, 4_200_000);
        o.aksjeverdi = pr.heltall(2_000_000, 25_000_000);
        o.utbytteAndel = 0.03 + pr.neste() * 0.05;
        o.innskudd = pr.heltall(500_000, 6_000_000);
        o.bolig = pr.heltall(3_000_000, 12_000_000);
        o.handlerAksjer = pr.sjanse(0.5);
        o.ekom = true;
      },
    );
  }

  for (let i = 0; i < 12; i++) {
    medOekonomi(
      b.person(
        'SELVSTENDIG',
        'Selvstendig næringsdrivende med overskudd i enkeltpersonforetak',
        [1960, 1995],
      ),
      (o, pr) => {
        o.naering = pr.heltall(150_000, 1_100_000);
        o.loenn = pr.sjanse(0.3) ? pr.heltall(50_000, 250_000) : 0;
        o.gjeld = pr.heltall(100_000, 2_500_000);
        o.bolig = pr.heltall(1_000_000, 5_000_000);
        o.vekst = -0.02 + pr.neste() * 0.08;
      },
    );
  }

  for (let i = 0; i < 10; i++) {
    medOekonomi(
      b.person(
        'KAPITAL',
        'Selger aksjer: gevinst noen år, tap andre år; utbytte og gjeldsrenter',
        [1950, 1990],
      ),
      (o, pr) => {
        arbeidstaker(o, pr, 350_000, 1_100_000);
        o.aksjeverdi = pr.heltall(300_000, 5_000_000);
        o.utbytteAndel = 0.02 + pr.neste() * 0.04;
        o.handlerAksjer = true;
        o.gjeld = pr.heltall(500_000, 4_000_000);
      },
    );
  }

  for (let i = 0; i < 8; i++) {
    const fra = 2020 + (i % 4);
    const til = i % 2 === 0 ? 2025 : Math.min(2025, fra + 1 + (i % 3));
    medOekonomi(
      b.person(
        'D_NUMMER',
        `Utenlandsk arbeidstaker med D-nummer, skatteopplysninger ${fra}–${til}`,
        [1970, 2000],
        {
          dNummer: true,
          fraAar: fra,
          tilAar: til,
        },
      ),
      (o, pr) => {
        o.loenn = pr.heltall(250_000, 650_000);
        o.innskudd = pr.heltall(2_000, 80_000);
      },
    );
  }

  for (let i = 0; i < 6; i++) {
    medOekonomi(
      b.person(
        'ADRESSEBESKYTTELSE',
        i % 2 === 0
          ? 'Strengt fortrolig adresse: Skatteetaten svarer skjermet: true uten poster'
          : 'Fortrolig adresse: Skatteetaten svarer skjermet: true uten poster',
        [1950, 1995],
        { gradering: i % 2 === 0 ? 'strengtFortrolig' : 'fortrolig' },
      ),
      (o, pr) => arbeidstaker(o, pr, 200_000, 700_000),
    );
  }

  for (let i = 0; i < 10; i++) {
    const fra = 2021 + (i % 4);
    medOekonomi(
      b.person(
        'NYLIG_INNFLYTTET',
        `Flyttet til Norge i ${fra - 1}: skatteopplysninger fra ${fra}`,
        [1975, 2000],
        { fraAar: fra },
      ),
      (o, pr) => {
        if (i % 2 === 0) {
          o.loenn = pr.heltall(200_000, 600_000);
        } else {
          o.kvalifiseringsstoenadAndelAvG = 0.8 + pr.neste() * 0.8;
          o.loenn = pr.sjanse(0.5) ? pr.heltall(30_000, 150_000) : 0;
        }
        o.innskudd = pr.heltall(1_000, 50_000);
      },
    );
  }

  for (let i = 0; i < 10; i++) {
    medOekonomi(
      b.person('BARE_UTKAST', 'Skatteoppgjøret for 2025 er ikke klart: bare utkast for 2025', [1950, 1995], {
        bareUtkast: [2025],
      }),
      (o, pr) => {
        if (i % 3 === 0) pensjonist(o, pr);
        else arbeidstaker(o, pr, 250_000, 900_000);
      },
    );
  }

  for (let i = 0; i < 4; i++) {
    const aar = 2019 + i;
    medOekonomi(
      b.person('SLETTET_AAR', `Skattegrunnlaget for ${aar} finnes ikke lenger (SSG-011)`, [1955, 1990], {
        slettet: [aar],
      }),
      (o, pr) => arbeidstaker(o, pr, 300_000, 800_000),
    );
  }

  for (let i = 0; i < 20; i++) {
    const borte = i % 7 === 3 ? [2021] : [];
    medOekonomi(
      b.person(
        'LOENNSMOTTAKER',
        borte.length
          ? 'Lønnsmottaker; bodde i utlandet i 2021 og har ingen skatteopplysninger for det året'
          : 'Lønnsmottaker',
        [1960, 2001],
        { utenData: borte },
      ),
      (o, pr) => arbeidstaker(o, pr, 300_000, 1_000_000),
    );
  }
}

function fregFor(u: Utkast): FregPersonJson {
  return {
    identifikasjonsnummer: [
      {
        foedselsEllerDNummer: u.identifikator,
        identifikatortype: u.dNummer ? 'dNummer' : 'foedselsnummer',
        status: 'iBruk',
        erGjeldende: true,
      },
    ],
    navn: [{ fornavn: u.fornavn, etternavn: u.etternavn, erGjeldende: true }],
    foedsel: [{ foedselsdato: u.foedselsdato, foedselsaar: u.foedselsdato.slice(0, 4), erGjeldende: true }],
    kjoenn: [{ kjoenn: u.kjoenn, erGjeldende: true }],
    sivilstand: [
      {
        sivilstand: u.sivilstand.type,
        ...(u.sivilstand.relatert ? { relatertVedSivilstand: u.sivilstand.relatert } : {}),
        erGjeldende: true,
      },
    ],
    familierelasjon: u.relasjoner.map((r) => ({ ...r, erGjeldende: true })),
    ...(u.gradering ? { adressebeskyttelse: [{ graderingsnivaa: u.gradering, erGjeldende: true }] } : {}),
    status: [{ status: u.dNummer ? 'ikkeBosatt' : 'bosatt', erGjeldende: true }],
  } as FregPersonJson;
}

function tidspunkt(dato: string, prng: Prng): string {
  const t = prng.heltall(6, 17);
  const m = prng.heltall(0, 59);
  const s = prng.heltall(0, 59);
  const ms = prng.heltall(0, 999);
  return `${dato}T${String(t).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')}Z`;
}

/** The settlement date: from March to November of the year after. */
function oppgjoersdato(aar: number, prng: Prng): string {
  const maaned = prng.heltall(3, 11);
  return `${aar + 1}-${String(maaned).padStart(2, '0')}-${String(prng.heltall(1, 28)).padStart(2, '0')}`;
}

function aarFor(u: Utkast, prng: Prng): Map<number, SyntetiskAar> {
  const aar = new Map<number, SyntetiskAar>();
  const o = u.oekonomi;
  if (!o) return aar;
  for (const inntektsaar of POPULASJONSAAR) {
    if (inntektsaar < u.fraAar || inntektsaar > u.tilAar || u.utenData.includes(inntektsaar)) continue;
    if (u.slettet.includes(inntektsaar)) {
      aar.set(inntektsaar, { slettet: true });
      continue;
    }
    const t = aarstall(o, inntektsaar, gjennomsnittligGFor(inntektsaar), prng);
    if (u.bareUtkast.includes(inntektsaar)) {
      const tid = tidspunkt(`${inntektsaar + 1}-03-${String(prng.heltall(12, 28)).padStart(2, '0')}`, prng);
      aar.set(inntektsaar, { utkast: ssgJson(u.identifikator, inntektsaar, t, 'utkast', undefined, tid) });
      continue;
    }
    const dato = oppgjoersdato(inntektsaar, prng);
    const tid = tidspunkt(dato, prng);
    const bs = beregnetSkattJson(u.identifikator, inntektsaar, t, o.kommune, dato, tid);
    const ar = avregningJson(u.identifikator, inntektsaar, bs.beregnetSkatt, dato, tid, prng);
    if (u.gradering) {
      // Skjerming: Skatteetaten strips a protected person's answers to the call parameters and
      // `skjermet: true` (docs/om/skjerming.md).
      aar.set(inntektsaar, {
        oppgjoer: {
          personidentifikator: u.identifikator,
          inntektsaar: String(inntektsaar),
          stadie: 'oppgjoer',
          skjermet: true,
        },
        beregnetSkatt: { personidentifikator: u.identifikator, inntektsaar, skjermet: true },
        avregning: { personidentifikator: u.identifikator, inntektsaar: String(inntektsaar), skjermet: true },
      });
      continue;
    }
    aar.set(inntektsaar, {
      oppgjoer: ssgJson(u.identifikator, inntektsaar, t, 'oppgjoer', dato, tid),
      beregnetSkatt: bs.json,
      avregning: ar,
    });
  }
  return aar;
}

/**
 * Generates the synthetic population from a seed: the same seed gives the same persons, numbers,
 * names and figures on every machine. The two persons of the KS example come first, exactly as
 * published.
 */
export function genererPopulasjon(froe: number = STANDARD_FROE): Populasjon {
  const b = new Bygger(froe);
  lagUtkast(b);
  const personer = new Map<string, SyntetiskPerson>();
  for (const ks of ksEksempelpersoner()) personer.set(ks.identifikator, ks);
  const tall = new Prng(froe ^ 0x2545f491);
  for (const u of b.personer) {
    personer.set(u.identifikator, {
      identifikator: u.identifikator,
      freg: fregFor(u),
      aar: aarFor(u, tall),
      kategori: u.kategori,
      beskrivelse: u.beskrivelse,
      husstand: u.husstand,
    });
  }
  return { froe, personer };
}

let standard: Populasjon | undefined;

/** The embedded population (generated once per process from {@link STANDARD_FROE}). */
export function innebygdPopulasjon(): Populasjon {
  standard ??= genererPopulasjon(STANDARD_FROE);
  return standard;
}

/** One line about a person for a list: masked number, name, what they are. Never the full number. */
export function beskrivMaskert(p: SyntetiskPerson): string {
  const navn = p.freg.navn?.[0];
  return `${maskerIdentifikator(p.identifikator)} ${navn ? `${navn.fornavn} ${navn.etternavn}` : ''}: ${p.beskrivelse}`;
}
