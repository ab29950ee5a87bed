/**
 * `npm run references [-- <lesson> …] [--seeds N]`: each lesson's reference result, computed
 * headless by the lab's own engine (`runLesson`, as `npm run lab -- run`) on the lesson's default
 * settings over several seeds, written to `lessons/<id>/reference.json` with the seeds, steps and
 * backend that produced it. The page draws it as a faint band per arm (src/app/classroom/bands.ts);
 * test/unit/references.test.ts re-runs one seed and checks the committed file still matches.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LESSONS } from '../lessons/registry';
import { initNodeBackend } from '../src/cli/nodeBackend';
import { computeReference, REFERENCE_SEEDS } from '../src/train/reference';

const ROOT = path.resolve(import.meta.dirname, '..');

async function main(argv: string[]): Promise<void> {
  const seedsAt = argv.indexOf('--seeds');
  const seedCount = seedsAt >= 0 ? Number(argv[seedsAt + 1]) : REFERENCE_SEEDS;
  if (!Number.isInteger(seedCount) || seedCount < 1) throw new Error(`--seeds must be a positive integer, got ${argv[seedsAt + 1]}`);
  const asked = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--seeds');
  const lessons = LESSONS.filter((l) => l.ready && (!asked.length || asked.includes(l.id)));
  const unknown = asked.filter((id) => !LESSONS.some((l) => l.id === id));
  if (unknown.length) throw new Error(`unknown lesson ${unknown.join(', ')}`);
  await initNodeBackend('wasm');
  for (const lesson of lessons) {
    const t0 = Date.now();
    const ref = await computeReference(lesson, { backend: 'wasm', seeds: seedCount, onProgress: (line) => process.stderr.write(`\r${line.slice(0, 140).padEnd(140)}`) });
    const file = path.join(ROOT, 'lessons', lesson.id, 'reference.json');
    writeFileSync(file, JSON.stringify(ref, null, 1) + '\n');
    process.stderr.write(`\n${lesson.id}: ${ref.seeds.length} seeds × ${ref.steps} steps in ${((Date.now() - t0) / 1000).toFixed(0)} s → ${path.relative(ROOT, file)}\n`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`references: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
