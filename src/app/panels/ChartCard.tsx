import type React from 'react';

/** A chart panel: title (with optional controls beside it), the chart, and a note under it. */
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
  return (
    <section className={`chart-card${wide ? ' wide' : ''}`} data-testid={testid}>
      <header>
        <h3>{title}</h3>
        {extra}
      </header>
      <div className="chart-body">{children}</div>
      <p className="chart-note">{note}</p>
    </section>
  );
}
