import type { Vedtaksbrevinnstillinger } from './skjema.js';
import { paa, type Spraak, type Tospraaklig } from './spraak.js';

/**
 * What the law requires a decision letter to say, and where an appeal goes in each area. Each rule
 * is quoted from the law text in `lovtekst/` (repository root); the test `lovkrav.test.ts` checks that
 * every quote tagged `@lovtekst` stands word for word in those files. The reasoning, with the sources,
 * is in docs/regelverk/vedtaksbrev.md.
 *
 * The letter's parts and the law behind each:
 *
 * - The decision is reasoned, and the reasons are given with it:
 *   @lovtekst LOV-1967-02-10 § 24 første ledd
 *   «Enkeltvedtak skal grunngis. Forvaltningsorganet skal gi begrunnelsen samtidig med at vedtaket treffes.»
 * - The rules it rests on (the result's own hjemmel strings, and their content in plain words):
 *   @lovtekst LOV-1967-02-10 § 25 første ledd
 *   «I begrunnelsen skal vises til de regler vedtaket bygger på, med mindre parten kjenner reglene.»
 * - The facts it rests on (income year, the settlement and its date, the household, the vedtak facts):
 *   @lovtekst LOV-1967-02-10 § 25 annet ledd
 *   «I begrunnelsen skal dessuten nevnes de faktiske forhold som vedtaket bygger på.»
 * - The case worker's main considerations where discretion was used (free text):
 *   @lovtekst LOV-1967-02-10 § 25 tredje ledd
 *   «De hovedhensyn som har vært avgjørende ved utøving av forvaltningsmessig skjønn, bør nevnes.»
 * - The appeal (access, time limit, body, procedure) and the right to see the documents:
 *   @lovtekst LOV-1967-02-10 § 27 tredje ledd
 *   «I underretningen skal videre gis opplysning om klageadgang, klagefrist, klageinstans og den nærmere fremgangsmåte ved klage, samt om retten etter § 18 , jfr § 19 til å se sakens dokumenter.»
 * - A fee is charged from the first month, before an appeal could be decided, so the letter names the
 *   right to ask for postponement:
 *   @lovtekst LOV-1967-02-10 § 27 tredje ledd
 *   «Dersom vedtaket kan tenkes gjennomført til skade for parten før klagesaken er avgjort, skal det også gjøres merksam på adgangen til å be om at gjennomføringen utsettes, jfr. § 42 første ledd.»
 *   @lovtekst LOV-1967-02-10 § 42 første ledd
 *   «Underinstansen, klageinstans eller annet overordnet organ kan beslutte at vedtak ikke skal iverksettes før klagefristen er ute eller klagen er avgjort.»
 * - The duty to guide, named in the closing paragraph (the letter gives where to ask):
 *   @lovtekst LOV-1967-02-10 § 27 fjerde ledd
 *   «forvaltningsorganenes veiledningsplikt etter § 11 og forskrifter gitt i medhold av den, og»
 * - The right to see the case documents, also after the decision:
 *   @lovtekst LOV-1967-02-10 § 18 første ledd
 *   «En part har rett til å gjøre seg kjent med sakens dokumenter, for så vidt ikke annet følger av reglene i §§ 18 til 19 .»
 *   @lovtekst LOV-1967-02-10 § 18 første ledd
 *   «Retten til innsyn gjelder også etter at det er truffet vedtak i saken.»
 * - How an appeal is made (written to the body that decided, signed, naming the decision and the change):
 *   @lovtekst LOV-1967-02-10 § 32 første ledd bokstav a
 *   «fremsettes for det forvaltningsorgan som har truffet vedtaket;»
 *   @lovtekst LOV-1967-02-10 § 32 første ledd bokstav d
 *   «nevne den endring som ønskes i det vedtak det klages over.»
 */

/** Where and how an appeal goes: the body, the time limit and the provisions, in both standards. */
export interface Klageordning {
  /** The appeal body's name in the letter's standard (from the settings, or the generic name). */
  instans: (innst: Vedtaksbrevinnstillinger, spraak: Spraak) => string;
  /** The time limit in words: "tre uker" / "fire uker". */
  frist: Tospraaklig;
  /** From when it runs. */
  fristFra: Tospraaklig;
  /** The provisions on the appeal, as the letter cites them after the appeal paragraph. */
  hjemmel: Tospraaklig;
  /** The appeal must be written and signed: the provision that says so. */
  formkrav: Tospraaklig;
}

/**
 * Helse og omsorg (PRAKTISK_BISTAND, LANGTIDSOPPHOLD_INSTITUSJON): egenandelsforskriften § 13 sends the
 * appeal to pasient- og brukerrettighetsloven kapittel 7, which makes Statsforvalteren the body:
 * @lovtekst FOR-2011-12-16-1349 § 13 første ledd
 * «Ved klage på vedtak om betaling av egenandel etter kapittel I og II gjelder bestemmelsene i pasient- og brukerrettighetsloven kapittel 7 .»
 * @lovtekst LOV-1999-07-02-63 § 7-2 første ledd
 * «kan klage til statsforvalteren.»
 * The appeal is sent to the municipality, which made the decision:
 * @lovtekst LOV-1999-07-02-63 § 7-2 første ledd
 * «Klagen sendes til den som har truffet enkeltvedtaket eller avgjørelsen.»
 * Written and signed:
 * @lovtekst LOV-1999-07-02-63 § 7-3
 * «Klage til statsforvalteren skal være skriftlig. Klagen skal være undertegnet av pasienten eller brukeren eller den som representerer pasienten eller brukeren.»
 * Four weeks, not forvaltningsloven's three:
 * @lovtekst LOV-1999-07-02-63 § 7-5
 * «Fristen for klage etter § 7-2 er fire uker etter at vedkommende fikk eller burde ha fått tilstrekkelig kunnskap til å fremme en klage.»
 * Forvaltningsloven fills in the rest (the right to see the documents, postponement):
 * @lovtekst LOV-1999-07-02-63 § 7-7
 * «Forvaltningslovens regler om behandling av klager over enkeltvedtak gjelder så langt de passer, med de særlige bestemmelser som er gitt i dette kapitlet.»
 */
export const KLAGE_HELSE_OG_OMSORG: Klageordning = {
  instans: (innst, spraak) =>
    innst.statsforvalter
      ? paa(innst.statsforvalter, spraak)
      : spraak === 'nn'
        ? 'Statsforvaltaren'
        : 'Statsforvalteren',
  frist: { nb: 'fire uker', nn: 'fire veker' },
  fristFra: {
    nb: 'fra du fikk eller burde ha fått vite nok om vedtaket til å klage',
    nn: 'frå du fekk eller burde ha fått vite nok om vedtaket til å klage',
  },
  hjemmel: {
    nb: 'egenandelsforskriften § 13 og pasient- og brukerrettighetsloven §§ 7-2, 7-3 og 7-5',
    nn: 'eigendelsforskrifta § 13 og pasient- og brukarrettslova §§ 7-2, 7-3 og 7-5',
  },
  formkrav: { nb: 'pasient- og brukerrettighetsloven § 7-3', nn: 'pasient- og brukarrettslova § 7-3' },
};

/**
 * BARNEHAGE_SFO: a decision on reduced payment (søskenmoderasjon, lav inntekt, gratis kjernetid, free
 * SFO hours) is appealed to the municipality's own appeal body. Forskrift om foreldrebetaling § 5
 * gives Statsforvalteren only the setting of a price above the maximum, which is the barnehage's, not
 * this decision (Udir's interpretation, docs/regelverk/vedtaksbrev.md):
 * @lovtekst FOR-2005-12-16-1478 § 5
 * «Fastsetting av foreldrebetaling kan påklages til statsforvalteren.»
 * so forvaltningsloven's main rule holds:
 * @lovtekst LOV-1967-02-10 § 28 annet ledd
 * «For enkeltvedtak som er truffet av forvaltningsorgan opprettet i medhold av lov om kommuner og fylkeskommuner, er klageinstansen kommunestyret eller fylkestinget, eller etter disses bestemmelse, formannskapet eller fylkesutvalget eller en eller flere særskilte klagenemnder oppnevnt av kommunestyret eller fylkestinget.»
 * For SFO, opplæringslova sends every decision that is not about teaching or transport to the same rule:
 * @lovtekst LOV-2023-06-09-30 § 29-1 andre ledd
 * «For enkeltvedtak som ikkje gjeld opplæring eller skoleskyss, reisefølge og tilsyn i forbindelse med skyss, gjeld likevel reglane om klageinstans i forvaltningsloven § 28 .»
 * Which organ that is, the municipal council decides: a setting (klageinstansKommunal). Three weeks:
 * @lovtekst LOV-1967-02-10 § 29 første ledd
 * «Fristen for å klage er 3 uker fra det tidspunkt underretning om vedtaket er kommet frem til vedkommende part.»
 */
export const KLAGE_FORELDREBETALING: Klageordning = {
  instans: (innst, spraak) =>
    innst.klageinstansKommunal
      ? paa(innst.klageinstansKommunal, spraak)
      : spraak === 'nn'
        ? 'klageinstansen i kommunen'
        : 'kommunens klageinstans',
  frist: { nb: 'tre uker', nn: 'tre veker' },
  fristFra: { nb: 'fra du mottok dette brevet', nn: 'frå du fekk dette brevet' },
  hjemmel: {
    nb: 'forvaltningsloven §§ 28 andre ledd, 29 og 32 (for SFO jf. opplæringslova § 29-1 andre ledd)',
    nn: 'forvaltningslova §§ 28 andre ledd, 29 og 32 (for SFO jf. opplæringslova § 29-1 andre ledd)',
  },
  formkrav: { nb: 'forvaltningsloven § 32', nn: 'forvaltningslova § 32' },
};
