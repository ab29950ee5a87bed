/**
 * Topics by hour of day in the live world's click log (the `hourlyMix` probe): each cell is a
 * topic's share of that hour's clicks over its share of the day's. A time-ordered batch sees one
 * column at a time — the bias of incremental training, made visible.
 */
import { memo } from 'react';
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { useProbe } from '../../src/app/store';
import { HOURLY_MIX, type HourlyMix } from './probes';
import { panelText as S } from './text';

export function HourMix({ lang }: { lang: Lang }) {
  const mix = useProbe<HourlyMix>(HOURLY_MIX);
  return (
    <ChartCard testid="chart-hour-mix" title={tx(lang, S.mixTitle)} note={tx(lang, S.mixNote)}>
      {mix ? <Grid mix={mix} lang={lang} /> : <p className="muted small empty">…</p>}
    </ChartCard>
  );
}

const Grid = memo(function Grid({ mix, lang }: { mix: HourlyMix; lang: Lang }) {
  const cw = 22;
  const ch = 13;
  const left = 44;
  const top = 6;
  const w = left + 24 * cw + 8;
  const h = top + mix.topics * ch + 26;
  // Diverging: under-represented light, over-represented deep orange (log of the ratio, ±log 3).
  const color = (r: number) => {
    const x = Math.max(-1, Math.min(1, Math.log(Math.max(r, 1e-3)) / Math.log(3)));
    if (x >= 0) return `rgb(${Math.round(255 - x * 40)},${Math.round(255 - x * 150)},${Math.round(255 - x * 230)})`;
    return `rgb(${Math.round(255 + x * 60)},${Math.round(255 + x * 40)},${Math.round(255 + x * 10)})`;
  };
  return (
    <div>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={tx(lang, S.mixTitle)} data-testid="hour-mix-svg">
        {Array.from({ length: mix.topics }, (_, t) => (
          <g key={t}>
            <text x={left - 6} y={top + t * ch + ch - 3} textAnchor="end" fontSize={9} fill="#52606d">
              {tx(lang, S.topic)} {t + 1}
            </text>
            {Array.from({ length: 24 }, (_, hr) => {
              const r = mix.ratio[t * 24 + hr];
              return (
                <rect key={hr} x={left + hr * cw} y={top + t * ch} width={cw - 1} height={ch - 1} fill={color(r)}>
                  <title>{`${tx(lang, S.topic)} ${t + 1}, ${hr}:00 — ×${r.toFixed(2)}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
        {Array.from({ length: 8 }, (_, k) => (
          <text key={k} x={left + k * 3 * cw + cw / 2} y={top + mix.topics * ch + 14} textAnchor="middle" fontSize={10} fill="#52606d">
            {k * 3}
            {tx(lang, S.hour) === 'hour' ? ':00' : tx(lang, S.hour)}
          </text>
        ))}
      </svg>
      <p className="small muted" data-testid="hour-mix-spread">
        {tx(lang, S.mixSpread)}: <b>{mix.spread.toFixed(3)}</b>
      </p>
    </div>
  );
});
