/**
 * Where the time of a CLI row goes, phase by phase, on the benchmark cases (each phase timed alone,
 * after a warm-up, in one process): parse the input line, validate the request, the calculation
 * alone (`beregnForesporsel`), the whole use case (`Oppslagstjeneste.beregn`: validation, access,
 * minimisation, calculation), `JSON.stringify` of the result, and encoding it into the output buffer.
 * Prints one JSON object: µs per row per phase.
 *
 *   node --conditions=@inntektsgrunnlag/source --import tsx src/maal/faser.ts [antall]
 */
import {
  type Beregningstype,
  beregnForesporsel,
  foresporselSkjema,
  valider,
} from '@inntektsgrunnlag/beregning';
import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, demooppsettFor } from '@inntektsgrunnlag/lagring';
import {
  type Autentisering,
  BEREGNERE,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from '@inntektsgrunnlag/oppslag';
import { tilfeller } from '../generer.js';

const antall = Number(process.argv[2] ?? 10_000);
const linjer = [...tilfeller(antall)];
const rader = linjer.map((l) => JSON.parse(l) as { beregningstype: Beregningstype });
const regelverk = standardRegelverk();
const lagring = await aapneLagring({ iMinne: true, demodata: true });
const tjeneste = new Oppslagstjeneste({
  lagring,
  kilder: innebygdeKilder(),
  regelverk,
  innstillinger: validerKommuneinnstillinger({}),
  klokke: () => new Date('2026-11-27T10:00:00Z'),
  rollebuffer: Number.POSITIVE_INFINITY,
});
const hvem = new Map<string, { autentisering: Autentisering; rolleId: string }>();
for (const t of Object.keys(BEREGNERE)) {
  const d = demooppsettFor(t);
  const aktoer = d ? await lagring.brukere.aktoer(d.bruker.id) : null;
  if (!d || !aktoer) throw new Error(`ingen demobruker for ${t}`);
  hvem.set(t, { autentisering: { ok: true, aktoer }, rolleId: d.rolle.id });
}

const ut: Record<string, number> = {};
async function fase(navn: string, f: () => unknown | Promise<unknown>, n = antall) {
  // Two warm-up passes, so the optimising compiler has seen the code before it is timed.
  await f();
  await f();
  const start = performance.now();
  await f();
  ut[navn] = ((performance.now() - start) * 1000) / n;
}

await fase('parse', () => {
  for (const l of linjer) JSON.parse(l);
});
await fase('valider', () => {
  for (const r of rader) valider(foresporselSkjema, r);
});
await fase('beregning', () => {
  for (const r of rader) beregnForesporsel(BEREGNERE[r.beregningstype], r, { idag: '2026-11-27', regelverk });
});
const beregn = async (r: (typeof rader)[number]) =>
  (
    await tjeneste.beregn({ ...hvem.get(r.beregningstype), foresporsel: r } as Parameters<
      typeof tjeneste.beregn
    >[0])
  ).resultat;
// Results are not kept while timing (as in the CLI, where each is written and dropped): holding ten
// thousand of them would time the garbage collector instead.
await fase('oppslagstjeneste', async () => {
  for (const r of rader) await beregn(r);
});
const resultater: unknown[] = [];
for (const r of rader.slice(0, 1000)) resultater.push(await beregn(r));
const tekster: string[] = [];
await fase(
  'stringify',
  () => {
    tekster.length = 0;
    for (const r of resultater) tekster.push(`${JSON.stringify(r)}\n`);
  },
  resultater.length,
);
const buf = Buffer.allocUnsafe(8 << 20);
await fase(
  'koding',
  () => {
    let pos = 0;
    for (const t of tekster) {
      if (pos + t.length * 3 > buf.length) pos = 0;
      pos += buf.write(t, pos, 'utf8');
    }
  },
  tekster.length,
);
await lagring.lukk();
process.stdout.write(`${JSON.stringify(ut)}\n`);
