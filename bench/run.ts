/**
 * `npm run bench`: world generation, training throughput of every training-modes arm on wasm and
 * cpu, the bare tfjs loop of the same model beside it (ratios), and the default lesson run's wall
 * time. Each measurement runs in its own process (kernel registrations are process-wide), one at a
 * time; then the serving indexes (bench/serving.ts). Prints tables and writes bench/results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateWorld } from '../src/world/generate';
import { flag } from './flags';

interface Measure {
  kind: string;
  backend: string;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  examplesPerSecond: number;
}

const root = path.resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
/** The cpu backend's stock UnsortedSegmentSum needs about a minute per step: opt in. */
const slow = process.argv.includes('--slow');
const wasmSteps = Number(flag('steps', quick ? '30' : '150'));
const cpuSteps = quick ? 3 : 10;
/** Rounds interleave every configuration; each keeps its best round (least disturbed by load). */
const rounds = Number(flag('rounds', quick ? '1' : '2'));
const ARMS = ['pointwise', 'pairwise-hinge', 'pairwise-logistic', 'listwise'];

function child(script: string, args: string[]): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const worldTimes: number[] = [];
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  generateWorld({ seed: 7 + r });
  worldTimes.push((performance.now() - t0) / 1000);
}
const worldSeconds = worldTimes.sort()[1];
console.log(`world generation (1500 users, 3000 items, default): ${worldSeconds.toFixed(2)} s (median of 3)`);

const configs: [string, string[]][] = [];
for (const [backend, steps] of [['wasm', wasmSteps], ['cpu', cpuSteps]] as const) {
  const kernels = backend === 'wasm' || slow ? ['stock', 'patched'] : ['patched'];
  for (const k of kernels) configs.push(['bareLoop.ts', ['--backend', backend, '--kernels', k, '--steps', String(steps)]]);
  for (const arm of ARMS) configs.push(['engineLoop.ts', ['--backend', backend, '--arm', arm, '--steps', String(steps)]]);
}
const best = new Map<string, Measure>();
for (let r = 0; r < rounds; r++) {
  for (const [script, args] of configs) {
    const m = child(script, args);
    const key = `${m.backend} ${m.kind}`;
    console.log(`round ${r + 1}: ${key}: ${m.stepsPerSecond.toFixed(1)} steps/s`);
    if (!best.has(key) || best.get(key)!.stepsPerSecond < m.stepsPerSecond) best.set(key, m);
  }
}
const results = [...best.values()];

let lessonSeconds: number | null = null;
if (!quick) {
  const t0 = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'run', 'training-modes', '--json'], { cwd: root, stdio: 'ignore' });
  lessonSeconds = (performance.now() - t0) / 1000;
}

const rows = results.map((m) => {
  const stock = results.find((r) => r.backend === m.backend && r.kind === 'bare-stock');
  const patched = results.find((r) => r.backend === m.backend && r.kind === 'bare-patched');
  return {
    backend: m.backend,
    loop: m.kind,
    stepsPerSecond: +m.stepsPerSecond.toFixed(2),
    examplesPerSecond: Math.round(m.examplesPerSecond),
    vsBareStock: stock ? +(m.stepsPerSecond / stock.stepsPerSecond).toFixed(2) : null,
    vsBarePatched: patched ? +(m.stepsPerSecond / patched.stepsPerSecond).toFixed(2) : null,
  };
});
console.log('\nbackend  loop                      steps/s  examples/s  ×bare(stock)  ×bare(patched)');
for (const r of rows)
  console.log(`${r.backend.padEnd(8)} ${r.loop.padEnd(25)} ${r.stepsPerSecond.toFixed(1).padStart(7)} ${String(r.examplesPerSecond).padStart(11)} ${(r.vsBareStock?.toFixed(2) ?? '-').padStart(13)} ${(r.vsBarePatched?.toFixed(2) ?? '-').padStart(15)}`);
if (lessonSeconds !== null) console.log(`\nlab run training-modes (4 arms, default world and steps, wasm): ${lessonSeconds.toFixed(1)} s wall`);
console.log('(ratios > 1: faster than the bare loop. The bare loop is the listwise arm\'s model and loss in plain tfjs;');
console.log(' "stock" = tfjs as shipped (+ the segment-sum kernel wasm lacks), "patched" = with the lab\'s kernel fixes.');
console.log(` best of ${rounds} interleaved round(s); cpu "stock" only with --slow: ~60 s per step)`);

// Serving indexes (the serving lesson's scale job): exact vs HNSW at 10k, 100k and (not --quick) 1M.
const servingSizes = quick ? '10000,100000' : '10000,100000,1000000';
const servingOut = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/serving.ts'), '--sizes', servingSizes], { cwd: root, encoding: 'utf8' });
const serving = servingOut.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
console.log(servingOut.slice(servingOut.indexOf('\nserving indexes')));

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(root, 'bench/results/latest.json');
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), worldSeconds, wasmSteps, cpuSteps, rounds, rows, lessonSeconds, serving }, null, 2) + '\n');
console.log(`written ${path.relative(root, file)}`);
