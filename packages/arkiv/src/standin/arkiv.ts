import { createHash, randomUUID } from 'node:crypto';
import { strFromU8, strToU8 } from 'fflate';
import { ARKIVMELDING_FILNAVN, type EksternNoekkel } from '../arkivmelding.js';
import type { Abonnement, FiksIoKlient, MottattMelding } from '../fiksio/klient.js';
import { JOURNALPOSTTYPER, type Journalposttype } from '../kodelister.js';
import {
  byggFeilmelding,
  byggKvittering,
  FEILMELDING_FILNAVN,
  type Feiltype,
  feilmeldingstype,
  KVITTERING_FILNAVN,
  type Kvittering,
  MELDINGSTYPE,
} from '../kvittering.js';
import { lesXml, liste, type Obj, tekstAv } from '../xml.js';
import { skjemafil, validerMotSkjema } from '../xmllint.js';

/**
 * A stand-in for the municipality's archive behind Fiks Arkiv, on its own Fiks IO account: it consumes
 * its queue, decrypts each message with its private key (FiksIoKlient), validates `arkivmelding.xml`
 * against KS's schema with xmllint, checks the documents against their checksums, and journals:
 * case numbers (saksaar/sakssekvensnummer) and journalpost numbers (journalaar/journalsekvensnummer, and
 * journalpostnummer within the case). It answers `…opprett.mottatt` at once and then
 * `…opprett.kvittering`, or `feilmelding.ugyldigforespoersel` (a message that is wrong) or
 * `feilmelding.serverfeil`, to the sender's account through Fiks IO's HTTP API, as an archive does.
 *
 * Like a real archive it de-duplicates on `referanseEksternNoekkel` (fagsystem + nøkkel): a journalpost
 * or case folder it already has is not made again, and the receipt says «Eksisterende» with the same
 * ids. That is what makes a resend after a lost receipt safe.
 */

export interface Standinjournalpost {
  systemID: string;
  journalaar: number;
  journalsekvensnummer: number;
  journalpostnummer: number;
  journalposttype: Journalposttype;
  tittel: string;
  saksaar: number;
  sakssekvensnummer: number;
  eksternNoekkel: EksternNoekkel | null;
  dokumenter: Array<{ tittel: string; filnavn: string; rolle: string; stoerrelse: number }>;
  /** The parties as received: name, identifier and whether screened. */
  parter: Array<{ navn: string; identifikator: string | null; erSkjermet: boolean }>;
  skjerming: { tilgangsrestriksjon: string; skjermingshjemmel: string } | null;
}

export interface Standinsak {
  systemID: string;
  saksaar: number;
  sakssekvensnummer: number;
  tittel: string;
  eksternNoekkel: EksternNoekkel | null;
}

export interface StandinArkivOppsett {
  /** The archive's own Fiks IO client (its account, key pair and integration). */
  fiksio: FiksIoKlient;
  /** Case folders the archive already has (the case worker can name them). */
  saker?: ReadonlyArray<{ saksaar: number; sakssekvensnummer: number; tittel: string }>;
  klokke?: () => Date;
  /** Where the stand-in tells what it does (no personal data). */
  hendelse?: (tekst: string) => void;
}

export interface StandinArkiv {
  journalposter(): readonly Standinjournalpost[];
  saker(): readonly Standinsak[];
  /**
   * Fault injection: the next `antall` receipts are made (the journalpost is journaled) but never sent,
   * as when an answer is lost on its way back.
   */
  mistKvitteringer(antall: number): void;
  /** Messages received, answers sent. */
  statistikk(): { mottatt: number; kvitteringer: number; feil: number; mistet: number };
  stopp(): Promise<void>;
}

/** A message the archive refuses, with the error type to answer. */
class Avvist extends Error {
  constructor(
    readonly feiltype: Feiltype,
    melding: string,
  ) {
    super(melding);
  }
}

const noekkelId = (n: EksternNoekkel) => `${n.fagsystem}\u0000${n.noekkel}`;

function eksternNoekkel(x: unknown): EksternNoekkel | null {
  if (!x || typeof x !== 'object') return null;
  const fagsystem = tekstAv((x as Obj).fagsystem);
  const noekkel = tekstAv((x as Obj).noekkel);
  return fagsystem && noekkel ? { fagsystem, noekkel } : null;
}

const heltall = (x: unknown): number | null => {
  const t = tekstAv(x);
  return t && /^\d+$/.test(t) ? Number(t) : null;
};

export async function startStandinArkiv(o: StandinArkivOppsett): Promise<StandinArkiv> {
  const klokke = o.klokke ?? (() => new Date());
  const saker: Standinsak[] = (o.saker ?? []).map((s) => ({
    ...s,
    systemID: randomUUID(),
    eksternNoekkel: null,
  }));
  const journalposter: Standinjournalpost[] = [];
  const stat = { mottatt: 0, kvitteringer: 0, feil: 0, mistet: 0 };
  let skalMiste = 0;
  let journalsekvens = 0;
  let sakssekvens = Math.max(0, ...saker.map((s) => s.sakssekvensnummer));
  const si = (t: string) => o.hendelse?.(t);

  async function svar(m: MottattMelding, meldingType: string, fil?: { navn: string; xml: string }) {
    const data = fil
      ? await o.fiksio.pakk(m.avsenderKontoId, [
          { navn: fil.navn, innhold: strToU8(fil.xml), mimeType: 'application/xml' },
        ])
      : null;
    await o.fiksio.send({
      mottakerKontoId: m.avsenderKontoId,
      meldingType,
      data,
      svarPaaMelding: m.meldingId,
    });
  }

  /** Validates and journals one arkivmelding; returns the receipt (the journal is changed only on success). */
  async function journalfoer(m: MottattMelding): Promise<Kvittering> {
    const filer = m.filer ?? [];
    const meldingsfil = filer.find((f) => f.navn === ARKIVMELDING_FILNAVN);
    if (!meldingsfil) throw new Avvist('UGYLDIG_FORESPOERSEL', `Meldingen mangler ${ARKIVMELDING_FILNAVN}`);
    const xml = strFromU8(meldingsfil.innhold);
    const skjema = await validerMotSkjema(xml, skjemafil(MELDINGSTYPE.OPPRETT));
    if (!skjema.gyldig) {
      throw new Avvist(
        'UGYLDIG_FORESPOERSEL',
        `arkivmelding.xml er ikke gyldig etter skjemaet: ${skjema.feil.slice(0, 5).join(' | ')}`,
      );
    }
    const rot = lesXml(xml).arkivmelding as Obj;
    const reg = rot.registrering as Obj | undefined;
    if (reg?.['@type'] !== 'journalpost') {
      throw new Avvist('UGYLDIG_FORESPOERSEL', 'Standin-arkivet tar bare imot en journalpost (registrering)');
    }
    const antall = heltall(rot.antallFiler);
    const beskrivelser = liste(reg.dokumentbeskrivelse);
    const objekter = beskrivelser.flatMap((b) => liste((b as Obj).dokumentobjekt));
    if (antall !== objekter.length) {
      throw new Avvist(
        'UGYLDIG_FORESPOERSEL',
        `antallFiler er ${antall}, men meldingen har ${objekter.length} dokumentobjekter`,
      );
    }
    for (const ob of objekter) {
      const ref = tekstAv((ob as Obj).referanseDokumentfil) ?? '';
      const fil = filer.find((f) => f.navn === ref);
      if (!fil) throw new Avvist('UGYLDIG_FORESPOERSEL', `Dokumentfilen «${ref}» er ikke i meldingen`);
      const sjekksum = tekstAv((ob as Obj).sjekksum);
      if (sjekksum && sjekksum !== createHash('sha256').update(fil.innhold).digest('hex')) {
        throw new Avvist('UGYLDIG_FORESPOERSEL', `Sjekksummen for «${ref}» stemmer ikke`);
      }
    }
    const jpNoekkel = eksternNoekkel(reg.referanseEksternNoekkel);
    const mappe = rot.mappe as Obj | undefined;
    const mappeNoekkel = mappe ? eksternNoekkel(mappe.referanseEksternNoekkel) : null;

    // De-duplication on the external key, as a real archive: the same journalpost is never made twice.
    const finnes =
      jpNoekkel &&
      journalposter.find((j) => j.eksternNoekkel && noekkelId(j.eksternNoekkel) === noekkelId(jpNoekkel));
    if (finnes) {
      const sak = saker.find(
        (s) => s.saksaar === finnes.saksaar && s.sakssekvensnummer === finnes.sakssekvensnummer,
      );
      si(
        `journalpost ${finnes.journalaar}/${finnes.journalsekvensnummer} fantes fra før (samme eksterne nøkkel)`,
      );
      return kvitteringFor(
        finnes,
        'Eksisterende',
        mappe && sak ? { sak, status: 'Eksisterende' } : undefined,
      );
    }

    // The folder: by case number, or by external key (the new folder of this or an earlier message).
    const forelder = (reg.referanseForelderMappe ?? {}) as Obj;
    let sak: Standinsak | undefined;
    let sakStatus: 'Opprettet' | 'Eksisterende' = 'Eksisterende';
    const saksnummer = forelder.saksnummer as Obj | undefined;
    const forelderNoekkel = eksternNoekkel(forelder.referanseEksternNoekkel);
    if (saksnummer) {
      const aar = heltall(saksnummer.saksaar);
      const nr = heltall(saksnummer.sakssekvensnummer);
      sak = saker.find((s) => s.saksaar === aar && s.sakssekvensnummer === nr);
      if (!sak) throw new Avvist('UGYLDIG_FORESPOERSEL', `Saksmappe ${aar}/${nr} finnes ikke i arkivet`);
    } else if (forelderNoekkel) {
      sak = saker.find((s) => s.eksternNoekkel && noekkelId(s.eksternNoekkel) === noekkelId(forelderNoekkel));
      if (!sak) {
        if (!mappe || !mappeNoekkel || noekkelId(mappeNoekkel) !== noekkelId(forelderNoekkel)) {
          throw new Avvist('UGYLDIG_FORESPOERSEL', 'Journalposten viser til en saksmappe som ikke finnes');
        }
        sak = {
          systemID: randomUUID(),
          saksaar: klokke().getUTCFullYear(),
          sakssekvensnummer: ++sakssekvens,
          tittel: tekstAv(mappe.tittel) ?? '',
          eksternNoekkel: mappeNoekkel,
        };
        saker.push(sak);
        sakStatus = 'Opprettet';
      }
    } else {
      throw new Avvist('UGYLDIG_FORESPOERSEL', 'Journalposten mangler referanseForelderMappe');
    }

    const type = tekstAv((reg.journalposttype as Obj | undefined)?.kode) as Journalposttype;
    if (!JOURNALPOSTTYPER.includes(type)) {
      throw new Avvist('UGYLDIG_FORESPOERSEL', `Journalposttypen «${type}» støttes ikke av standin-arkivet`);
    }
    const naa = klokke();
    const s = sak;
    const skjerming = reg.skjerming as Obj | undefined;
    const jp: Standinjournalpost = {
      systemID: randomUUID(),
      journalaar: naa.getUTCFullYear(),
      journalsekvensnummer: ++journalsekvens,
      journalpostnummer:
        journalposter.filter((j) => j.saksaar === s.saksaar && j.sakssekvensnummer === s.sakssekvensnummer)
          .length + 1,
      journalposttype: type,
      tittel: tekstAv(reg.tittel) ?? '',
      saksaar: s.saksaar,
      sakssekvensnummer: s.sakssekvensnummer,
      eksternNoekkel: jpNoekkel,
      dokumenter: beskrivelser.map((b) => {
        const ob = liste((b as Obj).dokumentobjekt)[0] as Obj | undefined;
        const ref = tekstAv(ob?.referanseDokumentfil) ?? '';
        return {
          tittel: tekstAv((b as Obj).tittel) ?? '',
          filnavn: tekstAv(ob?.filnavn) ?? '',
          rolle: tekstAv(((b as Obj).tilknyttetRegistreringSom as Obj | undefined)?.kode) ?? '',
          stoerrelse: filer.find((f) => f.navn === ref)?.innhold.length ?? 0,
        };
      }),
      parter: [
        ...liste(reg.part).map((p) => ({
          navn: tekstAv((p as Obj).partNavn) ?? '',
          identifikator: tekstAv(((p as Obj).personID as Obj | undefined)?.identifikator) ?? null,
          erSkjermet: tekstAv((p as Obj).erSkjermet) === 'true',
        })),
        ...liste(reg.korrespondansepart).map((p) => ({
          navn: tekstAv((p as Obj).korrespondansepartNavn) ?? '',
          identifikator: tekstAv((p as Obj).personid) ?? null,
          erSkjermet: tekstAv((p as Obj).erSkjermet) === 'true',
        })),
      ],
      skjerming: skjerming
        ? {
            tilgangsrestriksjon: tekstAv((skjerming.tilgangsrestriksjon as Obj | undefined)?.kode) ?? '',
            skjermingshjemmel: tekstAv(skjerming.skjermingshjemmel) ?? '',
          }
        : null,
    };
    journalposter.push(jp);
    si(
      `journalførte ${jp.journalaar}/${jp.journalsekvensnummer} i sak ${jp.saksaar}/${jp.sakssekvensnummer}`,
    );
    return kvitteringFor(jp, 'Opprettet', mappe ? { sak: s, status: sakStatus } : undefined);
  }

  function kvitteringFor(
    jp: Standinjournalpost,
    status: 'Opprettet' | 'Eksisterende',
    mappe?: { sak: Standinsak; status: 'Opprettet' | 'Eksisterende' },
  ): Kvittering {
    const kv: Kvittering = {
      journalpost: {
        systemID: jp.systemID,
        journalaar: jp.journalaar,
        journalsekvensnummer: jp.journalsekvensnummer,
        journalpostnummer: jp.journalpostnummer,
        journalposttype: jp.journalposttype,
        opprettetEllerEksisterende: status,
        ...(jp.eksternNoekkel ? { referanseEksternNoekkel: jp.eksternNoekkel } : {}),
      },
    };
    if (mappe) {
      kv.mappe = {
        systemID: mappe.sak.systemID,
        saksaar: mappe.sak.saksaar,
        sakssekvensnummer: mappe.sak.sakssekvensnummer,
        opprettetEllerEksisterende: mappe.status,
        ...(mappe.sak.eksternNoekkel ? { referanseEksternNoekkel: mappe.sak.eksternNoekkel } : {}),
      };
    }
    return kv;
  }

  async function haandter(m: MottattMelding): Promise<void> {
    stat.mottatt++;
    if (m.meldingType !== MELDINGSTYPE.OPPRETT) {
      stat.feil++;
      await svar(m, feilmeldingstype('UGYLDIG_FORESPOERSEL'), {
        navn: FEILMELDING_FILNAVN,
        xml: byggFeilmelding(
          'UGYLDIG_FORESPOERSEL',
          randomUUID(),
          `Meldingstypen ${m.meldingType} støttes ikke`,
        ),
      });
      return;
    }
    await svar(m, MELDINGSTYPE.MOTTATT);
    let kvittering: Kvittering;
    try {
      kvittering = await journalfoer(m);
    } catch (e) {
      stat.feil++;
      const type: Feiltype = e instanceof Avvist ? e.feiltype : 'SERVERFEIL';
      const melding = e instanceof Avvist ? e.message : 'Arkivet kunne ikke behandle meldingen';
      si(`avviste melding ${m.meldingId}: ${melding}`);
      await svar(m, feilmeldingstype(type), {
        navn: FEILMELDING_FILNAVN,
        xml: byggFeilmelding(type, randomUUID(), melding),
      });
      return;
    }
    if (skalMiste > 0) {
      skalMiste--;
      stat.mistet++;
      si(`kvitteringen for ${m.meldingId} ble «borte» (feilinjeksjon)`);
      return;
    }
    await svar(m, MELDINGSTYPE.KVITTERING, {
      navn: KVITTERING_FILNAVN,
      xml: byggKvittering(kvittering, klokke()),
    });
    stat.kvitteringer++;
  }

  const abonnement: Abonnement = await o.fiksio.abonner(haandter);
  return {
    journalposter: () => journalposter,
    saker: () => saker,
    mistKvitteringer(antall) {
      skalMiste += antall;
    },
    statistikk: () => ({ ...stat }),
    stopp: () => abonnement.stopp(),
  };
}
