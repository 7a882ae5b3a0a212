// Creates a SCIM source system and prints its token once (or, with --roter, gives it a new token):
//   node --conditions=@inntektsgrunnlag/source --import tsx apps/api/src/scim/opprett-kildesystem.ts \
//     <id> "<navn>" [--dager 180] [--roter]
// See docs/scim.md.
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { opprettKildesystem, roterKildesystemtoken } from './administrasjon.js';
import { kjoerSkript, lesArgumenter } from './skript.js';

const BRUK = `Bruk: opprett-kildesystem.ts <id> "<navn>" [--dager N]   (nytt kildesystem)
       opprett-kildesystem.ts <id> --roter [--dager N]      (nytt token; det gamle slutter å virke)`;

const { valg, fri } = lesArgumenter(process.argv.slice(2));
await kjoerSkript(BRUK, async (lagring) => {
  const [id, navn] = fri;
  const dager = valg.get('dager');
  if (dager !== undefined && (typeof dager !== 'string' || !/^\d{1,3}$/.test(dager))) {
    throw new Valideringsfeil([{ felt: '--dager', melding: 'må være et antall dager' }]);
  }
  if (!id) throw new Valideringsfeil([{ felt: 'id', melding: 'mangler' }]);
  // The token's lifetime runs from now: the one place the operator's clock is the right one.
  const naa = new Date();
  const levetid = dager ? { levetidDager: Number(dager) } : {};
  if (!valg.has('roter') && !navn) throw new Valideringsfeil([{ felt: 'navn', melding: 'mangler' }]);
  const { kildesystem, token } = valg.has('roter')
    ? await roterKildesystemtoken(lagring, { id, naa, ...levetid })
    : await opprettKildesystem(lagring, { id, navn: navn as string, naa, ...levetid });
  return [
    `Kildesystem: ${kildesystem.id} (${kildesystem.navn})`,
    `SCIM-adresse: https://<vertsnavn>/scim/v2`,
    `Token (vises bare nå; lagres bare som hash): ${token}`,
    `Tokenet utløper: ${kildesystem.tokenUtloeper}`,
  ].join('\n');
});
