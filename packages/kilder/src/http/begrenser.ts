/**
 * Bounds how many calls run at once. Skatteetaten asks each organisation to make at most about five
 * concurrent calls per API (docs/om/bruk.md in Skatteetaten/api-dokumentasjon), so each HTTP adapter
 * owns one of these. Waiters are served first come, first served.
 */
export class Begrenser {
  private aktive = 0;
  private readonly koe: Array<() => void> = [];
  private hoeyeste = 0;

  constructor(readonly maks: number) {
    if (!Number.isInteger(maks) || maks < 1)
      throw new RangeError('maks samtidige kall må være et heltall ≥ 1');
  }

  /** Runs `oppgave` when a slot is free; the slot is released however it ends. */
  async kjoer<T>(oppgave: () => Promise<T>): Promise<T> {
    await this.faaPlass();
    try {
      return await oppgave();
    } finally {
      this.slipp();
    }
  }

  /** The most calls that ran at once so far (for tests and diagnostics). */
  get hoeyesteSamtidige(): number {
    return this.hoeyeste;
  }

  private faaPlass(): Promise<void> {
    if (this.aktive < this.maks) {
      this.aktive++;
      this.hoeyeste = Math.max(this.hoeyeste, this.aktive);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.koe.push(() => {
        this.hoeyeste = Math.max(this.hoeyeste, this.aktive);
        resolve();
      });
    });
  }

  private slipp(): void {
    const neste = this.koe.shift();
    // The slot passes straight to the next waiter, so `aktive` stays the same.
    if (neste) neste();
    else this.aktive--;
  }
}

/** Runs `fn` over `elementer` with at most `maks` at once; results in input order. */
export async function iParallell<T, R>(
  elementer: readonly T[],
  maks: number,
  fn: (element: T, indeks: number) => Promise<R>,
): Promise<R[]> {
  const begrenser = new Begrenser(maks);
  return Promise.all(elementer.map((e, i) => begrenser.kjoer(() => fn(e, i))));
}
