import type { Spraak } from './spraak.js';

/**
 * The letter's fixed texts, in bokmål and nynorsk. The type makes every text exist in both: a text
 * added to one standard only does not compile. Texts the areas own are in omraader/*.ts, typed the
 * same way. The nynorsk was written alongside the bokmål; a municipality with nynorsk as its
 * standard should have it read by its own language adviser (docs/dokument.md).
 */
export interface Brevtekster {
  vaarReferanse: string;
  dato: string;
  saksbehandler: string;
  telefon: string;
  epost: string;
  organisasjonsnummer: string;
  vedtak: string;
  begrunnelse: string;
  fakta: string;
  regler: string;
  vurderinger: string;
  klage: string;
  innsyn: string;
  spoersmaal: string;
  kopiTil: string;
  hilsen: string;
  elektroniskGodkjent: string;
  saksbehandlerTittel: string;
  inntektsaar: string;
  skatteopplysninger: string;
  personer: string;
  ikkeSkjoenn: string;
  reglerInnledning: string;
  /** "Søker" etc., by person type; the areas may name the applicant differently. */
  persontype: Record<string, string>;
  fodselsnummer: string;
  stadie: {
    OPPGJOER: (aar: number, dato?: string) => string;
    UTKAST: (aar: number) => string;
    FASTSATT: (aar: number) => string;
    forespoersel: string;
  };
  klageavsnitt: (k: {
    instans: string;
    frist: string;
    fristFra: string;
    kommune: string;
    adresse: string;
    formkrav: string;
  }) => string[];
  klagehjemmel: (hjemmel: string) => string;
  utsettelse: string;
  innsynAvsnitt: string;
  spoersmaalAvsnitt: (kontakt: string) => string;
  kontakt: (k: { telefon?: string; epost?: string }) => string;
  side: (n: number, av: number) => string;
}

const nb: Brevtekster = {
  vaarReferanse: 'Vår referanse',
  dato: 'Dato',
  saksbehandler: 'Saksbehandler',
  telefon: 'Telefon',
  epost: 'E-post',
  organisasjonsnummer: 'Org.nr.',
  vedtak: 'Vedtak',
  begrunnelse: 'Begrunnelse',
  fakta: 'Opplysningene vedtaket bygger på',
  regler: 'Reglene vedtaket bygger på',
  vurderinger: 'Vurderingen vår',
  klage: 'Du kan klage på vedtaket',
  innsyn: 'Du har rett til å se dokumentene i saken',
  spoersmaal: 'Har du spørsmål?',
  kopiTil: 'Kopi til',
  hilsen: 'Med vennlig hilsen',
  elektroniskGodkjent: 'Brevet er godkjent elektronisk og har derfor ingen håndskrevet underskrift.',
  saksbehandlerTittel: 'saksbehandler',
  inntektsaar: 'Inntektsår',
  skatteopplysninger: 'Skatteopplysninger',
  personer: 'Personer i saken',
  ikkeSkjoenn: 'Vedtaket bygger ikke på skjønn: beløpet følger av reglene og opplysningene ovenfor.',
  reglerInnledning: 'Vedtaket bygger på disse bestemmelsene:',
  persontype: {
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
  },
  fodselsnummer: 'fødselsnummer',
  stadie: {
    OPPGJOER: (aar, dato) => `skatteoppgjøret for ${aar}${dato ? `, datert ${dato}` : ''}`,
    UTKAST: (aar) => `utkastet til skattemelding for ${aar} (ikke endelig)`,
    FASTSATT: (aar) => `den fastsatte skattemeldingen for ${aar}`,
    forespoersel: 'opplysninger som er gitt i saken',
  },
  klageavsnitt: (k) => [
    `Du kan klage på vedtaket. Fristen for å klage er ${k.frist} ${k.fristFra}.`,
    `Klagen skal være skriftlig og undertegnet av deg eller av den som representerer deg (${k.formkrav}). Skriv hvilket vedtak du klager på, hva du vil ha endret, og gjerne hvorfor.`,
    `Send klagen til ${k.kommune}${k.adresse ? `, ${k.adresse}` : ''}, som har gjort vedtaket. Vi vurderer saken på nytt. Får du ikke medhold hos oss, sender vi klagen til ${k.instans}, som avgjør den.`,
  ],
  klagehjemmel: (h) => `Reglene om klagen står i ${h}.`,
  utsettelse:
    'Du kan be om at vedtaket ikke blir satt i verk før klagefristen er ute eller klagen er avgjort (forvaltningsloven § 42).',
  innsynAvsnitt:
    'Du har rett til å se dokumentene i saken, også etter at vedtaket er gjort, med de unntakene som følger av forvaltningsloven §§ 18 til 19. Kontakt oss hvis du vil se dem.',
  spoersmaalAvsnitt: (kontakt) =>
    `Har du spørsmål om vedtaket eller om hvordan du klager, kan du kontakte oss${kontakt}. Vi har plikt til å veilede deg (forvaltningsloven § 11).`,
  kontakt: (k) =>
    [
      k.telefon ? ` på telefon ${k.telefon}` : '',
      k.epost ? `${k.telefon ? ' eller' : ''} på e-post ${k.epost}` : '',
    ].join(''),
  side: (n, av) => `Side ${n} av ${av}`,
};

const nn: Brevtekster = {
  vaarReferanse: 'Vår referanse',
  dato: 'Dato',
  saksbehandler: 'Saksbehandlar',
  telefon: 'Telefon',
  epost: 'E-post',
  organisasjonsnummer: 'Org.nr.',
  vedtak: 'Vedtak',
  begrunnelse: 'Grunngiving',
  fakta: 'Opplysningane vedtaket byggjer på',
  regler: 'Reglane vedtaket byggjer på',
  vurderinger: 'Vurderinga vår',
  klage: 'Du kan klage på vedtaket',
  innsyn: 'Du har rett til å sjå dokumenta i saka',
  spoersmaal: 'Har du spørsmål?',
  kopiTil: 'Kopi til',
  hilsen: 'Med venleg helsing',
  elektroniskGodkjent: 'Brevet er godkjent elektronisk og har difor inga handskriven underskrift.',
  saksbehandlerTittel: 'saksbehandlar',
  inntektsaar: 'Inntektsår',
  skatteopplysninger: 'Skatteopplysningar',
  personer: 'Personar i saka',
  ikkeSkjoenn: 'Vedtaket byggjer ikkje på skjønn: beløpet følgjer av reglane og opplysningane ovanfor.',
  reglerInnledning: 'Vedtaket byggjer på desse føresegnene:',
  persontype: {
    SOEKER: 'Søkjar',
    EKTEFELLE: 'Ektefelle',
    PARTNER: 'Partnar',
    SAMBOER: 'Sambuar',
    BARN: 'Barn',
    SOESKEN: 'Sysken',
    MOR: 'Mor',
    FAR: 'Far',
    MEDMOR: 'Medmor',
    ANNET: 'Annan person',
  },
  fodselsnummer: 'fødselsnummer',
  stadie: {
    OPPGJOER: (aar, dato) => `skatteoppgjeret for ${aar}${dato ? `, datert ${dato}` : ''}`,
    UTKAST: (aar) => `utkastet til skattemelding for ${aar} (ikkje endeleg)`,
    FASTSATT: (aar) => `den fastsette skattemeldinga for ${aar}`,
    forespoersel: 'opplysningar som er gitt i saka',
  },
  klageavsnitt: (k) => [
    `Du kan klage på vedtaket. Fristen for å klage er ${k.frist} ${k.fristFra}.`,
    `Klaga skal vere skriftleg og underskriven av deg eller av den som representerer deg (${k.formkrav}). Skriv kva vedtak du klagar på, kva du vil ha endra, og gjerne kvifor.`,
    `Send klaga til ${k.kommune}${k.adresse ? `, ${k.adresse}` : ''}, som har gjort vedtaket. Vi vurderer saka på nytt. Får du ikkje medhald hos oss, sender vi klaga til ${k.instans}, som avgjer ho.`,
  ],
  klagehjemmel: (h) => `Reglane om klaga står i ${h}.`,
  utsettelse:
    'Du kan be om at vedtaket ikkje blir sett i verk før klagefristen er ute eller klaga er avgjord (forvaltningslova § 42).',
  innsynAvsnitt:
    'Du har rett til å sjå dokumenta i saka, også etter at vedtaket er gjort, med dei unntaka som følgjer av forvaltningslova §§ 18 til 19. Kontakt oss om du vil sjå dei.',
  spoersmaalAvsnitt: (kontakt) =>
    `Har du spørsmål om vedtaket eller om korleis du klagar, kan du kontakte oss${kontakt}. Vi har plikt til å rettleie deg (forvaltningslova § 11).`,
  kontakt: (k) =>
    [
      k.telefon ? ` på telefon ${k.telefon}` : '',
      k.epost ? `${k.telefon ? ' eller' : ''} på e-post ${k.epost}` : '',
    ].join(''),
  side: (n, av) => `Side ${n} av ${av}`,
};

export const BREVTEKSTER: Readonly<Record<Spraak, Brevtekster>> = { nb, nn };
