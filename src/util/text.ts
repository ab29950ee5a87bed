/** Text from outside (a pasted value, a flag, a message field) made safe to print on one line. */
/** Longest line printed: a 10 kB value is cut, not echoed whole. */
const MAX_LINE = 300;

/**
 * An error message as one printable line: control characters (newlines in a pasted value)
 * escaped, long messages cut with an ellipsis.
 */
export function oneLine(message: string, max = MAX_LINE): string {
  // eslint-disable-next-line no-control-regex
  const flat = message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A value from outside, quoted for a notice: one line, at most `max` characters. */
export function quote(value: string, max = 40): string {
  return `"${oneLine(value, max)}"`;
}
