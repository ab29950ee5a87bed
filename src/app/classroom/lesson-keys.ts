/** A lesson page's shortcuts: Space, →, R and 1–9 do what the transport buttons and arm toggles do. */
import type { LessonDef } from '../../lesson/types';
import type { LessonConfig } from '../config';
import { t, tx } from '../i18n';
import type { CommandBody } from '../lab-client';
import { useConfig, useRun } from '../store';
import { useLessonKeys } from './keys';
import { announce } from './state';
import { ct } from './text';

export function useLabKeys(lesson: LessonDef, config: LessonConfig, send: (c: CommandBody) => void, stepSize: number): void {
  const lang = config.lang;
  // The same conditions as the transport's buttons (a key never does what a disabled button would not).
  const phase = () => useRun.getState().snapshot?.phase ?? 'loading';
  const ready = () => phase() !== 'loading' && phase() !== 'error' && !!useRun.getState().snapshot;
  useLessonKeys({
    playPause() {
      if (phase() === 'running') {
        send({ type: 'pause' });
        announce(ct(lang, 'paused'));
      } else if (ready()) {
        send({ type: 'play' });
        announce(ct(lang, 'playing'));
      }
    },
    step() {
      if (!ready() || phase() === 'running') return;
      send({ type: 'step', steps: stepSize });
      announce(`${ct(lang, 'stepped')} +${stepSize}`);
    },
    reset() {
      if (!ready()) return;
      send({ type: 'reset' });
      announce(ct(lang, 'resetDone'));
    },
    toggleArm(n) {
      const id = lesson.armIds[n - 1];
      if (!id) return;
      const arms = useConfig.getState().config?.arms ?? config.arms;
      const on = !arms.includes(id);
      useConfig.getState().update({ arms: lesson.armIds.filter((a) => (a === id ? on : arms.includes(a))) });
      const label = lesson.arms(config.settings).find((s) => s.id === id)?.label;
      announce(`${t(lang, 'arm')} ${n} ${label ? tx(lang, label) : id}: ${ct(lang, on ? 'armOn' : 'armOff')}`);
    },
  });
}
