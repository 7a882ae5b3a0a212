import { runCli } from './cli.js';

// A reader that closes early (`pnpm cli poster --aar 2024 | head`) is not an error of ours.
for (const strom of [process.stdout, process.stderr]) {
  strom.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
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
