import { strFromU8, strToU8 } from 'fflate';
import { ARKIVMELDING_FILNAVN, type Arkivmelding } from './arkivmelding.js';
import type { Asicefil } from './asice.js';
import type { Abonnement, FiksIoKlient, MottattMelding, SendtMelding } from './fiksio/klient.js';
import { PermanentFeil } from './fiksio/klient.js';
import {
  type Arkivfeil,
  FEILMELDING_FILNAVN,
  type Feiltype,
  feiltypeFor,
  KVITTERING_FILNAVN,
  type Kvittering,
  lesFeilmelding,
  lesKvittering,
  MELDINGSTYPE,
  UgyldigSvar,
} from './kvittering.js';

/** An answer from the archive, as the product needs it. */
export type Arkivsvar = {
  /** The answer's own message id. */
  meldingId: string;
  /** The message it answers (Fiks IO's `svar-til`): the id Fiks IO gave our sending. */
  svarPaaMelding: string | null;
} & (
  | { type: 'MOTTATT' }
  | { type: 'KVITTERING'; kvittering: Kvittering }
  | { type: 'FEIL'; feiltype: Feiltype; feil: Arkivfeil }
  | { type: 'UKJENT'; meldingType: string }
);

/** How the product talks to the archive: a port, with Fiks Arkiv over Fiks IO as its adapter. */
export interface Arkivkanal {
  /** The message as an encrypted package for the archive (kept for a resend). */
  pakk(melding: Arkivmelding): Promise<Uint8Array>;
  /** Sends a package from `pakk`; returns Fiks IO's message id. */
  send(pakke: Uint8Array): Promise<SendtMelding>;
  /** Hands every answer to `haandter` until stopped (see FiksIoKlient.abonner for acknowledgement). */
  lytt(haandter: (svar: Arkivsvar) => Promise<void>): Promise<Abonnement>;
}

/** The message's files in the container: arkivmelding.xml first, then the documents. */
export function meldingsfiler(melding: Arkivmelding): Asicefil[] {
  return [
    { navn: ARKIVMELDING_FILNAVN, innhold: strToU8(melding.xml), mimeType: 'application/xml' },
    ...melding.filer,
  ];
}

function xmlFil(m: MottattMelding, navn: string): string {
  const filer = m.filer ?? [];
  const fil = filer.find((f) => f.navn === navn) ?? filer.find((f) => f.navn.endsWith('.xml'));
  if (!fil) throw new PermanentFeil(`svaret (${m.meldingType}) mangler ${navn}`);
  return strFromU8(fil.innhold);
}

/** What an answer means. A payload that is not what the schema describes cannot be handled (PermanentFeil). */
export function tolkSvar(m: MottattMelding): Arkivsvar {
  const felles = { meldingId: m.meldingId, svarPaaMelding: m.svarPaaMelding };
  try {
    if (m.meldingType === MELDINGSTYPE.MOTTATT) return { ...felles, type: 'MOTTATT' };
    if (m.meldingType === MELDINGSTYPE.KVITTERING) {
      const r = lesKvittering(xmlFil(m, KVITTERING_FILNAVN));
      return 'feil' in r
        ? { ...felles, type: 'FEIL', feiltype: 'UGYLDIG_FORESPOERSEL', feil: r.feil }
        : { ...felles, type: 'KVITTERING', kvittering: r.kvittering };
    }
    const feiltype = feiltypeFor(m.meldingType);
    if (feiltype) {
      return { ...felles, type: 'FEIL', feiltype, feil: lesFeilmelding(xmlFil(m, FEILMELDING_FILNAVN)) };
    }
  } catch (e) {
    if (e instanceof UgyldigSvar) throw new PermanentFeil(e.message);
    throw e;
  }
  return { ...felles, type: 'UKJENT', meldingType: m.meldingType };
}

/** Fiks Arkiv over Fiks IO: to the municipality's archive account, answers on our own account. */
export class FiksArkiv implements Arkivkanal {
  constructor(
    private readonly fiksio: FiksIoKlient,
    /** The archive's Fiks IO account. */
    readonly arkivKontoId: string,
  ) {}

  pakk(melding: Arkivmelding): Promise<Uint8Array> {
    return this.fiksio.pakk(this.arkivKontoId, meldingsfiler(melding));
  }

  send(pakke: Uint8Array): Promise<SendtMelding> {
    return this.fiksio.send({
      mottakerKontoId: this.arkivKontoId,
      meldingType: MELDINGSTYPE.OPPRETT,
      data: pakke,
    });
  }

  lytt(haandter: (svar: Arkivsvar) => Promise<void>): Promise<Abonnement> {
    return this.fiksio.abonner((m) => haandter(tolkSvar(m)));
  }
}
