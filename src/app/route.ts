/**
 * Hash routes: `#/` (home) and `#/lessons/<id>?key=value&…`. Hash routing keeps the built site
 * working from any static host and sub-path (no server rewrites needed).
 */
import { quote } from '../util/text';

/** `query`: the last value of each key; `notices`: what reading the address dropped (a repeated key's earlier values). */
type Query = { query: Record<string, string>; notices: string[] };
export type Route = ({ page: 'home' } | { page: 'lesson'; id: string } | { page: 'unknown'; path: string }) & Query;

/** Never throws: a malformed escape (`%E0%A4%A`) is kept as written. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q >= 0 ? raw.slice(0, q) : raw) || '/';
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  const notices: string[] = [];
  if (q >= 0) {
    const repeated = new Set<string>();
    for (const [k, v] of new URLSearchParams(raw.slice(q + 1))) {
      if (k in query) repeated.add(k);
      query[k] = v;
    }
    for (const k of repeated) notices.push(`${quote(k)} appears more than once; using the last value, ${quote(query[k])}.`);
  }
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home', query, notices };
  if (parts[0] === 'lessons' && parts.length === 2) return { page: 'lesson', id: safeDecode(parts[1]), query, notices };
  return { page: 'unknown', path, query, notices };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
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
