import { readJsonResource } from './util/resource.js';

/** ccenv's own version, from package.json. */
export const VERSION: string = readJsonResource<{ version: string }>('package.json').version;

declare const __CCENV_BUILD__: string | undefined;

/**
 * An id of the build (a hash of the sources, set by scripts/build.mjs), so caches written by another build of the
 * same version are not trusted; 'dev' when running from src/ (tests).
 */
export const BUILD_ID: string = typeof __CCENV_BUILD__ === 'string' ? __CCENV_BUILD__ : 'dev';
