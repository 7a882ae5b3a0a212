import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

/** Default bound on waiting for requests in flight at shutdown: inside Kubernetes' 30 s grace period. */
export const STANDARD_STOPPFRIST_MS = 25_000;

export interface Stoppresultat {
  /** Requests in flight that finished within the bound. */
  fullfoert: number;
  /** Requests still running at the bound, whose connections were cut. */
  avbrutt: number;
}

/**
 * Shutdown that loses nothing (issue 19, item 4). Wraps the app's request handler so that, once
 * stopping: the instance is not ready (every new request, /health/ready too, is a 503 with
 * `Connection: close` and `Retry-After`, so a load balancer and a keep-alive client go elsewhere); no
 * new connection is accepted; idle keep-alive connections are closed; requests in flight finish (their
 * answers say `Connection: close`), up to a bound, after which what still runs is cut.
 */
export class Nedstenging {
  private stopper = false;
  private readonly underveis = new Set<ServerResponse>();
  private fullfoert = 0;

  get aktiv(): boolean {
    return this.stopper;
  }

  /** The request handler to give `http.createServer`. */
  behandler(app: RequestListener): RequestListener {
    return (req: IncomingMessage, res: ServerResponse) => {
      if (this.stopper) {
        res.shouldKeepAlive = false;
        res.writeHead(503, {
          'Content-Type': 'application/problem+json; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'close',
          'Retry-After': '1',
        });
        res.end(
          JSON.stringify({
            type: 'urn:inntektsgrunnlag:problem:utilgjengelig',
            title: 'Instansen stopper',
            status: 503,
            detail: 'Denne instansen stopper og tar ikke imot nye forespørsler. Send forespørselen på nytt.',
            status_instans: 'stopper',
          }),
        );
        return;
      }
      this.underveis.add(res);
      res.once('close', () => {
        if (this.underveis.delete(res) && this.stopper) this.fullfoert++;
      });
      app(req, res);
    };
  }

  /**
   * Stops: from now on not ready, no new connections, idle ones closed, in-flight answers closing
   * their connections. Resolves when the last request in flight has finished, or at `fristMs`
   * with those cut.
   */
  async stopp(server: Server, fristMs: number): Promise<Stoppresultat> {
    this.stopper = true;
    for (const res of this.underveis) {
      res.shouldKeepAlive = false;
      if (!res.headersSent) res.setHeader('Connection', 'close');
    }
    const lukket = new Promise<void>((ok) => server.close(() => ok()));
    // Connections between requests would otherwise hold close() open until they time out.
    server.closeIdleConnections();
    let frist: NodeJS.Timeout | undefined;
    const utloept = await Promise.race([
      lukket.then(() => false),
      new Promise<boolean>((ok) => {
        frist = setTimeout(() => ok(true), fristMs);
      }),
    ]);
    clearTimeout(frist);
    const avbrutt = utloept ? this.underveis.size : 0;
    if (utloept) server.closeAllConnections();
    return { fullfoert: this.fullfoert, avbrutt };
  }
}
