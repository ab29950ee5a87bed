/**
 * A lesson's own panels under the shared charts, in the order its page lists them, then its knob
 * sweeps. Every number comes from the worker's evaluations and probes (nothing here is precomputed).
 */
import type { ReactNode } from 'react';
import type { LessonPageDef, PanelProps } from '../lesson-page';
import { evalVersion } from './common';
import { useLater } from './later';
import { SweepChart } from './SweepChart';
import { Turn } from './Turn';

export function LessonPanels({ page, ...live }: Omit<PanelProps, 'version'> & { page: LessonPageDef }) {
  // After the shared charts' redraws (slots 1–3), in a task of its own.
  const props = { ...live, snapshot: useLater(live.snapshot, 4) };
  const shown = props.snapshot.arms.filter((a) => a.enabled && !a.diverged);
  const version = evalVersion(shown);
  const p: PanelProps = { ...props, version };
  const entries = page.panels ?? [];
  const sweeps = page.sweeps ?? [];
  // Half-width panels fill the grid two a row; an odd one out takes its whole row, as do wide ones.
  const halves = entries.filter((e) => !e.wide);
  const oddOut = halves.length % 2 === 1 ? halves.at(-1) : undefined;
  const panels: ReactNode[] = entries.map((e) =>
    e.wide || e === oddOut ? (
      <div key={e.key} className="span-all">
        <Turn>{e.render(p)}</Turn>
      </div>
    ) : (
      <Turn key={e.key}>{e.render(p)}</Turn>
    ),
  );
  for (const def of sweeps) panels.push(<SweepChart key={`sweep-${def.knob}`} {...p} def={def} suffix={sweeps.length > 1 ? `-${def.knob}` : ''} />);
  if (!panels.length) return null;
  return (
    <div className="charts lesson-charts" data-testid="lesson-charts">
      {panels}
    </div>
  );
}
