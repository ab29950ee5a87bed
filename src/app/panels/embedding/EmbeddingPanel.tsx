/**
 * "See inside the towers": an arm's item vectors on a 2-D map beside the oracle's space, a user's
 * neighbourhood, your own user, and the Projector export. Everything drawn is what the worker
 * read from the arm's towers at the step shown (nothing is precomputed on the page).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useHeld } from '../on-screen';
import type { Text } from '../../../lesson/types';
import type { ItemMeta } from '../../../worker/inspection';
import { RichText } from '../../components/Tex';
import type { Lang } from '../../config';
import { tx } from '../../i18n';
import type { PanelEntry, PanelProps } from '../../lesson-page';
import { type ColorMode, HEAD_COLOR, MapCanvas, type MapMarks, type MapStyle, TAIL_COLOR } from './MapCanvas';
import { Neighbourhood } from './Neighbourhood';
import { OwnUser } from './OwnUser';
import { featureValues, metadataTsv, type Prepared, prepare, vectorsTsv } from './projector';
import { useInspection } from './store';
import { FIELD_NAMES, words } from './text';
import { useInspect } from './useInspect';
import './embedding.css';

export interface EmbeddingOptions {
  /** What to look for on this lesson's map. */
  hint?: Text;
  color?: ColorMode;
}

/** The panel entry a lesson's page lists: `panels: [..., embeddingPanel({ hint })]`. */
export function embeddingPanel(options: EmbeddingOptions = {}): PanelEntry {
  return { key: 'embedding', wide: true, render: (p) => <EmbeddingPanel {...p} {...options} /> };
}

const NO_MARKS: MapMarks = {};

export function EmbeddingPanel(p: PanelProps & EmbeddingOptions) {
  const { lang, snapshot, config } = p;
  const L = (t: Text) => tx(lang, t);
  const specs = useMemo(() => p.lesson.arms(config.settings), [p.lesson, config.settings]);
  const withTowers = specs.filter((s) => s.model !== 'early-fusion' && config.arms.includes(s.id)).map((s) => s.id);
  const [chosen, setArm] = useState<string | null>(null);
  const armId = chosen && config.arms.includes(chosen) ? chosen : (withTowers[0] ?? config.arms[0] ?? specs[0]?.id);
  const [mode, setMode] = useState<ColorMode>(p.color ?? 'head');
  const [sized, setSized] = useState(true);
  const [showUsers, setShowUsers] = useState(false);
  const [user, setUser] = useState<number | null>(null);
  const [item, setItem] = useState<number | null>(null);
  const [own, setOwn] = useState<{ features: number[]; likes: number[] } | null>(null);
  const [hover, setHover] = useState<{ item: number; x: number; y: number; oracle: boolean } | null>(null);
  const { latest, meta, metaRun, run } = useInspection();

  const request = armId
    ? { armId, k: config.k, meta: metaRun !== snapshot.run, users: showUsers || undefined, user: user ?? undefined, item: item ?? undefined, ownUser: own ?? undefined }
    : null;
  // Out of sight while training, the map does not refresh (the worker's projection, the canvases'
  // redraws): it does once it is seen again, or when the run stops.
  const [ref, held] = useHeld<HTMLElement>();
  const tick = useRef('');
  if (!held) tick.current = `${snapshot.run}:${snapshot.step}:${armId}`;
  useInspect(p.send, request, tick.current);

  const current = latest && run === snapshot.run ? latest : null;
  const answer = current?.armId === armId ? current : null;
  // While another arm's map is on its way the last one stays, dimmed: the canvases keep their
  // buffers (a remount redrew both maps from fresh ones, 35–50 ms each) and the page does not jump.
  const shown = answer ?? (current?.items ? current : null);
  const style = useMemo<MapStyle | null>(() => (meta ? { mode, sizeByPopularity: sized, topic: meta.topic, head: meta.head, clicks: meta.clicks, popularity: meta.popularity } : null), [meta, mode, sized]);
  const nb = answer?.neighbourhood && answer.neighbourhood.user === user ? answer.neighbourhood : undefined;
  const nbrs = answer?.neighbours && answer.neighbours.item === item ? answer.neighbours : undefined;
  const ownResult = own ? answer?.ownUser : undefined;
  const armMarks = useMemo<MapMarks>(() => {
    if (!nb && !ownResult && !nbrs) return NO_MARKS;
    const points = [...(nb ? [{ x: nb.point[0], y: nb.point[1], label: `${L(words.user)} ${nb.user}` }] : []), ...(ownResult ? [{ x: ownResult.point[0], y: ownResult.point[1], label: L(words.you) }] : [])];
    return { train: nb?.train, heldOut: nb?.heldOut, retrieved: nb?.arm ?? ownResult?.top, ringed: [...(nbrs ? [nbrs.item, ...nbrs.arm] : []), ...(own?.likes ?? [])], points };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nb, ownResult, nbrs, own?.likes, lang]);
  const oracleMarks = useMemo<MapMarks>(
    () => (nb || nbrs ? { train: nb?.train, heldOut: nb?.heldOut, retrieved: nb?.oracle, ringed: nbrs ? [nbrs.item, ...nbrs.oracle] : [] } : NO_MARKS),
    [nb, nbrs],
  );

  const [files, setFiles] = useState<Prepared[] | null>(null);
  useEffect(() => () => files?.forEach((f) => URL.revokeObjectURL(f.url)), [files]);
  const exportTsv = () => {
    if (!request) return;
    const key = `export-${Date.now()}`;
    const off = useInspection.subscribe((s) => {
      const a = s.latest;
      if (a?.key !== key) return;
      off();
      if (a.vectors && s.meta) setFiles([prepare(`${a.armId}-step${a.step}-vectors.tsv`, vectorsTsv(a.vectors, a.dim)), prepare(`${a.armId}-step${a.step}-metadata.tsv`, metadataTsv(s.meta))]);
    });
    p.send({ type: 'inspect', request: { ...request, meta: !meta, vectors: true, key } });
  };

  const pick = (kind: 'item' | 'user', index: number) => {
    if (kind === 'user') return setUser(index);
    if (own) setOwn({ ...own, likes: own.likes.includes(index) ? own.likes.filter((i) => i !== index) : [...own.likes, index].slice(0, 20) });
    else setItem(index === item ? null : index);
  };

  return (
    <section ref={ref} className="chart-card wide embedding" data-testid="embedding-map">
      <header>
        <h3>{L(words.title)}</h3>
        <div className="embedding-controls">
          <label>
            {L(words.arm)}{' '}
            <select data-testid="embedding-arm" value={armId} onChange={(e) => setArm(e.target.value)}>
              {specs.filter((s) => config.arms.includes(s.id)).map((s) => (
                <option key={s.id} value={s.id}>
                  {tx(lang, p.labels[s.id] ?? s.label)}
                </option>
              ))}
            </select>
          </label>
          <span className="seg small" role="group" aria-label={L(words.colour)}>
            {(['head', 'topic', 'clicks'] as const).map((m) => (
              <button key={m} className={mode === m ? 'active' : ''} data-testid={`embedding-color-${m}`} onClick={() => setMode(m)}>
                {L(m === 'head' ? words.byHead : m === 'topic' ? words.byTopic : words.byClicks)}
              </button>
            ))}
          </span>
          <label>
            <input type="checkbox" checked={sized} onChange={(e) => setSized(e.target.checked)} /> {L(words.size)}
          </label>
          <label>
            <input type="checkbox" data-testid="embedding-users" checked={showUsers} onChange={(e) => setShowUsers(e.target.checked)} /> {L(words.showUsers)}
          </label>
          <button className="btn" data-testid="embedding-export" disabled={!answer?.items} onClick={exportTsv} title={L(words.exportNote)}>
            {L(words.export)}
          </button>
          {files?.map((f, k) => (
            <a key={f.url} className="btn" href={f.url} download={f.name} data-testid={k === 0 ? 'export-vectors' : 'export-metadata'}>
              ⤓ {f.name}
            </a>
          ))}
        </div>
      </header>
      {p.hint && (
        <p className="embedding-hint" data-testid="embedding-hint">
          <RichText text={L(p.hint)} />
        </p>
      )}
      {latest?.error && latest.armId === armId ? (
        <p className="notice warn" data-testid="embedding-error">
          {L(latest.error)}
        </p>
      ) : !shown?.items || !style || !meta ? (
        <p className="muted small">{L(words.waiting)}</p>
      ) : (
        <>
          <div className={shown === answer ? 'embedding-maps' : 'embedding-maps stale'}>
            <figure>
              <figcaption>
                <b>{L(words.armMap)}</b> · {L(words.step)} <span data-testid="embedding-step" data-arm={shown.armId}>
                  {shown.step}
                </span> · {L(words.variance)} {pct(shown.explained![0] + shown.explained![1])}
                {shown.cohesion && (
                  <span data-testid="embedding-cohesion">
                    {' '}
                    · {L(words.cohesion)}: {L(words.head)} {shown.cohesion.head.toFixed(2)}, {L(words.tail)} {shown.cohesion.tail.toFixed(2)}
                  </span>
                )}
              </figcaption>
              <MapCanvas testid="embedding-canvas" series={`${shown.armId}:${run}`} step={shown.step} points={shown.items} users={shown.users} style={style} marks={armMarks} onHover={(i, x, y) => setHover(i === null ? null : { item: i, x, y, oracle: false })} onPick={pick} />
              {hover && !hover.oracle && <Tooltip lang={lang} meta={meta} item={hover.item} x={hover.x} y={hover.y} />}
            </figure>
            <figure>
              <figcaption>
                <b>{L(words.oracleMap)}</b> · {L(words.variance)} {pct(meta.oracleExplained[0] + meta.oracleExplained[1])}
              </figcaption>
              <MapCanvas testid="oracle-canvas" series="oracle" step={0} points={meta.oracle} style={style} marks={oracleMarks} onHover={(i, x, y) => setHover(i === null ? null : { item: i, x, y, oracle: true })} onPick={pick} />
              {hover?.oracle && <Tooltip lang={lang} meta={meta} item={hover.item} x={hover.x} y={hover.y} />}
            </figure>
          </div>
          <Legend lang={lang} mode={mode} />
          <p className="chart-note">
            {L(words.note)} {L(words.hoverHint)} <span className="dim">({L(words.pcaTime)}: <span data-testid="embedding-pca-ms">{shown.pcaMs.toFixed(1)}</span> ms)</span>
          </p>
          {nbrs && (
            <div className="embedding-neighbours" data-testid="item-neighbours">
              <b>
                {L(words.neighboursTitle)} {nbrs.item}
              </b>{' '}
              ({L(words.topic)} {meta.topic[nbrs.item]}, {meta.head[nbrs.item] ? L(words.head) : L(words.tail)})
              {([['arm', nbrs.arm], ['oracle', nbrs.oracle]] as const).map(([side, list]) => (
                <div key={side}>
                  {L(side === 'arm' ? words.neighboursArm : words.neighboursOracle)}: {list.join(', ')} —{' '}
                  <b data-testid={`neighbours-same-topic-${side}`}>
                    {list.filter((i) => meta.topic[i] === meta.topic[nbrs.item]).length}/{list.length}
                  </b>{' '}
                  {L(words.sameTopic)}
                </div>
              ))}
            </div>
          )}
        </>
      )}
      <Neighbourhood lang={lang} k={config.k} user={user} onUser={setUser} result={nb} meta={meta} users={p.snapshot.settings.users} />
      <OwnUser lang={lang} k={config.k} meta={meta} value={own} onChange={setOwn} result={ownResult} items={p.snapshot.settings.items} />
    </section>
  );
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

function Legend({ lang, mode }: { lang: Lang; mode: ColorMode }) {
  if (mode === 'head')
    return (
      <p className="embedding-legend small">
        <span className="swatch" style={{ background: HEAD_COLOR }} /> {tx(lang, words.legendHead)} <span className="swatch" style={{ background: TAIL_COLOR }} /> {tx(lang, words.legendTail)}
      </p>
    );
  return <p className="embedding-legend small">{tx(lang, mode === 'topic' ? words.legendTopic : words.legendClicks)}</p>;
}

function Tooltip({ lang, meta, item, x, y }: { lang: Lang; meta: ItemMeta; item: number; x: number; y: number }) {
  const values = featureValues(meta, item);
  return (
    <div className="embedding-tooltip" style={{ left: x + 14, top: y + 10 }} data-testid="map-tooltip">
      <b>
        {tx(lang, words.item)} {item}
      </b>{' '}
      · {meta.head[item] ? tx(lang, words.head) : tx(lang, words.tail)} · {tx(lang, words.topic)} {meta.topic[item]}
      <br />
      {tx(lang, words.clicks)}: {meta.clicks[item]} · {tx(lang, words.popularity)}: {meta.popularity[item].toPrecision(2)}
      <br />
      {meta.fields.map((f, k) => (
        <span key={f.name}>
          {FIELD_NAMES[f.name] ? tx(lang, FIELD_NAMES[f.name]) : f.name} {values[k].join(', ') || '—'}
          {k < meta.fields.length - 1 ? ' · ' : ''}
        </span>
      ))}
    </div>
  );
}
