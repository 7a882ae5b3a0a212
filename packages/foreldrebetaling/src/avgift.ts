import {
  type Advarsel,
  type Avgiftsresultat,
  type Beregningsinput,
  type Grunnlagsresultat,
  Valideringsfeil,
} from '@inntektsgrunnlag/beregning';
import { Beloep } from '@inntektsgrunnlag/money';
import { type Beregningslinje, formaterDatoKort, type IsoDato } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';
import {
  HJEMMEL_SOEKNAD,
  harKjernetidAlder,
  hjemmelKjernetid,
  kjernetidFraDato,
  underKjernetidGrense,
  verdiAvGratistimer,
} from './regler/kjernetid.js';
import { BETALINGSMAANEDER_BARNEHAGE, HJEMMEL_MAKSPRIS, maksimalprisForSone } from './regler/maksimalpris.js';
import {
  hjemmelSeksProsentBarnehage,
  inntektsgrenseSeksProsent,
  NY_PARAGRAF_3_FRA,
  SEKS_PROSENT,
  seksProsentPerMaaned,
  visInntektsgrense,
} from './regler/seksProsent.js';
import {
  gjelderTrinn,
  hjemmelSfoGratistimer,
  hjemmelSfoPris,
  hjemmelSfoSaerlegeBehov,
  hjemmelSfoSeksProsent,
} from './regler/sfo.js';
import {
  FORSKRIFTENS_SOESKENREKKEFOELGE,
  hjemmelSoesken,
  type Soeskenkandidat,
  soeskenmoderasjonSats,
  soeskennumre,
} from './regler/soeskenmoderasjon.js';
import { SONE_TEKST, soneFor } from './regler/sone.js';
import {
  GRATIS_KJERNETID,
  KJERNETID_INNTEKTSGRENSE,
  MAKSIMALPRIS,
  SFO_GRATISTIMER,
  SFO_SAERLEGE_BEHOV_TRINN,
  SFO_SEKS_PROSENT_TRINN,
  SOESKENMODERASJON,
  type Soeskenmoderasjon,
} from './tabeller.js';
import {
  type Barn,
  type Innstillinger,
  SOESKENREKKEFOELGER,
  SONER,
  TILBUD,
  type Timer,
  type Vedtak,
} from './vedtak.js';

type Input = Beregningsinput<Vedtak, Innstillinger>;
type Soeskenrekkefoelge = Innstillinger['soeskenrekkefoelge'];

export const REGLER = [
  'MAKSIMALPRIS',
  'SEKS_PROSENT',
  'SOESKENMODERASJON',
  'GRATIS_KJERNETID',
  'SFO_GRATISTIMER',
  'SFO_SAERLEGE_BEHOV',
] as const;
export type Regel = (typeof REGLER)[number];

export interface Reduksjon {
  regel: Regel;
  /** What the rule took off the monthly price (exact). */
  beloep: Beloep;
  hjemmel: string;
}

/** One child's monthly price after every rule, with how it came about. */
export interface Barnepris {
  tilbud: Barn['tilbud'];
  prisForPlassen: Beloep;
  /** After every reduction, rounded down to whole kroner. */
  prisPerMaaned: Beloep;
  /** Number in the sibling order (barnehage only). */
  soeskennummer: number | null;
  /** The household income below which the 6 % rule reduces this place (exact), when the rule applies. */
  inntektsgrenseSeksProsent: Beloep | null;
  reduksjoner: Reduksjon[];
  linjer: Beregningslinje[];
}

/** What every child of one vedtak shares: the date's values, looked up once and only when needed. */
interface Fellesverdier {
  input: Input;
  inntekt: Beloep;
  advarsler: Advarsel[];
  barnehage?: {
    maksimalpris: Beloep;
    soesken: Soeskenmoderasjon;
  };
  kjernetidGrense: () => Beloep;
  /** 6 % of the household's income per payment month: the same for every child with as many months. */
  seksProsentTak: (betalingsmaaneder: number) => Beloep;
}

const kr = (b: Beloep) => b.round('OERE', 'HALF_EVEN').format({ medValuta: false });

function timerAv(heleTimer: number): Timer {
  return { hundredeler: heleTimer * 100, tekst: String(heleTimer) };
}

/** The weekly hours free hours are valued against: the municipality's fixed number, or the place's own. */
function timebasis(fast: number | null, barn: Barn, indeks: number, hva: string): Timer {
  if (fast !== null) return timerAv(fast);
  if (barn.oppholdstimerPerUke) return barn.oppholdstimerPerUke;
  throw new Valideringsfeil([
    {
      felt: `vedtak.barn.${indeks}.oppholdstimerPerUke`,
      melding: `mangler: plassens oppholdstid per uke trengs for å verdsette ${hva}`,
    },
  ]);
}

/** Caps `pris` at `tak`, and records the cap as a reduction when it bites. */
function begrens(pris: Beloep, tak: Beloep, regel: Regel, hjemmel: string, reduksjoner: Reduksjon[]): Beloep {
  if (!tak.lessThan(pris)) return pris;
  reduksjoner.push({ regel, beloep: pris.minus(tak), hjemmel });
  return tak;
}

const KJERNETID_PRISGRUNNLAG_TEKST: Record<Innstillinger['kjernetidPrisgrunnlag'], string> = {
  PRIS_ETTER_SOESKENMODERASJON: 'prisen etter 6 %-regelen og søskenmoderasjon',
  PRIS_ETTER_SEKS_PROSENT: 'prisen etter 6 %-regelen',
  PRIS_FOR_PLASSEN: 'prisen for plassen (før 6 %-regelen og søskenmoderasjon)',
};

const REKKEFOELGE_TEKST: Record<Soeskenrekkefoelge, string> = {
  ELDSTE_FOERST: 'eldste barn først (forskriftens rekkefølge)',
  YNGSTE_FOERST: 'yngste barn først',
  HOEYESTE_PRIS_FOERST: 'høyeste pris først',
};

/** The paragraph that says a reduction is given on application, on the date. */
function hjemmelSoeknad(dato: IsoDato): string {
  return dato < NY_PARAGRAF_3_FRA ? 'forskrift om foreldrebetaling i barnehager § 3' : HJEMMEL_SOEKNAD;
}

function barnehagebarn(f: Fellesverdier, barn: Barn, indeks: number, nr: number): Barnepris {
  const { input, inntekt } = f;
  const { innstillinger: innst, oppslag, beregningsdato: dato, vedtak } = input;
  const felles = f.barnehage;
  /* c8 ignore next: fellesverdier for barnehage are set whenever a barnehage child exists */
  if (!felles) throw new Error('Barnehageverdiene er ikke slått opp');
  const linjer: Beregningslinje[] = [];
  const reduksjoner: Reduksjon[] = [];

  let pris = barn.prisPerMaaned;
  linjer.push({
    tekst: 'Pris for plassen etter vedtaket',
    operasjon: 'INFO',
    kilde: 'MANUELL_INPUT',
    beloep: pris,
    merknad: 'Kost kommer i tillegg og reduseres ikke (§ 1 første ledd).',
  });

  // § 1: never above the maksimalpris of the zone.
  const { sone } = soneFor(vedtak, innst);
  linjer.push({
    tekst: `Maksimalpris, ${SONE_TEKST[sone]}`,
    operasjon: 'MINIMUM',
    kilde: 'REGEL',
    beloep: felles.maksimalpris,
    hjemmel: HJEMMEL_MAKSPRIS,
  });
  pris = begrens(pris, felles.maksimalpris, 'MAKSIMALPRIS', HJEMMEL_MAKSPRIS, reduksjoner);
  // The place's price as it may be charged at all, before income and siblings (kjernetid may be valued from it).
  const prisForPlassen = pris;

  // § 3b: per child at most 6 % of the household's income over 11 payment months, on application.
  const hjemmelSeks = hjemmelSeksProsentBarnehage(dato);
  let grense: Beloep | null = null;
  if (vedtak.soektRedusertForeldrebetaling) {
    const tak = f.seksProsentTak(BETALINGSMAANEDER_BARNEHAGE);
    // Where the rule starts to bite for this place: a part-time place below the maksimalpris needs a lower income.
    grense = inntektsgrenseSeksProsent(
      Beloep.min(barn.prisPerMaaned, felles.maksimalpris),
      BETALINGSMAANEDER_BARNEHAGE,
    );
    // The cap is usually a fraction of an øre (a decimal), so it is compared with the price once.
    const biter = tak.lessThan(pris);
    linjer.push({
      tekst: `6 % av husholdningens inntekt fordelt på ${BETALINGSMAANEDER_BARNEHAGE} betalingsmåneder`,
      operasjon: 'MINIMUM',
      kilde: 'REGEL',
      beloep: tak,
      sats: SEKS_PROSENT,
      hjemmel: hjemmelSeks,
      ...(biter
        ? {}
        : { merknad: 'Gir ingen reduksjon: 6 % av inntekten per måned er ikke lavere enn prisen.' }),
    });
    if (biter) {
      reduksjoner.push({ regel: 'SEKS_PROSENT', beloep: pris.minus(tak), hjemmel: hjemmelSeks });
      pris = tak;
    }
  } else {
    linjer.push({
      tekst: '6 %-regelen: husholdningen har ikke søkt om redusert foreldrebetaling',
      operasjon: 'INFO',
      kilde: 'MANUELL_INPUT',
      hjemmel: hjemmelSoeknad(dato),
    });
  }
  const prisEtterSeksProsent = pris;

  // § 3a: sibling discount on the child's own price after the 6 % rule.
  const hjemmelS = hjemmelSoesken(dato);
  const soesken = soeskenmoderasjonSats(nr, felles.soesken, innst);
  if (soesken) {
    const reduksjon = pris.times(soesken.sats);
    linjer.push({
      tekst: `Søskenmoderasjon, barn nr. ${nr}`,
      operasjon: 'SUBTRAHERE',
      kilde: soesken.kommunal ? 'KOMMUNE' : 'REGEL',
      beloep: reduksjon,
      sats: soesken.sats,
      hjemmel: hjemmelS,
      ...(soesken.kommunal ? { merknad: 'Kommunens egen sats, høyere enn forskriftens minimum.' } : {}),
    });
    if (reduksjon.isPositive())
      reduksjoner.push({ regel: 'SOESKENMODERASJON', beloep: reduksjon, hjemmel: hjemmelS });
    pris = pris.minus(reduksjon);
  } else {
    linjer.push({
      tekst: 'Barn nr. 1 i søskenrekkefølgen: ingen søskenmoderasjon',
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: hjemmelS,
      merknad: 'Bare barn i barnehage teller.',
    });
  }

  // § 3c: 20 free hours a week from 1 August of the year the child turns 2, below the income limit, on
  // application. The limit is looked up only when a child the rule reaches still has a price to reduce.
  const kjernetid = oppslag.verdi(GRATIS_KJERNETID, dato);
  const hjemmelK = hjemmelKjernetid(dato);
  if (pris.isZero()) {
    linjer.push({
      tekst: 'Gratis kjernetid: prisen er allerede 0',
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: hjemmelK,
    });
  } else if (!harKjernetidAlder(barn.foedselsdato, dato, kjernetid.fraAlder)) {
    linjer.push({
      tekst: `Gratis kjernetid: gjelder fra ${formaterDatoKort(kjernetidFraDato(barn.foedselsdato, kjernetid.fraAlder))}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: hjemmelK,
    });
  } else if (!vedtak.soektGratisKjernetid) {
    linjer.push({
      tekst: 'Gratis kjernetid: husholdningen har ikke søkt',
      operasjon: 'INFO',
      kilde: 'MANUELL_INPUT',
      hjemmel: hjemmelSoeknad(dato),
    });
  } else {
    const kjernetidGrense = f.kjernetidGrense();
    if (!underKjernetidGrense(inntekt, kjernetidGrense)) {
      linjer.push({
        tekst: `Gratis kjernetid: inntekten er ikke lavere enn inntektsgrensen (${kr(kjernetidGrense)})`,
        operasjon: 'INFO',
        kilde: 'REGEL',
        hjemmel: hjemmelK,
      });
    } else {
      const timer = timebasis(innst.kjernetidTimebasis, barn, indeks, '20 gratis timer (gratis kjernetid)');
      const grunnlag = {
        PRIS_ETTER_SOESKENMODERASJON: pris,
        PRIS_ETTER_SEKS_PROSENT: prisEtterSeksProsent,
        PRIS_FOR_PLASSEN: prisForPlassen,
      }[innst.kjernetidPrisgrunnlag];
      const verdi = Beloep.min(verdiAvGratistimer(grunnlag, kjernetid.timerPerUke, timer), pris);
      linjer.push({
        tekst: `Gratis kjernetid: ${kjernetid.timerPerUke} av ${timer.tekst} timer per uke`,
        operasjon: 'SUBTRAHERE',
        kilde: 'REGEL',
        beloep: verdi,
        hjemmel: hjemmelK,
        merknad: `Verdien regnes av ${KJERNETID_PRISGRUNNLAG_TEKST[innst.kjernetidPrisgrunnlag]} (kommuneinnstilling); husholdningens inntekt er lavere enn grensen ${kr(kjernetidGrense)}. Fradraget er aldri større enn prisen som er igjen.`,
      });
      if (verdi.isPositive())
        reduksjoner.push({ regel: 'GRATIS_KJERNETID', beloep: verdi, hjemmel: hjemmelK });
      pris = pris.minus(verdi);
    }
  }

  return avslutt(barn, pris, linjer, reduksjoner, nr, grense);
}

function sfoElev(f: Fellesverdier, barn: Barn, indeks: number): Barnepris {
  const { input } = f;
  const { innstillinger: innst, oppslag, beregningsdato: dato, vedtak } = input;
  // The schema requires a grade for SFO.
  const trinn = barn.trinn ?? 0;
  const linjer: Beregningslinje[] = [];
  const reduksjoner: Reduksjon[] = [];
  let pris = barn.prisPerMaaned;
  const hjemmelPris = hjemmelSfoPris(dato);
  linjer.push({
    tekst: `Kommunens pris for SFO-plassen, ${trinn}. trinn`,
    operasjon: 'INFO',
    kilde: 'MANUELL_INPUT',
    beloep: pris,
    ...(hjemmelPris ? { hjemmel: hjemmelPris } : {}),
    merknad: 'Det finnes ingen nasjonal maksimalpris for SFO; kommunens pris er taket. Kost reduseres ikke.',
  });

  // Free SFO for pupils with særlege behov on 5.–7. trinn (§ 1B-3 from 1.8.2020, § 2-3 from 1.8.2024).
  const saerlegeBehovTrinn = oppslag.verdi(SFO_SAERLEGE_BEHOV_TRINN, dato);
  if (gjelderTrinn(trinn, saerlegeBehovTrinn)) {
    const hjemmel = hjemmelSfoSaerlegeBehov(dato) as string;
    if (barn.saerlegeBehov === true) {
      linjer.push({
        tekst: `Gratis SFO for elev med særlege behov på ${trinn}. trinn`,
        operasjon: 'SUBTRAHERE',
        kilde: 'REGEL',
        beloep: pris,
        hjemmel,
        merknad: 'Kommunen kan kreve betaling for kost.',
      });
      if (pris.isPositive()) reduksjoner.push({ regel: 'SFO_SAERLEGE_BEHOV', beloep: pris, hjemmel });
      return avslutt(barn, Beloep.NULL, linjer, reduksjoner, null, null);
    }
    if (barn.saerlegeBehov === undefined) {
      f.advarsler.push({
        kode: 'SFO_SAERSKILTE_BEHOV',
        melding: `Barn ${indeks + 1} går på ${trinn}. trinn. Elever med særlege behov på 5.–7. trinn har gratis SFO (${hjemmel}); vedtaket sier ikke om eleven har det (saerlegeBehov), så prisen er beregnet uten. Oppgi saerlegeBehov.`,
      });
    }
  } else if (barn.saerlegeBehov === true && trinn >= 5) {
    linjer.push({
      tekst: `Gratis SFO ved særlege behov gjelder ikke per ${formaterDatoKort(dato)}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      merknad:
        'Regelen om gratis SFO for elever med særlege behov på 5.–7. trinn gjelder fra 1. august 2020.',
    });
  }

  const seksProsentTrinn = oppslag.verdi(SFO_SEKS_PROSENT_TRINN, dato);
  const hjemmelSeks = hjemmelSfoSeksProsent(dato);
  let grense: Beloep | null = null;
  if (gjelderTrinn(trinn, seksProsentTrinn) && hjemmelSeks) {
    if (vedtak.soektRedusertForeldrebetaling) {
      const maaneder = innst.sfoBetalingsmaaneder;
      const tak = f.seksProsentTak(maaneder);
      grense = inntektsgrenseSeksProsent(barn.prisPerMaaned, maaneder);
      // Compared once: the cap is usually a decimal (a fraction of an øre).
      const biter = tak.lessThan(pris);
      linjer.push({
        tekst: `6 % av husholdningens inntekt fordelt på ${maaneder} betalingsmåneder`,
        operasjon: 'MINIMUM',
        kilde: 'REGEL',
        beloep: tak,
        sats: SEKS_PROSENT,
        hjemmel: hjemmelSeks,
        merknad: biter
          ? 'Antall betalingsmåneder er kommuneinnstillingen sfoBetalingsmaaneder.'
          : 'Antall betalingsmåneder er kommuneinnstillingen sfoBetalingsmaaneder. Gir ingen reduksjon: 6 % av inntekten per måned er ikke lavere enn prisen.',
      });
      if (biter) {
        reduksjoner.push({ regel: 'SEKS_PROSENT', beloep: pris.minus(tak), hjemmel: hjemmelSeks });
        pris = tak;
      }
    } else {
      linjer.push({
        tekst: '6 %-regelen: husholdningen har ikke søkt om redusert foreldrebetaling',
        operasjon: 'INFO',
        kilde: 'MANUELL_INPUT',
        hjemmel: hjemmelSeks,
        merknad: 'Reduksjonen gis etter søknad.',
      });
    }
  } else {
    linjer.push({
      tekst: `6 %-regelen gjelder ikke for ${trinn}. trinn per ${formaterDatoKort(dato)}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      ...(hjemmelSeks ? { hjemmel: hjemmelSeks } : {}),
    });
  }

  const gratis = oppslag.verdi(SFO_GRATISTIMER, dato);
  const hjemmelGratis = hjemmelSfoGratistimer(dato);
  if (gjelderTrinn(trinn, gratis.trinn) && hjemmelGratis) {
    const timer = timebasis(
      innst.sfoGratistimerTimebasis,
      barn,
      indeks,
      `${gratis.timerPerUke} gratis timer i SFO`,
    );
    const verdi = Beloep.min(verdiAvGratistimer(pris, gratis.timerPerUke, timer), pris);
    linjer.push({
      tekst: `Gratis SFO: ${gratis.timerPerUke} av ${timer.tekst} timer per uke`,
      operasjon: 'SUBTRAHERE',
      kilde: 'REGEL',
      beloep: verdi,
      hjemmel: hjemmelGratis,
      merknad: 'Regnet av prisen etter 6 %-regelen.',
    });
    if (verdi.isPositive())
      reduksjoner.push({ regel: 'SFO_GRATISTIMER', beloep: verdi, hjemmel: hjemmelGratis });
    pris = pris.minus(verdi);
  } else {
    linjer.push({
      tekst: `Gratis SFO-timer gjelder ikke for ${trinn}. trinn per ${formaterDatoKort(dato)}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      ...(hjemmelGratis ? { hjemmel: hjemmelGratis } : {}),
    });
  }
  return avslutt(barn, pris, linjer, reduksjoner, null, grense);
}

function avslutt(
  barn: Barn,
  pris: Beloep,
  linjer: Beregningslinje[],
  reduksjoner: Reduksjon[],
  soeskennummer: number | null,
  inntektsgrenseSeksProsent: Beloep | null,
): Barnepris {
  const eksakt = pris.atLeastZero();
  // A charge is rounded down to whole kroner, so it never exceeds what the rules allow.
  const prisPerMaaned = eksakt.round('KRONE', 'DOWN');
  // Rounding down moves an amount exactly when it is not whole kroner (asked of the amount itself: cheaper
  // than comparing the two when the price is a decimal, after the 6 % rule).
  if (!eksakt.isWhole('KRONE')) {
    linjer.push({
      tekst: 'Avrundet ned til hele kroner',
      operasjon: 'AVRUNDE',
      kilde: 'REGEL',
      beloep: prisPerMaaned,
      merknad: 'En betaling rundes ned, aldri opp over det reglene tillater.',
    });
  }
  return {
    tilbud: barn.tilbud,
    prisForPlassen: barn.prisPerMaaned,
    prisPerMaaned,
    soeskennummer,
    inntektsgrenseSeksProsent,
    reduksjoner,
    linjer,
  };
}

/**
 * The barnehage children's prices with the children numbered in `rekkefoelge` (by request index).
 * `beregnet` holds the prices already worked out for this vedtak by child and number (key: number ×
 * children + index): a child's price depends on nothing else, so a child that keeps its number in the
 * municipality's order is not priced twice (its look-ups were recorded the first time, in the same order).
 * It is null when only one order is priced.
 */
function barnehagepriser(
  f: Fellesverdier,
  indekser: readonly number[],
  rekkefoelge: Soeskenrekkefoelge,
  beregnet: Map<number, Barnepris> | null,
): Map<number, Barnepris> {
  const { vedtak } = f.input;
  const priser = new Map<number, Barnepris>();
  // One child is barn nr. 1 in every order: no candidates to sort.
  if (indekser.length === 1) {
    const i = indekser[0] as number;
    priser.set(i, prisForNummer(f, i, 1, beregnet));
    return priser;
  }
  const kandidater: Soeskenkandidat[] = new Array(indekser.length);
  for (let k = 0; k < indekser.length; k++) {
    const i = indekser[k] as number;
    const b = vedtak.barn[i] as Barn;
    kandidater[k] = { indeks: i, foedselsdato: b.foedselsdato, prisForPlassen: b.prisPerMaaned };
  }
  const numre = soeskennumre(kandidater, rekkefoelge);
  for (const i of indekser) priser.set(i, prisForNummer(f, i, numre.get(i) ?? 1, beregnet));
  return priser;
}

/** The price of child `i` as sibling number `nr`, from `beregnet` when it was worked out before. */
function prisForNummer(
  f: Fellesverdier,
  i: number,
  nr: number,
  beregnet: Map<number, Barnepris> | null,
): Barnepris {
  const barn = f.input.vedtak.barn;
  if (!beregnet) return barnehagebarn(f, barn[i] as Barn, i, nr);
  const noekkel = nr * barn.length + i;
  let pris = beregnet.get(noekkel);
  if (!pris) {
    pris = barnehagebarn(f, barn[i] as Barn, i, nr);
    beregnet.set(noekkel, pris);
  }
  return pris;
}

function sumAv(priser: Map<number, Barnepris>): Beloep {
  const beloep: Beloep[] = [];
  for (const b of priser.values()) beloep.push(b.prisPerMaaned);
  return Beloep.sum(beloep);
}

interface Soeskenvalg {
  priser: Map<number, Barnepris>;
  brukt: Soeskenrekkefoelge;
  linje?: Beregningslinje;
}

/**
 * § 3a and its merknad: the regulation's order (the oldest first) is the floor. The municipality's own
 * order is used when it gives the family at least as much reduction (a sum of monthly prices no higher);
 * otherwise the regulation's order is used and the result says so.
 */
function velgSoeskenrekkefoelge(f: Fellesverdier, indekser: readonly number[]): Soeskenvalg {
  const kommunens = f.input.innstillinger.soeskenrekkefoelge;
  if (kommunens === FORSKRIFTENS_SOESKENREKKEFOELGE || indekser.length < 2) {
    return {
      priser: barnehagepriser(f, indekser, FORSKRIFTENS_SOESKENREKKEFOELGE, null),
      brukt: FORSKRIFTENS_SOESKENREKKEFOELGE,
    };
  }
  const beregnet = new Map<number, Barnepris>();
  const forskriftens = barnehagepriser(f, indekser, FORSKRIFTENS_SOESKENREKKEFOELGE, beregnet);
  const sumForskriftens = sumAv(forskriftens);
  // Nothing left to pay: no order can give the family more (and no other order needs to be computed).
  if (sumForskriftens.isZero()) return { priser: forskriftens, brukt: FORSKRIFTENS_SOESKENREKKEFOELGE };
  const hjemmel = hjemmelSoesken(f.input.beregningsdato);
  // Refused like the regulation's order when it needs a value the product lacks. That cannot happen when
  // the regulation's order did not: a child in the kjernetid age range is never younger than one outside
  // it, so under the regulation's order the children who need the limit come first and pay something.
  const egne = barnehagepriser(f, indekser, kommunens, beregnet);
  const sumEgne = sumAv(egne);
  if (sumForskriftens.lessThan(sumEgne)) {
    f.advarsler.push({
      kode: 'SOESKENREKKEFOELGE_FORSKRIFTEN',
      melding: `Kommunens søskenrekkefølge (${REKKEFOELGE_TEKST[kommunens]}) ville gitt familien mindre reduksjon enn forskriften (${kr(sumEgne)} mot ${kr(sumForskriftens)} kroner per måned). Forskriftens rekkefølge er brukt: barn nr. 2 er det nest eldste barnet i barnehage (merknad til § 3a).`,
    });
    return {
      priser: forskriftens,
      brukt: FORSKRIFTENS_SOESKENREKKEFOELGE,
      linje: {
        tekst: 'Søskenrekkefølge: eldste barn først (forskriftens)',
        operasjon: 'INFO',
        kilde: 'REGEL',
        hjemmel,
        merknad: `Kommunens rekkefølge (${REKKEFOELGE_TEKST[kommunens]}) ville gitt ${kr(sumEgne)} kroner per måned mot ${kr(sumForskriftens)}; en kommune kan gi mer enn forskriften, aldri mindre.`,
      },
    };
  }
  return {
    priser: egne,
    brukt: kommunens,
    linje: {
      tekst: `Søskenrekkefølge: ${REKKEFOELGE_TEKST[kommunens]} (kommuneinnstilling)`,
      operasjon: 'INFO',
      kilde: 'KOMMUNE',
      hjemmel,
      merknad: `Gir familien minst like mye reduksjon som forskriftens rekkefølge (${kr(sumEgne)} mot ${kr(sumForskriftens)} kroner per måned).`,
    },
  };
}

/** A child not yet born on the date of the calculation is a fault in the vedtak. */
function kontrollerFoedselsdatoer(vedtak: Vedtak, dato: IsoDato): void {
  // Almost every vedtak passes: look before building the list of faults.
  if (!vedtak.barn.some((b) => b.foedselsdato > dato)) return;
  const feil = vedtak.barn.flatMap((b, i) =>
    b.foedselsdato > dato
      ? [{ felt: `vedtak.barn.${i}.foedselsdato`, melding: `er etter beregningsdatoen (${dato})` }]
      : [],
  );
  throw new Valideringsfeil(feil);
}

const belopJson = (b: Beloep) => b.toJsonNumber();
/** Reductions are exact; shown to the øre, half-even (display only: the price itself is rounded down once). */
const reduksjonJson = (b: Beloep) => b.round('OERE', 'HALF_EVEN').toJsonNumber();

/** The JSON form of `foreldrebetaling` in a result. */
export const avgiftSkjema = z.object({
  husholdningensInntekt: z.number(),
  sone: z.enum(SONER),
  /** Where the zone came from: the vedtak, or the municipality's setting. */
  soneFra: z.enum(['VEDTAK', 'KOMMUNEINNSTILLING']),
  maksimalprisPerMaaned: z.number().nullable(),
  /** The sibling order used (the regulation's where the municipality's would give less). */
  soeskenrekkefoelge: z.enum(SOESKENREKKEFOELGER).nullable(),
  betalingsmaanederBarnehage: z.number().int(),
  sfoBetalingsmaaneder: z.number().int(),
  inntektsgrenser: z.object({
    seksProsentBarnehage: z.number().nullable(),
    gratisKjernetid: z.number().nullable(),
  }),
  barn: z.array(
    z.object({
      tilbud: z.enum(TILBUD),
      prisForPlassen: z.number(),
      soeskennummer: z.number().int().nullable(),
      inntektsgrenseSeksProsent: z.number().nullable(),
      reduksjoner: z.array(z.object({ regel: z.enum(REGLER), beloep: z.number(), hjemmel: z.string() })),
      prisPerMaaned: z.number(),
    }),
  ),
  sumPerMaaned: z.number(),
});

/** The monthly price of every child after every reduction, and the sum (§§ 1–3d; SFO kap. 1B / kap. 2). */
export function foreldrebetaling(input: Input, grunnlag: Grunnlagsresultat): Avgiftsresultat {
  const { vedtak, innstillinger: innst, oppslag, beregningsdato: dato } = input;
  kontrollerFoedselsdatoer(vedtak, dato);
  const inntekt = grunnlag.beregningsbeloep.atLeastZero();
  const advarsler: Advarsel[] = [];
  const { sone, fra: soneFra } = soneFor(vedtak, innst);

  let kjernetidGrense: Beloep | undefined;
  const seksProsentTak = new Map<number, Beloep>();
  const f: Fellesverdier = {
    input,
    inntekt,
    advarsler,
    // Only a child the rule reaches with a price left needs the limit, and the table ends where the sources end.
    // Methods, not arrow functions: under tsx each named arrow made per calculation costs a `__name` call.
    kjernetidGrense() {
      kjernetidGrense ??= oppslag.verdi(KJERNETID_INNTEKTSGRENSE, dato);
      return kjernetidGrense;
    },
    // Worked out once per number of months: the amount (an exact fraction of an øre, in the decimal) is
    // the same for every child, and for both sibling orders when the municipality has its own.
    seksProsentTak(betalingsmaaneder) {
      let tak = seksProsentTak.get(betalingsmaaneder);
      if (!tak) {
        tak = seksProsentPerMaaned(inntekt, betalingsmaaneder);
        seksProsentTak.set(betalingsmaaneder, tak);
      }
      return tak;
    },
  };

  const barnehagebarnIndekser: number[] = [];
  for (let i = 0; i < vedtak.barn.length; i++)
    if ((vedtak.barn[i] as Barn).tilbud === 'BARNEHAGE') barnehagebarnIndekser.push(i);
  let soeskenvalg: Soeskenvalg | null = null;
  if (barnehagebarnIndekser.length > 0) {
    const { pris, egenSonepris } = maksimalprisForSone(oppslag.verdi(MAKSIMALPRIS, dato), sone);
    if (sone !== 'ORDINAER' && !egenSonepris) {
      advarsler.push({
        kode: 'SONE_UTEN_EGEN_MAKSPRIS',
        melding: `${SONE_TEKST[sone]} hadde ingen egen maksimalpris ${formaterDatoKort(dato)}; den ordinære maksimalprisen er brukt.`,
      });
    }
    f.barnehage = { maksimalpris: pris, soesken: oppslag.verdi(SOESKENMODERASJON, dato) };
    soeskenvalg = velgSoeskenrekkefoelge(f, barnehagebarnIndekser);
  }

  const barn = vedtak.barn.map((b, i) =>
    b.tilbud === 'BARNEHAGE' ? (soeskenvalg?.priser.get(i) as Barnepris) : sfoElev(f, b, i),
  );
  const sum = Beloep.sum(barn.map((b) => b.prisPerMaaned));
  const grenseBarnehage = f.barnehage
    ? inntektsgrenseSeksProsent(f.barnehage.maksimalpris, BETALINGSMAANEDER_BARNEHAGE)
    : null;

  const linjer: Beregningslinje[] = [];
  if (f.barnehage) {
    linjer.push({
      tekst: `Prissone for barnehage: ${SONE_TEKST[sone]} (${soneFra === 'VEDTAK' ? 'oppgitt i vedtaket' : 'kommuneinnstilling'})`,
      operasjon: 'INFO',
      kilde: soneFra === 'VEDTAK' ? 'MANUELL_INPUT' : 'KOMMUNE',
      beloep: f.barnehage.maksimalpris,
      hjemmel: HJEMMEL_MAKSPRIS,
      merknad: 'Maksimalprisen for sonen står i Stortingets budsjettvedtak.',
    });
  }
  if (grenseBarnehage && vedtak.soektRedusertForeldrebetaling) {
    linjer.push({
      tekst: `Inntektsgrense for 6 %-regelen i barnehage: maksimalpris × ${BETALINGSMAANEDER_BARNEHAGE} / 6 %`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: grenseBarnehage,
      hjemmel: hjemmelSeksProsentBarnehage(dato),
      merknad: `Avrundet til hele kroner, slik kommunene publiserer den: ${kr(visInntektsgrense(grenseBarnehage))}. Under grensen blir prisen lavere.`,
    });
  }
  if (kjernetidGrense) {
    linjer.push({
      tekst: 'Inntektsgrense for gratis kjernetid (husholdningens inntekt må være lavere)',
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: kjernetidGrense,
      hjemmel: hjemmelKjernetid(dato),
      merknad: 'Grensen står i Stortingets budsjettvedtak.',
    });
  }
  if (soeskenvalg?.linje) linjer.push(soeskenvalg.linje);
  barn.forEach((b, i) => {
    const kilde = vedtak.barn[i] as Barn;
    linjer.push({
      tekst: `Barn ${i + 1}: ${b.tilbud === 'BARNEHAGE' ? 'barnehage' : `SFO, ${kilde.trinn}. trinn`}, født ${formaterDatoKort(kilde.foedselsdato)}`,
      operasjon: 'RESULTAT',
      kilde: 'REGEL',
      beloep: b.prisPerMaaned,
      linjer: b.linjer,
    });
  });
  linjer.push({
    tekst: 'Foreldrebetaling per måned, alle barn',
    operasjon: 'RESULTAT',
    kilde: 'REGEL',
    beloep: sum,
  });

  return {
    json: {
      husholdningensInntekt: belopJson(inntekt),
      sone,
      soneFra,
      maksimalprisPerMaaned: f.barnehage ? belopJson(f.barnehage.maksimalpris) : null,
      soeskenrekkefoelge: soeskenvalg?.brukt ?? null,
      betalingsmaanederBarnehage: BETALINGSMAANEDER_BARNEHAGE,
      sfoBetalingsmaaneder: innst.sfoBetalingsmaaneder,
      inntektsgrenser: {
        seksProsentBarnehage: grenseBarnehage ? belopJson(visInntektsgrense(grenseBarnehage)) : null,
        gratisKjernetid: kjernetidGrense ? belopJson(kjernetidGrense) : null,
      },
      barn: barn.map((b) => ({
        tilbud: b.tilbud,
        prisForPlassen: belopJson(b.prisForPlassen),
        soeskennummer: b.soeskennummer,
        inntektsgrenseSeksProsent: b.inntektsgrenseSeksProsent
          ? belopJson(visInntektsgrense(b.inntektsgrenseSeksProsent))
          : null,
        reduksjoner: b.reduksjoner.map((r) => ({
          regel: r.regel,
          beloep: reduksjonJson(r.beloep),
          hjemmel: r.hjemmel,
        })),
        prisPerMaaned: belopJson(b.prisPerMaaned),
      })),
      sumPerMaaned: belopJson(sum),
    },
    hovedtall: [
      { tekst: 'Foreldrebetaling per måned, alle barn', beloep: sum },
      ...barn.map((b, i) => ({
        tekst: `Barn ${i + 1} (${b.tilbud === 'BARNEHAGE' ? 'barnehage' : 'SFO'}) per måned`,
        beloep: b.prisPerMaaned,
      })),
    ],
    linjer,
    advarsler,
  };
}
