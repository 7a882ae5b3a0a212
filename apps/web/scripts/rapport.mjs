// Writes the measured budgets into docs/web.md (between the budsjett markers): the initial JavaScript
// from the last build (dist/budsjett.json) and the time to result from the last end-to-end run
// (test-results/ytelse.json). Run after `pnpm build` and the tests: `pnpm --filter @inntektsgrunnlag/web rapport`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fil = (sti) => fileURLToPath(new URL(sti, import.meta.url));
const budsjett = JSON.parse(readFileSync(fil('../dist/budsjett.json'), 'utf8'));
const ytelse = JSON.parse(readFileSync(fil('../test-results/ytelse.json'), 'utf8'));
const dok = fil('../../../docs/web.md');

const kb = (n) => `${(n / 1000).toFixed(1).replace('.', ',')} KB`;
const ms = (n) => `${String(Math.round(n))} ms`;
const linjer = [
  '<!-- budsjett:start (skrevet av apps/web/scripts/rapport.mjs) -->',
  '| Budsjett | Grense | Målt | Hvordan |',
  '| --- | --- | --- | --- |',
  `| Første JavaScript, gzip | ${kb(budsjett.budsjettGzipByte)} | ${kb(budsjett.gzipByte)} (${kb(budsjett.byte)} uten gzip) | \`pnpm build\` (scripts/budsjett.mjs) feiler over grensen |`,
  ...ytelse.maalinger.map((m) => {
    // Over budget the suite measures again and judges the best try; then every try is shown.
    const forsoek = m.forsoekMs ?? [m.tilResultatMs];
    const maalt = [
      ms(m.tilResultatMs),
      ...(forsoek.length > 1 ? [`beste av ${forsoek.length} forsøk: ${forsoek.map(ms).join(', ')}`] : []),
      ...(m.omregningMs !== undefined ? [`omregning uten nytt oppslag: ${ms(m.omregningMs)}`] : []),
    ];
    const tillegg = maalt.length > 1 ? ` (${maalt.slice(1).join('; ')})` : '';
    return `| «Beregn» til resultat vist, ${m.omraade} | ${ms(ytelse.budsjettMs)} | ${maalt[0]}${tillegg} | ende-til-ende i Chromium ${ytelse.nettleser}, innebygde data; \`vitest run\` feiler over grensen (beste av inntil tre forsøk) |`;
  }),
  '<!-- budsjett:slutt -->',
];
const tekst = readFileSync(dok, 'utf8');
const ny = tekst.replace(/<!-- budsjett:start[\s\S]*?<!-- budsjett:slutt -->/, linjer.join('\n'));
if (ny === tekst && !tekst.includes('<!-- budsjett:start')) {
  console.error('rapport: fant ikke budsjett-merkene i docs/web.md');
  process.exit(1);
}
writeFileSync(dok, ny);
console.log(linjer.slice(1, -1).join('\n'));
