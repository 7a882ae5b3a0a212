import { randomUUID, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import busboy from 'busboy';
import { z } from 'zod';
import { FIKS_IO } from '../fiksio/klient.js';
import { sertifikatTilPem } from '../krypto/noekler.js';

/**
 * A stand-in for Fiks IO: the HTTP API on KS's paths (send, and the catalogue's public keys) in front of
 * a real AMQP broker. A message posted to `/fiks-io/api/v1/send` is checked as Fiks IO checks it (the
 * integration's id and password belong to the sending account, a bearer token is present, the metadata
 * is complete, the recipient exists), given a message id, and published to the recipient's queue
 * `fiksio.konto.<kontoId>` with Fiks IO's headers. It does not verify the Maskinporten token itself:
 * KS does that in production; here any bearer token is taken (docs/arkiv.md).
 */

export interface StandinKonto {
  kontoId: string;
  navn: string;
  /** The account's certificate (DER), served by the catalogue. */
  sertifikat: Uint8Array;
  /** Integrations allowed to send and receive for the account. */
  integrasjoner: ReadonlyArray<{ id: string; passord: string }>;
}

export interface FiksIoStandinOppsett {
  /** The broker, e.g. amqp://guest:guest@127.0.0.1:5672. */
  amqpUrl: string;
  kontoer: readonly StandinKonto[];
  port?: number;
  vert?: string;
  /** The largest message accepted (default 50 MB). */
  maksStoerrelse?: number;
}

export interface FiksIoStandin {
  url: string;
  /** Messages published, by type. */
  sendt: Map<string, number>;
  /** Stops the server; `slettKoeer` removes the accounts' queues from the broker (tests share one). */
  stopp(valg?: { slettKoeer?: boolean }): Promise<void>;
}

const uuid = z.string().uuid();
const metadataSkjema = z.object({
  avsenderKontoId: uuid,
  mottakerKontoId: uuid,
  meldingType: z.string().min(1).max(200),
  svarPaMelding: uuid.nullish(),
  ttl: z.number().int().positive().nullish(),
  headere: z.record(z.string(), z.string()).nullish(),
});

/** Fiks IO's default time to live: «En melding har en default levetid på 7 dager». */
const STANDARD_TTL_MS = 7 * 24 * 3_600_000;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function feil(res: ServerResponse, status: number, melding: string): void {
  json(res, status, { status, error: melding });
}

interface Deler {
  metadata?: string;
  data?: Buffer;
}

function lesDeler(req: IncomingMessage, maks: number): Promise<Deler> {
  return new Promise((ok, avvis) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: maks, files: 2, fields: 2 } });
    } catch {
      avvis(new Error('forventet multipart/form-data'));
      return;
    }
    const deler: Deler = {};
    let forStor = false;
    bb.on('file', (navn, strom) => {
      const biter: Buffer[] = [];
      strom.on('data', (b: Buffer) => biter.push(b));
      strom.on('limit', () => {
        forStor = true;
      });
      strom.on('end', () => {
        const innhold = Buffer.concat(biter);
        if (navn === 'metadata') deler.metadata = innhold.toString('utf8');
        else if (navn === 'data') deler.data = innhold;
      });
    });
    bb.on('field', (navn, verdi) => {
      if (navn === 'metadata') deler.metadata = verdi;
    });
    bb.on('error', avvis);
    bb.on('close', () => (forStor ? avvis(new Error('meldingen er for stor')) : ok(deler)));
    req.pipe(bb);
  });
}

export async function startFiksIoStandin(o: FiksIoStandinOppsett): Promise<FiksIoStandin> {
  const kontoer = new Map(o.kontoer.map((k) => [k.kontoId, k]));
  const maks = o.maksStoerrelse ?? 50 * 1024 * 1024;
  const forbindelse: ChannelModel = await amqp.connect(o.amqpUrl);
  forbindelse.on('error', () => undefined);
  const kanal: ConfirmChannel = await forbindelse.createConfirmChannel();
  for (const k of o.kontoer) await kanal.assertQueue(FIKS_IO.koe(k.kontoId), { durable: true });
  const sendt = new Map<string, number>();

  /** The account the integration may act for, or the reason it may not. */
  function integrasjon(req: IncomingMessage): { ok: true; id: string } | { ok: false; melding: string } {
    const id = req.headers.integrasjonid;
    const passord = req.headers.integrasjonpassord;
    const auth = req.headers.authorization;
    if (typeof auth !== 'string' || !/^Bearer \S+$/.test(auth)) {
      return { ok: false, melding: 'mangler Authorization: Bearer <Maskinporten-token>' };
    }
    if (typeof id !== 'string' || typeof passord !== 'string') {
      return { ok: false, melding: 'mangler IntegrasjonId eller IntegrasjonPassord' };
    }
    const kjent = o.kontoer.some((k) => k.integrasjoner.some((i) => i.id === id && i.passord === passord));
    return kjent ? { ok: true, id } : { ok: false, melding: 'ukjent integrasjon eller feil passord' };
  }

  async function send(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const inn = integrasjon(req);
    if (!inn.ok) return feil(res, 401, inn.melding);
    let deler: Deler;
    try {
      deler = await lesDeler(req, maks);
    } catch (e) {
      return feil(res, 400, (e as Error).message);
    }
    let metadata: z.output<typeof metadataSkjema>;
    try {
      metadata = metadataSkjema.parse(JSON.parse(deler.metadata ?? ''));
    } catch {
      return feil(res, 400, 'metadata mangler eller er ugyldig');
    }
    const avsender = kontoer.get(metadata.avsenderKontoId);
    if (!avsender?.integrasjoner.some((i) => i.id === inn.id)) {
      return feil(res, 403, 'integrasjonen har ikke tilgang til avsenderkontoen');
    }
    if (!kontoer.has(metadata.mottakerKontoId)) return feil(res, 400, 'ukjent mottakerkonto');
    const meldingId = randomUUID();
    const ttl = metadata.ttl ?? STANDARD_TTL_MS;
    const headers: Record<string, string> = {
      [FIKS_IO.headere.meldingId]: meldingId,
      [FIKS_IO.headere.type]: metadata.meldingType,
      [FIKS_IO.headere.avsenderId]: avsender.kontoId,
      [FIKS_IO.headere.avsenderNavn]: avsender.navn,
    };
    if (metadata.svarPaMelding) headers[FIKS_IO.headere.svarTil] = metadata.svarPaMelding;
    for (const [navn, verdi] of Object.entries(metadata.headere ?? {})) {
      headers[`${FIKS_IO.headere.egendefinert}${navn}`] = verdi;
    }
    try {
      await new Promise<void>((ok, avvis) =>
        kanal.publish(
          '',
          FIKS_IO.koe(metadata.mottakerKontoId),
          deler.data ?? Buffer.alloc(0),
          { persistent: true, headers, expiration: String(ttl), messageId: meldingId },
          (e: unknown) => (e ? avvis(e) : ok()),
        ),
      );
    } catch {
      return feil(res, 503, 'meldingen kunne ikke leveres til køen');
    }
    sendt.set(metadata.meldingType, (sendt.get(metadata.meldingType) ?? 0) + 1);
    json(res, 200, {
      meldingId,
      meldingType: metadata.meldingType,
      avsenderKontoId: avsender.kontoId,
      mottakerKontoId: metadata.mottakerKontoId,
      ttl,
      dokumentlagerId: null,
      svarPaMelding: metadata.svarPaMelding ?? null,
      headere: metadata.headere ?? {},
    });
  }

  function offentligNoekkel(req: IncomingMessage, res: ServerResponse, kontoId: string): void {
    const inn = integrasjon(req);
    const konto = kontoer.get(kontoId);
    if (!inn.ok) {
      feil(res, 401, inn.melding);
      return;
    }
    if (!konto) {
      feil(res, 404, 'ukjent konto');
      return;
    }
    const x = new X509Certificate(konto.sertifikat);
    json(res, 200, {
      nokkel: sertifikatTilPem(konto.sertifikat),
      validFrom: new Date(x.validFrom).toISOString(),
      validTo: new Date(x.validTo).toISOString(),
      serial: x.serialNumber,
      subjectDN: x.subject,
    });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const katalog = /^\/fiks-io\/katalog\/api\/v1\/kontoer\/([^/]+)\/offentligNokkel$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === FIKS_IO.sendSti) {
      send(req, res).catch(() => feil(res, 500, 'intern feil'));
    } else if (req.method === 'GET' && katalog) {
      offentligNoekkel(req, res, decodeURIComponent(katalog[1] as string));
    } else if (req.method === 'GET' && url.pathname === '/helse') {
      json(res, 200, { status: 'ok' });
    } else {
      feil(res, 404, 'ukjent sti');
    }
  });
  await new Promise<void>((ok) => server.listen(o.port ?? 0, o.vert ?? '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.vert ?? '127.0.0.1'}:${port}`,
    sendt,
    async stopp(valg = {}) {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      if (valg.slettKoeer) {
        for (const k of o.kontoer) await kanal.deleteQueue(FIKS_IO.koe(k.kontoId)).catch(() => undefined);
      }
      await kanal.close().catch(() => undefined);
      await forbindelse.close().catch(() => undefined);
    },
  };
}
