/**
 * The vector database in one picture: offline, the item tower fills the index; online, each
 * request runs the user tower and searches it. Boxes in the arm colours are what the lab measures.
 */
import type { Lang } from '../../src/app/config';
import { tx } from '../../src/app/i18n';
import { ChartCard } from '../../src/app/panels/ChartCard';
import type { Text } from '../../src/lesson/types';
import { panelText as S } from './text';

const INK = '#1f2933';
const MUTED = '#52606d';
const TOWER = '#0072B2';
const INDEX = '#D55E00';

function Box({ x, y, w, label, color = MUTED, lang }: { x: number; y: number; w: number; label: Text; color?: string; lang: Lang }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={40} rx={7} fill="#fff" stroke={color} strokeWidth={color === MUTED ? 1.2 : 2} />
      <text x={x + w / 2} y={y + 25} textAnchor="middle" fontSize={12.5} fill={INK}>
        {tx(lang, label)}
      </text>
    </g>
  );
}

function Arrow({ x1, y1, x2, y2 }: { x1: number; y1: number; x2: number; y2: number }) {
  return <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={MUTED} strokeWidth={1.4} markerEnd="url(#serving-arrow)" />;
}

export function ServingDiagram({ lang }: { lang: Lang }) {
  const row1 = 34;
  const row2 = 150;
  return (
    <ChartCard testid="serving-diagram" title={tx(lang, S.diagramTitle)} note={tx(lang, S.diagramNote)} wide>
      <svg viewBox="0 0 900 205" width="100%" role="img" aria-label={tx(lang, S.diagramTitle)} style={{ maxHeight: 240 }}>
        <defs>
          <marker id="serving-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={MUTED} />
          </marker>
        </defs>
        <text x={6} y={row1 - 12} fontSize={12} fill={MUTED} fontWeight={600}>
          {tx(lang, S.offline)}
        </text>
        <Box x={6} y={row1} w={150} label={S.itemIn} lang={lang} />
        <Arrow x1={156} y1={row1 + 20} x2={192} y2={row1 + 20} />
        <Box x={194} y={row1} w={110} label={S.itemTower} color={TOWER} lang={lang} />
        <Arrow x1={304} y1={row1 + 20} x2={340} y2={row1 + 20} />
        <Box x={342} y={row1} w={130} label={S.itemVecs} lang={lang} />
        <Arrow x1={472} y1={row1 + 20} x2={536} y2={row1 + 60} />
        <rect x={538} y={row1 + 48} width={180} height={60} rx={9} fill="#fff7f0" stroke={INDEX} strokeWidth={2} />
        <text x={628} y={row1 + 83} textAnchor="middle" fontSize={13} fontWeight={600} fill={INK}>
          {tx(lang, S.index)}
        </text>
        <text x={6} y={row2 - 12} fontSize={12} fill={MUTED} fontWeight={600}>
          {tx(lang, S.online)}
        </text>
        <Box x={6} y={row2} w={190} label={S.request} lang={lang} />
        <Arrow x1={196} y1={row2 + 20} x2={228} y2={row2 + 20} />
        <Box x={230} y={row2} w={100} label={S.userTower} color={TOWER} lang={lang} />
        <Arrow x1={330} y1={row2 + 20} x2={362} y2={row2 + 20} />
        <Box x={364} y={row2} w={120} label={S.userVec} lang={lang} />
        <Arrow x1={484} y1={row2 + 20} x2={536} y2={row1 + 100} />
        <text x={540} y={row2 + 38} fontSize={11.5} fill={MUTED}>
          {tx(lang, S.search)}
        </text>
        <Arrow x1={718} y1={row1 + 78} x2={758} y2={row1 + 78} />
        <Box x={760} y={row1 + 58} w={130} label={S.topK} lang={lang} />
      </svg>
    </ChartCard>
  );
}
