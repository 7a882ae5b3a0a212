// Issue 19, item 10: the README's test command sets up what it needs on a fresh machine. The root
// `pnpm test` runs scripts/systemkrav.sh first, and `.ci/run` calls the same script; the script
// installs the missing Debian packages as root or with sudo, and otherwise stops, naming them, before
// any test runs. Run here on a PATH of stand-ins (id, sudo, apt-get) so nothing is installed for real.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const rot = fileURLToPath(new URL('../../../', import.meta.url));
const SKRIPT = join(rot, 'scripts', 'systemkrav.sh');

const kataloger: string[] = [];
afterAll(() => {
  for (const k of kataloger) rmSync(k, { recursive: true, force: true });
});

/**
 * A PATH holding only sh and the given stand-ins. `apt-get` records its arguments and "installs" by
 * creating the tools; chromium counts as present only when named (the script also accepts
 * /usr/bin/chromium, which this machine may have, so the chromium case is left out of the assertions).
 */
function miljoe(valg: { root: boolean; sudo: boolean; aptGet?: boolean; verktoey?: string[] }) {
  const bin = mkdtempSync(join(tmpdir(), 'systemkrav-'));
  kataloger.push(bin);
  const logg = join(bin, 'logg');
  writeFileSync(logg, '');
  const skript = (navn: string, innhold: string) => {
    writeFileSync(join(bin, navn), `#!/bin/sh\n${innhold}\n`);
    chmodSync(join(bin, navn), 0o755);
  };
  symlinkSync('/bin/sh', join(bin, 'sh'));
  skript('id', `echo ${valg.root ? 0 : 1000}`);
  for (const v of valg.verktoey ?? []) skript(v, 'exit 0');
  if (valg.sudo) skript('sudo', `echo "sudo $*" >> ${logg}\n[ "$1" = "-n" ] && shift\n"$@"`);
  if (valg.aptGet !== false) {
    skript(
      'apt-get',
      `echo "apt-get $*" >> ${logg}\nfor p in "$@"; do case "$p" in poppler-utils) printf '#!/bin/sh\\n' > ${bin}/pdfinfo; /bin/chmod +x ${bin}/pdfinfo;; libxml2-utils) printf '#!/bin/sh\\n' > ${bin}/xmllint; /bin/chmod +x ${bin}/xmllint;; chromium) printf '#!/bin/sh\\n' > ${bin}/chromium; /bin/chmod +x ${bin}/chromium;; esac; done`,
    );
  }
  skript('env', 'for a; do case "$a" in *=*) export "$a"; shift ;; *) break ;; esac; done\nexec "$@"');
  const kjoer = () => spawnSync('/bin/sh', [SKRIPT], { env: { PATH: bin, HOME: bin }, encoding: 'utf8' });
  return { kjoer, logg: () => readFileSync(logg, 'utf8') };
}

describe('scripts/systemkrav.sh', () => {
  it('the root test command and .ci/run both run it first', () => {
    const pakke = JSON.parse(readFileSync(join(rot, 'package.json'), 'utf8')) as {
      scripts: { test: string };
    };
    expect(pakke.scripts.test).toMatch(/^sh scripts\/systemkrav\.sh && /);
    expect(readFileSync(join(rot, '.ci', 'run'), 'utf8')).toContain('scripts/systemkrav.sh');
  });

  it('does nothing when the tools are there', () => {
    const m = miljoe({ root: false, sudo: false, verktoey: ['pdfinfo', 'xmllint', 'chromium'] });
    const r = m.kjoer();
    expect(r.status).toBe(0);
    expect(m.logg()).toBe('');
  });

  it('as root: installs what is missing with apt-get', () => {
    const m = miljoe({ root: true, sudo: false, verktoey: ['chromium'] });
    const r = m.kjoer();
    expect(r.stderr).toContain('poppler-utils');
    expect(r.status).toBe(0);
    expect(m.logg()).toMatch(/apt-get update/);
    expect(m.logg()).toMatch(/apt-get install -y -qq poppler-utils libxml2-utils/);
  });

  it('not root, with sudo that needs no password: installs through sudo', () => {
    const m = miljoe({ root: false, sudo: true, verktoey: ['chromium', 'xmllint'] });
    const r = m.kjoer();
    expect(r.status).toBe(0);
    expect(m.logg()).toMatch(
      /sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils/,
    );
  });

  it('not root and no sudo: stops before anything runs, naming the packages and the command', () => {
    const m = miljoe({ root: false, sudo: false, verktoey: ['chromium'] });
    const r = m.kjoer();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sudo apt-get install poppler-utils libxml2-utils');
    expect(m.logg()).toBe('');
  });
});
