import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findLesson, LESSONS } from '../../lessons/registry';
import { knobsOf, lessonBudgetRefusal } from '../lesson/knobs';
import type { Knob, LessonDef, Settings } from '../lesson/types';
import { isBackendName } from '../model/backends';
import { budgetRefusal, estimateRunBytes } from '../train/budget';
import { type DayPoint, runLesson, type LessonReport } from '../train/runLesson';
import { maxPreRankedFor, worldConfigOf } from '../world/config';
import { exportWorld } from '../world/export';
import { DEFAULT_WORLD, generateWorld } from '../world/generate';
import { oneLine } from '../util/text';
import { numberFlag, parseArgs, UsageError } from './args';
import { checkOutDir, checkOutFile, writeAtomically } from './output';
import { initNodeBackend } from './nodeBackend';

const USAGE = `usage:
  lab list [--json]
  lab run <lesson> [--arms a,b] [--seed N] [--repeats R] [--users N] [--items N] [--zipf S]
                   [--clicks N] [--steps N] [--backend cpu|wasm] [--json] [--out FILE] [--<knob> V]
  lab world [--seed N] [--users N] [--items N] [--zipf S] [--clicks N] [--exposureBias G] [--preRanked N]
            [--driftPerDay D] [--hourSkew A] --out DIR`;

/** Every knob of any lesson that shapes the world (once each): the flags of `lab world`. */
function worldKnobs(): Knob[] {
  const byId = new Map<string, Knob>();
  for (const lesson of LESSONS.filter((l) => l.ready)) for (const k of knobsOf(lesson)) if (k.world && !byId.has(k.id)) byId.set(k.id, k);
  return [...byId.values()];
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'help']);
  if (args.switches.has('help') || args.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  switch (args.command) {
    case 'list':
      return list(args.switches.has('json'), args.positional, args.flags);
    case 'run':
      return run(args.positional, args.flags, args.switches.has('json'));
    case 'world':
      return world(args.positional, args.flags);
    case undefined:
      throw new UsageError("a command is needed: list, run or world (lab help shows the options)");
    default:
      throw new UsageError(`unknown command "${args.command}" (list, run, world)`);
  }
}

function list(json: boolean, positional: string[], flags: Record<string, string>): number {
  rejectExtras(positional, flags, []);
  const rows = LESSONS.map((l) => ({ id: l.id, title: l.title.en, ready: l.ready, arms: l.armIds }));
  if (json) console.log(JSON.stringify({ lessons: rows }, null, 2));
  else for (const r of rows) console.log(`${r.id.padEnd(18)} ${r.ready ? 'ready ' : 'coming'}  ${r.title}  [${r.arms.join(', ')}]`);
  return 0;
}

async function run(positional: string[], flags: Record<string, string>, json: boolean): Promise<number> {
  const [lessonId, ...extra] = positional;
  if (!lessonId) throw new UsageError(`run needs a lesson id (${LESSONS.map((l) => l.id).join(', ')})`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const lesson = findLesson(lessonId);
  if (!lesson) throw new UsageError(`unknown lesson "${lessonId}" (lessons: ${LESSONS.map((l) => l.id).join(', ')})`);
  if (!lesson.ready) throw new UsageError(`lesson "${lessonId}" is not built yet`);
  const knobs = knobsOf(lesson);
  const { arms, repeats, backend, out, ...knobFlags } = flags;
  const settings = strictSettings(knobs, knobFlags);
  const armIds = arms === undefined ? undefined : arms.split(',').map((a) => a.trim()).filter(Boolean);
  if (armIds) {
    const unknown = armIds.filter((a) => !lesson.armIds.includes(a));
    if (unknown.length || !armIds.length)
      throw new UsageError(`unknown arm "${unknown[0] ?? arms}" for ${lesson.id} (arms: ${lesson.armIds.join(', ')})`);
  }
  const refusal = lessonBudgetRefusal(lesson, settings, (armIds ?? lesson.armIds).length);
  if (refusal) throw new UsageError(refusal.en);
  const repeatCount = repeats === undefined ? 1 : numberFlag('repeats', repeats);
  if (!Number.isInteger(repeatCount) || repeatCount < 1 || repeatCount > 50) throw new UsageError(`--repeats must be an integer from 1 to 50, got ${repeats}`);
  const backendName = backend ?? 'wasm';
  if (backendName !== 'wasm' && backendName !== 'cpu' || !isBackendName(backendName))
    throw new UsageError(`--backend must be cpu or wasm in Node, got "${backendName}"`);
  if (out !== undefined) checkOutFile(out);
  await initNodeBackend(backendName);
  const report = await runLesson(lesson, {
    settings,
    armIds,
    repeats: repeatCount,
    backend: backendName,
    onProgress: json ? undefined : (line) => process.stderr.write(`\r${line.slice(0, 150).padEnd(150)}`),
  });
  if (!json) process.stderr.write('\n');
  // Reported probes are top-level fields of the JSON (design §6: `servingCost`).
  const { probes, ...fields } = report;
  const text = JSON.stringify({ ...fields, ...probes }, null, 2);
  if (out) writeAtomically(out, text + '\n');
  if (json) console.log(text);
  else console.log(formatReport(report, lesson));
  return 0;
}

function world(positional: string[], flags: Record<string, string>): number {
  const { out, ...knobFlags } = flags;
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  if (out === undefined) throw new UsageError('world needs --out DIR');
  checkOutDir(out);
  const knobs = worldKnobs();
  const given = strictSettings(knobs, knobFlags);
  // Only what was asked for: the generator's defaults stand for the rest (not any one lesson's).
  const settings = Object.fromEntries(Object.keys(knobFlags).map((k) => [k, given[k]]));
  const cfg = worldConfigOf({}, { seed: given.seed, ...settings }, knobs.map((k) => k.id));
  const refusal = budgetRefusal(estimateRunBytes(cfg, {}, 0));
  if (refusal) throw new UsageError(refusal.en);
  const w = generateWorld(cfg);
  mkdirSync(out, { recursive: true });
  const files = exportWorld(w);
  for (const [name, content] of Object.entries(files)) writeAtomically(path.join(out, name), content);
  console.log(`wrote ${Object.keys(files).length} files to ${out}: ${Object.keys(files).join(', ')}`);
  return 0;
}

/** CLI flags are checked strictly: a wrong value is an error, never silently clamped. */
function strictSettings(knobs: Knob[], flags: Record<string, string>): Settings {
  const settings: Settings = {};
  for (const knob of knobs) settings[knob.id] = knob.default;
  for (const [name, raw] of Object.entries(flags)) {
    const knob = knobs.find((k) => k.id === name);
    if (!knob) throw new UsageError(`unknown option --${name} (options: ${['arms', 'repeats', 'backend', 'json', 'out', ...knobs.map((k) => k.id)].join(', ')})`);
    const value = numberFlag(name, raw);
    if (knob.integer && !Number.isInteger(value)) throw new UsageError(`--${name} must be an integer, got ${raw}`);
    if (value < knob.min || value > knob.max) throw new UsageError(`--${name} must be between ${knob.min} and ${knob.max}, got ${raw}`);
    settings[name] = value;
  }
  const items = settings.items ?? DEFAULT_WORLD.items;
  if (settings.preRanked !== undefined && settings.preRanked > maxPreRankedFor(items))
    throw new UsageError(`--preRanked must be at most items/2 = ${maxPreRankedFor(items)} (retrieval returns twice as many), got ${settings.preRanked}`);
  return settings;
}

function rejectExtras(positional: string[], flags: Record<string, string>, allowed: string[]): void {
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const bad = Object.keys(flags).find((f) => !allowed.includes(f));
  if (bad) throw new UsageError(`unknown option --${bad}`);
}

function formatReport(r: LessonReport, lesson: LessonDef): string {
  const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
  const lines = [
    `${r.lesson} on ${r.backend}: ${r.world.users} users, ${r.world.items} items, zipf ${r.world.zipf}, ${r.world.trainClicks} train / ${r.world.testClicks} test clicks, seed ${r.world.seed}${r.repeats > 1 ? ` (mean of ${r.repeats} seeds)` : ''}`,
    '',
    `${'arm'.padEnd(20)} ${'R@10'.padStart(6)} ${'R@50'.padStart(6)} ${'R@100'.padStart(6)} ${'R@50hd'.padStart(6)} ${'R@50tl'.padStart(6)} ${'head%'.padStart(6)} ${'cover'.padStart(6)} ${'s.auc'.padStart(6)} ${'loss'.padStart(7)} ${'ex/s'.padStart(7)}`,
  ];
  const row = (id: string, m: Partial<Record<string, number>>, extra = '') =>
    `${id.padEnd(20)} ${[m['recall@10'], m['recall@50'], m['recall@100'], m['recall@50.head'], m['recall@50.tail'], m['headShare@50'], m['coverage@50'], m['slate.auc']]
      .map((x) => (x === undefined ? '' : pct(x)).padStart(6))
      .join(' ')}${extra}`;
  const { days: oracleDays, ...oracle } = r.oracle;
  // Arms over simulated days are judged day by day (the table below), not on the test day.
  if (!oracleDays) lines.push(row('oracle (truth)', oracle), row('popular baseline', r.baselines.popular));
  for (const a of r.arms)
    lines.push(row(a.id, a.metrics, ` ${(a.finalLoss?.toFixed(3) ?? 'NaN').padStart(7)} ${Math.round(a.examplesPerSecond).toString().padStart(7)}${a.diverged ? `  ${a.diverged}` : ''}`));
  if (oracleDays) lines.push('(arms above: their last served day)', '', ...dayTable(oracleDays, r.arms));
  else lines.push('', `test.headShare = ${r.test.headShare.toFixed(3)} (head share of the held-out clicks)`);
  // Arms served from a vector index (design §4): what the index returns of the exact top-10, and a query's cost.
  for (const a of r.arms)
    if (a.metrics['annRecall@10'] !== undefined)
      lines.push(`${a.id}: annRecall@10 ${pct(a.metrics['annRecall@10'])}, queryMs ${a.metrics.queryMs!.toFixed(3)} (user-tower pass + search)`);
  for (const [name, value] of Object.entries(r.probes ?? {})) {
    const probe = lesson.probes?.find((p) => p.name === name);
    if (probe?.per === 'trained' && probe.format) lines.push('', ...probe.format(value as Record<string, unknown>));
    else lines.push(`${name}: ${JSON.stringify(value)}`);
  }
  return lines.join('\n');
}

/** Arms over simulated days: recall@50 of each served day (after the update on the day before). */
function dayTable(oracle: DayPoint[], arms: LessonReport['arms']): string[] {
  const cols = [{ id: 'oracle', days: oracle }, ...arms.filter((a) => a.days).map((a) => ({ id: a.id, days: a.days! }))];
  const width = (id: string) => Math.max(8, id.length);
  const cell = (id: string, x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-').padStart(width(id));
  const mean = (days: DayPoint[]) => days.reduce((s, d) => s + d['recall@50'], 0) / days.length;
  return [
    `recall@50 of each served day's requests, after the update on the day before:`,
    `${'served day'.padEnd(11)} ${cols.map((c) => c.id.padStart(width(c.id))).join(' ')}`,
    ...oracle.map((d, k) => `${String(d.servedDay).padEnd(11)} ${cols.map((c) => cell(c.id, c.days[k]?.['recall@50'] ?? Number.NaN)).join(' ')}`),
    `${'mean'.padEnd(11)} ${cols.map((c) => cell(c.id, mean(c.days))).join(' ')}`,
  ];
}

/**
 * Runs the CLI on `argv` and returns its exit code: 0, or 2 after one line on stderr for any
 * error (never a stack trace). Tests call this in-process; the entry point below passes the
 * process's own arguments.
 */
export async function runCli(argv: string[], stderr: (line: string) => void = (line) => process.stderr.write(line)): Promise<number> {
  try {
    return await main(argv);
  } catch (e: unknown) {
    const message = e instanceof Error ? e.message : String(e);
    stderr(`lab: ${oneLine(e instanceof UsageError ? message : `error: ${message.split('\n')[0]}`)}\n`);
    return 2;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isEntry) void runCli(process.argv.slice(2)).then((code) => process.exit(code));
