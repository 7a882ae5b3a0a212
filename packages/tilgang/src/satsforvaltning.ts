import type { Aktoer } from './aktoer.js';
import type { Rolle } from './rolle.js';
import { type Avvisningskode, avvisningsmelding } from './vurdering.js';

/**
 * The rate administrators' "area" (issue 17 item 6). A role with `tjenesteomraade: 'SATSFORVALTNING'`
 * (SATSFORVALTER) may enter the municipality's rates in the product and approve another person's
 * entry, and nothing else: no area covers a beregningstype for it, so every lookup and name lookup is
 * refused (FEIL_TJENESTEOMRAADE), and it never grants avregning. It is not a tjenesteområde of
 * Skatteetaten's: it has no rettighetspakke and no legal basis for tax data, because it needs none.
 */
export const SATSFORVALTNING = 'SATSFORVALTNING';

/** The role's display name for the area, as the web app and messages show it. */
export const SATSFORVALTNING_NAVN = 'Satsforvaltning (kommunens satser)';

export type Satsforvaltervurdering =
  | { tillatt: true; rolle: Rolle }
  | { tillatt: false; kode: Avvisningskode; melding: string };

/**
 * Whether the actor may enter and approve rates in the role it names (or its only rate role): deny
 * by default. The codes are the lookup's (AKTOER_INAKTIV, ROLLE_IKKE_OPPGITT, ROLLE_UKJENT,
 * ROLLE_MANGLER, FEIL_TJENESTEOMRAADE), so the API and the audit log read them the same way.
 */
export function vurderSatsforvaltning(f: {
  aktoer: Aktoer;
  rolleId?: string | null;
  roller: readonly Rolle[];
}): Satsforvaltervurdering {
  const { aktoer } = f;
  if (!aktoer.aktiv)
    return { tillatt: false, kode: 'AKTOER_INAKTIV', melding: avvisningsmelding('AKTOER_INAKTIV') };
  const egne = f.roller.filter((r) => aktoer.roller.includes(r.id) && r.tjenesteomraade === SATSFORVALTNING);
  const rolleId = f.rolleId ?? (egne.length === 1 ? egne[0]?.id : null);
  if (!rolleId) {
    return {
      tillatt: false,
      kode: egne.length === 0 ? 'FEIL_TJENESTEOMRAADE' : 'ROLLE_IKKE_OPPGITT',
      melding:
        egne.length === 0
          ? `${aktoer.visningsnavn} har ingen satsforvalterrolle: bare en satsforvalter kan legge inn og godkjenne satser.`
          : 'Oppgi hvilken satsforvalterrolle du handler i (X-Rolle-Id).',
    };
  }
  const rolle = f.roller.find((r) => r.id === rolleId);
  if (!rolle) return { tillatt: false, kode: 'ROLLE_UKJENT', melding: `Rollen «${rolleId}» finnes ikke.` };
  if (!aktoer.roller.includes(rolle.id)) {
    return {
      tillatt: false,
      kode: 'ROLLE_MANGLER',
      melding: `${aktoer.visningsnavn} har ikke rollen «${rolle.navn}» (${rolle.id}).`,
    };
  }
  if (rolle.tjenesteomraade !== SATSFORVALTNING) {
    return {
      tillatt: false,
      kode: 'FEIL_TJENESTEOMRAADE',
      melding: `Rollen «${rolle.navn}» er ikke en satsforvalterrolle: bare en satsforvalter kan legge inn og godkjenne satser.`,
    };
  }
  return { tillatt: true, rolle };
}
