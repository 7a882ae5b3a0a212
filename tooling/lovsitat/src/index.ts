export { erKildefil, kildefiler } from './kildefiler.js';
export { idFraRefid, type Lovfil, lesLovfil, lesLovtekster } from './lovtekster.js';
export { finnSitater, type Sitat, sitaterUnder } from './sitater.js';
export {
  type Henvisning,
  lesHenvisning,
  normaliser,
  sjekkHenvisning,
  sjekkHjemmel,
  sjekkSitat,
  sjekkSitater,
  sjekkSitatILoven,
} from './sjekk.js';
