
/** One server-sent event: its `event:` name and parsed `data:` JSON (undefined when not JSON). */
export interface SseEvent {
  event?: string;
  data: unknown;
  raw: string;
}

/** What a probe got. Never throws: transport failures are in `error`. */
export interface ProbeResult {
  /** HTTP status, when headers arrived. */
  status?: number;
  headers: Record<string, string>;
  /** Body text (at most `maxBytes`). */
  text: string;
  /** Parsed JSON body (non-SSE), when it is JSON. */
  json?: unknown;
  /** Parsed SSE events (when the answer was text/event-stream). */
  events?: SseEvent[];
  /** The body was cut at `maxBytes`. */
  truncated: boolean;
  /** Transport failure in words: timeout, refused, reset… */
  error?: string;
  /** True when the deadline passed before the answer completed. */
  timedOut: boolean;
  /** Milliseconds from start to the end of reading. */
  ms: number;
}

/** Options of {@link probe}. */
export interface ProbeOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  /** Deadline for the whole exchange, headers and body (ms). */
  timeoutMs: number;
  /** Stop reading past this many bytes (default 1 MiB). */
  maxBytes?: number;
  /** The deadline to name in a timeout message when `timeoutMs` is what is left of a larger one (ms). */
  budgetMs?: number;
}

/** Parse complete SSE frames (separated by a blank line). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const frame of text.replace(/\r\n/g, '\n').split('\n\n')) {
    if (!frame.trim()) continue;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length === 0 && event === undefined) continue;
    const raw = data.join('\n');
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    events.push({ event, data: parsed, raw });
  }
  return events;
}

function describeError(e: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no complete answer within ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 ? 1 : 0)} s`;
  const err = e as { code?: string; cause?: { code?: string }; message?: string };
  const code = err.code ?? err.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens there)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset by the server';
    case 'ENOTFOUND':
      return 'host not found';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'the server stopped answering';
    default:
      return err.message ?? String(e);
  }
}

/**
 * Make one bounded HTTP request: ends by `timeoutMs` whatever the server does (no answer, a byte a second,
 * an endless stream, a huge body, a reset). SSE answers are parsed and reading stops at `message_stop`.
 */
export async function probe(url: string, o: ProbeOptions): Promise<ProbeResult> {
  const start = performance.now();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  const maxBytes = o.maxBytes ?? 1 << 20;
  const result: ProbeResult = { headers: {}, text: '', truncated: false, timedOut: false, ms: 0 };
  try {
    // Loaded only when a probe runs (doctor --offline never pays for it); a CommonJS module, so its exports may
    // sit under `default` once bundled.
    const undici = (await import('undici')) as typeof import('undici') & { default?: typeof import('undici') };
    const request = undici.request ?? undici.default!.request;
    const res = await request(url, {
      method: o.method ?? 'GET',
      headers: { ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: controller.signal,
      headersTimeout: o.timeoutMs,
      bodyTimeout: o.timeoutMs,
    });
    result.status = res.statusCode;
    for (const [k, v] of Object.entries(res.headers)) result.headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
    const sse = (result.headers['content-type'] ?? '').includes('text/event-stream');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      chunks.push(buf);
      size += buf.length;
      if (size >= maxBytes) {
        result.truncated = true;
        break;
      }
      if (sse && buf.includes('message_stop')) {
        const soFar = Buffer.concat(chunks).toString('utf8');
        if (/event:\s*message_stop|"type":\s*"message_stop"/.test(soFar)) break;
      }
    }
    res.body.destroy();
    result.text = Buffer.concat(chunks).toString('utf8').slice(0, maxBytes);
    if (sse) result.events = parseSse(result.text);
    else {
      try {
        result.json = JSON.parse(result.text);
      } catch {
        result.json = undefined;
      }
    }
  } catch (e) {
    result.error = describeError(e, timedOut, o.budgetMs ?? o.timeoutMs);
  } finally {
    clearTimeout(timer);
    result.timedOut = timedOut;
    result.ms = Math.round(performance.now() - start);
  }
  return result;
}

/**
 * The error message inside a proxy answer: LiteLLM's OpenAI envelope `{error: {message}}`, Anthropic's
 * `{type: "error", error: {message}}` (LiteLLM on /v1/messages since BerriAI/litellm#39037), FastAPI's
 * `{detail}`, or an SSE `data: {"error": …}` frame. Undefined when there is none.
 */
export function errorMessage(r: ProbeResult): string | undefined {
  const from = (v: unknown): string | undefined => {
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    const err = o.error;
    if (typeof err === 'string') return err;
    if (err && typeof err === 'object') {
      const m = (err as Record<string, unknown>).message;
      return typeof m === 'string' ? m : JSON.stringify(err);
    }
    if (typeof o.detail === 'string') return o.detail;
    if (o.detail) return JSON.stringify(o.detail);
    return undefined;
  };
  return from(r.json) ?? r.events?.map((e) => from(e.data)).find((m) => m !== undefined);
}
