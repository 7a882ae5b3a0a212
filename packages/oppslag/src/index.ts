export { beregnInline, type InlineKontekst } from './beregnInline.js';
export {
  type Kommuneinnstillinger,
  kommuneinnstillingerSkjema,
  validerKommuneinnstillinger,
} from './kommuneinnstillinger.js';
export { BEREGNERE, beregnerFor, standardRegelverk, standardtabeller } from './register.js';
