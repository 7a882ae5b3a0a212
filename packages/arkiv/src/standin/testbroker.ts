import amqp from 'amqplib';

/** CI's local RabbitMQ (guest/guest); override with INNTEKTSGRUNNLAG_TEST_AMQP_URL. */
export const TEST_AMQP_URL =
  process.env.INNTEKTSGRUNNLAG_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Whether the broker answers, and if not, why. */
export async function amqpSvarer(url = TEST_AMQP_URL): Promise<{ ok: true } | { ok: false; grunn: string }> {
  try {
    const f = await amqp.connect(url, { timeout: 3000 });
    await f.close();
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { ok: false, grunn: `${err.code ?? ''} ${err.message ?? String(e)}`.trim() };
  }
}

/**
 * For a suite that needs the broker, as the PostgreSQL suites do: true when it answers. When it does
 * not, the suite says so visibly and is skipped, except in CI (CI=true), where the broker is required
 * and the suite fails instead.
 */
export async function brokerForTest(hvem: string, url = TEST_AMQP_URL): Promise<boolean> {
  const svar = await amqpSvarer(url);
  if (svar.ok) return true;
  const tekst = `RabbitMQ på ${url.replace(/\/\/[^@]*@/, '//')} svarer ikke (${svar.grunn})`;
  if (process.env.CI === 'true') {
    throw new Error(`[${hvem}] ${tekst}: i CI er brokeren påkrevd, og testene mot den kan ikke hoppes over.`);
  }
  console.warn(`\n[${hvem}] MERK: testene mot RabbitMQ HOPPES OVER: ${tekst}.\n`);
  return false;
}
