import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINGERAVTRYKKFIL, type Fingeravtrykk, lagFingeravtrykk } from './fingeravtrykk.js';

describe('what the CLI writes for the benchmark cases', () => {
  it('is byte for byte the same as recorded (fingeravtrykk.json)', async () => {
    const forventet = JSON.parse(readFileSync(FINGERAVTRYKKFIL, 'utf8')) as Fingeravtrykk;
    const faktisk = await lagFingeravtrykk();
    expect(
      faktisk,
      'Resultatene for benchmarktilfellene er endret. En ytelsesendring skal gi de samme bytene; ' +
        'er endringen en tilsiktet regel- eller satsendring (med changeset), skriv nytt fingeravtrykk: ' +
        'pnpm --filter @inntektsgrunnlag/bench fingeravtrykk',
    ).toEqual(forventet);
  }, 120_000);
});
