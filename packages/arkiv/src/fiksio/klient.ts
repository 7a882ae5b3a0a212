import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { z } from 'zod';
import { AsiceFeil, type Asicefil, lagAsice, lesAsice } from '../asice.js';
import { dekrypter, KryptoFeil, krypter } from '../krypto/cms.js';
import { type Noekkelpar, sertifikatFraPem } from '../krypto/noekler.js';

/**
 * A Fiks IO client: KS publishes none for Node (ks-no/fiks-io-klient-java and ks-no/fiks-io-client-dotnet
 * are the references), so this follows them.
 *
 * Sending (ks-no/fiks-io-send-klient, `FiksIOUtsendingKlient` and `RequestFactoryImpl`): `POST
 * {api}/fiks-io/api/v1/send`, multipart with the part `metadata` (JSON: avsenderKontoId,
 * mottakerKontoId, meldingType, svarPaMelding, ttl, headere) and the part `data` (the encrypted
 * ASiC-E), with the headers `Authorization: Bearer <Maskinporten token, scope ks:fiks>`, `IntegrasjonId`
 * and `IntegrasjonPassord` (`IntegrasjonAuthenticationStrategy`). The answer is `SendtMeldingApiModel`
 * (meldingId, meldingType, avsenderKontoId, mottakerKontoId, ttl, …).
 *
 * The recipient's public key (ks-no/fiks-io-client-dotnet `CatalogHandler`): `GET
 * {api}/fiks-io/katalog/api/v1/kontoer/{kontoId}/offentligNokkel` with the same headers; the answer's
 * `nokkel` is the certificate in PEM.
 *
 * Receiving (fiks-io-klient-java `AmqpHandler`, ks-no/fiks-io-commons `FiksIOHeaders`): AMQP on
 * io.fiks.ks.no:5671 (TLS), user = the integration id, password = "<integration password> <Maskinporten
 * token>", consuming the queue `fiksio.konto.<kontoId>`. A message's headers: `melding-id`, `type`,
 * `avsender-id`, `svar-til` (the message it answers), `avsender-navn`, `dokumentlager-id` (a payload in
 * Fiks Dokumentlager) and `egendefinert-header.<navn>`. The body is the encrypted ASiC-E, or empty.
 */

export const FIKS_IO = {
  sendSti: '/fiks-io/api/v1/send',
  katalogSti: (kontoId: string) =>
    `/fiks-io/katalog/api/v1/kontoer/${encodeURIComponent(kontoId)}/offentligNokkel`,
  koe: (kontoId: string) => `fiksio.konto.${kontoId}`,
  scope: 'ks:fiks',
  headere: {
    meldingId: 'melding-id',
    type: 'type',
    avsenderId: 'avsender-id',
    avsenderNavn: 'avsender-navn',
    svarTil: 'svar-til',
    dokumentlagerId: 'dokumentlager-id',
    egendefinert: 'egendefinert-header.',
  },
  /** KS's documented endpoints (production; the test environment is api.fiks.test.ks.no / io.fiks.test.ks.no). */
  produksjon: { api: 'https://api.fiks.ks.no', amqp: 'amqps://io.fiks.ks.no:5671' },
  test: { api: 'https://api.fiks.test.ks.no', amqp: 'amqps://io.fiks.test.ks.no:5671' },
} as const;

const uuid = z.string().uuid();

export const sendtMeldingSkjema = z.object({
  meldingId: uuid,
  meldingType: z.string().min(1),
  avsenderKontoId: uuid,
  mottakerKontoId: uuid,
  ttl: z.number(),
  dokumentlagerId: uuid.nullish(),
  svarPaMelding: uuid.nullish(),
  headere: z.record(z.string(), z.string()).nullish(),
});
export type SendtMelding = z.output<typeof sendtMeldingSkjema>;

/** Fiks IO or the network failed: what was being done, and whether trying again may help. */
export class FiksIoFeil extends Error {
  override readonly name = 'FiksIoFeil';
  constructor(
    melding: string,
    /** True when the message may not have been sent, and sending again may work (network, 5xx, 429). */
    readonly forbigaaende: boolean,
    readonly httpStatus?: number,
  ) {
    super(melding);
  }
}

export interface FiksIoOppsett {
  /** Our own Fiks IO account (the sender; its queue gets the answers). */
  kontoId: string;
  /** The account's certificate and private key: signs what we send, decrypts what we get. */
  noekkelpar: Noekkelpar;
  integrasjon: { id: string; passord: string };
  /** Base URL of Fiks IO's API, e.g. https://api.fiks.ks.no. */
  apiUrl: string;
  /**
   * The AMQP broker, e.g. amqps://io.fiks.ks.no:5671. Without a user in the URL, the integration logs in
   * as Fiks IO requires (user = integration id, password = "<password> <token>"); a URL with a user
   * (a local broker, the stand-in) logs in with that user.
   */
  amqpUrl: string;
  /** A Maskinporten access token with scope ks:fiks. */
  token: () => Promise<string>;
  /** Recipients' certificates by account id; an account not listed is looked up in Fiks IO's catalogue. */
  sertifikater?: Readonly<Record<string, Uint8Array>>;
  klokke?: () => Date;
  /** The HTTP client (tests); default the global fetch. */
  hent?: typeof fetch;
  /** Timeout of one HTTP call in ms (default 30 s). */
  tidsavbruddMs?: number;
  /** Where the client tells about its connection (reconnects, failed deliveries); no personal data. */
  hendelse?: (h: Fiksiohendelse) => void;
  /** The AMQP connection's name as the broker shows it (default `inntektsgrunnlag-fiksio-<kontoId>`). */
  tilkoblingsnavn?: string;
}

export type Fiksiohendelse =
  | { type: 'TILKOBLET'; koe: string }
  | { type: 'FRAKOBLET'; koe: string; aarsak: string; nyttForsoekOmMs: number }
  | { type: 'MELDING_AVVIST'; meldingId: string | null; aarsak: string }
  | { type: 'MELDING_UTSATT'; meldingId: string | null; aarsak: string };

/** A message from our queue, decrypted and checked. */
export interface MottattMelding {
  meldingId: string;
  meldingType: string;
  avsenderKontoId: string;
  /** The message this answers (`svar-til`). */
  svarPaaMelding: string | null;
  headere: Record<string, string>;
  /** The container's files, or null for a message without payload. */
  filer: Asicefil[] | null;
  /** The broker delivered it before (it was not acknowledged then). */
  levertFoer: boolean;
}

/** The handler's way to say a message can never be handled (it is dropped, not delivered again). */
export class PermanentFeil extends Error {
  override readonly name = 'PermanentFeil';
}

export interface Abonnement {
  stopp(): Promise<void>;
}

function header(h: Record<string, unknown> | undefined, navn: string): string | null {
  const v = h?.[navn];
  if (v === undefined || v === null) return null;
  return Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
}

export class FiksIoKlient {
  private readonly sertifikatbuffer = new Map<string, { der: Uint8Array; til: number }>();
  private readonly hent: typeof fetch;
  private readonly klokke: () => Date;

  constructor(private readonly o: FiksIoOppsett) {
    this.hent = o.hent ?? ((...a) => fetch(...a));
    this.klokke = o.klokke ?? (() => new Date());
  }

  get kontoId(): string {
    return this.o.kontoId;
  }

  private async autorisasjon(): Promise<Record<string, string>> {
    let token: string;
    try {
      token = await this.o.token();
    } catch (e) {
      throw new FiksIoFeil(`Fikk ikke token fra Maskinporten: ${(e as Error).message}`, true);
    }
    return {
      Authorization: `Bearer ${token}`,
      IntegrasjonId: this.o.integrasjon.id,
      IntegrasjonPassord: this.o.integrasjon.passord,
    };
  }

  private async kall(sti: string, init: RequestInit, hva: string): Promise<Response> {
    const url = new URL(sti, this.o.apiUrl).toString();
    let svar: Response;
    try {
      svar = await this.hent(url, { ...init, signal: AbortSignal.timeout(this.o.tidsavbruddMs ?? 30_000) });
    } catch (e) {
      const navn = (e as Error).name;
      throw new FiksIoFeil(
        `${hva}: Fiks IO svarte ikke (${navn === 'TimeoutError' ? 'tidsavbrudd' : 'nettverksfeil'})`,
        true,
      );
    }
    if (!svar.ok) {
      const tekst = (await svar.text().catch(() => '')).slice(0, 500);
      throw new FiksIoFeil(
        `${hva}: Fiks IO svarte HTTP ${svar.status}${tekst ? `: ${tekst}` : ''}`,
        svar.status >= 500 || svar.status === 429,
        svar.status,
      );
    }
    return svar;
  }

  /** The recipient account's certificate: from the settings, else Fiks IO's catalogue (kept an hour). */
  async mottakersertifikat(kontoId: string): Promise<Uint8Array> {
    const satt = this.o.sertifikater?.[kontoId];
    if (satt) return satt;
    const naa = this.klokke().getTime();
    const lagret = this.sertifikatbuffer.get(kontoId);
    if (lagret && lagret.til > naa) return lagret.der;
    const svar = await this.kall(
      FIKS_IO.katalogSti(kontoId),
      { headers: { ...(await this.autorisasjon()), Accept: 'application/json' } },
      'Oppslag av mottakerens offentlige nøkkel',
    );
    const body = (await svar.json().catch(() => null)) as { nokkel?: unknown } | null;
    if (typeof body?.nokkel !== 'string') {
      throw new FiksIoFeil('Fiks IO-katalogen svarte uten offentlig nøkkel (nokkel)', false);
    }
    const der = sertifikatFraPem(body.nokkel);
    this.sertifikatbuffer.set(kontoId, { der, til: naa + 3_600_000 });
    return der;
  }

  /** The files as a signed ASiC-E, encrypted to the recipient: what `send` posts, kept for a resend. */
  async pakk(mottakerKontoId: string, filer: readonly Asicefil[]): Promise<Uint8Array> {
    const zip = await lagAsice(filer, this.o.noekkelpar, this.klokke());
    return krypter(zip, await this.mottakersertifikat(mottakerKontoId));
  }

  /** Posts a message (an encrypted package from `pakk`, or none) to Fiks IO; returns what Fiks IO assigned. */
  async send(m: {
    mottakerKontoId: string;
    meldingType: string;
    data?: Uint8Array | null;
    svarPaaMelding?: string | null;
    headere?: Record<string, string>;
    ttlMs?: number;
  }): Promise<SendtMelding> {
    const metadata = {
      avsenderKontoId: this.o.kontoId,
      mottakerKontoId: m.mottakerKontoId,
      meldingType: m.meldingType,
      svarPaMelding: m.svarPaaMelding ?? null,
      ttl: m.ttlMs ?? null,
      headere: m.headere ?? {},
    };
    const skjema = new FormData();
    skjema.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
    if (m.data)
      skjema.append(
        'data',
        new Blob([new Uint8Array(m.data)], { type: 'application/octet-stream' }),
        'melding',
      );
    const svar = await this.kall(
      FIKS_IO.sendSti,
      { method: 'POST', headers: await this.autorisasjon(), body: skjema },
      'Sending til Fiks IO',
    );
    const r = sendtMeldingSkjema.safeParse(await svar.json().catch(() => null));
    // Sent, but the answer is not what KS documents: the message id is unknown; a resend is safe.
    if (!r.success) throw new FiksIoFeil('Fiks IO svarte uten gyldig SendtMelding', true);
    return r.data;
  }

  private async tilkoble(): Promise<ChannelModel> {
    const url = new URL(this.o.amqpUrl);
    // Named, so the broker's operators (and the reconnect test) can tell the connection.
    const clientProperties = {
      connection_name: this.o.tilkoblingsnavn ?? `inntektsgrunnlag-fiksio-${this.o.kontoId}`,
    };
    if (url.username) return amqp.connect(this.o.amqpUrl, { clientProperties });
    const token = await this.o.token();
    return amqp.connect(this.o.amqpUrl, {
      clientProperties,
      credentials: amqp.credentials.plain(this.o.integrasjon.id, `${this.o.integrasjon.passord} ${token}`),
    });
  }

  private async les(msg: ConsumeMessage): Promise<MottattMelding> {
    const h = msg.properties.headers as Record<string, unknown> | undefined;
    const meldingId = header(h, FIKS_IO.headere.meldingId);
    const meldingType = header(h, FIKS_IO.headere.type);
    const avsender = header(h, FIKS_IO.headere.avsenderId);
    if (!meldingId || !meldingType || !avsender) {
      throw new PermanentFeil('meldingen mangler melding-id, type eller avsender-id');
    }
    if (header(h, FIKS_IO.headere.dokumentlagerId)) {
      // Large payloads go through Fiks Dokumentlager; the archive's answers are small, and this client
      // does not fetch from Dokumentlager.
      throw new PermanentFeil('meldingen har innholdet i Fiks Dokumentlager, som ikke støttes');
    }
    const egne: Record<string, string> = {};
    for (const [navn, v] of Object.entries(h ?? {})) {
      if (navn.startsWith(FIKS_IO.headere.egendefinert)) {
        egne[navn.slice(FIKS_IO.headere.egendefinert.length)] = header({ v }, 'v') ?? '';
      }
    }
    let filer: Asicefil[] | null = null;
    if (msg.content.length > 0) {
      try {
        filer = (await lesAsice(await dekrypter(new Uint8Array(msg.content), this.o.noekkelpar))).filer;
      } catch (e) {
        if (e instanceof KryptoFeil || e instanceof AsiceFeil) throw new PermanentFeil(e.message);
        throw e;
      }
    }
    return {
      meldingId,
      meldingType,
      avsenderKontoId: avsender,
      svarPaaMelding: header(h, FIKS_IO.headere.svarTil),
      headere: egne,
      filer,
      levertFoer: msg.fields.redelivered,
    };
  }

  /**
   * Consumes our account's queue until stopped. Each message is decrypted and given to `haandter`;
   * it is acknowledged when the handler succeeds, dropped when it throws PermanentFeil (or cannot be
   * read), and put back on the queue (after a pause) for any other error, so a database that is down
   * loses no receipt. A lost connection is re-established with growing pauses (1 s … 30 s).
   */
  async abonner(haandter: (m: MottattMelding) => Promise<void>): Promise<Abonnement> {
    const koe = FIKS_IO.koe(this.o.kontoId);
    let stoppet = false;
    let forbindelse: ChannelModel | null = null;
    let kanal: Channel | null = null;
    let pause = 1_000;
    let timer: NodeJS.Timeout | null = null;
    const varsle = (h: Fiksiohendelse) => this.o.hendelse?.(h);

    const behandle = async (msg: ConsumeMessage | null, k: Channel) => {
      if (!msg) return; // the broker cancelled the consumer; the channel closes and we reconnect
      let meldingId: string | null = header(msg.properties.headers, FIKS_IO.headere.meldingId);
      try {
        const m = await this.les(msg);
        meldingId = m.meldingId;
        await haandter(m);
        k.ack(msg);
      } catch (e) {
        if (e instanceof PermanentFeil) {
          varsle({ type: 'MELDING_AVVIST', meldingId, aarsak: e.message });
          k.nack(msg, false, false);
        } else {
          varsle({ type: 'MELDING_UTSATT', meldingId, aarsak: (e as Error).message });
          setTimeout(() => {
            try {
              k.nack(msg, false, true);
            } catch {
              // The channel closed meanwhile: the broker puts the message back by itself.
            }
          }, 1_000).unref();
        }
      }
    };

    const koble = async (): Promise<void> => {
      if (stoppet) return;
      try {
        const f = await this.tilkoble();
        const k = await f.createChannel();
        await k.prefetch(10);
        forbindelse = f;
        kanal = k;
        f.on('error', () => undefined);
        k.on('error', () => undefined);
        // A channel closed by the broker (the queue deleted, a consumer cancelled): start over.
        k.on('close', () => {
          if (!stoppet) void f.close().catch(() => undefined);
        });
        f.on('close', () => {
          forbindelse = null;
          kanal = null;
          if (!stoppet) planlegg('forbindelsen ble lukket');
        });
        await k.consume(koe, (msg) => void behandle(msg, k), { noAck: false });
        pause = 1_000;
        varsle({ type: 'TILKOBLET', koe });
      } catch (e) {
        const f = forbindelse as ChannelModel | null;
        forbindelse = null;
        kanal = null;
        await f?.close().catch(() => undefined);
        planlegg((e as Error).message);
      }
    };

    const planlegg = (aarsak: string) => {
      if (stoppet || timer) return;
      varsle({ type: 'FRAKOBLET', koe, aarsak, nyttForsoekOmMs: pause });
      timer = setTimeout(() => {
        timer = null;
        void koble();
      }, pause);
      pause = Math.min(pause * 2, 30_000);
    };

    await koble();
    return {
      async stopp() {
        stoppet = true;
        if (timer) clearTimeout(timer);
        const k = kanal as Channel | null;
        const f = forbindelse as ChannelModel | null;
        await k?.close().catch(() => undefined);
        await f?.close().catch(() => undefined);
      },
    };
  }
}

/** A fresh message id for stand-ins and tests (Fiks IO assigns the real ones). */
export const nyMeldingId = (): string => randomUUID();
