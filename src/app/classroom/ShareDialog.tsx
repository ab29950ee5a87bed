import { useCallback, useEffect, useRef, useState } from 'react';
import type { LessonDef } from '../../lesson/types';
import { type LessonConfig, lessonQuery } from '../config';
import { lessonHash } from '../route';
import { Dialog } from './Dialog';
import { copyText } from './download';
import { announce, useClassroom } from './state';
import { ct } from './text';

/**
 * The current view's link: lesson, arms, knobs, seed, language, chart K and loss scale. Not the
 * forced backend or presenter mode: those belong to the presenter's machine, not to the view.
 */
export function shareUrl(lesson: LessonDef, config: LessonConfig, base = window.location.href): string {
  return base.split('#')[0] + lessonHash(lesson.id, lessonQuery(lesson, { ...config, backend: null, present: false }));
}

/** Side of the code in CSS pixels: ~6 mm modules at 1280 px wide, readable by a phone from a seat. */
const QR_SIZE = 360;

export function ShareDialog({ lesson, config }: { lesson: LessonDef; config: LessonConfig }) {
  const lang = config.lang;
  const url = shareUrl(lesson, config);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const close = useCallback(() => useClassroom.setState({ share: false }), []);
  useEffect(() => {
    let live = true;
    // Loaded when the dialog opens: the QR encoder costs the page nothing until then.
    import('qrcode')
      .then((QR) => {
        if (live && canvas.current) return QR.toCanvas(canvas.current, url, { errorCorrectionLevel: 'M', margin: 2, width: QR_SIZE });
      })
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [url]);
  const local = /^(localhost|127\.|\[::1\])/.test(window.location.hostname);
  return (
    <Dialog title={ct(lang, 'shareTitle')} onClose={close} closeLabel={ct(lang, 'close')} testid="share-dialog" wide>
      <div className="share-body">
        <canvas ref={canvas} className="share-qr" data-testid="share-qr" role="img" aria-label={`QR: ${url}`} width={QR_SIZE} height={QR_SIZE} />
        <div className="share-side">
          <p>{ct(lang, 'shareNote')}</p>
          <label className="share-link">
            <span>{ct(lang, 'link')}</span>
            <input readOnly value={url} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            className="btn primary"
            data-testid="share-copy"
            onClick={() => copyText(url).then((ok) => ok && announce(ct(lang, 'copied')))}
          >
            {ct(lang, 'copyLink')}
          </button>
          {local && <p className="notice warn small">{ct(lang, 'shareLocal')}</p>}
          {failed && <p className="notice error small">QR: {failed}</p>}
        </div>
      </div>
    </Dialog>
  );
}
