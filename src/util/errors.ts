import { distance } from 'fastest-levenshtein';

/**
 * A problem the user can fix: bad input, a usage mistake, a refused write. The CLI prints each line on stderr
 * (no stack trace) and exits with `exitCode` (2 for bad input and usage, per the project's conventions).
 */
export class UserError extends Error {
  /** One line per problem, e.g. `profiles.yaml:7:5: profiles.kimi.model: must be a string`. */
  readonly lines: readonly string[];
  readonly exitCode: number;

  constructor(lines: string | readonly string[], exitCode = 2) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'UserError';
    this.lines = all;
    this.exitCode = exitCode;
  }
}

/**
 * The closest candidate to `input` by edit distance, or undefined if none is near enough
 * (distance ≤ max(2, a third of the input's length)).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** `" (did you mean 'x'?)"` or the empty string. */
export function suggestion(input: string, candidates: Iterable<string>): string {
  const near = didYouMean(input, candidates);
  return near === undefined ? '' : ` (did you mean '${near}'?)`;
}
