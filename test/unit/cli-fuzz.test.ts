/**
 * The CLI under 300 generated bad argument vectors (seeded: a failure names its seed and index):
 * every one exits 2 with exactly one line on stderr, no stack trace, nothing on stdout, and no
 * output file (not even a temporary one) left behind. Runs the CLI in-process, so each vector
 * costs milliseconds; every vector carries at least one fault that must stop it before any work.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../../lessons/registry';
import { runCli } from '../../src/cli/main';
import { knobsOf } from '../../src/lesson/knobs';
import type { Knob, LessonDef } from '../../src/lesson/types';
import { Fuzz } from '../helpers/fuzz';

/**
 * Work no bad vector may reach: starting a backend or generating a world. Recorded (and refused)
 * so that a vector the generator got wrong fails in milliseconds instead of training for minutes.
 */
const reached = vi.hoisted(() => [] as string[]);
vi.mock('../../src/cli/nodeBackend', () => ({
  initNodeBackend: () => {
    reached.push('initNodeBackend');
    throw new Error('a bad vector reached the backend');
  },
}));
vi.mock('../../src/world/generate', async (original) => ({
  ...(await original<typeof import('../../src/world/generate')>()),
  generateWorld: () => {
    reached.push('generateWorld');
    throw new Error('a bad vector reached the world generator');
  },
}));

const SEED = 16;
const VECTORS = 300;
const out = mkdtempSync(path.join(tmpdir(), 'lab-cli-fuzz-'));
const aFile = path.join(out, 'a-file');
writeFileSync(aFile, 'not a folder');

/** A value the knob must refuse: not a finite number, outside its range, or a fraction for an integer knob. */
function refused(knob: Knob, raw: string): boolean {
  const v = Number(raw);
  return raw.trim() === '' || !Number.isFinite(v) || v < knob.min || v > knob.max || (!!knob.integer && !Number.isInteger(v));
}

function goodValue(f: Fuzz, knob: Knob): string {
  const v = knob.min + f.rng.next() * (knob.max - knob.min);
  return String(knob.integer ? Math.round(v) : v);
}

/** Valid flags of the lesson (0–3 of them), to surround the fault. */
function extras(f: Fuzz, lesson: LessonDef): string[] {
  const knobs = knobsOf(lesson).filter((k) => !['users', 'items', 'clicks', 'preRanked'].includes(k.id));
  const args: string[] = [];
  for (let n = f.rng.int(4); n > 0; n--) {
    const knob = f.pick(knobs);
    args.push(f.chance(0.5) ? `--${knob.id}=${goodValue(f, knob)}` : `--${knob.id}`, goodValue(f, knob));
    if (args[args.length - 2].includes('=')) args.pop();
  }
  if (f.chance(0.3)) args.push('--json');
  if (f.chance(0.3)) args.push('--out', path.join(out, `report-${f.rng.int(1000)}.json`));
  return args;
}

type Fault = (f: Fuzz, lesson: LessonDef) => string[];

const FAULTS: Record<string, Fault> = {
  'unknown command': (f) => [f.pick(['explode', '', 'RUN', 'run;', f.unicode(), f.tenKb()])],
  'run without a lesson': (f, l) => ['run', ...extras(f, l).filter((a, i, all) => a.startsWith('--') || all[i - 1]?.startsWith('--'))].slice(0, 1).concat(['--seed', '3']),
  'unknown lesson': (f) => ['run', f.pick(['no-such-lesson', '', '../model', 'model ', f.unicode(), f.tenKb()])],
  'extra argument': (f, l) => ['run', l.id, f.pick(['extra', '7', f.unicode()])],
  'unknown option': (f, l) => ['run', l.id, `--${f.pick(['frobnicate', 'Seed', 'lr ', '', f.unicode(4)])}`, '1'],
  'bad knob value': (f, l) => {
    const knob = f.pick(knobsOf(l));
    let v = f.badNumber();
    while (!refused(knob, v)) v = f.badNumber();
    return ['run', l.id, `--${knob.id}`, v];
  },
  'fraction for an integer': (f, l) => ['run', l.id, `--${f.pick(knobsOf(l).filter((k) => k.integer)).id}`, '10.5'],
  'flag without a value': (f, l) => ['run', l.id, ...extras(f, l), `--${f.pick(knobsOf(l)).id}`],
  'flag given twice': (f, l) => {
    const knob = f.pick(knobsOf(l));
    return ['run', l.id, `--${knob.id}`, goodValue(f, knob), `--${knob.id}=${goodValue(f, knob)}`];
  },
  'switch with a value': (f, l) => ['run', l.id, `--json=${f.pick(['yes', '', '1'])}`],
  'bad repeats': (f, l) => ['run', l.id, '--repeats', f.pick(['0', '51', '2.5', '-1', 'NaN', `x${f.unicode()}`])],
  'bad backend': (f, l) => ['run', l.id, '--backend', f.pick(['webgl', 'webgpu', '', 'WASM', f.unicode()])],
  'bad arms': (f, l) => ['run', l.id, '--arms', f.pick([',,', ' ', `${l.armIds[0]},bogus`, f.unicode(), f.tenKb()])],
  'over the memory budget': (f, l) => ['run', l.id, '--users', '10000', '--clicks', String(60 + f.rng.int(141)), '--items', '20000'],
  'out in a missing folder': (f, l) => ['run', l.id, '--out', path.join(out, 'missing', `r${f.rng.int(99)}.json`)],
  'out is a folder': (_, l) => ['run', l.id, '--out', out],
  'world without --out': (f) => ['world', '--seed', String(f.rng.int(100))],
  'world into a file': () => ['world', '--out', aFile],
  'world with a bad knob': (f) => ['world', '--users', f.pick(['-5', '1e308', 'many', '']), '--out', path.join(out, 'world')],
  'world over the budget': (f) => ['world', '--users', '10000', '--clicks', String(80 + f.rng.int(121)), '--out', path.join(out, 'world')],
  'list with arguments': (f) => ['list', f.pick(['--json=1', 'model', '--verbose', f.unicode()])],
};

/** One vector: a fault, optionally with valid flags of the lesson added after it (the fault still decides). */
function vector(f: Fuzz): { fault: string; argv: string[] } {
  const fault = f.pick(Object.keys(FAULTS));
  const lesson = f.pick(LESSONS);
  const argv = FAULTS[fault](f, lesson);
  const tail = argv[0] === 'run' && argv.length > 1 && f.chance(0.5) && fault !== 'flag without a value' ? extras(f, lesson) : [];
  return { fault, argv: [...argv, ...tail] };
}

describe('the CLI under generated bad arguments', () => {
  afterEach(() => vi.restoreAllMocks());

  it(`${VECTORS} vectors (seed ${SEED}): exit 2, one line on stderr, nothing else`, async () => {
    const f = new Fuzz(SEED);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const seen = new Set<string>();
    for (let i = 0; i < VECTORS; i++) {
      const { fault, argv } = vector(f);
      seen.add(fault);
      const lines: string[] = [];
      const code = await runCli(argv, (s) => lines.push(s));
      const what = `vector ${i} (${fault}): ${JSON.stringify(argv).slice(0, 300)}`;
      expect(reached, what).toEqual([]);
      expect(code, what).toBe(2);
      expect(lines, what).toHaveLength(1);
      expect(lines[0], what).toMatch(/^lab: [^\n]+\n$/);
      expect(lines[0].length, what).toBeLessThanOrEqual(310);
      expect(lines[0], what).not.toMatch(/\bat .+:\d+:\d+|Error:/);
      expect(stdout, what).not.toHaveBeenCalled();
      expect(log, what).not.toHaveBeenCalled();
    }
    expect(seen.size).toBe(Object.keys(FAULTS).length);
    // Nothing written: no report, no world folder, no temporary file.
    expect(readdirSync(out).sort()).toEqual(['a-file']);
  });

  it('the memory refusal names the estimated size and the budget', async () => {
    const lines: string[] = [];
    expect(await runCli(['run', 'training-modes', '--users', '10000', '--clicks', '100', '--items', '20000'], (s) => lines.push(s))).toBe(2);
    expect(lines[0]).toMatch(/^lab: These settings would need about \d\.\d GB \(10\.6M logged rows\), over the lab's 1\.0 GB budget/);
  });
});
