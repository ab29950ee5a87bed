/**
 * A lesson is one folder: nothing outside `lessons/` names a lesson, and a lesson's definition
 * (`lessons/<id>/index.ts`, imported by Node) depends on neither React nor the page's code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../lessons/pages';
import { LESSONS } from '../../lessons/registry';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Lines that hold a string equal to a lesson id, except RNG stream labels (`Rng.derive(seed, 'negatives')` names a stream, not a lesson). */
function lessonIdLines(file: string): string[] {
  const ids = LESSONS.map((l) => l.id.replace(/[-]/g, '\\-'));
  const pattern = new RegExp(`['"\`](${ids.join('|')})['"\`]`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => pattern.test(line) && !/\bderive\(/.test(line))
    .map(({ line, i }) => `${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
}

describe('the code layout', () => {
  it('no file under src/ names a lesson id: a lesson’s behaviour lives in lessons/<id>/', () => {
    const found = sourceFiles(join(ROOT, 'src')).flatMap(lessonIdLines);
    expect(found).toEqual([]);
  });

  it('the walk above would catch a lesson id', () => {
    // The check itself, on this very file's own lines: it names lessons in quotes below.
    const here = lessonIdLines(join(ROOT, 'test/unit/layout.test.ts'));
    expect(here.some((l) => l.includes("'self-supervision'"))).toBe(true);
  });

  it('no lessons/*/index.ts imports React or anything under src/app/', () => {
    const offenders: string[] = [];
    for (const lesson of LESSONS) {
      const file = join(ROOT, 'lessons', lesson.id, 'index.ts');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // a planned lesson without a folder yet
      }
      for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        if (/^react(-dom)?(\/|$)/.test(m[1]) || /(^|\/)src\/app(\/|$)/.test(m[1])) offenders.push(`${lesson.id}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every ready lesson has a page part, and only lessons of the registry have one', () => {
    const ready = LESSONS.filter((l) => l.ready).map((l) => l.id);
    expect(Object.keys(PAGES).sort()).toEqual([...ready].sort());
  });

  it('every source file under src/ stays small enough to hold in one’s head (≤ 400 lines)', () => {
    const long = sourceFiles(join(ROOT, 'src'))
      .map((f) => ({ f: relative(ROOT, f), n: readFileSync(f, 'utf8').split('\n').length }))
      .filter(({ n }) => n > 400);
    expect(long).toEqual([]);
  });
});
