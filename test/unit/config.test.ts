import { describe, expect, it } from 'vitest';
import { negatives } from '../../lessons/negatives';
import { parseLessonQuery } from '../../src/app/config';

/** Cross-knob rules the knob ranges alone cannot express: clamped with a notice, never a broken world. */
describe('a lesson link', () => {
  it('caps pre-ranking at half the catalogue, and says so', () => {
    const { config, notices } = parseLessonQuery(negatives, { items: '300', preRanked: '400' });
    expect(config.settings.preRanked).toBe(150);
    expect(notices).toEqual([expect.stringMatching(/^preRanked=400 is more than items\/2 for 300 items .*using 150\.$/)]);
  });

  it('leaves a pre-ranking count that fits alone', () => {
    const { config, notices } = parseLessonQuery(negatives, { items: '3000', preRanked: '400' });
    expect(config.settings.preRanked).toBe(400);
    expect(notices).toEqual([]);
  });
});
