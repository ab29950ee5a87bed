/**
 * The updates lesson's timeline: recall@50 of each served day per arm (the worker's evaluations,
 * one per simulated day), the oracle of each day (the `dailyOracle` probe), the simulated clock,
 * and the mean over the days served so far with what it says about the notes' claim.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../src/app/panels/ChartFrame';
import { armColor, ORACLE_COLOR } from '../../src/app/colors';
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import type { PanelProps } from '../../src/app/lesson-page';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { armName } from '../../src/app/panels/common';
import { AXIS, fmt2, fmt3, GRID, LEGEND } from '../../src/app/panels/style';
import { useProbe } from '../../src/app/store';
import { HOURS_PER_DAY } from '../../src/train/updates';
import type { Snapshot } from '../../src/worker/protocol';
import { DAILY_ORACLE, type DayRecall } from './probes';
import { panelText as S } from './text';

const BOTH = 'full-and-incremental';
const SINGLES = ['full', 'incremental'];

/** Each enabled arm's recall@50 per served day (an evaluation at hour 24·d is day d's). */
export function dayRecalls(snapshot: Snapshot): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const arm of snapshot.arms.filter((a) => a.enabled)) {
    const days = new Map<number, number>();
    for (const e of arm.evals) if (e.step > 0 && e.step % HOURS_PER_DAY === 0) days.set(e.step / HOURS_PER_DAY, e.metrics['recall@50']);
    out.set(arm.id, days);
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);

export function Timeline(p: PanelProps) {
  const oracle = useProbe<DayRecall[]>(DAILY_ORACLE);
  return <TimelineView lesson={p.lesson} lang={p.lang} labels={p.labels} snapshot={p.snapshot} version={p.version} oracle={oracle} />;
}

type ViewProps = Pick<PanelProps, 'lesson' | 'lang' | 'labels' | 'snapshot' | 'version'> & { oracle: DayRecall[] | undefined };

const TimelineView = memo(
  function TimelineView({ lesson, lang, labels, snapshot, oracle }: ViewProps) {
    const recalls = dayRecalls(snapshot);
    const totalDays = Math.round(snapshot.target / HOURS_PER_DAY);
    const rows = Array.from({ length: totalDays }, (_, k) => {
      const day = k + 1;
      const row: Record<string, number | null> = { day, oracle: oracle?.find((o) => o.servedDay === day)?.['recall@50'] ?? null };
      for (const [id, days] of recalls) row[id] = days.get(day) ?? null;
      return row;
    });
    const ids = [...recalls.keys()];
    const served = Math.max(0, ...[...recalls.values()].map((d) => d.size));
    return (
      <ChartCard testid="chart-timeline" title={tx(lang, S.timelineTitle)} note={tx(lang, S.timelineNote)} extra={<Clock lang={lang} step={snapshot.step} target={snapshot.target} />}>
        <div className="timeline-wrap">
          <div className="timeline-plot">
            <ChartFrame height={280}>
              <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: -8 }}>
                <CartesianGrid stroke={GRID} />
                <XAxis interval={0} dataKey="day" type="number" domain={[1, Math.max(2, totalDays)]} ticks={rows.map((r) => r.day as number)} tick={AXIS} label={{ value: tx(lang, S.servedDay), position: 'insideBottomRight', offset: -2, fontSize: 11, fill: '#52606d' }} height={34} />
                <YAxis interval={0} tick={AXIS} domain={[0, 'auto']} tickFormatter={fmt2} />
                <Tooltip formatter={(v) => fmt3(v)} labelFormatter={(d) => `${tx(lang, S.servedDay)} ${d}`} isAnimationActive={false} />
                <Legend wrapperStyle={LEGEND} itemSorter={null} />
                <Line dataKey="oracle" name={tx(lang, S.oracle)} stroke={ORACLE_COLOR} strokeDasharray="5 4" strokeWidth={1.5} dot={false} isAnimationActive={false} />
                {ids.map((id) => (
                  <Line key={id} dataKey={id} name={armName(lang, labels, id)} stroke={armColor(lesson.armIds, id)} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
                ))}
              </LineChart>
            </ChartFrame>
          </div>
          <MeanTable lang={lang} lesson={lesson} labels={labels} recalls={recalls} oracle={oracle} served={served} />
        </div>
      </ChartCard>
    );
  },
  (a, b) => a.version === b.version && a.lang === b.lang && a.oracle === b.oracle && a.snapshot.step === b.snapshot.step && a.snapshot.target === b.snapshot.target,
);

/** Day and hour of the lockstep clock, and what happens at that moment. */
function Clock({ lang, step, target }: { lang: Lang; step: number; target: number }) {
  const done = step >= target;
  const day = 1 + Math.floor(Math.min(step, target - 1) / HOURS_PER_DAY);
  const hour = done ? HOURS_PER_DAY : step % HOURS_PER_DAY;
  const what = done ? S.clockDone : step === 0 ? S.clockFirst : hour === 0 ? S.clockNight : S.clockDay;
  return (
    <div className="sim-clock" data-testid="sim-clock" aria-live="polite">
      <b>
        {tx(lang, S.day)} {day}
        {tx(lang, S.dayUnit)} · {String(hour).padStart(2, '0')}:00
      </b>
      <span className="muted small">{tx(lang, what)}</span>
    </div>
  );
}

function MeanTable({ lang, lesson, labels, recalls, oracle, served }: Pick<ViewProps, 'lang' | 'lesson' | 'labels' | 'oracle'> & { recalls: Map<string, Map<number, number>>; served: number }) {
  if (!served) return <p className="muted small empty" data-testid="timeline-waiting">{tx(lang, S.waiting)}</p>;
  const means = new Map([...recalls].map(([id, days]) => [id, mean([...days.values()])]));
  const oracleMean = mean((oracle ?? []).filter((o) => o.servedDay <= served).map((o) => o['recall@50']));
  const both = means.get(BOTH);
  const singles = SINGLES.map((id) => means.get(id)).filter((m): m is number => m !== undefined);
  const verdict = both !== undefined && singles.length === SINGLES.length ? (singles.every((m) => both >= m) ? S.verdictHolds : S.verdictFails) : undefined;
  const incBeatsFull = (means.get('incremental') ?? -1) > (means.get('full') ?? Infinity);
  return (
    <div className="timeline-side">
      <table className="arm-table" data-testid="timeline-means">
        <thead>
          <tr>
            <th scope="col">{tx(lang, S.meanTitle)}</th>
            <th scope="col">{tx(lang, S.mean)}</th>
            <th scope="col">{tx(lang, S.last)}</th>
          </tr>
        </thead>
        <tbody>
          {[...recalls].map(([id, days]) => (
            <tr key={id} data-testid={`mean-${id}`}>
              <th scope="row" style={{ color: armColor(lesson.armIds, id) }}>
                {armName(lang, labels, id)}
              </th>
              <td>{fmt3(means.get(id))}</td>
              <td>{fmt3(days.get(Math.max(...days.keys())))}</td>
            </tr>
          ))}
          <tr className="muted">
            <th scope="row">{tx(lang, S.oracle)}</th>
            <td>{fmt3(oracleMean)}</td>
            <td>{fmt3(oracle?.find((o) => o.servedDay === served)?.['recall@50'])}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">{tx(lang, S.meanNote)}</p>
      {verdict && (
        <p className="small" data-testid="timeline-verdict">
          {tx(lang, verdict)}
        </p>
      )}
      {incBeatsFull && <p className="small">{tx(lang, S.incrementalBeatsFull)}</p>}
    </div>
  );
}
