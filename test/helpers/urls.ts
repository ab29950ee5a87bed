/**
 * Generated lesson links for the URL fuzzers (unit and browser): unknown ids, repeated keys, NaN,
 * ±Infinity, 1e308, negative sizes, unicode, 10 kB values, unknown arms, empty strings, broken
 * escapes. Seeded: link `i` of seed `s` is always the same link.
 */
import { LESSONS } from '../../lessons/registry';
import { knobsOf } from '../../src/lesson/knobs';
import { Fuzz } from './fuzz';

const SHELL = ['arms', 'lang', 'backend', 'k', 'lossScale'];

export interface FuzzedLink {
  /** The hash, `#/…`. */
  hash: string;
  /** The lesson it names when that lesson exists (else the page is the not-found page). */
  lessonId?: string;
}

function enc(f: Fuzz, s: string): string {
  // Mostly encoded properly; sometimes raw (the browser and URLSearchParams must cope).
  return f.chance(0.8) ? encodeURIComponent(s) : s.replace(/[#&=]/g, '');
}

export function fuzzedLink(f: Fuzz): FuzzedLink {
  const lesson = f.pick(LESSONS);
  const knobs = knobsOf(lesson);
  const r = f.rng.int(20);
  let path: string;
  let lessonId: string | undefined = lesson.id;
  if (r === 0) [path, lessonId] = [`/lessons/${enc(f, f.pick(['no-such', '', 'MODEL', '..', f.unicode(), f.tenKb().slice(0, 300)]))}`, undefined];
  else if (r === 1) [path, lessonId] = [f.pick([`/lessons/${lesson.id}/extra`, '/lesson/model', '/%E0%A4%A', `/lessons/%E0%A4%A`, '//', '/lessons']), undefined];
  else path = `/lessons/${lesson.id}`;
  if (lessonId && /%|\.\./.test(path)) lessonId = undefined;
  const pairs: string[] = [];
  for (let n = f.rng.int(7); n > 0; n--) {
    const kind = f.rng.int(10);
    let key: string;
    let value: string;
    if (kind <= 4) {
      const knob = f.pick(knobs);
      key = knob.id;
      value = f.anyValue(() => String(knob.min + f.rng.next() * (knob.max - knob.min) * f.pick([1, 2, -1, 0.5])));
      if (f.chance(0.1)) value = f.pick(['-100', '-1', '0', '1e308', '-1e308']);
    } else if (kind <= 7) {
      key = f.pick(SHELL);
      value = key === 'arms' ? Array.from({ length: f.rng.int(4) }, () => (f.chance(0.5) ? f.pick(lesson.armIds) : f.pick(['bogus', '', ' ', f.unicode(), f.tenKb()]))).join(',') : f.pick(['zh', 'en', 'xx', 'wasm', 'webgpu', 'raw', '10', '50', '7', '', f.unicode(), f.tenKb()]);
    } else {
      key = f.pick(['foo', '', '__proto__', 'constructor', 'toString', f.unicode(5), f.tenKb().slice(0, 500)]);
      value = f.anyValue(() => '1');
    }
    pairs.push(`${enc(f, key)}=${enc(f, value)}`);
    if (f.chance(0.15)) pairs.push(`${enc(f, key)}=${enc(f, f.anyValue(() => '3'))}`);
  }
  // A link that would not fit in memory (the largest world the knobs allow).
  if (f.chance(0.05)) pairs.splice(f.rng.int(pairs.length + 1), 0, 'users=10000', `clicks=${100 + f.rng.int(101)}`, 'items=20000');
  const query = pairs.length || f.chance(0.3) ? `?${pairs.join('&')}` : '';
  return { hash: `#${path}${query}`, lessonId };
}
