import type { Advarsel } from '@inntektsgrunnlag/beregning';
import {
  definisjonForAar,
  type Gruppedefinisjon,
  katalogFor,
  type PersonMedPoster,
  type Postdefinisjon,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { Innstillinger } from '../innstillinger.js';
import {
  BEREGNET_SKATT,
  FORMUESSKATT_KOMMUNE,
  FORMUESSKATT_STAT,
  GRUPPE,
  IKKE_MEDREGNET,
  MULIG_OVERLAPP,
  REALISASJON,
  SKATT_PAA_GEVINST,
  SKATTEFORDEL_AV_TAP,
  SKATTEFRADRAG_FORMUESSKATT_UTLAND,
  SKATTEFRADRAG_INNTEKTSSKATT_UTLAND,
} from '../postdefinisjon.js';

/**
 * The income: egenandelsforskriften (FOR-2011-12-16-1349) § 3 fjerde ledd, read in Lovdata's text.
 * @lovtekst FOR-2011-12-16-1349 § 3 fjerde ledd
 * «Som inntekt regnes årets inntekter på grunnlag av pensjon, andre løpende trygdeytelser,
 * arbeidsinntekt, næringsinntekt, leieinntekt, renter og annen avkastning av formue, etter fradrag av
 * skatt og gjeldsrenter. Avkastning av erstatning for fremtidige utgifter regnes ikke som inntekt.»
 *
 * «Årets inntekter» from a settlement of an earlier year is provisional, and is settled later:
 * @lovtekst FOR-2011-12-16-1349 § 3 sjette ledd
 * «Viser skatteoppgjøret for foregående år at det ikke er beregnet riktig egenandel, skal det skje et
 * etteroppgjør.»
 *
 * Which posts are income is data (postdefinisjon.ts). This module holds what depends on the
 * municipality's settings (which tax is deducted) and the checks a case worker must see.
 */
export const HJEMMEL_INNTEKT = 'egenandelsforskriften § 3 fjerde ledd';

/**
 * The tax posts that apply. With Beregnet skatt B = I + F − cI − cF (income tax I, wealth tax F, and the
 * credits for the same taxes paid abroad), the tax to deduct is:
 * - by default Norwegian income tax only: B − F + cF (wealth tax out, together with its credit);
 * - with formuesskattTrekkesFra: B (wealth tax stays in);
 * - with skattBetaltIUtlandetTrekkesFra, add the credits for the foreign taxes that are deducted
 *   (cI, and cF when wealth tax is deducted).
 * Sivilombudet 17.11.2025: «skatt» must match the income counted, so the tax effect of gains and losses
 * the case worker enters is always applied.
 */
export function skattepostene(innst: Innstillinger): Set<string> {
  const poster = new Set<string>([BEREGNET_SKATT, SKATT_PAA_GEVINST, SKATTEFORDEL_AV_TAP]);
  if (!innst.formuesskattTrekkesFra) {
    poster.add(FORMUESSKATT_KOMMUNE);
    poster.add(FORMUESSKATT_STAT);
    poster.add(SKATTEFRADRAG_FORMUESSKATT_UTLAND);
  } else if (innst.skattBetaltIUtlandetTrekkesFra) {
    poster.add(SKATTEFRADRAG_FORMUESSKATT_UTLAND);
  }
  if (innst.skattBetaltIUtlandetTrekkesFra) poster.add(SKATTEFRADRAG_INNTEKTSSKATT_UTLAND);
  return poster;
}

/**
 * The definitions already cut, by definition and by year and the two settings the cut depends on: every
 * case of a year with the same settings gets the same (never changed) definition, so it is made once and
 * the caches keyed by a definition (grunnlag.ts) hold across cases.
 */
const tilpassetBuffer = new WeakMap<Postdefinisjon, Map<string, Postdefinisjon>>();

/** The year's definition with the tax group cut down to the posts the settings apply. */
export function definisjonMedInnstillinger(
  def: Postdefinisjon,
  aar: number,
  innst: Innstillinger,
): Postdefinisjon {
  // skattepostene reads these two settings and nothing else.
  const noekkel = `${aar}|${innst.formuesskattTrekkesFra}|${innst.skattBetaltIUtlandetTrekkesFra}`;
  let perNoekkel = tilpassetBuffer.get(def);
  const kjent = perNoekkel?.get(noekkel);
  if (kjent) return kjent;
  const ny = lagDefinisjonMedInnstillinger(def, aar, innst);
  if (!perNoekkel) {
    perNoekkel = new Map();
    tilpassetBuffer.set(def, perNoekkel);
  }
  perNoekkel.set(noekkel, ny);
  return ny;
}

function lagDefinisjonMedInnstillinger(
  def: Postdefinisjon,
  aar: number,
  innst: Innstillinger,
): Postdefinisjon {
  const d = definisjonForAar(def, aar);
  const skatt = skattepostene(innst);
  const tilpass = (g: Gruppedefinisjon): Gruppedefinisjon =>
    g.tekniskNavn === GRUPPE.skatt ? { ...g, poster: g.poster.filter((p) => skatt.has(p.tekniskNavn)) } : g;
  return { ...d, fradrag: d.fradrag.map(tilpass) };
}

function harPost(person: PersonMedPoster, tekniskNavn: string): boolean {
  return person.poster.some((p) => p.tekniskNavn === tekniskNavn && !p.beloep.isZero());
}

/** The realisation posts of each year: fixed data, made once per year (read only). */
const realisasjonBuffer = new Map<number, ReadonlySet<string>>();
function realisasjonsposter(aar: number): ReadonlySet<string> {
  let navn = realisasjonBuffer.get(aar);
  if (!navn) {
    navn = new Set(
      REALISASJON.filter((p) => (p.fraOgMedAar ?? aar) <= aar && aar <= (p.tilOgMedAar ?? aar)).map(
        (p) => p.tekniskNavn,
      ),
    );
    realisasjonBuffer.set(aar, navn);
  }
  return navn;
}

/**
 * Gains and losses on realisation are kept out of the income (Sivilombudet 17.11.2025), so the tax on
 * them must be kept out too. Skatteetaten gives no figure for that tax, so the case worker enters it.
 */
export function realisasjonsadvarsler(soeker: PersonMedPoster, aar: number): Advarsel[] {
  const navn = realisasjonsposter(aar);
  const funnet = soeker.poster.filter((p) => navn.has(p.tekniskNavn) && !p.beloep.isZero());
  const justert = harPost(soeker, SKATT_PAA_GEVINST) || harPost(soeker, SKATTEFORDEL_AV_TAP);
  if (funnet.length === 0) {
    return justert
      ? [
          {
            kode: 'SKATTEJUSTERING_UTEN_REALISASJON',
            melding:
              'Skatten er justert for gevinst eller tap ved realisasjon, men skatteoppgjøret viser ingen slik gevinst eller tap. Kontroller justeringen.',
            identifikator: soeker.identifikator,
          },
        ]
      : [];
  }
  const katalog = katalogFor(aar);
  const liste = funnet.map((p) => katalog.finn(p.tekniskNavn)?.visningstekst ?? p.tekniskNavn).join('; ');
  return [
    {
      kode: justert ? 'REALISASJON_HOLDT_UTENFOR' : 'REALISASJON_SKATTEEFFEKT_MANGLER',
      melding: justert
        ? `Gevinst eller tap ved realisasjon (${liste}) er holdt utenfor inntekten, og skatten er justert med kommunens beløp (Sivilombudet 17.11.2025).`
        : `Skatteoppgjøret har gevinst eller tap ved realisasjon (${liste}). Det regnes ikke som inntekt (Sivilombudet 17.11.2025), men Beregnet skatt omfatter skatten på det. Legg inn skatten på gevinsten som ${SKATT_PAA_GEVINST} eller skattefordelen av tapet som ${SKATTEFORDEL_AV_TAP}, ellers blir skattefradraget feil.`,
      identifikator: soeker.identifikator,
    },
  ];
}

/** Income posts deliberately not counted that the case worker should know about. */
export function ikkeMedregnetAdvarsler(soeker: PersonMedPoster, aar: number): Advarsel[] {
  const katalog = katalogFor(aar);
  const advarsler: Advarsel[] = [];
  for (const p of soeker.poster) {
    const grunn = IKKE_MEDREGNET[p.tekniskNavn];
    if (!grunn || grunn.grunn === 'OVERLAPP' || p.beloep.isZero()) continue;
    const tekst = katalog.finn(p.tekniskNavn)?.visningstekst ?? p.tekniskNavn;
    advarsler.push({
      kode: grunn.grunn === 'IKKE_INNTEKT' ? 'IKKE_INNTEKT' : 'INNTEKT_MAA_VURDERES',
      melding:
        grunn.grunn === 'IKKE_INNTEKT'
          ? `«${tekst}» er ikke regnet som inntekt: ${grunn.forklaring}.`
          : `«${tekst}» er ikke regnet med: ${grunn.forklaring}. Vurder posten; skal den regnes med, legg den inn som kommune.annenDokumentertInntekt.`,
      identifikator: soeker.identifikator,
    });
  }
  return advarsler;
}

/** A warning when a person has both posts of a pair that may name the same amount. */
export function overlappAdvarsler(soeker: PersonMedPoster): Advarsel[] {
  return MULIG_OVERLAPP.filter(({ poster: [a, b] }) => harPost(soeker, a) && harPost(soeker, b)).map(
    ({ poster: [a, b], forklaring }) => ({
      kode: 'MULIG_DOBBELTTELLING',
      melding: `Både ${a} og ${b} er regnet med (${forklaring}). Kontroller at beløpet ikke er telt to ganger; trekk det i så fall fra som skjønnsmessig fradrag.`,
      identifikator: soeker.identifikator,
    }),
  );
}

/** «Årets inntekter»: a settlement for an earlier year gives a provisional vederlag. */
export function foreloepigAdvarsel(inntektsaar: number, beregningsaar: number): Advarsel[] {
  if (inntektsaar >= beregningsaar) return [];
  return [
    {
      kode: 'FORELOEPIG_VEDERLAG',
      melding: `Forskriften regner årets inntekter (§ 3 fjerde ledd). Vederlaget for ${beregningsaar} bygger her på skatteoppgjøret for ${inntektsaar} og er foreløpig: kontroller det mot skatteoppgjøret for ${beregningsaar} når det kommer, og gjør etteroppgjør om det viser et annet vederlag (§ 3 sjette ledd).`,
    },
  ];
}
