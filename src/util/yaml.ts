import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** The message of a parse failure; V8's stack overflow on deeply nested input becomes "nesting too deep". */
function tooDeep(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'nesting too deep (more levels of lists or maps than ccenv reads)';
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/** A 1-based position in a file. */
export interface Pos {
  line: number;
  col: number;
}

/** A parsed YAML file that can say where each value (or key) stands. */
export interface LocatedYaml {
  data: unknown;
  /** YAML syntax errors (and duplicate keys when uniqueKeys), each with its position and first line of message. */
  errors: Array<Pos & { message: string; code: string }>;
  /** Position of the value at `path` (of its key when `onKey`), or of its nearest existing ancestor. */
  at: (path: readonly (string | number)[], onKey?: boolean) => Pos;
}

/**
 * Parse YAML keeping positions. `version: '1.1'` reads as PyYAML does (LiteLLM's loader: `20_000` is a number,
 * yes/no are booleans); `uniqueKeys: false` accepts duplicate keys as PyYAML does (the last one wins).
 */
export function parseLocated(text: string, o: { version?: '1.1' | '1.2'; uniqueKeys?: boolean } = {}): LocatedYaml {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: o.uniqueKeys ?? true, version: o.version ?? '1.2' });
  } catch (e) {
    return { data: undefined, errors: [{ line: 1, col: 1, code: 'YAML', message: tooDeep(e) }], at: () => ({ line: 1, col: 1 }) };
  }
  const pos = (offset: number): Pos => lineCounter.linePos(offset);
  const errors: LocatedYaml['errors'] = doc.errors.map((e) => ({ ...pos(e.pos[0]), code: String(e.code), message: /call stack/i.test(e.message) ? tooDeep(new RangeError(e.message)) : e.message.split('\n')[0]! }));
  let data: unknown;
  try {
    data = errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  } catch (e) {
    errors.push({ line: 1, col: 1, code: 'YAML', message: tooDeep(e) });
  }
  return {
    data,
    errors,
    at: (path, onKey = false) => {
      const offset = nodeOffset(doc, path, onKey);
      return offset === undefined ? { line: 1, col: 1 } : pos(offset);
    },
  };
}

/** Offset of the node at `path` (its key when `onKey`), or of the nearest ancestor that exists. */
function nodeOffset(doc: Document, path: readonly (string | number)[], onKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isMap(node)) {
      const pairs = node.items.filter((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      const pair = pairs.at(-1); // with duplicate keys the last one wins, as in PyYAML
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (i === path.length - 1 && onKey) return keyNode.range?.[0] ?? offset;
      node = pair.value;
      offset = (node as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      offset = (node as Node | null)?.range?.[0] ?? offset;
    } else return offset;
  }
  return offset;
}

/** Every string value in `value` with its path (for secret scanning and similar walks). */
export function walkStrings(value: unknown, visit: (path: (string | number)[], s: string) => void, path: (string | number)[] = []): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, visit, [...path, i]));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkStrings(v, visit, [...path, k]);
}
