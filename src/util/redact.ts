/** What replaces a secret in output. */
export const REDACTED = '[redacted]';

/**
 * Key names whose values are secrets (`api_key`, `LITELLM_MASTER_KEY`, `x-api-key`, `password`, …): bounded, and
 * tried only where a name starts (the lookbehind), so a long run of name characters costs one attempt, not one per
 * position (bench/adversarial.bench.test.ts).
 */
const SECRET_NAME = /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{0,64}(?:key|token|secret|password|passwd|pwd)[A-Za-z0-9_-]{0,64})(["']?[ \t]{0,8}[=:][ \t]{0,8})(["']?)([^\s"'#,;}]{4,})/gi;

/** Values under a secret-looking name that are references, not secrets: os.environ/NAME, ${NAME}, a NAME. */
const REFERENCE = /^(?:os\.environ\/|\$\{|\$[A-Z_]|[A-Z][A-Z0-9_]{2,}$|\[redacted\]$|(?:true|false|null|none|True|False|None)$|[\d.]+$)/;

/**
 * Replace secrets in text: the given values (the proxy token, upstream keys: exact matches, at least 4
 * characters), credentials in URLs (`scheme://user:pass@host` → `scheme://[redacted]@host`), anything shaped
 * like a key (`sk-…`, `sk-ant-…`, `AKIA…`, `Bearer …`), and the value after a key-like name (`api_key: …`,
 * `LITELLM_MASTER_KEY=…`, `"x-api-key": "…"`) unless it is a reference (`os.environ/NAME`, `${NAME}`, a
 * variable name), or the name is an exception's (`KeyError: 'choices'`). Every pattern has bounded repetition, so the cost is linear in the text's length.
 * Apply it to each string before it is rendered (JSON, HTML, diffs), so escaping cannot hide a secret.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out
    .replace(/\b([a-z][a-z0-9+.-]{0,20}:\/\/)[^\s/@:]{0,256}:[^\s/@]{1,256}@/gi, `$1${REDACTED}@`)
    .replace(/\bBearer[ \t]+[A-Za-z0-9._~+/=-]{6,}/g, `Bearer ${REDACTED}`)
    .replace(/\bsk-[A-Za-z0-9_-]{6,}/g, `sk-${REDACTED}`)
    .replace(/\bAKIA[0-9A-Z]{16}\b/g, `AKIA${REDACTED}`)
    .replace(SECRET_NAME, (all, name: string, sep: string, quote: string, value: string) =>
      /_env$/i.test(name) || /[a-z](?:Error|Exception)$/.test(name) || REFERENCE.test(value) ? all : `${name}${sep}${quote}${REDACTED}`,
    );
}

/** {@link redact} applied to every string inside a JSON-like value (objects, arrays), keys left as they are. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  return value;
}
