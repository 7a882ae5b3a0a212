import type { Aktoer } from './aktoer.js';
import type { Rolle } from './rolle.js';
import { SATSFORVALTNING } from './satsforvaltning.js';
import { TJENESTEOMRAADER, type Tjenesteomraade, tjenesteomraadeFor } from './tjenesteomraader.js';

/**
 * Why a lookup was refused. Stable codes: they go into the audit log, the API's error body and the
 * CLI's exit message, so a code is never renamed.
 */
export const AVVISNINGSKODER = [
  /** No authenticated actor: unknown user, unknown or revoked API key. */
  'AKTOER_UKJENT',
  /** The user or client is deactivated. */
  'AKTOER_INAKTIV',
  /** A demo API key was used outside embedded (demo) mode. */
  'DEMONOEKKEL_AVVIST',
  /** No area serves the beregningstype. */
  'BEREGNINGSTYPE_UKJENT',
  /** The request named no role. */
  'ROLLE_IKKE_OPPGITT',
  /** The named role does not exist. */
  'ROLLE_UKJENT',
  /** The actor does not hold the named role. */
  'ROLLE_MANGLER',
  /** The role's area is not a known area. */
  'TJENESTEOMRAADE_UKJENT',
  /** The role's area does not cover the beregningstype. */
  'FEIL_TJENESTEOMRAADE',
  /** Avregning was required, and the role does not grant it (KS Fiks: SI-02). */
  'AVREGNING_IKKE_TILLATT',
] as const;
export type Avvisningskode = (typeof AVVISNINGSKODER)[number];

/** KS Fiks's SI-02, which users of KS's service know; our message says the same. */
const SI_02 =
  'Du mangler rettighet i Altinn for å få informasjon om skatt til gode, restskatt og innbetalt skatt.';

/** Whether the lookup should include avregning (skatt til gode, restskatt, innbetalt skatt). */
export type Avregningsvalg = 'KREVES' | 'OM_TILLATT' | 'NEI';

export interface Tilgangsforespoersel {
  /** The authenticated actor; null when authentication failed. */
  aktoer: Aktoer | null;
  /** The role the lookup is made in (a user may hold several). */
  rolleId?: string | null;
  /** The requested beregningstype, as given (it may be unknown). */
  beregningstype: string;
  /** Every known role (from storage). */
  roller: readonly Rolle[];
  omraader?: readonly Tjenesteomraade[];
  /** Default OM_TILLATT: include avregning when the role grants it, otherwise leave it out with a warning. */
  avregning?: Avregningsvalg;
}

export interface Tilgangsadvarsel {
  kode: 'AVREGNING_IKKE_TILLATT';
  melding: string;
}

export interface Innvilget {
  tillatt: true;
  rolle: Rolle;
  omraade: Tjenesteomraade;
  /** Whether avregning may be fetched and shown. */
  avregning: boolean;
  advarsler: Tilgangsadvarsel[];
}

export interface Avslag {
  tillatt: false;
  kode: Avvisningskode;
  /** A clear Norwegian message for the case worker (no personal data). */
  melding: string;
  /** The role and area, when known: for the audit log. */
  rolle?: Rolle;
  omraade?: Tjenesteomraade;
}

export type Tilgangsvurdering = Innvilget | Avslag;

/** The standard message of a refusal without context (for codes decided outside `vurderTilgang`). */
export function avvisningsmelding(kode: Avvisningskode): string {
  switch (kode) {
    case 'AKTOER_UKJENT':
      return 'Ukjent bruker eller API-nøkkel. Oppslaget er avvist.';
    case 'AKTOER_INAKTIV':
      return 'Brukeren eller integrasjonen er deaktivert. Oppslaget er avvist.';
    case 'DEMONOEKKEL_AVVIST':
      return 'Demonøkler kan bare brukes med den innebygde demodatabasen, ikke mot en driftsdatabase. Oppslaget er avvist.';
    case 'BEREGNINGSTYPE_UKJENT':
      return 'Ingen tjenesteområder dekker beregningstypen. Oppslaget er avvist.';
    case 'ROLLE_IKKE_OPPGITT':
      return 'Oppgi hvilken rolle oppslaget gjøres i. Oppslaget er avvist.';
    case 'ROLLE_UKJENT':
      return 'Rollen finnes ikke. Oppslaget er avvist.';
    case 'ROLLE_MANGLER':
      return 'Du har ikke rollen oppslaget gjøres i. Oppslaget er avvist.';
    case 'TJENESTEOMRAADE_UKJENT':
      return 'Rollens tjenesteområde er ukjent. Oppslaget er avvist.';
    case 'FEIL_TJENESTEOMRAADE':
      return 'Rollen gjelder et annet tjenesteområde enn beregningstypen. Oppslaget er avvist.';
    case 'AVREGNING_IKKE_TILLATT':
      return `${SI_02} Oppslaget er avvist.`;
  }
}

function avslag(kode: Avvisningskode, melding: string, ekstra: Partial<Avslag> = {}): Avslag {
  return { tillatt: false, kode, melding, ...ekstra };
}

/**
 * The access decision, deny by default: a lookup of `beregningstype` is allowed only when the actor
 * is known and active, holds the named role, and the role's area covers the beregningstype. Every
 * refusal names its reason code. Avregning is included only when the role grants it and its area
 * allows it; when it is left out, a warning says so (like KS's SI-02), and when the caller requires it
 * (`avregning: 'KREVES'`) the lookup is refused with AVREGNING_IKKE_TILLATT.
 */
export function vurderTilgang(f: Tilgangsforespoersel): Tilgangsvurdering {
  const omraader = f.omraader ?? TJENESTEOMRAADER;
  const { aktoer } = f;
  if (!aktoer) return avslag('AKTOER_UKJENT', avvisningsmelding('AKTOER_UKJENT'));
  if (!aktoer.aktiv) return avslag('AKTOER_INAKTIV', avvisningsmelding('AKTOER_INAKTIV'));

  const riktigOmraade = tjenesteomraadeFor(f.beregningstype, omraader);
  if (!riktigOmraade) {
    return avslag(
      'BEREGNINGSTYPE_UKJENT',
      `Ingen tjenesteområder dekker beregningstypen «${f.beregningstype}». Oppslaget er avvist.`,
    );
  }
  if (!f.rolleId) {
    return avslag(
      'ROLLE_IKKE_OPPGITT',
      `Oppgi hvilken rolle oppslaget gjøres i (en rolle for «${riktigOmraade.navn}»). Oppslaget er avvist.`,
    );
  }
  const rolle = f.roller.find((r) => r.id === f.rolleId);
  if (!rolle) return avslag('ROLLE_UKJENT', `Rollen «${f.rolleId}» finnes ikke. Oppslaget er avvist.`);
  if (!aktoer.roller.includes(rolle.id)) {
    return avslag(
      'ROLLE_MANGLER',
      `${aktoer.visningsnavn} har ikke rollen «${rolle.navn}» (${rolle.id}). Oppslaget er avvist.`,
      { rolle },
    );
  }
  if (rolle.tjenesteomraade === SATSFORVALTNING) {
    return avslag(
      'FEIL_TJENESTEOMRAADE',
      `Rollen «${rolle.navn}» er en satsforvalterrolle: den kan legge inn og godkjenne satser, ikke slå opp noen. Oppslaget er avvist.`,
      { rolle },
    );
  }
  const omraade = omraader.find((o) => o.id === rolle.tjenesteomraade);
  if (!omraade) {
    return avslag(
      'TJENESTEOMRAADE_UKJENT',
      `Rollen «${rolle.navn}» gjelder tjenesteområdet «${rolle.tjenesteomraade}», som ikke finnes. Oppslaget er avvist.`,
      { rolle },
    );
  }
  if (!(omraade.beregningstyper as readonly string[]).includes(f.beregningstype)) {
    return avslag(
      'FEIL_TJENESTEOMRAADE',
      `Rollen «${rolle.navn}» gjelder «${omraade.navn}» og gir ikke tilgang til ${f.beregningstype}, som hører til «${riktigOmraade.navn}». Oppslaget er avvist.`,
      { rolle, omraade },
    );
  }

  const valg = f.avregning ?? 'OM_TILLATT';
  const harAvregning = rolle.avregning && omraade.avregningKanTildeles;
  if (valg === 'KREVES' && !harAvregning) {
    return avslag(
      'AVREGNING_IKKE_TILLATT',
      `${SI_02} Rollen «${rolle.navn}» gir ikke tilgang til avregning. Oppslaget er avvist.`,
      { rolle, omraade },
    );
  }
  const advarsler: Tilgangsadvarsel[] = [];
  // Only an area that can have avregning misses it; for the others there is nothing to warn about.
  if (valg === 'OM_TILLATT' && !harAvregning && omraade.avregningKanTildeles) {
    advarsler.push({
      kode: 'AVREGNING_IKKE_TILLATT',
      melding: `${SI_02} Rollen «${rolle.navn}» gir ikke tilgang til avregning; skatt til gode, restskatt og innbetalt skatt er ikke hentet og er ikke med i grunnlaget.`,
    });
  }
  return { tillatt: true, rolle, omraade, avregning: valg !== 'NEI' && harAvregning, advarsler };
}

/** The roles an actor holds that would allow the beregningstype (for role pickers and defaults). */
export function tillatteRoller(
  aktoer: Aktoer,
  roller: readonly Rolle[],
  beregningstype: string,
  omraader: readonly Tjenesteomraade[] = TJENESTEOMRAADER,
): Rolle[] {
  return roller.filter(
    (r) => vurderTilgang({ aktoer, rolleId: r.id, beregningstype, roller, omraader }).tillatt,
  );
}

/** A refused lookup as an error, for callers that stop on refusal (the apps map it to 403 / exit 1). */
export class Tilgangsfeil extends Error {
  override readonly name = 'Tilgangsfeil';
  readonly kode: Avvisningskode;
  constructor(avslag: Pick<Avslag, 'kode' | 'melding'>) {
    super(avslag.melding);
    this.kode = avslag.kode;
  }
}
