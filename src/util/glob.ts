/**
 * Whether `text` matches a glob `pattern` in which `*` stands for any run of characters (LiteLLM's wildcard
 * model_names, e.g. `openai/*`); every other character is literal. Matched with the two-pointer algorithm —
 * no regular expression, no exponential backtracking: at most O(pattern × text) steps, however many stars.
 */
export function matchGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
