/**
 * The notes' pair, measured: the ranking task (slate.auc on held-out slates) next to the retrieval
 * task (recall@50 over the catalogue), for both arms and the references, from the latest evaluations.
 */
import { memo } from 'react';
import { armColor, ORACLE_COLOR, textColor } from '../../src/app/colors';
import { t, tx } from '../../src/app/i18n';
import type { PanelProps } from '../../src/app/lesson-page';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { armName, latestEval, sameVersion } from '../../src/app/panels/common';
import { fmt3 } from '../../src/app/panels/style';
import type { Metrics } from '../../src/eval/metrics';
import { panelText } from './text';

const TASKS = [
  { metric: 'slate.auc', label: panelText.pairRanking },
  { metric: 'recall@50', label: panelText.pairRetrieval },
] as const;

export const TaskPair = memo(function TaskPair(p: PanelProps) {
  const { lang, lesson, snapshot, baselines } = p;
  const [easyId, exposedId] = lesson.armIds;
  const easy = latestEval(snapshot, easyId)?.metrics;
  const exposed = latestEval(snapshot, exposedId)?.metrics;
  const rows: { id: string; name: string; color: string; m?: Metrics; reference?: boolean }[] = [
    { id: easyId, name: armName(lang, p.labels, easyId), color: armColor(lesson.armIds, easyId), m: easy },
    { id: exposedId, name: armName(lang, p.labels, exposedId), color: armColor(lesson.armIds, exposedId), m: exposed },
    { id: 'oracle', name: t(lang, 'oracle'), color: ORACLE_COLOR, m: baselines.oracle, reference: true },
    { id: 'popular', name: t(lang, 'popular'), color: '#7b8794', m: baselines.popular, reference: true },
  ];
  const delta = (metric: (typeof TASKS)[number]['metric']) => (easy && exposed ? exposed[metric] - easy[metric] : Number.NaN);
  const signed = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}` : '—');
  return (
    <ChartCard testid="task-pair" title={tx(lang, panelText.pairTitle)} note={tx(lang, panelText.pairNote)}>
      <div className="drop-wrap">
        <table className="arm-table drop-table">
          <thead>
            <tr>
              <th scope="col" />
              {TASKS.map((task) => (
                <th scope="col" key={task.metric}>
                  {tx(lang, task.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`pair-${r.id}`} className={r.reference ? 'muted' : undefined}>
                <th scope="row" style={{ color: textColor(r.color) }}>
                  {r.name}
                </th>
                {TASKS.map((task) => (
                  <td key={task.metric}>{r.m ? fmt3(r.m[task.metric]) : '—'}</td>
                ))}
              </tr>
            ))}
            <tr data-testid="pair-delta">
              <th scope="row">{tx(lang, panelText.pairDelta)}</th>
              {TASKS.map((task) => (
                <td key={task.metric}>
                  <b>{signed(delta(task.metric))}</b>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}, sameVersion);
