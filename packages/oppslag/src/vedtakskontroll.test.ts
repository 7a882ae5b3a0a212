import {
  type Beregningstype,
  beregnMedPoster,
  foresporselSkjema,
  KontrollertVedtak,
  personerFraForesporsel,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { forhaandskontroll } from './beregn.js';
import { BEREGNERE, standardRegelverk } from './register.js';

// The vedtak is validated once, before fetching (forhaandskontroll), and beregnMedPoster reuses that
// check instead of parsing the vedtak again. The reuse must never let an unchecked vedtak through.
const gull = lesGullfiler('barnehage-')[0] as { foresporsel: unknown };
const regelverk = standardRegelverk();

function parametre(foresporsel: ReturnType<typeof valider<typeof foresporselSkjema>>) {
  const beregner = BEREGNERE[foresporsel.beregningstype as Beregningstype];
  return {
    beregner,
    foresporsel,
    personer: personerFraForesporsel(foresporsel),
    regelverk,
    idag: '2026-11-27',
  };
}

describe('KontrollertVedtak', () => {
  const f = valider(foresporselSkjema, gull.foresporsel);
  const ugyldig = valider(foresporselSkjema, { ...(gull.foresporsel as object), vedtak: { barn: 'ingen' } });

  it('gives the same result as validating in beregnMedPoster', () => {
    const p = parametre(f);
    const kontrollert = forhaandskontroll(f, p.beregner);
    expect(kontrollert).toBeInstanceOf(KontrollertVedtak);
    const med = beregnMedPoster({ ...p, ...(kontrollert ? { kontrollertVedtak: kontrollert } : {}) });
    expect(JSON.stringify(med.resultat)).toBe(JSON.stringify(beregnMedPoster(p).resultat));
  });

  it('is made only by validating: a bad vedtak is refused under «vedtak»', () => {
    expect(() => forhaandskontroll(ugyldig, BEREGNERE.BARNEHAGE_SFO)).toThrow(Valideringsfeil);
    expect(() => KontrollertVedtak.kontroller(BEREGNERE.BARNEHAGE_SFO, ugyldig)).toThrow(/vedtak\.barn/);
  });

  it('counts only for the request and the area it was made for; anything else is validated again', () => {
    const gyldigKontroll = KontrollertVedtak.kontroller(BEREGNERE.BARNEHAGE_SFO, f);
    // A check of another request (with a valid vedtak) does not let this one's bad vedtak through …
    expect(() => beregnMedPoster({ ...parametre(ugyldig), kontrollertVedtak: gyldigKontroll })).toThrow(
      /vedtak\.barn/,
    );
    // … and neither does an object dressed up as a check.
    const forfalsket = Object.create(KontrollertVedtak.prototype) as KontrollertVedtak;
    expect(() => beregnMedPoster({ ...parametre(ugyldig), kontrollertVedtak: forfalsket })).toThrow(
      /vedtak\.barn/,
    );
    expect(KontrollertVedtak.for(forfalsket, BEREGNERE.BARNEHAGE_SFO, ugyldig)).toBeNull();
    expect(KontrollertVedtak.for(gyldigKontroll, BEREGNERE.PRAKTISK_BISTAND, f)).toBeNull();
    expect(KontrollertVedtak.for(gyldigKontroll, BEREGNERE.BARNEHAGE_SFO, f)).not.toBeNull();
  });
});
