// Binds a role to a group a SCIM source system provisioned (its members then hold the role), or with
// --fjern removes the binding:
//   node --conditions=@inntektsgrunnlag/source --import tsx apps/api/src/scim/knytt-rolle.ts \
//     --kildesystem <id> --gruppe "<id, externalId eller displayName>" --rolle <rolle-id> [--fjern]
// See docs/scim.md.
import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { knyttRolle } from './administrasjon.js';
import { kjoerSkript, lesArgumenter } from './skript.js';

const BRUK = 'Bruk: knytt-rolle.ts --kildesystem <id> --gruppe "<gruppe>" --rolle <rolle-id> [--fjern]';

const { valg } = lesArgumenter(process.argv.slice(2));
await kjoerSkript(BRUK, async (lagring) => {
  const tekst = (n: string) => {
    const v = valg.get(n);
    if (typeof v !== 'string') throw new Valideringsfeil([{ felt: `--${n}`, melding: 'mangler' }]);
    return v;
  };
  const fjern = valg.has('fjern');
  const r = await knyttRolle(lagring, {
    kildesystem: tekst('kildesystem'),
    gruppe: tekst('gruppe'),
    rolle: tekst('rolle'),
    fjern,
  });
  return [
    `${fjern ? 'Fjernet' : 'Knyttet'} rollen ${tekst('rolle')} ${fjern ? 'fra' : 'til'} gruppen «${r.gruppe.visningsnavn}» (${r.gruppe.id}).`,
    `Gruppen gir nå: ${r.roller.length > 0 ? r.roller.join(', ') : '(ingen roller)'}`,
  ].join('\n');
});
