import { readFileSync } from 'node:fs';

/** A V8 CPU profile (`node --cpu-prof`), the parts read here. */
interface Cpuprofil {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  /** Microseconds between samples (the first from startTime). */
  timeDeltas?: number[];
  startTime?: number;
  endTime?: number;
}

export interface Profilsammendrag {
  /** Share of samples (0–1) by where the code lives: a workspace package, a dependency, Node, GC. */
  perSted: Array<{ sted: string; andel: number }>;
  /** The functions with the most own time. */
  egentid: Array<{ funksjon: string; sted: string; andel: number }>;
  /** The functions with the most time including what they call. */
  inkludert: Array<{ funksjon: string; sted: string; andel: number }>;
}

/** Where a frame's code lives: "packages/beregning", "apps/cli", "zod", "node", "(gc)". */
export function sted(url: string, funksjon: string): string {
  if (!url) {
    if (funksjon === '(garbage collector)') return '(gc)';
    if (funksjon === '(idle)' || funksjon === '(program)') return funksjon;
    return '(native)';
  }
  const arbeid = /\/(packages|apps|tooling)\/([^/]+)\//.exec(url);
  if (arbeid && !url.includes('node_modules')) return `${arbeid[1]}/${arbeid[2]}`;
  const avh = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (avh) return avh[1] as string;
  if (url.startsWith('node:')) return 'node';
  if (url.startsWith('wasm://')) return 'wasm';
  return url;
}

/**
 * Sums a CPU profile by place and by function. With `sisteMs`, only the samples of the last so many
 * milliseconds count: the part of a CLI run after start-up (the run reports how long it processed rows).
 */
export function oppsummerProfil(fil: string, topp = 15, sisteMs?: number): Profilsammendrag {
  const p = JSON.parse(readFileSync(fil, 'utf8')) as Cpuprofil;
  if (sisteMs !== undefined && p.timeDeltas && p.startTime !== undefined) {
    const tider: number[] = [];
    let t = p.startTime;
    for (const d of p.timeDeltas) {
      t += d;
      tider.push(t);
    }
    const slutt = p.endTime ?? t;
    const fra = slutt - sisteMs * 1000;
    p.samples = p.samples.filter((_, i) => (tider[i] ?? 0) >= fra);
  }
  const noder = new Map(p.nodes.map((n) => [n.id, n]));
  const forelder = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) forelder.set(c, n.id);
  const antall = new Map<number, number>();
  for (const s of p.samples) antall.set(s, (antall.get(s) ?? 0) + 1);
  const total = p.samples.length || 1;
  const perSted = new Map<string, number>();
  const egen = new Map<string, { funksjon: string; sted: string; n: number }>();
  const inkl = new Map<string, { funksjon: string; sted: string; n: number }>();
  const nokkel = (id: number) => {
    const n = noder.get(id);
    const funksjon = n?.callFrame.functionName || '(anonym)';
    const s = sted(n?.callFrame.url ?? '', funksjon);
    return { k: `${funksjon}@${s}`, funksjon, sted: s };
  };
  for (const [id, n] of antall) {
    const { k, funksjon, sted: s } = nokkel(id);
    perSted.set(s, (perSted.get(s) ?? 0) + n);
    const e = egen.get(k) ?? { funksjon, sted: s, n: 0 };
    e.n += n;
    egen.set(k, e);
    const sett = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = forelder.get(cur)) {
      const x = nokkel(cur);
      if (sett.has(x.k) || x.funksjon === '(root)') continue;
      sett.add(x.k);
      const i = inkl.get(x.k) ?? { funksjon: x.funksjon, sted: x.sted, n: 0 };
      i.n += n;
      inkl.set(x.k, i);
    }
  }
  const sorter = <T extends { n: number }>(m: Iterable<T>) => [...m].sort((a, b) => b.n - a.n);
  return {
    perSted: sorter([...perSted].map(([s, n]) => ({ sted: s, n })))
      .slice(0, topp)
      .map((x) => ({ sted: x.sted, andel: x.n / total })),
    egentid: sorter(egen.values())
      .slice(0, topp)
      .map((x) => ({ funksjon: x.funksjon, sted: x.sted, andel: x.n / total })),
    inkludert: sorter(inkl.values())
      .filter((x) => x.sted.startsWith('packages/') || x.sted.startsWith('apps/'))
      .slice(0, topp)
      .map((x) => ({ funksjon: x.funksjon, sted: x.sted, andel: x.n / total })),
  };
}
