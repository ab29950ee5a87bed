/**
 * The streaming frequency estimator's error over training steps (the `estimatorError` probe of the
 * streaming arm), against the mean true p of this world (the `meanTrueP` run probe) for scale.
 */
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../src/app/panels/ChartFrame';
import { armColor, TRUTH_COLOR } from '../../src/app/colors';
import { t, tx } from '../../src/app/i18n';
import type { PanelProps } from '../../src/app/lesson-page';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { sameVersion } from '../../src/app/panels/common';
import { AXIS, GRID } from '../../src/app/panels/style';
import { useProbe } from '../../src/app/store';
import { ESTIMATOR_ERROR, MEAN_TRUE_P } from './probes';
import { panelText } from './text';

export function EstimatorChart(p: PanelProps) {
  const meanTrueP = useProbe<number>(MEAN_TRUE_P);
  // Redrawn when the estimator's series grows (after every chunk), not only at evaluations.
  const est = p.snapshot.arms.find((a) => a.series[ESTIMATOR_ERROR]);
  const series = est?.series[ESTIMATOR_ERROR];
  const version = est && series ? `${est.enabled}:${series.length}:${series.at(-1)?.[0]}:${meanTrueP}` : `none:${meanTrueP}`;
  return <Plot {...p} version={version} meanTrueP={meanTrueP} />;
}

const Plot = memo(function Plot(p: PanelProps & { meanTrueP: number | undefined }) {
  const { lang, lesson, snapshot, meanTrueP } = p;
  const arm = snapshot.arms.find((a) => a.series[ESTIMATOR_ERROR] && a.enabled);
  const data = (arm?.series[ESTIMATOR_ERROR] ?? []).filter(([, v]) => v > 0).map(([step, v]) => ({ step, err: v }));
  const color = arm ? armColor(lesson.armIds, arm.id) : '#52606d';
  const maxStep = Math.max(snapshot.target, ...data.map((d) => d.step));
  return (
    <ChartCard testid="chart-estimator" title={tx(lang, panelText.estimatorChart)} note={tx(lang, panelText.estimatorNote)}>
      {arm ? (
        <ChartFrame height={250}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID} />
            <XAxis interval={0} dataKey="step" type="number" domain={[0, maxStep]} tick={AXIS} allowDecimals={false} />
            <YAxis interval={0} domain={[0, 'auto']} tick={AXIS} tickFormatter={(v: number) => v.toPrecision(2)} width={52} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(3) : String(v))} labelFormatter={(s) => `${t(lang, 'step_')} ${s}`} isAnimationActive={false} />
            {meanTrueP ? (
              <ReferenceLine y={meanTrueP} ifOverflow="extendDomain" stroke={TRUTH_COLOR} strokeDasharray="6 4" label={{ value: `${tx(lang, panelText.meanTrueP)} ${meanTrueP.toPrecision(2)}`, position: 'insideTopRight', fontSize: 11, fill: TRUTH_COLOR }} />
            ) : null}
            <Line type="monotone" dataKey="err" name="mean |p̂ − p|" stroke={color} strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ChartFrame>
      ) : (
        <p className="muted small empty">{tx(lang, panelText.estimatorOff)}</p>
      )}
    </ChartCard>
  );
}, sameVersion);
