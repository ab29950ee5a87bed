/**
 * Recall@50 on head items (the 20% most clicked in training) and on the tail, at the latest
 * evaluation. Two layouts of the same numbers: `arms` — a pair of bars per arm plus the oracle
 * and the popular baseline (head solid, tail light); `groups` — a head group and a tail group,
 * one bar per arm, the oracle as a dashed outline.
 */
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import type { LessonDef, Text } from '../../lesson/types';
import type { Baselines, Snapshot } from '../../worker/protocol';
import { armColor, ORACLE_COLOR, POPULAR_COLOR } from '../colors';
import type { Lang } from '../config';
import { type StringId, t, tx } from '../i18n';
import { type BarSeries, GroupedBars, oracleSeries } from './BucketBars';
import { ChartCard } from './ChartCard';
import { armName, latestEval, sameView } from './common';
import { AXIS, fmt2, fmt3, GRID } from './style';

/** The chart's words: the shared chart's by default; a lesson may say them its own way. */
export interface HeadTailWords {
  title: Text;
  note: Text;
  head: Text;
  tail: Text;
  /** `groups` layout: shown while no arm has an evaluation. */
  empty: Text;
}

const SHARED: Record<Exclude<keyof HeadTailWords, 'empty'>, StringId> = { title: 'headTailChart', note: 'headTailNote', head: 'head', tail: 'tail' };

export interface HeadTailProps {
  lesson: LessonDef;
  lang: Lang;
  snapshot: Snapshot;
  /** Null while the lesson loads: the arms' bars only. */
  baselines: Baselines | null;
  labels: Record<string, Text>;
  /** Changes whenever what the chart draws changes. */
  version: string;
  layout: 'arms' | 'groups';
  words?: HeadTailWords;
}

export const HeadTailChart = memo(function HeadTailChart(p: HeadTailProps) {
  const word = (k: keyof HeadTailWords) => (p.words ? tx(p.lang, p.words[k]) : k === 'empty' ? t(p.lang, 'noEval') : t(p.lang, SHARED[k]));
  return p.layout === 'arms' ? (
    <ChartCard testid="chart-headtail" title={word('title')} note={word('note')}>
      <ArmBars {...p} head={word('head')} tail={word('tail')} />
    </ChartCard>
  ) : (
    <ChartCard testid="chart-tail-vs-head" title={word('title')} note={word('note')}>
      <Groups {...p} head={word('head')} tail={word('tail')} empty={word('empty')} />
    </ChartCard>
  );
}, sameView);

/** A pair of bars (head solid, tail light) per switched-on arm, then the oracle and popular. */
function ArmBars({ lang, snapshot, baselines, lesson, labels, head, tail }: HeadTailProps & { head: string; tail: string }) {
  const shown = snapshot.arms.filter((a) => a.enabled);
  const bars = [
    ...shown.map((a) => {
      const m = a.evals.at(-1)?.metrics;
      return { name: armName(lang, labels, a.id), id: a.id, head: m?.['recall@50.head'] ?? 0, tail: m?.['recall@50.tail'] ?? 0, color: armColor(lesson.armIds, a.id) };
    }),
    ...(baselines
      ? [
          { name: t(lang, 'oracle'), id: 'oracle', head: baselines.oracle['recall@50.head'], tail: baselines.oracle['recall@50.tail'], color: ORACLE_COLOR },
          { name: t(lang, 'popular'), id: 'popular', head: baselines.popular['recall@50.head'], tail: baselines.popular['recall@50.tail'], color: POPULAR_COLOR },
        ]
      : []),
  ];
  return (
    <>
      <ChartFrame height={230}>
        <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: -8 }} barGap={2}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="name" tick={{ ...AXIS, fontSize: 10.5 }} interval={0} angle={-22} textAnchor="end" height={58} tickFormatter={(v: string) => (v.length > 20 ? v.slice(0, 19) + '…' : v)} />
          {/* Nothing measured yet (the lesson loading): 0 to 1, not recharts' 0 to 4 of all-zero bars. */}
          <YAxis interval={0} tick={AXIS} domain={[0, bars.some((b) => b.head || b.tail) ? 'auto' : 1]} tickFormatter={fmt2} />
          <Tooltip formatter={(v) => fmt3(v)} isAnimationActive={false} />
          <Bar dataKey="head" name={head} isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.id} fill={b.color} />
            ))}
          </Bar>
          <Bar dataKey="tail" name={tail} isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.id} fill={b.color} fillOpacity={0.45} />
            ))}
          </Bar>
        </BarChart>
      </ChartFrame>
      <div className="bar-legend small muted">
        <span className="solid" /> {head} <span className="light" /> {tail}
      </div>
    </>
  );
}

/** A head group and a tail group: one bar per live arm with an evaluation, the oracle outlined. */
function Groups({ lang, snapshot, baselines, lesson, labels, head, tail, empty }: HeadTailProps & { head: string; tail: string; empty: string }) {
  const metrics = ['recall@50.head', 'recall@50.tail'] as const;
  const series: BarSeries[] = lesson.armIds.flatMap((id) => {
    const m = latestEval(snapshot, id)?.metrics;
    return m ? [{ id, name: armName(lang, labels, id), color: armColor(lesson.armIds, id), values: metrics.map((k) => m[k]) }] : [];
  });
  if (!series.length) return <p className="muted small empty">{empty}</p>;
  const oracle = baselines ? [oracleSeries(lang, metrics.map((k) => baselines.oracle[k]))] : [];
  return <GroupedBars groups={[head, tail]} series={[...series, ...oracle]} />;
}
