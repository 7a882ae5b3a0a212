export {
  type Feilinjeksjon,
  type Standin,
  type StandinApi,
  type StandinInnstillinger,
  type Standinklient,
  type Standinstatistikk,
  startStandin,
} from './server.js';
