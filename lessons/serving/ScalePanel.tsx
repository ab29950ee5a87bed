/**
 * Scale: build time, memory and time per query at 10k, 100k and 1M vectors, measured on demand
 * in a job worker of its own (the page and the training worker stay responsive), with a progress
 * bar and a cancel button. The vectors are synthetic and the panel says so.
 */
import { useState } from 'react';
import { tx } from '../../src/app/i18n';
import { useJob } from '../../src/app/job-client';
import type { PanelProps } from '../../src/app/lesson-page';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { SCALE_DIM, SCALE_JOB, SCALE_SIZES, type ScaleRow } from './scale';
import { panelText as S } from './text';

const size = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2));
const secs = (v: number) => (v >= 10_000 ? (v / 1000).toFixed(0) : (v / 1000).toFixed(1));

export function ScalePanel(p: PanelProps) {
  const { lang } = p;
  const job = useJob<ScaleRow>(p.lesson.id, SCALE_JOB);
  const [rows, setRows] = useState<Record<number, ScaleRow>>({});
  const { state } = job;
  if (state.phase === 'done' && rows[state.value.items] !== state.value) setRows((r) => ({ ...r, [state.value.items]: state.value }));
  const s = p.snapshot.settings;
  const running = state.phase === 'running';
  const progress = running ? state.progress : undefined;
  const share = progress && progress.total ? progress.done / progress.total : 0;
  const done = Object.values(rows).sort((a, b) => a.items - b.items);
  return (
    <ChartCard testid="scale" title={tx(lang, S.scaleTitle)} note={tx(lang, S.scaleNote).replace('{dim}', String(SCALE_DIM))} wide>
      <div className="scale-controls">
        {SCALE_SIZES.map((n) => (
          <button
            key={n}
            type="button"
            className="btn"
            data-testid={`scale-run-${n}`}
            disabled={running}
            onClick={() => job.start({ items: n, M: s.M, efConstruction: s.efConstruction, efSearch: s.efSearch, seed: s.seed })}
          >
            {tx(lang, S.scaleBuild)} {size(n)}
          </button>
        ))}
        {running && (
          <button type="button" className="btn" data-testid="scale-cancel" onClick={job.cancel}>
            {tx(lang, S.cancel)}
          </button>
        )}
      </div>
      {running && (
        <div className="scale-progress" data-testid="scale-progress">
          <progress max={1} value={share} aria-label={tx(lang, S.scaleTitle)} />
          <span className="small">
            {size(state.params.items)} · {progress ? `${tx(lang, progress.label)} ${Math.round(100 * share)}%` : tx(lang, S.starting)}
          </span>
        </div>
      )}
      {(state.phase === 'cancelled' || state.phase === 'error') && (
        <p className={`small ${state.phase === 'error' ? 'notice error' : 'muted'}`} data-testid="scale-stopped">
          {size(state.params.items ?? 0)}: {state.phase === 'error' ? state.message : tx(lang, S.cancelled)}
        </p>
      )}
      {done.length > 0 && (
        <div className="drop-wrap">
          <table className="arm-table drop-table" data-testid="scale-table">
            <thead>
              <tr>
                <th scope="col">{tx(lang, S.vectors)}</th>
                <th scope="col">{tx(lang, S.exactQuery)}</th>
                <th scope="col">{tx(lang, S.buildS)}</th>
                <th scope="col">{tx(lang, S.hnswMemory)}</th>
                <th scope="col">{tx(lang, S.hnswQuery)}</th>
                <th scope="col">recall@10</th>
                <th scope="col">{tx(lang, S.speedup)}</th>
                <th scope="col">M · efC · ef</th>
              </tr>
            </thead>
            <tbody>
              {done.map((r) => (
                <tr key={r.items} data-testid={`scale-row-${r.items}`} data-row={JSON.stringify(r)}>
                  <th scope="row">{r.items.toLocaleString('en')}</th>
                  <td>{ms(r.exactMs)} ms</td>
                  <td>{secs(r.buildMs)} s</td>
                  <td>{(r.hnswBytes / 1e6).toFixed(0)} MB</td>
                  <td>{ms(r.hnswMs)} ms</td>
                  <td data-testid={`scale-recall-${r.items}`}>{r.recall.toFixed(3)}</td>
                  <td>{(r.exactMs / r.hnswMs).toFixed(0)}×</td>
                  <td className="muted">
                    {r.M} · {r.efConstruction} · {r.efSearch}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small" data-testid="scale-by-ef">
            {tx(lang, S.byEf)}{' '}
            {done.map((r) => `${size(r.items)}: ${Object.entries(r.byEf).map(([ef, [rec]]) => `${ef}→${rec.toFixed(3)}`).join(' ')}`).join(' · ')}
          </p>
        </div>
      )}
    </ChartCard>
  );
}
