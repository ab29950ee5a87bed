/**
 * Serving cost, measured: the time to retrieve the top-K for one user as the catalogue grows, for
 * two towers and early fusion (the `servingCost` run probe, timed in the worker), on log-log axes,
 * with a dashed extrapolation to 10⁸ items (proportional to the catalogue: not measured) and a
 * table of the measured numbers and their ratio.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../src/app/panels/ChartFrame';
import { armColor, textColor } from '../../src/app/colors';
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { AXIS, GRID, LEGEND } from '../../src/app/panels/style';
import { useProbe } from '../../src/app/store';
import type { Text } from '../../src/lesson/types';
import { SERVING_SIZES } from '../../src/train/serving-cost';
import { SERVING_COST, type ServingCostPoint } from './probes';
import { panelText as S } from './text';

/** Where the extrapolation ends: the "上亿物品" of the notes. */
const FAR = 1e8;
const TWO = 'two-tower';
const EARLY = 'early-fusion';

interface Props {
  lang: Lang;
  armIds: string[];
  labels: Record<string, Text>;
}

export function ServingCost(p: Props) {
  const points = useProbe<ServingCostPoint[]>(SERVING_COST);
  return <Plot {...p} points={points} />;
}

type Row = { items: number; two: number | null; early: number | null; twoX: number | null; earlyX: number | null };

/** Measured rows, then the extrapolation from the largest measurement: t(n) = t(n_max) · n / n_max. */
export function servingRows(points: ServingCostPoint[]): Row[] {
  const measured = points.filter((q) => q.items > 0 && q.twoTowerMs > 0 && q.earlyFusionMs > 0).sort((a, b) => a.items - b.items);
  const rows: Row[] = measured.map((q) => ({ items: q.items, two: q.twoTowerMs, early: q.earlyFusionMs, twoX: null, earlyX: null }));
  const last = measured.at(-1);
  if (!last) return rows;
  rows[rows.length - 1] = { ...rows[rows.length - 1], twoX: last.twoTowerMs, earlyX: last.earlyFusionMs };
  for (let n = 10 ** (Math.floor(Math.log10(last.items)) + 1); n <= FAR; n *= 10) {
    rows.push({ items: n, two: null, early: null, twoX: (last.twoTowerMs * n) / last.items, earlyX: (last.earlyFusionMs * n) / last.items });
  }
  return rows;
}

/** Powers of ten covering [lo, hi]. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

const itemsLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

/** Milliseconds to two significant digits (five-query medians: more digits would be noise). */
export function fmtMs(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v < 100 ? v.toPrecision(2) : Math.round(v).toLocaleString('en');
}

/** A long time in words a reader can feel (s, min, h). */
function human(ms: number): string {
  if (ms < 1000) return `${fmtMs(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toPrecision(2)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toPrecision(2)} min`;
  return `${(ms / 3_600_000).toPrecision(2)} h`;
}

const ratio = (r: number) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×` : '—');

const tickMs = (v: number) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`);

const Plot = memo(function Plot({ lang, armIds, labels, points }: Props & { points: ServingCostPoint[] | undefined }) {
  const rows = points ? servingRows(points) : [];
  const measured = rows.filter((r) => r.two !== null);
  const name = (id: string) => (labels[id] ? tx(lang, labels[id]) : id);
  const twoColor = armColor(armIds, TWO);
  const earlyColor = armColor(armIds, EARLY);
  const values = rows.flatMap((r) => [r.two, r.early, r.twoX, r.earlyX]).filter((v): v is number => v !== null && v > 0);
  const yTicks = values.length ? decades(Math.min(...values), Math.max(...values)) : [];
  const xTicks = rows.length ? decades(rows[0].items, FAR) : [];
  // A little room left and right of the decades, so the end dots are not cut by the axes.
  const xDomain: [number, number] = [xTicks[0] / 1.4, FAR * 1.4];
  const lastMeasured = measured.at(-1)?.items;
  const far = rows.at(-1);
  return (
    <ChartCard testid="chart-serving-cost" title={tx(lang, S.costTitle)} note={tx(lang, S.costNote)}>
      {measured.length ? (
        <>
          <div className="cost-wrap">
            <div className="cost-plot">
              <ChartFrame height={300}>
                <LineChart data={rows} margin={{ top: 8, right: 20, bottom: 4, left: 4 }}>
                  <CartesianGrid stroke={GRID} />
                  {lastMeasured && lastMeasured < FAR && (
                    <ReferenceArea x1={lastMeasured} x2={xDomain[1]} fill="#f4f6f8" fillOpacity={0.9} label={{ value: tx(lang, S.extrapolated), position: 'insideTop', fontSize: 11, fill: '#52606d' }} />
                  )}
                  <XAxis dataKey="items" type="number" scale="log" domain={xDomain} ticks={xTicks} tickFormatter={itemsLabel} tick={AXIS} allowDataOverflow label={{ value: tx(lang, S.items), position: 'insideBottomRight', offset: -2, fontSize: 11, fill: '#52606d' }} height={34} />
                  <YAxis type="number" scale="log" domain={[yTicks[0], yTicks.at(-1)!]} ticks={yTicks} tickFormatter={tickMs} tick={AXIS} allowDataOverflow width={58} />
                  <Tooltip
                    formatter={(v) => (typeof v === 'number' ? `${fmtMs(v)} ms` : String(v))}
                    labelFormatter={(n) => `${Number(n).toLocaleString('en')} ${tx(lang, S.items)}`}
                    isAnimationActive={false}
                  />
                  <Legend wrapperStyle={LEGEND} itemSorter={null} />
                  <Line dataKey="two" name={name(TWO)} stroke={twoColor} strokeWidth={2} dot={{ r: 3.5, fill: twoColor }} isAnimationActive={false} />
                  <Line dataKey="early" name={name(EARLY)} stroke={earlyColor} strokeWidth={2} dot={{ r: 3.5, fill: earlyColor }} isAnimationActive={false} />
                  <Line dataKey="twoX" name={`${name(TWO)} · ${tx(lang, S.extrapolated)}`} stroke={twoColor} strokeWidth={1.5} strokeDasharray="6 4" dot={false} legendType="none" isAnimationActive={false} />
                  <Line dataKey="earlyX" name={`${name(EARLY)} · ${tx(lang, S.extrapolated)}`} stroke={earlyColor} strokeWidth={1.5} strokeDasharray="6 4" dot={false} legendType="none" isAnimationActive={false} />
                </LineChart>
              </ChartFrame>
            </div>
            <div className="drop-wrap cost-table">
              <table className="arm-table drop-table" data-testid="serving-cost-table">
                <thead>
                  <tr>
                    <th scope="col">{tx(lang, S.items)}</th>
                    <th scope="col" style={{ color: textColor(twoColor) }} title={name(TWO)}>
                      {tx(lang, S.twoShort)}
                    </th>
                    <th scope="col" style={{ color: textColor(earlyColor) }} title={name(EARLY)}>
                      {tx(lang, S.earlyShort)}
                    </th>
                    <th scope="col" title={tx(lang, S.ratioLong)}>
                      {tx(lang, S.ratio)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {measured.map((r) => (
                    <tr key={r.items} data-testid={`cost-row-${r.items}`}>
                      <th scope="row">{r.items.toLocaleString('en')}</th>
                      <td>{fmtMs(r.two!)} ms</td>
                      <td>{fmtMs(r.early!)} ms</td>
                      <td>
                        <b>{ratio(r.early! / r.two!)}</b>
                      </td>
                    </tr>
                  ))}
                  {far && far.items > (lastMeasured ?? 0) && far.twoX !== null && far.earlyX !== null && (
                    <tr className="muted" data-testid="cost-row-extrapolated">
                      <th scope="row" className="cost-far">
                        {far.items.toLocaleString('en')}
                        <br />
                        <i className="small">{tx(lang, S.extrapolated)}</i>
                      </th>
                      <td>{human(far.twoX)}</td>
                      <td>{human(far.earlyX)}</td>
                      <td>{ratio(far.earlyX / far.twoX)}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
          {measured.length < SERVING_SIZES.length && (
            <p className="muted small" data-testid="serving-cost-partial">
              {tx(lang, S.measuringRest)}
            </p>
          )}
        </>
      ) : (
        <p className="muted small empty" data-testid="serving-cost-measuring">
          {tx(lang, S.measuring)}
        </p>
      )}
    </ChartCard>
  );
});
