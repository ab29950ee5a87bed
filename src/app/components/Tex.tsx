import katex from 'katex';
import { Fragment, useMemo } from 'react';

/** A wide formula scrolls: keyboard users then need to focus it to scroll (an overflowing block becomes a tab stop). */
function focusIfScrolls(el: HTMLDivElement | null): void {
  if (el && el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
}

/** A formula typeset by KaTeX (never throws: a bad formula shows in red). */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' }), [tex, display]);
  return display ? <div className="tex-block" ref={focusIfScrolls} dangerouslySetInnerHTML={{ __html: html }} /> : <span dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Text with inline $…$ math. */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/(\$[^$]+\$)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('$') && p.endsWith('$') && p.length > 2 ? <Tex key={i} tex={p.slice(1, -1)} /> : <Fragment key={i}>{p}</Fragment>,
      )}
    </>
  );
}
