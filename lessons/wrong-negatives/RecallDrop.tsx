/**
 * How much recall the exposed-negatives arm loses against the easy one, and in which closeness
 * group the loss falls (from both arms' latest evaluations).
 */
import { memo } from 'react';
import { armColor } from '../../src/app/colors';
import { tx } from '../../src/app/i18n';
import type { PanelProps } from '../../src/app/lesson-page';
import { groupLabel } from '../../src/app/panels/BucketBars';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { armName, latestEval, sameVersion } from '../../src/app/panels/common';
import { fmt3 } from '../../src/app/panels/style';
import { panelText } from './text';

/** The first arm (easy negatives) against the second (exposed ones), overall and per closeness group. */
export const RecallDrop = memo(function RecallDrop(p: PanelProps) {
  const { lang, lesson, snapshot, baselines } = p;
  const [baseId, otherId] = lesson.armIds;
  const ma = latestEval(snapshot, baseId);
  const mb = latestEval(snapshot, otherId);
  const trained = ma && mb && (ma.step > 0 || mb.step > 0);
  const rows: { label: string; a: number; b: number }[] = [];
  if (ma && mb) {
    rows.push({ label: tx(lang, panelText.dropAll), a: ma.metrics['recall@50'], b: mb.metrics['recall@50'] });
    baselines.closenessGroups.forEach((g, i) => rows.push({ label: groupLabel(lang, g), a: ma.detail?.recallByCloseness[i] ?? NaN, b: mb.detail?.recallByCloseness[i] ?? NaN }));
  }
  const lost = (r: { a: number; b: number }) => (r.a > 0 ? 1 - r.b / r.a : NaN);
  const groupRows = rows.slice(1).filter((r) => Number.isFinite(lost(r)));
  const worst = groupRows.length ? groupRows.reduce((x, y) => (lost(y) > lost(x) ? y : x)) : undefined;
  const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(0)}%` : '—');
  const signed = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}` : '—');
  return (
    <ChartCard testid="recall-drop" title={tx(lang, panelText.dropTitle)} note={tx(lang, panelText.dropNote)}>
      {ma && mb ? (
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
                <th scope="col">{armName(lang, p.labels, baseId)}</th>
                <th scope="col">{armName(lang, p.labels, otherId)}</th>
                <th scope="col">{tx(lang, panelText.dropChange)}</th>
                <th scope="col">{tx(lang, panelText.dropLost)}</th>
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
              {tx(lang, panelText.dropLargest)} <b>{worst.label}</b> ({pct(lost(worst))})
            </p>
          )}
        </div>
      ) : (
        <p className="muted small empty">{tx(lang, panelText.dropNeedBoth)}</p>
      )}
    </ChartCard>
  );
}, sameVersion);
