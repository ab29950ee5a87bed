import { BACKEND_LABEL } from '../../model/backends';
import type { Lang } from '../config';
import { t } from '../i18n';
import { useRun } from '../store';

/** Which backend trains, and why that one (the fallbacks tried before it). */
export function BackendBadge({ lang }: { lang: Lang }) {
  const backend = useRun((s) => s.backend);
  return (
    <div className={`backend-badge ${backend ? backend.name : 'pending'} ${backend?.fallback ? 'fallback' : ''}`} title={t(lang, 'backendTitle')}>
      <span className="backend-name" data-testid="backend">
        {backend ? backend.name : '…'}
      </span>
      <span className="backend-reason" data-testid="backend-reason">
        {backend ? backend.reason : BACKEND_LABEL.webgpu + ' → WebGL → WASM → CPU'}
      </span>
    </div>
  );
}
