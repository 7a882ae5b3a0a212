import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import type { Kildesystem, Lagring, ScimGruppe } from '@inntektsgrunnlag/lagring';

/**
 * Operator tasks without a CLI or an admin UI: create a SCIM source system (its token shown once),
 * rotate its token, and bind a role to a SCIM group (the group's members hold the role). Used by the
 * scripts opprett-kildesystem.ts and knytt-rolle.ts (docs/scim.md).
 */

export async function opprettKildesystem(
  lagring: Lagring,
  p: { id: string; navn: string; levetidDager?: number; naa: Date },
): Promise<{ kildesystem: Kildesystem; token: string }> {
  return lagring.kildesystemer.opprett(p);
}

export async function roterKildesystemtoken(
  lagring: Lagring,
  p: { id: string; levetidDager?: number; naa: Date },
): Promise<{ kildesystem: Kildesystem; token: string }> {
  const r = await lagring.kildesystemer.roterToken(p.id, {
    naa: p.naa,
    ...(p.levetidDager ? { levetidDager: p.levetidDager } : {}),
  });
  if (!r)
    throw new Valideringsfeil([{ felt: 'kildesystem', melding: `kildesystemet «${p.id}» finnes ikke` }]);
  return r;
}

/**
 * The group a source system provisioned, named by its SCIM id, its externalId or its displayName
 * (in that order; a displayName shared by several groups must be given as id or externalId).
 */
export async function finnGruppe(lagring: Lagring, kildesystem: string, navn: string): Promise<ScimGruppe> {
  if (!(await lagring.kildesystemer.hent(kildesystem))) {
    throw new Valideringsfeil([
      { felt: 'kildesystem', melding: `kildesystemet «${kildesystem}» finnes ikke` },
    ]);
  }
  const medId = await lagring.scim.hentGruppe(kildesystem, navn, false);
  if (medId) return medId;
  const side = { start: 1, antall: 2 };
  for (const felt of ['eksternId', 'visningsnavn'] as const) {
    const { totalt, grupper } = await lagring.scim.listGrupper(
      kildesystem,
      { felt, verdi: navn },
      side,
      false,
    );
    if (totalt > 1) {
      throw new Valideringsfeil([
        { felt: 'gruppe', melding: `${totalt} grupper heter «${navn}»; oppgi gruppens id eller externalId` },
      ]);
    }
    if (grupper[0]) return grupper[0];
  }
  throw new Valideringsfeil([
    {
      felt: 'gruppe',
      melding: `kildesystemet «${kildesystem}» har ingen gruppe med id, externalId eller navn «${navn}» (er den provisjonert?)`,
    },
  ]);
}

/** Binds (or with `fjern`, unbinds) the role to the group: from the next request, its members hold it. */
export async function knyttRolle(
  lagring: Lagring,
  p: { kildesystem: string; gruppe: string; rolle: string; fjern?: boolean },
): Promise<{ gruppe: ScimGruppe; roller: string[] }> {
  const gruppe = await finnGruppe(lagring, p.kildesystem, p.gruppe);
  await lagring.roller.krev(p.rolle, 'rolle');
  if (p.fjern) await lagring.grupper.fjernRolle(gruppe.id, p.rolle);
  else await lagring.grupper.tildelRolle(gruppe.id, p.rolle);
  return { gruppe, roller: await lagring.grupper.roller(gruppe.id) };
}
