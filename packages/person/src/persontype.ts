import { z } from 'zod';
import { sjekkIdentifikator } from './identifikator.js';

/**
 * The role a person has in a request, with KS Fiks's names: the applicant or resident (SOEKER), the
 * spouse, registered partner or cohabitant (EKTEFELLE, PARTNER, SAMBOER), children, and others.
 * Which roles an area accepts, and how it counts them, is the area's rule.
 */
export const PERSONTYPER = [
  'SOEKER',
  'EKTEFELLE',
  'PARTNER',
  'SAMBOER',
  'BARN',
  'SOESKEN',
  'MOR',
  'FAR',
  'MEDMOR',
  'ANNET',
] as const;
export type Persontype = (typeof PERSONTYPER)[number];

export const PERSONTYPE_TEKST: Record<Persontype, string> = {
  SOEKER: 'Søker',
  EKTEFELLE: 'Ektefelle',
  PARTNER: 'Partner',
  SAMBOER: 'Samboer',
  BARN: 'Barn',
  SOESKEN: 'Søsken',
  MOR: 'Mor',
  FAR: 'Far',
  MEDMOR: 'Medmor',
  ANNET: 'Annen person',
};

/** The spouse, registered partner or cohabitant: the three names KS uses for the same household role. */
export const PARTNERTYPER: ReadonlySet<Persontype> = new Set(['EKTEFELLE', 'PARTNER', 'SAMBOER']);

export const persontypeSkjema = z.enum(PERSONTYPER, {
  error: () => `må være en av ${PERSONTYPER.join(', ')}`,
});

/** zod schema for an identifier field: 11 digits with valid control digits, the reason in the message. */
export const identifikatorSkjema = z
  .string({ error: 'må være en tekst med 11 sifre' })
  .superRefine((verdi, ctx) => {
    const sjekk = sjekkIdentifikator(verdi);
    if (!sjekk.gyldig) ctx.addIssue({ code: 'custom', message: `ugyldig identifikator: ${sjekk.melding}` });
  })
  .describe('Fødselsnummer, D-nummer eller H-nummer (11 sifre)');
