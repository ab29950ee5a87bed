/**
 * Why user vectors are not stored: recall@50 at each request of a simulated session, with the
 * user vector stored at the session's start and with the vector computed per request (the
 * `session` trained probe). If the per-request vector does not win, the panel says so with numbers.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../src/app/panels/ChartFrame';
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import type { PanelProps } from '../../src/app/lesson-page';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { AXIS, fmt3, GRID, LEGEND } from '../../src/app/panels/style';
import { useProbe } from '../../src/app/store';
import { SESSION, type SessionRecall } from './probes';
import { panelText as S } from './text';

const STORED = '#8a94a6';
const LIVE = '#009E73';

export function SessionPanel(p: PanelProps) {
  const values = useProbe<Record<string, SessionRecall>>(SESSION);
  // Both arms measure the same towers; the HNSW arm's index is the one a service would run.
  const armId = values?.hnsw ? 'hnsw' : values ? Object.keys(values)[0] : undefined;
  return <Plot lang={p.lang} value={armId ? values![armId] : undefined} armId={armId} rho={p.snapshot.settings.sessionStickiness} />;
}

const Plot = memo(function Plot({ lang, value, armId, rho }: { lang: Lang; value: SessionRecall | undefined; armId?: string; rho: number }) {
  if (!value)
    return (
      <ChartCard testid="chart-session" title={tx(lang, S.sessionTitle)} note={tx(lang, S.sessionNote)} wide>
        <p className="muted small empty">{tx(lang, S.sessionWaiting)}</p>
      </ChartCard>
    );
  const rows = value.stored.map((s, r) => ({ r: r + 1, stored: s, perRequest: value.perRequest[r] }));
  const gain = value.perRequestMean - value.storedMean;
  return (
    <ChartCard testid="chart-session" title={tx(lang, S.sessionTitle)} note={tx(lang, S.sessionNote)} wide>
      <div className="cost-wrap">
        <div className="cost-plot">
          <ChartFrame height={280}>
            <LineChart data={rows} margin={{ top: 8, right: 20, bottom: 4, left: 4 }}>
              <CartesianGrid stroke={GRID} />
              <XAxis dataKey="r" type="number" domain={[1, value.length]} ticks={rows.map((x) => x.r)} tick={AXIS} height={34} label={{ value: tx(lang, S.requestNo), position: 'insideBottomRight', offset: -2, fontSize: 11, fill: '#52606d' }} />
              <YAxis domain={[0, 'auto']} tickFormatter={(v: number) => v.toFixed(2)} tick={AXIS} width={46} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} isAnimationActive={false} />
              <Legend wrapperStyle={LEGEND} />
              <Line dataKey="stored" name={tx(lang, S.stored)} stroke={STORED} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              <Line dataKey="perRequest" name={tx(lang, S.perRequest)} stroke={LIVE} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
            </LineChart>
          </ChartFrame>
        </div>
        <div className="drop-wrap cost-table">
          <table className="arm-table drop-table" data-testid="session-table">
            <tbody>
              <tr>
                <th scope="row">{tx(lang, S.stored)}</th>
                <td data-testid="session-stored">{fmt3(value.storedMean)}</td>
              </tr>
              <tr>
                <th scope="row">{tx(lang, S.perRequest)}</th>
                <td data-testid="session-per-request">
                  <b>{fmt3(value.perRequestMean)}</b>
                </td>
              </tr>
              <tr className="ref-row">
                <th scope="row">Δ</th>
                <td>{`${gain >= 0 ? '+' : ''}${fmt3(gain)}`}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted small">
            recall@{value.k} · {value.users} × {value.length} · ρ = {rho} · {(100 * value.sameTopic).toFixed(0)}% → {armId}
          </p>
          {gain <= 0 && (
            <p className="notice warn small" data-testid="session-no-gain">
              {tx(lang, S.sessionNoGain)} (Δ = {fmt3(gain)}, ρ = {rho})
            </p>
          )}
        </div>
      </div>
    </ChartCard>
  );
});
