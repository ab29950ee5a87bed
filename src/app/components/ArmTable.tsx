import type { Metrics } from '../../eval/metrics';
import type { LessonDef, Text } from '../../lesson/types';
import type { Baselines, Snapshot } from '../../worker/protocol';
import { armColor, ORACLE_COLOR, POPULAR_COLOR } from '../colors';
import type { Lang } from '../config';
import { t, tx } from '../i18n';

const COLS: (keyof Metrics)[] = ['recall@10', 'recall@50', 'recall@100', 'recall@50.head', 'recall@50.tail', 'headShare@50', 'coverage@50'];

function num(v: number | undefined, digits = 3): string {
  return v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}

export function ArmTable({ lesson, lang, snapshot, baselines, labels }: { lesson: LessonDef; lang: Lang; snapshot: Snapshot | null; baselines: Baselines | null; labels: Record<string, Text> }) {
  const header = (c: string) => c.replace('recall@50.head', `R@50 ${t(lang, 'head')}`).replace('recall@50.tail', `R@50 ${t(lang, 'tail')}`).replace('recall@', 'R@').replace('headShare@50', `${t(lang, 'headShare')}@50`);
  const ref = (id: string, label: string, m: Metrics, color: string) => (
    <tr key={id} className="ref-row">
      <th scope="row">
        <span className="swatch dashed" style={{ borderColor: color }} /> {label}
      </th>
      <td>—</td>
      <td>—</td>
      {COLS.map((c) => (
        <td key={c} data-testid={`${id}-${c}`}>{num(m[c])}</td>
      ))}
    </tr>
  );
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t(lang, 'table')}>
      <table className="arm-table" data-testid="arm-table">
        <caption>{t(lang, 'table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'arm')}</th>
            <th scope="col">{t(lang, 'stepsDone')}</th>
            <th scope="col">{t(lang, 'loss')}</th>
            {COLS.map((c) => (
              <th scope="col" key={c}>{header(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lesson.armIds.map((id) => {
            const arm = snapshot?.arms.find((a) => a.id === id);
            const m = arm?.evals.at(-1)?.metrics;
            const loss = arm?.loss.at(-1)?.[1];
            return (
              <tr key={id} className={arm?.enabled ? '' : 'disabled'} data-testid={`arm-row-${id}`}>
                <th scope="row">
                  <span className="swatch" style={{ background: armColor(lesson.armIds, id) }} /> {labels[id] ? tx(lang, labels[id]) : id}
                  {arm?.diverged && (
                    <div className="diverged" data-testid={`arm-${id}-diverged`} title={arm.diverged}>
                      ⚠ {t(lang, 'diverged')}
                    </div>
                  )}
                  {!arm?.enabled && <span className="tag">{t(lang, 'off')}</span>}
                </th>
                <td>{arm?.steps ?? 0}</td>
                <td>{arm?.diverged ? '—' : num(loss, 4)}</td>
                {COLS.map((c) => (
                  <td key={c} data-testid={`arm-${id}-${c}`}>
                    {num(m?.[c])}
                  </td>
                ))}
              </tr>
            );
          })}
          {baselines && ref('oracle', t(lang, 'oracle'), baselines.oracle, ORACLE_COLOR)}
          {baselines && ref('popular', t(lang, 'popular'), baselines.popular, POPULAR_COLOR)}
        </tbody>
      </table>
    </div>
  );
}
