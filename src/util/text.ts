/**
 * Text from outside (profile values, paths, proxy answers, pasted logs) made safe to print on one line: control
 * characters (C0, DEL, C1 — newlines and terminal escapes among them) become visible escapes (`\n`, `\t`, `\r`,
 * `\xHH`), so one problem stays one line and no input can move the cursor, clear the screen or forge a `ccenv:`
 * line. With `max` (characters), longer text is cut and ends in `…`.
 */
export function printable(s: string, max?: number): string {
  const cut = max !== undefined && s.length > max ? `${s.slice(0, max)}…` : s;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
