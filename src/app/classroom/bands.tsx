/**
 * Reference bands: where each arm lands on the lesson's default settings over several seeds,
 * from `lessons/<id>/reference.json` (written by `npm run references`, the engine run headless).
 * Drawn faint at the end of the step axis on the recall and head-share charts, while the live
 * run catches up; hidden when the settings are not the defaults the reference was run with.
 */
import { useEffect, useMemo, useState } from 'react';
import { ReferenceArea } from 'recharts';
import type { MetricName } from '../../eval/metrics';
import type { Settings } from '../../lesson/types';
import { referenceBand, type LessonReference, type ReferenceMetric } from '../../train/reference';
import { armColor } from '../colors';
import type { Lang } from '../config';
import { ct } from './text';

// Each file is its own chunk, fetched when its lesson opens (a few kB).
const FILES = import.meta.glob<LessonReference>('../../../lessons/*/reference.json', { import: 'default' });

function loader(lessonId: string): (() => Promise<LessonReference>) | undefined {
  return Object.entries(FILES).find(([path]) => path.endsWith(`/lessons/${lessonId}/reference.json`))?.[1];
}

/** The settings match the reference's except the seed (the band spans seeds). */
export function matchesReference(ref: LessonReference, settings: Settings): boolean {
  return Object.keys(ref.settings).every((k) => k === 'seed' || ref.settings[k] === settings[k]);
}

/** The lesson's reference while the run's settings are its defaults; null otherwise (or none committed). */
export function useReference(lessonId: string, settings: Settings): { ref: LessonReference | null; hidden: boolean } {
  const [ref, setRef] = useState<LessonReference | null>(null);
  useEffect(() => {
    let live = true;
    setRef(null);
    loader(lessonId)?.()
      .then((r) => live && setRef(r))
      .catch(() => undefined); // no band is a fine answer: the live run still draws
    return () => {
      live = false;
    };
  }, [lessonId]);
  const key = JSON.stringify(settings);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const matches = useMemo(() => !!ref && matchesReference(ref, settings), [ref, key]);
  return { ref: matches ? ref : null, hidden: !!ref && !matches };
}

/** A band too thin to see (seeds agree) is drawn this tall, in the chart's units. */
const MIN_HEIGHT = 0.006;

export function bandTop(ref: LessonReference | null, ids: string[], metric: MetricName): number {
  return ref ? Math.max(0, ...ids.map((id) => referenceBand(ref, id, metric as ReferenceMetric)?.hi ?? 0)) : 0;
}

/** One faint labelled area per shown arm (call inside a recharts chart: recharts wants its own elements as children). */
export function bandAreas(ref: LessonReference | null, ids: string[], metric: MetricName, armIds: string[], lang: Lang) {
  if (!ref) return null;
  // One label, left of the highest band: one per arm would pile up where the arms land close together.
  const top = ids.reduce<string | null>((best, id) => ((referenceBand(ref, id, metric as ReferenceMetric)?.hi ?? -1) > (best ? referenceBand(ref, best, metric as ReferenceMetric)!.hi : -1) ? id : best), null);
  return ids.map((id) => {
    const band = referenceBand(ref, id, metric as ReferenceMetric);
    if (!band) return null;
    const pad = Math.max(0, (MIN_HEIGHT - (band.hi - band.lo)) / 2);
    const color = armColor(armIds, id);
    return (
      <ReferenceArea
        key={`band-${id}`}
        x1={ref.steps * 0.9}
        x2={ref.steps}
        y1={band.lo - pad}
        y2={band.hi + pad}
        fill={color}
        fillOpacity={0.16}
        stroke={color}
        strokeOpacity={0.55}
        strokeDasharray="3 2"
        ifOverflow="visible"
        label={id === top ? { value: `${ct(lang, 'reference')} (${ref.seeds.length} ${ct(lang, 'seeds')})`, position: 'left', fontSize: 10, fill: '#52606d' } : undefined}
      />
    );
  });
}

export function bandNote(ref: LessonReference | null, hidden: boolean, lang: Lang): string {
  if (hidden) return ' ' + ct(lang, 'bandOff');
  if (!ref) return '';
  return ' ' + ct(lang, 'bandNote').replace('{steps}', String(ref.steps)).replace('{seeds}', ref.seeds.join(', '));
}
