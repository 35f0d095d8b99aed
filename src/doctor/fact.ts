/**
 * A gathered fact: what a gatherer found (`ok`), that there is nothing to find (`absent`: no such file, no
 * proxy configured, skipped offline — with why), or that it could not look (`invalid`: it crashed, timed out,
 * or what it read is broken — with the error). Every check handles all three; only `ok` can lead to an OK verdict.
 */
export type Fact<T> = { readonly state: 'ok'; readonly value: T } | { readonly state: 'absent'; readonly why: string } | { readonly state: 'invalid'; readonly error: string };

export const ok = <T>(value: T): Fact<T> => ({ state: 'ok', value });
export const absent = <T = never>(why: string): Fact<T> => ({ state: 'absent', why });
export const invalid = <T = never>(error: string): Fact<T> => ({ state: 'invalid', error });

/** The value of an ok fact, else undefined. */
export function valueOf<T>(f: Fact<T>): T | undefined {
  return f.state === 'ok' ? f.value : undefined;
}

/** Why a fact is not ok, in words (for skip and warn messages). */
export function whyNot(f: Fact<unknown>): string {
  return f.state === 'absent' ? f.why : f.state === 'invalid' ? `could not look: ${f.error}` : 'ok';
}

/**
 * Run `fn` as a gatherer: its result, or `invalid` when it throws or does not settle within `timeoutMs`.
 * Never rejects (no unhandled rejection can leave a run without a report).
 */
export async function guard<T>(timeoutMs: number, fn: () => Fact<T> | Promise<Fact<T>>): Promise<Fact<T>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<Fact<T>>((resolve) => {
      timer = setTimeout(() => resolve(invalid(`did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([Promise.resolve().then(fn), timeout]);
  } catch (e) {
    return invalid(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}
