import { memo } from 'react';
import { knobsOf } from '../../lesson/knobs';
import type { Knob, LessonDef, Settings } from '../../lesson/types';
import type { Snapshot } from '../../worker/protocol';
import { armColor } from '../colors';
import { formatKnob, type Lang, type LessonConfig } from '../config';
import { t, tx } from '../i18n';
import type { CommandBody } from '../lab-client';
import { TRAINING_KNOB_IDS, WORLD_KNOB_IDS } from '../knob-groups';

/** `stepSize`: steps per press of Step (a lesson evaluated every N steps steps to the next evaluation). */
export function Transport({ lang, snapshot, send, busy, stepSize }: { lang: Lang; snapshot: Snapshot | null; send: (c: CommandBody) => void; busy: boolean; stepSize: number }) {
  const phase = snapshot?.phase ?? 'loading';
  const running = phase === 'running';
  const ready = !!snapshot && phase !== 'loading' && !busy;
  const step = snapshot?.step ?? 0;
  const target = snapshot?.target ?? 0;
  return (
    <div className="transport">
      <div className="buttons">
        <button data-testid="play" className="btn primary" disabled={!ready || running || phase === 'error'} onClick={() => send({ type: 'play' })}>
          <Icon d="M4 2.5v11l9-5.5z" /> {t(lang, 'play')}
        </button>
        <button data-testid="pause" className="btn" disabled={!running} onClick={() => send({ type: 'pause' })}>
          <Icon d="M4 2.5h3v11H4zM9 2.5h3v11H9z" /> {t(lang, 'pause')}
        </button>
        <button data-testid="step" className="btn" disabled={!ready || running} onClick={() => send({ type: 'step', steps: stepSize })} title={`+${stepSize}`}>
          <Icon d="M2.5 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z" /> {t(lang, 'step')}
        </button>
        <button data-testid="reset" className="btn" disabled={!ready} onClick={() => send({ type: 'reset' })}>
          <Icon d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.6.6A3.8 3.8 0 1 0 8 4.2v2.3L4.5 3.4 8 .3z" /> {t(lang, 'reset')}
        </button>
      </div>
      <div className="progress" role="progressbar" aria-label={t(lang, 'stepsDone')} aria-valuemin={0} aria-valuemax={target} aria-valuenow={Math.min(step, target)}>
        <div className="bar" style={{ width: `${target ? Math.min(100, (100 * step) / target) : 0}%` }} />
      </div>
      <div className="progress-line">
        <span>
          <b data-testid="steps">{step}</b> / {target} {t(lang, 'stepsDone')}
        </span>
        <span className={`phase phase-${phase}`} data-testid="phase">
          {t(lang, `phase_${phase}`)}
        </span>
      </div>
      {snapshot && lastEval(snapshot) !== null && (
        <div className="muted small">
          {t(lang, 'evaluatedAt')} <span data-testid="eval-step">{lastEval(snapshot)}</span>
        </div>
      )}
      {snapshot && snapshot.stepsPerSecond > 0 && (
        <div className="muted small" data-testid="rate">
          {snapshot.stepsPerSecond.toFixed(1)} {t(lang, 'rate')} · {t(lang, 'evalEvery')} {snapshot.lastEvalSeconds.toFixed(2)} s
        </div>
      )}
    </div>
  );
}

/** Step of the latest evaluation shared by every enabled arm (what the table and bars show). */
function lastEval(snapshot: Snapshot): number | null {
  const steps = snapshot.arms.filter((a) => a.enabled && !a.diverged).map((a) => a.evals.at(-1)?.step ?? -1);
  if (!steps.length || Math.min(...steps) < 0) return null;
  return Math.min(...steps);
}

export function ArmToggles({ lesson, lang, config, snapshot, onChange }: { lesson: LessonDef; lang: Lang; config: LessonConfig; snapshot: Snapshot | null; onChange: (arms: string[]) => void }) {
  const labels = lesson.arms(config.settings);
  return (
    <div className="arm-toggles">
      {lesson.armIds.map((id) => {
        const on = config.arms.includes(id);
        const arm = snapshot?.arms.find((a) => a.id === id);
        const label = labels.find((s) => s.id === id)?.label;
        return (
          <label key={id} className={`arm-toggle ${on ? 'on' : 'off'}`} style={{ ['--arm' as string]: armColor(lesson.armIds, id) }}>
            <input
              type="checkbox"
              data-testid={`arm-toggle-${id}`}
              checked={on}
              onChange={(e) => onChange(lesson.armIds.filter((a) => (a === id ? e.target.checked : config.arms.includes(a))))}
            />
            <span className="swatch" />
            <span className="arm-name">{label ? tx(lang, label) : id}</span>
            {arm?.diverged && <span className="tag warn">{t(lang, 'diverged')}</span>}
            {on && arm && snapshot && !arm.diverged && arm.steps < Math.max(...snapshot.arms.filter((a) => a.enabled).map((a) => a.steps)) && (
              <span className="tag">{t(lang, 'catchingUp')}</span>
            )}
          </label>
        );
      })}
      {config.arms.length === 0 && <p className="muted small">{t(lang, 'armsNone')}</p>}
    </div>
  );
}

/**
 * A log slider's step, in decades: ×1.12 per arrow key. Values keep two significant digits (a
 * relative grain of at most 10%), so a smaller step (0.01 was ×1.023) rounded an arrow key's move
 * back to where it started and the slider could not be moved from the keyboard.
 */
const LOG_STEP = 0.05;

function toSlider(knob: Knob, v: number): number {
  return knob.log ? Math.log10(v) : v;
}

function fromSlider(knob: Knob, s: number): number {
  if (!knob.log) return s;
  const v = 10 ** s;
  // Two significant digits on a log scale: 0.001, 0.0015, 0.002, …
  return Number(v.toPrecision(2));
}

function KnobControl({ knob, lang, value, onChange }: { knob: Knob; lang: Lang; value: number; onChange: (v: number) => void }) {
  const commit = (raw: number) => {
    if (!Number.isFinite(raw)) return;
    let v = Math.min(knob.max, Math.max(knob.min, raw));
    if (knob.integer) v = Math.round(v);
    onChange(v);
  };
  const hint = knob.world ? t(lang, 'rebuildsWorld') : knob.hot ? t(lang, 'remeasures') : knob.id === 'steps' ? '' : t(lang, 'restartsRun');
  return (
    <div className="knob" title={hint}>
      <label htmlFor={`knob-${knob.id}`}>
        {tx(lang, knob.label)}
        {knob.world && <span className="dot world" aria-hidden />}
      </label>
      <div className="knob-row">
        <input
          id={`knob-${knob.id}`}
          data-testid={`knob-${knob.id}`}
          type="range"
          min={toSlider(knob, knob.min)}
          max={toSlider(knob, knob.max)}
          step={knob.log ? LOG_STEP : knob.step}
          value={toSlider(knob, value)}
          onChange={(e) => commit(fromSlider(knob, Number(e.target.value)))}
        />
        <input
          className="knob-value"
          aria-label={tx(lang, knob.label)}
          data-testid={`knob-${knob.id}-value`}
          type="number"
          key={value}
          defaultValue={formatKnob(knob, value)}
          min={knob.min}
          max={knob.max}
          step={knob.step}
          onBlur={(e) => commit(Number(e.target.value))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(Number((e.target as HTMLInputElement).value));
          }}
        />
      </div>
    </div>
  );
}

/** Memoised: the knobs redraw when settings change, not with every training snapshot. */
export const KnobPanel = memo(function KnobPanel({ lesson, lang, settings, onChange }: { lesson: LessonDef; lang: Lang; settings: Settings; onChange: (id: string, v: number) => void }) {
  const knobs = knobsOf(lesson);
  const groups: [string, Knob[]][] = [
    [t(lang, 'training'), knobs.filter((k) => TRAINING_KNOB_IDS.includes(k.id))],
    [t(lang, 'lessonKnobs'), knobs.filter((k) => !TRAINING_KNOB_IDS.includes(k.id) && !WORLD_KNOB_IDS.includes(k.id))],
    [t(lang, 'world'), knobs.filter((k) => WORLD_KNOB_IDS.includes(k.id))],
  ];
  return (
    <div className="knobs">
      {groups
        .filter(([, ks]) => ks.length)
        .map(([title, ks]) => (
          <fieldset key={title}>
            <legend>
              {title}
              {ks.some((k) => k.world) && <span className="legend-hint">{t(lang, 'rebuildsWorld')}</span>}
            </legend>
            {ks.map((k) => (
              <KnobControl key={k.id} knob={k} lang={lang} value={settings[k.id] ?? k.default} onChange={(v) => onChange(k.id, v)} />
            ))}
          </fieldset>
        ))}
    </div>
  );
});

function Icon({ d }: { d: string }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden>
      <path d={d} fill="currentColor" />
    </svg>
  );
}
