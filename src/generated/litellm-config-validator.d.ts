// Types of the standalone validator scripts/build.mjs generates from schema/litellm-config.schema.json.
import type { ErrorObject } from 'ajv';

declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
