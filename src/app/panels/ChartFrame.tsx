/**
 * Where a recharts chart sits: the full width of its card, `height` tall. The chart mounts in a
 * task of its own (useMountTurn); until then an empty box of the same size holds its place, so
 * nothing below it moves.
 */
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useMountTurn } from './later';

export function ChartFrame({ height, children }: { height: number; children: ReactElement }) {
  const mounted = useMountTurn();
  if (!mounted) return <div className="chart-pending" style={{ height }} aria-hidden />;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
