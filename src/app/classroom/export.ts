/**
 * What a run exports: the whole run as JSON, the metric history per arm and step as CSV (with
 * the settings and seed in comment lines), the arm table as tab-separated text, and a chart as a
 * standalone SVG or PNG (title and legend included, for slides). Pure functions of the data,
 * except the chart ones, which read the drawn chart from the page.
 */
import type { MetricName } from '../../eval/metrics';
import type { Settings } from '../../lesson/types';
import type { Baselines, Snapshot, WorldSummary } from '../../worker/protocol';

export interface RunExport {
  lesson: string;
  url: string;
  backend: string | null;
  settings: Settings;
  arms: string[];
  world: WorldSummary | null;
  baselines: Baselines | null;
  snapshot: Snapshot;
}

export function runJson(run: RunExport): string {
  const { snapshot, ...rest } = run;
  return JSON.stringify(
    {
      ...rest,
      seed: run.settings.seed,
      step: snapshot.step,
      target: snapshot.target,
      history: snapshot.arms.map((a) => ({ id: a.id, enabled: a.enabled, steps: a.steps, diverged: a.diverged ?? null, loss: a.loss, evals: a.evals.map((e) => ({ step: e.step, metrics: e.metrics })), series: a.series })),
    },
    (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
    1,
  );
}

function csvCell(v: string | number | undefined): string {
  if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = String(v);
  return /[",\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per arm and step with a loss or an evaluation; metric cells empty where the step had
 * none. Comment lines (`#`) first: lesson, seed, every setting (pandas: `read_csv(f, comment='#')`).
 */
export function runCsv(run: RunExport): string {
  const metrics = [...new Set(run.snapshot.arms.flatMap((a) => a.evals.flatMap((e) => Object.keys(e.metrics))))] as MetricName[];
  const lines = [`# lesson=${run.lesson}`, `# seed=${run.settings.seed}`, `# backend=${run.backend ?? ''}`, `# settings=${JSON.stringify(run.settings)}`, `# url=${run.url}`];
  lines.push(['arm', 'step', 'loss', ...metrics].join(','));
  for (const arm of run.snapshot.arms) {
    const loss = new Map(arm.loss);
    const evals = new Map(arm.evals.map((e) => [e.step, e.metrics]));
    const steps = [...new Set([...loss.keys(), ...evals.keys()])].sort((a, b) => a - b);
    for (const step of steps) {
      const m = evals.get(step);
      lines.push([arm.id, step, loss.get(step), ...metrics.map((k) => m?.[k])].map(csvCell).join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** A table's cells as tab-separated lines (what spreadsheets paste as a table). */
export function tableTsv(table: HTMLTableElement): string {
  return [...table.rows].map((row) => [...row.cells].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join('\t')).join('\n') + '\n';
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A chart card's drawing as a standalone SVG: its title above, its legend below, on white. */
export function chartSvg(card: HTMLElement): string | null {
  const surface = card.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!surface) return null;
  const w = surface.width.baseVal.value || surface.getBoundingClientRect().width;
  const h = surface.height.baseVal.value || surface.getBoundingClientRect().height;
  const title = card.querySelector('h3')?.textContent ?? '';
  const legend = [...card.querySelectorAll('.recharts-legend-item')].map((item) => ({
    text: item.textContent ?? '',
    color: item.querySelector('path, line, rect')?.getAttribute('stroke') || item.querySelector('path, rect')?.getAttribute('fill') || '#333',
  }));
  const top = 28;
  const legendH = legend.length ? 22 * Math.ceil(legend.length / 3) + 8 : 0;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(w));
  out.setAttribute('height', String(top + h + legendH));
  out.setAttribute('viewBox', `0 0 ${w} ${top + h + legendH}`);
  out.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans SC", sans-serif');
  const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    out.appendChild(el);
    return el;
  };
  add('rect', { x: 0, y: 0, width: w, height: top + h + legendH, fill: '#ffffff' });
  add('text', { x: 8, y: 19, 'font-size': 15, 'font-weight': 600, fill: '#1f2933' }, title);
  const body = surface.cloneNode(true) as SVGSVGElement;
  body.setAttribute('x', '0');
  body.setAttribute('y', String(top));
  body.removeAttribute('class');
  body.removeAttribute('style');
  out.appendChild(body);
  legend.forEach((l, i) => {
    const x = 12 + (i % 3) * (w / 3);
    const y = top + h + 18 + Math.floor(i / 3) * 22;
    add('rect', { x, y: y - 9, width: 14, height: 4, fill: l.color });
    add('text', { x: x + 20, y: y - 3, 'font-size': 12, fill: '#1f2933' }, l.text);
  });
  return new XMLSerializer().serializeToString(out);
}

/** A chart card as PNG: its SVG drawn at twice the size (sharp on slides); a canvas chart as it is. */
export async function chartPng(card: HTMLElement): Promise<Blob | null> {
  const svg = chartSvg(card);
  if (!svg) {
    const canvas = card.querySelector('canvas');
    return canvas ? new Promise((resolve) => canvas.toBlob(resolve, 'image/png')) : null;
  }
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
