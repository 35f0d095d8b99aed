// `ccenv explain` as a pure function of the text, and its command: several failures in one text, generic
// wrappers dropped next to a specific cause, evidence lines, JSON, exit codes, input rules.
import { describe, expect, it } from 'vitest';
import { explainCommand, explainInput } from '../../src/commands/explain.js';
import { explainText } from '../../src/explain.js';
import { SIGNATURES, STATUS_CAUSES, TOPICS, unescaped } from '../../src/knowledge/signatures.js';
import { UserError } from '../../src/util/errors.js';

const capture = () => {
  let out = '';
  return { io: { out: (s: string) => (out += s), err: () => {}, env: {} }, out: () => out };
};

describe('the signature table', () => {
  it.each(SIGNATURES.map((s) => [s.code, s]))('%s: keywords lower-case (texts are lowered before the look-up), none twice; supersedes and the fallbacks name known codes', (_c, s) => {
    const codes = new Set(SIGNATURES.map((x) => x.code));
    for (const k of s.keywords) expect(k, k).toBe(k.toLowerCase());
    expect(new Set(s.keywords).size).toBe(s.keywords.length);
    expect(new Set(s.supersedes ?? []).size).toBe((s.supersedes ?? []).length);
    for (const c of [...(s.supersedes ?? []), ...Object.values(STATUS_CAUSES), ...TOPICS.map((t) => t.code)]) expect(codes.has(c), c).toBe(true);
  });
});

describe('explainText', () => {
  it('reports each distinct cause once, in the order its evidence appears, with the line that matched', () => {
    const text = [
      'INFO:     127.0.0.1:5000 - "POST /v1/messages?beta=true HTTP/1.1" 200 OK',
      'API Error: Unable to connect to API (ECONNREFUSED)',
      'API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"invalid beta flag"}}',
      'API Error: Unable to connect to API (ECONNREFUSED)',
    ].join('\n');
    expect(explainText(text).map((d) => [d.code, d.line])).toEqual([['proxy-unreachable', 2], ['invalid-beta', 3]]);
  });

  it("drops LiteLLM's generic router relabel when the upstream's own words name a cause", () => {
    const text = 'litellm.BadRequestError: OpenAIException - Requests with max_tokens > 4096 must have stream=true\nReceived Model Group=kimi\nAvailable Model Group Fallbacks=None';
    expect(explainText(text).map((d) => d.code)).toEqual(['max-tokens-rejected']);
    expect(explainText('Something odd happened. Received Model Group=kimi\nAvailable Model Group Fallbacks=None').map((d) => d.code)).toEqual(['upstream-error']);
  });

  it('matches a banner wrapped over lines, with its bullets', () => {
    const banner = ' ⚠Auth conflict: Both a token (ANTHROPIC_AUTH_TOKEN) and an API key\n  (ANTHROPIC_API_KEY) are set. This may lead to unexpected behavior.\n    • Trying to use ANTHROPIC_AUTH_TOKEN? Unset the ANTHROPIC_API_KEY';
    expect(explainText(banner).map((d) => [d.code, d.line])).toEqual([['auth-conflict', 1]]);
  });

  it('a specific cause replaces the symptom it produces anywhere in the text', () => {
    const text = 'Unable to connect to Anthropic services\n\n\n\n\nFailed to connect to api.anthropic.com: SELF_SIGNED_CERT_IN_CHAIN';
    expect(explainText(text).map((d) => d.code)).toEqual(['tls-error']);
  });

  it.each([
    ['a LiteLLM INFO line', '10:46:02 - LiteLLM Router:INFO: router.py:4346 - Trying to fallback b/w models'],
    ['an access-log 200', 'INFO:     127.0.0.1:61428 - "POST /v1/messages?beta=true HTTP/1.1" 200 OK'],
    ['a successful Claude Code result', '{"type":"result","subtype":"success","is_error":false,"result":"ok","num_turns":1}'],
    ['a stack frame alone', '    at async Promise.all (index 0)'],
    ['a log line that mentions 429 and 529 as numbers', '14:53:09 - LiteLLM Proxy:DEBUG: proxy_server.py:2429 - request 429 routed, node:events:529:35'],
    ['a traceback through ModuleNotFoundError of another module', "ModuleNotFoundError: No module named 'requests'"],
    ['a Go access line of a 200', '[GIN] 2025/01/09 - 10:02:11 | 200 |  1.203s |  127.0.0.1 | POST     "/v1/chat/completions"'],
    ['an error-code table as a list', '  • 401 - authentication_error: There is an issue with your API key.\n  • 429 - rate_limit_error: Your account has hit a rate limit.\n  • 529 - overloaded_error: API is temporarily overloaded.'], // https://documentation.datalab.to/platform/errors
    ["a test plan's item", '### Unit Tests\n- Test error handling for missing API key\n- Test usage calculation'], // xrey167/Repository#56
    ["an API reference's example answer", '{\n"model": "string",\n"stop_reason": "end_turn",\n"usage": {\n"input_tokens": 0,\n"output_tokens": 0\n}\n}'], // https://apifox.newapi.ai/224065300d0
    ['rate-limit headers documented', 'Anthropic returns rate limit information on every API response:\nanthropic-ratelimit-requests-remaining: 3201'], // https://www.delimiter.app/docs/providers/anthropic
    ["an API reference's error names", 'Errors\n\n422\nUnprocessable Entity Error\n502\nBad Gateway Error'], // https://www.comet.com/docs/opik/reference/rest-api/ollama/test-connection
    ["Claude Code's -p result with zero usage", '"stop_reason": "stop_sequence",\n"total_cost_usd": 0,\n"usage": {\n  "input_tokens": 0,\n  "output_tokens": 0\n}'], // anthropics/claude-code-action#1005
    ['a HEAD probe answered 405', 'INFO:     127.0.0.1:61177 - "HEAD / HTTP/1.1" 405 Method Not Allowed'], // Alishahryar1/free-claude-code#100
    // Pages, code and notes about failures from the fifty-second set's harmless texts (test/fixtures/explain-corpus-holdout52.jsonl):
    ['a body a page introduces as its format', 'When an error occurs, the gateway returns a JSON response with error details:\n{\n  "status": "failure",\n  "error": {\n    "type": "invalid_request_error",\n    "code": "invalid_api_key",\n    "message": "Incorrect API key provided"\n  }\n}'], // https://www.mintlify.com/portkey-AI/gateway/api/errors
    ["a fenced body a note gives as the error's structure", 'When the Anthropic API answers with other than an HTTP 200 status code, the response has this structure:\n\n```json\n{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n```'], // rakotomandimby/code-ai-agent (.ai-history)
    ["an example body even with an exception's name in it", 'Failed requests return a single top-level error object:\n{\n"error": {\n"message": "litellm.RateLimitError: RateLimitError: OpenAIException - Rate limit reached for gpt-4o-mini",\n"code": "429"\n}\n}'], // https://docs.litellm.ai/docs/proxy/error_reference
    ['a body below the sentence that says what it means', 'An Anthropic 529 response with "type": "overloaded_error" means Anthropic\'s API is temporarily short of capacity across all customers.\n{\n"type": "error",\n"error": {\n"type": "overloaded_error",\n"message": "Overloaded"\n}\n}'], // https://docs.llmgateway.io/troubleshooting/anthropic-529-overloaded
    ["a help page's Cause: over its explanation", 'Error:\n\nLimit exceeded\n\nCause:\n\nYour account or API key has insufficient credits.\n\nSolution:\n\nAdd more Credits and retry the request.'], // https://kerlig.com/help/open-router/troubleshooting
    ['a test file', 'import { describe, expect, it } from "@jest/globals"\n\ndescribe("mapResponseError", () => {\n  it("should handle model_not_found", () => {\n    const body = {\n      type: "invalid_request_error",\n      code: "model_not_found",\n    }'], // nguyenhuy/cmd (errorParsing.test.ts)
    ["a Rust enum's doc comments and variants", '    /// 503, overloaded, service unavailable, high demand.\n    Overloaded,\n    /// Request timeout, deadline exceeded, ETIMEDOUT, ECONNRESET.\n    Timeout,'], // pedropereira/openfang (llm_errors.rs)
    ["an SDK's exports and a Python check of a message", 'export {\n  AuthenticationError,\n  RateLimitError,\n  TimeoutError,\n} from "./categories.js";\n    except Exception as e:\n        if "rate limit" in str(e).lower():'], // LLM-Dev-Ops/integrations; openlit/openlit (test_anthropic.py)
    ["an exception's reference page", 'AuthenticationError\n\nRaised when authentication fails (status code: 401).\n\n    response = litellm.completion(\n        model="gpt-4",\n        api_key="invalid-key"\n    )'], // https://mintlify.com/BerriAI/litellm/api/exceptions
    ['a paragraph of prose about a diagnostic', 'The `/doctor` command is a diagnostic utility used to troubleshoot and verify the health of your Claude Code installation. When executed, it runs a series of automated checks to ensure that your authentication tokens are valid and your network connection is stable. If the tool detects an issue, such as a missing binary or an expired session, it provides a detailed error report.'], // kamranahmedse/developer-roadmap (claude-code/doctor)
    ['tables of statuses without outer pipes, or run together', '529 | overloaded_error | Anthropic\'s API is overloaded for everyone | Retry with backoff |\n401 | 鉴权失败或Token超时 | 确认API KEY和鉴权token是否正确生成 |\nerror.type | string or null | Gateway-originated errors carry budget_exceeded or key_model_access_denied\n529 - overloaded_error:Anthropic 的 API 暂时过载。\n429 - The engine is currently overloaded, please try again later Cause: 我们的服务器正在经历高流量。'], // docs.llmgateway.io; docs.bigmodel.cn/cn/faq; docs.litellm.ai error_reference; s.apifox.cn; w3cschool.cn/openai_api
    ['lists that name a setting or a test case, a changelog fix, a feature', '    • "context_window": Fallbacks for context window exceeded errors\n- 529 (API overloaded) returns `{ shouldRetry: true }`\n- `error.code === \'rate_limit_exceeded\'` is detected as retryable\n  • Anthropic empty response: Fixed an issue where Anthropic would return an empty response when thinking was enabled.\nAutomatically switches to `longContext` model when input exceeds 100,000 tokens.'], // docs.litellm.ai fallback_management; rubenmavarezb/aidf; valentinfrlch/ha-llmvision v1.7.1-beta.4; vibehat/claude-task-manager
    ["a page's sentences about a status, in English and Chinese", "If you set the wrong one you get a 401 that looks like a bad key.\nAnthropic's own API wants X-Api-Key; a backend that wants a bearer token answers you get a 401 that looks like a bad key.\n遇到 429 错误怎么办\n当请求频率超出限制时,API 将返回 429 状态码。"], // dev.to/keheai_harvey; https://www.kimi.com/zh-cn/help/kimi-api/api-rate-limits
    // From the fifty-third set's harmless texts (test/fixtures/explain-corpus-holdout53.jsonl):
    ["an SDK README on what it raises and retries", 'When the library is unable to connect to the API (for example, due to network connection problems or a timeout), a subclass of `anthropic.APIConnectionError` is raised.\nOn timeout, an `APITimeoutError` is thrown.\nConnection errors (for example, due to a network connectivity problem), 408 Request Timeout, 409 Conflict,\n429 Rate Limit, and >=500 Internal errors are all retried by default.'], // anthropics/anthropic-sdk-python, openai/openai-python READMEs
    ["an SDK's status map, a Rust error attribute, a status code set, a tuple of exceptions", '      return new AuthenticationError(status, error, message, headers);\n    #[error("model {model} is in cooldown for {seconds}s")]\n        self.status_code = 429\n@backoff.on_exception(backoff.expo,\n                      (requests.exceptions.Timeout,\n                       requests.exceptions.ConnectionError))'], // openai/openai-node (src/error.ts); wutongshenqiu/ai-proxy; BerriAI/litellm (exceptions.py); https://pypi.org/project/backoff/2.1.1/
    ["a page's fenced example after its Chinese introduction", 'OpenAI 兼容错误通常包含：\n\n```json theme={null}\n{\n  "error": {\n    "type": "invalid_request_error",\n    "code": "model_not_found"\n  }\n}\n```'], // https://docs.gogogotoken.ai/billing/errors.md
    ["a Q&A heading quoting a message, advice, a list's bold label, a link", '「Rate limit exceeded」\n- 使用量の上限に達した\n- 确保API密钥和BaseURL的正确性,避免因认证失败导致服务中断。\n1. **Automatic Retry** - Retries on rate limit errors (429, rate_limit_error)\n**Description:** Agent with 1s timeout. Correctly demonstrates timeout behavior with Anthropic API overloaded error.\ncan cause the request to fail or [timeout](#timeouts) without receiving a response from Anthropic.'], // takawasi-social.com; askai.glarity.app; astridclaw/astrid-web; melbazpeach-source/agno; anthropics/anthropic-sdk-typescript
    ["a reference's entries for statuses", '429 Too Many Requests\n\n指定された時間内に多くのリクエストを送信したこと、または許可されたリクエスト数を超えたことを示すエラーコード ("rate limiting") です。\n\n- `503 Service Unavailable`: サーバーが異常（将来の実装）\n- **Refresh intervals**: by default, `apiKeyHelper` is called after 5 minutes or on HTTP 401 response.\n  • 速率限制:429 Too Many Requests 响应'], // https://developers.rinna.co.jp/faq-statuscode; omarluq/cc-relay; https://claude-code-log.com/docs/20260625-070947; https://opendeep.wiki/openai/openai-python/5-error-handling.retry-mechanism
    ['a paragraph of Chinese prose about retries', 'OpenAI Python SDK 提供了自动重试机制,用于处理网络不稳定、服务器过载等临时性故障。当请求遇到特定错误时,SDK 会自动进行指数退避重试,以提高请求的成功率和用户体验。'], // https://opendeep.wiki/openai/openai-python/5-error-handling.retry-mechanism
    // From the fifty-fourth set's harmless texts (test/fixtures/explain-corpus-holdout54.jsonl):
    ['a test file that opens with its imports', "import pytest\nimport respx\n\nasync def test_retries():\n    route = respx.post(url).mock(side_effect=[Response(429, json={\"error\":\"rate limit\"}), Response(200, json={\"ok\": True})])\n    assert 'Requests rate limit exceeded' == str(error.value)"], // fuaadabdullah/goblin-assistant-backend-canonical; gradam/lol_api (tests)
    ["a mock server's answer", "/**\n * Mock Server for 429 Error Testing\n */\napp.post('/v1/chat/completions', (req, res) => {\n  // Always return 429 Rate Limit\n  res.status(429).json({\n    error: {\n      message: 'Rate limit exceeded',\n      type: 'rate_limit_error',\n    }\n  });\n});"], // Jasonzhangf/route-claudecode (mock-429-server.js)
    ['a crate documented as error types, a condition, a comment naming a status', '//! Error types for rate limiting.\npub enum RateLimitError {\n    if response.status().as_u16() == 429 {\n    // Expect a 429 Too Many Requests response\n * - Response with status code 529'], // Haut/route-ratelimit; giosakti/agnx; freeCodeCamp/freeCodeCamp; zirkelc/ai-retry
    ['statuses a client retries, a status map without its last comma, prose that says an API does not rate limit', "* How to configure `retryableResponseStatuses` (default: 408, 425, 429, 500, 503, 504)\n  504: 'Gateway Timeout'\nEven if an API does not explicitly rate limit, robust HTTP clients should still be able to handle transient server errors."], // making/retryable-client-http-request-interceptor; minimo-io/bibliopath; GabeHardgrave/Rate-Limiting-Client
    // From the fifty-fifth set's harmless texts (test/fixtures/explain-corpus-holdout55.jsonl):
    ["a router's retry policy for an error class, rate limiting as a feature's name in a Japanese table", 'retry_policy:\nAuthenticationErrorRetries: 3\nTimeoutErrorRetries: 3\nProvider障害自動Fallbackサポート\nRate Limit管理内蔵Rate Limiting'], // https://ccwq.github.io/cheatsheet-generate/cheatsheets/LiteLLM/LiteLLM.html; https://www.youngju.dev/blog/architecture/litellm_complete_guide.ja
    // From the fifty-seventh set's harmless texts (test/fixtures/explain-corpus-holdout57.jsonl):
    ["an SDK's exception hierarchy, a type's variants, OCaml's list of error types", 'AnthropicError\n├── APIError\n│ ├── AuthenticationError (401)\n│ ├── RateLimitError (429)\n│ └── OverloadedError (529)\n├── APIConnectionError\n│ └── APIConnectionTimeoutError\n\npub type ApiError {\n  AuthenticationError(message: String)\n  RateLimitError(\n  NotFoundError(message: String)\n  TimeoutError\n}\n\n  5. | Rate_limit_error\n  6. | Api_error\n  7. | Overloaded_error\n\nRate_limit_error and Overloaded_error are retryable.'], // tessl.io pypi-anthropic errors.md; hexdocs.pm/claude_gleam; ocaml.org ocaml-ai-sdk
    ["references' catalogues of statuses: headings run together, descriptions in Japanese, rows with only their closing pipe, an example's heading", '401AUTHENTICATION_ERROR\n\nInvalid API key provided. Please check your API key and try again\n\n402BILLING_ERROR\n\nThis API key has insufficient credits and has reached its usage limit\n\n429RATE_LIMIT_EXCEEDED\n\nRate limit exceeded. Please try again later\n\n200 OK リクエストは正常に処理されました。\n403 Forbidden\n429 Too Many Requests リクエストが多すぎるため、速度制限が掛かりました。\n504 Gateway Timeout タイムアウト発生前に、サーバー側でリクエストが処理出来ませんでした。\n\nInvalidParameter | 400 | 参数错误,请检查请求参数是否正确 |\n429 Too Many Requests | The limit on the number of requests has been exceeded |\n例\nHTTP/1.0 403 Forbidden\nContent-Type: application/json'], // https://cn.briskapi.com/HTTPStatusCodeDescription; support.cxense.com; docs.flashduty.com; seranking.com/jp
    ["bullets below a page's introduction, a pull request's changes, a page's quick fixes", 'Fallbacks execute in order when:\n  • Context window is exceeded\n  • Content policy violations occur\n\nThree things decide whether a local Claude Code session works:\n\n  • Context length decides whether the session survives past the first few edits.\n\n## What changed\n\n- strips inherited provider credentials and provides a clear manual fallback when updating fails\n\nQuick fixes\n- Confirm the exact error signature matches\nAPI Error: 529 — overloaded_error. - Check the Claude Code account and retry with backoff.'], // mintlify.com/BerriAI/litellm/features/fallbacks; renezander.com; milind-soni/OpenMausBot#681; dev-error-db.com
    // From the fifty-eighth set's harmless texts (test/fixtures/explain-corpus-holdout58.jsonl):
    ["a stream's tool_use block whose input follows as deltas, a test's message_start chunk, a status a doc says requests receive", 'data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_123","name":"get_weather","input":{}}}\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\":"}}\n\n        StreamChunk(\n            :message_start,\n            """{"message":{"content":[],"model":"claude-2","stop_reason":null,"stop_sequence":null}}""",\n\nRequests without a valid token receive a `401 Unauthorized` response.'], // Percolation-Labs/percolate streaming_example.md; svilupp/StreamCallbacks.jl test/stream_anthropic.jl; LocalRouter docs 15-api-openai-gateway.md
    // From the fifty-ninth set's harmless texts (test/fixtures/explain-corpus-holdout59.jsonl):
    ["pages' titles and sentences about statuses in Japanese, Korean and Chinese", '429 Too Many Requests rate limit エラーの解決方法\n1. HTTP 429 Too Many Requests とは?(概要と緊急度)\n「HTTP 429 Too Many Requests」は、あなたがアクセスしようとしているサーバーが、一定時間内に受け取れるリクエストの数を超過したことを示すエラーです。\n上限に達した場合、各 API は HTTP のステータスコード 429 で応答します。\n401 Unauthorized[편집 / 원본 편집]\n- 예시 응답:\nHTTP/1.1 401 Unauthorized WWW-Authenticate: Basic realm="Application"\n二、401 Unauthorized\n该状态码表明身份认证失败,服务器无法识别或拒绝当前凭证。'], // blog.path-finder.jp; setsuyaku.online; documentation.kii.com; gaonwiki.com; php.bkmy88.com
    ['changelogs and READMEs in Chinese and English', 'Dev Build 20250504-2150: 429 rate limit 重试修复\n- ā³ Implemented graceful handling of litellm.RateLimitError by introducing a 3-second sleep before retrying.\n- 切换到 `88code` 时会自动清理智谱特有的超时/流量键。\n联系 Amazon Bedrock 以获取提示缓存,以降低成本并提高速率限制。\n  * The default context length can now be set with a new\n    OLLAMA_CONTEXT_LENGTH environment variable. For example, to set\n    the default context length to 8K, use:\n  • so a model\'s native context length is no longer reported as 0'], // SelectXn00b/HermesApp; sourceforge nerve.mirror; Boulea7/ccsw; docs.anthropic.com zh-CN bedrock-vertex; build.opensuse.org ollama.changes; mohitsoni48/TurboLLM
    ["feature requests and pull requests about error handling", "# EVEREST-1754 | do exponential backoff for HTTP 429\nWhen Claude Code encounters transient API errors (500 Internal Server Error, 529 Overloaded), there's no way for users to configure retry behavior.\nNative OpenAI-SDK errors have str(e) like 'Error code: 404 - ...', which does NOT contain 'NotFoundError'\n- Splits `InferenceExecutionError` into transient / permanent / fail-fast classes (`RateLimited` / `Overloaded` / `Unauthorized`)\n- 529/503 → `Overloaded` with longer backoff base; 401/403 → `Unauthorized`; 404 → `ModelNotFound`\nLLM failures now distinguish internal gateway-token rejection, provider authentication failures, explicit quota/budget exhaustion, temporary throttling, and upstream read timeouts.\nRetry the current target every 5s up to 10 times; only then fail over to the next target.\n但在实际使用中，上游渠道偶尔的单次波动（超时、临时 500 等）是非常正常的现象"], // openeverest/openeverest#1169; anthropics/claude-code#23115; langroid/langroid#1057; awakenworks/awaken#132; TracecatHQ/tracecat#3432; lidge-jun/opencodex#487; QuantumNous/new-api#4585
    // A context length a changelog or a page sets or no longer reports (the first from test/fixtures/explain-corpus-holdout59.jsonl's
    // harmless texts, the second written for this table).
    ['a context length a page sets', 'Ollama now supports setting the context length, up to 128k tokens.\nContext length: 200,000 tokens\nMake sure the prompt will fit in the context length of the model.\n- Show context length in the status line\n- Reduce token usage of tool results'],
    ['a context length in a changelog', '  * The default context length can now be set with a new\n    OLLAMA_CONTEXT_LENGTH environment variable. For example, to set\n    the default context length to 8K, use:\n        OLLAMA_CONTEXT_LENGTH=8192 ollama serve'], // build.opensuse.org ollama.changes
    // From the sixty-third and sixty-fourth sets' harmless texts (test/fixtures/explain-corpus-holdout63.jsonl, -holdout64.jsonl):
    ["tables copied without their leading pipes: statuses, several statuses, Node error codes", "| Error Type | Typical Message | Root Cause | Section |\n|---|---|---|---|\nECONNREFUSED | Connection refused | Provider endpoint unreachable | Network Issues |\n429 Too Many Requests | Rate limit exceeded | Too many requests to provider | Rate Limiting |\n500/502/503 | Server error | Provider infrastructure issues | Provider Status |\nENOTFOUND | DNS resolution failed | Invalid hostname | DNS Issues |\n403 Forbidden | Quota exhausted or key blocked | Check usage; wait for reset or upgrade |\n500 / 502 / 503 | Transient upstream issue | Usually clears fast; retry |\nConnection dropped / Socket closed | Network jitter or oversized request | Check network, lower concurrency, retry |"],
    ["a release page's sections without their Markdown headings", "v0.10.1\n\nFixed\n\n  • The usage-limit error was retried by OpenCode ≥ 2.1. The error is now an\n    APICallError with HTTP 402 and x-should-retry: false. OpenCode classifies that as\n    QuotaExceeded and fails at once.\n\nBug Fixes\n\n  • report the turn's rate limit in rate-limit failure errors (#1610) (4f474d6)"],
    ["a message quoted to say what it means or why it came, a failure that can happen, a change that avoids one", "\"Rate limit reached\" in Claude Code means one of three things. You sent too many requests or tokens per minute on the API.\nWindows users running Hermes in WSL2 with model servers on the Windows\nhost hit 'connection refused' because WSL2's NAT networking means\nlocalhost points to the VM, not Windows.\nIn addition, running `claude` for verification can fail with a misleading “credit balance too low” error.\n- Set supportsStore: false to avoid \"Extra inputs are not permitted\" errors"],
    ["a Chinese page's list of statuses with full-width colons", "# Error Response\n\n- 400 Bad Request：请求无效或缺少参数，可能存在跨域（CORS）问题。\n- 401 Unauthorized：凭证无效（OAuth 会话已过期，或 API 密钥被禁用/无效）。\n- 402 Payment Required：您的账户或 API 密钥余额不足，请充值后重试。\n- 408 Request Timeout：请求超时，请稍后重试。\n- 429 Too Many Requests：请求频率超限，请降低调用频率。\n- 503 Service Unavailable：当前无满足路由要求的模型服务可用。"],
    ["a reference's condition for a status, a help page's entries over their causes", "    *   **Description:** Returns a simple JSON response `{\"status\": \"ok\"}` if the server is running and the model is loaded. If the server is still loading the model, it returns a 503 Service Unavailable error.\n\n### **Error: \"Unsupported parameter: max_tokens\"**\n\n**Cause:** Using GPT-5 which requires `max_completion_tokens`\n\n**Solution:** Already fixed in proxy! If you still see this, update your proxy file."],
    ["commit messages and pull requests: what a change clarifies, explains or recommends", "* docs: clarify key scope in troubleshooting (LiteLLM proxy process env)\nClarified instruction for upstream provider error regarding API key.\n\n### What this PR does\n\n- Explains the misleading “credit balance too low” verification error\n- recommends `claude auth login` when an actual request fails"],
    ["setup help that names the variable to set, a page's prose with quoted terms, a list of status labels", "PSOpenAI requires an OpenAI API key to function.\nSet the OPENAI_API_KEY environment variable:\n\nlitellm is a Python SDK + standalone AI Gateway / proxy server (the \"LiteLLM Proxy\") that exposes a single OpenAI-shaped HTTP surface in front of 100+ LLM providers (OpenAI, Anthropic, Azure OpenAI, Vertex AI). One client call reaches any of them. The proxy adds the production-grade pieces: virtual keys per team, per-key spend tracking, RPM/TPM rate limits, and response caching.\n\n- Status results: `✓ Connected`, `! Needs authentication`, `✗ Timed out`, `✗ Error: <message>`"],
    ["a TypeScript declaration file of error classes", "export declare class APIConnectionTimeoutError extends APIConnectionError {\n}\nexport declare class AuthenticationError extends APIError {\n    readonly status: 401;\n}"],
    // The same review's texts for the new wordings: failures outside ccenv's causes and pages, which name none of them.
    ["not its causes: a language server busy in an editor's log", "[LSP] typescript language server is busy, deferring diagnostics for src/index.ts"],
    ["not its causes: a page on a server busy indexing", "While the server is busy indexing your repository, search results may be incomplete."],
    ["not its causes: a build tool that cannot resolve a package", "Failed to resolve org.junit.platform:junit-platform-launcher:1.8.2"],
    ["not its causes: a file that cannot be resolved", "Failed to resolve config.json: no such file or directory"],
    ["not its causes: Windows refusing an outbound socket (a firewall, not a proxy that could not start)", "Error: error sending request for url (https://api.anthropic.com/v1/messages): error trying to connect: tcp connect error: An attempt was made to access a socket in a way forbidden by its access permissions. (os error 10013)"],
    ["not its causes: llama.cpp refusing a grammar file of the user's own", "parse: error parsing grammar: expecting name at 1:3"],
    ["not its causes: a GitHub token an unrelated tool requires", "Error: GitHub token is required to create a pull request"],
    ["not its causes: an HTTP/2 stream reset", "h2 stream closed without a message; RST_STREAM code=PROTOCOL_ERROR"],
    ["not its causes: a page on a daily limit", "The daily request limit resets at midnight UTC; once exceeded, requests are rejected until then."],
    // From the sixty-fifth set's harmless texts (test/fixtures/explain-corpus-holdout65.jsonl):
    ["a limit one would hit, spoken of; a change that fixes an error by its code", "Anthropic.SDK 4.0.0 exposes the rate-limit headers on every response.\nWith this we can see what's going on when we hit a rate limit.\n- Claude Code CLI does not respect ANTHROPIC_BASE_URL — proxy env injection skipped for claude-agent to fix ECONNREFUSED 127.0.0.1:443"],
  ])('no alarm on %s', (_n, text) => {
    expect(explainText(text)).toEqual([]);
  });

  it.each([
    // [text, as plain text] — written for this table
    ['{"message":"{\\"code\\":\\"1211\\"}"}', '{"message":"{"code":"1211"}"}'],
    ['a \\\\\\"deep\\\\\\" quote', 'a "deep" quote'],
    ['Client error\\nFor more information', 'Client error For more information'],
    ['https:\\/\\/example.test\\/v1', 'https://example.test/v1'],
    ['no backslash at all', 'no backslash at all'],
  ])('JSON escapes undone before matching: %s', (text, plain) => {
    expect(unescaped(text)).toBe(plain);
  });

  it('a message quoted as a string inside a JSON body matches like the message itself; the evidence is the line as pasted', () => {
    const text = '{"error":{"message":"{\\"object\\":\\"error\\",\\"message\\":\\"\\\\\\"auto\\\\\\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set\\"}"}}';
    const [d] = explainText(text);
    expect(d).toMatchObject({ code: 'tool-input-invalid', line: 1 });
    expect(d!.evidence).toContain('\\"object\\"');
  });

  it("names both causes a message gives itself: OpenRouter's 402 asks for more credits or fewer max_tokens", () => {
    // https://openrouter.ai/docs/api-reference/errors (402: insufficient credits); the wording as OpenRouter answers it.
    const text = 'API Error: 402 {"error":{"message":"This request requires more credits, or fewer max_tokens. You requested up to 32000 tokens, but can only afford 27342."}}';
    expect(explainText(text).map((d) => d.code).sort()).toEqual(['max-tokens-rejected', 'rate-limit']);
  });

  it.each([
    // [text, cause] — each a wording a thread settled (the source), shortened where the rest is noise
    ['API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth token has expired. Please obtain a new token or refresh your existing token."}} · Please run /login', 'not-logged-in'], // anthropics/claude-code#18225
    ["Error: Not authenticated. Please run 'claude auth login' to authenticate.", 'not-logged-in'], // Claude Code's own words, as a guide quotes them
    ['SEC_ERROR_EXPIRED_CERTIFICATE on https://gw.example.test/', 'tls-error'], // sibbell/support#59 (Firefox)
    ['Your connection is not private NET::ERR_CERT_AUTHORITY_INVALID', 'tls-error'], // Chrome's code for the same
    ['ImportError: Please install openai>=1 and diskcache to use autogen.OpenAIWrapper.', 'openai-import-error'], // microsoft/autogen#773
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"messages.16.content.2.tool_result.content.0.image.source.base64: image exceeds 5 MB maximum: 6521204 bytes > 5242880 bytes"}}', 'context-too-long'], // anthropics/claude-code#2939
    ['HTTP 400 Bad Request from https://api.siliconflow.cn/v1/chat/completions {"code":20015,"message":"length of prompt_tokens (51353) must be less than max_seq_len (32768)."}', 'context-too-long'], // continuedev/continue#4198
    ['400 litellm.BadRequestError: BedrockException - {"message":"messages.2.content: Conversation blocks and tool result blocks cannot be provided in the same turn."}\nReceived Model Group=claude-3-opus', 'tool-input-invalid'], // BerriAI/litellm#6053
    ['litellm.BadRequestError: XaiException - {"error":"Argument not supported on this model: frequencyPenalty"}\nNo fallback model group found for original model_group=grok-4. Received Model Group=grok-4', 'param-rejected'], // BerriAI/litellm#14056
    ['$defs.__schema20: when using $ref, type should be defined in the referenced schema', 'param-rejected'], // farion1231/cc-switch#6968
    ['API Error: 404 status code (no body)', 'base-url-suffix'],
    ['The security token included in the request is expired', 'auth-rejected'], // anthropics/claude-code#18396 (Claude Code's own AWS credentials)
    ['litellm.AuthenticationError: BedrockException - {"message":"The security token included in the request is expired"}', 'upstream-credentials'], // the proxy's, in LiteLLM's wrapper (written for this table)
    ['⎿ Error: Error during compaction: Error: API Error: Claude Code is unable to respond to this request, which appears to violate our Usage Policy (https://www.anthropic.com/legal/aup).', 'content-filtered'], // anthropics/claude-code#5897
    ['cohere.error.CohereAPIError: blocked output: please adjust your prompt and try again, as this generation may be a potential violation of our Usage Guidelines', 'content-filtered'], // NVIDIA/garak#203
    ['ValueError: The decoder prompt (length 44) is longer than the maximum model length of 16.', 'context-too-long'], // google/tunix#222
    ["status code 404\n'detail': 'Not Found'", 'base-url-suffix'], // oobabooga/textgen#4630
    ['API Error: 400 Upstream provider CEREBRAS returned HTTP 400.\n{"message":"messages.2.assistant.reasoning_content: property \'messages.2.assistant.reasoning_content\' is unsupported"}', 'thinking-rejected'], // Alishahryar1/free-claude-code#1136
    ["WebSocket connection to 'ws://localhost:8090/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED", 'proxy-unreachable'], // roke22/Laravel-ssh-client#9
    ['[2024-11-05 09:25:59 +0000] [16] [CRITICAL] WORKER TIMEOUT (pid:17)', 'timeout'], // open-runtimes/open-runtimes#330 (gunicorn)
    ['API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth token has expired. Please obtain a new token or refresh your existing token."}}', 'not-logged-in'], // https://memoribuka-lab.com/?p=4451
    ["litellm.BadRequestError: OpenrouterException - KeyError: 'choices', Got unexpected response from OpenRouter: {'error': {'message': 'Rate limit exceeded: free-models-per-day', 'code': 429}}", 'rate-limit'], // Aider-AI/aider#3550: the missing 'choices' is the rate limit's symptom
    ["KeyError: 'choices'", 'empty-content'], // alone, the answer had no choices
    ['{"choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":1296,"completion_tokens": 0,"total_tokens":1296}}', 'empty-content'], // sugarforever/chat-ollama#695: an answer with no output // cline/cline#926; RooCodeInc/Roo-Code#2077
    ['127.0.0.1 - "POST /v1/messages?beta=true HTTP/1.1" 500\n{"object":"error","message":"Invalid request: Disaggregated request received without bootstrap room id.","type":"BAD_REQUEST","param":null,"code":400}', 'upstream-error'], // Alishahryar1/free-claude-code#1543: a JSON key "param" is no subject
    ["You've hit your weekly limit · resets Jun 7, 4pm (Europe/Rome)", 'rate-limit'], // anthropics/claude-code#65802
    ['You’ve hit your session limit · resets 8:30pm (Asia/Tokyo)', 'rate-limit'], // anthropics/claude-code#77082 (a typographic apostrophe)
    ['5時間の制限に達しました - [時刻]にリセットされます。', 'rate-limit'], // https://support.claude.com/ja/articles/12466728
    ['Your message will exceed the length limit for this chat.', 'context-too-long'], // https://www.five.reviews/fixes/claude-ai-conversation-too-long-error-fix/ (claude.ai)
    ['This conversation is too long to continue.', 'context-too-long'], // https://www.digitbin.com/claude-conversation-too-long-fix/ (claude.ai)
    ['Retrying in 13s · attempt 6/10 · API_TIMEOUT_MS=3000000ms', 'timeout'], // MiniMax-AI/MiniMax-M2.7#44
    ['API Error (Connection error.) · Retrying in 1 seconds… (attempt 1/10) · API_TIMEOUT_MS=600000ms, try increasing it', 'proxy-unreachable'], // the banner's limit is no timeout beside a named cause
    ['Input token length too long', 'context-too-long'], // https://platform.kimi.com/docs/api/errors.md
    ['{"error":{"type":"content_filter","message":"The request was rejected because it was considered high risk"}}', 'content-filtered'], // https://kimi-ai.chat/docs/api-error-codes
    ['1001 | Authentication parameter not received in Header, unable to authenticate', 'auth-rejected'], // https://docs.z.ai/api-reference/api-code
    ["anthropic.errors.PermissionDeniedError: Access denied for model 'claude-opus-4'. Please check your API key permissions.", 'key-model-denied'], // https://theneuralbase.com/anthropic/errors/anthropic-permissiondeniederror-model-access-denied
    ['HTTP 404: The requested resource was not found', 'base-url-suffix'], // NousResearch/hermes-agent#21308 (/v1 kept in the base URL)
    ['{"error":{"message":"The requested resource was not found","type":"resource_not_found_error"}}', 'base-url-suffix'], // liliMozi/openhanako#2322
    ["Invalid port: ‘generateContent’", 'base-url-suffix'], // stanfordnlp/dspy#8085
    ['{"error":{"message":"litellm.BadRequestError: OpenAIException - {\\"error\\":{\\"message\\":\\"Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\\",\\"type\\":\\"BadRequestError\\",\\"param\\":null,\\"code\\":400}}","type":"upstream_error","param":"","code":"400"}}', 'tool-input-invalid'], // BigPizzaV3/CodexPlusPlus#1098
    ["anthropic.AuthenticationError: Could not resolve authentication method. Expected either api_key or auth_token to be set.", 'upstream-credentials'], // https://git.kvant.cloud/phoenix/litellm/src/commit/9eafa78f758e41400b8e64f70e6a3c18987e2065/docs/my-website/docs/exception_mapping.md (the Python SDK inside the proxy)
    ['Could not resolve authentication method. Expected either apiKey or authToken to be set.', 'not-logged-in'], // anthropics/claude-code#5590 (Claude Code's TypeScript client)
    ['deepseek request failed: HTTP 400: {"code": "invalid_request_error", "message": "Content Exists Risk", "param": null, "type": "invalid_request_error"}', 'content-filtered'], // whiteguo233/OpenBiliClaw#199 (DeepSeek's content filter)
    ["invalid params, code: 2013, msg: invalid params, unknown model 'gpt-5.5' (2013)", 'unknown-model'], // jlcodes99/cockpit-tools#1431 (MiniMax: the id, not a parameter)
    ['Error: model "qwen3:8b" not found', 'unknown-model'], // Ollama's wording, Huanshere/VideoLingo#331
    ['[GIN] 2023/06/18 - 12:15:52 | 413 |  433.574605ms |  54.187.200.255 | POST     "/v1/chat/completions"', 'context-too-long'], // acheong08/ChatGPT-to-API#67 (a Go server's access line)
    ['Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance.', 'thinking-rejected'], // nanbingxyz/5ire#405 (Gemini 3)
    ['"message": "Missing `reasoning_content` field in the assistant message at message index 1."', 'thinking-rejected'], // CherryHQ/cherry-studio#11751 (DeepSeek)
    ['OpenAI API error (400): 400 "Model grok-build-0.1 does not support parameter reasoningEffort."', 'thinking-rejected'], // earendil-works/pi#8381 (xAI)
    ['{"error":{"type":"access_terminated_error","message":"Kimi For Coding is currently only available for Coding Agents such as Kimi CLI, Claude Code, Roo Code, Kilo Code, etc."}}', 'auth-rejected'], // openclaw/openclaw#42499
    ['tunneling socket could not be established, statusCode=407', 'http-proxy'], // npm/npm#20305
    ['unexpected status 502 Bad Gateway: Unknown error, url: http://127.0.0.1:15721/v1/responses', 'http-proxy'], // farion1231/cc-switch#3989 (Clash relaying the loopback call)
    ['Error: could not connect to ollama app, is it running?', 'proxy-unreachable'], // ollama/ollama#2132
    ['ChatOllama is unable to establish a connection with http://host.docker.internal:11434', 'proxy-unreachable'], // sugarforever/chat-ollama#394
    ['NG: get models error: The connection was not established because the destination computer rejected the connection request. (127.0.0.1:11434)', 'proxy-unreachable'], // umlx5h/LLPlayer#113 (.NET)
    ['Service startup timeout, trying to start with default configuration...', 'proxy-unreachable'], // musistudio/claude-code-router#800
    ['  ⎿  API Error: 400 Unknown endpoint: /v1/messages?beta=true', 'base-url-suffix'], // badrisnarayanan/antigravity-claude-proxy#338 (another server on the port)
    ['⏺ Image was too large. Double press esc to go back and try again with a smaller image.', 'context-too-long'], // anthropics/claude-code#34488
    ['Request too large for gpt-4o on tokens per min (TPM): Limit 30000, Requested 342389.', 'rate-limit'], // vanna-ai/vanna-flask#11
    ['Retrying in 51s · attempt 7\n\nFree limit reached', 'rate-limit'], // anomalyco/opencode#42050
    ['status_code=403, 预扣费额度失败, 用户剩余额度: ¥0.230000, 需要预扣费额度: ¥0.290000', 'budget-exceeded'], // QuantumNous/new-api#6306
    ['ProxyException: Authentication Error, Invalid proxy server token passed. Received API Key = sk-a***-oat..., Key Hash (Token) =abc. Unable to find token in cache', 'auth-conflict'], // https://www.stepcodex.com/en/issue/bug-claude-code-3p-tab-in
    ['Unexpected role "tool". Allowed roles are "user" or "assistant".', 'tool-input-invalid'], // https://s.apifox.cn/857bbeda-4d20-46f7-b385-28c2290618f3/doc-8331334
    ['{"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI’s content management policy.","code":"content_filter","status":400}}', 'content-filtered'], // openai/openai-python#331 (a typographic apostrophe)
    ['API Error: 401 \n    {"type":"error","error":{"type":"authentication_error","message":"OAuth\n     token has expired. Please obtain a new token."}}', 'not-logged-in'], // anthropics/claude-code#6459 (wrapped inside a keyword, with the indent)
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"This model does not support the effort parameter."}}', 'thinking-rejected'], // anthropics/claude-code#30010
    ['"message": "Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn."', 'tool-input-invalid'], // google-gemini/gemini-cli#16987
    ["Missing required parameter: 'tools[0].name'", 'tool-input-invalid'], // https://forum.cursor.com/t/missing-required-parameter-tools-0-name/147087
    ['"message": "deepseek-reasoner does not support the parameter `presence_penalty`"', 'param-rejected'], // lollipopkit/flutter_gpt_box#213
    ["litellm.UnsupportedParamsError: gpt-5-nano doesn't support temperature=0.1. To drop unsupported params set `litellm.drop_params = True`No fallback model group found for lookup_groups=gpt-5-nano", 'param-rejected'], // BerriAI/litellm#33738
    ['Token refresh failed (non-retryable): token refresh failed: status 400, body: {"error": "invalid_grant", "error_description": "Refresh token not found or invalid"}', 'upstream-credentials'], // Wei-Shaw/sub2api#1381 (the relay's upstream account)
    ['[ERROR] [Kiro Auth] Token refresh failed: Request failed with status code 401', 'upstream-credentials'], // justlovemaki/AIClient2API#493
    ['[429]: You have exhausted your capacity on this model. Your quota will reset after 54s.', 'rate-limit'], // decolua/9router#187
    ['Request limit exceeded', 'rate-limit'], // musistudio/claude-code-router#880 (ModelScope)
    ['user [3446] quota [-20847155]preConsumedQuota [743]is not enough(request id:2024092600274225879598085091467)', 'budget-exceeded'], // songquanpeng/one-api#1846
    ["ERROR: Error code: 400 - {'object': 'error', 'message': 'Only allowed now, your model chatglm2-6b', 'code': 40301}", 'unknown-model'], // chatchat-space/Langchain-Chatchat#2272
    ['The model: `gpt-4` does not exist', 'unknown-model'], // songquanpeng/one-api#169
    ['openai.error.APIConnectionError: Error communicating with OpenAI: Please check proxy URL. It is malformed and could be missing the host.', 'http-proxy'], // aiwaves-cn/agents#73
    ['The model claude-opus-4-7 is not available on your vertex deployment. Try /model to switch to claude-opus-4-1@20250805', 'model-404'], // anthropics/claude-code#49844
    ["NotFoundError: Error code: 404 - {'type': 'error', 'error': {'type': 'not_found_error', 'message': 'Not Found'}}", 'base-url-suffix'], // anthropics/anthropic-sdk-python#985 (a base URL ending in /v1/)
    ['API Error: 403 The security token included in the request is invalid.', 'auth-rejected'], // anthropics/claude-code#2260 (Claude Code on Bedrock: its own AWS credentials)
    ['  ⎿  API Error: 403 {"Message":"User: arn:aws:sts::123456789012:assumed-role/dev/me is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource: arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0 with an explicit deny in a service control policy"}', 'key-model-denied'], // anthropics/claude-code#119
    ['ValidationException: A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.', 'tool-input-invalid'], // langchain-ai/langchainjs#6724
    ['⏺ PDF too large. Please double press esc to edit your message and try again.', 'context-too-long'], // anthropics/claude-code#13518
    ['"message":"messages.13.content.23.image.source.base64.data: At least one of the image dimensions exceed max allowed size for many-image requests: 2000 pixels"', 'context-too-long'], // anthropics/claude-code#23794
    ["Error code: 500 - {'error': {'code': 500, 'message': 'Context size has been exceeded.', 'type': 'server_error'}}", 'context-too-long'], // llmmllab/llmmllab-api#202 (llama.cpp)
    ['API Error: {"error":"invalid_grant","error_description":"reauth related error (invalid_rapt)"}', 'not-logged-in'], // anthropics/claude-code#726 (Vertex: Google's reauth)
    ['API Error: The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.', 'not-logged-in'], // anthropics/claude-code#849 (Bedrock)
    ['API Error (503 Too many connections, please wait before trying again.) · Retrying in 1 seconds… (attempt 1/10)', 'overloaded'], // anthropics/claude-code#562 (Bedrock)
    ['An error occurred (ResourceNotFoundException) when calling the InvokeModelWithResponseStream operation: Could not resolve the foundation model from the provided model identifier.', 'unknown-model'], // aws-samples/bedrock-chat#91
    ['(404): No models loaded. Please load a model in the developer page or use the `lms load` command', 'unknown-model'], // lmstudio-ai/lms#107
    ["401 - {'statusCode': 401, 'message': 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.'}", 'auth-rejected'], // Azure-Samples/openai-apim-lb#31
    ['[ERROR] Failed to process response: Too many tokens, please wait before trying again.', 'rate-limit'], // cline/cline#4196 (Bedrock)
    ['API Error: 400 {"error":{"message":"output_config.effort \\"xhigh\\" is not supported by model claude-opus-4.7; supported values: [medium]","code":"invalid_reasoning_effort"}}', 'param-rejected'], // Menci/Floway#6 (not an unknown model)
    ['Error: 403 {"type":"error","error":{"type":"permission_error","message":"OAuth token has been revoked. Please obtain a new token."}}', 'not-logged-in'], // anthropics/claude-code#5210
    ['Error getting API key from apiKeyHelper (in settings or ~/.claude.json): apiKeyHelper did not return a valid value', 'not-logged-in'], // anthropics/claude-code#29142
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"This \n    organization has been disabled."}}', 'auth-rejected'], // anthropics/claude-code#9384
    ['API Error: 400 {"error":"{\\"error\\":{\\"message\\":\\"google/gemini-2.0-pro-exp-02-05:free is not a valid model ID\\",\\"code\\":400}}"}', 'unknown-model'], // maxnowack/anthropic-proxy#4 (OpenRouter)
    ['404 {type:error,error:{type:not_found_error,message:model: claude-3-haiku-20240229}}', 'unknown-model'], // diffbot/code-gpt-docs#249 (Anthropic's 404 naming the model)
    ["Error: OPENROUTER_API_KEY environment variable is required\nGet your API key from: https://openrouter.ai/keys", 'upstream-credentials'], // MadAppGang/claudish#35
    ['<title>ERROR: The requested URL could not be retrieved</title>', 'http-proxy'], // NativeScript/nativescript-cli#2313 (Squid)
    ['[download] Got error: <urlopen error Tunnel connection failed: 403 Forbidden>. Retrying (1/10)...', 'http-proxy'], // yt-dlp/yt-dlp#9434
    ["ValueError: Unknown scheme for proxy URL URL('socks5h://127.0.0.1:1080')", 'http-proxy'], // ollama/ollama-python#424
    ['nginx: [emerg] host not found in upstream "django_gunicorn:8000" in /etc/nginx/conf.d/default.conf:2', 'host-not-found'], // dotja/django-docker-compose#2
    ['API Error: 400 {"message":"messages.5.content.0.tool_result.content.16.cache_control: cache_control may not be specified within `tool_result.content`."}', 'param-rejected'], // caozhiyuan/copilot-api#241
    ['Error: availableContext 843 is less than FLOOR_OUTPUT_TOKENS 3000', 'context-too-long'], // anthropics/claude-code#5346
    ['ValidationException: Malformed input request: expected maxLength: 42000, actual: 46735, please reformat your input and try again.', 'context-too-long'], // ryanadoty/Amazon-Bedrock-Amazon-RDS-POC#9
    ['5 hour limit reached', 'rate-limit'], // anthropics/claude-code#7550
    ["AttributeError(\"module 'openai' has no attribute 'error'\")", 'openai-import-error'], // llm-workflow-engine/llm-workflow-engine#329
    ['Error: The model `llama3-70b-8192` has been decommissioned and is no longer supported. Please refer to https://console.groq.com/docs/deprecations', 'unknown-model'], // bklieger-groq/stockbot-on-groq#59
    ['[Extension Host] Error: Failed to connect to local Ollama instance, please ensure Ollama is both installed and running.', 'proxy-unreachable'], // continuedev/continue#3435
    ['Error Message: Response ended with finish reason "max_tokens"', 'output-cap-reached'], // CherryHQ/cherry-studio#18029
    ['Error raised by bedrock service: An error occurred (UnrecognizedClientException) when calling the InvokeModel operation: The security token included in the request is invalid.', 'auth-rejected'], // langchain-ai/langchain#19677 (the client's own AWS credentials)
    ['litellm.AuthenticationError: BedrockException Invalid Authentication - {"message":"The security token included in the request is invalid."}', 'upstream-credentials'], // the proxy's, in LiteLLM's wrapper (written for this table)
    ['Error: Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription.', 'auth-rejected'], // microsoft/PubSec-Info-Assistant#439
    ['Error: pull model manifest: Get "https://registry.ollama.ai/v2/library/mixtral/manifests/latest": dial tcp: lookup registry.ollama.ai on 172.25.96.1:53: read udp 172.25.107.139:59735->172.25.96.1:53: i/o timeout', 'host-not-found'], // ollama/ollama#2818 (the DNS lookup timed out)
    ['dial tcp: lookup registry.ollama.ai on 127.0.0.53:53: server misbehaving', 'host-not-found'], // ollama/ollama#8065
    ['dial tcp 10.0.0.5:443: i/o timeout', 'timeout'], // a connect that timed out, no lookup (written for this table)
    ['opencode ERROR service=models.dev error=unknown certificate verification error Failed to fetch models.dev', 'tls-error'], // anomalyco/opencode#12408
    ["Cannot connect to API: Hostname/IP does not match certificate's altnames: Cert does not contain a DNS name", 'tls-error'], // anomalyco/opencode#38502
    ['{"error":{"message":"Not found the model kimi-k2-0711-preview or Permission denied","type":"resource_not_found_error"}}', 'unknown-model'], // langgenius/dify#39778 (Moonshot; over the resource_not_found_error of a path)
    ['Response: Claude Sonnet 4.5 is no longer available. Please switch to Claude Sonnet 4.6.', 'unknown-model'], // router-for-me/CLIProxyAPI#1630
    ['Bad Request: { "error": { "code": 400, "message": "Corrupted thought signature.", "status": "INVALID_ARGUMENT" } }', 'thinking-rejected'], // heyhuynhgiabuu/proxypal#119
    ['"Resource has been exhausted (e.g. check quota)"', 'rate-limit'], // google-gemini/gemini-cli#23981
    ['API Error: 400 No tool call found for function call output with call_id call_dehMEXVAXjYgIgj2Jz8qOpI1.', 'tool-input-invalid'], // Wei-Shaw/sub2api#2259
    ["Error code: 404 - {'error': {'code': 'ModelNotOpen', 'message': 'Your account 2106993666 has not activated the model doubao-pro-32k-functioncall-241028.'}}", 'key-model-denied'], // xinnan-tech/xiaozhi-esp32-server#1234 (Volcengine Ark)
    ['max_tokens参数非法。请检查文档。', 'max-tokens-rejected'], // lobehub/lobehub#1398 (Zhipu)
    ['An error occured: RuntimeError: GCP_SERVICE_ACCOUNT environment variable not set.', 'upstream-credentials'], // xtekky/gpt4free#3220
    ['API Error: terminated (cause: Body Timeout Error)', 'timeout'], // QwenLM/qwen-code#4604 (undici's 300 s between chunks)
    ['An error occurred: {"ok":false,"error":"Key limit exceeded (total limit). Manage it using https://openrouter.ai/settings/keys"}', 'budget-exceeded'], // MCPJam/inspector#1287
    ['API Error: {"error":{"message":"upstream stream disconnected: unexpected EOF","type":"stream_read_error"},"type":"error"}', 'connection-reset'], // xintaofei/codeg#152
    ['⏺ {"code":"ERR_STREAM_PREMATURE_CLOSE"}', 'connection-reset'], // ericc-ch/copilot-api#51
    ['Request failed: method not allowed (405)', 'base-url-suffix'], // tisfeng/Easydict#258
    // A user's own words before the body are no page's example (written for this table).
    ['I get this error format:\n{"error":{"message":"Invalid model name passed in model=kimi-k3","type":"invalid_request_error"}}', 'unknown-model'],
    ['code=502 reason="OPENAI_OAUTH_TOKEN_REFRESH_FAILED"\nmessage="token refresh failed: status 401, body: {... refresh_token_reused ...}"', 'upstream-credentials'], // Wei-Shaw/sub2api#5748
    ['API Error: 401 {"type":"error","error":{"type":"authentication_error"\n    ,"message":"Invalid OAuth token. The provided token was not found or \n    is malformed."}}', 'not-logged-in'], // anthropics/claude-code#3246
    ['[ERROR] You did not use a tool in your previous response! Please retry with a tool use.', 'tool-input-invalid'], // Kilo-Org/kilocode#1775
    ["LLM provider error: Error code: 400 - {'error': {'message': \"invalid request: missing 'type' or 'anyOf' key in parameter type\", 'type': 'invalid_request_error'}}", 'tool-input-invalid'], // MoonshotAI/kimi-cli#178
    ['400 invalid_message_role: The last message in a Gemini request must not be from the assistant', 'param-rejected'], // ericc-ch/copilot-api#273
    ['"message": "request.output_config.effort: Invalid enum value. Expected \'low\' | \'medium\' | \'high\' | \'max\', received \'xhigh\'"', 'param-rejected'], // Alishahryar1/free-claude-code#410
    ['{"error":{"message":"当前分组负载已饱和，请稍后再试，或升级账户以提升服务质量。","type":"billing_not_active"}}', 'rate-limit'], // songquanpeng/one-api#330
    ['{"success":false,"errors":[{"code":7003,"message":"Could not route to \\/accounts\\/xxx\\/ai\\/v1, perhaps your object identifier is invalid?"},{"code":7000,"message":"No route for that URI"}]}', 'base-url-suffix'], // musistudio/claude-code-router#1630
    ['API Error: 405 status code (no body)', 'base-url-suffix'], // luohy15/y-router#17
    ['10401 - gateway request exception, please auth first', 'auth-rejected'], // accomplish-ai/coworker#92
    ['Generation failed\nUpstream request failed: Insufficient account funds', 'rate-limit'], // anomalyco/opencode#43215
    ['[API Error: 400 <400> InternalError.Algo.DataInspectionFailed: Input text data may contain inappropriate content.]', 'content-filtered'], // QwenLM/qwen-code#3145
    ['[1301][系统检测到输入或生成内容可能包含不安全或敏感内容]', 'content-filtered'], // zai-org/feedback#516
    ["fastapi.exceptions.HTTPException: 400: {'error': 'Violated guardrail policy', 'bedrock_guardrail_response': 'Sorry, the model cannot answer this question.'}", 'content-filtered'], // BerriAI/litellm#13321
    ['ValidationException: This model doesn\'t support tool use in streaming mode.', 'tool-input-invalid'], // earendil-works/pi#3739
    ['✕ [API Error: 400 invalid params, function parameters is empty (2013)]', 'tool-input-invalid'], // QwenLM/qwen-code#11834
    ['服务回复状态错误[429],返回数据为:{["message"："Request was rejected due to rate limiting. Details: RPH limit reached.","data":null)', 'rate-limit'], // jxq1997216/AITranslator#32
    ["You're out of extra usage · resets 1pm (America/Los_Angeles)", 'rate-limit'], // anthropics/claude-code#39937
    ['{"detail":"No Vertex AI credential is configured on this proxy and the request carried no upstream Google credential"}', 'upstream-credentials'], // BerriAI/litellm#38299
    ['Read timeout on endpoint URL: "https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse"', 'timeout'], // danilop/multimodal-chat#20
    ["Something went wrong: token length('150') exceeded. Increase maximum token to avoid the issue.", 'output-cap-reached'], // jekalmin/extended_openai_conversation#252
    ["Error code: 404 - {'error': {'message': \"Item with id 'rs_123' not found. Items are not persisted when `store` is set to false.\"}}", 'thinking-rejected'], // home-assistant/core#150251
    ['400 InternalError.Algo.InvalidParameter: max_completion_tokens [13107] must be greater than thinking_budget [32768]', 'thinking-rejected'], // liliMozi/openhanako#2126
    ['"message": "You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information."', 'param-rejected'], // lobehub/lobehub#6823
    ["400: {'error': 'allm_passthrough_route: Invalid model name passed in model=messages. Call `/v1/models` to view available models for your key.'}", 'base-url-suffix'], // BerriAI/litellm#14478
    ['request to https://api.openai.com/v1/chat/completions failed, reason: Client network socket disconnected before secure TLS connection was established', 'connection-reset'], // Chanzhaoyu/chatgpt-web#319
    ['stream disconnected before completion: 由于目标计算机积极拒绝，无法连接。 (os error 10061)', 'proxy-unreachable'], // openai/codex#44517
    ['litellm.exceptions.APIError: litellm.APIError: AzureException APIError - Resource not found', 'base-url-suffix'], // BerriAI/litellm#9266
    ['FAILED tests/test_reasoning.py - openai.APIStatusError: The requested model (DeepSeek-R1-Distill-Llama-70B) is not available on SambaNova Cloud.', 'unknown-model'], // mozilla-ai/any-llm#976
    ['Error: 心流不支持当前模型，请更换模型后重试。', 'unknown-model'], // iflow-ai/iflow-cli#370
    ['Invalid API Response: The provider returned an empty or unparsable response. This is a provider-side issue.', 'empty-content'], // cline/cline#6426
    ['Error: OpenAI 响应格式无效 - 缺少或空的 choices 数组。', 'empty-content'], // iflow-ai/iflow-cli#142
    ['iflow executor: token refresh failed: iflow token: missing access token in response', 'upstream-credentials'], // router-for-me/CLIProxyAPI#1007
    ['litellm.NotFoundError: AnthropicException - {"error":"Not found"}', 'base-url-suffix'], // OpenHands/OpenHands#13079
    ['404 (no body)', 'base-url-suffix'], // huggingface/chat-ui#845
    ["■ Codex ran out of room in the model's context window. Start a new thread or clear earlier history before retrying.", 'context-too-long'], // openai/codex#36456
    ['error: prompt gather than max context (prompt: 1299 tokens, max context: 1020)', 'context-too-long'], // NotPunchnox/rkllama#25
    ["The GenerateContentRequest proto is invalid:\n  * tools[0].tool_type: required one_of 'tool_type' must have one initialized field", 'tool-input-invalid'], // zed-industries/zed#37301
    ["{'type': 'bool_type', 'loc': ('body', 'tools', 0, 'function', 'strict'), 'msg': 'Input should be a valid boolean', 'input': None}", 'tool-input-invalid'], // microsoft/vscode#316581
    [' {"code":500,"message":"Unsupported param: tools","type":"server_error"}', 'tool-input-invalid'], // ggml-org/llama.cpp#10920
    ["\"message\": \"Invalid value: 'auto'. Supported values are: 'code_interpreter', 'programmatic_tool_calling'\"", 'param-rejected'], // Kilo-Org/kilocode#13082
    ["\"message\": \"Unknown parameter: 'stream_options.include_usage'.\"", 'param-rejected'], // BerriAI/litellm#18200
    ['2024-12-17 06:18:03 [ERROR] Only user and assistant roles are supported!. Error Data: n/a', 'param-rejected'], // SystemSculpt/obsidian-systemsculpt-ai#86
    ["[Server Error] 'messages' array must only contain objects with a 'role' field that is in [user, assistant, system, tool]. Got 'developer'.", 'param-rejected'], // lmstudio-ai/lmstudio-bug-tracker#669
    ['Reason: Request Failed: 400 {"error":{"message":"no endpoints available for this model under your current plan and policies","code":"no_available_model_endpoints"}}', 'key-model-denied'], // microsoft/github-copilot-appmod#8
    ['API return 403： {"type":"error","error":{"type":"model_not_entitled","message":"模型 claude-sonnet-4-5 在当前账号池中不可用"}}', 'key-model-denied'], // dwgx/WindsurfAPI#117
    ['you (seppe) have reached your weekly usage limit, upgrade for higher limits: https://ollama.com/upgrade', 'rate-limit'], // NousResearch/hermes-agent#68832
    ['HTTP/1.1 404 Not Found\nNo matching route found. It is likely that the model specified your request is not configured in the Gateway.', 'unknown-model'], // envoyproxy/ai-gateway#1944
    ['ValueError: No available worker for gpt-3.5-turbo', 'unknown-model'], // lm-sys/FastChat#1685
    ['{"error":{"message":"Unauthenticated. Configure AI_GATEWAY_API_KEY or use a provider module."}}', 'upstream-credentials'], // elizaOS/eliza#13960
    ['{"detail":{"message":"Unauthorized - Access token is missing"}}', 'auth-rejected'], // acheong08/ChatGPTProxy#16
    ['The argument schema for tool mcp_desktop_commander_set_config_value is incompatible with gemini-2.5-pro-exp-03-25. Please fix the MCP server.', 'tool-input-invalid'], // wonderwhy-er/DesktopCommanderMCP#79
    ['"message": "Unable to submit request because `md` functionDeclaration `parameters.f` schema didn\'t specify the schema type field."', 'tool-input-invalid'], // unclecode/crawl4ai#1311
    ["API Error: 400 {\"error\":{\"message\":\"'messages.39' : for 'role:tool' the following must be satisfied[('messages.39.tool_call_id' : property 'tool_call_id' is missing)]\"}}", 'tool-input-invalid'], // musistudio/claude-code-router#245
    ["openai.BadRequestError: Error code: 400 - {'error': {'message': \"Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.\"}}", 'param-rejected'], // openai/swarm#30
    ['500: unable to load model: /mnt/cache/blobs/sha256-0bb230ebb9e6', 'upstream-error'], // modelscope/modelscope#1597
    ['{"error":{"message":"Invalid URL (GET /api/models)","type":"invalid_request_error"}}', 'base-url-suffix'], // songquanpeng/one-api#1225
    ["2026-01-19 20:00:50 | ERROR    | kiro.routes_anthropic:messages:333 - HTTP 500 - POST /v1/messages - Client error '401 Unauthorized' for url 'https://prod.us-east-1.auth.desktop.kiro.dev/refreshToken'", 'upstream-credentials'], // jwadow/kiro-gateway#45
    ['ERROR:__main__:token刷新失败: Client error \'400 Bad Request\' for url \'https://prod.us-east-1.auth.desktop.kiro.dev/refreshToken\'', 'upstream-credentials'], // zhalice2011/ki2api#3
    // From the fifty-seventh set (test/fixtures/explain-corpus-holdout57.jsonl):
    ["Your account's current usage pattern does not comply with the Fair Usage Policy, and your request frequency has been limited.", 'rate-limit'], // zai-org/GLM-5#68
    ['{\"errors\":{\"message\":\"Model id : Qwen/Qwen3-Coder-480B-A35B-Instruct , has no provider supported\"}}', 'unknown-model'], // musistudio/claude-code-router#906
    ['This model version has reached the end of its life. Please refer to the AWS documentation for more details. (Service: BedrockRuntime, Status Code: 404)', 'unknown-model'], // aws-samples/serverless-patterns#2855
    ['ResourceNotFoundException\nAccess denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days.', 'unknown-model'], // fourTheorem/podwhisperer#24
    ['Input validation error: inputs tokens + max_new_tokens must be <= 2048', 'context-too-long'], // opea-project/GenAIExamples#340
    ['ERROR [hermes_tool_parser.py:110] Error in extracting tool call from response.', 'tool-input-invalid'], // vllm-project/vllm#17790
    ['"message": "No tool output found for tool search call fcVYHqzSzAD7zmC33WTBszsli4.",', 'tool-input-invalid'], // Wei-Shaw/sub2api#1858
    ['[ERROR] Error starting server {"code":"EACCES","errno":-4092,"syscall":"listen","address":"127.0.0.1","port":1234}', 'proxy-unreachable'], // lmstudio-ai/lmstudio-bug-tracker#106
    ['403 Key limit exceeded. Manage it using https://openrouter.ai/keys', 'budget-exceeded'], // RooCodeInc/Roo-Code#515
    ['API Error: 404 No endpoints found matching your data policy. Check your settings: https://openrouter.ai/settings/privacy', 'key-model-denied'], // dnakov/anon-kode#13
    ["openai.NotFoundError: Error code: 404 - {'message': 'openrouter error: No endpoints available matching your guardrail restrictions and data policy.'}", 'key-model-denied'], // truefoundry/models#826
    ['HTTP 502 - `Paid model training violation (account settings): 1 endpoint excluded`', 'key-model-denied'], // omnara-ai/omnara#501
    ["Request blocked by input guardrail 'databricks_demo'", 'content-filtered'], // databricks/unity-gateway#66
    // From the fifty-eighth set (test/fixtures/explain-corpus-holdout58.jsonl):
    ['Your organization has disabled Claude subscription access for Claude Code\nError code: oauth_org_not_allowed', 'auth-rejected'], // anthropics/claude-code#86057
    ['OpenAI completion error: 500 Internal server error: Unsupported tool_call_parser: None (request id: 202512200652133627752312601517)', 'tool-input-invalid'], // RooCodeInc/Roo-Code#10259
    ['Failed to connect to API: 400 Bad Request\n{\n    "error":\n        {\n            "message":"prompt token count of 140189 exceeds the limit of 64000",\n            "code":"model_max_prompt_tokens_exceeded"\n        }\n}', 'context-too-long'], // zed-industries/zed#30407
    ['504 Upstream Timeout\n\nThe upstream provider did not respond before the proxy timeout. You must retry with a smaller request or select a faster provider.', 'timeout'], // lidge-jun/opencodex#86
    ['Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`.', 'thinking-rejected'], // router-for-me/CLIProxyAPI#1109
    ['litellm.BadRequestError: AnthropicException - {"type":"error","error":{"type":"invalid_request_error","message":"temperature and top_p cannot both be specified for this model. Please use only one."}}. Received Model Group=anthropic/claude-sonnet-4-6\nAvailable Model Group Fallbacks=None', 'param-rejected'], // jekalmin/extended_openai_conversation#428
    ["anthropic.BadRequestError: Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'message': 'messages.17: all messages must have non-empty content except for the optional final assistant message'}}", 'empty-content'], // simonw/llm-anthropic#37
    ["ImportError: Using SOCKS proxy, but the 'socksio' package is not installed. Make sure to install httpx using `pip install httpx[socks]`.", 'http-proxy'], // fuergaosi233/claude-code-proxy#5
    ["Max retries exceeded with url: /v1/chat/completions (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object>: Failed to establish a new connection: [WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。'))", 'timeout'], // SnapdragonLee/ChatGPT-weBot#63
    ['event: content_block_start\ndata: {"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "call_2ee", "name": "Read", "input": {}}}\n\nevent: content_block_stop\ndata: {"type": "content_block_stop", "index": 1}', 'tool-input-empty'], // holdout6's stream: a tool_use block that stops with its input empty
    // From the fifty-ninth set (test/fixtures/explain-corpus-holdout59.jsonl):
    ["BadRequestError(\"Error code: 400 - {'detail': 'Store must be set to false'}\")", 'param-rejected'], // router-for-me/CLIProxyAPI#41
    ['400 Bad Request: {"detail":"Instructions are not valid"}', 'param-rejected'], // openai/codex#2259
    ["The feature 'temperature' is not supported. temperature is not supported for reasoning models", 'param-rejected'], // EvanZhouDev/openai-oauth#7
    ['400 invalid_request_error: cache_control cannot be set for empty text blocks', 'param-rejected'], // anthropics/claude-code#54013
    ["API Error: 400 messages.15.content.1.cache_control.ttl: a ttl='1h' cache_control block must not come after a ttl='5m' cache_control block.", 'param-rejected'], // headroomlabs-ai/headroom#2939
    ['400 CachedContent can not be used with system_instruction, tools or tool_config ...', 'param-rejected'], // VectifyAI/OpenKB#154
    ['messages.0.content.0.image.source.base64.data: URL sources are not supported', 'param-rejected'], // anthropics/anthropic-sdk-typescript#1038
    ['ValidationException: An error occurred (ValidationException) when calling the Converse operation: Citations are not supported in tool result documents.', 'param-rejected'], // boto/boto3#4648
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"A maximum \n    of 100 PDF pages may be provided."}}', 'context-too-long'], // anthropics/claude-code#5707
    ["\"message\": \"Invalid value: 'other'. Supported values are: 'search', 'open_page', and 'find_in_page'.\",", 'tool-input-invalid'], // openai/codex#7117
    ['"message": "Invalid \'input[2].name\': empty string. Expected a string with minimum length 1, but got an empty string instead.",', 'tool-input-invalid'], // BrokkAi/brokk-app#673
    ["Failed to connect to Mistral API: 400 Bad Request\n(\"object\":\"error\",\"message\":\"Unexpected role 'user' after role 'tool'\",\"type\":\"invalid_request_message_order\"", 'tool-input-invalid'], // zed-industries/zed#37021
    ['unexpected status 503 Service Unavailable: {"code":"NO_RESPONSES_UPSTREAM","error":"未配置任何 Responses 渠道，请先在管理界面添加渠道"}', 'no-deployments'], // BenedictKing/ccx#53
    ['codex channel: /v1/chat/completions endpoint not supported', 'base-url-suffix'], // QuantumNous/new-api#4404
    ['INFO:     127.0.0.1:52100 - "POST /litellm/v1/messages/count_tokens?beta=true HTTP/1.1" 404 Not Found', 'base-url-suffix'], // BerriAI/litellm#13252
    ['unexpected status 400 Bad Request: {"detail":"Unsupported model"}', 'unknown-model'], // openai/codex#5347
    ["openai.BadRequestError: Error code: 400 - {'status': 'failure', 'message': 'together-ai error: Unable to access non-serverless model deepseek-ai/DeepSeek-R1'}", 'unknown-model'], // truefoundry/models#919
    ["Error code: 402 - {'error': {'message': 'Credit limit exceeded. Please navigate to https://api.together.xyz/settings/billing to add credit or upgrade your plan.', 'type': 'credit_limit'}}", 'budget-exceeded'], // expectedparrot/edsl#2098
    ['error=LLM request failed: DNS lookup for the provider endpoint failed.', 'host-not-found'], // openclaw/openclaw#67193
    // From the sixtieth set (test/fixtures/explain-corpus-holdout60.jsonl):
    ["anthropic.BadRequestError: Error code: 400 -\n'tool_use' ids were found without 'tool_result' blocks immediately after: call_1_xxx", 'tool-input-invalid'], // https://www.studynil.com/ai/llm/deepseek/issues/deepseek-anthropic-parallel-tool-use-400-error.html
    ['Did not find 1 tool_result block(s) at the beginning of this message', 'tool-input-invalid'], // https://blog.gitcode.com/50eea11b9771cae2a8f34a2c3795abf2.html
    ['Caused by: java.net.UnknownHostException: langchain4j.dev', 'host-not-found'], // langchain4j/langchain4j#1360
    ['java.net.UnknownHostException: Unable to resolve host "api.openai.com": No address associated with hostname', 'host-not-found'], // TheoKanning/openai-java#302
    ['The prompt was filtered due to triggering Azure OpenAI’s content filtering system.\nReason: This prompt contains content flagged as Violence (medium)', 'content-filtered'], // microsoft/semantic-kernel#6328
    ['"error": "litellm.APIConnectionError: err.not_enough_balance"', 'rate-limit'], // aixplain/aiXplain#978
    ['错误信息: Error Details:\n  "Chat upstream returned 429"', 'rate-limit'], // chenyme/grok2api#508
    ['401 Invalid model key or Incorrect local model configuration.', 'auth-rejected'], // FlowiseAI/Flowise#5776
    ['AI_APICallError: Thinking may not be enabled when tool_choice forces tool use.', 'thinking-rejected'], // CherryHQ/cherry-studio#11096
    // A read timeout and the `Socket closed` it left: the timeout, as with the signatures' own supersedes.
    ['Request processing failed: org.springframework.web.client.ResourceAccessException: I/O error on POST request for "http://localhost:11434/api/chat": timeout] with root cause\n\njava.net.SocketException: Socket closed', 'timeout'], // spring-projects/spring-ai#1634
    // From the sixty-first set (test/fixtures/explain-corpus-holdout61.jsonl):
    ['DeepSeek 测试模型 claude-haiku-4-5-20251001 不存在或已下架', 'unknown-model'], // farion1231/cc-switch#3255
    ["Error code: 400 - {'error': {'code': 'BadRequest', 'message': 'response_format value as json_schema is enabled only for api versions 2024-08-01-preview and later'}}", 'param-rejected'], // browser-use/browser-use#12
    ['Error code: 400\n{\n  "error": {\n    "message": "messages[1].content must be a string",\n    "type": "invalid_request_error"\n  }\n}', 'param-rejected'], // browser-use/browser-use#2600
    ["openai.BadRequestError: Error code: 400 - {'error': {'message': \"'tool_outputs' too large: the combined tool outputs must be less than 512kb.\", 'type': 'invalid_request_error'}}", 'context-too-long'], // VRSEN/agency-swarm-lab#39
    // From the sixty-second set (test/fixtures/explain-corpus-holdout62.jsonl):
    ['data: {"error":{"message":"Input does not fit in context length. The input has 31430 tokens, but the context length only supports 30000 tokens."}}', 'context-too-long'], // aaif-goose/goose#11318
    ['Request blocked by provider safety checks. Please modify your request and avoid high-risk cyber activity instructions.', 'content-filtered'], // automazeio/vibeproxy#467
    ['The maximum number of completion tokens was reached', 'output-cap-reached'], // Kilo-Org/kilocode#6381
    // A long message of several sentences is still an error when a field path opens it (not a page's prose) — written for this table.
    ['messages.12.content.0.thinking: the thinking of an earlier turn must be sent back unchanged. Claude Code sent it edited by the relay in between. Keep the blocks of earlier turns as they came and send the request again with them. See the documentation of extended thinking for the rules on passing blocks back.', 'thinking-rejected'],
    // A box's borders around a wrapped message are no part of it.
    ['│ Failed to login. Message: request to https://oauth2.googleapis.com/token failed, reason: self-signed     │\n│ certificate in certificate chain                                                  │', 'tls-error'], // google-gemini/gemini-cli#2300
    // From the sixty-third set (test/fixtures/explain-corpus-holdout63.jsonl):
    ["切换路由状态失败：启动代理服务器失败：地址绑定失败：以一种访问权限不允许的方式做了一个访问套接字的尝试。 (os error 10013)", 'proxy-unreachable'], // farion1231/cc-switch#3685
    ["UNKNOWN_CERTIFICATE_VERIFICATION_ERROR", 'tls-error'], // anthropics/claude-code#43967
    ["{\n  \"endpoint\": \"\",\n  \"error\": {\n    \"cause\": {\n      \"code\": \"UNABLE_TO_VERIFY_LEAF_SIGNATURE\"\n    }\n  }\n}", 'tls-error'], // lobehub/lobehub#966
    ["Service is busy, retrying in 2s...\nWARNING: Retry #2, retrying within 10.0s..", 'overloaded'], // aws/amazon-q-developer-cli#3913
    ["Error from provider (Console): Upstream request failed: [invalid_request_error] reasoning `encrypted_content` was not issued to this caller", 'thinking-rejected'], // anomalyco/opencode#48864
    ["{\n  \"error\": {\n    \"message\": \"Codebuff auth token is required\",\n    \"type\": \"invalid_request_error\"\n  }\n}", 'auth-rejected'], // wusimpl/zen2api-release#11
    ["Error: context ~19344 tokens exceeds the model window 18320 (model=main), with 1 compressible range(s) still visible", 'context-too-long'], // ranxianglei/billion-context#969
    ["WARNING: JSON schema conversion was incomplete: Unsupported pattern syntax; Unsupported pattern syntax\nparse: error parsing grammar: number of repetitions exceeds sane defaults, please reduce the number of repetitions", 'tool-input-invalid'], // anthropics/claude-code#82495
    ["ERROR: Failed to resolve statsig.anthropic.com", 'host-not-found'], // anthropics/claude-code#72451
    // From the sixty-fourth set (test/fixtures/explain-corpus-holdout64.jsonl):
    ["Anthropic stream envelope error: stream ended before message_stop", 'stream-order'], // farion1231/cc-switch#6462
    ["openai_messages.forward_failed\naccount_id=1646\nerror=\"stream usage incomplete: missing terminal event\"", 'stream-order'], // Wei-Shaw/sub2api#3043
    ["[SYSTEM_ERROR] An error occurred. Type: ModelError Details: \"Stream ended without completing a message\"", 'stream-order'], // aws-samples/sample-multi-agent-orchestration-chat-on-agentcore#8
    ["OpenAI completions stream closed before a finish_reason was received", 'stream-order'], // anomalyco/opencode#43882
    ["✕ [API Error: Model stream ended with an invalid chunk or missing finish reason.]", 'stream-order'], // google-gemini/gemini-cli#8184
    ["[Service Parsing Issue] Anthropic: Unexpected content block start location (2).", 'stream-order'], // enricoros/big-AGI#917
    ["RuntimeError: Expected to have received at least 1 text block", 'empty-content'], // anthropics/anthropic-sdk-python#977
    ["{\"detail\":{\"message\":\"Your authentication token has expired. Please try signing in again.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"token_expired\"}}", 'auth-rejected'], // transitive-bullshit/agentic#431
    ["Error: 403 PERMISSION_DENIED. {'error': {'code': 403, 'message': 'Your project has been denied access. Please contact support.', 'status': 'PERMISSION_DENIED'}}", 'upstream-credentials'], // poenl/gemini-api#8
    ["[GoogleGenerativeAI Error]: Error fetching from [403 Forbidden] Permission denied: Consumer 'api_key:AIza...' has been suspended.", 'upstream-credentials'], // babaohuang/GeminiProChat#122
    ["Provider API error: `temperature` may only be set to 1 when thinking is enabled. Please consult our documentation", 'thinking-rejected'], // MartialBE/one-hub#529
    ["{\n  \"message\": \"unknown field: parameter 'strict' is not a valid field. For proper usage, please refer to https://docs.cohere.com/reference/chat\"\n}", 'param-rejected'], // OpenRouterTeam/openrouter-examples#71
    [" Error: {\"message\":\"invalid request: cannot specify both message and tool_results in multistep mode\"}", 'tool-input-invalid'], // huggingface/chat-ui#1404
    ["relay error (channel id 2, user id: 1): Open api daily request limit reached", 'rate-limit'], // songquanpeng/one-api#1503
    ["Error: Validation error: The provided model identifier is invalid.", 'unknown-model'], // earendil-works/pi#4993
    ["{\n    \"status\": false,\n    \"error\": {\n        \"message\": \"The requested endpoint was not found. please make sure to use \\\"http://localhost:3040/v1\\\" as the base URL.\",\n        \"type\": \"invalid_request_error\"\n    }\n}", 'base-url-suffix'], // PawanOsman/OpenCursor#76
    ["*  subjectAltName does not match api.opencode.net\n* SSL: no alternative certificate subject name matches target host name 'api.opencode.net'\n* Closing connection", 'tls-error'], // anomalyco/opencode#45890
    // Pastes a review of the sixty-third and sixty-fourth sets' documentation rules wrote to look like pages: the errors they still show.
    ["v1.74.3-stable\n\nBug Fixes\nFix Bedrock streaming\nFix Vertex auth\n\nAfter installing it my requests fail:\nlitellm.proxy.proxy_server.chat_completion(): Exception occured - Connection refused\nReceived Model Group=claude-sonnet-4", 'proxy-unreachable'], // written for this table (a review of the documentation rules)
    ["Security\nI rotated my key and now:\n{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}", 'auth-rejected'], // written for this table (a review of the documentation rules)
    ["### Error: connect ECONNREFUSED 127.0.0.1:4000\nCause: unknown, started after reboot", 'proxy-unreachable'], // written for this table (a review of the documentation rules)
    ["'Connection refused' because the proxy never came up on port 4000", 'proxy-unreachable'], // written for this table (a review of the documentation rules)
    ["\"Invalid API key · Please run /login\" means nothing to me, I already logged in", 'auth-rejected'], // written for this table (a review of the documentation rules)
    ["Updated Claude Code to 2.0.1 and now every request ends with Connection refused on localhost:4000", 'proxy-unreachable'], // written for this table (a review of the documentation rules)
    ["Update: still getting rate limit exceeded after waiting an hour", 'rate-limit'], // written for this table (a review of the documentation rules)
    ["Test: curl http://localhost:4000/v1/messages -> Connection refused", 'proxy-unreachable'], // written for this table (a review of the documentation rules)
    ["- Tried base URLs: `http://localhost:4000`, `http://127.0.0.1:4000`, and `http://litellm:4000` -> Connection refused on each", 'proxy-unreachable'], // written for this table (a review of the documentation rules)
    ["### Example output\n\n```\nAPI Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n```", 'overloaded'], // written for this table (a review of the documentation rules)
    ["Steps and output are as follows:\n\nRunning it through the proxy prints:\n\n```\nconnect ECONNREFUSED 127.0.0.1:4000\n```", 'proxy-unreachable'], // written for this table (a review of the documentation rules)
    ["We switched Claude Code to our company relay last week and it worked fine at first. Since Monday every request fails and the CLI prints \"Error: token invalid for this channel\" and then stops. I have restarted the relay twice and cleared the local config. My teammates see exactly the same message on their laptops, so it is not my machine.", 'auth-rejected'], // written for this table (a review of the documentation rules)
    ["If I point ANTHROPIC_BASE_URL at the relay, it returns a 401 invalid x-api-key.", 'auth-rejected'], // written for this table (a review of the documentation rules)
    ["Error: stream terminated before completion: timeout after 300s", 'timeout'], // written for this table (a review of the documentation rules)
    ["**Error: 429 rate_limit_error — This request would exceed your organization's rate limit of 50,000 input tokens per minute**\nReason: parallel subagents", 'rate-limit'], // written for this table (a review of the documentation rules)
    ["- Suggests running /login, but login fails with OAuth token has expired", 'auth-rejected'], // written for this table (a review of the documentation rules)
    // From the sixty-fifth set (test/fixtures/explain-corpus-holdout65.jsonl):
    ["This credential is only authorized for use with Claude Code and cannot be used for other API requests.", 'auth-rejected'], // RooCodeInc/Roo-Code#10566
    ["✕ [API Error: API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials that assert a principal.", 'auth-rejected'], // google-gemini/gemini-cli#1463
    ["An error occurred (ValidationException) when calling the InvokeModel operation: The provided model doesn't support on-demand throughput.", 'unknown-model'], // konveyor/kai#411
    ["模型未找到: siliconflow/deepseek-ai", 'unknown-model'], // sigpanic/goink#29
    ["openai.InternalServerError: Error code: 504 - {'message': 'The upstream server is timing out'}", 'timeout'], // gpustack/gpustack#2128
    ["{\n  \"error\": {\n    \"code\": \"504\",\n    \"message\": \"An error occurred with your deployment\"\n  }\n}", 'timeout'], // ChatGPTNextWeb/NextChat#6603
    ["ERROR:    [Errno 10048] error while attempting to bind on address ('::1', 9600, 0, 0): normalerweise darf jede socketadresse (protokoll, netzwerkadresse oder anschluss) nur jeweils einmal verwendet werden", 'proxy-unreachable'], // ParisNeo/lollms-webui#495
    ["docker: Error response from daemon: driver failed programming external connectivity on endpoint local-ai (f1e7): Bind for 0.0.0.0:8080 failed: port is already allocated.", 'proxy-unreachable'], // mudler/LocalAI#3414
    ["$ poetry add litellm==0.1.424\n\nUpdating dependencies\nResolving dependencies... (0.1s)\n\nBecause litellm (0.1.424) depends on openai (>=0.27.8,<0.28.0)\nand vimgpt depends on openai (0.28.0), litellm is forbidden.\nSo, because vimgpt depends on litellm (0.1.424), version solving failed.", 'openai-import-error'], // BerriAI/litellm#359
    ["open-interpreter 0.1.15 requires openai<0.29.0,>=0.28.0, but you have openai 1.3.1 which is incompatible.", 'openai-import-error'], // openinterpreter/open-interpreter#765
    ["model \"kimi-k3\" is served only by credentials outside the channel groups this\ncredential may use (\"group\"); add a serving account to one of those groups, or\nwiden the allowed channel groups", 'key-model-denied'], // kittors/CliRelay#945
    ["Model reached the maximum output token limit before completing the turn", 'output-cap-reached'], // cline/cline#13340
    ["ERROR\tchat_responses error: t [Error]: An error occurred while processing your request. You can retry your request, or contact us through our help center at help.openai.com if the error persists. Please include the request ID req_1332ed8a813a4caaa2f0f3c55a6a68cb in your message.", 'upstream-error'], // openai/openai-node#1730
    ["Error 413: tokens_limits_reached - Request body too large for text-embedding-3-small - Max size: 64000 tokens", 'context-too-long'], // nlweb-ai/NLWeb#164
  ])('names the cause of %s', (text, code) => {
    expect(explainText(text).map((d) => d.code)).toEqual([code]);
  });

  it.each([
    // [a corpus text cut mid-word at 76 characters and going on indented, as a terminal copies a long line, its cause] —
    // the texts are the corpus's (their sources at the end), the cuts written for this table.
    ['API Error: 400 {"error":{"message":"[deepseek/deepseek-reasoner] [400]: Miss\n    ing reasoning_content field in the assistant message at message index 3"}}', 'thinking-rejected'], // decolua/9router#355
    ['Error: Claude Code web sessions require authentication with a Claude.ai acco\n    unt. API key authentication is not sufficient. Please run /login to authenticate.', 'not-logged-in'], // Wei-Shaw/claude-relay-service#640
    ['2025-04-26T21:54:47.188373Z  WARN goose::agents::agent: Context length excee\n    ded. Truncation Attempt: 1/3.', 'context-too-long'], // aaif-goose/goose#2368
    ['Http error: Cannot connect to host host.docker.internal:11434 ssl:default [N\n    ame or service not known]', 'host-not-found'], // open-webui/open-webui#7189
    ['[API Error: 400 <400> InternalError.Algo.InvalidParameter: Range of input le\n    ngth should be [1, 997952]]', 'context-too-long'], // QwenLM/qwen-code#896
  ])('a long line a terminal cut mid-word is read as one: %s', (text, code) => {
    expect(explainText(text).map((d) => d.code)).toEqual([code]);
  });

  it.each([
    // [a real error in a layout that looks like a page's, the causes] — written for this table (a review of the documentation
    // rules): a client's lines of statuses are no reference's catalogue, a user's list is no page's list of conditions, a
    // heading like "Example:" over an error line is the user's, a stack frame is no wrapped line, a port is no status.
    ['402 Insufficient Balance\n429 Too Many Requests\n400 Messages API 不支持 role="system"', ['rate-limit', 'param-rejected']],
    ['Error: all upstream channels failed: 429 Too Many Requests, 503 Service Unavailable', ['rate-limit']],
    ['429 Too Many Requests 当前分组上游负载已饱和，请稍后再试。', ['rate-limit']],
    ['Steps to reproduce the problem:\n1. Start the proxy\n2. Run claude\n3. Claude Code shows API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}', ['context-too-long']],
    ['Example:\nlitellm.exceptions.BadRequestError: litellm.BadRequestError: AnthropicException - prompt is too long: 210000 tokens > 200000 maximum', ['context-too-long']],
    ['示例\nError: getaddrinfo ENOTFOUND llm.internal', ['host-not-found']],
    ['余额不足，请充值以获取更多额度。', ['rate-limit']],
    ['上游返回异常: 模型不存在，请联系管理员修复', ['unknown-model']],
    ['Error: Request to the upstream model gateway failed because the server was busy\n    at Socket.onEnd (node:net:1)', ['overloaded']],
    ['Failed to establish a connection to llm.internal.example.com:443', ['proxy-unreachable']],
    ['From the docs:\n401 Unauthorized\n403 Forbidden\n429 Too Many Requests\n\nWhat I get:\nAPI Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}', ['rate-limit', 'context-too-long']],
  ])('a page-like layout does not hide a real error: %s', (text, codes) => {
    expect(explainText(text).map((d) => d.code)).toEqual(codes);
  });

  it("a page's example HTTP response, its headers and its body, is no failure", () => {
    // Written for this test: a docs page introducing the answer's format.
    const page = 'When the limit is hit, the gateway answers with this format:\n\nHTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n\n{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}';
    expect(explainText(page)).toEqual([]);
    // The same response pasted as curl -i printed it is a failure.
    expect(explainText(page.split('\n').slice(2).join('\n')).map((d) => d.code)).toEqual(['rate-limit']);
  });

  it.each([
    // [a corpus text as a terminal, a chat app, a web page or a Markdown quote hands it over, its cause] — the texts are the
    // corpus's (sources at the end), the noise written for this table.
    ['\x1b[31mInvalid openrouter API key.\x1b[0m', 'auth-rejected'], // charmbracelet/mods#497
    ['\x1b[31mAPI Error: 404 {"type":"error","error":{"type":"not_found_error","message":"model:\x1b[0m\n\x1b[31manthropic.claude-3-haiku-20240307-v1:0"}}\x1b[0m', 'unknown-model'], // anthropics/claude-code#10596
    ['litellm.BadRequestError:\u00a0AnthropicException\u00a0-\u00a0prompt\u00a0is\u00a0too\u00a0long:\u00a0210000\u00a0tokens\u00a0>\u00a0200000\u00a0maximum', 'context-too-long'], // (written for this table)
    ['API Error: 400 Messages API 不支持 role=&quot;system&quot;', 'param-rejected'], // chenyme/grok2api#595
    ['> API Error: 400 Messages API 不支持 role="system"\n> please help', 'param-rejected'], // chenyme/grok2api#595, quoted
    // A log collector's prefix on every line (docker compose, journald, kubectl logs --timestamps), written for this table.
    ['litellm-1  | Provider call finished after 3 retries\nlitellm-1  | 429 Provider returned error', 'rate-limit'], // continuedev/continue#10442
    ['litellm-1  | Provider call finished after 3 retries\nlitellm-1  | 529 Upstream provider NIM returned an error.', 'overloaded'], // Alishahryar1/free-claude-code#1229
    ['Dec 04 01:02:03 host litellm[1234]: Received 429 from upstream, the request is retryable\nDec 04 01:02:04 host litellm[1234]: Rate limit exceeded for model claude-sonnet, retry after 20s', 'rate-limit'],
    // Not a quote: a Node REPL's prompts over the answer it printed; not a text that opens as a source file: a snippet's fence, then the output.
    ["> const r = await fetch('http://localhost:4000/v1/messages', {method:'POST'})\n> await r.text()\n'{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}'", 'context-too-long'],
    ['```python\nimport anthropic\nclient = anthropic.Anthropic()\n```\n\nOutput:\n\n```\n{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}\n```', 'context-too-long'],
    ['\x1b[38:2::255:0:0mAPI Error: 400 prompt is too long: 210000 tokens > 200000 maximum\x1b[0m', 'context-too-long'],
    ['Error: context length too big for this model', 'context-too-long'],
    ['Dec 04 01:02:03 gpu-box litellm[1234]: litellm.exceptions.RateLimitError: litellm.RateLimitError: AnthropicException - {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}', 'rate-limit'],
    ['2026-12-04T01:02:03.456789Z Error: connect ECONNREFUSED 127.0.0.1:4000\n2026-12-04T01:02:03.456789Z     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)', 'proxy-unreachable'],
  ])('what a paste carries besides the message is no part of it: %s', (text, code) => {
    expect(explainText(text).map((d) => d.code)).toEqual([code]);
    for (const d of explainText(text)) expect(d.evidence).not.toMatch(/\x1b|\\x1b|&quot;/);
  });

  it("a table's row keeps its first cell: one line with a pipe is no log collector's prefix", () => {
    expect(explainText('gpt-4 | prompt is too long | use a bigger model').map((d) => d.evidence)).toEqual(['gpt-4 | prompt is too long | use a bigger model']);
  });

  it('a quoted or coloured page or log line stays quiet', () => {
    // Written for this test: a docs table quoted in a comment, a coloured uvicorn access line.
    expect(explainText('> ## Rate limits\n> | Status | Meaning |\n> |---|---|\n> | 429 | Too many requests |')).toEqual([]);
    expect(explainText('\x1b[32mINFO\x1b[0m:     127.0.0.1:61428 - "POST /v1/messages?beta=true HTTP/1.1" 200 OK')).toEqual([]);
    expect(explainText('litellm-1  | INFO:     127.0.0.1:61428 - "POST /v1/messages?beta=true HTTP/1.1" 200 OK\nlitellm-1  | 10:46:02 - LiteLLM Router:INFO: router.py:4346 - Trying to fallback b/w models')).toEqual([]);
    // A CI log's test name and a changelog line behind a collector's prefix (BerriAI/litellm#39857; getlago/lago-python-client v1.46.0).
    expect(explainText('litellm-1  | - tests/e2e/router/test_reliability_cooldowns_e2e.py::TestReliabilityCooldowns::test_timeout_trips_cooldown_then_recover')).toEqual([]);
    expect(explainText('2026-12-04T01:02:03.456789Z Add HTTP 429 rate limit retry with automatic backoff and 20s max delay cap')).toEqual([]);
  });

  it("a relay's own expired upstream OAuth token is no Claude Code login to renew", () => {
    // Wei-Shaw/sub2api#25: the relay's stored token for its upstream account; no "/login" beside it.
    const text = '{"code":500,"message":"Failed to get usage: API returned status 401: {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"authentication_error\\",\\"message\\":\\"OAuth token has expired. Please obtain a new token or refresh your existing token.\\"}}"}';
    expect(explainText(text).map((d) => d.code)).not.toContain('not-logged-in');
  });

  it('evidence is redacted and has no raw control character', () => {
    const [d] = explainText('curl -H "Authorization: Bearer sk-live-SECRET-0123456789" … {"error":{"message":"No connected db.","type":"no_db_connection"}}\x1b[2J');
    expect(d!.code).toBe('wrong-key');
    expect(d!.evidence).not.toContain('SECRET');
    expect(d!.evidence).not.toMatch(/\x1b/);
  });
});

describe('ccenv explain', () => {
  it('--json: one document with schemaVersion and the diagnoses; exit 0 when something was diagnosed', () => {
    const c = capture();
    expect(explainCommand({ text: 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', json: true }, c.io, true)).toBe(0);
    const doc = JSON.parse(c.out());
    expect(doc.schemaVersion).toBe(1);
    expect(doc.diagnoses).toEqual([expect.objectContaining({ code: 'overloaded', line: 1, evidence: expect.stringContaining('overloaded_error'), cause: expect.any(String), fix: expect.any(String), source: expect.stringMatching(/#\d+/) })]);
  });

  it('nothing known: exit 1, and the next step (doctor, where the log is, what to paste)', () => {
    const c = capture();
    expect(explainCommand({ text: 'all good here' }, c.io, true)).toBe(1);
    expect(c.out()).toMatch(/^No known diagnosis in that text\.\nNext: run `ccenv doctor`/);
    expect(c.out()).toContain('Paste the whole error block');
  });

  it('no text and standard input on a terminal: a usage error (exit 2)', () => {
    expect(() => explainInput(undefined, true)).toThrow(UserError);
    expect(explainInput('x', true)).toBe('x');
  });
});
