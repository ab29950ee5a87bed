/**
 * The three models of the lesson, drawn in the style of the idea card's tower diagram: two towers
 * (ID + features → network → a, b; cosine), IDs only (the same towers fed the ID embedding alone;
 * cosine) and early fusion (user and item inputs concatenated → one network → p). What is learned is drawn in the
 * arm's colour; inputs are grey.
 */
import { memo, type ReactNode } from 'react';
import { armColor } from '../../src/app/colors';
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import { ChartCard } from '../../src/app/panels/ChartCard';
import type { Text } from '../../src/lesson/types';
import { panelText as S } from './text';

interface Props {
  lang: Lang;
  armIds: string[];
  labels: Record<string, Text>;
}

type Draw = (lang: Lang, color: string, head: string) => ReactNode;

/** Each arm's diagram and its two caption lines (what it is, how it serves). */
const DIAGRAMS: Record<string, { draw: Draw; what: Text; serve: Text }> = {
  'two-tower': { draw: twoTowers, what: S.twoTowerWhat, serve: S.twoTowerServe },
  'early-fusion': { draw: earlyFusion, what: S.earlyWhat, serve: S.earlyServe },
  'id-only': { draw: idsOnly, what: S.idWhat, serve: S.idServe },
};

export const ArchitecturePanel = memo(function ArchitecturePanel({ lang, armIds, labels }: Props) {
  return (
    <ChartCard testid="architecture" title={tx(lang, S.archTitle)} note={tx(lang, S.archNote)}>
      <div className="arch-grid">
        {armIds
          .filter((id) => DIAGRAMS[id])
          .map((id) => {
            const d = DIAGRAMS[id];
            const color = armColor(armIds, id);
            const head = `arch-head-${id}`;
            return (
              <figure key={id} className="arch-card" data-testid={`arch-${id}`}>
                <figcaption>
                  <span className="swatch" style={{ background: color }} />
                  {labels[id] ? tx(lang, labels[id]) : id}
                </figcaption>
                <svg className="arch-svg" viewBox="0 0 300 260" role="img" aria-label={labels[id] ? tx(lang, labels[id]) : id}>
                  <defs>
                    <marker id={head} viewBox="0 0 10 10" refX={8} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
                      <path d="M0 0 L10 5 L0 10 z" fill="#52606d" />
                    </marker>
                  </defs>
                  {d.draw(lang, color, head)}
                </svg>
                <p className="small">{tx(lang, d.what)}</p>
                <p className="small muted">{tx(lang, d.serve)}</p>
              </figure>
            );
          })}
      </div>
    </ChartCard>
  );
});

// ---- drawing parts (a 300 × 260 canvas; y grows downwards, the score on top) ----

const arrow = (d: string, head: string) => <path d={d} className="dg-arrow" markerEnd={`url(#${head})`} />;

function input(cx: number, w: number, label: string) {
  return (
    <g>
      <rect x={cx - w / 2} y={224} width={w} height={28} rx={6} className="dg-input" />
      <text x={cx} y={242} className="dg-small" textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** A network drawn as a trapezoid narrowing upwards, with a title and a smaller line. */
function network(cx: number, top: number, bottom: number, wBottom: number, wTop: number, color: string, title: string, sub?: string) {
  const mid = (top + bottom) / 2;
  return (
    <g>
      <path d={`M${cx - wBottom / 2} ${bottom} L${cx + wBottom / 2} ${bottom} L${cx + wTop / 2} ${top} L${cx - wTop / 2} ${top} Z`} fill={color} fillOpacity={0.14} stroke={color} strokeWidth={1.5} />
      <text x={cx} y={sub ? mid - 1 : mid + 5} textAnchor="middle" className="dg-title" fill={color}>
        {title}
      </text>
      {sub && (
        <text x={cx} y={mid + 15} textAnchor="middle" className="dg-small">
          {sub}
        </text>
      )}
    </g>
  );
}

/** An output vector: eight cells in the arm's colour and its name. */
function vector(cx: number, y: number, color: string, name: string) {
  return (
    <g>
      {Array.from({ length: 8 }, (_, k) => (
        <rect key={k} x={cx - 40 + k * 10} y={y} width={9} height={16} fill={color} fillOpacity={0.25 + 0.09 * ((k * 5) % 8)} />
      ))}
      <text x={cx + 46} y={y + 13} className="dg-vec" fill={color}>
        {name}
      </text>
    </g>
  );
}

/** The score on top, in the dark pill of the idea card's diagram. */
function score(label: string, sub: string) {
  return (
    <g>
      <rect x={100} y={6} width={100} height={34} rx={17} className="dg-score" />
      <text x={150} y={28} textAnchor="middle" className="dg-title">
        {label}
      </text>
      <text x={150} y={56} textAnchor="middle" className="dg-small">
        {sub}
      </text>
    </g>
  );
}

function twoTowers(lang: Lang, color: string, head: string): ReactNode {
  const side = (cx: number, inLabel: Text, tower: Text, vec: string) => (
    <g>
      {input(cx, 132, tx(lang, inLabel))}
      {arrow(`M${cx} 222 L${cx} 204`, head)}
      {network(cx, 140, 202, 120, 76, color, tx(lang, tower), tx(lang, S.network))}
      {arrow(`M${cx} 138 L${cx} 120`, head)}
      {vector(cx, 100, color, vec)}
    </g>
  );
  return (
    <>
      {side(72, S.userIn, S.userTower, 'a')}
      {side(228, S.itemIn, S.itemTower, 'b')}
      {arrow('M72 98 C 72 40, 80 23, 97 23', head)}
      {arrow('M228 98 C 228 40, 220 23, 203 23', head)}
      {score('cos(a, b)', tx(lang, S.score))}
    </>
  );
}

function idsOnly(lang: Lang, color: string, head: string): ReactNode {
  const side = (cx: number, inLabel: Text, row: number, vec: string) => (
    <g>
      {input(cx, 96, tx(lang, inLabel))}
      {arrow(`M${cx} 222 L${cx} 212`, head)}
      <rect x={cx - 34} y={176} width={68} height={34} fill="#fff" stroke={color} strokeWidth={1.5} />
      {Array.from({ length: 3 }, (_, k) => (
        <path key={k} d={`M${cx - 34} ${184.5 + k * 8.5} L${cx + 34} ${184.5 + k * 8.5}`} stroke={color} strokeOpacity={0.35} />
      ))}
      <rect x={cx - 34} y={176 + row * 8.5} width={68} height={8.5} fill={color} fillOpacity={0.55} />
      {arrow(`M${cx} 174 L${cx} 162`, head)}
      {network(cx, 124, 160, 116, 84, color, tx(lang, S.network))}
      {arrow(`M${cx} 122 L${cx} 108`, head)}
      {vector(cx, 88, color, vec)}
    </g>
  );
  return (
    <>
      {side(72, S.userId, 1, 'a')}
      {side(228, S.itemId, 2, 'b')}
      {/* Between the two tables, on two lines: "embedding" / "table". */}
      <text x={150} y={190} textAnchor="middle" className="dg-small">
        {tx(lang, S.embeddings)
          .split(/ (?=\S+$)/)
          .map((line, k) => (
            <tspan key={k} x={150} dy={k ? 13 : 0}>
              {line}
            </tspan>
          ))}
      </text>
      {arrow('M72 86 C 72 40, 80 23, 97 23', head)}
      {arrow('M228 86 C 228 40, 220 23, 203 23', head)}
      {score('cos(a, b)', tx(lang, S.score))}
    </>
  );
}

function earlyFusion(lang: Lang, color: string, head: string): ReactNode {
  return (
    <>
      {input(74, 132, tx(lang, S.userIn))}
      {input(226, 132, tx(lang, S.itemIn))}
      {arrow('M74 222 L106 202', head)}
      {arrow('M226 222 L194 202', head)}
      {Array.from({ length: 16 }, (_, k) => (
        <rect key={k} x={86 + k * 8} y={186} width={7} height={12} fill={k < 8 ? '#52606d' : '#9aa5b1'} fillOpacity={0.3 + 0.08 * ((k * 5) % 8)} />
      ))}
      <text x={218} y={196} className="dg-small">
        {tx(lang, S.concat)}
      </text>
      {arrow('M150 184 L150 166', head)}
      {/* The same network again and again: one pass per item. */}
      <path d="M58 156 L258 156 L218 84 L98 84 Z" fill="none" stroke={color} strokeOpacity={0.3} />
      <path d="M50 160 L254 160 L214 88 L94 88 Z" fill="none" stroke={color} strokeOpacity={0.5} />
      {network(150, 92, 164, 204, 116, color, tx(lang, S.oneNetwork))}
      <text x={236} y={100} className="dg-title" fill={color}>
        × n
      </text>
      {arrow('M150 90 L150 60', head)}
      <rect x={100} y={6} width={100} height={34} rx={17} className="dg-score" />
      <text x={150} y={29} textAnchor="middle" className="dg-title">
        p
      </text>
      <text x={206} y={28} className="dg-small">
        {tx(lang, S.score)}
      </text>
    </>
  );
}
