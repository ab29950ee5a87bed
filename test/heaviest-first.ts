/**
 * Test files in the order that finishes soonest on few cores: the science files (each trains a
 * lesson on 3 seeds, for 1–4 minutes) first, the short unit files after them to fill the gaps.
 * Vitest's own order (larger files first, or by past durations once cached) put the science late
 * on a fresh clone, and one worker trained alone for the last minute while the other idled.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isScience = (spec: TestSpecification) => /[\\/]test[\\/]science[\\/]/.test(spec.moduleId);

export class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isScience), ...sorted.filter((f) => !isScience(f))];
  }
}
