import type { Innloggingsfeil } from '../api/typer';
import { satserNb } from './satser';

/**
 * Every text the web app shows, in bokmål. Components read texts only from here, so a nynorsk
 * module (nn.ts) with the same shape (`Tekster`) can follow without touching a component.
 */
export const nb = {
  app: {
    navn: 'Inntektsgrunnlag',
    undertittel: 'Inntektsgrunnlag og egenandel fra skatteoppgjøret',
    hoppTilInnhold: 'Hopp til hovedinnholdet',
    laster: 'Laster …',
    innloggetSom: 'Innlogget som',
    rolle: 'Rolle',
    byttRolle: 'Bytt rolle',
    loggUt: 'Logg ut',
    bunntekst:
      'Inntektsgrunnlag beregner grunnlaget og egenandelen etter regelverket, og forklarer hvert tall med hjemmelen bak.',
    innebygdMerknad:
      'Demomodus: syntetiske personer fra den innebygde populasjonen, aldri ekte skatteopplysninger.',
  },
  innlogging: {
    tittel: 'Logg inn',
    innebygdIngress:
      'Velg en demobruker. Hver bruker har rollene som står under navnet; rollen bestemmer hvilket tjenesteområde du kan beregne for.',
    demobrukere: 'Demobrukere',
    loggInnSom: (navn: string) => `Logg inn som ${navn}`,
    roller: 'Roller',
    ingenRoller: 'Ingen roller',
    avregning: 'med avregning',
    produksjonIngress: 'Logg inn med kommunens innlogging for å bruke Inntektsgrunnlag.',
    loggInn: 'Logg inn',
    ingenBrukere: 'Det finnes ingen demobrukere.',
    feilTittel: 'Du ble ikke logget inn',
    // One per code in docs/innlogging.md («Koder i ?innloggingsfeil=»): what happened and what to do.
    feilkoder: {
      AVBRUTT: 'Innloggingen ble avbrutt eller avvist hos innloggingstjenesten. Prøv å logge inn på nytt.',
      UGYLDIG_TILSTAND:
        'Innloggingen tok for lang tid, eller den ble startet i en annen fane eller nettleser. Prøv å logge inn på nytt herfra.',
      UTSTEDER_UTILGJENGELIG:
        'Vi fikk ikke kontakt med kommunens innloggingstjeneste. Prøv igjen om litt. Hvis feilen varer, kontakt brukerstøtte.',
      TOKEN_AVVIST:
        'Innloggingstjenesten godtok ikke innloggingen fra Inntektsgrunnlag. Prøv å logge inn på nytt. Hvis feilen varer, kontakt brukerstøtte.',
      ID_TOKEN_UGYLDIG:
        'Svaret fra innloggingstjenesten kunne ikke bekreftes, så du ble ikke logget inn. Prøv på nytt. Hvis feilen varer, kontakt brukerstøtte.',
      BRUKER_UKJENT:
        'Du er ikke registrert som bruker av Inntektsgrunnlag. Be kommunens tilgangsforvalter om tilgang.',
      BRUKER_TVETYDIG:
        'Innloggingen passer til flere brukere i Inntektsgrunnlag, så vi vet ikke hvem du er. Kontakt kommunens tilgangsforvalter.',
      BRUKER_INAKTIV:
        'Brukeren din i Inntektsgrunnlag er deaktivert. Kontakt kommunens tilgangsforvalter hvis du fortsatt skal ha tilgang.',
    } satisfies Record<Innloggingsfeil, string>,
    feilUkjent: 'Innloggingen mislyktes. Prøv å logge inn på nytt. Hvis feilen varer, kontakt brukerstøtte.',
  },
  rollevalg: {
    tittel: 'Velg rolle',
    ingress: 'Du har flere roller. Velg rollen du skal arbeide i nå; tjenesteområdet følger av rollen.',
    legend: 'Rolle',
    fortsett: 'Fortsett',
    ingenRoller:
      'Brukeren din har ingen roller i Inntektsgrunnlag. Be kommunens tilgangsforvalter om en rolle, og logg inn på nytt.',
    velgEn: 'Velg en rolle',
    beregningstype: 'Beregningstype',
  },
  beregningstyper: {
    BARNEHAGE_SFO: 'Redusert foreldrebetaling i barnehage og SFO',
    PRAKTISK_BISTAND: 'Egenandel for praktisk bistand',
    LANGTIDSOPPHOLD_INSTITUSJON: 'Vederlag for langtidsopphold i institusjon',
  },
  persontyper: {
    SOEKER: 'Søker',
    EKTEFELLE: 'Ektefelle',
    PARTNER: 'Registrert partner',
    SAMBOER: 'Samboer',
    BARN: 'Barn',
    SOESKEN: 'Søsken',
    MOR: 'Mor',
    FAR: 'Far',
    MEDMOR: 'Medmor',
    ANNET: 'Annen person',
  },
  skjema: {
    tittel: 'Beregning',
    stegAar: 'Inntektsår og dato',
    inntektsaar: 'Inntektsår',
    inntektsaarBeskrivelse: 'Året skatteopplysningene gjelder. Standard er det siste året med skatteoppgjør.',
    ingenAar: 'Fant ingen inntektsår for denne beregningstypen.',
    beregningsdato: 'Beregningsdato (valgfri)',
    beregningsdatoBeskrivelse:
      'Datoen satsene skal gjelde fra, vanligvis vedtaksdatoen. Uten dato brukes dagens dato.',
    stegPersoner: 'Husstanden',
    soeker: 'Søker',
    soekerFnr: 'Fødselsnummer',
    soekerBeskrivelse: 'Søkerens fødselsnummer eller D-nummer, 11 sifre.',
    partnerLegend: 'Ektefelle, partner eller samboer',
    partnerFinnes: 'Søkeren har ektefelle, registrert partner eller samboer',
    partnerType: 'Forhold til søkeren',
    partnerFnr: 'Fødselsnummer til ektefelle, partner eller samboer',
    barnLegend: 'Barn i husstanden',
    // @lovtekst FOR-2011-12-16-1349 § 10 tredje ledd
    // «Til husstanden regnes bare ektefeller eller samboere og i tillegg barn under 18 år, dersom hjelpen ytes på
    // grunnlag av barnets omsorgs- eller pleiebehov.»
    barnBeskrivelse:
      'Barn under 18 år tas med bare når hjelpen gis på grunn av barnets omsorgs- eller pleiebehov (egenandelsforskriften § 10 tredje ledd).',
    barnFnr: (nr: number) => `Fødselsnummer til barn ${nr}`,
    leggTilBarn: 'Legg til barn',
    fjernBarn: (nr: number) => `Fjern barn ${nr}`,
    stegEkstraposter: 'Manuelle poster',
    ekstraposterIngress:
      'Inntekter og fradrag som ikke står i skatteoppgjøret, for eksempel fra NAV eller kommunen. Tomme felt regnes ikke med. Oppgi kroner, for eksempel 12 500 eller 12 500,50.',
    ekstraposterFor: (hvem: string) => `Manuelle poster for ${hvem}`,
    ingenEkstraposter: 'Denne beregningstypen har ingen manuelle poster.',
    stegVedtak: 'Opplysninger fra vedtaket',
    avregning: 'Ta med avregning (skatt til gode, restskatt og innbetalt skatt)',
    avregningBeskrivelse: 'Rollen din gir tilgang til avregning. Ta den bare med når saken trenger den.',
    beregn: 'Beregn',
    beregner: 'Beregner …',
    nullstill: 'Ny beregning',
    endretEtterResultat:
      'Du har endret manuelle poster eller vedtaket etter beregningen. Trykk «Beregn» for å oppdatere resultatet; skatteopplysningene hentes ikke på nytt.',
  },
  husstand: {
    hent: 'Hent husstand',
    henter: 'Henter husstanden fra Folkeregisteret …',
    beskrivelse:
      'Henter ektefelle eller registrert partner og, der tjenesten tar dem med, barna fra Folkeregisteret. Oppslaget føres i revisjonsloggen. Kontroller forslagene før du bruker dem.',
    tittel: 'Forslag fra Folkeregisteret',
    ingenForslag:
      'Folkeregisteret har ingen ektefelle, registrert partner eller barn å foreslå for denne tjenesten.',
    ta: (hvem: string) => `Ta med ${hvem}`,
    bruk: 'Fyll inn valgte',
    brukt: 'De valgte personene er fylt inn. Kontroller dem før du beregner.',
    ikkeBrukt: (hvem: string) =>
      `${hvem} ble ikke fylt inn: tjenesten eller valgene i skjemaet tar ikke med denne personen.`,
    relasjon: {
      gift: 'ektefelle',
      registrertPartner: 'registrert partner',
      barn: 'barn',
    } as Record<string, string>,
    foedt: (dato: string) => `født ${dato}`,
    vedtaksbarn: 'legges i vedtakets barneliste',
    ukjentNavn: 'navn ikke hentet',
    feil: 'Husstanden kunne ikke hentes',
  },
  person: {
    sjekker: 'Kontrollerer …',
    henterNavn: 'Henter navn fra Folkeregisteret …',
    navnFra: 'Navn i Folkeregisteret:',
    ukjentNavn: 'Navnet kunne ikke hentes fra Folkeregisteret.',
    skjermet: 'Adressebeskyttelse',
    skjermetMerknad: 'Personen har adressebeskyttelse. Behandle saken etter rutinene for skjermede personer.',
    ikkeFunnet: 'Fant ingen person med dette nummeret i Folkeregisteret. Kontroller nummeret.',
    syntetisk: 'syntetisk testperson',
  },
  identifikator: {
    mangler: (felt: string) => `Skriv inn ${felt.toLowerCase()}.`,
    ugyldig: (grunn: string) =>
      `Nummeret er ikke gyldig: ${grunn}. Kontroller at alle 11 sifrene er riktige.`,
    forKort: (antall: number) => `Fødselsnummeret har 11 sifre. Du har skrevet ${antall}.`,
    bareSifre: 'Fødselsnummeret kan bare inneholde sifre.',
    duplikat: 'Samme person står to ganger. Hver person skal bare være med én gang.',
  },
  vedtak: {
    barnehage: {
      barnLegend: (nr: number) => `Barn ${nr}`,
      barnIngress:
        'Barna i husstanden som har plass i barnehage eller SFO. Prisen er kommunens eller barnehagens månedspris for plassen, uten kost.',
      tilbud: 'Tilbud',
      BARNEHAGE: 'Barnehage',
      SFO: 'SFO',
      foedselsdato: 'Barnets fødselsdato',
      prisPerMaaned: 'Pris per måned (kroner)',
      oppholdstimerPerUke: 'Avtalt oppholdstid, timer per uke (valgfri)',
      oppholdstimerBeskrivelse: 'Trengs når gratis kjernetid skal verdsettes. For eksempel 41 eller 37,5.',
      trinn: 'Årstrinn',
      velgTrinn: 'Velg årstrinn',
      trinnValg: (n: number) => `${n}. trinn`,
      leggTilBarn: 'Legg til barn med plass',
      fjernBarn: (nr: number) => `Fjern barn ${nr}`,
      saerlegeBehov: 'Eleven har særlege behov',
      // @lovtekst FOR-2024-06-03-900 § 2-3 første ledd
      // «Kommunen skal gi tilbod om gratis skolefritidsordning for elevar med særlege behov på 5. til 7. trinn.»
      // @lovtekst FOR-2024-06-03-900 § 2-3 andre ledd
      // «Kommunen kan krevje betaling for kost.»
      saerlegeBehovBeskrivelse:
        'Gir gratis SFO på 5.–7. trinn (opplæringsforskrifta § 2-3). Kost kan komme i tillegg.',
      sone: 'Prissone for barnehage',
      soneBeskrivelse:
        'Normalt kommunens egen sone (kommuneinnstilling). Velg en annen bare for en plass i en barnehage i en kommune i en annen sone.',
      soner: {
        '': 'Kommunens sone (kommuneinnstilling)',
        ORDINAER: 'Ordinær',
        SENTRALITET_5_6: 'Sentralitetssone 5–6 (minst sentrale kommuner)',
        INNSATSSONE: 'Innsatssonen (tiltakssonen) i Finnmark og Nord-Troms',
      },
      soeknadLegend: 'Husstanden har søkt om',
      soektRedusertForeldrebetaling: 'Redusert foreldrebetaling (høyst 6 % av inntekten)',
      soektGratisKjernetid: 'Gratis kjernetid (20 timer i barnehage for barn fra 2 år)',
      // @lovtekst FOR-2005-12-16-1478 § 3d første ledd
      // «En husholdning kan søke om reduksjon i foreldrebetalingen og gratis kjernetid til kommunen.»
      soeknadBeskrivelse:
        'Reduksjonene gis etter søknad (forskrift om foreldrebetaling i barnehager § 3d første ledd). Uten søknad om gratis kjernetid trengs ikke inntektsgrensen.',
    },
    langtidsopphold: {
      innflyttingsdato: 'Innflyttingsdato (valgfri)',
      innflyttingsdatoBeskrivelse:
        'Dagen beboeren flyttet inn på langtidsplassen. Gir den betalingsfrie første måneden.',
      direkteFraInstitusjonFraOgMed: 'Flyttet direkte fra annen institusjon: første dag der (valgfri)',
      direkteFraInstitusjonBeskrivelse:
        'Den tiden regnes med i den betalingsfrie måneden (egenandelsforskriften § 6 første ledd). Krever innflyttingsdato.',
      forsoergerHjemme: 'Forsørger hjemme (§ 5 første ledd)',
      forsoergerHjemmeBeskrivelse:
        'Hjemmeboende ektefelle eller mindreårig barn, eller barn over 18 år beboeren forsørger: da trekkes forsørgerfradraget og halvparten av beboerens pensjoner fra (egenandelsforskriften § 5 andre og tredje ledd).',
      forsoergerHjemmeValg: {
        '': 'Som forespørselen sier (ja når beboeren har ektefelle, partner eller samboer)',
        ja: 'Ja',
        nei: 'Nei (for eksempel når ektefellen ikke bor hjemme)',
      },
      korttidsdoegnSammeAar: 'Døgn på korttidsopphold tidligere samme år',
      // @lovtekst FOR-2011-12-16-1349 § 6 tredje ledd
      // «Har beboeren hatt flere korttidsopphold kan kommunen kreve egenandel etter § 3 når vedkommende har vært på
      // institusjon i minst 60 døgn pr. kalenderår.»
      korttidsdoegnBeskrivelse:
        'Døgn etter det 60. i kalenderåret betales etter reglene for langtidsopphold (egenandelsforskriften § 6 tredje ledd).',
      dobbeltrom: 'Beboeren er lagt på dobbeltrom uten selv å ønske det',
      // @lovtekst FOR-2011-12-16-1349 § 3 andre ledd
      // «Beboer som, uten selv å ønske det, legges på dobbeltrom skal ved beregningen tilstås et fribeløp på kroner
      // … pr. år.»
      dobbeltromBeskrivelse: 'Da gjelder det høyere fribeløpet (egenandelsforskriften § 3 annet ledd).',
      oppholdskostnadPerMaaned: 'Oppholdskostnad per måned (kroner, valgfri)',
      // @lovtekst FOR-2011-12-16-1349 § 3 første ledd
      // «Egenandelen må ikke overstige de reelle oppholdsutgifter.»
      oppholdskostnadBeskrivelse:
        'De reelle oppholdsutgiftene ved institusjonen per måned, uten kapitalutgifter (egenandelsforskriften § 3 første ledd). Vederlaget blir aldri høyere.',
      boutgifterAntallMaaneder: 'Måneder med utgifter til egen bolig (valgfri)',
      boutgifterBeskrivelse: 'Måneder etter innflyttingen beboeren har hatt boutgifter. Høyst 12.',
      korttidsLegend: 'Korttidsopphold som skal betales (valgfritt)',
      korttidsDoegn: 'Døgn på korttidsopphold',
      korttidsDagNatt: 'Dag- eller nattopphold',
    },
    praktiskBistand: {
      hjelpGrunnetBarnsBehov: 'Hjelpen gis på grunn av et barns omsorgs- eller pleiebehov',
      // Egenandelsforskriften § 10 tredje ledd, quoted at barnBeskrivelse above.
      hjelpGrunnetBarnsBehovBeskrivelse:
        'Bare da kan barn under 18 år i husstanden tas med (egenandelsforskriften § 10 tredje ledd).',
      timerPerMaaned: 'Timer praktisk bistand per måned (valgfri)',
      timerBeskrivelse: 'Timene vedtaket gir per måned. For eksempel 12 eller 12,5.',
      kostnadPerTime: 'Kostnad per time (kroner, valgfri)',
      kostnadBeskrivelse: 'Hva en time koster kommunen (selvkost). Timer × kostnad er taket for egenandelen.',
      timerAvrundes: 'Timene rundes av til nærmeste halvtime (egenandelsforskriften § 9 andre ledd).',
      foreslaattInntektsaar: (aar: number, vedtaksaar: number) =>
        `Foreslått inntektsår: ${aar}, den siste skatteligningen som var tilgjengelig 1. januar ${vedtaksaar} (egenandelsforskriften § 10 første ledd).`,
      inntektsaarAarsak: 'Hvorfor et annet inntektsår',
      inntektsaarAarsakBeskrivelse:
        'Siste skatteligning tilgjengelig 1. januar skal brukes med mindre inntekten er vesentlig endret (egenandelsforskriften § 10 første ledd).',
      inntektsaarAarsaker: {
        '': 'Velg grunn',
        VESENTLIG_ENDRET_INNTEKT: 'Inntekten er vesentlig endret',
        NY_LIKNING: 'Vedtaket oppdateres etter ny likning (§ 10 femte ledd)',
        LIKNING_MANGLER: 'Skatteligningen for det foreslåtte året mangler',
      },
      inntektsaarForklaring: 'Forklaring',
      inntektsaarForklaringBeskrivelse: 'Hva er endret, og hvorfor dette året. Står i resultatet.',
      partnerUtenforHusstanden: 'Ektefellen, partneren eller samboeren regnes ikke med i husstanden',
      partnerUtenforHusstandenBeskrivelse:
        'Inntekten holdes da utenfor (egenandelsforskriften § 10 fjerde ledd).',
      utenforHusstandenGrunner: {
        '': 'Regnes med i husstanden',
        LANGTIDSOPPHOLD: 'Betaler egenandel for langtidsopphold i institusjon',
        AVKORTEDE_TRYGDEYTELSER: 'Får avkortede trygdeytelser på grunn av opphold utenfor hjemmet',
      },
      prisPerMaaned: 'Kommunens pris per måned (kroner, valgfri)',
      prisBeskrivelse:
        'Prisen etter kommunens satser, for eksempel et abonnement. Holdes mot selvkost og utgiftstaket (egenandelsforskriften § 9 første ledd).',
      beholderTilstrekkeligMaks: 'Høyeste beløp personen kan betale og beholde nok (kroner, valgfri)',
      beholderBeskrivelse:
        'Din vurdering av hva personen kan betale og likevel dekke personlige behov og forsørgeransvar (egenandelsforskriften § 9 tredje ledd).',
    },
  },
  validering: {
    oppsummering: 'For å gå videre må du rette opp følgende feil:',
    velgAar: 'Velg inntektsår.',
    dato: 'Skriv inn en gyldig dato.',
    kroner: 'Skriv inn et beløp i kroner, for eksempel 12 500 eller 12 500,50.',
    kronerIkkeNegativ: 'Beløpet kan ikke være negativt.',
    kronerPositiv: 'Beløpet må være mer enn 0.',
    heltall: 'Skriv inn et helt tall, for eksempel 12.',
    maks: (maks: number) => `Tallet kan ikke være mer enn ${maks}.`,
    timer: 'Skriv inn antall timer, for eksempel 37,5.',
    timerUgyldig: 'Antall timer må være mer enn 0 og høyst 60 per uke.',
    mangler: 'Fyll ut feltet.',
    velgTilbud: 'Velg barnehage eller SFO.',
    velgTrinn: 'Velg årstrinn for SFO-plassen.',
    minstEttBarn: 'Legg til minst ett barn med plass i barnehage eller SFO.',
    timerForKostnad: 'Oppgi timer per måned når du oppgir kostnad per time.',
    velgInntektsaarGrunn: 'Velg hvorfor et annet inntektsår enn det foreslåtte brukes.',
    forklaringEndretInntekt: 'Skriv hva som er vesentlig endret i inntekten.',
    feltFra: (felt: string, melding: string) => `${felt}: ${melding}`,
  },
  resultat: {
    tittel: 'Resultat',
    oppdatert: 'Resultatet er oppdatert.',
    beregningsgrunnlag: 'Beregningsgrunnlag',
    avgiftIkkeBeregnet: 'Avgiften er ikke beregnet. Se merknadene under.',
    personer: 'Personer',
    identifikator: 'Fødselsnummer',
    navn: 'Navn',
    type: 'Rolle i saken',
    grunnlagFra: 'Grunnlag',
    stadier: { OPPGJOER: 'Skatteoppgjør', UTKAST: 'Utkast til skattemelding' } as Record<string, string>,
    skatteoppgjoersdato: 'Skatteoppgjør',
    oppgittIForespoersel: 'Oppgitt i forespørselen',
    advarsler: 'Merknader',
    lastNedPdf: 'Last ned PDF',
    lagerPdf: 'Lager PDF …',
    pdfLastet: 'PDF-en er lastet ned.',
    kopierJson: 'Kopier som JSON',
    kopiert: 'Resultatet er kopiert som JSON.',
    kopieringFeilet: 'Kunne ikke kopiere. Nettleseren tillot ikke tilgang til utklippstavlen.',
    skrivUt: 'Skriv ut',
    beregningstabell: 'Beregningstabell',
    kolSteg: 'Steg',
    kolSats: 'Sats',
    kolBeloep: 'Beløp',
    kolHjemmel: 'Hjemmel',
    eksakt: (v: string) => `eksakt ${v}`,
    grunnlag: 'Grunnlaget per person',
    inntekt: 'Inntekt',
    fradrag: 'Fradrag',
    mellomregninger: 'Mellomregninger',
    kolPost: 'Post',
    kolSum: 'Sum',
    sumPerPerson: 'Sum per person',
    ingenPoster: 'Ingen poster.',
    visningsposter: 'Alle poster fra skatteoppgjøret',
    visningsposterIngress: 'Postene området kan bruke, gruppert som hos KS. Åpne en gruppe for å se postene.',
    kategorier: {
      INNTEKT: 'Inntekt',
      FRADRAG: 'Fradrag',
      FORMUE: 'Formue',
      GJELD: 'Gjeld',
      ANNET: 'Annet',
    } as Record<string, string>,
    postgruppe: (gruppe: string) => `${gruppe}: alle poster`,
    antallPoster: (n: number) => (n === 1 ? '1 post' : `${n} poster`),
    ukjentPost: 'Ukjent post',
    avregning: 'Avregning',
    avregningIngress: 'Skatt til gode, restskatt og innbetalt skatt fra skatteoppgjøret.',
    ingenAvregning: 'Skatteetaten har ingen avregning for personene dette året.',
    utfoert: 'Utført',
    utfoertAv: (navn: string, tid: string) => `Beregnet av ${navn} ${tid}.`,
    grunnlagHentet: 'Skatteopplysningene er hentet fra Skatteetaten nå.',
    grunnlagGjenbrukt: (tid: string) =>
      `Beregnet på nytt uten nytt oppslag, på skatteopplysningene hentet ${tid}.`,
    grunnlagForespoersel: 'Postene var oppgitt i forespørselen.',
    beregningsdato: (dato: string, dagens: boolean) =>
      dagens ? `Satser per ${dato} (dagens dato).` : `Satser per ${dato}.`,
    operasjoner: {
      ADDERE: 'pluss',
      SUBTRAHERE: 'minus',
      MULTIPLISERE: 'ganger',
      DIVIDERE: 'delt på',
      MINIMUM: 'minst av',
      MAKSIMUM: 'høyst',
      AVRUNDE: 'avrundet',
      RESULTAT: 'er lik',
      INFO: '',
    } as Record<string, string>,
  },
  /** Short names of the warning codes the case worker meets; an unknown code shows its message alone. */
  vedtaksbrev: {
    tittel: 'Vedtaksbrev',
    ingress:
      'Brevet til innbyggeren: vedtaket, opplysningene og reglene det bygger på, vurderingen din og klageadgangen. Forhåndsvis, rett vurderingen og last ned brevet som PDF/A.',
    maalform: 'Målform',
    maalformBeskrivelse: 'Uten valg får brevet kommunens målform.',
    bokmaal: 'Bokmål',
    nynorsk: 'Nynorsk',
    vurderinger: 'Vurderingen vår (hovedhensyn der du har brukt skjønn)',
    // @lovtekst LOV-1967-02-10 § 25 tredje ledd
    // «De hovedhensyn som har vært avgjørende ved utøving av forvaltningsmessig skjønn, bør nevnes.»
    vurderingerBeskrivelse:
      'Står i brevet under «Vurderingen vår» (forvaltningsloven § 25 tredje ledd). Må fylles ut når kommunen har lagt inn poster i beregningen. En tom linje gir nytt avsnitt. Skriv ikke fødselsnumre.',
    gjelderFra: 'Vedtaket gjelder fra (valgfri)',
    gjelderFraBeskrivelse: 'Uten dato: beregningsdatoen, og for langtidsopphold første dag med vederlag.',
    forhaandsvis: 'Forhåndsvis vedtaksbrev',
    lagerForhaandsvisning: 'Lager forhåndsvisning …',
    forhaandsvisningKlar: 'Forhåndsvisningen av vedtaksbrevet er oppdatert.',
    forhaandsvisning: 'Forhåndsvisning av vedtaksbrevet',
    lastNed: 'Last ned vedtaksbrev (PDF)',
    lagerPdf: 'Lager vedtaksbrevet …',
    pdfLastet: 'Vedtaksbrevet er lastet ned.',
    utdatert: 'Feltene er endret etter forhåndsvisningen. Forhåndsvis på nytt for å se brevet slik det blir.',
    feilTittel: 'Vedtaksbrevet kunne ikke lages',
    mottakerSkjermet: 'Mottakeren har adressebeskyttelse: brevet har ingen navn eller adresse.',
  },
  advarselskoder: {
    UTKAST_BRUKT: 'Utkast brukt',
    SKJERMET_PERSON: 'Skjermet person',
    UKJENT_POST: 'Ukjent post',
    AVREGNING_IKKE_TILLATT: 'Avregning ikke tillatt',
    AVREGNING_MANGLER: 'Avregning mangler',
    AVGIFT_IKKE_BEREGNET: 'Avgiften er ikke beregnet',
    BEREGNET_SKATT_MANGLER: 'Beregnet skatt mangler',
    NAVN_IKKE_HENTET: 'Navn ikke hentet',
    AVGIFT_HOLDT_TILBAKE: 'Avgiften er holdt tilbake',
    BEREGNET_SKATT_IKKE_HENTET: 'Beregnet skatt ikke hentet',
    BEREGNET_SKATT_SKJERMET: 'Beregnet skatt skjermet',
    AVREGNING_IKKE_HENTET: 'Avregning ikke hentet',
    AVREGNING_IKKE_TILGANG: 'Ingen tilgang til avregning',
    AVREGNING_SKJERMET: 'Avregning skjermet',
    GRUNNLAG_UTENFOR_FASTLAND: 'Grunnlag utenfor fastlandet',
    SYNTETISKE_DATA: 'Syntetiske data',
    FORELOEPIG_VEDERLAG: 'Foreløpig vederlag',
    OPPHOLDSKOSTNAD_IKKE_OPPGITT: 'Oppholdskostnad mangler',
    TENKT_ETTERLATTEPENSJON_MANGLER: 'Tenkt etterlattepensjon mangler',
    INGEN_KOMMUNALE_TRINN: 'Ingen kommunale trinn',
    UKJENT_POST_HOLDT_TILBAKE: 'Ukjent post holdt tilbake',
    TRINN_UNDER_NASJONALT_TAK: 'Kommunens trinn under nasjonal sats',
    SATS_EN_KILDE: 'Satsen bygger på én kilde',
    MULIG_DOBBELTTELLING: 'Mulig dobbelttelling',
    NEGATIV_INNTEKTSPOST: 'Negativ inntektspost',
    INGEN_INNTEKT: 'Ingen inntekt',
    NEGATIVT_GRUNNLAG: 'Negativt grunnlag',
    SONE_UTEN_EGEN_MAKSPRIS: 'Sonen har ingen egen maksimalpris',
    KOMMUNESATS_BRUKT: 'Sats lagt inn av kommunen',
    SFO_SAERSKILTE_BEHOV: 'SFO ved særlege behov',
    SOESKENREKKEFOELGE_FORSKRIFTEN: 'Forskriftens søskenrekkefølge brukt',
  } as Record<string, string>,
  arkiv: {
    tittel: 'Arkivering',
    ingressFiksArkiv: 'Send beregningen til kommunens arkiv gjennom Fiks Arkiv, eller last ned arkivpakken.',
    ingressUtenArkiv:
      'Kommunens arkiv er ikke koblet til Inntektsgrunnlag. Last ned arkivpakken og importer den i arkivet.',
    journalpost: 'Journalpost',
    typer: {
      X: 'Notat uten oppfølging',
      N: 'Notat for oppfølging',
      U: 'Utgående brev',
    } as Record<'U' | 'X' | 'N', string>,
    typebeskrivelse: {
      X: 'Beregningen journalføres alene, som organinternt notat.',
      N: 'Beregningen journalføres alene, som organinternt notat til oppfølging.',
      U: 'Vedtaksbrevet er hoveddokument og beregningen vedlegg. Brevet lages med målformen, vurderingene og datoen du har fylt inn under «Vedtaksbrev».',
    } as Record<'U' | 'X' | 'N', string>,
    saksmappe: 'Saksmappe',
    eksisterende: 'Eksisterende sak',
    ny: 'Ny sak',
    nyBeskrivelse: 'Arkivet oppretter en ny sak for søkeren.',
    saksnummer: 'Saksnummer',
    saksnummerBeskrivelse: 'År og løpenummer, for eksempel 2026/123',
    saksnummerFeil: 'Skriv saksnummeret som år og løpenummer, for eksempel 2026/123',
    partnavn: 'Søkerens navn i arkivet',
    partnavnBeskrivelse: 'Navnet er ikke hentet fra Folkeregisteret fordi opplysningene ble oppgitt.',
    partnavnFeil: 'Skriv søkerens navn',
    send: 'Send til arkiv',
    sender: 'Sender …',
    lastNed: 'Last ned arkivpakke',
    lasterNed: 'Lager arkivpakken …',
    lastetNed: 'Arkivpakken er lastet ned.',
    sendIgjen: 'Send igjen',
    venter: 'Sendt til arkivet. Venter på kvittering …',
    mottatt: 'Arkivet har tatt imot forsendelsen. Venter på kvittering …',
    journalfoert: (id: string) => `Journalført: ${id}`,
    journalfoertDetalj: (sak: string | null, nummer: number | null) =>
      [sak ? `sak ${sak}` : null, nummer !== null ? `dokument ${nummer}` : null].filter(Boolean).join(', '),
    feilet: 'Arkivet avviste forsendelsen',
    sendefeil: 'Forsendelsen kom ikke fram til Fiks IO',
    ingenKvittering: (minutter: number) =>
      `Arkivet har ikke sendt kvittering innen ${minutter} ${minutter === 1 ? 'minutt' : 'minutter'}.`,
    brevfeil: (melding: string) => `Vedtaksbrevet kan ikke lages: ${melding} Rett det under «Vedtaksbrev».`,
    sendIgjenHjelp:
      'Du kan sende igjen: arkivet kjenner igjen forsendelsen og lager ikke en journalpost til om den første kom fram.',
  },
  satser: satserNb,
  feil: {
    tittel: 'Noe gikk galt',
    ukjentTittel: 'Ukjent feil',
    ukjentDetalj: (status: number) => `Tjenesten svarte med status ${status}. Prøv igjen om litt.`,
    nettverkTittel: 'Ingen kontakt med tjenesten',
    nettverkDetalj: 'Sjekk nettverket og prøv igjen. Ingenting er lagret eller sendt.',
    sesjonUtloept: 'Du er logget ut. Logg inn igjen for å fortsette.',
    proevIgjen: 'Prøv igjen',
  },
};

/** The shape every language module has: the same keys, with its own strings. */
export type Tekster = typeof nb;
