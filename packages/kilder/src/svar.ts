import { skatteetatenFeilSkjema } from '@inntektsgrunnlag/skattegrunnlag';
import type { z } from 'zod';
import { type Feilsvar, feilFraSvar, type Oppslagsbeskrivelse, UgyldigSvar } from './feil.js';

/**
 * Turns an answer (status and parsed JSON body) into the parsed value or a typed error. Shared by the
 * embedded and the HTTP adapters, so both fail the same way on the same answer.
 */
export function tolkSvar<S extends z.ZodType>(
  beskrivelse: Oppslagsbeskrivelse,
  status: number,
  body: unknown,
  skjema: S,
  korrelasjonsid?: string,
): z.output<S> {
  if (status === 200) {
    const r = skjema.safeParse(body);
    if (r.success) return r.data;
    // The path and message of the first issue only: never values, which may be personal data.
    const i = r.error.issues[0];
    throw new UgyldigSvar(
      beskrivelse,
      `${i?.path.join('.') || '(hele svaret)'}: ${i?.message ?? 'ugyldig'}`,
      {
        httpStatus: status,
        ...(korrelasjonsid ? { korrelasjonsid } : {}),
      },
    );
  }
  const s: Feilsvar = { httpStatus: status };
  const feil = skatteetatenFeilSkjema.safeParse(body);
  if (feil.success) {
    s.kode = feil.data.kode;
    s.melding = feil.data.melding;
    if (feil.data.korrelasjonsid) s.korrelasjonsid = feil.data.korrelasjonsid;
  } else if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.melding === 'string') s.melding = b.melding;
    if (typeof b.korrelasjonsid === 'string') s.korrelasjonsid = b.korrelasjonsid;
    // KS Fiks's error body (ks-no.github.io «Integrasjoner»): message, errorCode, errorId.
    if (!s.melding && typeof b.message === 'string') s.melding = b.message;
    if (typeof b.errorCode === 'string' && b.errorCode) s.kode = b.errorCode;
    if (!s.korrelasjonsid && typeof b.errorId === 'string') s.korrelasjonsid = b.errorId;
  }
  if (!s.korrelasjonsid && korrelasjonsid) s.korrelasjonsid = korrelasjonsid;
  throw feilFraSvar(beskrivelse, s);
}
