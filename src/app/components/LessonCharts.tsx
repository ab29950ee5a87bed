/**
 * Lesson-specific panels, drawn under the shared charts: recall by popularity bucket, recall by
 * closeness to exposed items and the recall drop, the streaming estimator's error, and knob
 * sweeps. Every number comes from the worker's evaluations (nothing here is precomputed).
 */
import { memo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricName } from '../../eval/metrics';
import type { LessonDef, Text } from '../../lesson/types';
import type { ArmSnapshot, Baselines, EvalDetail, Snapshot } from '../../worker/protocol';
import { armColor, ORACLE_COLOR, TRUTH_COLOR } from '../colors';
import type { Lang, LessonConfig } from '../config';
import { t, tx } from '../i18n';
import type { CommandBody } from '../lab-client';
import { type SweepDef, sweepKey, sweepsOf, useSweeps } from '../sweeps';
import { AugmentationPanel, HeadTailChart, MiHeatmap } from './SslPanels';
import { ChartCard } from './ChartCard';

const AXIS = { fontSize: 11, fill: '#52606d' };
const fmt3 = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '—');

/** zh names of the engine's group labels (en as the engine writes them). */
const GROUP_ZH: Record<string, string> = {
  'top 2%': '前 2%',
  'far from exposed': '远离曝光物品',
  middle: '中等',
  'near exposed': '靠近曝光物品',
};

function groupLabel(lang: Lang, label: string): string {
  return lang === 'zh' ? (GROUP_ZH[label] ?? label) : label;
}

interface Props {
  lesson: LessonDef;
  lang: Lang;
  snapshot: Snapshot;
  baselines: Baselines;
  labels: Record<string, Text>;
  config: LessonConfig;
  send: (c: CommandBody) => void;
}

export function LessonCharts(props: Props) {
  const { lesson, snapshot } = props;
  const shown = snapshot.arms.filter((a) => a.enabled && !a.diverged);
  const version = shown.map((a) => `${a.id}:${a.evals.length}:${a.evals.at(-1)?.step}`).join('|');
  const sweeps = sweepsOf(lesson.id);
  const panels: React.ReactNode[] = [];
  if (lesson.armIds.includes('baseline') && lesson.id === 'self-supervision') {
    panels.push(<HeadTailChart key="headtail" {...props} version={version} />);
    panels.push(<MiHeatmap key="mi" lang={props.lang} />);
    panels.push(
      <div key="aug" className="span-all">
        <AugmentationPanel lang={props.lang} />
      </div>,
    );
  }
  if (lesson.id === 'positives' || lesson.id === 'negatives' || lesson.id === 'bias-correction') {
    panels.push(<PopularityChart key="pop" {...props} version={version} />);
  }
  if (lesson.id === 'bias-correction') {
    const est = snapshot.arms.find((a) => a.estimator);
    const estVersion = est ? `${est.enabled}:${est.estimator!.length}:${est.estimator!.at(-1)?.[0]}` : 'none';
    panels.push(<EstimatorChart key="est" {...props} version={estVersion} />);
  }
  if (lesson.id === 'wrong-negatives') {
    panels.push(<ClosenessChart key="close" {...props} version={version} />);
    panels.push(<RecallDrop key="drop" {...props} version={version} />);
  }
  // An odd panel out (before the full-width sweep) takes the whole row.
  if (panels.length % 2 === 1) {
    const last = panels.pop();
    panels.push(
      <div key="span" className="span-all">
        {last}
      </div>,
    );
  }
  for (const def of sweeps) panels.push(<SweepChart key={`sweep-${def.knob}`} {...props} def={def} suffix={sweeps.length > 1 ? `-${def.knob}` : ''} />);
  if (!panels.length) return null;
  return (
    <div className="charts lesson-charts" data-testid="lesson-charts">
      {panels}
    </div>
  );
}


/** Equal for drawing: compared through `version` (snapshot and callbacks ignored). */
function sameVersion<P extends { version: string; lang: Lang; baselines: Baselines }>(a: P, b: P): boolean {
  return a.version === b.version && a.lang === b.lang && a.baselines === b.baselines;
}

function armName(p: Props, id: string): string {
  return p.labels[id] ? tx(p.lang, p.labels[id]) : id;
}

function latestDetail(arm: ArmSnapshot): EvalDetail | undefined {
  return arm.evals.at(-1)?.detail;
}

function num(v: number | undefined): number | null {
  return v === undefined || !Number.isFinite(v) ? null : v;
}

interface Series {
  id: string;
  name: string;
  color: string;
  values: number[];
  reference?: boolean;
}

/** Grouped bars: one group per label, one bar per series (references drawn hollow, dashed). */
function GroupedBars({ groups, series, lang }: { groups: string[]; series: Series[]; lang: Lang }) {
  const data = groups.map((g, i) => {
    const row: Record<string, string | number | null> = { group: groupLabel(lang, g) };
    for (const s of series) row[s.id] = num(s.values[i]);
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={250}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }} barGap={1} barCategoryGap="18%">
        <CartesianGrid stroke="#eef1f5" vertical={false} />
        <XAxis dataKey="group" tick={AXIS} interval={0} />
        <YAxis tick={AXIS} domain={[0, 'auto']} tickFormatter={(v: number) => v.toFixed(2)} />
        <Tooltip formatter={(v) => fmt3(v)} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {series.map((s) =>
          s.reference ? (
            <Bar key={s.id} dataKey={s.id} name={s.name} fill={s.color} fillOpacity={0.06} stroke={s.color} strokeDasharray="3 2" strokeWidth={1.5} isAnimationActive={false} />
          ) : (
            <Bar key={s.id} dataKey={s.id} name={s.name} fill={s.color} isAnimationActive={false} />
          ),
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}

function armSeries(p: Props, pick: (d: EvalDetail) => number[]): Series[] {
  const out: Series[] = [];
  for (const id of p.lesson.armIds) {
    const arm = p.snapshot.arms.find((a) => a.id === id && a.enabled && !a.diverged);
    const d = arm && latestDetail(arm);
    if (d) out.push({ id, name: armName(p, id), color: armColor(p.lesson.armIds, id), values: pick(d) });
  }
  return out;
}

const PopularityChart = memo(function PopularityChart(p: Props & { version: string }) {
  const series = [...armSeries(p, (d) => d.recallByPopularity), { id: 'oracle', name: t(p.lang, 'oracle'), color: ORACLE_COLOR, values: p.baselines.oracleDetail.recallByPopularity, reference: true }];
  return (
    <ChartCard testid="chart-buckets" title={t(p.lang, 'bucketChart')} note={`${t(p.lang, 'bucketNote')} (${t(p.lang, 'bucketAxis')})`}>
      <GroupedBars groups={p.baselines.popularityBuckets} series={series} lang={p.lang} />
    </ChartCard>
  );
}, sameVersion);

const ClosenessChart = memo(function ClosenessChart(p: Props & { version: string }) {
  const series = [...armSeries(p, (d) => d.recallByCloseness), { id: 'oracle', name: t(p.lang, 'oracle'), color: ORACLE_COLOR, values: p.baselines.oracleDetail.recallByCloseness, reference: true }];
  return (
    <ChartCard testid="chart-closeness" title={t(p.lang, 'closenessChart')} note={t(p.lang, 'closenessNote')}>
      <GroupedBars groups={p.baselines.closenessGroups} series={series} lang={p.lang} />
    </ChartCard>
  );
}, sameVersion);

/** wrong-negatives: easy vs exposed, overall and per closeness group. */
const RecallDrop = memo(function RecallDrop(p: Props & { version: string }) {
  const { lang, lesson, snapshot, baselines } = p;
  const [baseId, otherId] = lesson.armIds;
  const find = (id: string) => snapshot.arms.find((a) => a.id === id && a.enabled && !a.diverged && a.evals.length);
  const base = find(baseId);
  const other = find(otherId);
  const trained = base && other && (base.evals.at(-1)!.step > 0 || other.evals.at(-1)!.step > 0);
  const rows: { label: string; a: number; b: number }[] = [];
  if (base && other) {
    const ma = base.evals.at(-1)!;
    const mb = other.evals.at(-1)!;
    rows.push({ label: t(lang, 'dropAll'), a: ma.metrics['recall@50'], b: mb.metrics['recall@50'] });
    baselines.closenessGroups.forEach((g, i) => rows.push({ label: groupLabel(lang, g), a: ma.detail?.recallByCloseness[i] ?? NaN, b: mb.detail?.recallByCloseness[i] ?? NaN }));
  }
  const lost = (r: { a: number; b: number }) => (r.a > 0 ? 1 - r.b / r.a : NaN);
  const groupRows = rows.slice(1).filter((r) => Number.isFinite(lost(r)));
  const worst = groupRows.length ? groupRows.reduce((x, y) => (lost(y) > lost(x) ? y : x)) : undefined;
  const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(0)}%` : '—');
  const signed = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}` : '—');
  return (
    <ChartCard testid="recall-drop" title={t(lang, 'dropTitle')} note={t(lang, 'dropNote')}>
      {base && other ? (
        <div className="drop">
          <div className="drop-big">
            <span style={{ color: armColor(lesson.armIds, baseId) }} data-testid="drop-base">{fmt3(rows[0].a)}</span>
            <span className="drop-arrow">→</span>
            <span style={{ color: armColor(lesson.armIds, otherId) }} data-testid="drop-other">{fmt3(rows[0].b)}</span>
            <span className="drop-pct" data-testid="drop-lost">
              {Number.isFinite(lost(rows[0])) ? `${lost(rows[0]) >= 0 ? '−' : '+'}${pct(Math.abs(lost(rows[0])))}` : '—'}
            </span>
          </div>
          <div className="drop-wrap">
          <table className="arm-table drop-table">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{armName(p, baseId)}</th>
                <th scope="col">{armName(p, otherId)}</th>
                <th scope="col">{t(lang, 'dropChange')}</th>
                <th scope="col">{t(lang, 'dropLost')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.label} data-testid={`drop-row-${i}`}>
                  <th scope="row">{r.label}</th>
                  <td>{fmt3(r.a)}</td>
                  <td>{fmt3(r.b)}</td>
                  <td>{signed(r.b - r.a)}</td>
                  <td>{pct(lost(r))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {trained && worst && (
            <p className="small muted">
              {t(lang, 'dropLargest')} <b>{worst.label}</b> ({pct(lost(worst))})
            </p>
          )}
        </div>
      ) : (
        <p className="muted small empty">{t(lang, 'dropNeedBoth')}</p>
      )}
    </ChartCard>
  );
}, sameVersion);

const EstimatorChart = memo(function EstimatorChart(p: Props & { version: string }) {
  const { lang, lesson, snapshot } = p;
  const arm = snapshot.arms.find((a) => a.estimator && a.enabled);
  const data = (arm?.estimator ?? []).filter(([, v]) => v > 0).map(([step, v]) => ({ step, err: v }));
  const color = arm ? armColor(lesson.armIds, arm.id) : '#52606d';
  const maxStep = Math.max(snapshot.target, ...data.map((d) => d.step));
  return (
    <ChartCard testid="chart-estimator" title={t(lang, 'estimatorChart')} note={t(lang, 'estimatorNote')}>
      {arm ? (
        <ResponsiveContainer width="100%" height={250}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#eef1f5" />
            <XAxis dataKey="step" type="number" domain={[0, maxStep]} tick={AXIS} allowDecimals={false} />
            <YAxis domain={[0, 'auto']} tick={AXIS} tickFormatter={(v: number) => v.toPrecision(2)} width={52} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(3) : String(v))} labelFormatter={(s) => `${t(lang, 'step_')} ${s}`} isAnimationActive={false} />
            {arm.meanTrueP ? (
              <ReferenceLine y={arm.meanTrueP} ifOverflow="extendDomain" stroke={TRUTH_COLOR} strokeDasharray="6 4" label={{ value: `${t(lang, 'meanTrueP')} ${arm.meanTrueP.toPrecision(2)}`, position: 'insideTopRight', fontSize: 11, fill: TRUTH_COLOR }} />
            ) : null}
            <Line type="monotone" dataKey="err" name="mean |p̂ − p|" stroke={color} strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      ) : (
        <p className="muted small empty">{t(lang, 'estimatorOff')}</p>
      )}
    </ChartCard>
  );
}, sameVersion);

type SweepMetric = NonNullable<SweepDef['metric']>;
const METRIC_LABEL: Record<SweepMetric, 'metricRecall' | 'metricTail' | 'metricHead' | 'metricHeadShare' | 'metricGainTail'> = {
  'recall@50': 'metricRecall',
  'recall@50.tail': 'metricTail',
  'recall@50.head': 'metricHead',
  'headShare@50': 'metricHeadShare',
  'gain.tail': 'metricGainTail',
};
const DEFAULT_METRICS: SweepMetric[] = ['recall@50', 'recall@50.tail', 'headShare@50'];
const pctSigned = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(0)}%`;

export function SweepChart(p: Props & { def: SweepDef; suffix?: string }) {
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
      row[q.armId] = b && b > 0 ? num(q.metrics['recall@50.tail'] / b - 1) : null;
    } else row[q.armId] = num(q.metrics[metric as MetricName]);
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
                  {' '}· {armName(p, status!.current.armId)} @ {def.format(status!.current.value)} · {t(lang, 'step_')} {status!.current.step} / {config.settings.steps}
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
        <ResponsiveContainer width="100%" height={250}>
          <LineChart data={data} margin={{ top: 12, right: 24, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="#eef1f5" />
            <XAxis
              dataKey="value"
              type="number"
              scale={def.log ? 'log' : 'linear'}
              domain={xDomain}
              ticks={xs}
              tick={AXIS}
              tickFormatter={(v: number) => def.format(v)}
            />
            <YAxis tick={AXIS} domain={metric === 'headShare@50' ? [0, 1] : gain ? ['auto', 'auto'] : [0, 'auto']} tickFormatter={(v: number) => (gain ? pctSigned(v) : v.toFixed(2))} width={gain ? 56 : 60} />
            <Tooltip formatter={(v) => (gain && typeof v === 'number' ? pctSigned(v) : fmt3(v))} labelFormatter={(v) => `${def.knob} = ${def.format(Number(v))}`} isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {current !== undefined && <ReferenceLine x={current} stroke="#9aa5b1" strokeDasharray="4 4" label={{ value: t(lang, 'sweepNow'), position: 'insideTopLeft', fontSize: 11, fill: '#52606d' }} />}
            {gain && <ReferenceLine y={0} stroke={armColor(lesson.armIds, def.relativeTo!)} strokeDasharray="6 4" label={{ value: armName(p, def.relativeTo!), position: 'insideBottomRight', fontSize: 11, fill: '#52606d' }} />}
            {metric === 'headShare@50' && (
              <ReferenceLine y={baselines.testHeadShare} stroke={TRUTH_COLOR} strokeDasharray="6 4" label={{ value: `${t(lang, 'truth')} ${baselines.testHeadShare.toFixed(3)}`, position: 'insideTopRight', fontSize: 11, fill: TRUTH_COLOR }} />
            )}
            {plotted.map((id) => (
              <Line key={id} type="linear" dataKey={id} name={armName(p, id)} stroke={armColor(lesson.armIds, id)} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
        {!data.length && <div className="sweep-empty muted small" data-testid={`sweep-empty${sfx}`}>{t(lang, 'sweepEmpty')}</div>}
      </div>
    </ChartCard>
  );
}
