import type { Advarsel, Grunnlagsresultat } from '@inntektsgrunnlag/beregning';
import { Beloep } from '@inntektsgrunnlag/money';
import {
  blokkAv,
  blokkSomLinjer,
  definisjonForAar,
  evaluerBlokk,
  type PersonMedPoster,
} from '@inntektsgrunnlag/skattegrunnlag';
import { MULIG_DOBBELTTELLING, POSTDEFINISJON, postnavnForAar } from '../postdefinisjon.js';

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

/**
 * The household's income (husholdningens samlede inntekt): personinntekt and gross taxable capital income
 * of the applicant and the spouse, registered partner or cohabitant, as the post definition lists them.
 *
 * Household (the 2015–2020 text, still used by municipalities): «Som en husholdning regnes ektefeller,
 * registrerte partnere og samboere.» The engine allows at most one partner per request.
 *
 * Gross (Udir 2018): a counted post below zero would net a loss or a cost against income, so it is counted
 * as 0 and the result says so.
 */
export function husholdningensInntekt(
  personer: readonly PersonMedPoster[],
  inntektsaar: number,
): Grunnlagsresultat {
  const def = definisjonForAar(POSTDEFINISJON, inntektsaar);
  const tellende = tellendePoster(inntektsaar);
  const advarsler: Advarsel[] = [];

  const brutto = personer.map((person) => ({
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
  }));

  for (const person of brutto) {
    const harPost = (navn: string) => person.poster.some((p) => p.tekniskNavn === navn && !p.beloep.isZero());
    for (const { samlepost, delposter } of MULIG_DOBBELTTELLING) {
      const deler = delposter.filter(harPost);
      if (harPost(samlepost) && deler.length > 0) {
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
        hjemmel: 'forskrift om foreldrebetaling i barnehager §§ 3b og 3c; opplæringsforskrifta kap. 2',
        merknad:
          'Personinntekt og brutto skattepliktig kapitalinntekt for søker og ektefelle, partner eller samboer; skattefrie overføringer og fradrag er ikke med.',
      },
    ],
    advarsler,
  };
}
