import type { Lang } from '../config';
import { t } from '../i18n';

/** The two towers: features → embeddings → neural net → unit vectors a, b → cos(a, b). */
export function TowerDiagram({ lang, dim }: { lang: Lang; dim: number }) {
  const tower = (x: number, color: string, title: string, input: string, vec: string) => (
    <g transform={`translate(${x},0)`}>
      <rect x={0} y={228} width={170} height={34} rx={6} className="dg-input" />
      <text x={85} y={249} className="dg-small" textAnchor="middle">{input}</text>
      <path d="M85 226 L85 210" className="dg-arrow" markerEnd="url(#dg-head)" />
      <rect x={20} y={176} width={130} height={32} rx={6} className="dg-embed" />
      <text x={85} y={196} className="dg-small" textAnchor="middle">{t(lang, 'diagramEmbed')}</text>
      <path d="M85 174 L85 158" className="dg-arrow" markerEnd="url(#dg-head)" />
      <path d="M20 154 L150 154 L133 102 L37 102 Z" fill={color} fillOpacity={0.14} stroke={color} strokeWidth={1.5} />
      <text x={85} y={126} textAnchor="middle" className="dg-title" fill={color}>{title}</text>
      <text x={85} y={143} textAnchor="middle" className="dg-small">{t(lang, 'diagramMlp')}</text>
      <path d="M85 102 L85 86" className="dg-arrow" markerEnd="url(#dg-head)" />
      {Array.from({ length: 8 }, (_, k) => (
        <rect key={k} x={45 + k * 10} y={66} width={9} height={16} fill={color} fillOpacity={0.25 + 0.09 * ((k * 5) % 8)} />
      ))}
      <text x={140} y={79} className="dg-vec" fill={color}>{vec}</text>
    </g>
  );
  return (
    <svg className="tower-diagram" viewBox="0 0 440 270" role="img" aria-label={`${t(lang, 'diagramUser')} / ${t(lang, 'diagramItem')}`}>
      <defs>
        <marker id="dg-head" viewBox="0 0 10 10" refX={8} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" fill="#52606d" />
        </marker>
      </defs>
      {tower(10, '#0072B2', t(lang, 'diagramUser'), t(lang, 'diagramUserIn'), 'a')}
      {tower(260, '#D55E00', t(lang, 'diagramItem'), t(lang, 'diagramItemIn'), 'b')}
      <path d="M95 62 C 95 30, 180 24, 196 24" className="dg-arrow" markerEnd="url(#dg-head)" />
      <path d="M345 62 C 345 30, 260 24, 244 24" className="dg-arrow" markerEnd="url(#dg-head)" />
      <rect x={170} y={6} width={100} height={36} rx={18} className="dg-score" />
      <text x={220} y={29} textAnchor="middle" className="dg-title">cos(a, b)</text>
      <text x={220} y={58} textAnchor="middle" className="dg-small">{t(lang, 'diagramScore')}</text>
      <text x={220} y={122} textAnchor="middle" className="dg-small">{`a, b ∈ ℝ${superscript(dim)}`}</text>
      <text x={220} y={138} textAnchor="middle" className="dg-small">‖a‖ = ‖b‖ = 1</text>
    </svg>
  );
}

function superscript(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => digits[Number(d)])
    .join('');
}
