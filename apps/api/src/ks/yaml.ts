import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import { strToU8, zipSync } from 'fflate';
import { stringify } from 'yaml';
import { postdefinisjonFor, visningFor } from '../innhold/postdefinisjon.js';

/**
 * KS's «yaml» download: a ZIP with two files for the beregningstype and year, the one prefixed
 * «beregning» with every post the beregning uses and how they are grouped and signed, the one
 * prefixed «visning» with every post from Skatteetaten the area shows and its display group
 * (ks-no.github.io, «YAML-filer»). KS does not publish the files' inner format; ours is the post
 * definition and the display list as our API gives them.
 */
export function yamlZip(
  type: Beregningstype,
  aar: number,
  tidspunkt: Date,
): { filnavn: string; zip: Uint8Array } {
  const beregning = stringify(postdefinisjonFor(type, aar), { lineWidth: 0 });
  const visning = stringify(visningFor(type, aar), { lineWidth: 0 });
  const zip = zipSync(
    {
      [`beregning-${type}-${aar}.yaml`]: strToU8(beregning),
      [`visning-${type}-${aar}.yaml`]: strToU8(visning),
    },
    { mtime: tidspunkt },
  );
  return { filnavn: `skatteoginntektsopplysninger-${type}-${aar}.zip`, zip };
}
