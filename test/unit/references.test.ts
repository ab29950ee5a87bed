/**
 * The committed reference bands cannot go stale silently: one seed of one lesson is run again
 * with the engine, and must give the numbers in `lessons/<id>/reference.json`. After a change
 * that moves the engine's results on purpose, `npm run references` regenerates every file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLesson, LESSONS } from '../../lessons/registry';
import { initNodeBackend } from '../../src/cli/nodeBackend';
import { computeReference, defaultSettings, type LessonReference, REFERENCE_METRICS, referenceBand } from '../../src/train/reference';

const ROOT = join(import.meta.dirname, '../..');
const read = (id: string): LessonReference => JSON.parse(readFileSync(join(ROOT, 'lessons', id, 'reference.json'), 'utf8'));
/** The cheapest lesson to re-run (three arms, 600 steps on the default world: 30–60 s on 2 cores). */
const RERUN = 'positives';

describe('reference bands', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('every committed reference names its seeds, steps and backend, and matches its lesson’s defaults and arms', () => {
    const found = LESSONS.filter((l) => l.ready).flatMap((l) => {
      try {
        return [{ lesson: l, ref: read(l.id) }];
      } catch {
        return [];
      }
    });
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const { lesson, ref } of found) {
      expect(ref.lesson).toBe(lesson.id);
      expect(ref.backend).toBe('wasm');
      expect(ref.seeds.length).toBeGreaterThanOrEqual(3);
      expect(ref.steps).toBe(defaultSettings(lesson).steps);
      expect(ref.settings).toEqual({ ...defaultSettings(lesson), seed: ref.seeds[0] });
      expect(Object.keys(ref.arms).sort()).toEqual([...lesson.armIds].sort());
      for (const id of lesson.armIds) for (const m of REFERENCE_METRICS) expect(ref.arms[id][m]).toHaveLength(ref.seeds.length);
    }
  });

  it('a band spans the seeds: lowest, mean, highest', () => {
    const ref = read(RERUN);
    const id = Object.keys(ref.arms)[0];
    const values = ref.arms[id]['recall@50'].filter((v): v is number => v !== null);
    const band = referenceBand(ref, id, 'recall@50')!;
    expect(band.lo).toBe(Math.min(...values));
    expect(band.hi).toBe(Math.max(...values));
    expect(band.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 12);
  });

  it(`re-running the first seed of ${RERUN} gives the committed numbers`, async () => {
    const committed = read(RERUN);
    const again = await computeReference(findLesson(RERUN)!, { backend: 'wasm', seeds: 1, firstSeed: committed.seeds[0] });
    expect(again.settings).toEqual(committed.settings);
    for (const [id, metrics] of Object.entries(committed.arms)) {
      for (const m of REFERENCE_METRICS) {
        const want = metrics[m][0];
        const got = again.arms[id][m][0];
        if (want === null) expect(got, `${id} ${m}`).toBeNull();
        else expect(Math.abs((got ?? Number.NaN) - want), `${id} ${m}: ${got} vs committed ${want}`).toBeLessThanOrEqual(1e-6);
      }
    }
  }, 300_000);
});
