import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';

export interface Maskin {
  cpu: string;
  kjerner: number;
  minneBytes: number;
  node: string;
  os: string;
  dato: string;
  /** The CLI runs pinned to one core with taskset (Linux), when it is installed. */
  enKjerne: boolean;
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
  };
}
