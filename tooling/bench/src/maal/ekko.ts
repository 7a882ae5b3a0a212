/**
 * (b) baseline: the CLI's own streaming harness (apps/cli/src/batch: the reader, the ordered window,
 * the buffered writer, the checkpoints) with a row function that only re-serialises the parsed row.
 * The same input, the same output file handling, the same machine-readable summary as the CLI run.
 *
 *   node --conditions=@inntektsgrunnlag/source --import tsx src/maal/ekko.ts <inn.jsonl> <ut.jsonl> <oppsummering.json>
 */
import { writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { kjoerBatch } from '../../../../apps/cli/src/batch/kjoering.js';
import { undersoekInndata } from '../../../../apps/cli/src/inndata.js';

const [inn, ut, oppsummering] = process.argv.slice(2) as [string, string, string];
const inndata = await undersoekInndata(inn, { stdin: new PassThrough(), cwd: process.cwd() }, 'jsonl');
if (inndata.type !== 'rader') throw new Error('forventet rader');
const resultat = await kjoerBatch({
  inndata,
  ut,
  stdout: process.stdout,
  stderr: process.stderr,
  feilfil: `${ut}.feil.csv`,
  utformat: 'json',
  skilletegn: null,
  resume: false,
  samtidighet: 8,
  behandle: ({ data }) => `${JSON.stringify(data)}\n`,
  beskrivFeil: (e) => ({ kode: 'FEIL', melding: e instanceof Error ? e.message : String(e) }),
  fremdrift: false,
  visOppsummering: false,
});
writeFileSync(oppsummering, JSON.stringify(resultat));
