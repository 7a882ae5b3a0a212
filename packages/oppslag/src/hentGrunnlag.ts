import type {
  Advarsel,
  EnhverBeregner,
  Foresporsel,
  PersonMedGrunnlag,
  Stadie,
} from '@inntektsgrunnlag/beregning';
import {
  type Folkeregisterperson,
  IngenDataForAar,
  iParallell,
  KildeFeil,
  type Kilder,
  SKATTETILGANGER,
} from '@inntektsgrunnlag/kilder';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';
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

/** Whether the area may use any post of this kind in the year: if not, the API is not called at all. */
function trengerPoster(beregner: EnhverBeregner, aar: number, art: Postart): boolean {
  const tillatt = tillattPost(beregner.postdefinisjon, aar);
  return katalogFor(aar)
    .alle()
    .some((p) => p.art === art && tillatt(p.tekniskNavn));
}

async function hentSsg(
  kilder: Kilder,
  beregner: EnhverBeregner,
  identifikator: string,
  inntektsaar: number,
): Promise<{ stadie: Stadie; svar: SummertSkattegrunnlag }> {
  let sist: IngenDataForAar | undefined;
  for (const stadie of beregner.stadier) {
    try {
      const svar = await kilder.summertSkattegrunnlag.hent({
        stadie,
        rettighetspakke: beregner.rettighetspakke,
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

/** Beregnet skatt or Avregning: missing data is a warning, not a failure (the posts are then absent). */
async function hentValgfritt(
  hent: () => Promise<Post[]>,
  advarsel: (e: IngenDataForAar) => Advarsel,
  advarsler: Advarsel[],
): Promise<Post[]> {
  try {
    return await hent();
  } catch (e) {
    if (!(e instanceof IngenDataForAar)) throw e;
    advarsler.push(advarsel(e));
    return [];
  }
}

async function hentPerson(
  person: Foresporsel['personer'][number],
  foresporsel: Foresporsel,
  beregner: EnhverBeregner,
  kilder: Kilder,
  advarsler: Advarsel[],
  medAvregning: boolean,
): Promise<PersonMedGrunnlag> {
  const { identifikator } = person;
  const aar = foresporsel.inntektsaar;
  const masket = maskerIdentifikator(identifikator);
  const { stadie, svar } = await hentSsg(kilder, beregner, identifikator, aar);
  const skjermetSsg = svar.skjermet === true;
  const poster: Post[] = [...posterFraSummertSkattegrunnlag(svar)];

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

  const tilgang = SKATTETILGANGER[beregner.beregningstype];
  // Beregnet skatt and Avregning exist only once the settlement is done; a screened person's are empty.
  const etterOppgjoer = stadie === 'OPPGJOER' && !skjermetSsg;
  const oppslag = { inntektsaar: aar, identifikator };
  const [bs, ar, freg] = await Promise.all([
    etterOppgjoer && tilgang.beregnetSkatt && trengerPoster(beregner, aar, 'BEREGNET_SKATT')
      ? hentValgfritt(
          async () =>
            posterFraBeregnetSkatt(
              await kilder.beregnetSkatt.hent({
                ...oppslag,
                rettighetspakke: tilgang.beregnetSkatt as string,
              }),
            ),
          (e) => ({
            kode: 'BEREGNET_SKATT_MANGLER',
            melding: `Skatteetaten har ikke beregnet skatt for ${masket} for ${aar}; postene fra Beregnet skatt er ikke med${e.korrelasjonsid ? ` (korrelasjonsid ${e.korrelasjonsid})` : ''}.`,
            identifikator,
          }),
          advarsler,
        )
      : Promise.resolve([]),
    etterOppgjoer && medAvregning && tilgang.avregning && trengerPoster(beregner, aar, 'AVREGNING')
      ? hentValgfritt(
          async () =>
            posterFraAvregning(
              await kilder.avregning.hent({ ...oppslag, rettighetspakke: tilgang.avregning as string }),
            ),
          (e) => ({
            kode: 'AVREGNING_MANGLER',
            melding: `Skatteetaten har ikke avregning for ${masket} for ${aar}; postene fra Avregning er ikke med${e.korrelasjonsid ? ` (korrelasjonsid ${e.korrelasjonsid})` : ''}.`,
            identifikator,
          }),
          advarsler,
        )
      : Promise.resolve([]),
    kilder.folkeregister.hentPerson(identifikator, ['navn', 'adressebeskyttelse']).then(
      (p): Folkeregisterperson | undefined => p,
      (e: unknown) => {
        // The name is for display only; like KS (SI-01 «Klarte ikke å hente navn») the lookup goes on.
        if (!(e instanceof KildeFeil)) throw e;
        advarsler.push({
          kode: 'NAVN_IKKE_HENTET',
          melding: `Klarte ikke å hente navnet til ${masket} fra Folkeregisteret: ${e.message}`,
          identifikator,
        });
        return undefined;
      },
    ),
  ]);
  poster.push(...bs, ...ar);
  const beskyttet =
    freg?.adressebeskyttelse === 'fortrolig' || freg?.adressebeskyttelse === 'strengtFortrolig';
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
    };
  }
  // Each person's warnings and failures are kept apart and joined in request order, so the result
  // does not depend on which answer came first.
  const utfall = await iParallell(
    foresporsel.personer,
    valg.maksSamtidigePersoner ?? 4,
    async (person): Promise<{ person?: PersonMedGrunnlag; advarsler: Advarsel[]; feil?: KildeFeil }> => {
      if (person.poster !== undefined) return { person: inlinePerson(person, person.poster), advarsler: [] };
      const advarsler: Advarsel[] = [];
      try {
        return {
          person: await hentPerson(person, foresporsel, beregner, kilder, advarsler, valg.avregning ?? false),
          advarsler,
        };
      } catch (e) {
        if (!(e instanceof KildeFeil)) throw e;
        return { advarsler, feil: e };
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
  return { personer: utfall.map((u) => u.person as PersonMedGrunnlag), advarsler };
}
