// The committed precompiled validators (src/generated/) are what the shipped schemas compile to, so the unit
// tests, which run without a build, check the same rules the bundle does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build script without types
import { SCHEMAS, validatorSource } from '../../scripts/validators.mjs';
import { ROOT } from '../helpers/paths.js';

describe('src/generated', () => {
  it.each(SCHEMAS as string[])('%s-validator.js is current with schema/%s.schema.json (run npm run build)', (name) => {
    expect(readFileSync(join(ROOT, `src/generated/${name}-validator.js`), 'utf8')).toBe(validatorSource(ROOT, name));
  });
});
