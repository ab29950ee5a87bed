import type React from 'react';
import { useId } from 'react';
import { Hold, useHeld } from './on-screen';

/** A chart panel: title (with optional controls beside it), the chart, and a note under it. The chart waits while out of sight during training (on-screen.tsx). */
export function ChartCard({
  title,
  note,
  children,
  extra,
  testid,
  wide,
}: {
  title: string;
  note: string;
  children: React.ReactNode;
  extra?: React.ReactNode;
  testid: string;
  /** Spans the whole row of the chart grid. */
  wide?: boolean;
}) {
  const id = useId();
  const [ref, held] = useHeld<HTMLElement>();
  // A figure named by its title and described by its note (screen readers); the numbers are in the arm table and the exports.
  return (
    <section ref={ref} className={`chart-card${wide ? ' wide' : ''}`} data-testid={testid} data-held={held || undefined} role="figure" aria-labelledby={`${id}-t`} aria-describedby={`${id}-n`}>
      <header>
        <h3 id={`${id}-t`}>{title}</h3>
        {extra}
      </header>
      <div className="chart-body">
        <Hold held={held}>{children}</Hold>
      </div>
      <p className="chart-note" id={`${id}-n`}>
        {note}
      </p>
    </section>
  );
}
