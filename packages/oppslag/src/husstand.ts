import type { Beregningstype, EnhverBeregner } from '@inntektsgrunnlag/beregning';
import { type Folkeregisterperson, KildeFeil, type Kilder } from '@inntektsgrunnlag/kilder';
import type { Persontype } from '@inntektsgrunnlag/person';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';

/** The purpose recorded for a household lookup. */
export const HUSSTANDSOPPSLAG = 'HUSSTANDSOPPSLAG';

/** A person proposed for the household, for the case worker to confirm. */
export interface Husstandsforslag {
  identifikator: string;
  /** The person type to enter: EKTEFELLE (gift), PARTNER (registrert partner) or BARN. */
  persontype: Persontype;
  /** What Folkeregisteret says: the sivilstand (gift, registrertPartner) or «barn» (familierelasjon). */
  relasjon: string;
  navn: { fornavn: string; mellomnavn: string | null; etternavn: string } | null;
  foedselsdato: string | null;
  /**
   * Fortrolig or strengt fortrolig address, or a protection that could not be checked: handle by the
   * routines for protected persons, and show no address.
   */
  skjermet: boolean;
  /**
   * Where the person belongs in the request: `personer` (with the persontype) or, for BARNEHAGE_SFO's
   * children, the vedtak's `barn` (by fødselsdato; a child has no income basis there).
   */
  plassering: 'PERSONER' | 'VEDTAK_BARN';
}

export interface Husstandsforslagene {
  soeker: {
    identifikator: string;
    navn: Husstandsforslag['navn'];
    skjermet: boolean;
    sivilstand: string | null;
  };
  forslag: Husstandsforslag[];
  /** What the case worker should know: a cohabitant is entered by hand, a relation not proposed and why. */
  merknader: string[];
  /** Every person looked up (for the audit log). */
  oppslaatte: string[];
}

/** Sivilstand that make the related person the applicant's spouse or partner in the household. */
const SAMLIV: Record<string, Persontype> = { gift: 'EKTEFELLE', registrertPartner: 'PARTNER' };

/** Where an area takes the applicant's children, if at all. */
function barnehusFor(beregner: EnhverBeregner): Husstandsforslag['plassering'] | null {
  if (beregner.persontyper.includes('BARN')) return 'PERSONER';
  // Foreldrebetaling: the children are the vedtak's `barn` (the rules read their age), not persons.
  if ((beregner.beregningstype as Beregningstype) === 'BARNEHAGE_SFO') return 'VEDTAK_BARN';
  return null;
}

const beskyttet = (p: Folkeregisterperson | undefined) =>
  p === undefined || p.adressebeskyttelse === 'fortrolig' || p.adressebeskyttelse === 'strengtFortrolig';

const navnAv = (p: Folkeregisterperson | undefined): Husstandsforslag['navn'] =>
  p?.navn
    ? { fornavn: p.navn.fornavn, mellomnavn: p.navn.mellomnavn ?? null, etternavn: p.navn.etternavn }
    : null;

/** The audit log takes at most 20 persons per entry: the applicant, a spouse and 18 children. */
const MAKS_BARN = 18;

/**
 * Proposes the applicant's household from Folkeregisteret: the spouse or registered partner
 * (sivilstand with relatertVedSivilstand) and, where the area takes them, the children
 * (familierelasjon, the related person's role «barn»), each with name, fødselsdato and protection.
 * Folkeregisteret does not register cohabitants: they are entered by hand. A related person whose
 * lookup fails is still proposed, without a name, and treated as protected.
 */
export async function foreslaaHusstand(
  kilder: Kilder,
  identifikator: string,
  beregner: EnhverBeregner,
): Promise<Husstandsforslagene> {
  const soeker = await kilder.folkeregister.hentPerson(identifikator, [
    'navn',
    'sivilstand',
    'familierelasjon',
    'adressebeskyttelse',
  ]);
  const merknader = [
    'En samboer er ikke registrert i Folkeregisteret og må legges inn for hånd (persontype SAMBOER).',
  ];
  const kandidater: Array<{
    id: string;
    persontype: Persontype;
    relasjon: string;
    plassering: Husstandsforslag['plassering'];
  }> = [];
  const sivilstand = soeker.sivilstand?.type ?? null;
  const samliv = sivilstand ? SAMLIV[sivilstand] : undefined;
  if (samliv && soeker.sivilstand?.relatertVedSivilstand) {
    if (beregner.persontyper.includes(samliv)) {
      kandidater.push({
        id: soeker.sivilstand.relatertVedSivilstand,
        persontype: samliv,
        relasjon: sivilstand as string,
        plassering: 'PERSONER',
      });
    }
  } else if (sivilstand === 'separert' || sivilstand === 'separertPartner') {
    merknader.push(
      'Folkeregisteret oppgir søkeren som separert: ektefellen er ikke foreslått. Legg inn ektefellen for hånd hvis de fortsatt bor sammen.',
    );
  }
  const barnehus = barnehusFor(beregner);
  if (barnehus) {
    const barn = soeker.familierelasjoner.filter(
      (f) => f.relatertPersonsRolle === 'barn' && f.relatertPerson,
    );
    for (const b of barn.slice(0, MAKS_BARN)) {
      kandidater.push({
        id: b.relatertPerson as string,
        persontype: 'BARN',
        relasjon: 'barn',
        plassering: barnehus,
      });
    }
    if (barn.length > MAKS_BARN) {
      merknader.push(
        `Søkeren har ${barn.length} barn i Folkeregisteret; bare de ${MAKS_BARN} første er foreslått.`,
      );
    }
    merknader.push(
      barnehus === 'VEDTAK_BARN'
        ? 'Barna er foreslått med fødselsdato til vedtakets barneliste; kontroller hvem som har plass og bor i husholdningen.'
        : 'Bare barn som bor i husstanden skal være med; kontroller hvem som bor der.',
    );
  }
  const relaterte = await Promise.all(
    kandidater.map(async (k) => {
      try {
        return {
          k,
          p: await kilder.folkeregister.hentPerson(k.id, ['navn', 'foedsel', 'adressebeskyttelse']),
        };
      } catch (e) {
        if (!(e instanceof KildeFeil)) throw e;
        merknader.push(
          `Klarte ikke å hente ${maskerIdentifikator(k.id)} fra Folkeregisteret (${e.message}); personen er foreslått uten navn og behandles som skjermet.`,
        );
        return { k, p: undefined };
      }
    }),
  );
  return {
    soeker: { identifikator, navn: navnAv(soeker), skjermet: beskyttet(soeker), sivilstand },
    forslag: relaterte.map(({ k, p }) => ({
      identifikator: k.id,
      persontype: k.persontype,
      relasjon: k.relasjon,
      navn: navnAv(p),
      foedselsdato: p?.foedselsdato ?? null,
      skjermet: beskyttet(p),
      plassering: k.plassering,
    })),
    merknader,
    oppslaatte: [identifikator, ...kandidater.map((k) => k.id)].filter((x, i, a) => a.indexOf(x) === i),
  };
}
