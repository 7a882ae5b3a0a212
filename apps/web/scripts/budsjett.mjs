// The JavaScript budget, run as the last step of `build`: the JavaScript a browser loads before the
// first paint (the entry chunk and every chunk it imports statically, as Vite's manifest lists them),
// gzipped, must be at most 200 KB. Over budget the build fails. Writes dist/budsjett.json for the docs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 200 KB, counted as 200 000 bytes (the stricter reading of "KB"). */
export const BUDSJETT_BYTE = 200_000;

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const innganger = Object.entries(manifest).filter(([, c]) => c.isEntry);
if (innganger.length === 0) {
  console.error('budsjett: fant ingen inngang i dist/.vite/manifest.json');
  process.exit(1);
}

const sett = new Set();
const besoek = (noekkel) => {
  const chunk = manifest[noekkel];
  if (!chunk || sett.has(chunk.file)) return;
  sett.add(chunk.file);
  for (const i of chunk.imports ?? []) besoek(i);
};
for (const [noekkel] of innganger) besoek(noekkel);

const filer = [...sett]
  .filter((f) => f.endsWith('.js'))
  .map((fil) => {
    const innhold = readFileSync(join(dist, fil));
    return { fil, byte: innhold.length, gzipByte: gzipSync(innhold, { level: 9 }).length };
  });
const gzipByte = filer.reduce((s, f) => s + f.gzipByte, 0);
const byte = filer.reduce((s, f) => s + f.byte, 0);
const rapport = {
  budsjettGzipByte: BUDSJETT_BYTE,
  gzipByte,
  byte,
  innenfor: gzipByte <= BUDSJETT_BYTE,
  filer,
};
writeFileSync(join(dist, 'budsjett.json'), `${JSON.stringify(rapport, null, 2)}\n`);

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`Første JavaScript: ${kb(gzipByte)} gzip (${kb(byte)} uten), budsjett ${kb(BUDSJETT_BYTE)} gzip`);
if (!rapport.innenfor) {
  console.error(`budsjett: første JavaScript er ${kb(gzipByte - BUDSJETT_BYTE)} over budsjettet`);
  process.exit(1);
}
