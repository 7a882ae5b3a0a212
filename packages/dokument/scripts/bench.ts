/**
 * Render time per document: renders the KS example and a long result (40 explanation groups, 150
 * visningsposter, about 15 pages) N times each after a warm-up, and prints the median, min and max
 * milliseconds per document as one JSON object on stdout.
 *
 *   pnpm --filter @inntektsgrunnlag/dokument bench [-- --runder 30]
 */
import { parseArgs } from 'node:util';
import { renderPdf } from '../src/index.js';
import { ksLangtidsopphold2023 } from '../test/fikstur/ks-langtidsopphold-2023.js';
import { langtResultat } from '../test/fikstur/lang.js';

// `pnpm bench -- --runder 30` passes the "--" on; drop it so the options are read as options.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: { runder: { type: 'string', default: '20' }, oppvarming: { type: 'string', default: '3' } },
});
const runder = Number(values.runder);
const oppvarming = Number(values.oppvarming);
if (!Number.isInteger(runder) || runder < 1 || !Number.isInteger(oppvarming) || oppvarming < 0) {
  console.error('--runder må være et helt tall ≥ 1 og --oppvarming ≥ 0');
  process.exit(2);
}

const metadata = {
  kommunenavn: 'Tønsberg kommune',
  laget: { rolle: 'saksbehandler-helse' },
  saksreferanse: '2026/1234',
  opprettet: '2026-11-27T10:15:00+01:00',
};

const tilfeller = [
  { navn: 'ks-langtidsopphold-2023', resultat: ksLangtidsopphold2023 },
  { navn: 'lang-40-grupper-150-poster', resultat: langtResultat(40, 150) },
];

function median(tall: number[]): number {
  const s = [...tall].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const rund = (n: number) => Math.round(n * 100) / 100;
const dokumenter: Record<string, { medianMs: number; minMs: number; maksMs: number; bytes: number }> = {};
for (const t of tilfeller) {
  for (let i = 0; i < oppvarming; i++) await renderPdf(t.resultat, metadata, { deterministisk: true });
  const tider: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runder; i++) {
    const start = performance.now();
    const pdf = await renderPdf(t.resultat, metadata, { deterministisk: true });
    tider.push(performance.now() - start);
    bytes = pdf.byteLength;
  }
  dokumenter[t.navn] = {
    medianMs: rund(median(tider)),
    minMs: rund(Math.min(...tider)),
    maksMs: rund(Math.max(...tider)),
    bytes,
  };
}

process.stdout.write(
  `${JSON.stringify({ benchmark: '@inntektsgrunnlag/dokument renderPdf', runder, oppvarming, node: process.version, dokumenter })}\n`,
);
