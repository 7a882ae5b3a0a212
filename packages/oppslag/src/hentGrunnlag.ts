import type {
  Advarsel,
  EnhverBeregner,
  Foresporsel,
  PersonMedGrunnlag,
  Stadie,
} from '@inntektsgrunnlag/beregning';
import {
  DataFinnesIkkeLenger,
  type Folkeregisterperson,
  IkkeTilgang,
  IngenDataForAar,
  iParallell,
  KildeFeil,
  type Kilder,
  PersonIkkeFunnet,
  rettighetspakkeFor,
  UgyldigSvar,
} from '@inntektsgrunnlag/kilder';
import { maskerIdentifikator, type Persontype } from '@inntektsgrunnlag/person';
import {
  katalogFor,
  type Post,
  type Postart,
  posterFraAvregning,
  posterFraBeregnetSkatt,
  posterFraSummertSkattegrunnlag,
  posterUtenforFastlandsgrunnlaget,
  type SummertSkattegrunnlag,
  tillattPost,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { Mangelgrunn, ManglendeGrunnlag } from './manglendeGrunnlag.js';

const STADIE_TEKST: Record<Stadie, string> = {
  OPPGJOER: 'skatteoppgjør',
  UTKAST: 'utkast til skattemelding',
  FASTSATT: 'fastsatt skattemelding',
};

/**
 * No Summert skattegrunnlag at any of the area's stages: the person exists, but Skatteetaten has
 * nothing for the income year. Names the person (masked), the year and the stages tried.
 */
export class IngenSkatteopplysninger extends KildeFeil {
  override readonly name = 'IngenSkatteopplysninger';
  readonly forbigaaende = false;
  constructor(
    identifikator: string,
    inntektsaar: number,
    readonly stadier: readonly Stadie[],
    sist: IngenDataForAar,
  ) {
    super(
      `Skatteetaten har ingen skatteopplysninger for ${maskerIdentifikator(identifikator)} for inntektsåret ${inntektsaar} ` +
        `(${stadier.length === 1 ? 'ikke' : 'verken'} ${stadier.map((s) => STADIE_TEKST[s]).join(' eller ')}). ` +
        'Kontroller inntektsåret, eller oppgi personens poster i forespørselen.',
      { api: 'SUMMERT_SKATTEGRUNNLAG', identifikator, inntektsaar },
      {
        ...(sist.kode ? { kode: sist.kode } : {}),
        ...(sist.korrelasjonsid ? { korrelasjonsid: sist.korrelasjonsid } : {}),
      },
    );
  }
}

/** One or more persons' data could not be fetched. Lists each, masked. */
export class GrunnlagIkkeHentet extends Error {
  override readonly name = 'GrunnlagIkkeHentet';
  constructor(readonly feil: readonly KildeFeil[]) {
    super(
      feil.length === 1
        ? (feil[0] as KildeFeil).message
        : `Skatteopplysningene kunne ikke hentes for ${feil.length} personer:\n${feil.map((f) => `  - ${f.message}`).join('\n')}`,
    );
  }
}

export interface Henteresultat {
  personer: PersonMedGrunnlag[];
  /** Things the case worker should know about the fetch (added to the result's warnings). */
  advarsler: Advarsel[];
  /**
   * Sources whose posts are missing for a person, and why (a refusal, a wrong path, a screened answer
   * without posts). The result is built without them; the fee is withheld where they enter it.
   */
  mangler: ManglendeGrunnlag[];
}

export interface Henteinnstillinger {
  /** Persons fetched at once (default 4); each API also bounds its own calls. */
  maksSamtidigePersoner?: number;
  /**
   * Whether the Avregning API may be called: only when the caller's role is granted avregning
   * (tilgang's decision). Default false: deny by default.
   */
  avregning?: boolean;
}

/**
 * The answers of `trengerPoster` per post definition, year and kind. The definition and the year's
 * catalogue do not change once made (`tillattPost` keeps its filter per definition and year the same
 * way), and the answer went through the whole catalogue for every person of every lookup.
 */
const trengerBuffer = new WeakMap<object, Map<string, boolean>>();

/** Whether the area may use any post of this kind in the year: if not, the API is not called at all. */
function trengerPoster(beregner: EnhverBeregner, aar: number, art: Postart): boolean {
  let perDefinisjon = trengerBuffer.get(beregner.postdefinisjon);
  if (!perDefinisjon) {
    perDefinisjon = new Map();
    trengerBuffer.set(beregner.postdefinisjon, perDefinisjon);
  }
  const noekkel = `${aar} ${art}`;
  let svar = perDefinisjon.get(noekkel);
  if (svar === undefined) {
    const tillatt = tillattPost(beregner.postdefinisjon, aar);
    svar = katalogFor(aar)
      .alle()
      .some((p) => p.art === art && tillatt(p.tekniskNavn));
    perDefinisjon.set(noekkel, svar);
  }
  return svar;
}

async function hentSsg(
  kilder: Kilder,
  beregner: EnhverBeregner,
  rettighetspakke: string,
  identifikator: string,
  inntektsaar: number,
): Promise<{ stadie: Stadie; svar: SummertSkattegrunnlag }> {
  let sist: IngenDataForAar | undefined;
  for (const stadie of beregner.stadier) {
    try {
      const svar = await kilder.summertSkattegrunnlag.hent({
        stadie,
        rettighetspakke,
        inntektsaar,
        identifikator,
      });
      return { stadie, svar };
    } catch (e) {
      // Only "nothing for this year at this stage" moves on to the next stage (BARNEHAGE_SFO: utkast).
      if (!(e instanceof IngenDataForAar)) throw e;
      sist = e;
    }
  }
  if (!sist) throw new Error(`${beregner.beregningstype} har ingen stadier å hente skattegrunnlag fra`);
  throw new IngenSkatteopplysninger(identifikator, inntektsaar, beregner.stadier, sist);
}

function mangelgrunn(e: KildeFeil): Mangelgrunn {
  if (e instanceof IkkeTilgang) return 'IKKE_TILGANG';
  if (e instanceof PersonIkkeFunnet) return 'PERSON_IKKE_FUNNET';
  if (e instanceof UgyldigSvar) return 'UGYLDIG_SVAR';
  if (e instanceof DataFinnesIkkeLenger) return 'FINNES_IKKE_LENGER';
  return 'UGYLDIG_OPPSLAG';
}

const VALGFRI_TEKST = { BEREGNET_SKATT: 'Beregnet skatt', AVREGNING: 'Avregning' } as const;

/**
 * Beregnet skatt or Avregning. «No data for the year» is a warning (the posts are absent, as KS does);
 * any other answer that will not change by trying again (403 missing rights, 404 wrong path or person,
 * BSA-009/AR-009, an unexpected answer) is a warning too, naming what is missing and why, and is
 * recorded so the fee can be withheld where those posts enter it (like KS's SI-02 for a missing
 * Avregning right). A source that is unavailable (5xx, timeout after the retries) still fails the
 * lookup: trying again later will help, and a result without the posts would only have to be redone.
 */
async function hentValgfritt(
  api: 'BEREGNET_SKATT' | 'AVREGNING',
  hent: () => Promise<{ poster: Post[]; skjermetUtenPoster: boolean }>,
  ingenData: (e: IngenDataForAar) => Advarsel,
  person: { identifikator: string; type: Persontype },
  aar: number,
  advarsler: Advarsel[],
  mangler: ManglendeGrunnlag[],
): Promise<Post[]> {
  const masket = maskerIdentifikator(person.identifikator);
  try {
    const { poster, skjermetUtenPoster } = await hent();
    if (skjermetUtenPoster) {
      mangler.push({ identifikator: person.identifikator, persontype: person.type, api, grunn: 'SKJERMET' });
      advarsler.push({
        kode: `${api}_SKJERMET`,
        melding: `${VALGFRI_TEKST[api]}: Skatteetaten har skjermet opplysningene for ${masket} for ${aar} og sendte ingen poster; postene fra ${VALGFRI_TEKST[api]} er ikke med.`,
        identifikator: person.identifikator,
      });
    }
    return poster;
  } catch (e) {
    if (e instanceof IngenDataForAar) {
      advarsler.push(ingenData(e));
      return [];
    }
    if (!(e instanceof KildeFeil) || e.forbigaaende) throw e;
    const grunn = mangelgrunn(e);
    mangler.push({
      identifikator: person.identifikator,
      persontype: person.type,
      api,
      grunn,
      ...(e.kode ? { kode: e.kode } : {}),
      ...(e.korrelasjonsid ? { korrelasjonsid: e.korrelasjonsid } : {}),
    });
    advarsler.push({
      // A refused Avregning is KS's SI-02 («Du mangler rettighet i Altinn …»); see apps/api ks/svar.ts.
      kode: api === 'AVREGNING' && grunn === 'IKKE_TILGANG' ? 'AVREGNING_IKKE_TILGANG' : `${api}_IKKE_HENTET`,
      melding: `${e.message} Postene fra ${VALGFRI_TEKST[api]} er ikke med i resultatet.`,
      identifikator: person.identifikator,
    });
    return [];
  }
}

async function hentPerson(
  person: Foresporsel['personer'][number],
  foresporsel: Foresporsel,
  beregner: EnhverBeregner,
  kilder: Kilder,
  advarsler: Advarsel[],
  mangler: ManglendeGrunnlag[],
  medAvregning: boolean,
): Promise<PersonMedGrunnlag> {
  const { identifikator } = person;
  const aar = foresporsel.inntektsaar;
  const masket = maskerIdentifikator(identifikator);
  const pakke = (api: 'SUMMERT_SKATTEGRUNNLAG' | 'BEREGNET_SKATT' | 'AVREGNING') =>
    rettighetspakkeFor(kilder.rettighetspakker, api, beregner.beregningstype, beregner.rettighetspakke);
  const { stadie, svar } = await hentSsg(
    kilder,
    beregner,
    pakke('SUMMERT_SKATTEGRUNNLAG') as string,
    identifikator,
    aar,
  );
  const skjermetSsg = svar.skjermet === true;
  const poster: Post[] = [...posterFraSummertSkattegrunnlag(svar)];
  // Skjerming (docs/om/skjerming.md): usually the answer is stripped to the call's parameters and
  // `skjermet: true`; for some packages «summer og tall vil være riktige». Sums are used; an answer
  // without posts is recorded, so no fee is computed on an empty basis.
  const skjermetUtenPoster = skjermetSsg && poster.length === 0;
  if (skjermetUtenPoster) {
    mangler.push({
      identifikator,
      persontype: person.type,
      api: 'SUMMERT_SKATTEGRUNNLAG',
      grunn: 'SKJERMET',
    });
  }

  const utenfor = posterUtenforFastlandsgrunnlaget(svar);
  if (utenfor.svalbard.length + utenfor.kildeskattPaaLoenn.length > 0) {
    advarsler.push({
      kode: 'GRUNNLAG_UTENFOR_FASTLAND',
      melding: `${masket} har også skattegrunnlag ${[
        utenfor.svalbard.length ? 'på Svalbard' : '',
        utenfor.kildeskattPaaLoenn.length ? 'etter ordningen med kildeskatt på lønn' : '',
      ]
        .filter(Boolean)
        .join(' og ')} for ${aar}. Det er ikke regnet med; vurder det manuelt.`,
      identifikator,
    });
  }

  const bsPakke = pakke('BEREGNET_SKATT');
  const arPakke = pakke('AVREGNING');
  // Beregnet skatt and Avregning exist only once the settlement is done. A screened person whose answer
  // kept the sums is asked there too (the rettighetspakke decides what comes back); one whose answer
  // was stripped has nothing more to give.
  const etterOppgjoer = stadie === 'OPPGJOER' && !skjermetUtenPoster;
  const oppslag = { inntektsaar: aar, identifikator };
  const hvem = { identifikator, type: person.type };
  const [bs, ar, freg] = await Promise.all([
    etterOppgjoer && bsPakke && trengerPoster(beregner, aar, 'BEREGNET_SKATT')
      ? hentValgfritt(
          'BEREGNET_SKATT',
          async () => {
            const s = await kilder.beregnetSkatt.hent({ ...oppslag, rettighetspakke: bsPakke });
            const p = posterFraBeregnetSkatt(s);
            return { poster: p, skjermetUtenPoster: s.skjermet === true && p.length === 0 };
          },
          (e) => ({
            kode: 'BEREGNET_SKATT_MANGLER',
            melding: `Skatteetaten har ikke beregnet skatt for ${masket} for ${aar}; postene fra Beregnet skatt er ikke med${e.korrelasjonsid ? ` (korrelasjonsid ${e.korrelasjonsid})` : ''}.`,
            identifikator,
          }),
          hvem,
          aar,
          advarsler,
          mangler,
        )
      : Promise.resolve([]),
    etterOppgjoer && medAvregning && arPakke && trengerPoster(beregner, aar, 'AVREGNING')
      ? hentValgfritt(
          'AVREGNING',
          async () => {
            const s = await kilder.avregning.hent({ ...oppslag, rettighetspakke: arPakke });
            const p = posterFraAvregning(s);
            return { poster: p, skjermetUtenPoster: s.skjermet === true && p.length === 0 };
          },
          (e) => ({
            kode: 'AVREGNING_MANGLER',
            melding: `Skatteetaten har ikke avregning for ${masket} for ${aar}; postene fra Avregning er ikke med${e.korrelasjonsid ? ` (korrelasjonsid ${e.korrelasjonsid})` : ''}.`,
            identifikator,
          }),
          hvem,
          aar,
          advarsler,
          mangler,
        )
      : Promise.resolve([]),
    kilder.folkeregister.hentPerson(identifikator, ['navn', 'adressebeskyttelse']).then(
      (p): Folkeregisterperson | undefined => p,
      (e: unknown) => {
        // The name is for display only; like KS (SI-01 «Klarte ikke å hente navn») the lookup goes on.
        if (!(e instanceof KildeFeil)) throw e;
        advarsler.push({
          kode: 'NAVN_IKKE_HENTET',
          melding: `Klarte ikke å hente navnet til ${masket} fra Folkeregisteret: ${e.message} Adressebeskyttelsen kunne heller ikke kontrolleres, så personen vises som skjermet.`,
          identifikator,
        });
        return undefined;
      },
    ),
  ]);
  poster.push(...bs, ...ar);
  // A person whose protection could not be checked (no answer from Folkeregisteret) is treated as
  // protected in what is shown: better a letter without an address than an address that must not be shown.
  const beskyttet =
    freg === undefined ||
    freg.adressebeskyttelse === 'fortrolig' ||
    freg.adressebeskyttelse === 'strengtFortrolig';
  // When Skatteetaten registered the basis (V2 ajourholdstidspunkt, V1 registreringstidpunkt): KS Fiks
  // shows it per person as «registreringstidpunkt», so it travels with the person into the result.
  const registreringstidpunkt = svar.ajourholdstidspunkt ?? svar.registreringstidpunkt;
  const medGrunnlag: PersonMedGrunnlag & { registreringstidpunkt?: string } = {
    identifikator,
    type: person.type,
    ...(freg?.navn ? { navn: freg.navn } : {}),
    stadie,
    ...(svar.skatteoppgjoersdato ? { skatteoppgjoersdato: svar.skatteoppgjoersdato } : {}),
    ...(registreringstidpunkt ? { registreringstidpunkt } : {}),
    skjermet: skjermetSsg || beskyttet,
    postkilde: 'SKATTEETATEN',
    poster,
  };
  return medGrunnlag;
}

/** A person whose posts the request gives: nothing is fetched. */
function inlinePerson(person: Foresporsel['personer'][number], poster: readonly Post[]): PersonMedGrunnlag {
  return {
    identifikator: person.identifikator,
    type: person.type,
    skjermet: false,
    postkilde: 'FORESPOERSEL',
    poster,
  };
}

/**
 * The fetch step: for every person without inline `poster`, Summert skattegrunnlag at the area's
 * stages in order (BARNEHAGE_SFO falls back to utkast; the result envelope then warns), Beregnet skatt
 * and Avregning where the area has a rettighetspakke and uses their posts, and the name from
 * Folkeregisteret. Persons are fetched in parallel, bounded. A person without data for the year is an
 * {@link IngenSkatteopplysninger}; all persons' failures are reported together ({@link GrunnlagIkkeHentet}).
 */
export async function hentGrunnlag(
  foresporsel: Foresporsel,
  beregner: EnhverBeregner,
  kilder: Kilder,
  valg: Henteinnstillinger = {},
): Promise<Henteresultat> {
  // Every person's posts in the request (a batch of inline cases): nothing to fetch, so no bounded
  // parallel machinery either; the same persons and no warnings, as the general path gives.
  if (foresporsel.personer.every((p) => p.poster !== undefined)) {
    return {
      personer: foresporsel.personer.map((p) => inlinePerson(p, p.poster as Post[])),
      advarsler: [],
      mangler: [],
    };
  }
  // Each person's warnings and failures are kept apart and joined in request order, so the result
  // does not depend on which answer came first.
  const utfall = await iParallell(
    foresporsel.personer,
    valg.maksSamtidigePersoner ?? 4,
    async (
      person,
    ): Promise<{
      person?: PersonMedGrunnlag;
      advarsler: Advarsel[];
      mangler: ManglendeGrunnlag[];
      feil?: KildeFeil;
    }> => {
      if (person.poster !== undefined)
        return { person: inlinePerson(person, person.poster), advarsler: [], mangler: [] };
      const advarsler: Advarsel[] = [];
      const mangler: ManglendeGrunnlag[] = [];
      try {
        return {
          person: await hentPerson(
            person,
            foresporsel,
            beregner,
            kilder,
            advarsler,
            mangler,
            valg.avregning ?? false,
          ),
          advarsler,
          mangler,
        };
      } catch (e) {
        if (!(e instanceof KildeFeil)) throw e;
        return { advarsler, mangler, feil: e };
      }
    },
  );
  const feil = utfall.flatMap((u) => (u.feil ? [u.feil] : []));
  if (feil.length > 0) throw new GrunnlagIkkeHentet(feil);
  const advarsler = utfall.flatMap((u) => u.advarsler);
  if (kilder.syntetisk && foresporsel.personer.some((p) => p.poster === undefined)) {
    advarsler.unshift({
      kode: 'SYNTETISKE_DATA',
      melding: `Skatteopplysningene er syntetiske testdata (${kilder.beskrivelse}), ikke opplysninger om virkelige personer.`,
    });
  }
  return {
    personer: utfall.map((u) => u.person as PersonMedGrunnlag),
    advarsler,
    mangler: utfall.flatMap((u) => u.mangler),
  };
}
