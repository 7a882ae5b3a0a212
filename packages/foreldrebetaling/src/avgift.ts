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
  HJEMMEL_KJERNETID,
  harKjernetidAlder,
  kjernetidFraDato,
  underKjernetidGrense,
  verdiAvGratistimer,
} from './regler/kjernetid.js';
import {
  BETALINGSMAANEDER_BARNEHAGE,
  HJEMMEL_MAKSPRIS,
  maksimalprisForSone,
  SONE_TEKST,
} from './regler/maksimalpris.js';
import {
  HJEMMEL_SEKS_PROSENT_BARNEHAGE,
  inntektsgrenseSeksProsent,
  SEKS_PROSENT,
  seksProsentPerMaaned,
  visInntektsgrense,
} from './regler/seksProsent.js';
import { gjelderTrinn, HJEMMEL_SFO_PRIS } from './regler/sfo.js';
import { HJEMMEL_SOESKEN, soeskenmoderasjonSats, soeskennumre } from './regler/soeskenmoderasjon.js';
import {
  GRATIS_KJERNETID,
  KJERNETID_INNTEKTSGRENSE,
  MAKSIMALPRIS,
  SFO_GRATISTIMER,
  SFO_SEKS_PROSENT_TRINN,
  SOESKENMODERASJON,
  type Soeskenmoderasjon,
} from './tabeller.js';
import { type Barn, type Innstillinger, SONER, TILBUD, type Timer, type Vedtak } from './vedtak.js';

type Input = Beregningsinput<Vedtak, Innstillinger>;

export const REGLER = [
  'MAKSIMALPRIS',
  'SEKS_PROSENT',
  'SOESKENMODERASJON',
  'GRATIS_KJERNETID',
  'SFO_GRATISTIMER',
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
    soeskennumre: Map<number, number>;
  };
  kjernetidGrense: () => Beloep;
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

function barnehagebarn(f: Fellesverdier, barn: Barn, indeks: number): Barnepris {
  const { input, inntekt } = f;
  const { innstillinger: innst, oppslag, beregningsdato: dato } = input;
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
    merknad: 'Kost kommer i tillegg og reduseres ikke (§ 1).',
  });

  // § 1: never above the maksimalpris of the zone.
  linjer.push({
    tekst: `Maksimalpris, ${SONE_TEKST[input.vedtak.sone]}`,
    operasjon: 'MINIMUM',
    kilde: 'REGEL',
    beloep: felles.maksimalpris,
    hjemmel: HJEMMEL_MAKSPRIS,
  });
  pris = begrens(pris, felles.maksimalpris, 'MAKSIMALPRIS', HJEMMEL_MAKSPRIS, reduksjoner);
  // The place's price as it may be charged at all, before income and siblings (kjernetid may be valued from it).
  const prisForPlassen = pris;

  // § 3b: per child at most 6 % of the household's income over 11 payment months.
  const tak = seksProsentPerMaaned(inntekt, BETALINGSMAANEDER_BARNEHAGE);
  // Where the rule starts to bite for this place: a part-time place below the maksimalpris needs a lower income.
  const grense = inntektsgrenseSeksProsent(
    Beloep.min(barn.prisPerMaaned, felles.maksimalpris),
    BETALINGSMAANEDER_BARNEHAGE,
  );
  linjer.push({
    tekst: `6 % av husholdningens inntekt fordelt på ${BETALINGSMAANEDER_BARNEHAGE} betalingsmåneder`,
    operasjon: 'MINIMUM',
    kilde: 'REGEL',
    beloep: tak,
    sats: SEKS_PROSENT,
    hjemmel: HJEMMEL_SEKS_PROSENT_BARNEHAGE,
    ...(tak.lessThan(pris)
      ? {}
      : { merknad: 'Gir ingen reduksjon: 6 % av inntekten per måned er ikke lavere enn prisen.' }),
  });
  pris = begrens(pris, tak, 'SEKS_PROSENT', HJEMMEL_SEKS_PROSENT_BARNEHAGE, reduksjoner);
  const prisEtterSeksProsent = pris;

  // § 3a: sibling discount on the child's own price after the 6 % rule.
  const nr = felles.soeskennumre.get(indeks) ?? 1;
  const soesken = soeskenmoderasjonSats(nr, felles.soesken, innst);
  if (soesken) {
    const reduksjon = pris.times(soesken.sats);
    linjer.push({
      tekst: `Søskenmoderasjon, barn nr. ${nr}`,
      operasjon: 'SUBTRAHERE',
      kilde: soesken.kommunal ? 'KOMMUNE' : 'REGEL',
      beloep: reduksjon,
      sats: soesken.sats,
      hjemmel: HJEMMEL_SOESKEN,
      ...(soesken.kommunal ? { merknad: 'Kommunens egen sats, høyere enn forskriftens minimum.' } : {}),
    });
    if (reduksjon.isPositive())
      reduksjoner.push({ regel: 'SOESKENMODERASJON', beloep: reduksjon, hjemmel: HJEMMEL_SOESKEN });
    pris = pris.minus(reduksjon);
  } else {
    linjer.push({
      tekst: 'Barn nr. 1 i søskenrekkefølgen: ingen søskenmoderasjon',
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: HJEMMEL_SOESKEN,
      merknad: `Rekkefølge etter kommuneinnstillingen ${innst.soeskenrekkefoelge}; bare barn i barnehage teller.`,
    });
  }

  // § 3c: 20 free hours a week from 1 August of the year the child turns 2, below the income limit.
  const kjernetid = oppslag.verdi(GRATIS_KJERNETID, dato);
  if (pris.isZero()) {
    // Nothing left to reduce: the income limit is not needed (and may not be known for the date).
    linjer.push({
      tekst: 'Gratis kjernetid: prisen er allerede 0',
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: HJEMMEL_KJERNETID,
    });
  } else if (!harKjernetidAlder(barn.foedselsdato, dato, kjernetid.fraAlder)) {
    linjer.push({
      tekst: `Gratis kjernetid: gjelder fra ${formaterDatoKort(kjernetidFraDato(barn.foedselsdato, kjernetid.fraAlder))}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: HJEMMEL_KJERNETID,
    });
  } else {
    const kjernetidGrense = f.kjernetidGrense();
    if (!underKjernetidGrense(inntekt, kjernetidGrense)) {
      linjer.push({
        tekst: `Gratis kjernetid: inntekten er ikke lavere enn inntektsgrensen (${kr(kjernetidGrense)})`,
        operasjon: 'INFO',
        kilde: 'REGEL',
        hjemmel: HJEMMEL_KJERNETID,
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
        hjemmel: HJEMMEL_KJERNETID,
        merknad: `Verdien regnes av ${KJERNETID_PRISGRUNNLAG_TEKST[innst.kjernetidPrisgrunnlag]} (kommuneinnstilling); husholdningens inntekt er lavere enn grensen ${kr(kjernetidGrense)}. Fradraget er aldri større enn prisen som er igjen.`,
      });
      if (verdi.isPositive())
        reduksjoner.push({ regel: 'GRATIS_KJERNETID', beloep: verdi, hjemmel: HJEMMEL_KJERNETID });
      pris = pris.minus(verdi);
    }
  }

  return avslutt(barn, pris, linjer, reduksjoner, nr, grense);
}

function sfoElev(f: Fellesverdier, barn: Barn, indeks: number): Barnepris {
  const { input, inntekt } = f;
  const { innstillinger: innst, oppslag, beregningsdato: dato } = input;
  // The schema requires a grade for SFO.
  const trinn = barn.trinn ?? 0;
  const linjer: Beregningslinje[] = [];
  const reduksjoner: Reduksjon[] = [];
  let pris = barn.prisPerMaaned;
  linjer.push({
    tekst: `Kommunens pris for SFO-plassen, ${trinn}. trinn`,
    operasjon: 'INFO',
    kilde: 'MANUELL_INPUT',
    beloep: pris,
    hjemmel: HJEMMEL_SFO_PRIS,
    merknad: 'Det finnes ingen nasjonal maksimalpris for SFO; kommunens pris er taket. Kost reduseres ikke.',
  });

  const seksProsent = oppslag.oppslag(SFO_SEKS_PROSENT_TRINN, dato);
  const hjemmelSeks = seksProsent.kilde.hjemmel ?? 'opplæringsforskrifta kap. 2';
  let grense: Beloep | null = null;
  if (gjelderTrinn(trinn, seksProsent.verdi)) {
    const maaneder = innst.sfoBetalingsmaaneder;
    const tak = seksProsentPerMaaned(inntekt, maaneder);
    grense = inntektsgrenseSeksProsent(barn.prisPerMaaned, maaneder);
    linjer.push({
      tekst: `6 % av husholdningens inntekt fordelt på ${maaneder} betalingsmåneder`,
      operasjon: 'MINIMUM',
      kilde: 'REGEL',
      beloep: tak,
      sats: SEKS_PROSENT,
      hjemmel: hjemmelSeks,
      merknad: `Antall betalingsmåneder er kommuneinnstillingen sfoBetalingsmaaneder.${tak.lessThan(pris) ? '' : ' Gir ingen reduksjon: 6 % av inntekten per måned er ikke lavere enn prisen.'}`,
    });
    pris = begrens(pris, tak, 'SEKS_PROSENT', hjemmelSeks, reduksjoner);
  } else {
    linjer.push({
      tekst: `6 %-regelen gjelder ikke for ${trinn}. trinn per ${formaterDatoKort(dato)}`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      hjemmel: hjemmelSeks,
    });
  }

  const gratis = oppslag.oppslag(SFO_GRATISTIMER, dato);
  const hjemmelGratis = gratis.kilde.hjemmel ?? 'opplæringsforskrifta § 2-2';
  if (gjelderTrinn(trinn, gratis.verdi.trinn)) {
    const timer = timebasis(
      innst.sfoGratistimerTimebasis,
      barn,
      indeks,
      `${gratis.verdi.timerPerUke} gratis timer i SFO`,
    );
    const verdi = Beloep.min(verdiAvGratistimer(pris, gratis.verdi.timerPerUke, timer), pris);
    linjer.push({
      tekst: `Gratis SFO: ${gratis.verdi.timerPerUke} av ${timer.tekst} timer per uke`,
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
      hjemmel: hjemmelGratis,
    });
  }
  if (trinn >= 5 && dato >= '2020-08-01') {
    f.advarsler.push({
      kode: 'SFO_SAERSKILTE_BEHOV',
      melding: `Barn ${indeks + 1} går på ${trinn}. trinn. Elever med særskilde behov på 5.–7. trinn har gratis SFO fra 1. august 2020; produktet vet ikke om eleven har det. Vurder manuelt.`,
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
  if (!prisPerMaaned.equals(eksakt)) {
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

/** A child not yet born on the date of the calculation is a fault in the vedtak. */
function kontrollerFoedselsdatoer(vedtak: Vedtak, dato: IsoDato): void {
  const feil = vedtak.barn.flatMap((b, i) =>
    b.foedselsdato > dato
      ? [{ felt: `vedtak.barn.${i}.foedselsdato`, melding: `er etter beregningsdatoen (${dato})` }]
      : [],
  );
  if (feil.length > 0) throw new Valideringsfeil(feil);
}

const belopJson = (b: Beloep) => b.toJsonNumber();
/** Reductions are exact; shown to the øre, half-even (display only: the price itself is rounded down once). */
const reduksjonJson = (b: Beloep) => b.round('OERE', 'HALF_EVEN').toJsonNumber();

/** The JSON form of `foreldrebetaling` in a result. */
export const avgiftSkjema = z.object({
  husholdningensInntekt: z.number(),
  sone: z.enum(SONER),
  maksimalprisPerMaaned: z.number().nullable(),
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

/** The monthly price of every child after every reduction, and the sum (§§ 1–3c; SFO kap. 1B / kap. 2). */
export function foreldrebetaling(input: Input, grunnlag: Grunnlagsresultat): Avgiftsresultat {
  const { vedtak, innstillinger: innst, oppslag, beregningsdato: dato } = input;
  kontrollerFoedselsdatoer(vedtak, dato);
  const inntekt = grunnlag.beregningsbeloep.atLeastZero();
  const advarsler: Advarsel[] = [];

  let kjernetidGrense: Beloep | undefined;
  const f: Fellesverdier = {
    input,
    inntekt,
    advarsler,
    // Only children in the age range need the limit, and the table ends where the sources end.
    kjernetidGrense: () => {
      kjernetidGrense ??= oppslag.verdi(KJERNETID_INNTEKTSGRENSE, dato);
      return kjernetidGrense;
    },
  };

  const barnehagebarnIndekser = vedtak.barn.flatMap((b, i) => (b.tilbud === 'BARNEHAGE' ? [i] : []));
  if (barnehagebarnIndekser.length > 0) {
    const { pris, egenSonepris } = maksimalprisForSone(oppslag.verdi(MAKSIMALPRIS, dato), vedtak.sone);
    if (vedtak.sone !== 'ORDINAER' && !egenSonepris) {
      advarsler.push({
        kode: 'SONE_UTEN_EGEN_MAKSPRIS',
        melding: `${SONE_TEKST[vedtak.sone]} hadde ingen egen maksimalpris ${formaterDatoKort(dato)}; den ordinære maksimalprisen er brukt.`,
      });
    }
    f.barnehage = {
      maksimalpris: pris,
      soesken: oppslag.verdi(SOESKENMODERASJON, dato),
      soeskennumre: soeskennumre(
        barnehagebarnIndekser.map((i) => {
          const b = vedtak.barn[i] as Barn;
          return { indeks: i, foedselsdato: b.foedselsdato, prisForPlassen: b.prisPerMaaned };
        }),
        innst.soeskenrekkefoelge,
      ),
    };
  }

  const barn = vedtak.barn.map((b, i) =>
    b.tilbud === 'BARNEHAGE' ? barnehagebarn(f, b, i) : sfoElev(f, b, i),
  );
  const sum = Beloep.sum(barn.map((b) => b.prisPerMaaned));
  const grenseBarnehage = f.barnehage
    ? inntektsgrenseSeksProsent(f.barnehage.maksimalpris, BETALINGSMAANEDER_BARNEHAGE)
    : null;

  const linjer: Beregningslinje[] = [];
  if (grenseBarnehage) {
    linjer.push({
      tekst: `Inntektsgrense for 6 %-regelen i barnehage: maksimalpris × ${BETALINGSMAANEDER_BARNEHAGE} / 6 %`,
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: grenseBarnehage,
      hjemmel: HJEMMEL_SEKS_PROSENT_BARNEHAGE,
      merknad: `Avrundet til hele kroner, slik kommunene publiserer den: ${kr(visInntektsgrense(grenseBarnehage))}. Under grensen blir prisen lavere.`,
    });
  }
  if (kjernetidGrense) {
    linjer.push({
      tekst: 'Inntektsgrense for gratis kjernetid (husholdningens inntekt må være lavere)',
      operasjon: 'INFO',
      kilde: 'REGEL',
      beloep: kjernetidGrense,
      hjemmel: HJEMMEL_KJERNETID,
    });
  }
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
      sone: vedtak.sone,
      maksimalprisPerMaaned: f.barnehage ? belopJson(f.barnehage.maksimalpris) : null,
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
