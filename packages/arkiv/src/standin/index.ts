export {
  type StandinArkiv,
  type StandinArkivOppsett,
  type Standinjournalpost,
  type Standinsak,
  startStandinArkiv,
} from './arkiv.js';
export {
  type FiksIoStandin,
  type FiksIoStandinOppsett,
  type StandinKonto,
  startFiksIoStandin,
} from './fiksio.js';
export { amqpSvarer, brokerForTest, TEST_AMQP_URL } from './testbroker.js';
