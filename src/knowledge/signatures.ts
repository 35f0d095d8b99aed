import { ROUTER_SUFFIXES } from './litellm.js';

/**
 * Error signatures: text users see (in Claude Code, in a proxy's answer, in LiteLLM's log) → the diagnosis,
 * its cause and the fix ccenv can generate. Ordered most specific first; the first match wins.
 * Each names its source: the issue threads where users pasted the text, or what ccenv's tests observed.
 */

/** A known failure: how to recognise it and what to do. */
export interface Signature {
  /** Stable diagnosis code (doctor's `diagnosis`, `--explain`, `--json`). */
  readonly code: string;
  /** Any of these matching the text is a hit. */
  readonly patterns: readonly RegExp[];
  readonly cause: string;
  readonly fix: string;
  readonly severity: 'fail' | 'warn';
  readonly source: string;
}

export const SIGNATURES: readonly Signature[] = [
  {
    code: 'openai-import-error',
    patterns: [/path_template/, /solve_response_format_t/, /cannot import name '?\w+'? from '?openai/i],
    cause: 'the installed openai SDK does not match what litellm imports (a 500 from the proxy with an ImportError)',
    fix: 'pin openai next to litellm in the proxy venv: ccenv gen requirements > constraints.txt; pip install "litellm[proxy]" -c constraints.txt; restart the proxy',
    severity: 'fail',
    source: 'BerriAI/litellm#13711; SWE-agent/mini-swe-agent#446',
  },
  {
    code: 'responses-routing',
    patterns: [/\/v1\/responses\b/, /\/responses\b[^\n]{0,80}\b404\b/, /\b404\b[^\n]{0,80}\/responses\b/, /does not support Responses API/i, /OpenAIException - [^\n]{0,60}\bNot Found\b/],
    cause: 'the upstream answered 404 Not Found: LiteLLM ≥ 1.82.0 sends /v1/messages for openai/ models to the upstream /v1/responses, which OpenAI-compatible hosts do not serve (or the api_base path is wrong)',
    fix: 'set LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES=1 in the proxy environment (ccenv gen env) or litellm_settings.use_chat_completions_url_for_anthropic_messages: true (ccenv gen litellm-config), and restart the proxy',
    severity: 'fail',
    source: 'BerriAI/litellm#13352; BerriAI/litellm#20103; https://docs.litellm.ai/release_notes/v1.82.0; observed with LiteLLM 1.106.0 (OpenAIException - {"error":{"message":"Not Found"}})',
  },
  {
    code: 'max-tokens-rejected',
    patterns: [/must have stream\s*=?\s*true/i, /Range of max_tokens/i, /max_completion_tokens/, /max_tokens[^\n]{0,60}(too large|exceed|at most|maximum|must be (less|<=))/i, /max_tokens: \d+ > \d+/],
    cause: "the upstream rejects Claude Code's max_tokens (32000–128000), or needs stream=true for large requests",
    fix: 'in the profile set max_output_tokens: <the upstream limit> (→ CLAUDE_CODE_MAX_OUTPUT_TOKENS), or max_tokens_cap / force_stream (proxy hook: ccenv gen litellm --dir DIR)',
    severity: 'fail',
    source: 'anthropics/claude-code#24451; BerriAI/litellm#5656; anthropics/claude-code#11302',
  },
  {
    code: 'thinking-rejected',
    patterns: [/Input tag 'adaptive'/, /(thinking|reasoning_effort|reasoning)[^\n]{0,80}(unrecognized|unsupported|not supported|not permitted|invalid|unknown)/i, /(unrecognized|unsupported|unknown|invalid)[^\n]{0,40}(thinking|reasoning_effort)/i],
    cause: "the upstream rejects Claude Code's thinking parameter (adaptive thinking, or the reasoning_effort LiteLLM derives from it)",
    fix: 'in the profile set thinking: drop (proxy hook), or env: { CLAUDE_CODE_DISABLE_THINKING: "1" }',
    severity: 'fail',
    source: 'farion1231/cc-switch#991; Wei-Shaw/claude-relay-service#934',
  },
  {
    code: 'param-rejected',
    patterns: [/(unrecognized|unknown|unsupported|extra inputs are not permitted|not permitted)[^\n]{0,100}(context_management|output_config|top_k|top_p|cache_control|defer_loading)/i, /(context_management|output_config|top_k|defer_loading)[^\n]{0,80}(unrecognized|unknown|unsupported|not permitted|not allowed)/i],
    cause: 'the upstream rejects an Anthropic-only request field that Claude Code sends',
    fix: 'in the profile list it under drop_params (e.g. drop_params: [context_management, output_config, top_k]) and regenerate the hook',
    severity: 'fail',
    source: 'anthropics/claude-code#4415; anthropics/claude-code#51700; observed with @anthropic-ai/claude-code 2.1.330 (body keys context_management, output_config)',
  },
  {
    code: 'invalid-beta',
    patterns: [/invalid beta flag/i],
    cause: "Claude Code's anthropic-beta header reached a backend that rejects it",
    fix: 'in the profile set env: { CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS: "1" }, and do not forward client headers upstream',
    severity: 'fail',
    source: 'BerriAI/litellm#20021; anthropics/claude-code#21676',
  },
  {
    code: 'wrong-key',
    patterns: [/no_db_connection/, /No connected db/],
    cause: 'the proxy does not accept this key: LiteLLM with a master key and no database answers any other key with 400 no_db_connection',
    fix: 'export the proxy master key (general_settings.master_key) in the variable named by proxy.auth_token_env',
    severity: 'fail',
    source: 'BerriAI/litellm#4880; observed with LiteLLM 1.106.0 (a master key, no DB, another key: 400 no_db_connection)',
  },
  {
    code: 'auth-rejected',
    patterns: [/Authentication Error/i, /No api key passed/i, /Invalid API key/i, /authentication_error/],
    cause: 'the proxy rejected the key Claude Code sent',
    fix: 'export the proxy master key or a virtual key in the variable named by proxy.auth_token_env',
    severity: 'fail',
    source: 'BerriAI/litellm#4880; Alishahryar1/free-claude-code#350',
  },
  {
    code: 'unknown-model',
    patterns: [/Invalid model name passed in model=/, /There is no 'model_name' with this string/, /There's an issue with the selected model/],
    cause: 'the model id Claude Code sent is not a model_name (or alias) on the proxy',
    fix: 'add it to the proxy (ccenv gen litellm-config, then restart) or point the profile slot (model, small_model, subagent_model) at a served model',
    severity: 'fail',
    source: 'BerriAI/litellm#12061; BerriAI/litellm#8326',
  },
  {
    code: 'upstream-credentials',
    patterns: [/Missing credentials/i, /api_key client option must be set/i, /OPENAI_API_KEY environment variable/i],
    cause: "the proxy has no key for the upstream: the variable named by upstream.api_key_env is not set in the proxy's environment",
    fix: 'export the upstream key variable in the proxy environment (see `ccenv gen env` for the names) and restart the proxy',
    severity: 'fail',
    source: 'observed with LiteLLM 1.106.0 (an unset os.environ/ key in the config); BerriAI/litellm#15349',
  },
  {
    code: 'stream-order',
    patterns: [/Content block not found/i, /Streaming fallback triggered/i, /request ended without sending any chunks/i],
    cause: 'the Anthropic event stream from the proxy is malformed (events out of order, or ended early)',
    fix: 'upgrade LiteLLM (fixed for tool calls in ≥ 1.75.7) and keep the chat-completions routing flag set',
    severity: 'fail',
    source: 'BerriAI/litellm#13373, #11358',
  },
  {
    code: 'usage-missing',
    patterns: [/evaluating '[_$]\.input_tokens'/, /reading 'input_tokens'/, /setting 'output_tokens'/, /cannot add None/],
    cause: 'the stream carries no usage, so Claude Code cannot count tokens (older versions crash)',
    fix: 'load the ccenv hook (fix_usage repairs usage in the stream): ccenv gen litellm --dir DIR',
    severity: 'fail',
    source: 'Alishahryar1/free-claude-code#123; anthropics/claude-code#40260; BerriAI/litellm#24176',
  },
  {
    code: 'tool-input-empty',
    patterns: [/Invalid tool parameters/i],
    cause: 'tool calls reach Claude Code with empty input (an adapter regression, or the Responses bridge)',
    fix: 'set the chat-completions routing flag and use a LiteLLM outside 1.82.x–1.83.7',
    severity: 'fail',
    source: 'BerriAI/litellm#25321, #27468',
  },
  {
    code: 'upstream-error',
    patterns: [/Received Model Group=/, /model group '[^']*' failed with the error above/, /InternalServerError/, /ServiceUnavailable/i, /\b50[0-4]\b/],
    cause: 'the upstream failed the call and LiteLLM passed its error on',
    fix: "read the upstream's message above; check the upstream's status, its api_base, and the proxy log",
    severity: 'fail',
    source: "anthropics/claude-code#7046; https://github.com/BerriAI/litellm/blob/main/litellm/router.py (appends 'Received Model Group=' to a routed failure); observed with LiteLLM 1.106.0 ('LiteLLM: model group … failed with the error above')",
  },
];

/**
 * The part of a LiteLLM message before its router suffix (knowledge/litellm.ts ROUTER_SUFFIXES):
 * `X. Received Model Group=…` or `X\n\nLiteLLM: model group 'g' failed with the error above…` → `X`.
 * Found with indexOf and a backward trim — linear in the text's length, whatever it holds (a regular expression
 * with `\s*` before the marker is quadratic on long whitespace runs).
 */
export function upstreamMessage(text: string): string {
  let at = text.indexOf(ROUTER_SUFFIXES.received);
  for (let from = 0; at < 0; ) {
    const m = text.indexOf(ROUTER_SUFFIXES.failed, from);
    if (m < 0) break;
    const close = text.indexOf("'", m + ROUTER_SUFFIXES.failed.length + 1);
    if (text[m + ROUTER_SUFFIXES.failed.length] === "'" && close > 0 && text.startsWith(ROUTER_SUFFIXES.failedEnd, close + 1)) at = m;
    else from = m + 1;
  }
  if (at <= 0) return text;
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  if (text.startsWith(ROUTER_SUFFIXES.received, at) && text[end - 1] === '.') end--;
  return end > 0 ? text.slice(0, end) : text;
}

/** Bytes of a text the signatures look at: its first and last 64 kB (an error is at one end of a body or log). */
export const MATCH_WINDOW = 64 * 1024;

/** `text` cut to its first and last {@link MATCH_WINDOW} characters, so matching costs the same on a 1 MB body. */
export function capped(text: string): string {
  return text.length <= 2 * MATCH_WINDOW ? text : `${text.slice(0, MATCH_WINDOW)}\n…\n${text.slice(-MATCH_WINDOW)}`;
}

/**
 * The first signature `text` matches, trying the upstream's own message (before LiteLLM's
 * `Received Model Group=` suffix) first, so the real cause wins over the generic wrapper.
 */
export function matchSignature(text: string): Signature | undefined {
  const inner = upstreamMessage(capped(text));
  const find = (t: string) => SIGNATURES.find((s) => s.patterns.some((p) => p.test(t)));
  const all = capped(text);
  return (inner !== all ? find(inner) : undefined) ?? find(all);
}

/** The signature with this code. @throws Error when there is none (a programming error). */
export function signature(code: string): Signature {
  const sig = SIGNATURES.find((s) => s.code === code);
  if (!sig) throw new Error(`no error signature '${code}'`);
  return sig;
}
