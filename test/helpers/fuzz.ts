/**
 * Hostile inputs for the fuzzers, drawn from the project's seeded `Rng`: a failing case is
 * reproduced by its seed and index alone.
 */
import { Rng } from '../../src/util/rng';

/** Values that are not numbers at all, or numbers no knob accepts. */
export const NOT_NUMBERS = ['NaN', 'nan', 'Infinity', '-Infinity', '+Infinity', 'abc', '1e', '-', '.', '1,5', '１２', '٣', '½', 'null', 'undefined', '{}', '[]', '💥', '\u0000', '\n', 'e', '0x', '--', ' '];
export const HUGE = ['1e308', '-1e308', '1e309', '9007199254740993', '-5', '-0.5', '1e-320', '123456789012345678901234567890'];

export class Fuzz {
  readonly rng: Rng;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.rng.int(xs.length)];
  }

  chance(p: number): boolean {
    return this.rng.next() < p;
  }

  /** Random unicode: letters from several scripts, emoji, combining marks, controls, lone surrogates excluded. */
  unicode(max = 12): string {
    const ranges: [number, number][] = [[0x20, 0x7e], [0x4e00, 0x4fff], [0x0400, 0x04ff], [0x0600, 0x06ff], [0x1f300, 0x1f6ff], [0x0300, 0x036f], [0x00, 0x1f], [0x2028, 0x2029]];
    let s = '';
    const n = 1 + this.rng.int(max);
    for (let i = 0; i < n; i++) {
      const [lo, hi] = this.pick(ranges);
      s += String.fromCodePoint(lo + this.rng.int(hi - lo + 1));
    }
    return s;
  }

  /** About 10 kB of one repeated token (a pasted essay where a number belongs). */
  tenKb(): string {
    return this.pick(['9', 'a', '字', '%', '&', '1e308,']).repeat(10_000).slice(0, 10_240);
  }

  /** A value no numeric knob accepts as given: not a number, out of every range, or huge. */
  badNumber(): string {
    const r = this.rng.int(4);
    if (r === 0) return this.pick(NOT_NUMBERS);
    if (r === 1) return this.pick(HUGE);
    if (r === 2) return this.unicode();
    return this.tenKb();
  }

  /** Any value at all: good numbers, bad ones, empty, unicode, 10 kB. */
  anyValue(good: () => string): string {
    const r = this.rng.int(6);
    if (r <= 1) return good();
    if (r === 2) return '';
    return this.badNumber();
  }
}
