import type { Advarsel, Grunnlagsresultat } from '@inntektsgrunnlag/beregning';
import { Beloep } from '@inntektsgrunnlag/money';
import type { IsoDato } from '@inntektsgrunnlag/regelverk';
import {
  blokkAv,
  blokkSomLinjer,
  definisjonForAar,
  evaluerBlokk,
  type PersonMedPoster,
} from '@inntektsgrunnlag/skattegrunnlag';
import { MULIG_DOBBELTTELLING, POSTDEFINISJON, postnavnForAar } from '../postdefinisjon.js';
import type { Barn } from '../vedtak.js';
import { NY_PARAGRAF_3_FRA } from './seksProsent.js';

// The counted posts of a year are fixed data; a batch asks for them once per row, so they are made
// once per year (read-only here; postnavnForAar itself still gives the caller a fresh set).
const tellendeBuffer = new Map<number, ReadonlySet<string>>();
function tellendePoster(inntektsaar: number): ReadonlySet<string> {
  let tellende = tellendeBuffer.get(inntektsaar);
  if (!tellende) {
    tellende = postnavnForAar(inntektsaar);
    tellendeBuffer.set(inntektsaar, tellende);
  }
  return tellende;
}

/** Every post name that sums others in MULIG_DOBBELTTELLING: a person without one of them needs no check. */
const SAMLEPOSTER: ReadonlySet<string> = new Set(MULIG_DOBBELTTELLING.map((m) => m.samlepost));

/** Whether the person has a non-zero post that sums others (one pass over the posts). */
function harSamlepost(person: PersonMedPoster): boolean {
  for (const p of person.poster) if (SAMLEPOSTER.has(p.tekniskNavn) && !p.beloep.isZero()) return true;
  return false;
}

/** Whether the person has a counted post below zero (one pass, no copy). */
function harNegativTellendePost(person: PersonMedPoster, tellende: ReadonlySet<string>): boolean {
  for (const p of person.poster) if (p.beloep.isNegative() && tellende.has(p.tekniskNavn)) return true;
  return false;
}

/** Whether the person has a non-zero post of the name (a module function: no closure per person). */
function harPost(person: PersonMedPoster, navn: string): boolean {
  return person.poster.some((p) => p.tekniskNavn === navn && !p.beloep.isZero());
}

/**
 * The household's income (husholdningens samlede inntekt): personinntekt etter skatteloven kapittel 12 and
 * gross taxable capital income of the applicant and the spouse, registered partner or cohabitant, as the
 * post definition lists them (postdefinisjon.ts, checked post by post against § 3d tredje ledd for every
 * income year 2019–2025). Barnehage: forskrift om foreldrebetaling i barnehager § 3d (quoted at the end).
 *
 * SFO: the household includes «einslege foreldre» (opplæringsforskrifta § 2-4 andre ledd, from 1 August
 * 2024; the 2020 text of § 1B-2 named only spouses, partners and cohabitants). For the income the product
 * computes, a single parent is the household either way: the applicant alone. Opplæringsforskrifta does not
 * define «inntektene til hushaldet»; § 1B-2 tredje ledd did (2020–2024) in the words of § 3d (quoted at
 * the end), and § 2-5 still fetches the same tax data to document it, so SFO uses the same post definition.
 *
 * Who is in the household is the case worker's to decide (the samboer test, the parent the child shares an
 * address with): the product counts the persons of the request, at most one partner. Gross: a counted post
 * below zero would net a loss or a cost against income, so it is counted as 0 and the result says so. The
 * merknad to § 3b: «Skattefrie overføringer som barnebidrag, kontantstøtte, barnetrygd m.m. regnes ikke som
 * inntekt.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3d andre ledd
 * «Med husholdning menes i forskriften her ektefeller, registrerte partnere og samboere. Som samboere regnes
 * to ugifte personer over 18 år som bor sammen, og som har bodd sammen i et ekteskapslignende forhold i minst
 * 12 av de siste 18 månedene, eller har felles barn. Dersom søker er samboer uten felles barn, må søker
 * opplyse kommunen om dette.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3d tredje ledd
 * «Med husholdningens inntekter menes i forskriften her husholdningens samlede personinntekt etter
 * skatteloven kapittel 12 og skattepliktig kapitalinntekt.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3d fjerde ledd
 * «Bor barnets foreldre hver for seg og barnet bor fast hos begge foreldrene, er det inntekten til
 * husholdningen til den forelderen som har samme folkeregistrerte adresse som barnet som skal legges til
 * grunn i vurderingene etter § 3b og § 3c .»
 *
 * @lovtekst FOR-2024-06-03-900 § 2-4 andre ledd
 * «Med hushald meiner ein i dette kapittelet einslege foreldre, ektefellar, registrerte partnarar og
 * sambuarar.»
 *
 * @lovtekst FOR-2006-06-23-724 § 1B-2 tredje ledd i kraft 2020-08-01
 * «Med inntektene til hushaldet meiner ein i dette kapittelet hushaldet si samla brutto personinntekt etter
 * skattelova kapittel 12 og skattepliktige kapitalinntekt.»
 */
export function husholdningensInntekt(
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
  hjemmel?: string,
): Grunnlagsresultat {
  const def = definisjonForAar(POSTDEFINISJON, inntektsaar);
  const tellende = tellendePoster(inntektsaar);
  const advarsler: Advarsel[] = [];

  // A person with no counted post below zero is used as it is; only one with such a post gets a copy
  // whose negative posts count as 0.
  const brutto = personer.map((person) =>
    !harNegativTellendePost(person, tellende)
      ? person
      : {
          ...person,
          poster: person.poster.map((post) => {
            if (!tellende.has(post.tekniskNavn) || !post.beloep.isNegative()) return post;
            advarsler.push({
              kode: 'NEGATIV_INNTEKTSPOST',
              melding: `Posten «${post.tekniskNavn}» er negativ. Inntekten regnes brutto, uten tap og fradrag (Udir 2018), så posten er regnet som 0.`,
              identifikator: person.identifikator,
            });
            return { ...post, beloep: Beloep.NULL };
          }),
        },
  );

  for (const person of brutto) {
    // Most persons have none of the summing posts, and then no pair to warn about.
    if (!harSamlepost(person)) continue;
    for (const { samlepost, delposter } of MULIG_DOBBELTTELLING) {
      const deler = delposter.filter((navn) => harPost(person, navn));
      if (harPost(person, samlepost) && deler.length > 0) {
        advarsler.push({
          kode: 'MULIG_DOBBELTTELLING',
          melding: `Personen har både «${samlepost}» og «${deler.join('», «')}». Postene kan være samme inntekt under gammelt og nytt navn; kontroller at inntekten ikke er regnet to ganger.`,
          identifikator: person.identifikator,
        });
      }
    }
  }

  const inntekt = evaluerBlokk(def.inntekt, brutto, inntektsaar);
  if (inntekt.beloep.isZero()) {
    advarsler.push({
      kode: 'INGEN_INNTEKT',
      melding:
        'Husholdningen har ingen inntekt i grunnlaget, og foreldrebetalingen blir derfor redusert til 0 der 6 %-regelen gjelder. Kontroller at skatteopplysningene for søker og eventuell ektefelle, partner eller samboer er med, eller legg inn annen dokumentert inntekt.',
    });
  }
  return {
    beregningsbeloep: inntekt.beloep,
    inntekt,
    fradrag: blokkAv([]),
    mellomregninger: [],
    linjer: [
      ...blokkSomLinjer(inntekt),
      {
        tekst: 'Husholdningens samlede inntekt',
        operasjon: 'RESULTAT',
        kilde: 'REGEL',
        beloep: inntekt.beloep,
        ...(hjemmel ? { hjemmel } : {}),
        merknad:
          'Personinntekt etter skatteloven kapittel 12 og brutto skattepliktig kapitalinntekt for søker og ektefelle, registrert partner eller samboer; skattefrie overføringer og fradrag er ikke med.',
      },
    ],
    advarsler,
  };
}

/**
 * The paragraph that defines the household's income for the vedtak on the date: § 3d tredje ledd in
 * barnehage (§ 3 before 28 February 2020); for a vedtak with SFO places only, § 1B-2 tredje ledd of
 * forskrift til opplæringslova (1 August 2020 – 31 July 2024) and opplæringsforskrifta § 2-4 første ledd
 * after, which has «inntektene til hushaldet» without defining them. None for SFO before 1 August 2020,
 * when no national rule used the income.
 */
export function hjemmelHusholdningensInntekt(
  barn: ReadonlyArray<Pick<Barn, 'tilbud'>>,
  dato: IsoDato,
): string | undefined {
  const bareSfo = barn.length > 0 && barn.every((b) => b.tilbud === 'SFO');
  if (!bareSfo) {
    return dato < NY_PARAGRAF_3_FRA
      ? 'forskrift om foreldrebetaling i barnehager § 3'
      : 'forskrift om foreldrebetaling i barnehager § 3d tredje ledd';
  }
  if (dato >= '2024-08-01') return 'opplæringsforskrifta § 2-4 første ledd';
  if (dato >= '2020-08-01') return 'forskrift til opplæringslova § 1B-2 tredje ledd';
  return undefined;
}
