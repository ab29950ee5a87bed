/**
 * Your own user: set a new user's features, pick items they like, and see what the arm retrieves
 * for them — the user tower run on the "unknown ID" row and these features (the cold-start view).
 * The liked items are not an input to the tower (it reads no history): they are where the arm's
 * list is measured against.
 */
import { useState } from 'react';
import type { ItemMeta, OwnUserResult } from '../../../worker/inspection';
import type { Lang } from '../../config';
import { tx } from '../../i18n';
import { ItemList } from './Neighbourhood';
import { FIELD_NAMES, words } from './text';

export interface OwnUserValue {
  features: number[];
  likes: number[];
}

export function OwnUser({ lang, k, meta, value, onChange, result, items }: { lang: Lang; k: number; meta: ItemMeta | null; value: OwnUserValue | null; onChange(v: OwnUserValue | null): void; result?: OwnUserResult; items: number }) {
  const L = (t: (typeof words)[keyof typeof words]) => tx(lang, t);
  const [draft, setDraft] = useState('');
  if (!meta) return null;
  const fields = meta.userFields;
  const v = value ?? { features: fields.map(() => -1), likes: [] };
  const addLike = () => {
    const i = Number(draft);
    if (Number.isInteger(i) && i >= 0 && i < items && !v.likes.includes(i)) onChange({ ...v, likes: [...v.likes, i].slice(0, 20) });
    setDraft('');
  };
  const found = result ? result.likes.filter((l) => l.rank > 0 && l.rank <= k).length : 0;
  return (
    <div className="embedding-sub" data-testid="own-user">
      <h4>{L(words.ownTitle)}</h4>
      <p className="muted small">{L(words.ownNote)}</p>
      <div className="embedding-row">
        {fields.map((f, k2) => (
          <label key={f.name}>
            {FIELD_NAMES[f.name] ? tx(lang, FIELD_NAMES[f.name]) : f.name}{' '}
            <select
              data-testid={`own-${f.name}`}
              value={v.features[k2]}
              onChange={(e) => onChange({ ...v, features: v.features.map((x, j) => (j === k2 ? Number(e.target.value) : x)) })}
            >
              <option value={-1}>{L(words.unknown)}</option>
              {Array.from({ length: f.cardinality }, (_, c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <form
        className="embedding-row"
        onSubmit={(e) => {
          e.preventDefault();
          addLike();
        }}
      >
        <label>
          {L(words.likes)}{' '}
          <input data-testid="own-like" type="number" min={0} max={items - 1} value={draft} placeholder={`0…${items - 1}`} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button className="btn" type="submit" data-testid="own-add">
          {L(words.addLike)}
        </button>
        {!value && (
          <button className="btn primary" type="button" data-testid="own-start" onClick={() => onChange(v)}>
            {L(words.ownTop)}
          </button>
        )}
        {value && <span className="muted small">({L(words.pickLikes)})</span>}
      </form>
      {v.likes.length > 0 && (
        <p className="small" data-testid="own-likes">
          {v.likes.map((i) => {
            const r = result?.likes.find((l) => l.item === i)?.rank;
            return (
              <button key={i} className={`like${r && r <= k ? ' hit' : ''}`} title="×" onClick={() => onChange({ ...v, likes: v.likes.filter((x) => x !== i) })}>
                {i} · {L(words.rank)} {r === undefined ? '…' : r === 0 ? L(words.beyond) : r} ×
              </button>
            );
          })}
        </p>
      )}
      {result && (
        <>
          {!result.readsFeatures && <p className="notice warn small">{L(words.idOnly)}</p>}
          <ItemList
            lang={lang}
            testid="own-top"
            title={`${L(words.ownTop)} (K = ${result.top.length})${v.likes.length ? ` · ${L(words.found)} ${found}/${v.likes.length}` : ''}`}
            items={result.top}
            meta={meta}
            mark={(i) => (v.likes.includes(i) ? 'hit' : undefined)}
          />
        </>
      )}
    </div>
  );
}
