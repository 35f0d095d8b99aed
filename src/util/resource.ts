import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The package root (the folder holding ccenv's package.json), found by walking up from this module: the same
 * answer from src/ (tests) and from the bundled dist/ chunks.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (root = dir);
}

/** Absolute path of a file shipped in the package (templates/, schema/, …). */
export function resource(rel: string): string {
  return join(packageRoot(), rel);
}

/** The text of a shipped file. */
export function readResource(rel: string): string {
  return readFileSync(resource(rel), 'utf8');
}

/** A shipped JSON file, parsed. */
export function readJsonResource<T = Record<string, unknown>>(rel: string): T {
  return JSON.parse(readResource(rel)) as T;
}
