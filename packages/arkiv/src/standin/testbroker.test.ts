import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { amqpSvarer, brokerForTest, TEST_AMQP_URL } from './testbroker.js';

/**
 * The rule every RabbitMQ suite follows (docs/arkiv.md, «Tests»): a broker that does not answer is said
 * visibly and the suite skipped, except in CI (CI=true), where it fails. Tried against a port that
 * refuses (a listener we open and close, so the port is free), and against the local broker when it runs.
 */

let stengtUrl: string;
beforeAll(async () => {
  const tjener: Server = createServer();
  await new Promise<void>((ok) => tjener.listen(0, '127.0.0.1', ok));
  const adresse = tjener.address();
  const port = typeof adresse === 'object' && adresse ? adresse.port : 0;
  await new Promise<void>((ok) => tjener.close(() => ok()));
  stengtUrl = `amqp://guest:hemmelig@127.0.0.1:${port}`;
});

const ci = process.env.CI;
afterEach(() => {
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
  vi.restoreAllMocks();
});
afterAll(() => vi.restoreAllMocks());

describe('brokerForTest', () => {
  it('outside CI: says visibly that the suite is skipped, without the password, and gives false', async () => {
    delete process.env.CI;
    const advarsel = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await brokerForTest('test', stengtUrl)).toBe(false);
    expect(advarsel).toHaveBeenCalledTimes(1);
    const tekst = String(advarsel.mock.calls[0]?.[0]);
    expect(tekst).toContain('[test] MERK: testene mot RabbitMQ HOPPES OVER');
    expect(tekst).toContain('127.0.0.1');
    expect(tekst).not.toContain('hemmelig');
  });

  it('in CI (CI=true): fails instead of skipping', async () => {
    process.env.CI = 'true';
    const advarsel = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(brokerForTest('test', stengtUrl)).rejects.toThrow(
      /i CI er brokeren påkrevd, og testene mot den kan ikke hoppes over/,
    );
    expect(advarsel).not.toHaveBeenCalled();
  });

  it('gives true, quietly, when the broker answers', async () => {
    const svar = await amqpSvarer(TEST_AMQP_URL);
    // Without a local broker there is nothing to connect to; that case is the two tests above.
    if (!svar.ok) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const advarsel = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await brokerForTest('test')).toBe(true);
    expect(advarsel).not.toHaveBeenCalled();
  });
});
