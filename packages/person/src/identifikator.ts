/**
 * Norwegian person identifiers: fødselsnummer, D-nummer, H-nummer and synthetic test numbers.
 *
 * Structure d1d2 m1m2 å1å2 i1i2i3 k1 k2 (Skatteetaten, «Nytt fødselsnummer fra 2032»,
 * https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/, and the
 * official validator `foedselsEllerDNummerValidator` in Skatteetaten/folkeregisteret-api-dokumentasjon):
 *
 * - k1 weights 3 7 6 1 8 9 4 5 2 over the nine first digits, k2 weights 5 4 3 2 7 6 5 4 3 2 over the
 *   ten first (k1 included).
 * - The 1964 rule: (Σ + k1) mod 11 = 0. The rule for numbers issued from 1 January 2032 (also to people
 *   born earlier): (Σ + k1) mod 11 ∈ {0, 1, 2, 3}. k2 is unchanged: (Σ' + k2) mod 11 = 0. Systems must
 *   accept both, so we do, and say which one a number satisfies.
 * - D-nummer: day + 40 (first digit 4–7). H-nummer (helse hjelpenummer): month + 40. Synthetic numbers
 *   from Test-Norge/Tenor: month + 80 (third digit 8 or 9), control digits computed after adding 80.
 * - Neither gender nor century can be read from numbers issued under the 2032 rule; this module reads
 *   neither. The date check follows the official validator: 29 February is accepted when the two-digit
 *   year is divisible by 4.
 */

export type Identifikatortype = 'FOEDSELSNUMMER' | 'D_NUMMER' | 'H_NUMMER';
export type Kontrollsifferregel = 'REGEL_1964' | 'REGEL_2032';

export type Ugyldighetsgrunn = 'LENGDE' | 'IKKE_SIFFER' | 'DATO' | 'KONTROLLSIFFER_1' | 'KONTROLLSIFFER_2';

export interface GyldigIdentifikator {
  gyldig: true;
  identifikator: string;
  type: Identifikatortype;
  /** A synthetic test number (month + 80), as Tenor issues. Never a real person. */
  syntetisk: boolean;
  /** The rule the first control digit satisfies. */
  kontrollsifferregel: Kontrollsifferregel;
  /** Day and month of birth (without the D/H/synthetic offsets) and the two-digit year. */
  dag: number;
  maaned: number;
  aarhundreloestAar: number;
}

export interface UgyldigIdentifikator {
  gyldig: false;
  grunn: Ugyldighetsgrunn;
  /** A sentence in Norwegian saying what is wrong, without repeating the number. */
  melding: string;
}

export type Identifikatorsjekk = GyldigIdentifikator | UgyldigIdentifikator;

const VEKTER_K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const VEKTER_K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

const DAGER_I_MAANED = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function ugyldig(grunn: Ugyldighetsgrunn, melding: string): UgyldigIdentifikator {
  return { gyldig: false, grunn, melding };
}

function vektetSum(sifre: readonly number[], vekter: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < vekter.length; i++) sum += (sifre[i] as number) * (vekter[i] as number);
  return sum;
}

/** Checks an identifier and says what kind it is, or why it is invalid. */
export function sjekkIdentifikator(input: string): Identifikatorsjekk {
  if (typeof input !== 'string' || input.length !== 11) {
    return ugyldig('LENGDE', `må ha 11 sifre (har ${typeof input === 'string' ? input.length : 0})`);
  }
  if (!/^\d{11}$/.test(input)) return ugyldig('IKKE_SIFFER', 'kan bare inneholde sifrene 0–9');
  const s = [...input].map(Number);

  const foersteDagsiffer = s[0] as number;
  const foersteMaanedssiffer = s[2] as number;
  const erD = foersteDagsiffer >= 4 && foersteDagsiffer <= 7;
  let maanedOffset = 0;
  let syntetisk = false;
  let erH = false;
  if (foersteMaanedssiffer >= 8) {
    maanedOffset = 80;
    syntetisk = true;
  } else if (foersteMaanedssiffer >= 4) {
    maanedOffset = 40;
    erH = true;
  }
  const dag = Number(input.slice(0, 2)) - (erD ? 40 : 0);
  const maaned = Number(input.slice(2, 4)) - maanedOffset;
  const aar = Number(input.slice(4, 6));
  if (maaned < 1 || maaned > 12) return ugyldig('DATO', `måned ${maaned} i fødselsdatoen finnes ikke`);
  const maksDag = maaned === 2 && aar % 4 !== 0 ? 28 : (DAGER_I_MAANED[maaned - 1] as number);
  if (dag < 1 || dag > maksDag) return ugyldig('DATO', `dag ${dag} finnes ikke i måned ${maaned}`);

  const rest1 = (vektetSum(s, VEKTER_K1) + (s[9] as number)) % 11;
  let kontrollsifferregel: Kontrollsifferregel;
  if (rest1 === 0) kontrollsifferregel = 'REGEL_1964';
  else if (rest1 <= 3) kontrollsifferregel = 'REGEL_2032';
  else return ugyldig('KONTROLLSIFFER_1', 'første kontrollsiffer stemmer ikke');
  if ((vektetSum(s, VEKTER_K2) + (s[10] as number)) % 11 !== 0) {
    return ugyldig('KONTROLLSIFFER_2', 'andre kontrollsiffer stemmer ikke');
  }
  return {
    gyldig: true,
    identifikator: input,
    type: erH ? 'H_NUMMER' : erD ? 'D_NUMMER' : 'FOEDSELSNUMMER',
    syntetisk,
    kontrollsifferregel,
    dag,
    maaned,
    aarhundreloestAar: aar,
  };
}

/**
 * The same answer as `sjekkIdentifikator(input).gyldig`, without building the answer or an array of
 * digits: every request validates each person's identifier, so this is on the hot path.
 * Property-tested against sjekkIdentifikator.
 */
export function erGyldigIdentifikator(input: unknown): boolean {
  if (typeof input !== 'string' || input.length !== 11) return false;
  let sum1 = 0;
  let sum2 = 0;
  for (let i = 0; i < 11; i++) {
    const siffer = input.charCodeAt(i) - 48;
    if (siffer < 0 || siffer > 9) return false;
    if (i < 9) sum1 += siffer * (VEKTER_K1[i] as number);
    if (i < 10) sum2 += siffer * (VEKTER_K2[i] as number);
  }
  const s0 = input.charCodeAt(0) - 48;
  const s2 = input.charCodeAt(2) - 48;
  const dag = s0 * 10 + input.charCodeAt(1) - 48 - (s0 >= 4 && s0 <= 7 ? 40 : 0);
  const maaned = s2 * 10 + input.charCodeAt(3) - 48 - (s2 >= 8 ? 80 : s2 >= 4 ? 40 : 0);
  const aar = (input.charCodeAt(4) - 48) * 10 + input.charCodeAt(5) - 48;
  if (maaned < 1 || maaned > 12) return false;
  const maksDag = maaned === 2 && aar % 4 !== 0 ? 28 : (DAGER_I_MAANED[maaned - 1] as number);
  if (dag < 1 || dag > maksDag) return false;
  if ((sum1 + input.charCodeAt(9) - 48) % 11 > 3) return false;
  return (sum2 + input.charCodeAt(10) - 48) % 11 === 0;
}

const TYPENAVN: Record<Identifikatortype, string> = {
  FOEDSELSNUMMER: 'fødselsnummer',
  D_NUMMER: 'D-nummer',
  H_NUMMER: 'H-nummer',
};

/** "syntetisk fødselsnummer (kontrollsiffer etter regelen fra 2032)" */
export function beskrivIdentifikator(sjekk: GyldigIdentifikator): string {
  const regel = sjekk.kontrollsifferregel === 'REGEL_2032' ? ' (kontrollsiffer etter regelen fra 2032)' : '';
  return `${sjekk.syntetisk ? 'syntetisk ' : ''}${TYPENAVN[sjekk.type]}${regel}`;
}

/**
 * The identifier with the personal number hidden, for messages a case worker reads
 * ("048172*****"). Application logs never carry identifiers at all, not even masked.
 */
export function maskerIdentifikator(identifikator: string): string {
  if (identifikator.length <= 6) return '*'.repeat(identifikator.length);
  return `${identifikator.slice(0, 6)}${'*'.repeat(identifikator.length - 6)}`;
}

/**
 * Computes the two control digits for nine leading digits under the 1964 rule, or null when that
 * rule has no valid number (k1 or k2 would be 10). For tests and synthetic data.
 */
export function kontrollsifre(ni: string): string | null {
  if (!/^\d{9}$/.test(ni)) throw new Error('kontrollsifre trenger ni sifre');
  const s = [...ni].map(Number);
  const k1 = (11 - (vektetSum(s, VEKTER_K1) % 11)) % 11;
  if (k1 === 10) return null;
  const k2 = (11 - (vektetSum([...s, k1], VEKTER_K2) % 11)) % 11;
  if (k2 === 10) return null;
  return `${k1}${k2}`;
}
