/**
 * The mutual information of the world's item features, as correlated feature masking ranks them:
 * the matrix comes from the worker (the `itemFeatures` probe, computed by the engine's own
 * functions on the live world — nothing here is canned).
 */
import { useState } from 'react';
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { useProbe } from '../../src/app/store';
import type { MutualInformationMatrix } from '../../src/model/mutualInformation';
import { ITEM_FEATURES, type ItemFeatureInsight } from './probes';
import { fieldNames, panelText as S } from './text';

/** A field's name in the page's language. */
export function fieldName(lang: Lang, f: string): string {
  return fieldNames[f] ? tx(lang, fieldNames[f]) : f;
}

type MiMode = 'adjusted' | 'raw' | 'normalized';

/** For each content field: the fields correlated masking masks with it (top ⌊k/2⌋ by adjusted MI). */
export function correlatedSets(mi: MutualInformationMatrix): { seed: number; set: number[]; tied: boolean }[] {
  const content = mi.fields.map((_, f) => f).filter((f) => f > 0);
  const take = Math.floor(content.length / 2);
  return content.map((seed) => {
    const others = content.filter((f) => f !== seed).sort((a, b) => mi.adjusted[seed][b] - mi.adjusted[seed][a]);
    const set = others.slice(0, take);
    const edge = mi.adjusted[seed][others[take - 1]];
    const tied = take < others.length && Math.abs(mi.adjusted[seed][others[take]] - edge) < 1e-9;
    return { seed, set, tied };
  });
}

export function MiHeatmap({ lang }: { lang: Lang }) {
  const insight = useProbe<ItemFeatureInsight>(ITEM_FEATURES);
  const [mode, setMode] = useState<MiMode>('adjusted');
  const controls = (
    <div className="seg small" role="group" aria-label="MI">
      {(['adjusted', 'raw', 'normalized'] as MiMode[]).map((m) => (
        <button key={m} data-testid={`mi-mode-${m}`} className={m === mode ? 'active' : ''} onClick={() => setMode(m)}>
          {tx(lang, S[m])}
        </button>
      ))}
    </div>
  );
  return (
    <ChartCard testid="chart-mi" title={tx(lang, S.miTitle)} note={tx(lang, S.miNote)} extra={controls}>
      {insight ? <Heatmap mi={insight.mi} mode={mode} lang={lang} /> : <p className="muted small empty">{tx(lang, S.waiting)}</p>}
    </ChartCard>
  );
}

function Heatmap({ mi, mode, lang }: { mi: MutualInformationMatrix; mode: MiMode; lang: Lang }) {
  const F = mi.fields.length;
  const m = mode === 'adjusted' ? mi.adjusted : mode === 'raw' ? mi.mi : mi.normalized;
  // Colour scale: the largest off-diagonal value between content fields (the ID row saturates).
  let max = 0;
  for (let a = 1; a < F; a++) for (let b = 1; b < F; b++) if (a !== b) max = Math.max(max, m[a][b]);
  if (mode === 'normalized') max = Math.max(max, 1e-9);
  const cell = 46;
  const left = 92;
  // Column labels are slanted: horizontal ones overlapped at this cell width.
  const top = 64;
  const w = left + F * cell + 24;
  const h = top + F * cell;
  const color = (v: number) => {
    const x = max > 0 ? Math.min(1, v / max) : 0;
    // White → deep blue.
    const r = Math.round(255 - x * (255 - 8));
    const g = Math.round(255 - x * (255 - 81));
    const bl = Math.round(255 - x * (255 - 156));
    return `rgb(${r},${g},${bl})`;
  };
  const fmt = (v: number) => (mode === 'normalized' ? v.toFixed(2) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const sets = correlatedSets(mi);
  return (
    <div className="mi-wrap">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w * 1.15 }} role="img" aria-label={tx(lang, S.miTitle)} data-testid="mi-svg">
        {mi.fields.map((f, j) => (
          <text
            key={`c${f}`}
            x={left + j * cell + cell / 2}
            y={top - 8}
            textAnchor="start"
            transform={`rotate(-40 ${left + j * cell + cell / 2} ${top - 8})`}
            fontSize={11}
            fill="#52606d"
          >
            {fieldName(lang, f)}
          </text>
        ))}
        {mi.fields.map((f, i) => (
          <g key={`r${f}`}>
            <text x={left - 6} y={top + i * cell + cell / 2 + 4} textAnchor="end" fontSize={11} fill="#52606d">
              {fieldName(lang, f)}
            </text>
            {mi.fields.map((g, j) => {
              const v = m[i][j];
              const diag = i === j;
              const id = i === 0 || j === 0;
              const fill = diag ? '#f0f2f5' : id ? (mode === 'normalized' ? '#c9ced6' : '#d9dde3') : color(v);
              const dark = !diag && !id && max > 0 && v / max > 0.55;
              return (
                <g key={g} data-testid="mi-cell">
                  <rect x={left + j * cell} y={top + i * cell} width={cell - 2} height={cell - 2} rx={3} fill={fill} />
                  <text x={left + j * cell + (cell - 2) / 2} y={top + i * cell + cell / 2 + 3} textAnchor="middle" fontSize={10.5} fill={dark ? '#fff' : diag || id ? '#52606d' : '#1f2933'} fontStyle={diag ? 'italic' : undefined}>
                    {diag ? `H ${mi.entropy[i].toFixed(1)}` : fmt(v)}
                  </text>
                  <title>{`${fieldName(lang, f)} × ${fieldName(lang, g)}: MI ${mi.mi[i][j].toFixed(3)} · chance ${mi.chance[i][j].toFixed(3)} · beyond chance ${mi.adjusted[i][j].toFixed(3)} · normalised ${mi.normalized[i][j].toFixed(2)} (${tx(lang, S.nats)})`}</title>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <div className="small cfm-sets" data-testid="cfm-sets">
        <p className="muted">{tx(lang, S.cfmSets)}</p>
        <ul>
          {sets.map((s) => (
            <li key={s.seed}>
              <b>{fieldName(lang, mi.fields[s.seed])}</b> → {s.set.map((f) => fieldName(lang, mi.fields[f])).join(', ')}
              {s.tied && <span className="muted"> ({tx(lang, S.tie)})</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
