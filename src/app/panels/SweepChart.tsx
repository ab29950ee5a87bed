/**
 * A knob sweep: points (knob value → an arm's metrics after the run's full step count) measured
 * by real training — the finished main run's own, and the worker's hidden sweep runs started here.
 */
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import type { MetricName } from '../../eval/metrics';
import type { SweepDef, SweepMetric } from '../../lesson/sweep';
import { armColor, TRUTH_COLOR } from '../colors';
import { t, tx } from '../i18n';
import type { PanelProps } from '../lesson-page';
import { sweepKey, useSweeps } from '../sweeps';
import { ChartCard } from './ChartCard';
import { armName } from './common';
import { AXIS, finite, fmt2, fmt3, GRID, LEGEND } from './style';

const METRIC_LABEL: Record<SweepMetric, 'metricRecall' | 'metricTail' | 'metricHead' | 'metricHeadShare' | 'metricSlateAuc' | 'metricGainTail'> = {
  'recall@50': 'metricRecall',
  'recall@50.tail': 'metricTail',
  'recall@50.head': 'metricHead',
  'headShare@50': 'metricHeadShare',
  'slate.auc': 'metricSlateAuc',
  'gain.tail': 'metricGainTail',
};
const DEFAULT_METRICS: SweepMetric[] = ['recall@50', 'recall@50.tail', 'headShare@50'];
const pctSigned = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(0)}%`;

export function SweepChart(p: PanelProps & { def: SweepDef; suffix?: string }) {
  const { lang, lesson, snapshot, baselines, config, send, def } = p;
  const sfx = p.suffix ?? '';
  const [metric, setMetric] = useState<SweepMetric>(def.metric ?? 'recall@50');
  const values = def.values.filter((v) => !def.allowed || def.allowed(v, config.settings));
  const key = sweepKey(lesson.id, def.knob, config.settings);
  const points = useSweeps((s) => s.points[key]);
  const status = useSweeps((s) => s.status);
  const inSync = !!snapshot.settings && sweepKey(lesson.id, def.knob, snapshot.settings) === key && snapshot.phase !== 'loading';
  const arms = def.arms ?? config.arms;
  const have = new Set((points ?? []).map((q) => `${q.armId}@${q.value}`));
  const missing = values.filter((v) => arms.some((a) => !have.has(`${a}@${v}`)));
  const runs = missing.reduce((n, v) => n + arms.filter((a) => !have.has(`${a}@${v}`)).length, 0);
  const active = status?.active && status.key === key;
  const otherActive = status?.active && status.key !== key;
  const current = config.settings[def.knob];
  // A rough duration from the main run's pace: its lockstep rate times its arms is one arm's rate.
  const live = snapshot.arms.filter((a) => a.enabled && !a.diverged).length;
  const perArm = snapshot.stepsPerSecond * Math.max(1, live);
  const eta = perArm > 0 ? (runs * config.settings.steps) / perArm : 0;

  const gain = metric === 'gain.tail' && !!def.relativeTo;
  const plotted = [...new Set((points ?? []).map((q) => q.armId))].filter((id) => lesson.armIds.includes(id) && !(gain && id === def.relativeTo));
  const byValue = new Map<number, Record<string, number | null>>();
  for (const q of points ?? []) {
    let row = byValue.get(q.value);
    if (!row) byValue.set(q.value, (row = { value: q.value }));
    if (gain) {
      const base = (points ?? []).find((b) => b.value === q.value && b.armId === def.relativeTo);
      const b = base?.metrics['recall@50.tail'];
      row[q.armId] = b && b > 0 ? finite(q.metrics['recall@50.tail'] / b - 1) : null;
    } else row[q.armId] = finite(q.metrics[metric as MetricName]);
  }
  const data = [...byValue.values()].sort((a, b) => (a.value as number) - (b.value as number));
  const xs = [...new Set([...values, ...data.map((r) => r.value as number)])].sort((a, b) => a - b);
  const xDomain: [number, number] = [Math.min(...xs, current), Math.max(...xs, current)];

  const start = () => {
    // Only the (value, arm) pairs not measured yet; one hidden run each.
    const values = missing;
    send({ type: 'sweep', key, knob: def.knob, values, arms: arms.filter((a) => values.some((v) => !have.has(`${a}@${v}`))) });
  };

  const controls = (
    <div className="seg small" role="group" aria-label="metric">
      {(def.metrics ?? DEFAULT_METRICS).map((m) => (
        <button key={m} data-testid={`sweep-metric${sfx}-${m}`} className={m === metric ? 'active' : ''} onClick={() => setMetric(m)}>
          {t(lang, METRIC_LABEL[m])}
        </button>
      ))}
    </div>
  );

  return (
    <ChartCard testid={`chart-sweep${sfx}`} title={tx(lang, def.title)} note={tx(lang, def.note)} extra={controls} wide>
      <div className="sweep-bar">
        {active ? (
          <>
            <span className="small" data-testid={`sweep-progress${sfx}`}>
              {t(lang, 'sweepProgress')}: {status!.done} / {status!.total}
              {status!.current && (
                <>
                  {' '}· {armName(lang, p.labels, status!.current.armId)} @ {def.format(status!.current.value)} · {t(lang, 'step_')} {status!.current.step} / {config.settings.steps}
                </>
              )}
              {snapshot.phase === 'running' && <span className="muted"> ({t(lang, 'sweepWaiting')})</span>}
            </span>
            <button className="btn" data-testid={`sweep-cancel${sfx}`} onClick={() => send({ type: 'cancelSweep' })}>
              {t(lang, 'sweepCancel')}
            </button>
          </>
        ) : arms.length === 0 ? (
          <span className="muted small">{t(lang, 'sweepNoArms')}</span>
        ) : runs === 0 ? (
          <span className="muted small" data-testid={`sweep-complete${sfx}`}>{t(lang, 'sweepAllDone')}</span>
        ) : (
          <>
            <button className="btn primary" data-testid={`sweep-run${sfx}`} disabled={!inSync || !!otherActive} onClick={start}>
              {t(lang, 'sweepRun')}
            </button>
            <span className="muted small">
              {missing.map(def.format).join(', ')} · {runs} {t(lang, 'sweepRuns')} × {config.settings.steps} {t(lang, 'sweepEach')}
              {eta > 0 && ` · ≈ ${eta < 90 ? `${Math.max(1, Math.round(eta))} s` : `${Math.round(eta / 60)} min`}`}
              {!inSync && ` · ${t(lang, 'sweepSync')}`}
            </span>
          </>
        )}
        {!active && status && status.key === key && status.reason && status.reason !== 'cancelled' && (
          <span className="muted small">
            {t(lang, 'sweepEnded')}: {status.reason}
          </span>
        )}
      </div>
      <div className="sweep-plot">
        <ChartFrame height={250}>
          <LineChart data={data} margin={{ top: 12, right: 24, bottom: 0, left: -8 }}>
            <CartesianGrid stroke={GRID} />
            <XAxis
              dataKey="value"
              type="number"
              scale={def.log ? 'log' : 'linear'}
              domain={xDomain}
              ticks={xs}
              tick={AXIS}
              tickFormatter={(v: number) => def.format(v)}
            />
            <YAxis tick={AXIS} domain={metric === 'headShare@50' ? [0, 1] : gain || metric === 'slate.auc' ? ['auto', 'auto'] : [0, 'auto']} tickFormatter={(v: number) => (gain ? pctSigned(v) : fmt2(v))} width={gain ? 56 : 60} />
            <Tooltip formatter={(v) => (gain && typeof v === 'number' ? pctSigned(v) : fmt3(v))} labelFormatter={(v) => `${def.knob} = ${def.format(Number(v))}`} isAnimationActive={false} />
            <Legend wrapperStyle={LEGEND} itemSorter={null} />
            {current !== undefined && <ReferenceLine x={current} stroke="#9aa5b1" strokeDasharray="4 4" label={{ value: t(lang, 'sweepNow'), position: 'insideTopLeft', fontSize: 11, fill: '#52606d' }} />}
            {gain && <ReferenceLine y={0} stroke={armColor(lesson.armIds, def.relativeTo!)} strokeDasharray="6 4" label={{ value: armName(lang, p.labels, def.relativeTo!), position: 'insideBottomRight', fontSize: 11, fill: '#52606d' }} />}
            {metric === 'headShare@50' && (
              <ReferenceLine y={baselines.testHeadShare} stroke={TRUTH_COLOR} strokeDasharray="6 4" label={{ value: `${t(lang, 'truth')} ${baselines.testHeadShare.toFixed(3)}`, position: 'insideTopRight', fontSize: 11, fill: TRUTH_COLOR }} />
            )}
            {plotted.map((id) => (
              <Line key={id} type="linear" dataKey={id} name={armName(lang, p.labels, id)} stroke={armColor(lesson.armIds, id)} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ChartFrame>
        {!data.length && <div className="sweep-empty muted small" data-testid={`sweep-empty${sfx}`}>{t(lang, 'sweepEmpty')}</div>}
      </div>
    </ChartCard>
  );
}
