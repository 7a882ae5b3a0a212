// Issue 19, item 4: shutdown that loses nothing, with the real process (`src/main.ts`) and raw
// sockets: on SIGTERM an idle keep-alive connection is closed, no new connection is accepted, a request
// in flight finishes (and is audited), one that would not finish is cut at the bound, and the process
// exits (1, since it had to cut one).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aapneLagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, describe, expect, it } from 'vitest';

const API = fileURLToPath(new URL('..', import.meta.url));
const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const KROPP = JSON.stringify({ ...ks.foresporsel, beregningsdato: '2024-06-01' });

const kataloger: string[] = [];
const prosesser: ChildProcess[] = [];
afterAll(() => {
  for (const p of prosesser) if (p.exitCode === null) p.kill('SIGKILL');
  for (const k of kataloger) rmSync(k, { recursive: true, force: true });
});

/** Starts the API as `pnpm start` would (without the web build), and resolves with its port. */
async function startApi(data: string): Promise<{ p: ChildProcess; port: number; utdata: () => string }> {
  const p = spawn(
    process.execPath,
    ['--conditions=@inntektsgrunnlag/source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: API,
      env: {
        ...process.env,
        INNTEKTSGRUNNLAG_DATA: data,
        PORT: '0',
        HOST: '127.0.0.1',
        SHUTDOWN_TIMEOUT_SECONDS: '3',
        WEB_DIST: join(data, 'ingen-web'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  prosesser.push(p);
  let ut = '';
  p.stdout?.on('data', (d: Buffer) => {
    ut += d.toString();
  });
  p.stderr?.on('data', (d: Buffer) => {
    ut += d.toString();
  });
  const port = await new Promise<number>((ok, nei) => {
    const t = setInterval(() => {
      const m = /lytter på http:\/\/127\.0\.0\.1:(\d+)/.exec(ut);
      if (m) {
        clearInterval(t);
        ok(Number(m[1]));
      }
    }, 50);
    p.once('exit', (kode) => {
      clearInterval(t);
      nei(new Error(`API-et stoppet under start (${kode}): ${ut}`));
    });
  });
  return { p, port, utdata: () => ut };
}

function kobleTil(port: number): Promise<Socket> {
  return new Promise((ok, nei) => {
    const s = connect(port, '127.0.0.1', () => ok(s));
    s.once('error', nei);
  });
}

/** Everything a socket receives until it closes, and whether it closed. */
function lytt(s: Socket) {
  const st = { data: '', lukket: false };
  s.on('data', (d) => {
    st.data += d.toString();
  });
  s.on('close', () => {
    st.lukket = true;
  });
  s.on('error', () => undefined);
  return st;
}

async function inntil(f: () => boolean, ms: number): Promise<boolean> {
  const slutt = Date.now() + ms;
  while (Date.now() < slutt) {
    if (f()) return true;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  return f();
}

const postHode = (lengde: number) =>
  'POST /api/v1/beregning HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer demo-langtidsopphold\r\n' +
  `Content-Type: application/json\r\nContent-Length: ${lengde}\r\n\r\n`;

describe('SIGTERM on the real process', () => {
  it('closes idle keep-alive connections, refuses new ones, lets the request in flight finish and be audited, cuts the one past the bound, exits', async () => {
    const data = mkdtempSync(join(tmpdir(), 'api-stopp-'));
    kataloger.push(data);
    const { p, port, utdata } = await startApi(data);
    const avsluttet = new Promise<number | null>((ok) => p.once('exit', (kode) => ok(kode)));

    // A: a keep-alive connection that has had its answer and sits idle.
    const a = await kobleTil(port);
    const aSt = lytt(a);
    a.write('GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await inntil(() => aSt.data.includes('"ok"'), 20_000)).toBe(true);
    expect(aSt.lukket).toBe(false);

    // B: a lookup in flight (half its body sent); C: one that will never finish.
    const b = await kobleTil(port);
    const bSt = lytt(b);
    const halv = Math.floor(KROPP.length / 2);
    b.write(postHode(Buffer.byteLength(KROPP)) + KROPP.slice(0, halv));
    const c = await kobleTil(port);
    const cSt = lytt(c);
    c.write(postHode(Buffer.byteLength(KROPP)) + KROPP.slice(0, 10));
    await new Promise((ok) => setTimeout(ok, 500));

    const sendt = Date.now();
    p.kill('SIGTERM');
    // The idle connection is closed at once, not served for the whole bound.
    expect(await inntil(() => aSt.lukket, 2000)).toBe(true);
    // No new connections.
    await inntil(() => utdata().includes('stopper'), 2000);
    const ny = await kobleTil(port).then(
      (s) => {
        s.destroy();
        return 'tatt imot';
      },
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(ny).toBe('ECONNREFUSED');

    // B finishes: answered in full, and told the connection closes.
    b.write(KROPP.slice(halv));
    expect(await inntil(() => bSt.lukket, 20_000)).toBe(true);
    expect(bSt.data).toMatch(/^HTTP\/1\.1 200 /);
    expect(bSt.data.toLowerCase()).toContain('connection: close');
    expect(bSt.data).toContain('"beregningsbeloep"');

    // C is cut at the bound, and the process exits saying so.
    const kode = await avsluttet;
    expect(Date.now() - sendt).toBeLessThan(15_000);
    expect(cSt.lukket).toBe(true);
    expect(cSt.data).not.toMatch(/^HTTP\/1\.1 200 /);
    expect(kode).toBe(1);
    expect(utdata()).toMatch(/"avbrutt":1/);

    // Nothing lost: B's lookup is in the audit log the process closed cleanly.
    const l = await aapneLagring({ dataKatalog: data, demodata: false });
    try {
      const poster = await l.revisjonslogg.liste({ siste: 10 });
      expect(poster.filter((x) => x.utfall === 'TILLATT')).toHaveLength(1);
      expect(await l.revisjonslogg.verifiserKjede()).toMatchObject({ ok: true });
    } finally {
      await l.lukk();
    }
  }, 120_000);
});

// The handler's own refusal, on a real HTTP server in this process: a request whose headers were
// still arriving when the stop began is not yet "in flight" (no 'request' event), so neither finished
// nor cut; when its headers complete it must get the 503 that sends the client elsewhere, and the
// connection must close.
describe('Nedstenging: a request that arrives on an open connection after the stop began', () => {
  it('is answered 503 with Retry-After and Connection: close, and the connection closes', async () => {
    const { createServer } = await import('node:http');
    const { Nedstenging } = await import('./nedstenging.js');
    const nedstenging = new Nedstenging();
    const server = createServer(
      nedstenging.behandler((_req, res) => {
        res.end('svar');
      }),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const adresse = server.address();
    const port = typeof adresse === 'object' && adresse ? adresse.port : 0;
    try {
      const s = await kobleTil(port);
      const st = lytt(s);
      // Half the head: the parser is busy with it, so closeIdleConnections leaves the connection open.
      s.write('GET /health/ready HTTP/1.1\r\nHost: local');
      await new Promise((ok) => setTimeout(ok, 100));
      const stopp = nedstenging.stopp(server, 5_000);
      expect(nedstenging.aktiv).toBe(true);
      s.write('host\r\n\r\n');
      expect(await inntil(() => st.lukket, 5_000)).toBe(true);
      expect(st.data).toMatch(/^HTTP\/1\.1 503 /);
      const hode = st.data.toLowerCase();
      expect(hode).toContain('connection: close');
      expect(hode).toContain('retry-after: 1');
      expect(st.data).toContain('"status_instans":"stopper"');
      expect(st.data).not.toContain('svar');
      // Nothing was in flight, so nothing was cut.
      expect(await stopp).toEqual({ fullfoert: 0, avbrutt: 0 });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
