/**
 * (c) input: requests without inline posts for persons of the embedded synthetic population with a
 * tax settlement for 2023, the three areas in turn, so every row is a lookup (oppslagstilfeller.ts).
 *
 *   node --conditions=@inntektsgrunnlag/source --import tsx src/maal/oppslagsrader.ts <ut.jsonl> <antall>
 */
import { writeFileSync } from 'node:fs';
import { oppslagstilfeller } from '../oppslagstilfeller.js';

const [fil, antallTekst] = process.argv.slice(2) as [string, string];
writeFileSync(fil, `${oppslagstilfeller(Number(antallTekst)).join('\n')}\n`);
