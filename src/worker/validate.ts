/**
 * The worker's gate: every message from the page is checked here before the runner sees it. A
 * malformed one (wrong type, missing or mistyped fields, a setting no knob allows, a huge array)
 * is dropped with a reason the page logs, and the run goes on. The page is the lab's own code,
 * so a rejection is a bug or a hostile page script, never something a student did.
 */
import type { KnobRanges } from './knob-ranges';
import { isBackendName } from '../model/backends';
import { oneLine } from '../util/text';
import type { Command } from './protocol';

/** Sizes no real command comes near (lessons have ≤ 4 arms and ≤ 20 knobs; sweeps ≤ 12 values). */
const MAX_ARMS = 16;
const MAX_SETTINGS = 64;
const MAX_SWEEP_VALUES = 64;
const MAX_STRING = 200;
/** The steps knob's top: one `step` command never asks for more. */
const MAX_STEPS = 20_000;

class Invalid extends Error {}

type Obj = Record<string, unknown>;

function isObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

function str(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Invalid(`${key} must be a string`);
  if (v.length > MAX_STRING) throw new Invalid(`${key} is ${v.length} characters long (at most ${MAX_STRING})`);
  return v;
}

function num(o: Obj, key: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(`${key} must be a finite number`);
  if (v < min || v > max) throw new Invalid(`${key}=${v} is outside ${min}…${max}`);
  return v;
}

function list(o: Obj, key: string, max: number): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new Invalid(`${key} must be an array`);
  if (v.length > max) throw new Invalid(`${key} has ${v.length} entries (at most ${max})`);
  return v;
}

function strings(o: Obj, key: string): string[] {
  return list(o, key, MAX_ARMS).map((x, i) => {
    if (typeof x !== 'string' || x.length > MAX_STRING) throw new Invalid(`${key}[${i}] must be a short string`);
    return x;
  });
}

/** Settings: known knobs within their ranges, or (`knobs` null) short keys with finite numbers. */
function settings(o: Obj, knobs: KnobRanges | null): Record<string, number> {
  const s = o.settings;
  if (!isObject(s)) throw new Invalid('settings must be an object');
  const keys = Object.keys(s);
  if (keys.length > MAX_SETTINGS) throw new Invalid(`settings has ${keys.length} keys (at most ${MAX_SETTINGS})`);
  for (const key of keys) {
    if (key.length > MAX_STRING) throw new Invalid(`a settings key is ${key.length} characters long (at most ${MAX_STRING})`);
    const range = knobs ? knobs.get(key) : { min: -Number.MAX_VALUE, max: Number.MAX_VALUE };
    if (!range) throw new Invalid(`settings.${key.slice(0, 40)} is no knob of any lesson`);
    num(s, key, range.min, range.max);
  }
  if (s.steps === undefined) throw new Invalid('settings.steps is missing');
  return s as Record<string, number>;
}

/** Longest history a snapshot carries back (pacing.ts thins it far below this). */
const MAX_POINTS = 100_000;
/** Tensors per arm (towers' tables and layers: a few dozen). */
const MAX_VARIABLES = 256;

/** A dead worker's arm handed to a new one: its snapshot's history and, optionally, its checkpoint. */
function savedArm(x: unknown, i: number): void {
  if (!isObject(x) || !isObject(x.snapshot)) throw new Invalid(`resume[${i}] must hold a snapshot`);
  const snap = x.snapshot;
  str(snap, 'id');
  list(snap, 'loss', MAX_POINTS);
  list(snap, 'evals', MAX_POINTS);
  num(snap, 'trainSeconds', 0, Number.MAX_VALUE);
  if (!isObject(snap.series)) throw new Invalid(`resume[${i}].snapshot.series must be an object`);
  if (x.checkpoint === undefined) return;
  if (!isObject(x.checkpoint)) throw new Invalid(`resume[${i}].checkpoint must be an object`);
  num(x.checkpoint, 'step', 0, Number.MAX_SAFE_INTEGER);
  if (!list(x.checkpoint, 'values', MAX_VARIABLES).every((v) => v instanceof Float32Array)) throw new Invalid(`resume[${i}].checkpoint.values must be Float32Arrays`);
}

/**
 * The command in `data`, or why it is refused. Never throws. With `knobs` null the settings'
 * ranges go unchecked (the coordinator: it never reads them, and without the lessons' code it
 * loads in a fraction of the time; each shard checks them with the lessons' ranges).
 */
export function validateCommand(data: unknown, knobs: KnobRanges | null): { command: Command } | { reason: string } {
  try {
    if (!isObject(data)) throw new Invalid(`not an object (${data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data})`);
    const id = num(data, 'id', 0, Number.MAX_SAFE_INTEGER);
    if (!Number.isInteger(id)) throw new Invalid('id must be an integer');
    const type = data.type;
    switch (type) {
      case 'init': {
        str(data, 'lessonId');
        settings(data, knobs);
        strings(data, 'arms');
        const backends = list(data, 'backends', 8);
        if (!backends.length || !backends.every((b) => typeof b === 'string' && isBackendName(b))) throw new Invalid('backends must name known backends');
        if (data.forced !== undefined && typeof data.forced !== 'boolean') throw new Invalid('forced must be a boolean');
        if (data.lessonArms !== undefined) strings(data, 'lessonArms');
        if (data.resume !== undefined) list(data, 'resume', MAX_ARMS).forEach(savedArm);
        break;
      }
      case 'configure':
        settings(data, knobs);
        strings(data, 'arms');
        break;
      case 'step':
        num(data, 'steps', 1, MAX_STEPS);
        break;
      case 'sweep': {
        str(data, 'key');
        str(data, 'knob');
        strings(data, 'arms');
        list(data, 'values', MAX_SWEEP_VALUES).forEach((v, i) => {
          if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(`values[${i}] must be a finite number`);
        });
        break;
      }
      case 'inspect':
        if (!isObject(data.request)) throw new Invalid('request must be an object');
        for (const v of Object.values(data.request)) if (typeof v === 'string' && v.length > MAX_STRING) throw new Invalid('request has an over-long string');
        break;
      case 'play':
      case 'pause':
      case 'reset':
      case 'loseBackend':
      case 'cancelSweep':
      case 'dispose':
      case 'memory':
        break;
      default:
        throw new Invalid(`unknown type ${JSON.stringify(String(type)).slice(0, 60)}`);
    }
    return { command: data as unknown as Command };
  } catch (e) {
    const reason = e instanceof Invalid ? e.message : `unreadable (${e instanceof Error ? e.message : String(e)})`;
    const type = isObject(data) && typeof data.type === 'string' ? `"${data.type.slice(0, 40)}" ` : '';
    return { reason: oneLine(`ignored a ${type}message: ${reason}`, 160) };
  }
}
