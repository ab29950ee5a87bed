import { useEffect, useRef, useState } from 'react';
import type { LessonDef } from '../../lesson/types';
import type { LessonConfig } from '../config';
import { useRun } from '../store';
import { copyText, download, slug } from './download';
import { chartPng, chartSvg, type RunExport, runCsv, runJson, tableTsv } from './export';
import { shareUrl } from './ShareDialog';
import { announce } from './state';
import { ct } from './text';

interface ChartRef {
  testid: string;
  title: string;
  svg: boolean;
}

/** The export menu: the run (JSON, CSV, arm table) and every chart drawn on the page (PNG, SVG). */
export function ExportMenu({ lesson, config }: { lesson: LessonDef; config: LessonConfig }) {
  const lang = config.lang;
  const [open, setOpen] = useState(false);
  const [charts, setCharts] = useState<ChartRef[]>([]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    // The charts on the page now (lessons add their own panels; some draw on a canvas: PNG only).
    const cards = [...document.querySelectorAll<HTMLElement>('.lab-main .chart-card[data-testid]')];
    setCharts(cards.map((c) => ({ testid: c.dataset.testid!, title: c.querySelector('h3')?.textContent ?? c.dataset.testid!, svg: !!c.querySelector('svg.recharts-surface') })).filter((c) => c.svg || document.querySelector(`[data-testid="${c.testid}"] canvas`)));
    const onDown = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = (): RunExport | null => {
    const r = useRun.getState();
    if (!r.snapshot) return null;
    return { lesson: lesson.id, url: shareUrl(lesson, config), backend: r.backend?.name ?? null, settings: r.snapshot.settings, arms: config.arms, world: r.world, baselines: r.baselines, snapshot: r.snapshot };
  };
  const base = `${lesson.id}-seed${config.settings.seed}`;
  const done = (what: string) => announce(`${ct(lang, 'exported')}: ${what}`);
  const card = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);

  return (
    <div className="export-menu" ref={box} data-testid="export">
      <button className="btn" aria-haspopup="true" aria-expanded={open} data-testid="export-open" onClick={() => setOpen((o) => !o)}>
        {ct(lang, 'export')} ▾
      </button>
      {open && (
        <div className="menu" role="group" aria-label={ct(lang, 'export')}>
          <h4>{ct(lang, 'exportRun')}</h4>
          <button className="btn ghost" data-testid="export-json" onClick={() => { const r = run(); if (r) { download(`${base}.json`, runJson(r), 'application/json'); done('JSON'); } }}>
            {ct(lang, 'exportJson')}
          </button>
          <button className="btn ghost" data-testid="export-csv" onClick={() => { const r = run(); if (r) { download(`${base}.csv`, runCsv(r), 'text/csv'); done('CSV'); } }}>
            {ct(lang, 'exportCsv')}
          </button>
          <button
            className="btn ghost"
            data-testid="export-table"
            onClick={() => {
              const table = document.querySelector<HTMLTableElement>('[data-testid="arm-table"]');
              if (table) void copyText(tableTsv(table)).then((ok) => ok && announce(ct(lang, 'tableCopied')));
            }}
          >
            {ct(lang, 'copyTable')}
          </button>
          {charts.length > 0 && <h4>{ct(lang, 'exportCharts')}</h4>}
          {charts.map((c) => (
            <div key={c.testid} className="menu-row">
              <span>{c.title}</span>
              <button
                className="btn ghost small"
                data-testid={`export-png-${c.testid}`}
                aria-label={`${c.title} PNG`}
                onClick={() => {
                  const el = card(c.testid);
                  if (el) void chartPng(el).then((png) => { if (png) { download(`${base}-${slug(c.testid)}.png`, png); done(`${c.title} PNG`); } });
                }}
              >
                PNG
              </button>
              {c.svg && (
                <button
                  className="btn ghost small"
                  data-testid={`export-svg-${c.testid}`}
                  aria-label={`${c.title} SVG`}
                  onClick={() => {
                    const svg = card(c.testid) && chartSvg(card(c.testid)!);
                    if (svg) { download(`${base}-${slug(c.testid)}.svg`, svg, 'image/svg+xml'); done(`${c.title} SVG`); }
                  }}
                >
                  SVG
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
