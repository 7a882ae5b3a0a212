import { describe, expect, it } from 'vitest';
import { heltall, median, mib } from './statistikk.js';

describe('statistikk', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const tall = [5, 1, 3];
    expect(median(tall)).toBe(3);
    expect(tall).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('formats numbers for the report', () => {
    expect(heltall(1234567.4)).toBe('1\u202f234\u202f567');
    expect(heltall(999)).toBe('999');
    expect(mib(3 * 1024 * 1024)).toBe('3.0 MiB');
  });
});
