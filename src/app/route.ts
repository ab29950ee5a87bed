/**
 * Hash routes: `#/` (home) and `#/lessons/<id>?key=value&…`. Hash routing keeps the built site
 * working from any static host and sub-path (no server rewrites needed).
 */
export type Route = { page: 'home'; query: Record<string, string> } | { page: 'lesson'; id: string; query: Record<string, string> } | { page: 'unknown'; path: string; query: Record<string, string> };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q >= 0 ? raw.slice(0, q) : raw) || '/';
  const query: Record<string, string> = {};
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(raw.slice(q + 1))) query[k] = v;
  }
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home', query };
  if (parts[0] === 'lessons' && parts.length === 2) return { page: 'lesson', id: decodeURIComponent(parts[1]), query };
  return { page: 'unknown', path, query };
}

/** `#/lessons/<id>?…` with the query in the given key order (commas kept readable). */
export function lessonHash(id: string, query: [string, string][]): string {
  return `#/lessons/${encodeURIComponent(id)}${queryString(query)}`;
}

export function homeHash(query: [string, string][] = []): string {
  return `#/${queryString(query)}`;
}

function queryString(query: [string, string][]): string {
  if (!query.length) return '';
  return '?' + query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&');
}
