import { runCli } from './cli.js';

const idag = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

const kode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  idag,
  stderrErTerminal: Boolean(process.stderr.isTTY),
});
process.exitCode = kode;
