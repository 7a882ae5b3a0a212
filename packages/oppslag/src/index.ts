export {
  ArkivIkkeSattOpp,
  Arkivtjeneste,
  type ArkivtjenesteKonfig,
  type Arkivvalg,
  arkivdokumenter,
  arkivmeldinginnhold,
  arkivvalgSkjema,
  beregningsdokument,
  type Dokumentfil,
  ForsendelseIkkeFunnet,
  ForsendelseKonflikt,
  type Forsendelsesstatus,
  journalposttittel,
  sakstittel,
  vedtaksbrevdokument,
} from './arkivering.js';
export { forhaandskontroll } from './beregn.js';
export {
  dokumentmetadata,
  resultatSomPdf,
  vedtaksbrevinnhold,
  vedtaksbrevmetadata,
  vedtaksbrevSomPdf,
} from './dokument.js';
export {
  ETTEROPPGJOER_FORMAAL,
  type Etteroppgjoersoppslag,
  type Etteroppgjoersresultat,
  etteroppgjoer,
  etteroppgjoerSomPdf,
  forberedEtteroppgjoer,
} from './etteroppgjoer.js';
export {
  Grunnlagsbuffer,
  type Grunnlagsbufferinnstillinger,
  type LagretGrunnlag,
  STANDARD_GRUNNLAGSLEVETID_MS,
} from './grunnlagsbuffer.js';
export {
  GrunnlagIkkeHentet,
  type Henteinnstillinger,
  type Henteresultat,
  hentGrunnlag,
  IngenSkatteopplysninger,
} from './hentGrunnlag.js';
export {
  foreslaaHusstand,
  HUSSTANDSOPPSLAG,
  type Husstandsforslag,
  type Husstandsforslagene,
} from './husstand.js';
export {
  type Arkivinnstillinger,
  arkivinnstillingerSkjema,
  type Kommuneinnstillinger,
  kommuneinnstillingerSkjema,
  validerKommuneinnstillinger,
} from './kommuneinnstillinger.js';
export {
  avgiftHoldesTilbake,
  type GrunnlagsApi,
  type Mangelgrunn,
  type ManglendeGrunnlag,
  medAvgiftHoldtTilbake,
  posterSomInngaar,
} from './manglendeGrunnlag.js';
export {
  type Autentisering,
  type Grunnlagskilde,
  type Husstandsforespoersel,
  type Husstandsoppslag,
  NAVNEOPPSLAG,
  type Navneforespoersel,
  type Navneoppslag,
  norskDato,
  type OppslagKonfig,
  type Oppslagsforespoersel,
  type Oppslagsresultat,
  Oppslagstjeneste,
  RevisjonFeilet,
  type Utfoerelse,
} from './oppslagstjeneste.js';
export { BEREGNERE, beregnerFor, standardRegelverk, standardtabeller } from './register.js';
export {
  SatsAvvist,
  Satsforvaltning,
  type SatsforvaltningKonfig,
  type Satsoppfoering,
  type Satsstatus,
  type Satstabell,
} from './satsforvaltning.js';
