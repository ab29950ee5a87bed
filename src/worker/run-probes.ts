/**
 * The lesson's run probes for one run: computed when the run starts, except those measured in
 * parts (`RunProbe.inParts`: timings), of which the runner asks one part whenever it has nothing
 * else to do. A new run's probes replace what was left of the last run's (their models freed).
 */
import type { RunProbe, RunScope } from '../lesson/probes';

type Send = (name: string, value: unknown) => void;

export class RunProbes {
  private pending: { name: string; parts: Iterator<unknown> }[] = [];
  private send: Send = () => {};

  start(probes: RunProbe[], scope: RunScope, send: Send): void {
    this.stop();
    this.send = send;
    for (const probe of probes) {
      if (probe.inParts) {
        this.pending.push({ name: probe.name, parts: probe.inParts(scope) });
        continue;
      }
      const value = probe.compute(scope);
      if (value !== undefined) send(probe.name, value);
    }
  }

  /** Parts left to measure. */
  get waiting(): boolean {
    return this.pending.length > 0;
  }

  /** Measures one part of the first pending probe and sends its value so far. */
  next(): void {
    const head = this.pending[0];
    if (!head) return;
    const step = head.parts.next();
    if (step.done) this.pending.shift();
    else if (step.value !== undefined) this.send(head.name, step.value);
  }

  /** Drops the parts left (a new run, a failed backend, the worker closing). */
  stop(): void {
    for (const p of this.pending) p.parts.return?.();
    this.pending = [];
  }
}
