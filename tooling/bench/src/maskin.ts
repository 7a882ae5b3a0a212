import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';

export interface Maskin {
  cpu: string;
  kjerner: number;
  minneBytes: number;
  node: string;
  os: string;
  dato: string;
  /** The CLI runs pinned to one core with taskset (Linux), when it is installed. */
  enKjerne: boolean;
  /**
   * The machine's load (`os.loadavg()`, 1-minute average) sampled before each measurement: other
   * work on a shared machine slows every figure, so the report says how loaded it was.
   */
  last: { foer: number; min: number; maks: number; prover: number[] };
}

/** Samples the 1-minute load average into `m.last`. */
export function noterLast(m: Maskin): void {
  const [en = 0] = loadavg();
  m.last.prover.push(en);
  m.last.min = Math.min(...m.last.prover);
  m.last.maks = Math.max(...m.last.prover);
}

/** The cores this process may use (what `--arbeidere` defaults to). */
export function brukbareKjerner(): number {
  return availableParallelism();
}

/** Whether `taskset` can pin a process to one core here. */
export function harTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The machine the numbers were measured on. The date is the day of the run (a report, not a rule). */
export function beskrivMaskin(): Maskin {
  const c = cpus();
  return {
    cpu: (c[0]?.model ?? 'ukjent').trim(),
    kjerner: c.length,
    minneBytes: totalmem(),
    node: process.version,
    os: `${type()} ${release()}`,
    dato: new Date().toISOString().slice(0, 10),
    enKjerne: harTaskset(),
    last: { foer: loadavg()[0] ?? 0, min: loadavg()[0] ?? 0, maks: loadavg()[0] ?? 0, prover: [] },
  };
}
