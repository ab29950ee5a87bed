import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Metrics, MetricName } from '../../eval/metrics';
import type { LessonDef, Text } from '../../lesson/types';
import type { Baselines, Snapshot } from '../../worker/protocol';
import { armColor, ORACLE_COLOR, POPULAR_COLOR, TRUTH_COLOR } from '../colors';
import type { Lang, LossScale, RecallK } from '../config';
import { RECALL_K } from '../config';
import { t, tx } from '../i18n';
import { ChartCard } from './ChartCard';

type Row = Record<string, number | null>;

interface ChartProps {
  lesson: LessonDef;
  lang: Lang;
  snapshot: Snapshot;
  baselines: Baselines;
  labels: Record<string, Text>;
  k: RecallK;
  onK: (k: RecallK) => void;
  lossScale: LossScale;
  onLossScale: (s: LossScale) => void;
}

/** Merges per-arm series into rows keyed by step (recharts draws one row per x). */
function rows(series: Record<string, [number, number][]>): Row[] {
  const byStep = new Map<number, Row>();
  for (const [id, points] of Object.entries(series)) {
    for (const [step, v] of points) {
      let row = byStep.get(step);
      if (!row) byStep.set(step, (row = { step }));
      row[id] = v;
    }
  }
  return [...byStep.values()].sort((a, b) => (a.step as number) - (b.step as number));
}

const fmt3 = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));
const AXIS = { fontSize: 11, fill: '#52606d' };


/** Props equal for drawing: `snapshot` compared through `version`, callbacks ignored. */
function sameView<P extends object>(a: P, b: P): boolean {
  for (const key of Object.keys(a) as (keyof P)[]) {
    if (key === 'snapshot' || typeof a[key] === 'function') continue;
    if (a[key] !== b[key]) return false;
  }
  return true;
}

interface PartProps extends ChartProps {
  /** Changes whenever what this chart draws changes. */
  version: string;
  ids: string;
  maxStep: number;
}

export function Charts(props: ChartProps) {
  const { snapshot } = props;
  const shown = snapshot.arms.filter((a) => a.enabled);
  const ids = shown.map((a) => a.id).join(',');
  const maxStep = Math.max(snapshot.target, ...shown.map((a) => a.steps));
  const lossVersion = shown.map((a) => `${a.loss.length}:${a.loss.at(-1)?.[0]}`).join('|');
  const evalVersion = shown.map((a) => `${a.evals.length}:${a.evals.at(-1)?.step}`).join('|');
  return (
    <div className="charts">
      <LossChart {...props} version={lossVersion} ids={ids} maxStep={maxStep} />
      <RecallChart {...props} version={evalVersion} ids={ids} maxStep={maxStep} />
      <HeadTailChart {...props} version={evalVersion} ids={ids} maxStep={maxStep} />
      <HeadShareChart {...props} version={evalVersion} ids={ids} maxStep={maxStep} />
    </div>
  );
}

function shownArms(p: PartProps) {
  const ids = p.ids ? p.ids.split(',') : [];
  return { ids, shown: p.snapshot.arms.filter((a) => ids.includes(a.id)) };
}

function armLines(p: PartProps, ids: string[], dot: boolean) {
  const name = (id: string) => (p.labels[id] ? tx(p.lang, p.labels[id]) : id);
  return ids.map((id) => (
    <Line key={id} type="monotone" dataKey={id} name={name(id)} stroke={armColor(p.lesson.armIds, id)} strokeWidth={2} dot={dot ? { r: 2 } : false} connectNulls isAnimationActive={false} />
  ));
}

function xAxis(p: PartProps) {
  return <XAxis dataKey="step" type="number" domain={[0, p.maxStep]} tick={AXIS} allowDecimals={false} />;
}

function tooltip(lang: Lang) {
  return <Tooltip formatter={(v) => fmt3(v)} labelFormatter={(s) => `${t(lang, 'step_')} ${s}`} isAnimationActive={false} />;
}

function metricRows(shown: Snapshot['arms'], m: MetricName): Row[] {
  return rows(Object.fromEntries(shown.map((a) => [a.id, a.evals.map((e) => [e.step, e.metrics[m]] as [number, number])])));
}

/** Points drawn per loss line: more would cost the page's thread without showing more. */
const MAX_DRAWN = 240;

/** Keeps at most `max` points: means of equal runs of neighbours (the last point kept as is). */
function thin(points: [number, number][], max: number): [number, number][] {
  if (points.length <= max) return points;
  const per = Math.ceil(points.length / max);
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i += per) {
    const run = points.slice(i, i + per);
    out.push([run[run.length - 1][0], run.reduce((s, p) => s + p[1], 0) / run.length]);
  }
  return out;
}

const LossChart = memo(function LossChart(p: PartProps) {
  const { lang, lossScale, onLossScale } = p;
  const { ids, shown } = shownArms(p);
  const data = rows(
    Object.fromEntries(
      shown.map((a) => {
        // Relative: each arm's loss over its first chunk's loss (losses live on different scales).
        const first = a.loss[0]?.[1];
        const scale = lossScale === 'relative' && first ? first : 1;
        return [a.id, thin(a.loss, MAX_DRAWN).map(([s, v]) => [s, v / scale] as [number, number])];
      }),
    ),
  );
  return (
    <ChartCard
      testid="chart-loss"
      title={t(lang, 'lossChart')}
      note={t(lang, lossScale === 'relative' ? 'lossNoteRelative' : 'lossNote')}
      extra={
        <div className="seg small" role="group" aria-label="loss scale">
          {(['relative', 'raw'] as const).map((s) => (
            <button key={s} data-testid={`loss-${s}`} className={s === lossScale ? 'active' : ''} onClick={() => onLossScale(s)}>
              {t(lang, s === 'relative' ? 'lossRelative' : 'lossRaw')}
            </button>
          ))}
        </div>
      }
    >
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="#eef1f5" />
          {xAxis(p)}
          <YAxis tick={AXIS} domain={['auto', 'auto']} tickFormatter={(v: number) => v.toPrecision(2)} />
          {tooltip(lang)}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {armLines(p, ids, false)}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}, sameView);

const RecallChart = memo(function RecallChart(p: PartProps) {
  const { lang, k, onK, baselines } = p;
  const { ids, shown } = shownArms(p);
  const recallKey = `recall@${k}` as MetricName;
  const data = metricRows(shown, recallKey);
  const recallMax = Math.max(baselines.oracle[recallKey], ...data.flatMap((r) => ids.map((id) => (r[id] as number) ?? 0)));
  return (
    <ChartCard
      testid="chart-recall"
      title={t(lang, 'recallChart').replace('K', String(k))}
      note={t(lang, 'recallNote').replace('K', String(k))}
      extra={
        <div className="seg small" role="group" aria-label="K">
          {RECALL_K.map((kk) => (
            <button key={kk} data-testid={`k-${kk}`} className={kk === k ? 'active' : ''} onClick={() => onK(kk)}>
              @{kk}
            </button>
          ))}
        </div>
      }
    >
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="#eef1f5" />
          {xAxis(p)}
          <YAxis tick={AXIS} domain={[0, Math.min(1, Math.ceil(recallMax * 11) / 10 || 0.1)]} tickFormatter={(v: number) => v.toFixed(2)} />
          {tooltip(lang)}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <ReferenceLine y={baselines.oracle[recallKey]} stroke={ORACLE_COLOR} strokeDasharray="6 4" label={{ value: `${t(lang, 'oracle')} ${baselines.oracle[recallKey].toFixed(3)}`, position: 'insideTopRight', fontSize: 11, fill: ORACLE_COLOR }} />
          <ReferenceLine y={baselines.popular[recallKey]} stroke={POPULAR_COLOR} strokeDasharray="3 3" label={{ value: `${t(lang, 'popular')} ${baselines.popular[recallKey].toFixed(3)}`, position: 'insideBottomRight', fontSize: 11, fill: '#52606d' }} />
          {armLines(p, ids, true)}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}, sameView);

const HeadTailChart = memo(function HeadTailChart(p: PartProps) {
  const { lang, baselines, lesson, labels } = p;
  const { ids, shown } = shownArms(p);
  const latest = (id: string): Metrics | undefined => shown.find((a) => a.id === id)?.evals.at(-1)?.metrics;
  const name = (id: string) => (labels[id] ? tx(lang, labels[id]) : id);
  const bars = [
    ...ids.map((id) => ({ name: name(id), id, head: latest(id)?.['recall@50.head'] ?? 0, tail: latest(id)?.['recall@50.tail'] ?? 0, color: armColor(lesson.armIds, id) })),
    { name: t(lang, 'oracle'), id: 'oracle', head: baselines.oracle['recall@50.head'], tail: baselines.oracle['recall@50.tail'], color: ORACLE_COLOR },
    { name: t(lang, 'popular'), id: 'popular', head: baselines.popular['recall@50.head'], tail: baselines.popular['recall@50.tail'], color: POPULAR_COLOR },
  ];
  return (
    <ChartCard testid="chart-headtail" title={t(lang, 'headTailChart')} note={t(lang, 'headTailNote')}>
      <ResponsiveContainer width="100%" height={230}>
        <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: -8 }} barGap={2}>
          <CartesianGrid stroke="#eef1f5" vertical={false} />
          <XAxis dataKey="name" tick={{ ...AXIS, fontSize: 10.5 }} interval={0} angle={-22} textAnchor="end" height={58} tickFormatter={(v: string) => (v.length > 20 ? v.slice(0, 19) + '…' : v)} />
          <YAxis tick={AXIS} domain={[0, 'auto']} tickFormatter={(v: number) => v.toFixed(2)} />
          <Tooltip formatter={(v) => fmt3(v)} isAnimationActive={false} />
          <Bar dataKey="head" name={t(lang, 'head')} isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.id} fill={b.color} />
            ))}
          </Bar>
          <Bar dataKey="tail" name={t(lang, 'tail')} isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.id} fill={b.color} fillOpacity={0.45} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <div className="bar-legend small muted">
        <span className="solid" /> {t(lang, 'head')} <span className="light" /> {t(lang, 'tail')}
      </div>
    </ChartCard>
  );
}, sameView);

const HeadShareChart = memo(function HeadShareChart(p: PartProps) {
  const { lang, baselines } = p;
  const { ids, shown } = shownArms(p);
  const data = metricRows(shown, 'headShare@50');
  return (
    <ChartCard testid="chart-headshare" title={t(lang, 'headShareChart')} note={t(lang, 'headShareNote')}>
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="#eef1f5" />
          {xAxis(p)}
          <YAxis tick={AXIS} domain={[0, 1.08]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => v.toFixed(2)} />
          {tooltip(lang)}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <ReferenceLine y={baselines.testHeadShare} stroke={TRUTH_COLOR} strokeDasharray="6 4" label={{ value: `${t(lang, 'truth')} ${baselines.testHeadShare.toFixed(3)}`, position: 'insideTopRight', fontSize: 11, fill: TRUTH_COLOR }} />
          <ReferenceLine y={baselines.popular['headShare@50']} stroke={POPULAR_COLOR} strokeDasharray="3 3" label={{ value: `${t(lang, 'popular')} ${baselines.popular['headShare@50'].toFixed(3)}`, position: 'insideBottomLeft', fontSize: 11, fill: '#52606d' }} />
          {armLines(p, ids, true)}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}, sameView);
