/** The charts every lesson shows: training loss, recall@K, head vs tail recall, head share. */
import { memo, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import type { MetricName } from '../../eval/metrics';
import type { LessonReference } from '../../train/reference';
import type { Baselines, Snapshot } from '../../worker/protocol';
import { bandAreas, bandNote, bandTop, useReference } from '../classroom/bands';
import { armColor, ORACLE_COLOR, POPULAR_COLOR, TRUTH_COLOR } from '../colors';
import type { LossScale, RecallK } from '../config';
import { RECALL_K } from '../config';
import { t } from '../i18n';
import type { PanelProps } from '../lesson-page';
import { ChartCard } from './ChartCard';
import { armName, evalVersion, sameView } from './common';
import { HeadTailChart } from './HeadTail';
import { useLater } from './later';
import { AXIS, fmt2, fmt3, GRID, LEGEND } from './style';

type Row = Record<string, number | null>;

interface ChartProps extends Pick<PanelProps, 'lesson' | 'lang' | 'snapshot' | 'labels'> {
  /** Null while the lesson loads (waiting-snapshot.ts): the charts draw without their reference lines. */
  baselines: Baselines | null;
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

interface PartProps extends ChartProps {
  /** Changes whenever what this chart draws changes. */
  version: string;
  ids: string;
  maxStep: number;
  /** Reference bands (lessons/<id>/reference.json) while the settings are its defaults. */
  reference: LessonReference | null;
  referenceHidden: boolean;
}

export function Charts(props: ChartProps) {
  const { snapshot } = props;
  const shown = snapshot.arms.filter((a) => a.enabled);
  const ids = shown.map((a) => a.id).join(',');
  const maxStep = Math.max(snapshot.target, ...shown.map((a) => a.steps));
  const forLoss = useLater(snapshot, 0);
  const lossVersion = switchedOn(forLoss).map((a) => `${a.loss.length}:${a.loss.at(-1)?.[0]}`).join('|');
  const { ref: reference, hidden: referenceHidden } = useReference(props.lesson.id, snapshot.settings);
  const bands = { reference, referenceHidden };
  // The loss moves every snapshot; the other three move together at each evaluation: one task each.
  const forRecall = useLater(snapshot, 1);
  const forHeadTail = useLater(snapshot, 2);
  const forShare = useLater(snapshot, 3);
  return (
    <div className="charts">
      <LossChart {...props} snapshot={forLoss} version={lossVersion} ids={ids} maxStep={maxStep} reference={null} referenceHidden={false} />
      <RecallChart {...props} snapshot={forRecall} version={evalVersion(switchedOn(forRecall))} ids={ids} maxStep={maxStep} {...bands} />
      <HeadTailChart lesson={props.lesson} lang={props.lang} snapshot={forHeadTail} baselines={props.baselines} labels={props.labels} version={`${ids}#${evalVersion(switchedOn(forHeadTail))}`} layout="arms" />
      <HeadShareChart {...props} snapshot={forShare} version={evalVersion(switchedOn(forShare))} ids={ids} maxStep={maxStep} {...bands} />
    </div>
  );
}

const switchedOn = (s: Snapshot) => s.arms.filter((a) => a.enabled);

function shownArms(p: PartProps) {
  const ids = p.ids ? p.ids.split(',') : [];
  return { ids, shown: p.snapshot.arms.filter((a) => ids.includes(a.id)) };
}

const EMPTY_ROWS: Row[] = [{ step: 0 }];

/** A chart over training steps: one line per switched-on arm, over reference lines (`refs`). */
function stepLines(p: PartProps, data: Row[], yAxis: ReactNode, dot: boolean, refs?: ReactNode) {
  const { ids } = shownArms(p);
  return (
    <ChartFrame height={230}>
      {/* A row with no values while nothing is measured yet: recharts draws an empty chart's axes only when it has a row. */}
      <LineChart data={data.length ? data : EMPTY_ROWS} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid stroke={GRID} />
        <XAxis interval={0} dataKey="step" type="number" domain={[0, p.maxStep]} tick={AXIS} allowDecimals={false} />
        {yAxis}
        <Tooltip formatter={(v) => fmt3(v)} labelFormatter={(s) => `${t(p.lang, 'step_')} ${s}`} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND} itemSorter={null} />
        {refs}
        {ids.map((id) => (
          <Line key={id} type="monotone" dataKey={id} name={armName(p.lang, p.labels, id)} stroke={armColor(p.lesson.armIds, id)} strokeWidth={2} dot={dot ? { r: 2 } : false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

/** Reference lines label on the right, or on the left while reference bands sit at the right end. */
function labelSide(p: PartProps): 'Left' | 'Right' {
  return p.reference ? 'Left' : 'Right';
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
  const { shown } = shownArms(p);
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
      {stepLines(p, data, <YAxis interval={0} tick={AXIS} domain={['auto', 'auto']} tickFormatter={(v: number) => v.toPrecision(2)} />, false)}
    </ChartCard>
  );
}, sameView);

const RecallChart = memo(function RecallChart(p: PartProps) {
  const { lang, k, onK, baselines } = p;
  const { ids, shown } = shownArms(p);
  const recallKey = `recall@${k}` as MetricName;
  const data = metricRows(shown, recallKey);
  const recallMax = Math.max(baselines?.oracle[recallKey] ?? 0, bandTop(p.reference, ids, recallKey), ...data.flatMap((r) => ids.map((id) => (r[id] as number) ?? 0)));
  return (
    <ChartCard
      testid="chart-recall"
      title={t(lang, 'recallChart').replace('K', String(k))}
      note={t(lang, 'recallNote').replace('K', String(k)) + bandNote(p.reference, p.referenceHidden, lang)}
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
      {stepLines(
        p,
        data,
        <YAxis interval={0} tick={AXIS} domain={[0, Math.min(1, Math.ceil(recallMax * 11) / 10 || 0.1)]} tickFormatter={fmt2} />,
        true,
        <>
          {bandAreas(p.reference, ids, recallKey, p.lesson.armIds, lang)}
          {baselines && (
            <>
              <ReferenceLine y={baselines.oracle[recallKey]} stroke={ORACLE_COLOR} strokeDasharray="6 4" label={{ value: `${t(lang, 'oracle')} ${baselines.oracle[recallKey].toFixed(3)}`, position: `insideTop${labelSide(p)}` as const, fontSize: 11, fill: ORACLE_COLOR }} />
              <ReferenceLine y={baselines.popular[recallKey]} stroke={POPULAR_COLOR} strokeDasharray="3 3" label={{ value: `${t(lang, 'popular')} ${baselines.popular[recallKey].toFixed(3)}`, position: `insideBottom${labelSide(p)}` as const, fontSize: 11, fill: '#52606d' }} />
            </>
          )}
        </>,
      )}
    </ChartCard>
  );
}, sameView);

const HeadShareChart = memo(function HeadShareChart(p: PartProps) {
  const { lang, baselines } = p;
  const { ids, shown } = shownArms(p);
  const data = metricRows(shown, 'headShare@50');
  return (
    <ChartCard testid="chart-headshare" title={t(lang, 'headShareChart')} note={t(lang, 'headShareNote') + bandNote(p.reference, p.referenceHidden, lang)}>
      {stepLines(
        p,
        data,
        <YAxis interval={0} tick={AXIS} domain={[0, 1.08]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={fmt2} />,
        true,
        <>
          {bandAreas(p.reference, ids, 'headShare@50', p.lesson.armIds, lang)}
          {baselines && (
            <>
              <ReferenceLine y={baselines.testHeadShare} stroke={TRUTH_COLOR} strokeDasharray="6 4" label={{ value: `${t(lang, 'truth')} ${baselines.testHeadShare.toFixed(3)}`, position: `insideTop${labelSide(p)}` as const, fontSize: 11, fill: TRUTH_COLOR }} />
              <ReferenceLine y={baselines.popular['headShare@50']} stroke={POPULAR_COLOR} strokeDasharray="3 3" label={{ value: `${t(lang, 'popular')} ${baselines.popular['headShare@50'].toFixed(3)}`, position: 'insideBottomLeft', fontSize: 11, fill: '#52606d' }} />
            </>
          )}
        </>,
      )}
    </ChartCard>
  );
}, sameView);
