/** Classroom tools without a browser: the presenter flag, the share link round trip, the run's JSON and CSV. */
import { describe, expect, it } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { runCsv, runJson, type RunExport } from '../../src/app/classroom/export';
import { shareUrl } from '../../src/app/classroom/ShareDialog';
import { lessonQuery, parseLessonQuery } from '../../src/app/config';
import { parseHash } from '../../src/app/route';
import type { Metrics } from '../../src/eval/metrics';
import type { Snapshot } from '../../src/worker/protocol';

const lesson = findLesson('negatives')!;

describe('presenter flag', () => {
  it('present=1 turns presenter mode on and stays in the canonical link; a bad value is a notice', () => {
    const on = parseLessonQuery(lesson, { present: '1' });
    expect(on.config.present).toBe(true);
    expect(on.notices).toEqual([]);
    expect(lessonQuery(lesson, on.config)).toContainEqual(['present', '1']);
    expect(parseLessonQuery(lesson, {}).config.present).toBe(false);
    const bad = parseLessonQuery(lesson, { present: 'yes' });
    expect(bad.config.present).toBe(false);
    expect(bad.notices.join()).toContain('present');
  });
});

describe('share link', () => {
  it('carries lesson, arms, knobs, seed, language and K, not the presenter’s backend or presenter mode; it parses back to the same view', () => {
    const { config } = parseLessonQuery(lesson, { seed: '11', arms: 'uniform,hard-mix', lang: 'zh', k: '10', alpha: '0.5', backend: 'wasm', present: '1' });
    const url = shareUrl(lesson, config, 'https://lab.example/course/#/lessons/x');
    expect(url.startsWith('https://lab.example/course/#/lessons/negatives?')).toBe(true);
    expect(url).not.toContain('backend');
    expect(url).not.toContain('present');
    const route = parseHash(url.slice(url.indexOf('#')));
    expect(route.page === 'lesson' && route.id).toBe('negatives');
    const back = parseLessonQuery(lesson, route.query);
    expect(back.notices).toEqual([]);
    expect(back.config).toEqual({ ...config, backend: null, present: false });
  });
});

function metrics(v: number): Metrics {
  return { 'recall@10': v, 'recall@50': v, 'recall@100': v, 'recall@50.head': v, 'recall@50.tail': v, 'headShare@50': v, 'coverage@50': v, 'slate.auc': Number.NaN };
}

const snapshot = {
  run: 1,
  phase: 'paused',
  step: 20,
  target: 600,
  stepsPerSecond: 5,
  evalSeconds: 1,
  lastEvalSeconds: 0.5,
  settings: { seed: 7, steps: 600 },
  arms: [
    { id: 'uniform', enabled: true, steps: 20, loss: [[10, 0.9], [20, 0.8]], evals: [{ step: 0, metrics: metrics(0.01) }, { step: 20, metrics: metrics(0.2) }], trainSeconds: 1, stepsPerSecond: 5, series: {} },
  ],
} as unknown as Snapshot;

const run: RunExport = { lesson: 'negatives', url: 'https://lab.example/#/lessons/negatives?seed=7', backend: 'wasm', settings: { seed: 7, steps: 600 }, arms: ['uniform'], world: null, baselines: null, snapshot };

describe('run exports', () => {
  it('CSV: settings and seed as comment lines, one row per arm and step, empty cells where a step has no value', () => {
    const lines = runCsv(run).trim().split('\n');
    expect(lines.slice(0, 4)).toEqual(['# lesson=negatives', '# seed=7', '# backend=wasm', '# settings={"seed":7,"steps":600}']);
    const header = lines[5].split(',');
    expect(header.slice(0, 4)).toEqual(['arm', 'step', 'loss', 'recall@10']);
    const rows = lines.slice(6).map((l) => l.split(','));
    expect(rows.map((r) => r[1])).toEqual(['0', '10', '20']);
    expect(rows[0][2]).toBe(''); // no loss at step 0
    expect(rows[1][3]).toBe(''); // no evaluation at step 10
    expect(rows[2].slice(2, 4)).toEqual(['0.8', '0.2']);
    expect(rows[2][header.indexOf('slate.auc')]).toBe(''); // NaN is an empty cell
  });

  it('JSON: the settings, seed and every arm’s history; NaN written as null', () => {
    const parsed = JSON.parse(runJson(run));
    expect(parsed.seed).toBe(7);
    expect(parsed.settings).toEqual({ seed: 7, steps: 600 });
    expect(parsed.history[0].loss).toEqual([[10, 0.9], [20, 0.8]]);
    expect(parsed.history[0].evals[1].metrics['slate.auc']).toBeNull();
  });
});
