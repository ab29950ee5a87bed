/** The page refuses a knob change that would not fit in memory: the config stays, a notice says why and how big. */
import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  // The store reads and writes the address bar; a plain object stands in for the browser's.
  const location = { hash: '#/lessons/negatives?users=10000&items=20000&clicks=20&lang=en' };
  Object.assign(globalThis, { window: { location, history: { replaceState: (_: unknown, __: string, h: string) => (location.hash = h) } } });
});

describe('a knob change over the memory budget', () => {
  it('is not applied, and the notice gives the estimated size', async () => {
    const { useConfig, useRun } = await import('../../src/app/store');
    useConfig.getState().readLocation();
    const before = useConfig.getState().config!;
    expect(before.settings.users).toBe(10_000);
    useConfig.getState().update({ settings: { clicks: 200 } });
    expect(useConfig.getState().config!.settings.clicks).toBe(20);
    expect((globalThis as unknown as { window: { location: { hash: string } } }).window.location.hash).not.toContain('clicks=200');
    const notice = useRun.getState().notices.at(-1)!;
    expect(notice.level).toBe('warn');
    expect(notice.text.en).toMatch(/would need about \d+\.\d GB .* the change was not applied\.$/);
    // A change that fits goes through.
    useConfig.getState().update({ settings: { clicks: 30 } });
    expect(useConfig.getState().config!.settings.clicks).toBe(30);
  });
});
