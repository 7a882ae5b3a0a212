export {
  type Etteroppgjoersdokument,
  type Etteroppgjoersmetadata,
  type Etteroppgjoersvalg,
  etteroppgjoersdokumentSkjema,
  etteroppgjoersmetadataSkjema,
  renderEtteroppgjoer,
} from './etteroppgjoer.js';
export { formaterBeloep, formaterKroner, formaterTidspunkt } from './format.js';
export { renderPdf } from './render.js';
export {
  AVREGNING_TILLATT_FOR,
  avregningSkjema,
  type Dokumentmetadata,
  type DokumentmetadataInn,
  dokumentmetadataSkjema,
  type RenderValg,
  renderValgSkjema,
} from './skjema.js';
export * from './vedtaksbrev/index.js';
