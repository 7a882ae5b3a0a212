/** The median of measurements (the mean of the middle two for an even count). */
export function median(tall: readonly number[]): number {
  if (tall.length === 0) throw new Error('median av ingen målinger');
  const s = [...tall].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** "12 345" (thin grouping, as in the report's tables), rounded to whole units. */
export function heltall(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** A number with `d` decimals. */
export function desimal(n: number, d = 1): string {
  return n.toFixed(d);
}

/** Bytes as MiB with one decimal. */
export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
