/**
 * Panels of the self-supervision lesson: tail vs head recall per arm (from the worker's
 * evaluations), the mutual-information matrix of the world's item features, and what each
 * augmentation does to one tail item (both from the worker's `itemFeatures` message, computed by
 * the engine's own functions on the live world — nothing here is canned).
 */
import { memo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LessonDef, Text } from '../../lesson/types';
import type { AugmentationExample, FieldView, MutualInformationMatrix } from '../../model/mutualInformation';
import type { Baselines, Snapshot } from '../../worker/protocol';
import { armColor, ORACLE_COLOR } from '../colors';
import type { Lang } from '../config';
import { t, tx } from '../i18n';
import { useRun } from '../store';

const AXIS = { fontSize: 11, fill: '#52606d' };

const S = {
  headTail: { en: 'Head vs tail recall@50 per arm', zh: '各组的头部 / 长尾 Recall@50' },
  headTailNote: {
    en: 'Held-out clicks on head items (the 20% most clicked in training) and on the rest (tail), at the latest evaluation. Compare each SSL arm with the baseline on the tail bars: that is where the idea should help.',
    zh: '留出点击分为头部物品（训练点击最多的 20%）与其余（长尾），取最近一次评估。把各自监督组与基线的长尾柱子对比：这正是这个方法想帮助的地方。',
  },
  head: { en: 'head items', zh: '头部物品' },
  tail: { en: 'tail items', zh: '长尾物品' },
  noArms: { en: 'Switch an arm on to see its bars.', zh: '打开一个实验组即可看到它的柱子。' },
  miTitle: { en: 'Mutual information of the item features (this world)', zh: '物品特征之间的互信息（当前世界）' },
  miNote: {
    en: 'Computed over every item of the catalogue once (not weighted by clicks: SSL samples items uniformly too). “Beyond chance” subtracts the MI that shuffled columns show — a field with many values (creator) shows MI with everything by chance alone. Correlated feature masking ranks fields by this. The diagonal is each field’s entropy H. The ID row is grey: the ID determines every field, so its MI with each is that field’s whole entropy, and it takes no part in the ranking.',
    zh: '在全部物品上各算一次（不按点击加权：自监督任务也均匀抽样物品）。“超出随机”减去了打乱列后仍有的互信息——取值很多的特征（作者）仅靠偶然就与所有特征有互信息。关联特征遮挡按这个值排序。对角线是各特征的熵 H。物品 ID 一行为灰色：ID 决定了所有特征，它与每个特征的互信息就是该特征的全部熵，因此不参与排序。',
  },
  adjusted: { en: 'beyond chance', zh: '超出随机' },
  raw: { en: 'plug-in MI', zh: '原始互信息' },
  normalized: { en: 'normalised', zh: '归一化' },
  nats: { en: 'nats', zh: '奈特' },
  cfmSets: { en: 'Correlated masking groups (seed → masked together in view b′):', zh: '关联特征遮挡的分组（种子特征 → 在视图 b′ 中一起遮挡）：' },
  waiting: { en: 'Computing from the world…', zh: '正在根据世界计算……' },
  augTitle: { en: 'What each augmentation does to one tail item', zh: '每种数据增强对一个长尾物品做了什么' },
  augNote: {
    en: 'Both views go through the same item tower; the SSL loss pulls b′ and b″ of the same item together and pushes other items’ views away. A masked field takes the field’s default embedding; a dropped tag is left out of the tags’ mean. The views come from the same functions training uses (this item, this world’s seed).',
    zh: '两个视图都经过同一个物品塔；自监督损失让同一物品的 b′ 与 b″ 相互靠近，与其他物品的视图相互远离。被遮挡的特征换成该特征的默认向量；被丢弃的标签不参与标签向量的平均。视图由训练所用的同一组函数生成（同一物品、当前世界的种子）。',
  },
  item: { en: 'Item', zh: '物品' },
  itemClicks: { en: 'training clicks', zh: '次训练点击' },
  catalogueMean: { en: 'catalogue mean', zh: '全体物品平均' },
  unclicked: { en: 'items with no click at all', zh: '的物品一次点击都没有' },
  masked: { en: 'masked → default', zh: '遮挡 → 默认向量' },
  dropped: { en: 'dropped', zh: '已丢弃' },
  seed: { en: 'seed field this batch', zh: '本批次的种子特征' },
  maskedSet: { en: 'masked together', zh: '一起遮挡' },
} satisfies Record<string, Text>;

const FIELD_ZH: Record<string, string> = {
  id: '物品 ID',
  category: '类目',
  subcategory: '子类目',
  creator: '作者',
  price: '价格档',
  city: '城市',
  tags: '标签',
};

function fieldName(lang: Lang, f: string): string {
  if (f === 'id') return lang === 'zh' ? FIELD_ZH.id : 'item ID';
  return lang === 'zh' ? (FIELD_ZH[f] ?? f) : f;
}

const AUG_NAME: Record<string, Text> = {
  'random-mask': { en: 'Random feature masking (complementary split)', zh: '随机特征遮挡（互补切分）' },
  'correlated-mask': { en: 'Correlated feature masking (by MI)', zh: '关联特征遮挡（按互信息）' },
  dropout: { en: 'Dropout of the tags’ values', zh: '多值特征（标签）Dropout' },
};
const AUG_ARM: Record<string, string> = { 'random-mask': 'ssl-rfm', 'correlated-mask': 'ssl-cfm', dropout: 'ssl-dropout' };

// ---------------------------------------------------------------------------------------------

interface HeadTailProps {
  lesson: LessonDef;
  lang: Lang;
  snapshot: Snapshot;
  baselines: Baselines;
  labels: Record<string, Text>;
  version: string;
}

export const HeadTailChart = memo(
  function HeadTailChart(p: HeadTailProps) {
    const { lang, lesson, snapshot, baselines } = p;
    const arms = lesson.armIds.flatMap((id) => {
      const arm = snapshot.arms.find((a) => a.id === id && a.enabled && !a.diverged && a.evals.length);
      return arm ? [{ id, m: arm.evals.at(-1)!.metrics }] : [];
    });
    const groups: ['recall@50.head' | 'recall@50.tail', Text][] = [
      ['recall@50.head', S.head],
      ['recall@50.tail', S.tail],
    ];
    const data = groups.map(([metric, label]) => {
      const row: Record<string, string | number | null> = { group: tx(lang, label) };
      for (const a of arms) row[a.id] = Number.isFinite(a.m[metric]) ? a.m[metric] : null;
      row.oracle = baselines.oracle[metric];
      return row;
    });
    return (
      <section className="chart-card" data-testid="chart-tail-vs-head">
        <header>
          <h3>{tx(lang, S.headTail)}</h3>
        </header>
        <div className="chart-body">
          {arms.length ? (
            <ResponsiveContainer width="100%" height={250}>
              <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }} barGap={1} barCategoryGap="18%">
                <CartesianGrid stroke="#eef1f5" vertical={false} />
                <XAxis dataKey="group" tick={AXIS} interval={0} />
                <YAxis tick={AXIS} domain={[0, 'auto']} tickFormatter={(v: number) => v.toFixed(2)} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : '—')} isAnimationActive={false} />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                {arms.map((a) => (
                  <Bar key={a.id} dataKey={a.id} name={p.labels[a.id] ? tx(lang, p.labels[a.id]) : a.id} fill={armColor(lesson.armIds, a.id)} isAnimationActive={false} />
                ))}
                <Bar dataKey="oracle" name={t(lang, 'oracle')} fill={ORACLE_COLOR} fillOpacity={0.06} stroke={ORACLE_COLOR} strokeDasharray="3 2" strokeWidth={1.5} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <p className="muted small empty">{tx(lang, S.noArms)}</p>
          )}
        </div>
        <p className="chart-note">{tx(lang, S.headTailNote)}</p>
      </section>
    );
  },
  (a, b) => a.version === b.version && a.lang === b.lang && a.baselines === b.baselines && a.labels === b.labels,
);

// ---------------------------------------------------------------------------------------------

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
  const insight = useRun((s) => s.insight);
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
    <section className="chart-card" data-testid="chart-mi">
      <header>
        <h3>{tx(lang, S.miTitle)}</h3>
        {controls}
      </header>
      <div className="chart-body">{insight ? <Heatmap mi={insight.mi} mode={mode} lang={lang} /> : <p className="muted small empty">{tx(lang, S.waiting)}</p>}</div>
      <p className="chart-note">{tx(lang, S.miNote)}</p>
    </section>
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
              {s.tied && <span className="muted"> ({lang === 'zh' ? '并列，训练时随机取' : 'tie: picked at random in training'})</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

export function AugmentationPanel({ lang }: { lang: Lang }) {
  const insight = useRun((s) => s.insight);
  return (
    <section className="chart-card wide" data-testid="augmentations">
      <header>
        <h3>{tx(lang, S.augTitle)}</h3>
      </header>
      {insight ? (
        <div className="aug">
          <p className="small" data-testid="aug-item">
            <b>
              {tx(lang, S.item)} #{insight.item}
            </b>
            {': '}
            {insight.itemTrainClicks} {tx(lang, S.itemClicks)} ({tx(lang, S.catalogueMean)} {insight.meanItemTrainClicks.toFixed(1)};{' '}
            {lang === 'zh' ? `${(100 * insight.unclickedShare).toFixed(0)}% ${tx(lang, S.unclicked)}` : `${(100 * insight.unclickedShare).toFixed(0)}% of ${tx(lang, S.unclicked)}`})
          </p>
          <div className="aug-grid">
            {insight.examples.map((ex) => (
              <AugCard key={ex.augmentation} ex={ex} lang={lang} dropRate={insight.dropRate} />
            ))}
          </div>
        </div>
      ) : (
        <p className="muted small empty">{tx(lang, S.waiting)}</p>
      )}
      <p className="chart-note">{tx(lang, S.augNote)}</p>
    </section>
  );
}

const ARM_IDS = ['baseline', 'ssl-rfm', 'ssl-cfm', 'ssl-dropout'];

function AugCard({ ex, lang, dropRate }: { ex: AugmentationExample; lang: Lang; dropRate: number }) {
  return (
    <div className="aug-card" data-testid={`aug-${ex.augmentation}`}>
      <h4>
        <span className="swatch" style={{ background: armColor(ARM_IDS, AUG_ARM[ex.augmentation]) }} />
        {tx(lang, AUG_NAME[ex.augmentation])}
        {ex.augmentation === 'dropout' && <span className="muted small"> · p = {dropRate}</span>}
      </h4>
      {ex.seedField && (
        <p className="small muted">
          {tx(lang, S.seed)}: <b>{fieldName(lang, ex.seedField)}</b> · {tx(lang, S.maskedSet)}: {ex.correlatedSet!.map((f) => fieldName(lang, f)).join(', ')}
        </p>
      )}
      {ex.views.map((view, v) => (
        <div key={v} className="aug-view">
          <span className="aug-label">{v === 0 ? 'b′' : 'b″'}</span>
          <div className="chips">
            {view.map((fv) => (
              <Chip key={fv.field} fv={fv} lang={lang} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function valueText(field: string, v: number): string {
  return field === 'id' ? `#${v}` : field === 'tags' ? `t${v}` : String(v);
}

function Chip({ fv, lang }: { fv: FieldView; lang: Lang }) {
  const name = fieldName(lang, fv.field);
  if (fv.masked)
    return (
      <span className="chip masked" title={tx(lang, S.masked)}>
        {name}: <i>{lang === 'zh' ? '默认' : 'default'}</i>
      </span>
    );
  return (
    <span className="chip">
      {name}:{' '}
      {fv.values.map((v, k) => {
        const dropped = fv.dropped.includes(v) && !fv.kept.includes(v);
        return (
          <span key={k} className={dropped ? 'dropped' : undefined} title={dropped ? tx(lang, S.dropped) : undefined}>
            {k > 0 ? ' ' : ''}
            {valueText(fv.field, v)}
          </span>
        );
      })}
    </span>
  );
}
