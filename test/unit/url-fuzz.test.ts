/**
 * 500 generated lesson links through the page's parser (route.ts + config.ts), seeded: none
 * throws; each names its lesson or nothing; every dropped or clamped value has its notice; what
 * comes out is a config the lab can run (in range, cross-knob rules kept, within the memory
 * budget) whose canonical link reads back unchanged and without notices.
 */
import { describe, expect, it } from 'vitest';
import { findLesson } from '../../lessons/registry';
import { lessonQuery, parseLessonQuery } from '../../src/app/config';
import { parseHash } from '../../src/app/route';
import { knobsOf, lessonBudgetRefusal } from '../../src/lesson/knobs';
import { isBackendName } from '../../src/model/backends';
import { maxClicksFor, maxPreRankedFor } from '../../src/world/config';
import { Fuzz } from '../helpers/fuzz';
import { fuzzedLink } from '../helpers/urls';

const SEED = 16;
const LINKS = 500;

describe('the page’s link parser under generated links', () => {
  it(`${LINKS} links (seed ${SEED}): a runnable config, a notice for every correction, never a throw`, () => {
    const f = new Fuzz(SEED);
    let lessonsOpened = 0;
    let corrected = 0;
    let overBudget = 0;
    for (let i = 0; i < LINKS; i++) {
      const link = fuzzedLink(f);
      const what = `link ${i}: ${link.hash.slice(0, 200)}`;
      const route = parseHash(link.hash);
      const lesson = route.page === 'lesson' ? findLesson(route.id) : undefined;
      if (link.lessonId) expect(lesson?.id, what).toBe(link.lessonId);
      else expect(lesson, what).toBeUndefined();
      // Repeated keys: one notice each.
      const all = new URLSearchParams(link.hash.includes('?') ? link.hash.slice(link.hash.indexOf('?') + 1) : '');
      const keys = [...all.keys()];
      const repeated = new Set(keys.filter((k, j) => keys.indexOf(k) !== j));
      expect(route.notices.filter((n) => n.includes('appears more than once')), what).toHaveLength(repeated.size);
      if (!lesson) continue;
      lessonsOpened++;
      const { config, notices } = parseLessonQuery(lesson, route.query);
      if (notices.length) corrected++;
      if (notices.some((n) => n.includes('budget'))) overBudget++;
      const has = (word: string) => notices.some((n) => n.includes(word));
      for (const n of notices) {
        expect(n, what).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(n.length, what).toBeLessThan(400);
      }
      // The config is one the lab can run.
      const knobs = knobsOf(lesson);
      for (const knob of knobs) {
        const v = config.settings[knob.id];
        expect(Number.isFinite(v) && v >= knob.min && v <= knob.max, `${what}: ${knob.id}=${v}`).toBe(true);
        if (knob.integer) expect(Number.isInteger(v), what).toBe(true);
      }
      const s = config.settings;
      expect(s.clicks, what).toBeLessThanOrEqual(maxClicksFor(s.items));
      if (s.preRanked !== undefined) expect(s.preRanked, what).toBeLessThanOrEqual(maxPreRankedFor(s.items));
      expect(lessonBudgetRefusal(lesson, s, config.arms.length), what).toBeNull();
      expect(config.arms.every((a) => lesson.armIds.includes(a)), what).toBe(true);
      expect(['zh', 'en'], what).toContain(config.lang);
      // Every value not taken as written has a notice that names it.
      for (const [key, raw] of Object.entries(route.query)) {
        const knob = knobs.find((k) => k.id === key);
        if (knob) {
          if (raw.trim() === '' || !(Math.abs(Number(raw) - s[key]) <= 1e-5 * Math.abs(s[key]))) expect(has(key), `${what}: ${key}=${raw.slice(0, 40)}`).toBe(true);
        } else if (key === 'arms') {
          const asked = raw.split(',').map((a) => a.trim()).filter(Boolean);
          if (asked.some((a) => !lesson.armIds.includes(a))) expect(has('arm'), what).toBe(true);
        } else if (key === 'lang') {
          if (raw !== '' && raw !== config.lang) expect(has('lang='), what).toBe(true);
        } else if (key === 'backend') {
          if (raw !== '' && !isBackendName(raw)) expect(has('backend='), what).toBe(true);
        } else if (key === 'k') {
          if (raw !== '' && String(config.k) !== raw && Number(raw) !== config.k) expect(has('k='), what).toBe(true);
        } else if (key === 'lossScale') {
          if (raw !== '' && raw !== config.lossScale) expect(has('lossScale='), what).toBe(true);
        }
      }
      const unknown = Object.keys(route.query).filter((k) => !knobs.some((kn) => kn.id === k) && !['arms', 'lang', 'backend', 'k', 'lossScale', 'present'].includes(k));
      expect(notices.filter((n) => n.startsWith('Unknown parameter')), what).toHaveLength(unknown.length);
      // The canonical link reads back as the same config, with nothing to correct.
      const again = parseLessonQuery(lesson, Object.fromEntries(lessonQuery(lesson, config)));
      expect(again.notices, what).toEqual([]);
      expect(again.config, what).toEqual({ ...config, backend: config.backend });
    }
    // The generator reaches both pages and mostly produces links that need correcting.
    expect(lessonsOpened).toBeGreaterThan(LINKS * 0.7);
    expect(corrected).toBeGreaterThan(lessonsOpened * 0.5);
    expect(overBudget).toBeGreaterThan(0);
  });

  it('a broken escape in the lesson id is the not-found page, not a URIError', () => {
    const route = parseHash('#/lessons/%E0%A4%A?lang=en');
    expect(route).toMatchObject({ page: 'lesson', id: '%E0%A4%A' });
    expect(findLesson((route as { id: string }).id)).toBeUndefined();
  });

  it('__proto__ and constructor are ordinary unknown keys', () => {
    const route = parseHash('#/lessons/model?__proto__=1&constructor=2&toString=3');
    const { notices } = parseLessonQuery(findLesson('model')!, route.query);
    expect(notices).toEqual(['Unknown parameter "__proto__" ignored.', 'Unknown parameter "constructor" ignored.', 'Unknown parameter "toString" ignored.']);
  });
});
