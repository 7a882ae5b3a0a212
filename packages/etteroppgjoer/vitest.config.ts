import { pakkeConfig } from '@inntektsgrunnlag/vitest-config';

export default pakkeConfig();
