import type { SoakReport } from './soak';

/** What must hold after any soak, long or short: each failure as one sentence. */
export function checkSoak(r: SoakReport): string[] {
  const out: string[] = [];
  if (r.errors.length) out.push(`errors: ${r.errors.join(' | ')}`);
  for (const [key, values] of Object.entries(r.plateaus)) if (new Set(values).size > 1) out.push(`numTensors after resets of ${key} moved: ${values.join(', ')}`);
  if (r.heapEndMB > r.heapWarmupMB * 1.2) out.push(`page heap grew from ${r.heapWarmupMB} MB after warm-up to ${r.heapEndMB} MB (> +20%)`);
  for (const w of r.workerHeapMB) if (w.first > 0 && w.last > w.first * 1.2) out.push(`${w.lesson}: worker heap ${w.first} → ${w.last} MB (> +20%)`);
  if (r.maxSteadyInputDelayMs > 100) out.push(`an input on an open lesson waited ${r.maxSteadyInputDelayMs} ms before the page handled it (> 100 ms)`);
  return out;
}
