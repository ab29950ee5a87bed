import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from '../helpers/cli';

describe('lab CLI', () => {
  it('list --json parses and names every lesson of the design', () => {
    const r = lab(['list', '--json']);
    expect(r.status).toBe(0);
    const ids = JSON.parse(r.stdout).lessons.map((l: { id: string }) => l.id);
    expect(ids).toEqual(['model', 'training-modes', 'positives', 'negatives', 'bias-correction', 'wrong-negatives', 'serving', 'updates', 'self-supervision']);
  });

  it('run --json has every field of the contract', () => {
    const r = lab(['run', 'training-modes', '--users', '150', '--items', '300', '--clicks', '10', '--steps', '40', '--batch', '32', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ lesson: 'training-modes', backend: 'wasm' });
    for (const k of ['seed', 'users', 'items', 'zipf', 'trainClicks', 'testClicks']) expect(typeof report.world[k]).toBe('number');
    for (const k of ['recall@10', 'recall@50', 'recall@100']) {
      expect(typeof report.oracle[k]).toBe('number');
      expect(typeof report.baselines.popular[k]).toBe('number');
    }
    expect(typeof report.test.headShare).toBe('number');
    expect(report.arms.map((a: { id: string }) => a.id)).toEqual(['pointwise', 'pairwise-hinge', 'pairwise-logistic', 'listwise']);
    for (const arm of report.arms) {
      expect(arm.steps).toBe(40);
      for (const k of ['trainSeconds', 'examplesPerSecond', 'finalLoss']) expect(Number.isFinite(arm[k])).toBe(true);
      for (const k of ['recall@10', 'recall@50', 'recall@100', 'recall@50.head', 'recall@50.tail', 'headShare@50', 'coverage@50']) {
        expect(arm.metrics[k]).toBeGreaterThanOrEqual(0);
        expect(arm.metrics[k]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('run updates --json gives each arm and the oracle the recall of every served day', () => {
    const r = lab(['run', 'updates', '--users', '200', '--items', '400', '--clicks', '24', '--steps', '48', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.arms.map((a: { id: string }) => a.id)).toEqual(['full', 'incremental', 'full-and-incremental', 'frozen']);
    for (const days of [report.oracle.days, ...report.arms.map((a: { days: unknown }) => a.days)]) {
      expect(days.map((d: { day: number; servedDay: number }) => [d.day, d.servedDay])).toEqual([[0, 1], [1, 2]]);
      for (const d of days) expect(d['recall@50']).toBeGreaterThan(0);
    }
    for (const arm of report.arms) expect(arm.metrics['recall@50']).toBe(arm.days[1]['recall@50']);
  });

  it.each([
    [['run', 'no-such-lesson'], /unknown lesson "no-such-lesson"/],
    [['run', 'training-modes', '--arms', 'pointwise,bogus'], /unknown arm "bogus"/],
    [['run', 'training-modes', '--users', '-5'], /--users must be between/],
    [['run', 'training-modes', '--items', 'many'], /--items must be a number/],
    [['run', 'training-modes', '--steps', '2.5'], /--steps must be an integer/],
    [['run', 'training-modes', '--frobnicate', '1'], /unknown option --frobnicate/],
    [['run', 'training-modes', '--backend', 'webgl'], /--backend must be cpu or wasm/],
    [['run', 'negatives', '--items', '200', '--preRanked', '150'], /--preRanked must be at most items\/2 = 100/],
    [['world', '--items', '200', '--preRanked', '150', '--out', '/tmp/never'], /--preRanked must be at most items\/2 = 100/],
    [['world', '--seed', '1'], /world needs --out DIR/],
    [['explode'], /unknown command "explode"/],
  ])('%j exits non-zero with one clear line', (args, message) => {
    const r = lab(args as string[]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message as RegExp);
  });

  it('world --out writes the CSVs, the hidden truth and a README', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lab-world-'));
    const r = lab(['world', '--users', '100', '--items', '200', '--seed', '3', '--exposureBias', '0.5', '--preRanked', '50', '--out', dir]);
    expect(r.status).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['README.md', 'exposures.csv', 'heldout_slates.csv', 'items.csv', 'items_truth.csv', 'pipeline.csv', 'test.csv', 'train.csv', 'truth.json', 'users.csv', 'users_truth.csv']);
    const slates = readFileSync(path.join(dir, 'exposures.csv'), 'utf8').trim().split('\n');
    expect(slates[0]).toBe('slate,user,item,day,hour,clicked');
    const pipeline = readFileSync(path.join(dir, 'pipeline.csv'), 'utf8').trim().split('\n');
    expect(pipeline[0]).toBe('user,item,retrieval_rank,preranking_rank,ranking_rank,role');
    // 100 users × 100 retrieved (2 × the 50 pre-ranking keeps), each with one role.
    expect(pipeline).toHaveLength(1 + 100 * 100);
    const roles = pipeline.slice(1).map((l) => l.split(',')[5]);
    expect(roles.filter((x) => x === 'shown')).toHaveLength(100 * 10);
    expect(roles.filter((x) => x === 'fairly_hard')).toHaveLength(100 * 50);
    expect(JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')).config.exposureBias).toBe(0.5);
    const items = readFileSync(path.join(dir, 'items.csv'), 'utf8').trim().split('\n');
    expect(items).toHaveLength(201);
    expect(items[0]).toMatch(/^item,category,subcategory,creator,price,city,tags_0,tags_1,tags_2,train_clicks,is_head$/);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/P\(i \| u, d\)/);
  });
});
