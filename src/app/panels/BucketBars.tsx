/**
 * Recall@50 of held-out clicks grouped by a property of the clicked item, one bar per arm and the
 * oracle as a reference: by the item's popularity, or by its closeness to what the user was shown.
 * The groups and every number come from the worker's evaluations.
 */
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import type { EvalDetail } from '../../worker/protocol';
import { armColor, ORACLE_COLOR } from '../colors';
import type { Lang } from '../config';
import { t } from '../i18n';
import type { PanelProps } from '../lesson-page';
import { ChartCard } from './ChartCard';
import { armName, latestEval, sameVersion } from './common';
import { AXIS, finite, fmt2, fmt3, GRID, LEGEND } from './style';

/** zh names of the engine's group labels (en as the engine writes them). */
const GROUP_ZH: Record<string, string> = {
  'top 2%': '前 2%',
  'far from exposed': '远离曝光物品',
  middle: '中等',
  'near exposed': '靠近曝光物品',
};

export function groupLabel(lang: Lang, label: string): string {
  return lang === 'zh' ? (GROUP_ZH[label] ?? label) : label;
}

export interface BarSeries {
  id: string;
  name: string;
  color: string;
  values: number[];
  /** Drawn hollow, dashed (the oracle). */
  reference?: boolean;
}

/** Grouped bars: one group per label, one bar per series (references drawn hollow, dashed). */
export function GroupedBars({ groups, series }: { groups: string[]; series: BarSeries[] }) {
  const data = groups.map((g, i) => {
    const row: Record<string, string | number | null> = { group: g };
    for (const s of series) row[s.id] = finite(s.values[i]);
    return row;
  });
  return (
    <ChartFrame height={250}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }} barGap={1} barCategoryGap="18%">
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="group" tick={AXIS} interval={0} />
        <YAxis interval={0} tick={AXIS} domain={[0, 'auto']} tickFormatter={fmt2} />
        <Tooltip formatter={(v) => fmt3(v)} isAnimationActive={false} />
        <Legend wrapperStyle={LEGEND} itemSorter={null} />
        {series.map((s) =>
          s.reference ? (
            <Bar key={s.id} dataKey={s.id} name={s.name} fill={s.color} fillOpacity={0.06} stroke={s.color} strokeDasharray="3 2" strokeWidth={1.5} isAnimationActive={false} />
          ) : (
            <Bar key={s.id} dataKey={s.id} name={s.name} fill={s.color} isAnimationActive={false} />
          ),
        )}
      </BarChart>
    </ChartFrame>
  );
}

/** The oracle as a reference series. */
export function oracleSeries(lang: Lang, values: number[]): BarSeries {
  return { id: 'oracle', name: t(lang, 'oracle'), color: ORACLE_COLOR, values, reference: true };
}

/** How held-out clicks are grouped. */
export type Grouping = 'popularity' | 'closeness';

const GROUPINGS = {
  popularity: {
    testid: 'chart-buckets',
    pick: (d: EvalDetail) => d.recallByPopularity,
    groups: (p: PanelProps) => p.baselines.popularityBuckets,
    title: (lang: Lang) => t(lang, 'bucketChart'),
    note: (lang: Lang) => `${t(lang, 'bucketNote')} (${t(lang, 'bucketAxis')})`,
  },
  closeness: {
    testid: 'chart-closeness',
    pick: (d: EvalDetail) => d.recallByCloseness,
    groups: (p: PanelProps) => p.baselines.closenessGroups,
    title: (lang: Lang) => t(lang, 'closenessChart'),
    note: (lang: Lang) => t(lang, 'closenessNote'),
  },
} satisfies Record<Grouping, unknown>;

/** Recall@50 by group: each live arm's latest evaluation, and the oracle's. */
export const BucketBars = memo(function BucketBars(p: PanelProps & { grouping: Grouping }) {
  const g = GROUPINGS[p.grouping];
  const series: BarSeries[] = [];
  for (const id of p.lesson.armIds) {
    const d = latestEval(p.snapshot, id)?.detail;
    if (d) series.push({ id, name: armName(p.lang, p.labels, id), color: armColor(p.lesson.armIds, id), values: g.pick(d) });
  }
  series.push(oracleSeries(p.lang, g.pick(p.baselines.oracleDetail)));
  return (
    <ChartCard testid={g.testid} title={g.title(p.lang)} note={g.note(p.lang)}>
      <GroupedBars groups={g.groups(p).map((l) => groupLabel(p.lang, l))} series={series} />
    </ChartCard>
  );
}, (a, b) => sameVersion(a, b) && a.grouping === b.grouping);
