/** The memory budget: every lesson's own settings fit; a lecture-hall typo that would not fit is refused with its size. */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons/registry';
import { knobsOf, lessonBudgetRefusal } from '../../src/lesson/knobs';
import { estimateRunBytes, MEMORY_BUDGET_BYTES } from '../../src/train/budget';
import { generateWorld } from '../../src/world/generate';

const defaults = (l: (typeof LESSONS)[number]) => Object.fromEntries(knobsOf(l).map((k) => [k.id, k.default]));

describe('memory budget', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: its default settings fit with every arm on', (_, lesson) => {
    expect(lessonBudgetRefusal(lesson, defaults(lesson), lesson.armIds.length)).toBeNull();
  });

  it('the largest users × clicks × items is refused, with the size in both languages', () => {
    const lesson = LESSONS.find((l) => l.id === 'negatives')!;
    const refusal = lessonBudgetRefusal(lesson, { ...defaults(lesson), users: 10_000, clicks: 200, items: 20_000 }, lesson.armIds.length);
    expect(refusal?.en).toMatch(/about \d+\.\d GB .* over the lab's 1\.0 GB budget/);
    expect(refusal?.zh).toMatch(/GB/);
  });

  it('the estimate grows with the log and is within 2× of a measured world', () => {
    const small = estimateRunBytes({ users: 300, items: 600, clicksPerUser: 10 }, {}, 0);
    const big = estimateRunBytes({ users: 3000, items: 600, clicksPerUser: 10 }, {}, 0);
    expect(big.bytes).toBeGreaterThan(5 * small.bytes);
    // The row count the estimate assumes, against a generated world's.
    const w = generateWorld({ users: 300, items: 600, clicksPerUser: 10, seed: 3 });
    const rows = w.exposures.item.length;
    expect(small.rows / rows).toBeGreaterThan(0.8);
    expect(small.rows / rows).toBeLessThan(1.6);
    expect(MEMORY_BUDGET_BYTES).toBe(1e9);
  });
});
