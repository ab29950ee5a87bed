/**
 * What each augmentation does to one tail item of the world: its two views, field by field. The
 * example comes from the worker (the `itemFeatures` probe: the same functions training uses, on
 * the live world).
 */
import type { Lang } from '../../src/app/config';
import { armColor } from '../../src/app/colors';
import { tx } from '../../src/app/i18n';
import type { PanelProps } from '../../src/app/lesson-page';
import { ChartCard } from '../../src/app/panels/ChartCard';
import { useProbe } from '../../src/app/store';
import type { AugmentationExample, FieldView } from '../../src/model/mutualInformation';
import { fieldName } from './MiHeatmap';
import { ITEM_FEATURES, type ItemFeatureInsight } from './probes';
import { augmentationNames, panelText as S } from './text';

export function AugmentationPanel({ lesson, lang, config }: PanelProps) {
  const insight = useProbe<ItemFeatureInsight>(ITEM_FEATURES);
  // Each augmentation in the colour of the arm that trains with it.
  const armOf = (aug: string) => lesson.arms(config.settings).find((s) => s.ssl?.augmentation === aug)?.id ?? '';
  return (
    <ChartCard testid="augmentations" title={tx(lang, S.augTitle)} note={tx(lang, S.augNote)}>
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
              <AugCard key={ex.augmentation} ex={ex} lang={lang} dropRate={insight.dropRate} color={armColor(lesson.armIds, armOf(ex.augmentation))} />
            ))}
          </div>
        </div>
      ) : (
        <p className="muted small empty">{tx(lang, S.waiting)}</p>
      )}
    </ChartCard>
  );
}

function AugCard({ ex, lang, dropRate, color }: { ex: AugmentationExample; lang: Lang; dropRate: number; color: string }) {
  return (
    <div className="aug-card" data-testid={`aug-${ex.augmentation}`}>
      <h4>
        <span className="swatch" style={{ background: color }} />
        {augmentationNames[ex.augmentation] ? tx(lang, augmentationNames[ex.augmentation]) : ex.augmentation}
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
        {name}: <i>{tx(lang, S.maskedValue)}</i>
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
