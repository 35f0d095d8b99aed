import { readJsonResource } from './util/resource.js';

/** ccenv's own version, from package.json. */
export const VERSION: string = readJsonResource<{ version: string }>('package.json').version;
