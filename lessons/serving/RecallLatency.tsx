/**
 * The recall–latency curve vector-database users read: HNSW over the trained item vectors, one
 * line per M with efSearch growing along it, the exact scan as a vertical line, the knobs' point
 * marked; beside it each M's build time and memory and each arm's annRecall@10 and queryMs.
 * Everything drawn was measured in the worker (the `recallLatency` trained probe, the arms' evaluations).
 */
import { memo } from 'react';
import { CartesianGrid, Legend, ReferenceDot, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../src/app/panels/ChartFrame';
import { armColor } from '../../src/app/colors';
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import type { PanelProps } from '../../src/app/lesson-page';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { AXIS, fmt3, GRID, LEGEND } from '../../src/app/panels/style';
import { useProbe } from '../../src/app/store';
import { RECALL_LATENCY, type RecallLatency } from './probes';
import { panelText as S } from './text';

const LINE_COLORS = ['#56B4E9', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#0072B2'];

export function RecallLatencyPanel(p: PanelProps) {
  const curves = useProbe<Record<string, RecallLatency>>(RECALL_LATENCY);
  const last = Object.fromEntries(p.snapshot.arms.map((a) => [a.id, a.evals.at(-1)?.metrics]));
  return <Plot lang={p.lang} curve={curves?.hnsw} M={p.snapshot.settings.M} ef={p.snapshot.settings.efSearch} armIds={p.lesson.armIds} last={last} />;
}

const ms = (v: number) => (v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2));

interface PlotProps {
  lang: Lang;
  curve: RecallLatency | undefined;
  M: number;
  ef: number;
  armIds: string[];
  last: Record<string, Record<string, number> | undefined>;
}

const Plot = memo(function Plot({ lang, curve, M, ef, armIds, last }: PlotProps) {
  if (!curve)
    return (
      <ChartCard testid="chart-recall-latency" title={tx(lang, S.curveTitle)} note={tx(lang, S.curveNote)} wide>
        <p className="muted small empty">{tx(lang, S.curveWaiting)}</p>
      </ChartCard>
    );
  const Ms = [...new Set(curve.points.map((q) => q.M))];
  const times = [...curve.points.map((q) => q.searchMs), curve.exactMs];
  const knob = curve.points.find((q) => q.M === M && q.efSearch === ef);
  const minRecall = Math.min(...curve.points.map((q) => q.recall));
  return (
    <ChartCard testid="chart-recall-latency" title={tx(lang, S.curveTitle)} note={tx(lang, S.curveNote)} wide>
      <div className="cost-wrap">
        <div className="cost-plot">
          <ChartFrame height={320}>
            <ScatterChart margin={{ top: 8, right: 20, bottom: 4, left: 4 }}>
              <CartesianGrid stroke={GRID} />
              <XAxis
                dataKey="searchMs"
                type="number"
                scale="log"
                domain={[Math.min(...times) / 1.3, Math.max(...times) * 1.3]}
                tickFormatter={(v: number) => ms(v)}
                tick={AXIS}
                allowDataOverflow
                height={34}
                label={{ value: tx(lang, S.searchMs), position: 'insideBottomRight', offset: -2, fontSize: 11, fill: '#52606d' }}
              />
              <YAxis dataKey="recall" type="number" domain={[Math.max(0, Math.floor(minRecall * 20) / 20), 1]} tickFormatter={(v: number) => v.toFixed(2)} tick={AXIS} width={46} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(4) : String(v))} isAnimationActive={false} />
              <Legend wrapperStyle={LEGEND} itemSorter={null} />
              {Ms.map((m, k) => (
                <Scatter
                  key={m}
                  data={curve.points.filter((q) => q.M === m).sort((a, b) => a.efSearch - b.efSearch)}
                  name={`M = ${m}`}
                  fill={LINE_COLORS[k % LINE_COLORS.length]}
                  line={{ stroke: LINE_COLORS[k % LINE_COLORS.length], strokeWidth: m === M ? 2.5 : 1.5 }}
                  isAnimationActive={false}
                />
              ))}
              <ReferenceLine x={curve.exactMs} stroke="#1f2933" strokeDasharray="5 4" label={{ value: `${tx(lang, S.exact)} ${ms(curve.exactMs)} ms`, position: 'insideBottomLeft', fontSize: 11, fill: '#1f2933' }} />
              {knob && <ReferenceDot x={knob.searchMs} y={knob.recall} r={7} fill="none" stroke="#1f2933" strokeWidth={2} />}
            </ScatterChart>
          </ChartFrame>
        </div>
        <div className="drop-wrap cost-table">
          <table className="arm-table drop-table" data-testid="recall-latency-builds">
            <thead>
              <tr>
                <th scope="col">M</th>
                <th scope="col">{tx(lang, S.build)}</th>
                <th scope="col">{tx(lang, S.memory)}</th>
                <th scope="col">ef {ef}</th>
              </tr>
            </thead>
            <tbody>
              {curve.builds.map((b) => {
                const at = curve.points.find((q) => q.M === b.M && q.efSearch === ef);
                return (
                  <tr key={b.M} data-testid={`build-row-${b.M}`} className={b.M === M ? 'ref-row' : undefined}>
                    <th scope="row">{b.M}</th>
                    <td>{ms(b.buildMs)} ms</td>
                    <td>{(b.memoryBytes / 1e6).toFixed(2)} MB</td>
                    <td>{at ? `${at.recall.toFixed(3)} · ${ms(at.searchMs)} ms` : '—'}</td>
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{tx(lang, S.exact)}</th>
                <td>—</td>
                <td>{(curve.exactBytes / 1e6).toFixed(2)} MB</td>
                <td>1.000 · {ms(curve.exactMs)} ms</td>
              </tr>
            </tbody>
          </table>
          <table className="arm-table drop-table" data-testid="index-metrics">
            <thead>
              <tr>
                <th scope="col">{tx(lang, S.arm)}</th>
                <th scope="col">annRecall@10</th>
                <th scope="col">queryMs</th>
              </tr>
            </thead>
            <tbody>
              {armIds.map((id) => (
                <tr key={id} data-testid={`index-metrics-${id}`}>
                  <th scope="row" style={{ color: armColor(armIds, id) }}>
                    {id}
                  </th>
                  <td>{fmt3(last[id]?.['annRecall@10'])}</td>
                  <td>{last[id]?.queryMs !== undefined ? `${ms(last[id]!.queryMs)} ms` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            {tx(lang, S.curveSize)
              .replace('{items}', curve.items.toLocaleString('en'))
              .replace('{queries}', String(curve.queries))
              .replace('{efc}', String(curve.efConstruction))}
          </p>
        </div>
      </div>
    </ChartCard>
  );
});
