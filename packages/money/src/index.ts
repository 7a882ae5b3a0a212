export { type Enhet, ROUNDING_MODES, type RoundingMode } from './avrunding.js';
export { Beloep, type FormatValg } from './beloep.js';
export { type Heltall, UgyldigBeloepError } from './heltall.js';
export { Sats } from './sats.js';
