import { runCli } from './cli.js';

/**
 * A reader that closes early (`pnpm cli beregn saker.jsonl | head`) cuts the output short: what was not
 * yet written is lost, and in a batch the rows not yet run never are. That is no success, so exit as a
 * process killed by SIGPIPE does (128 + 13, what a shell shows for `yes | head`; `set -o pipefail`
 * then sees it), whatever the command had set. Node ignores SIGPIPE, so we see it as EPIPE. Nothing
 * is printed: the reader is gone, and a stack trace or a row could hold personal data.
 */
const LUKKET_ROER = 141;
for (const strom of [process.stdout, process.stderr]) {
  strom.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(LUKKET_ROER);
    throw e;
  });
}

const idag = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

const kode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  idag,
  naa: () => new Date(),
  stderrErTerminal: Boolean(process.stderr.isTTY),
});
process.exitCode = kode;
