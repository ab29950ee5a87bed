/**
 * One user's neighbourhood: their training clicks, their held-out clicks, and the arm's and the
 * oracle's top-K, each held-out click marked found or missed — recall@K for one person. The lists
 * come from the worker, ranked by the evaluator's own code (training clicks excluded).
 */
import { useState } from 'react';
import type { ItemMeta, Neighbourhood as Lists } from '../../../worker/inspection';
import type { Lang } from '../../config';
import { tx } from '../../i18n';
import { words } from './text';

export function Neighbourhood({ lang, k, user, onUser, result, meta, users }: { lang: Lang; k: number; user: number | null; onUser(u: number | null): void; result?: Lists; meta: ItemMeta | null; users: number }) {
  const L = (t: (typeof words)[keyof typeof words]) => tx(lang, t);
  const [draft, setDraft] = useState('');
  const submit = () => {
    const u = Number(draft);
    if (draft.trim() !== '' && Number.isInteger(u)) onUser(u);
  };
  const armHits = result ? result.heldOut.filter((i) => result.arm.includes(i)) : [];
  const oracleHits = result ? result.heldOut.filter((i) => result.oracle.includes(i)) : [];
  return (
    <div className="embedding-sub" data-testid="user-neighbourhood">
      <h4>{L(words.nbTitle)}</h4>
      <form
        className="embedding-row"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          {L(words.user)}{' '}
          <input data-testid="nb-user" type="number" min={0} max={users - 1} step={1} value={draft} placeholder={`0…${users - 1}`} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button className="btn" type="submit" data-testid="nb-show">
          {L(words.pickUser)}
        </button>
        {user !== null && (
          <button className="btn ghost" type="button" onClick={() => onUser(null)}>
            {L(words.clearUser)}
          </button>
        )}
      </form>
      <p className="muted small">{L(words.nbNote)}</p>
      {result && meta && (
        <>
          {result.heldOut.length === 0 ? (
            <p className="small">{L(words.noHeldOut)}</p>
          ) : (
            <p className="small" data-testid="nb-recall">
              {L(words.recallFor)} (K = {k}): {L(words.armTop)}
              {k} <b data-testid="nb-arm-recall">{armHits.length}/{result.heldOut.length}</b> · {L(words.oracleTop)}
              {k} <b data-testid="nb-oracle-recall">{oracleHits.length}/{result.heldOut.length}</b>
            </p>
          )}
          <div className="embedding-lists">
            <ItemList lang={lang} testid="nb-train" title={`${L(words.trainClicks)} (${result.train.length})`} items={result.train} meta={meta} />
            <ItemList
              lang={lang}
              testid="nb-heldout"
              title={`${L(words.heldOut)} (${result.heldOut.length}) · ${L(words.byArm)}`}
              items={result.heldOut}
              meta={meta}
              mark={(i) => (result.arm.includes(i) ? 'hit' : 'miss')}
            />
            <ItemList lang={lang} testid="nb-arm" title={`${L(words.armTop)}${k} · ${L(words.found)} ${armHits.length}`} items={result.arm} meta={meta} mark={(i) => (result.heldOut.includes(i) ? 'hit' : undefined)} />
            <ItemList lang={lang} testid="nb-oracle" title={`${L(words.oracleTop)}${k} · ${L(words.found)} ${oracleHits.length}`} items={result.oracle} meta={meta} mark={(i) => (result.heldOut.includes(i) ? 'hit' : undefined)} />
          </div>
        </>
      )}
    </div>
  );
}

/** Item chips: id, topic as a tooltip, head items bold; a hit ✓ green, a miss ✗ red. */
export function ItemList({ lang, testid, title, items, meta, mark }: { lang: Lang; testid: string; title: string; items: number[]; meta: ItemMeta; mark?: (i: number) => 'hit' | 'miss' | undefined }) {
  return (
    <div className="item-list">
      <div className="small">
        <b>{title}</b>
      </div>
      <ul data-testid={testid}>
        {items.map((i) => {
          const m = mark?.(i);
          return (
            <li key={i} className={`${m ?? ''}${meta.head[i] ? ' head' : ''}`} title={`${tx(lang, words.topic)} ${meta.topic[i]} · ${tx(lang, words.clicks)} ${meta.clicks[i]}`} data-mark={m}>
              {i}
              {m === 'hit' ? ' ✓' : m === 'miss' ? ' ✗' : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
