import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs poppler's tools (pdfinfo, pdffonts, pdftotext) on a PDF in memory, through a temporary file. */
export function poppler(pdf: Uint8Array) {
  const mappe = mkdtempSync(join(tmpdir(), 'dokument-test-'));
  const fil = join(mappe, 'dokument.pdf');
  writeFileSync(fil, pdf);
  const kjoer = (program: string, args: string[]) =>
    execFileSync(program, [...args, fil, ...(program === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  try {
    const info = kjoer('pdfinfo', []);
    return {
      meta: kjoer('pdfinfo', ['-meta']),
      info,
      fonter: kjoer('pdffonts', []),
      tekst: kjoer('pdftotext', ['-enc', 'UTF-8']),
      /** The text of each page, in order. */
      sider: Array.from({ length: sidetall(info) }, (_, i) =>
        kjoer('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1)]),
      ),
    };
  } finally {
    rmSync(mappe, { recursive: true, force: true });
  }
}

/** The rows of `pdffonts`' table: name, type, whether embedded. */
export function fontrader(pdffonts: string): Array<{ navn: string; innebygd: boolean; linje: string }> {
  const linjer = pdffonts.trim().split('\n');
  const skille = linjer.findIndex((l) => l.startsWith('---'));
  const hode = linjer[skille - 1] ?? '';
  const embKolonne = hode.indexOf('emb');
  return linjer.slice(skille + 1).map((linje) => ({
    navn: linje.split(/\s+/)[0] ?? '',
    innebygd: linje.slice(embKolonne, embKolonne + 3) === 'yes',
    linje,
  }));
}

/** The number of pages `pdfinfo` reports. */
export function sidetall(info: string): number {
  const m = /^Pages:\s+(\d+)$/m.exec(info);
  if (!m) throw new Error(`pdfinfo sa ikke antall sider:\n${info}`);
  return Number(m[1]);
}
