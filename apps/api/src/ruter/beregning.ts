import { BEREGNINGSTYPER, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { KildeFeil } from '@inntektsgrunnlag/kilder';
import { GrunnlagIkkeHentet, type Oppslagsresultat } from '@inntektsgrunnlag/oppslag';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import type { Response } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { autentiseringFor } from '../mellomvare/autentisering.js';
import type { Oppslagsutfall } from '../mellomvare/metrikker.js';
import { type Konvolutt, personfelt } from './felles.js';

function kildeFeilet(e: unknown): boolean {
  return (
    (e instanceof KildeFeil && e.forbigaaende) ||
    (e instanceof GrunnlagIkkeHentet && e.feil.some((f) => f.forbigaaende))
  );
}

/**
 * One beregning through the use case, for the native and the KS paths alike: the caller's
 * credential (an invalid one is passed on and audited), the role, the request and our envelope.
 * Counts the outcome, and notes whether the sources answered (for /health/ready).
 */
export async function kjoerBeregning(
  k: ApiKontekst,
  res: Response,
  valg: {
    rolleId: string | null;
    foresporsel: unknown;
    konvolutt: Konvolutt;
    grunnlagUtenVedtak?: boolean;
  },
): Promise<Oppslagsresultat> {
  res.locals.personfelt = personfelt(valg.foresporsel);
  const autentisering = autentiseringFor(res);
  const type = (valg.foresporsel as { beregningstype?: unknown } | null)?.beregningstype;
  const etikett = (BEREGNINGSTYPER as readonly unknown[]).includes(type) ? (type as string) : 'ukjent';
  try {
    await k.turkoe.tur();
    const { resultat } = await k.tjeneste.beregn({
      autentisering,
      rolleId: valg.rolleId,
      foresporsel: valg.foresporsel,
      ...(valg.konvolutt.grunnlagsreferanse !== undefined
        ? { grunnlagsreferanse: valg.konvolutt.grunnlagsreferanse as string }
        : {}),
      ...(valg.konvolutt.formaal !== undefined ? { formaal: valg.konvolutt.formaal } : {}),
      ...(valg.konvolutt.avregning !== undefined ? { avregning: valg.konvolutt.avregning } : {}),
      ...(valg.grunnlagUtenVedtak ? { grunnlagUtenVedtak: true } : {}),
    });
    k.metrikker.oppslagsutfall(etikett, resultat.utfoert.grunnlag as Oppslagsutfall);
    if (resultat.utfoert.grunnlag === 'HENTET') k.kildestatus.suksess(k.klokke());
    return resultat;
  } catch (e) {
    const utfall: Oppslagsutfall =
      e instanceof Valideringsfeil ? 'UGYLDIG' : e instanceof Tilgangsfeil ? 'AVVIST' : 'FEILET';
    k.metrikker.oppslagsutfall(etikett, utfall);
    if (kildeFeilet(e)) k.kildestatus.feil(k.klokke());
    throw e;
  }
}
