// The documented error vocabulary, as a table: each text is a message as the named source prints it (a provider's
// error reference, LiteLLM's exception mapping and the pinned wheel's own messages, Node's and Python's network
// errors, Claude Code's own strings), each with the cause a reader of that source would name. Written from those
// references, not from the corpus of pasted texts (test/unit/explain-corpus.test.ts measures that).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain.js';
import { ROOT } from '../helpers/paths.js';

/** [text, expected code] per source. */
const VOCABULARY: Record<string, [string, string][]> = {
  'observed with @anthropic-ai/claude-code 2.1.330 (user-facing strings in its binary)': [
    ['API Error: 401 Invalid API key · Please run /login', 'auth-rejected'],
    // Claude Code's words when the key it sends comes from ANTHROPIC_API_KEY ("external"): beside a proxy, that variable is the conflict.
    ['Invalid API key · Fix external API key', 'auth-conflict'],
    ['Invalid bearer token', 'auth-rejected'],
    // Anthropic's own billing answered: the request went to api.anthropic.com, not the proxy.
    ['Credit balance is too low', 'anthropic-direct'],
    ['Credit balance too low · Add funds: https://console.anthropic.com/settings/billing', 'anthropic-direct'],
    ['API Error: Request timed out.', 'timeout'],
    ['Request timed out. Check your internet connection and proxy settings', 'timeout'],
    ['API Error: Unable to connect to API. Check your internet connection', 'proxy-unreachable'],
    ['Unable to connect to API: SSL certificate has expired', 'tls-error'],
    ['Unable to connect to API: SSL certificate hostname mismatch', 'tls-error'],
    ['Unable to connect to API: Self-signed certificate detected', 'tls-error'],
    ['Prompt is too long', 'context-too-long'],
    ['Repeated 529 Overloaded errors', 'overloaded'],
    ['API Error: 400 duplicate tool_use ID in conversation history.', 'tool-input-invalid'],
    ['API Error: 400 orphaned tool_result in conversation history.', 'tool-input-invalid'],
    ['API Error: 400 due to tool use concurrency issues.', 'tool-input-invalid'],
    ['[Bug] Anthropic API Error: Missing Tool Result Block', 'tool-input-invalid'],
    ["You've hit your limit · resets 5pm", 'rate-limit'],
    ['API Error: Request rejected (429) · request refused', 'rate-limit'],
    ['The model returned an empty response (retry also failed).', 'empty-content'],
    // Auto-compact that cannot make the conversation fit.
    ['Autocompact is thrashing: the context refilled to the limit within 3 turns of the previous compact, 3 times in a row.', 'context-too-long'],
    ['A single-exchange conversation cannot be compacted; reduce attached files/tools or start with less context.', 'context-too-long'],
    // As a Windows console shows it (UTF-8 read as Windows-1252: `·` → `Â·`, `⎿` → `âŽ¿`).
    ['Not logged in Â· Please run /login', 'not-logged-in'],
    ['  âŽ¿  Thereâ€™s an issue with the selected model (kimi-k2.5). It may not exist or you may not have access to it.', 'model-404'],
    // A stream cut short, in the words of its cause (the binary picks one: its idle watchdog, an error event, a
    // malformed or out-of-order stream, a closed connection).
    ['API Error: The response stopped arriving. The response above may be incomplete.', 'timeout'],
    ['API Error: The response stalled before a response was produced. Try again.', 'timeout'],
    ['API Error: Server error mid-response. The response above may be incomplete.', 'upstream-error'],
    ['API Error: Part of the response never arrived. The response above may be incomplete.', 'stream-order'],
    ['API Error: The response stream was malformed and no response was produced. Try again.', 'stream-order'],
    ['API Error: Connection lost mid-response. The response above may be incomplete.', 'connection-reset'],
    ['API Error: Connection lost before a response was produced. Try again.', 'connection-reset'],
    ["API Error: Anthropic's safeguards flagged this message. Rephrase it and try again.", 'content-filtered'],
    // An answer that stopped at max_tokens (stop_reason "max_tokens"): Claude Code's output cap, nothing refused.
    ["API Error: Claude's response exceeded the 32000 output token maximum. To configure this behavior, set the CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable.", 'output-cap-reached'],
    ["API Error: Claude's response exceeded the 64000 output token maximum for a request sent without streaming. The CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable cannot raise this limit.", 'output-cap-reached'],
    ["The model's tool call could not be parsed (retry also failed).", 'tool-input-invalid'],
    ['API Error: 529 Overloaded. The API is at capacity — this is usually temporary. Try again in a moment.', 'overloaded'],
    ['API Error: The model has reached its context window limit.', 'context-too-long'],
    ['API Error: Usage credits ran out before the response was finished.', 'rate-limit'],
    ['API Error: Request timed out (waited 5m). If a proxy or gateway on your network holds responses until they complete, raise API_TIMEOUT_MS or CLAUDE_STREAM_FIRST_BYTE_TIMEOUT_MS to wait longer.', 'timeout'],
    ['Stream idle timeout - partial response received', 'timeout'],
    ['Request too large (max 32MB). Accumulated images and attachments in the conversation pushed the request over the limit.', 'context-too-long'],
    ['API Error: Connection to the API was lost (ECONNRESET). This is usually temporary — try again.', 'connection-reset'],
    ['API Error: Connection refused — a firewall or proxy may be blocking it (ECONNREFUSED)', 'proxy-unreachable'],
    ['Failed to authenticate. API Error: 403 request refused', 'auth-rejected'],
    // Its hints for Node's socket errors, and its words for a proxy in the way.
    ['Connection reset - server may have crashed or restarted', 'connection-reset'],
    ['Broken pipe - server closed connection unexpectedly', 'connection-reset'],
    ['Connection timeout - network issue or server unresponsive', 'timeout'],
    ['Host unreachable - network connectivity issue', 'proxy-unreachable'],
    ['A network proxy or gateway answered instead of Anthropic — retry from a network that reaches it directly', 'http-proxy'],
    ['A proxy is set: if this host should be reached through it, check NO_PROXY, and that the setting is a whole URL.', 'http-proxy'],
    ['A proxy or gateway that buffers streaming responses can cause this · set CLAUDE_STREAM_FIRST_BYTE_TIMEOUT_MS to change the first wait', 'timeout'],
    ['Agent stalled (stream watchdog)', 'timeout'],
    ['CONNECT tunnel failed, response 403', 'http-proxy'],
    ['Failed to connect to proxy proxy.corp.example:3128', 'http-proxy'],
    ["Could not resolve the configured HTTP proxy. Connect to your organization's network and try again.", 'http-proxy'],
    ["Could not verify the gateway's TLS certificate. Check your connection, and join your organization's network if the gateway needs it.", 'tls-error'],
    ["Couldn't connect to the gateway. Check that you're on your organization's network, then try again.", 'proxy-unreachable'],
    ['Refused by network proxy policy - signing in or retrying will not help', 'http-proxy'],
    ['This proxy requires authentication, and this client did not offer an authentication method, so the connection was refused.', 'http-proxy'],
    ['ProxyConnectRefusedError', 'http-proxy'],
    ["Your organization's policy could not be loaded: the request for it got a 404, which usually means that a proxy or gateway does not forward it.", 'http-proxy'],
    ['No data arrived within the connection idle limit', 'timeout'],
    ['Server is temporarily limiting requests (not your usage limit)', 'rate-limit'],
    // Its bare banner, and with the code that says more (host-not-found replaces the refused connection).
    ['Unable to connect to API', 'proxy-unreachable'],
    ['Unable to connect to API (ENOTFOUND)', 'host-not-found'],
    ['API Error: 503 request refused. This is a server-side issue, usually temporary — try again in a moment.', 'upstream-error'],
  ],
  'https://docs.anthropic.com/en/api/errors': [
    ['{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}', 'auth-rejected'],
    ['{"type":"error","error":{"type":"permission_error","message":"Your API key does not have permission to use the specified resource."}}', 'auth-rejected'],
    // The not_found_error naming a model: the id the server does not know (nine threads settled it so, seven of them in holdout38–41).
    ['{"type":"error","error":{"type":"not_found_error","message":"model: claude-x"}}', 'unknown-model'],
    ['{"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum allowed number of bytes."}}', 'context-too-long'],
    ['API Error: 413 {"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum size"}}', 'context-too-long'],
    ['{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}', 'rate-limit'],
    ['{"type":"error","error":{"type":"api_error","message":"Internal server error"}}', 'upstream-error'],
    ['{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', 'overloaded'],
    ['{"type":"error","error":{"type":"billing_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}', 'rate-limit'],
    ['{"type":"error","error":{"type":"timeout_error","message":"Request timed out"}}', 'timeout'],
  ],
  'https://platform.openai.com/docs/guides/error-codes': [
    ['Error code: 401 - {"error": {"message": "Incorrect API key provided: sk-abc. You can find your API key at https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", "code": "invalid_api_key"}}', 'auth-rejected'],
    ['You exceeded your current quota, please check your plan and billing details.', 'rate-limit'],
    ['{"error":{"code":"insufficient_quota","message":"You exceeded your current quota"}}', 'rate-limit'],
    ['Rate limit reached for gpt-4o in organization org-x on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000.', 'rate-limit'],
    ['The server had an error while processing your request. Sorry about that!', 'upstream-error'],
    ['The engine is currently overloaded, please try again later', 'overloaded'],
    ["This model's maximum context length is 128000 tokens. However, your messages resulted in 140000 tokens.", 'context-too-long'],
    ['The model `gpt-5-foo` does not exist or you do not have access to it.', 'unknown-model'],
  ],
  'https://docs.litellm.ai/docs/exception_mapping': [
    ['litellm.AuthenticationError: AuthenticationError: OpenAIException - Incorrect API key provided', 'upstream-credentials'],
    ['litellm.PermissionDeniedError: AnthropicException - permission denied', 'auth-rejected'],
    ['litellm.NotFoundError: OpenAIException - The model `x` does not exist', 'unknown-model'],
    ['litellm.ContextWindowExceededError: litellm.BadRequestError: ContextWindowExceededError: OpenAIException - too many tokens', 'context-too-long'],
    ['litellm.RateLimitError: RateLimitError: OpenAIException - Error code: 429', 'rate-limit'],
    ['litellm.ServiceUnavailableError: ServiceUnavailableError: OpenAIException - Service Unavailable', 'upstream-error'],
    ['litellm.InternalServerError: InternalServerError: OpenAIException - Internal server error', 'upstream-error'],
    ['litellm.APIConnectionError: APIConnectionError: OpenAIException - Connection error.', 'proxy-unreachable'],
    ['litellm.Timeout: Connection timed out after 600.0 seconds.', 'timeout'],
    ['litellm.BudgetExceededError: Budget has been exceeded! Current cost: 10.2, Max budget: 10.0', 'budget-exceeded'],
    ['litellm.UnprocessableEntityError: OpenAIException - Unprocessable Entity', 'param-rejected'],
  ],
  'https://pypi.org/project/litellm/1.108.7/ (proxy/auth, proxy/hooks, types/router.py RouterErrors)': [
    ['litellm.RateLimitError: Max parallel request limit reached', 'rate-limit'],
    ['Deployment over user-defined ratelimit.', 'rate-limit'],
    ['Deployment has all max_parallel_requests slots in use.', 'rate-limit'],
    ['You passed in model=kimi. There are no healthy deployments for this model', 'no-deployments'],
    ['All deployments for selected model are in cooldown', 'no-deployments'],
    ['Authentication Error: invalid user key - token does not exist', 'auth-rejected'],
    ['Invalid Authorization header format', 'auth-rejected'],
    ['litellm._pre_call_checks: Context Window exceeded for given call. No models have context window large enough for this call.', 'context-too-long'],
    ['Not allowed to access model due to tags configuration', 'key-model-denied'],
  ],
  'https://pypi.org/project/litellm/1.108.7/ (litellm_core_utils/exception_mapping_utils.py: the provider wordings LiteLLM maps to its exception classes)': [
    // ContentPolicyViolationError and the wordings mapped to it (is_azure_content_policy_violation_error, the Vertex check).
    ["litellm.ContentPolicyViolationError: AzureException - The response was filtered due to the prompt triggering Azure OpenAI's content management policy.", 'content-filtered'],
    ["Error code: 400 - {'error': {'code': 'content_policy_violation', 'message': 'Your request was rejected as a result of our safety system.', 'type': 'invalid_request_error'}}", 'content-filtered'],
    ['litellm.BadRequestError: VertexAIException - Output blocked by content filtering policy', 'content-filtered'],
    ['litellm.BadRequestError: CerebrasException - Please reduce the length of the messages or completion. Current length is 140000 while limit is 131072', 'context-too-long'],
    ['ContextWindowExceededError: exceed context limit', 'context-too-long'],
    ["This model's maximum context limit is 32768 tokens", 'context-too-long'],
    ["This is longer than the model's context length (8192 tokens).", 'context-too-long'],
    ['Input tokens exceed the configured limit of 272000 tokens.', 'context-too-long'],
    ['Input validation error: `inputs` tokens + `max_new_tokens` must be <= 8192. Given: 9000 `inputs` tokens and 4096 `max_new_tokens`', 'context-too-long'],
    ['Error: the maximum input length is 32000 tokens', 'context-too-long'],
    ['ValidationException: Input is too long for requested model.', 'context-too-long'],
    ['ValidationException: Too many input tokens. Max input tokens: 200000', 'context-too-long'],
    ['Prompt has too many tokens', 'context-too-long'],
    ['ThrottlingException: Too many requests, please wait before trying again.', 'rate-limit'],
    ['Request was throttled. Expected available in 5 seconds.', 'rate-limit'],
    ['Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model', 'rate-limit'],
    ['{"error":{"code":"token_quota_reached","message":"Token quota reached"}}', 'rate-limit'],
    ['Resource exhausted. Please try again later.', 'rate-limit'],
    // Bare, AWS's refusal is of the client's own credentials (six threads of the corpus settled it so); in LiteLLM's
    // wrapper it is the proxy's.
    ['UnrecognizedClientException: The security token included in the request is invalid.', 'auth-rejected'],
    ['litellm.AuthenticationError: BedrockException - UnrecognizedClientException: The security token included in the request is invalid.', 'upstream-credentials'],
    ['botocore.exceptions.NoCredentialsError: Unable to locate credentials', 'upstream-credentials'],
    ['AccessDeniedException: You don\'t have access to the model with the specified model ID.', 'key-model-denied'],
    ['Vertex AI API has not been used in project 1234 before or it is disabled.', 'upstream-credentials'],
    ['Connect timeout on endpoint URL: "https://bedrock-runtime.us-east-1.amazonaws.com/model/x/invoke"', 'timeout'],
    ['The read operation timed out', 'timeout'],
    ['litellm.APIConnectionError: HTTPSConnectionPool(host=\'api.example.com\', port=443): Max retries exceeded (Caused by NewConnectionError(\'Failed to establish a new connection: [Errno 111] Connection refused\'))', 'proxy-unreachable'],
    ['The server received an invalid response from an upstream server.', 'upstream-error'],
    ['Web server is returning an unknown error', 'upstream-error'],
    ['DeploymentNotFound: The API deployment for this resource does not exist.', 'unknown-model'],
    ['Incorrect authentication token', 'auth-rejected'],
    ['Bad or missing API token.', 'auth-rejected'],
  ],
  'https://github.com/openai/openai-python#handling-errors; https://github.com/anthropics/anthropic-sdk-python#handling-errors': [
    ['openai.APITimeoutError: Request timed out.', 'timeout'],
    ['anthropic.APITimeoutError: Request timed out or interrupted.', 'timeout'],
    ['openai.APIConnectionError: Connection error.', 'proxy-unreachable'],
    ["openai.NotFoundError: Error code: 404 - {'error': {'message': 'something else'}}", 'model-404'],
    ["openai.RateLimitError: Error code: 429 - {'error': {'message': 'slow down'}}", 'rate-limit'],
    ["anthropic.InternalServerError: Error code: 500 - {'type': 'error', 'error': {'type': 'api_error', 'message': 'Internal server error'}}", 'upstream-error'],
  ],
  'https://pypi.org/project/litellm/1.108.7/ (litellm/proxy/_types.py ProxyErrorTypes); https://platform.openai.com/docs/guides/error-codes': [
    ['{"error":{"message":"something new","type":"throttling_error","param":null,"code":"429"}}', 'rate-limit'],
    ['{"error":{"message":"something new","type":"all_deployments_in_cooldown","param":null,"code":"429"}}', 'no-deployments'],
    ['{"error":{"message":"something new","type":"token_not_found_in_db","param":"None","code":"401"}}', 'auth-rejected'],
    ['{"error":{"message":"something new","type":"auth_error","param":"None","code":"401"}}', 'auth-rejected'],
    ['{"error":{"message":"something new","type":"invalid_request_error","code":"invalid_api_key"}}', 'auth-rejected'],
    ['{"error":{"message":"something new","type":"server_error"}}', 'upstream-error'],
    ['{"error":{"message":"something new","type":"requests","code":"rate_limit_exceeded"}}', 'rate-limit'],
  ],
  'https://nodejs.org/api/errors.html#common-system-errors; https://undici.nodejs.org/#/docs/api/Errors': [
    ['Error: connect ECONNREFUSED 127.0.0.1:4000', 'proxy-unreachable'],
    ['Error: read ECONNRESET', 'connection-reset'],
    ['Error: connect ETIMEDOUT 10.0.0.5:4000', 'timeout'],
    ['Error: getaddrinfo ENOTFOUND litellm', 'host-not-found'],
    ['ConnectTimeoutError: Connect Timeout Error (attempt: 1, timeout: 10000ms)', 'timeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['HeadersTimeoutError: Headers Timeout Error', 'timeout'],
    ['BodyTimeoutError: Body Timeout Error', 'timeout'],
    ['SocketError: other side closed', 'connection-reset'],
    ['Error: unable to verify the first certificate', 'tls-error'],
    ["Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames", 'tls-error'],
    ['Error: connect EHOSTUNREACH 192.168.1.5:4000', 'proxy-unreachable'],
    ['Error: write EPIPE', 'connection-reset'],
  ],
  'https://www.python-httpx.org/exceptions/; https://docs.python.org/3/library/exceptions.html#ConnectionResetError': [
    ['httpx.ConnectError: [Errno 111] Connection refused', 'proxy-unreachable'],
    ['httpx.ReadTimeout: timed out', 'timeout'],
    ['httpx.RemoteProtocolError: Server disconnected without sending a response.', 'connection-reset'],
    ['requests.exceptions.ConnectionError: HTTPConnectionPool(host=\'localhost\', port=4000): Max retries exceeded with url: /v1/messages (Caused by NewConnectionError(\'<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused\'))', 'proxy-unreachable'],
    ['ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate', 'tls-error'],
    ['aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host localhost:11434 ssl:default [Connect call failed (\'127.0.0.1\', 11434)]', 'proxy-unreachable'],
    ['ConnectionResetError: [Errno 104] Connection reset by peer', 'connection-reset'],
    ['socket.gaierror: [Errno -2] Name or service not known', 'host-not-found'],
    ['[Errno 11001] getaddrinfo failed', 'host-not-found'],
    // Windows' words for a reset (WSAECONNRESET), and urllib3's for a connection that was never made.
    ["('Connection aborted.', ConnectionResetError(10054, 'An existing connection was forcibly closed by the remote host', None, 10054, None))", 'connection-reset'],
    ["HTTPConnectionPool(host='localhost', port=4000): Max retries exceeded with url: /v1/messages (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 113] No route to host'))", 'proxy-unreachable'],
    // An import error names a class (here AuthenticationError): it is no failure of that kind.
    ["ImportError: cannot import name 'AuthenticationError' from 'openai' (/venv/lib/python3.11/site-packages/openai/__init__.py)", 'openai-import-error'],
  ],
  'https://ai.google.dev/gemini-api/docs/troubleshooting': [
    ['{"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT"}}', 'auth-rejected'],
    ['{"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"}}', 'auth-rejected'],
    ['{"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED"}}', 'rate-limit'],
    ['{"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}', 'overloaded'],
    ['{"error": {"code": 504, "message": "Deadline exceeded", "status": "DEADLINE_EXCEEDED"}}', 'timeout'],
    ['{"error": {"code": 400, "message": "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).", "status": "INVALID_ARGUMENT"}}', 'context-too-long'],
    ['{"error": {"code": 404, "message": "models/gemini-9 is not found for API version v1beta, or is not supported for generateContent.", "status": "NOT_FOUND"}}', 'unknown-model'],
  ],
  'https://pypi.org/project/litellm/1.108.7/ (litellm/decisions/call.py UnsupportedParamsError)': [
    ["litellm.UnsupportedParamsError: zai does not support parameters: ['top_logprobs'], for model=glm-5. To drop these, set `litellm.drop_params=True` or for proxy:\n\n`litellm_settings:\n drop_params: true`", 'param-rejected'],
    ["litellm.UnsupportedParamsError: zai does not support parameters: ['reasoning_effort'], for model=glm-5. To drop these, set `litellm.drop_params=True`", 'thinking-rejected'],
  ],
  'https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage.ensuresuccessstatuscode': [
    ['System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized).', 'auth-rejected'],
    ['System.Net.Http.HttpRequestException: Response status code does not indicate success: 429 (Too Many Requests).', 'rate-limit'],
  ],
  // Request validators of the servers behind proxies: a field of Claude Code's request their schema refuses.
  'https://fastapi.tiangolo.com/tutorial/handling-errors/#requestvalidationerror-vs-validationerror; https://docs.pydantic.dev/latest/errors/validation_errors/': [
    ['API Error: 400 {"detail":[{"type":"literal_error","loc":["body","messages",0,"role"],"msg":"Input should be \'user\' or \'assistant\'","input":"system"}]}', 'param-rejected'],
    ['API Error: 400 {"detail":[{"type":"missing","loc":["body","messages",2,"content"],"msg":"Field required"}]}', 'param-rejected'],
    // FastAPI's answer to a path it does not serve — LiteLLM's proxy is a FastAPI app.
    ['API Error: 404 {"detail":"Not Found"}', 'base-url-suffix'],
  ],
  'https://docs.rs/axum/latest/axum/extract/rejection/struct.JsonDataError.html': [
    ['API Error: 400 Failed to deserialize the JSON body into the target type: messages[1].content: invalid type: sequence, expected a string at line 1 column 912', 'param-rejected'],
  ],
  'https://github.com/FasterXML/jackson-databind (MismatchedInputException)': [
    ['JSON parse error: Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`)', 'param-rejected'],
  ],
  'https://platform.openai.com/docs/api-reference/chat/create': [
    ["API Error: 400 Invalid 'messages[0].name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.", 'param-rejected'],
    ["API Error: 400 Invalid 'tools[3].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.", 'tool-input-invalid'],
  ],
  'https://pkg.go.dev/crypto/x509#UnknownAuthorityError; https://pkg.go.dev/crypto/tls': [
    ['Post "https://gateway.example/v1/messages": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'tls-error'],
  ],
  'https://curl.se/libcurl/c/libcurl-errors.html (CURLE_COULDNT_CONNECT); https://docs.rs/reqwest/latest/reqwest/struct.Error.html': [
    ["curl: (7) Failed to connect to localhost port 4000 after 0 ms: Couldn't connect to server", 'proxy-unreachable'],
    ['error sending request for url (http://127.0.0.1:4000/v1/messages)', 'proxy-unreachable'],
  ],
  'https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h (INCOMPLETE_CHUNKED_ENCODING)': [
    ['POST http://localhost:4000/v1/chat/completions net::ERR_INCOMPLETE_CHUNKED_ENCODING 200 (OK)', 'connection-reset'],
  ],
  // A JSON Schema in a Messages API request is a tool's input_schema (https://docs.anthropic.com/en/docs/build-with-claude/tool-use).
  'https://json-schema.org/draft/2020-12; https://platform.openai.com/docs/guides/function-calling': [
    ["API Error: 400 Invalid schema for function 'Read': schema must be a JSON Schema of 'type: \"object\"', got 'type: null'.", 'tool-input-invalid'],
    ['API Error: 400 Error validating JSON Schema: None is not of type \'object\'', 'tool-input-invalid'],
  ],
  'https://pkg.go.dev/net#DNSError': [
    ['Error: Head "http://litellm:4000/": dial tcp: lookup litellm on 127.0.0.11:53: no such host', 'host-not-found'],
  ],
  'https://googleapis.dev/python/google-auth/latest/reference/google.auth.exceptions.html (DefaultCredentialsError)': [
    ['litellm.APIConnectionError: VertexAIException - Your default credentials were not found. To set up Application Default Credentials, see https://cloud.google.com/docs/authentication/external/set-up-adc for more information.', 'upstream-credentials'],
  ],
  'https://docs.anthropic.com/en/docs/build-with-claude/context-editing': [
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"`clear_thinking_20251015` strategy requires `thinking` to be enabled"}}', 'param-rejected'],
  ],
  'https://cloud.google.com/vertex-ai/generative-ai/docs/thinking': [
    ["400 Unable to submit request because Thinking can't be disabled for this model. Remove 'thinking_config.thinking_budget' from your request and try again.", 'thinking-rejected'],
  ],
  'https://docs.spring.io/spring-framework/docs/current/javadoc-api/org/springframework/web/servlet/resource/NoResourceFoundException.html': [
    ['API Error: 404 {"error":"No static resource v1/v1/messages."}', 'base-url-suffix'],
  ],
  'https://python-jsonschema.readthedocs.io/en/stable/errors/': [
    ["litellm.BadRequestError: DashscopeException - [] is too short - 'tools'", 'tool-input-invalid'],
  ],
  'https://docs.anthropic.com/en/api/beta-headers': [
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Unexpected value(s) `fine-grained-tool-streaming-2025-05-14` for the `anthropic-beta` header. Please consult our documentation at docs.anthropic.com or try again without the header."}}', 'invalid-beta'],
  ],
  'https://platform.openai.com/docs/api-reference/chat/object': [
    ['{"object":"chat.completion","choices":[{"finish_reason":"stop","index":0,"message":{"content":null,"refusal":null,"role":"assistant","tool_calls":null}}]}', 'empty-content'],
  ],
  // nginx's own error page where the API's JSON should be: something in front of the API refused the call.
  'https://nginx.org/en/docs/http/ngx_http_core_module.html#error_page': [
    ['Failed to authenticate. API Error: 403 <html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n<hr><center>nginx</center>', 'http-proxy'],
  ],
  'https://www.rfc-editor.org/rfc/rfc9110#section-15': [
    ['API Error: 502 Bad Gateway', 'upstream-error'],
    ['API Error: 503 Service Unavailable', 'upstream-error'],
    ['API Error: 504 Gateway Timeout', 'timeout'],
    ['API Error: 429 Too Many Requests', 'rate-limit'],
    ['API Error: 401 Unauthorized', 'auth-rejected'],
    ['API Error: 403 Forbidden', 'auth-rejected'],
    ['API Error: 402 Payment Required', 'rate-limit'],
    ['API Error: 408 Request Timeout', 'timeout'],
    ['API Error: 413 Payload Too Large', 'context-too-long'],
    ['API Error: 404 Not Found', 'model-404'],
    ['API Error: 500 Internal Server Error', 'upstream-error'],
  ],
  'https://api-docs.deepseek.com/quick_start/error_codes; https://docs.bigmodel.cn/cn/faq/api-code; https://platform.moonshot.cn/docs/api/errors; https://help.aliyun.com/zh/model-studio/error-code': [
    ['Error code: 402 - {"error":{"message":"Insufficient Balance","type":"unknown_error"}}', 'rate-limit'],
    ['{"error":{"code":"1113","message":"余额不足或无可用资源包,请充值。"}}', 'rate-limit'],
    ['{"error":{"code":"1302","message":"您的账户已达到速率限制，请您控制请求频率"}}', 'rate-limit'],
    ['{"error":{"message":"Your account org-x is suspended, please check your plan and billing details","type":"exceeded_current_quota_error"}}', 'rate-limit'],
    ['{"error":{"code":"Arrearage","message":"Access denied, please make sure your account is in good standing."}}', 'rate-limit'],
    ['Range of input length should be [1, 129024]', 'context-too-long'],
    ['InvalidParameter: Range of max_tokens should be [1, 8192]', 'max-tokens-rejected'],
  ],
};

/** Lines that are not failures even though they show a status or an error class's name. */
const HARMLESS = [
  // A review's cases (2026-12-02): local pipes, ssh settings, a Go server's config, a linter's and a UI's wording,
  // source code, docs, a passing test run and LiteLLM 1.108.7's --detailed_debug lines of a call that succeeded.
  "$ claude -p \"list the files\" --output-format stream-json | head -n 1\n{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"3f2a\",\"tools\":[\"Bash\",\"Read\"]}\nyes: standard output: Broken pipe",
  "Host gpu-box\n  HostName 10.0.0.12\n  User ubuntu\n  ConnectTimeout 10\n  ServerAliveInterval 30",
  "$ ssh -o ConnectTimeout=5 -L 4000:localhost:4000 gpu-box\nWelcome to Ubuntu 22.04.4 LTS (GNU/Linux 5.15.0-105-generic x86_64)",
  "srv := &http.Server{\n\tAddr:         \":4000\",\n\tWriteTimeout: 0, // streaming responses must not be cut\n\tIdleTimeout:  120 * time.Second,\n}",
  "$ npx tsc --noEmit\n$ npm run lint\n> eslint src\nNo output generated.",
  "<h3 className=\"mt-4 text-base font-semibold\">No content generated yet</h3>",
  "    stream.on('close', () => {\n      if (!ended) reject(new Error('Premature close'));\n    });",
  "Corporate proxies that need credentials answer \"Proxy Authentication Required\"; put them in the URL:\nexport HTTPS_PROXY=http://user:pass@proxy.corp:8080",
  "fastapi: 415 Unsupported content type: text",
  " PASS  test/auth.test.ts\n  auth middleware\n    ✓ answers 401 for a wrong key (4 ms)\n    ✓ refreshes an expired token before the call (2 ms)\n    ✓ sends the model id unchanged (1 ms)\n\nTest Suites: 1 passed, 1 total\nTests:       3 passed, 3 total",
  "## Troubleshooting\n\nWhen Claude Code shows an error, paste it into `ccenv explain`.\nIt names the cause: an unknown model id is reported as unknown-model,\na missing API key as auth-rejected.",
  "14:02:11 - LiteLLM:DEBUG: utils.py:565 - self.optional_params: {'max_tokens': 32000, 'stream': True}\n14:02:11 - LiteLLM:DEBUG: vertex_llm_base.py:932 - Checking cached credentials for project_id: my-proj\n14:02:11 - LiteLLM:DEBUG: vertex_llm_base.py:935 - Cached credentials found for project_id: my-proj.\n14:02:11 - LiteLLM:DEBUG: vertex_llm_base.py:975 - Validating credentials\n14:02:11 - LiteLLM:DEBUG: vertex_llm_base.py:995 - Credentials expired, refreshing\nINFO:     127.0.0.1:52144 - \"POST /v1/messages?beta=true HTTP/1.1\" 200 OK",
  "09:41:07 - LiteLLM:DEBUG: utils.py:565 - Logging Details: logger_fn - None | callable(logger_fn) - False\n09:41:07 - LiteLLM:DEBUG: azure_storage.py:350 - Azure AD token is expired. Requesting new token\n09:41:08 - LiteLLM:DEBUG: azure_storage.py:372 - Got new Azure AD token",
  'CLAUDE_CODE_MAX_OUTPUT_TOKENS raises the output token maximum of a response (default 32000).',
  'INFO:     172.18.0.2:36924 - "GET /metrics HTTP/1.1" 404 Not Found',
  '127.0.0.1:61428 - "HEAD /api/hello HTTP/1.1" 404 Not Found',
  'INFO:     127.0.0.1:50412 - "POST /v1/messages HTTP/1.1" 200 OK',
  // Start-up lists of routes and settings (observed in vllm-project/vllm#24578, lmstudio-ai/lms#425, headroomlabs-ai/headroom#635).
  '(APIServer pid=1) INFO 09-10 19:12:30 [launcher.py:37] Route: /v1/responses, Methods: POST',
  '[LM STUDIO SERVER] ->\tPOST http://192.168.178.65:1234/v1/responses',
  '/v1/responses                   → https://api.githubcopilot.com  (HTTP + WebSocket)',
  'Rate Limit:   ENABLED',
  // A schema page's field description (https://docs.statbot.net/docs/api/schemas/ratelimitheaders).
  // Docs about failures from the forty-fifth set's harmless texts (test/fixtures/explain-corpus-holdout45.jsonl, each with its page):
  // prose that lists kinds of failure, a status as a noun, a docstring, a diff of a commented setting, a changelog bullet,
  // a variable in a condition, a code-to-message mapping, an API description's field, a name holding a status, a diagram.
  'Retries help handle transient failures like rate limits, timeouts, and temporary service disruptions.',
  'Drop-in module that keeps you out of 429 Too Many Requests trouble across all the providers you use.',
  'The API will respond with 429 Too Many Requests when the client is rate-limited and a header Retry-After.',
  '429 Too Many Requests response with a Retry-After header indicating how many seconds to wait before retrying.',
  '    def acquire(self):\n        """Wait if rate limit would be exceeded"""',
  '70\n+ request_timeout: 20 # (int) llm request timeout in seconds. Raise Timeout error if call takes longer than 10s.',
  '  • Improve: raise the proxy\'s response-header timeout from 35s to 5 minutes. This previously surfaced as spurious net/http: timeout awaiting response headers errors.',
  '- The server can auto-provision a LiteLLM virtual key at startup when OPENAI_API_KEY is not set.',
  '  - `error_max_budget_usd` → "max budget exceeded"',
  'Clients need to know when they can safely retry after being rate limited.',
  "responses:\n'429':\ndescription: Too many requests",
  'Operations without 429, an empty response object, or a 429 response defining Retry-After.',
  'Nearby: define-429-response, rate-limit-headers.',
  'Your LLM code works in development. But in production, things fail:\n- Rate limits hit\n- Network timeouts',
  '```mermaid\nflowchart TD\n    REQ --> RATE["429: Rate Limited"]\n    REQ --> AUTH["401: Auth Failed"]\n    REQ --> TIMEOUT["Timeout"]\n```',
  'x-ratelimit-resetintegerrequired\nHow many seconds until the rate limit resets.',
  // A limiter being set up, and a relay's rate-limit setting (written for this table).
  '14:40:49,322 graphrag.index.llm.load_llm INFO create concurrency limiter for mistral: max=25',
  '限流配置：每分钟 60 次',
  'exceptions_to_retry = [ "RateLimitError",]  # List of exceptions to retry on',
  // Written for this table from a review of false alarms (2026-12-02): zero usage in Claude Code's own synthetic
  // message and in a -p result; a route list beside an unrelated 404; bare URLs with a version before /v1; a Bun
  // TypeError that is no API error; a watchdog named in passing; rate-limit and quota settings.
  '{"type":"assistant","message":{"id":"x","model":"<synthetic>","role":"assistant","type":"message","usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0},"content":[{"type":"text","text":"No response requested."}]}}',
  '{"type":"result","subtype":"success","is_error":false,"result":"ok","usage":{"input_tokens":0,"output_tokens":0}}',
  '(APIServer pid=1) INFO 09-10 19:12:30 [launcher.py:37] Route: /v1/responses, Methods: POST\n(APIServer pid=1) INFO:     127.0.0.1:5000 - "GET /metrics HTTP/1.1" 404 Not Found',
  'base_url: https://api.example.com/v2/v1/messages',
  'fetching from https://api.anthropic.com/messages',
  "TypeError: undefined is not an object (evaluating 'opts.startsWith')",
  'the watchdog timeout is 90 s by default',
  '"rate_limits": {"requests_per_minute": 60}',
  'rate_limit_per_minute = 60',
  "{'rate_limit': 100}",
  '  rate_limit: 60',
  'INFO: quota check passed, 120 requests remaining',
  'quota: 1000',
  // Documentation and configuration that name failures (written for this table after the lines of real pages in
  // test/fixtures/explain-corpus-holdout21.jsonl): a table of error types, a heading, a commented setting, a retry
  // policy, a conditional sentence.
  '| 429         | RateLimitError           |',
  '### 1. Enhanced Rate Limiter (`rateLimiter.js`)',
  '  request_timeout: 10 # raise Timeout error if call takes longer than 10s',
  '- Retries on 429 (Rate Limit) and 5xx errors',
  'If the error is a context window exceeded error, fall back to a larger model group.',
  // After the lines of real changelogs, patches and SDK examples in test/fixtures/explain-corpus-holdout22.jsonl.
  '* Fix 429 response handling: if multiple rate limits are defined, use the smallest',
  '- Feature: automatically retry when rate limited',
  'Subject: [PATCH 1/3] fix: add 429 rate-limit retry with countdown to HTTP transport',
  'When the Anthropic API returns HTTP 429, the app now retries up to 5 times',
  '- [ ] Run the timeout retry test on the 1ms deployment',
  ' tests/test_rate_limit.py                           | 369 +++++++++++++++',
  'except RateLimitError:',
  '            print(f"Rate limited. Retrying in {delay:.2f} seconds...")',
  '* Import main `pyrate_limiter` classes into top-level package',
];

/**
 * More of it, gathered from the sources by helper sessions and reviewed (test/fixtures/explain-vocabulary/*.jsonl):
 * one message a line, `{text, code, source}`, the source naming the repository and commit, or the page, it is from.
 */
const DIR = join(ROOT, 'test/fixtures/explain-vocabulary');
const GATHERED = readdirSync(DIR).flatMap((f) =>
  readFileSync(join(DIR, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; code: string; source: string }),
);

/** Both tables as one: each message with its expected code and its source. */
const ROWS = [...Object.entries(VOCABULARY).flatMap(([source, table]) => table.map(([text, code]) => ({ text, code, source }))), ...GATHERED];

describe('explain knows the documented error vocabulary', () => {
  it.each(ROWS.map((r) => [r.text.slice(0, 80), r.code, r]))('%s → %s', (_t, _c, r) => {
    expect(explainText(r.text).map((d) => d.code), r.source).toEqual(r.code === 'none' ? [] : [r.code]);
  });
  it('every gathered message names its source', () => {
    expect(GATHERED.length).toBeGreaterThan(0);
    for (const r of GATHERED) expect(r.source).toMatch(/^[\w.-]+\/[\w.-]+@[\w.-]+ \S+|^https?:\/\/|^litellm \d|^observed with @anthropic-ai\/claude-code \d/);
  });
  it.each(HARMLESS)('no diagnosis: %s', (text) => {
    expect(explainText(text)).toEqual([]);
  });
  it("a paragraph that reads as an error lends it to its lines, but not to words that are refusal enough alone (busy, timed out)", () => {
    expect(explainText('Non-429 errors still raise immediately.\nConnection-timeout retries remain independent.')).toEqual([]);
    expect(explainText('Error: the request failed.\nThe engine was busy at the time.')).toEqual([]);
    // A blank line ends the paragraph: the message below it stands alone again.
    expect(explainText('"error": {\n\n"message": "the tool call arrived malformed"')).toEqual([]);
  });
  it('a wrapper or a side remark does not hide the cause beneath it', () => {
    // An nginx page in front of the proxy: a gateway in the way, and a timeout.
    expect(explainText("  ⎿  API Error: 504 <html>\n     <head><title>504 Gateway Time-out</title></head>\n     <body>\n     <center><h1>504 Gateway Time-out</h1></center>\n     <hr><center>nginx/1.24.0</center>\n     </body>\n     </html>").map((d) => d.code)).toEqual(['http-proxy', 'timeout']);
    // An ssh tunnel that dropped: the refused connection is the cause.
    expect(explainText("API Error: Connection error.\n[DEBUG] Error: connect ECONNREFUSED 127.0.0.1:4000\nclient_loop: send disconnect: Broken pipe").map((d) => d.code)).toEqual(['proxy-unreachable']);
    // The AI SDK's wrapper of a failed stream: the 429 beneath it.
    expect(explainText("AI_NoOutputGeneratedError: No output generated. Check the stream for errors.\n    at Object.flush (file:///app/node_modules/ai/dist/index.mjs:4745:27)\n  [cause]: AI_APICallError: Rate limit exceeded: too many requests per minute\n      at file:///app/node_modules/@ai-sdk/provider-utils/dist/index.mjs:889:14 {\n    statusCode: 429,").map((d) => d.code)).toEqual(['rate-limit']);
  });
  it('a bare status names its cause only when nothing more specific matched', () => {
    expect(explainText('API Error: 403 Forbidden').map((d) => d.code)).toEqual(['auth-rejected']);
    expect(explainText('API Error: 403 {"error":{"message":"key not allowed to access model. This key can only access models=[\'kimi\']. Tried to access claude-haiku-4-5","type":"key_model_access_denied"}}').map((d) => d.code)).toEqual(['key-model-denied']);
    expect(explainText('API Error: 400 {"error":{"message":"something new"}}')).toEqual([]);
    expect(explainText('API Error: Request rejected (422) · something new').map((d) => d.code)).toEqual(['param-rejected']);
    expect(explainText('Error from provider(openrouter,qwen/qwen3-coder: 503): {"error":{"message":"something new"}}').map((d) => d.code)).toEqual(['upstream-error']);
    expect(explainText('HTTP 504 from the gateway').map((d) => d.code)).toEqual(['timeout']);
    // A status opening a line, before words or a body (written for this test).
    expect(explainText('429 Provider returned error').map((d) => d.code)).toEqual(['rate-limit']);
    expect(explainText('  502 {"error":{"message":"something new"}}').map((d) => d.code)).toEqual(['upstream-error']);
    expect(explainText('404 files scanned, 0 changed')).toEqual([]);
    // An Anthropic body quoted without its status: its error type stands for it (https://docs.anthropic.com/en/api/errors).
    expect(explainText('{"type":"error","error":{"type":"api_error","message":"something new"}}').map((d) => d.code)).toEqual(['upstream-error']);
    expect(explainText('{"type":"error","error":{"type":"not_found_error","message":"something new"}}').map((d) => d.code)).toEqual(['model-404']);
  });
  it.each([
    // [an error line no signature knows, the cause it is about] — written for this table, not taken from a corpus
    ['Error: max_output_tokens must be at most 8192 for this deployment', 'max-tokens-rejected'],
    ['error: reasoning_effort is not supported by this backend', 'thinking-rejected'],
    ['Error: the tool call arrived malformed', 'tool-input-invalid'],
    ['request failed: the conversation is too long for this model', 'context-too-long'],
    ['Error: model foo-bar-9 does not exist here', 'unknown-model'],
    ['Error: your daily quota is exhausted', 'rate-limit'],
    ['Error: token revoked by the administrator, request denied', 'auth-rejected'],
    ['Error: parameter top_logprobs is not supported', 'param-rejected'],
    ['error: the engine is busy right now', 'overloaded'],
    ['Error: deadline reached while waiting for the backend', 'timeout'],
    // A pretty-printed body: the message line reads as an error because its paragraph does (`"error": {`).
    ['API Error: 400 {\n  "error": {\n    "code": 400,\n    "message": "the tool call arrived malformed"\n  }\n}', 'tool-input-invalid'],
    // A request validator's path into the messages makes the line an error line.
    ['messages.3.content.0: the tool block must carry an id', 'tool-input-invalid'],
    // Both max_tokens and the context: the first topic in the table (max_tokens) names it.
    ['Error: max_output_tokens and the input exceed what this model takes', 'max-tokens-rejected'],
    // The transport's own words, and words that say the refusal without an error word, an exception's name read as words.
    ['Error: SSL handshake with the gateway failed', 'tls-error'],
    ['error: the connection to the relay was reset by its peer', 'connection-reset'],
    ['Error: unable to connect to the inference server', 'proxy-unreachable'],
    ['The model "foo-bar-9" was not found on this server', 'unknown-model'],
    ['`max_new_tokens` must be <= 512', 'max-tokens-rejected'],
    ['This backend does not support the logit_bias parameter', 'param-rejected'],
    ['Error: request reached the org max TPM, try later', 'rate-limit'],
    ['reason=BackendModelNotFoundError', 'unknown-model'],
    // A safety check's refusal, in English and Chinese; a request frequency over its limit.
    ['Error: the moderation check flagged this prompt', 'content-filtered'],
    ["API Error: 400 the guardrail 'pii' blocked the request", 'content-filtered'],
    ['错误：输入内容包含敏感词，已被拦截', 'content-filtered'],
    ['Error: your request frequency exceeded the allowed value', 'rate-limit'],
  ])('an error line about its subject names the cause: %s → %s', (text, code) => {
    expect(explainText(text).map((d) => d.code)).toEqual([code]);
  });
  it.each([
    'max_tokens: 4096  # the maximum the model allows',
    '+#exceptions_to_retry = [ "RateLimitError",]  # List of exceptions to retry on',
    'Server version (returned even if connection failed or version is incompatible)',
    'INFO: context window 131072 tokens, limit ok',
    'SUCCESS [Server] Account pool initialized: 2 total, 1 available, 0 rate-limited, 0 invalid',
    'DEBUG: tool_choice=auto, tools=12, model=kimi-k2.5',
    'INFO: guardrail pii-mask loaded, content moderation on',
  ])('a line that is not an error names nothing: %s', (text) => {
    expect(explainText(text)).toEqual([]);
  });

  it('a message wrapped over lines names one cause, its first; a message after a blank line is another', () => {
    // Written for this test: the second line alone would read as a refused parameter (param-rejected).
    const wrapped = 'Error: the tool call arrived malformed, because\nthe parameter top_logprobs is not supported here';
    expect(explainText(wrapped).map((d) => d.code)).toEqual(['tool-input-invalid']);
    expect(explainText(wrapped.replace('\n', '\n\n')).map((d) => d.code)).toEqual(['tool-input-invalid', 'param-rejected']);
  });

  it('a symptom other failures leave names its cause only alone, and a real error beside a harmless notice is seen', () => {
    // Written for this test: Codex's notice after a failed turn, alone and after the failure's own line.
    const notice = 'Warning: no last agent message; wrote empty content to /tmp/out.txt';
    expect(explainText(notice).map((d) => d.code)).toEqual(['empty-content']);
    expect(explainText(`ERROR stream error: exceeded retry limit, last status: 429 Too Many Requests\n${notice}`).map((d) => d.code)).toEqual(['rate-limit']);
    expect(explainText(`OPENAI_API_KEY is not set, skipping trace export\nlitellm.AuthenticationError: AnthropicException - Missing Anthropic API Key - A call is being made to anthropic but no key is set`).map((d) => d.code)).toEqual(['upstream-credentials']);
    // A route list, then a real 404 of another request: the base path, not the Responses routing.
    expect(explainText('INFO [launcher.py:37] Route: /v1/responses, Methods: POST\nINFO:     127.0.0.1:5000 - "POST /v1/chat/completions/x HTTP/1.1" 404 Not Found').map((d) => d.code)).toEqual(['base-url-suffix']);
  });

  it.each([
    // [text, codes] — written for this table: zeros in message_start are doctor's usage-zero, not absent usage;
    // curly apostrophes as Claude Code's banner prints them; a relay's circuit breaker before 无可用渠道.
    ['data: {"type":"message_start","message":{"usage":{"input_tokens":0,"output_tokens":0}}}', ['usage-zero']],
    ['"usage": {"input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 0}', ['usage-missing']],
    ['Your gateway couldn’t serve kimi-k2. This model may not be configured on your gateway', ['model-404']],
    ['There’s an issue with the selected model (kimi-k2). It may not exist or you may not have access to it.', ['model-404']],
    ['分组 default 下模型 glm-4 熔断后无可用渠道', ['no-deployments']],
    ['API Error: 403 insufficient_quota', ['rate-limit']],
    ['API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"betas: Extra inputs are not permitted"}}', ['invalid-beta']],
    ['rate_limit: exceeded', ['rate-limit']],
    // An advisory's table is evidence of the compromised releases; OpenRouter's wrapper alone is the upstream's failure,
    // beside the provider's own words it is theirs; a status in a shell comment is output.
    ['| 1.82.8 | Added `litellm_init.pth` | Any Python startup |', ['litellm-compromised']],
    ['{"error":{"message":"Provider returned error","code":502}}', ['upstream-error']],
    ['litellm.APIConnectionError: OpenAIException - Provider returned error', ['upstream-error']],
    ['{"error":{"message":"Provider returned error","metadata":{"raw":"max_tokens must be at most 8192"}}}', ['max-tokens-rejected']],
    ['# -> 403 {"message":"team not allowed to access model","type":"team_model_access_denied"}', ['key-model-denied']],
    // Wordings of the twenty-second corpus set (test/fixtures/explain-corpus-holdout22.jsonl, each with its thread).
    ["No available model deployments for model 'Qwen/Qwen3-27B'\n⏺ There's an issue with the selected model (Qwen/Qwen3-27B). It may not exist or you may not have access to it.", ['no-deployments']],
    ['the error: Unrecognized request argument supplied: reasoning_effort', ['thinking-rejected']],
    ['messages.N.content.M.tool_use.input: Input should be a valid dictionary', ['tool-input-invalid']],
    ['{"type":"error","error":{"type":"invalid_request_error","message":"invalid params, function name or parameters is empty (2013)"}}', ['tool-input-invalid']],
    ['cloud language model completion failed with status 403 Forbidden: Access to model "claude-3-5-haiku-latest" is not included in your plan', ['key-model-denied']],
    ['调用时返回 401 “无效令牌”', ['auth-rejected']],
    // Wordings of the twenty-third corpus set (test/fixtures/explain-corpus-holdout23.jsonl, each with its thread).
    ['{"error":{"code":"invalid_parameter","message":"Unsupported model (model=claude-haiku-4-5-20251001)"}}', ['unknown-model']],
    ['503 {"error":{"message":"Sorry, the upstream model provider is currently experiencing high demand.","code":"model_overloaded"}}', ['overloaded']],
    ['502 error when system http_proxy is set', ['http-proxy']],
    // Wordings of the twenty-fourth corpus set (test/fixtures/explain-corpus-holdout24.jsonl, each with its thread or page).
    ["Can't reach 127.0.0.1:15721", ['proxy-unreachable']],
    ['安全公告 — 恶意 litellm 版本 1.82.7 与 1.82.8 已从 PyPI 移除', ['litellm-compromised']],
    ['error: 400 [{"code":"custom","message":"Only one of \\"reasoning\\" and \\"reasoning_effort\\" may be provided"}]', ['thinking-rejected']],
    ['level=WARN source=runner.go:129 msg="truncating input prompt" limit=2048 prompt=3520 keep=4 new=2048', ['context-too-long']],
    ['403 Project `proj_S4` does not have access to model `gpt-4o`', ['key-model-denied']],
    ['Error: LLM returned 200 OK but response body was empty (possible rate limit)', ['empty-content']],
    ['event: message_start\ndata: {"type": "message_start", "message": {}}\nevent: message_start', ['stream-order']],
    // Wordings of the twenty-fifth corpus set (test/fixtures/explain-corpus-holdout25.jsonl, each with its thread).
    ["litellm.APIError: APIError: OpenrouterException - __init__() got an unexpected keyword argument 'proxies'.", ['openai-import-error']],
    ['JSON parsing fails before tool invocation: "Expecting \',\' delimiter: line 1 column 30"', ['tool-input-invalid']],
    ['litellm.APIError: AzureException APIError - {"error":{"code":"AuthenticationTypeDisabled","message": "Key based authentication is disabled for this resource."}}', ['upstream-credentials']],
    ['401 Client Error: Unauthorized for url: http://litellm:4000/v1/videos\n{"error":{"message":"Access denied due to invalid subscription key or wrong API endpoint."}}', ['upstream-credentials']],
    ['litellm.APIConnectionError: BedrockException - {"message":"Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions"}', ['upstream-credentials']],
    // Wordings of the twenty-sixth corpus set (test/fixtures/explain-corpus-holdout26.jsonl, each with its thread).
    ['LM Studio is not reachable at ws://localhost:1234/llm (due to httpx.ConnectError: All connection attempts failed).', ['proxy-unreachable']],
    ['The model $MODEL_ID does not exist', ['unknown-model']],
    ['"error": { "message": "invalid temperature: only 1 is allowed for this model", "type": "invalid_request_error" }', ['param-rejected']],
    // The thinking budget refused: one cause, thinking-rejected (dropping thinking fixes it, as a larger max_tokens does), as
    // the seven corpus texts with these words are labelled (holdout23, 25, 46, 47, explain-corpus.jsonl, holdout2).
    ['{"type":"error","error":{"type":"invalid_request_error","message":"`max_tokens` must be greater than `thinking.budget_tokens`."}}', ['thinking-rejected']],
    // A fix that quotes the error it fixed still names it; a traceback's error line after its `raise` frame too.
    ["Fixes the JavaScript error \"undefined is not an object (evaluating 'T.input_tokens')\" in the Claude Code CLI.", ['usage-missing']],
    ['  File "x.py", line 3, in call\n    raise RateLimitError("slow down")\nopenai.RateLimitError: Error code: 429 - {"error":{"message":"Rate limit reached"}}', ['rate-limit']],
    // Wordings of the twenty-first corpus set (test/fixtures/explain-corpus-holdout21.jsonl, each with its thread).
    ['AbortError: The connection was closed.', ['connection-reset']],
    ['OpenAI Error: OpenSSL SSL_read: SSL_ERROR_SYSCALL, errno 104', ['connection-reset']],
    ['{\n  "name": "Glob",\n  "input": {}\n}', ['tool-input-empty']],
    ['[504]: Upstream request did not return response headers after 600000ms (codex/gpt-5.5-high)', ['timeout']],
    ['Ошибка: Stream timeout: no data from API for 30s', ['timeout']],
    ["status_code: 401, body: {'error': {'message': '[sk-zoj***Vj8] Token amount has been exhausted token.RemainQuota = 0'}}", ['budget-exceeded']],
    ['{"type":"error","message":"404 No endpoints found for x-ai/grok-2.","code":"OPENAI_ERROR"}', ['unknown-model']],
    ['{"message":"tool_choice=\\"function=ChatCompletionNamedFunction(name=\'ghost_tool\')\\" requires --tool-call-parser to be set"}', ['tool-input-invalid']],
    // From a review (2026-12-02): a real error line that holds words of a documentation line (LiteLLM's own "retry
    // on another model", a heading, a table cell, a shell comment) is evidence; quota wordings; a symptom does not
    // knock out a generic cause; usage zeros only in message_start's own usage; prose that mentions a quota.
    ['API Error: 429 {"error":{"message":"litellm.RateLimitError: Rate limit reached for gpt-4o. Received Model Group=gpt-4o\\nAvailable Model Group Fallbacks=None\\n\\nLiteLLM: model group \'gpt-4o\' failed with the error above and no fallback covers it, so the request was not retried on another model. Add a fallbacks entry to retry on another model.","code":"429"}}', ['rate-limit']],
    ['Auto retry on rate limit: API Error: 429 {"type":"error","error":{"type":"rate_limit_error"}}', ['rate-limit']],
    ['Stream watchdog detected system suspend; aborting to retry on a fresh connection', ['timeout']],
    ['## API Error: 400 {"error":{"message":"prompt is too long: 210000 tokens > 200000 maximum"}}', ['context-too-long']],
    ['# Error: getaddrinfo ENOTFOUND litellm', ['host-not-found']],
    ['# curl -s localhost:4000/v1/messages -> 429 Too Many Requests', ['rate-limit']],
    ['| claude-sonnet-4 | API Error: 404 {"error":{"message":"model \'claude-sonnet-4\' not found"}} |', ['unknown-model']],
    ['error: upstream connect error or disconnect/reset before headers # retried 3 times', ['upstream-error']],
    ['ERROR: litellm.Timeout: Connection timed out after 600.0 seconds. # attempt 3', ['timeout']],
    ['Error: connect ECONNREFUSED 127.0.0.1:4000 # proxy not running?', ['proxy-unreachable']],
    ['{"error":{"message":"The free tier of the model has been exhausted. If you wish to continue","code":"AllocationQuota.FreeTierOnly"}}', ['rate-limit']],
    ['Error: Quota depleted for key abc', ['rate-limit']],
    ['ERROR: Bad Gateway\nWarning: no last agent message; wrote empty content to out.md', ['upstream-error']],
    ['data: {"type":"message_start","message":{"id":"m","usage":{"input_tokens":25,"output_tokens":1}}}\ndata: {"type":"message_delta","usage":{"input_tokens":0,"output_tokens":0}}', ['usage-missing']],
    ['data: {"type":"message_start","message":{"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"output_tokens":0}}}', ['usage-zero']],
    ['Leftover quota carries into next month.', []],
    ['Hover over the quota meter to see your usage.', []],
    ['Once you have reached the quota page, click Request increase.', []],
    ['Moved over to usage limits page in settings.', []],
    ['{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\\"error\\":{\\"message\\":\\"Invalid request\\"}}"}}}', []],
    ['Error: rate_limits exceeded', ['rate-limit']],
    ['Rate limit exceeded. Please wait until the rate limit resets.', ['rate-limit']],
    // Beside the docs rules of the forty-fifth set: the same words as a report still name their cause.
    ['{"message": "You are being rate limited.", "retry_after": 64.57}', ['rate-limit']],
    ['Error: rate limits exceeded for this key', ['rate-limit']],
    ['litellm.AuthenticationError: OPENAI_API_KEY is not set', ['upstream-credentials']],
    ['```python\nTraceback (most recent call last):\n  File "app.py", line 9, in <module>\nopenai.RateLimitError: Error code: 429 - {\'error\': {\'message\': \'Rate limit reached\'}}\n```', ['rate-limit']],
    ['```\nAPI Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"}}\n```', ['rate-limit']],
    ['HTTP/1.1 429 Too Many Requests\nretry-after: 30', ['rate-limit']],
    ['Error: returned an empty response', ['empty-content']],
    ['You have reached your specified API usage limits.', ['rate-limit']],
    // LiteLLM's router suffix when no fallback is configured (BerriAI/litellm#9016): the failure before it is the cause.
    ['litellm.BadRequestError: AnthropicException - max_tokens: 128000 > 64000, which is the maximum allowed number of output tokens for claude-3-7-sonnet-20250219No fallback model group found for original model_group=anthropic/claude-3-7-sonnet. Fallbacks=[]', ['max-tokens-rejected']],
    ['No fallback model group found for original model_group=kimi. Fallbacks=[]', ['no-deployments']],
    // The provider refusing LiteLLM's own key (BerriAI/litellm#685, unclecode/crawl4ai#1411), and the same words from the client's own server.
    ["TogetherAIException - API key doesn't match expected format.", ['upstream-credentials']],
    ["litellm.exceptions.BadRequestError: You didn't provide an API key", ['upstream-credentials']],
    ["401 You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth", ['auth-rejected']],
    // No model server at the address a client or LiteLLM was given (BerriAI/litellm#4961, codingmoh/open-codex#15).
    ["LiteLLM Warning: proxy started with `ollama` model\n`ollama serve` failed with Exception[WinError 2] The system cannot find the file specified.\nEnsure you run `ollama serve`", ['proxy-unreachable']],
    ['Using Ollama with model: gpt-oss:20b\nCould not connect to Model.', ['proxy-unreachable']],
    // From the fifty-first set's misses (each with its thread in test/fixtures/explain-corpus-holdout51.jsonl).
    ['Opus weekly limit reached ∙ resets Oct 31, 9am', ['rate-limit']],
    ['API Error: 400 x-anthropic-billing-header is a reserved keyword and may not be used in the system prompt.\n\n{\n  "type": "assistant",\n  "message": {\n    "model": "<synthetic>",\n    "usage": {\n      "input_tokens": 0,\n      "output_tokens": 0\n    }\n  }\n}', ['param-rejected']],
    ['API Error: 400 {"error":{"message":"[qwen/coder-model] [400]: \'stream_options\' only set this when you set stream: true (reset after 12s)"}}', ['param-rejected']],
    ['Failed to authenticate. API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth access token has been revoked."},"request_id":null}', ['not-logged-in']],
    ['Failed to invoke tool: Request failed with status code 524 and <!DOCTYPE html>', ['timeout']],
    ['ERRO[0000] unable to connect to the origin error="localhost:8888 doesn\'t seem to work over https, but does seem to work over http. Reason: Get https://localhost:8888: http: server gave HTTP response to HTTPS client."', ['base-url-suffix']],
    ['OpenAI: {"message":"Route not found"} (code: 404)', ['base-url-suffix']],
    ["[WSL] `sudo apt update` = `... Temporary failure resolving 'archive.ubuntu.com' ...`", ['host-not-found']],
    ['Error response from daemon: Ports are not available: exposing port TCP 0.0.0.0:5000 -> 0.0.0.0:0: listen tcp4 0.0.0.0:5000: bind: address already in use', ['proxy-unreachable']],
    ["litellm.exceptions.ServiceUnavailableError: AnthropicException - anthropic does not support parameters: {'functions': [{'name': 'execute'}]}", ['param-rejected']],
    ['Mistral API error (422 Unprocessable Entity): {"detail":[{"type":"extra_forbidden","loc":["body","messages",6,"assistant","tool_calls",0,"name"],"msg":"Extra inputs are not permitted"}]}', ['tool-input-invalid']],
    ['"type": "extra_forbidden",\n"msg": "Extra inputs are not permitted",\n"loc": ["body", "messages", 3, "assistant", "reasoning_content"]', ['thinking-rejected']],
    ['Error: 400 {"error":{"type":"invalid_request_error","message":"tool_call_id  is not found"},"type":"error"}', ['tool-input-invalid']],
    ['Error: 400 The model has been decommissioned', ['unknown-model']],
    ['AI_APICallError: The messages parameter is illegal. Please check the documentation.', ['param-rejected']],
    ['{"object":"error","message":"Service tier capacity exceeded for this model.","type":"invalid_request_error"}', ['rate-limit']],
    // Code and changelogs of the fifty-first set's harmless texts.
    ['/**\n * Calls the Anthropic API with automatic retry on 529 (overloaded) errors.\n */\n    // 529 = Anthropic overloaded, 500 may also be transient — retry both\n    if (response.status === 529 || response.status === 500) {', []],
    ['- **Rate Limit Detection & Warning** (Issue #53)\n  - Detects HTTP 429 rate limit responses from Claude API', []],
    ["  429 : {type : 429, message : 'Too Many Requests'},", []],
    ['type HttpError =\n  | 400 // Bad Request\n  | 401 // Unauthorized\n  | 429 // Too Many Requests', []],
    ['except openai.RateLimitError as e:\n    #Handle rate limit error (we recommend using exponential backoff)\n    print(f"OpenAI API request exceeded rate limit: {e}")', []],
    ['- I needed to ONLY see the original request, if 1 request failed why it failed (timeoutError), the next model it was falling back to', []],
    // curl -v's own lines and a status before a JSON body are output, not comments or a map.
    ['*   Trying 127.0.0.1:4000...\n* connect to 127.0.0.1 port 4000 failed: Connection refused\ncurl: (7) Failed to connect to 127.0.0.1 port 4000', ['proxy-unreachable']],
    ['404: {"type":"error","error":{"type":"not_found_error","message":"model: claude-3-haiku-20240307"}}', ['unknown-model']],
    // A user turn's tool_calls refused by Mistral is a field it forbids there (Gage-Technologies/mistral-go#2), not a tool call.
    ['{"detail":[{"type":"extra_forbidden","loc":["body","messages",0,"user","tool_calls"],"msg":"Extra inputs are not permitted"}]}', ['param-rejected']],
    // From the fiftieth set's misses (each with its thread in test/fixtures/explain-corpus-holdout50.jsonl).
    ['⎿  API Error: 422 格式转换错误: Unable to resolve Gemini functionResponse.name for tool_use_id', ['tool-input-invalid']],
    ['{"error": {"message": "No tool call found for tool output with call_id call_00_aSbzf1Gq7g4WVfU4LT922151.", "type": "invalid_request_error"}}', ['tool-input-invalid']],
    ["Non-retryable client error: Error code: 400\n  'Failed to deserialize the JSON body into the target type:\n   messages[3]: missing field `tool_call_id` ...'", ['tool-input-invalid']],
    ["tools.2.FrontendRemoteMcpToolDefinition.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'", ['tool-input-invalid']],
    ["In context=('properties', 'texts'), array schema missing items.", ['tool-input-invalid']],
    ['"Error from provider: Upstream request failed: [invalid_request_error] Invalid request: function name is invalid, must start with a letter"', ['tool-input-invalid']],
    ['"error": {\n  "code": 400,\n  "message": "schema at top-level requires unspecified property \'type\'"', ['tool-input-invalid']],
    ['HTTP 500: Tool call id was call_49c89af0 but must be a-z, A-Z, 0-9, with a length of 9', ['tool-input-invalid']],
    ['AI_TypeValidationError: "expected number, received undefined"\n  at path ["choices",0,"delta","tool_calls",0,"index"]', ['tool-input-invalid']],
    ['Warning: Ignoring extra certs from C:\\Users\\me\\.proxy\\ca.pem, load failed: error:80000003:system library::No such process', ['tls-error']],
    ['Tool result is too large. Maximum size is 1MB.', ['context-too-long']],
    ['[{"type": "text", "text": "result exceeds maximum length of 1048576"}]', ['context-too-long']],
    // Code, help and changelogs of the fiftieth set's harmless texts.
    ["    mock_connect.side_effect = RateLimitReachedError(headers=headers)\n    self.assertRaises(RateLimitReachedError, retry_request(con.request), action='/')", []],
    ['---\ntitle: Improve Anthropic 529 overloaded error handling and consumer visibility\nstatus: done', []],
    ['  --fallback-model <model>                          Enable automatic fallback to specified model when default model is overloaded (only works with --print)', []],
    ['ERRORS = {\n    400: "Invalid Model: The specified model is not supported.",\n    429: "Quota Exceeded: You have exceeded your usage limits.",\n}', []],
    ['Code | Meaning\n---- | -------\n429 | Too Many Requests', []],
    ['- Properly catch context window exceeded errors - [PR #18283](https://github.com/BerriAI/litellm/pull/18283)', []],
    ['**What:** Rate limit warning notifications now properly track state to avoid duplicate notifications.', []],
    // From the forty-ninth set's misses (each with its thread in test/fixtures/explain-corpus-holdout49.jsonl).
    ['Upstream error:\n{"message":"Validation: top_p is immutable for this model and must be 0.95, got 1","type":"Bad Request","code":400}', ['param-rejected']],
    ['{"message":"This model doesn\'t support the stopSequences field. Remove stopSequences and try again."}', ['param-rejected']],
    ['unexpected status code: 400, body: {"type":"error","error":{"type":"invalid_request_error","message":"stop_sequences: each stop sequence must be non-empty"}}, request: {"max_tokens":1000,"stop_sequences":[""]}', ['param-rejected']],
    ['API Error: 403 {"error":{"message":"HTTP 403: {\\"error\\": {\\"code\\": 403, \\"message\\": \\"To continue, verify your account at https://accounts.google.com/signin/continue\\"}}"}}', ['upstream-credentials']],
    ['{"error": {"message": "Your authentication token has been invalidated. Please try signing in again.", "type": "invalid_request_error", "code": "token_invalidated"}, "status": 401}', ['upstream-credentials']],
    ['error: {\n    message: "You didn\'t provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",\n    type: \'invalid_request_error\'\n  }', ['auth-rejected']],
    ['The model "llama3.1:8b" was not found. To download it, run `ollama run llama3.1:8b`.', ['unknown-model']],
    ['litellm.exceptions.NotFoundError: litellm.NotFoundError: AnthropicException - {"type":"error","error":{"type":"not_found_error","message":"claude-3-5-sonnet-20240620"}}', ['unknown-model']],
    ['{"type":"error","error":{"type":"invalid_request_error","message":"messages.1.content.0: Invalid signature in \\thinking block"}}', ['thinking-rejected']],
    ["AuthenticationError: litellm.AuthenticationError: AuthenticationError: OpenAIException - team not allowed to access model. This team can only access models=['en-de-translator']", ['key-model-denied']],
    // A program's table of statuses and prose listing kinds of failure (the forty-ninth set's harmless texts).
    ['class HttpStatusCodes:\n    BadRequest = 400\n    InternalServerError = 500\n    ServiceUnavailable = 503', []],
    ['407 - HTTPProxyAuthenticationRequired\n408 - HTTPRequestTimeout\n429 - HTTPTooManyRequests', []],
    ['    413: "Payload too large", 415: "Unsupported Media Type",\n    429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"', []],
    ['Every decision reads three facts about the failure: its kind (rate limit,\ncontext window, content policy, auth, not found, timeout, ...), its status code', []],
    ['LLM requests occasionally fail due to transient issues - network errors, model overload, or quota limits.', []],
    // From the forty-eighth set's misses (each with its thread in test/fixtures/explain-corpus-holdout48.jsonl).
    ['{"type":"error","error":{"type":"invalid_request_error","message":"messages.1.content.0.signature: Field required"}}', ['thinking-rejected']],
    ['[GeminiAPI] Stream request failed: 400 { "error": { "code": 400, "message": "The model does not support setting thinking_budget to 0.", "status": "INVALID_ARGUMENT" } }', ['thinking-rejected']],
    ["litellm.BadRequestError: OpenAIException - Error code: 400 - {'object': 'error', 'message': 'can only concatenate str (not \"list\") to str', 'code': 40302}", ['param-rejected']],
    ['Upstream error:\n[{"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \\"metadata\\": Cannot find field.","status":"INVALID_ARGUMENT"}}]', ['param-rejected']],
    ['{"code": "invalid_type", "expected": "object", "received": "undefined", "path": [2, "function", "parameters", "properties"], "message": "Required"}', ['tool-input-invalid']],
    ['400 Bad Request "Error from inference backend: 400 You requested a length 0 completion, but you did not set the \'echo\' parameter."', ['max-tokens-rejected']],
    ['`max_new_tokens` must be <= 1', ['max-tokens-rejected']],
    ['ERROR service=acp-command reason=ProviderModelNotFoundError Unhandled rejection', ['unknown-model']],
    ['API Error: Model stream ended without a finish reason.', ['stream-order']],
    ['Request failed: Cody Gateway: unexpected status code 400: {"error":"model \\"anthropic/claude-2\\" is not allowed, allowed: [anthropic/claude-2.0, anthropic/claude-instant-v1]"}', ['key-model-denied']],
    ['No credentials found on proxy for project_name=my-project + location=us-central1, check /model/info for allowed project + region combinations', ['upstream-credentials']],
    ['{"status_code": 400, "code": "InvalidParameter", "message": "url error, please check url！"}', ['base-url-suffix']],
    ['request reached organization max RPM: 3, please try again after 1 seconds', ['rate-limit']],
    ['Prompt is 11543 tokens but the model context window is 4096 tokens.', ['context-too-long']],
    ['ERROR: SSE ERROR:net::ERR_CERT_AUTHORITY_INVALID', ['tls-error']],
    ['SSL cert problem: self-signed cert in the chain', ['tls-error']],
    // A field unknown to the backend (an older Azure api-version) is the field refused, not its value: param-rejected.
    ["openai.BadRequestError: Error code: 400 - {'error': {'message': 'Unrecognized request argument supplied: max_completion_tokens', 'type': 'invalid_request_error', 'param': None, 'code': None}}", ['param-rejected']],
    // A page's link to a reasoning guide is no thinking parameter refused.
    ["Error code: 400 - {'error': {'message': 'Invalid prompt: your prompt was flagged as potentially violating our usage policy. Please try again with a different prompt: https://platform.openai.com/docs/guides/reasoning#advice-on-prompting', 'type': 'invalid_request_error', 'code': 'invalid_prompt'}}", ['content-filtered']],
    // Codex's stream cut because the connection could not be made: the address, not the stream.
    ['Stream disconnected before completion: error sending request for url (https://0.0.0.0:4000/v1/responses)', ['proxy-unreachable']],
    // From the forty-seventh set's misses (each with its thread in test/fixtures/explain-corpus-holdout47.jsonl).
    ["BadRequestError: Error code: 400 - {'object': 'error', 'message': 'Conversation roles must alternate user/assistant/user/assistant/...', 'type': 'invalid_request_error'}", ['param-rejected']],
    ['"Cannot truncate prompt with n_keep (15028) >= n_ctx (7424)"', ['context-too-long']],
    ['llama_tokenize_with_model: too many tokens', ['context-too-long']],
    ['E: Failed to fetch http://deb.debian.org/debian/pool/main/a/aalib/libaa1_1.4p5-50_amd64.deb  Unable to connect to 127.0.0.1:7890:', ['proxy-unreachable']],
    ['Your access token could not be refreshed because your refresh token was revoked. Please log out and sign in again.', ['not-logged-in']],
    ['unexpected status 401 Unauthorized: local proxy failed while handling endpoint /responses. Provider: Kimi For Coding; upstream_status: HTTP 401; cause: The API Key appears to be invalid or may have expired.', ['upstream-credentials']],
    ['Status Code: 404\n"We couldn\'t find a secret with the name \\"XAI_API_KEY\\". To add this secret, you can:\\n  - Create a personal secret"', ['upstream-credentials']],
    ['event: message_start\nevent: message_start\nevent: message_delta\nevent: message_stop', ['stream-order']],
    // A shell comment's arrow shows the command's output (openclaw/openclaw#80332): not a Markdown heading.
    ['curl http://localhost:11434/api/chat -d \'{"model": "llama3.2:1b", "think": "low"}\'\n# → 400: "llama3.2:1b does not support thinking"', ['thinking-rejected']],
    // Docs and code of the forty-seventh set's harmless texts: statuses a program retries on, an exception class, prose about 429.
    ['session.mount("https://", HTTPAdapter(max_retries=Retry(total=5, status_forcelist=[429, 500, 502, 503, 504])))', []],
    ['class AuthenticationError(Exception):\n    def __str__(self):\n        return \'Authentication error: %s\' % self.message', []],
    ['In the event that you exceed this limit, you will receive a 429 HTTP status code: Too Many Requests.', []],
    ['Errors that occur because the OpenAI API returned an HTTP code 429. This typically occurs because you have hit a rate limit or quota limit, or because the engine is overloaded.', []],
    ['An HTTP 429 means the endpoint refused a request under a limit or policy, but it does not identify one universal cause.', []],
    // A page about the status as a whole: its list of reasons describes the failure (www.c-sharpcorner.com); with a report
    // of it pasted below, the report is seen.
    ['What Is a 429 Rate-Limit Error?\nA 429 error is an HTTP status code returned by an API when a client exceeds the allowed request limit.\nCommon reasons include:\nSending too many requests per second\nRunning batch jobs too quickly', []],
    ['What Is a 429 Rate-Limit Error?\nA 429 error is an HTTP status code returned by an API when a client exceeds the allowed request limit.\nCommon reasons include:\nSending too many requests per second\nAPI Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"}}', ['rate-limit']],
    // From the forty-sixth set's misses (each with its thread in test/fixtures/explain-corpus-holdout46.jsonl).
    ['API Error: 413 <html>\n<head><title>413 Request Entity Too Large</title></head>\n<body>\n<center><h1>413 Request Entity Too Large</h1></center>\n<hr><center>nginx/1.26.0 (Ubuntu)</center>', ['context-too-long']],
    ['API Error: 400 {"error":{"message":"No credentials for provider: github","type":"invalid_request_error","code":"bad_request"}}', ['upstream-credentials']],
    ['{"error": {"message": "Invalid value: \'max\'. Supported values are: \'none\', \'minimal\', \'low\', \'medium\', \'high\', and \'xhigh\'.", "type": "invalid_request_error"}}', ['thinking-rejected']],
    ['Error: 400 {"error":{"message":"Missing required parameter: \'input[4].name\'.","type":"invalid_request_error"}}', ['tool-input-invalid']],
    ['Failed to deserialize the JSON body into the target type:\nmessages[1]: unknown variant `image_url`, expected `text`', ['param-rejected']],
    ['{"message":"terminated","code":"UND_ERR_SOCKET","modelId":"anthropic/claude-sonnet-4.6"}', ['connection-reset']],
    ['Reason: OAI Compatible API error: [400] Bad Request {"error":{"code":1369,"message":"Request denied by upstream policy. This model is restricted to authorized applications."}}', ['key-model-denied']],
    ['"GET /v1//models HTTP/1.1" 404 Not Found', ['base-url-suffix']],
    // A server's note that its client went away after a finished stream is no failure (lmstudio-ai/lmstudio-bug-tracker#597).
    ['[INFO][LM STUDIO SERVER] Finished streaming response\n[INFO][LM STUDIO SERVER] Client disconnected. Stopping generation... (If the model is busy processing the prompt, it will finish first.)', []],
    // A tutorial's prose about statuses and its table with the cells run together (infinitytechstack.uk, rest-mechanics-diagnostics).
    ["A 429 (Rate Limit) error indicates you have exceeded your Tier's capacity; you should implement Exponential Backoff. However, a 529 (Overloaded) is a server-side capacity spike.", []],
    ['CodeMeaningStrategy\n400Bad RequestCheck JSON syntax/Roles\n401Authentication ErrorVerify API Key\n429Rate LimitedWait and retry (Exponential)\n529OverloadedSwitch regions/Wait', []],
    // From the forty-fifth set's misses (each with its thread in test/fixtures/explain-corpus-holdout45.jsonl).
    ['litellm.BadRequestError: GroqException - {"error":{"message":"Failed to call a function. Please adjust your prompt. See \'failed_generation\' for more details.","type":"invalid_request_error","code":"tool_use_failed"}}', ['tool-input-invalid']],
    ["Tool call 'get_weather': arguments is not valid JSON", ['tool-input-invalid']],
    ['botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the InvokeModel operation: messages.2: Did not find 1 `tool_result` block(s) at the beginning of this message.', ['tool-input-invalid']],
    ["error parsing parameters: invalid character '<' after top-level value", ['tool-input-invalid']],
    ['Error: 500 {"error":{"message":"litellm.UnsupportedParamsError: Bedrock doesn\'t support tool calling without `tools=` param specified."}}', ['tool-input-invalid']],
    ["Error code: 400 - {'error': {'message': 'Requested 319487 tokens, max 300000 tokens per request', 'type': 'max_tokens_per_request'}}", ['context-too-long']],
    ['Context too long. Retrying with 80%..', ['context-too-long']],
    ['BadRequestError 400--<LM Studio error> Trying to keep the first 15857 tokens when context the overflows.', ['context-too-long']],
    ['HTTP 404: {"error":{"message":"No allowed providers are available for the selected model.","code":404}}', ['key-model-denied']],
    ["NotFoundError: Error code: 404 - {'error': {'code': '404', 'message': 'Resource not found'}}", ['base-url-suffix']],
    ["Error code: 404 - {'timestamp': '2024-09-17T01:04:34.633+00:00', 'status': 404, 'error': 'Not Found', 'path': '/v4/completions'}", ['base-url-suffix']],
    ['{\n  "code": "content_filter",\n  "status": 400\n}', ['content-filtered']],
    ["curl_cffi.requests.errors.RequestsError: Failed to perform, ErrCode: 35, Reason: 'BoringSSL SSL_connect: Connection was reset in connection to claude.ai:443 '", ['connection-reset']],
    ['Error: Server disconnected without sending a response. Error: [WinError 10061] No connection could be made because the target machine actively refused it', ['proxy-unreachable']],
    ['{"detail":"<class \'httpx.ConnectError\'>: [Errno -3] Try again"}', ['host-not-found']],
    ['{"duration":300014,"method":"POST","response_code":504,"response_code_details":"stream_idle_timeout","response_flags":"SI"}', ['timeout']],
    ['Environment variable validation failed:\n- Either ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN is required when using direct Anthropic API.', ['not-logged-in']],
    ['Please run /login · API Error: 403 {"type":"error","error":{"type":"permission_error","message":"Account is no longer a member of the organization associated with this token."}}', ['not-logged-in']],
    // A curl command's header lines are the request; the answer below it names the cause.
    ["curl -sS -X POST http://localhost:4000/v1/messages \\\n  -H 'anthropic-beta: thinking-binding-controls-2026-08-01' \\\n  -d '{\"model\":\"m\"}'\n\n{\"error\": {\"message\": \"litellm.BadRequestError: BedrockException - thinking.adaptive.block_binding: Extra inputs are not permitted\"}}", ['thinking-rejected']],
    // Envoy's "reset reason: connection termination" from a provider's own gateway stays the provider's failure.
    ['API Error (503 upstream connect error or disconnect/reset before headers. reset reason: connection termination)', ['upstream-error']],
    // From the forty-third set's misses (each with its thread in test/fixtures/explain-corpus-holdout43.jsonl).
    ['■ stream disconnected before completion: An error occurred while processing your request.\n⚠ Selected model is at capacity. Please try a different model.', ['overloaded']],
    ['{"status":404,"title":"Not Found","detail":"Function \'23d4f03a-b8a6-4adb-a183-7daa083a09cc\': Not found for account \'abc\'"}', ['unknown-model']],
    ['Error: 404 {"type":"error","error":{"type":"not_found_error","message":"Claude Fable 5 is not available. Please use Opus 4.8."}}', ['unknown-model']],
    ['This feature is not available. Please use the web app.', []],
    ['{"error":{"code":"MissingParameter","message":"The request failed because it is missing `model` parameter.","param":"model","type":"BadRequest"}}', ['unknown-model']],
    ['invalid_api_key Incorrect API key provided: undefined.', ['upstream-credentials']],
    ['404 Invalid URL (POST /v1/images/generations/chat/completions) Troubleshooting URL: https://js.langchain.com/docs/troubleshooting/errors/MODEL_NOT_FOUND/', ['base-url-suffix']],
    ['{"error":{"code":"model_not_found","message":"The model gpt-9 does not exist"}}', ['unknown-model']],
    ['"message": "Unable to submit request because `load_mcp_documentation` functionDeclaration parameters schema should be of type OBJECT."', ['tool-input-invalid']],
    ['{"error":{"code":"server_error","message":"Unsupported model: deepseek-v3.2"},"object":"response","output":[],"status":"failed"}', ['unknown-model']],
    // Cloudflare in front of a provider (https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/):
    // 520–523 the origin failed or is unreachable, though 522 guesses at overload (anthropics/claude-code#67341); 524 a timeout.
    ['API Error: 522 {"title":"Error 522: Connection timed out","status":522,"detail":"Cloudflare could not establish a TCP connection to the origin server. The TCP handshake timed out, which may indicate the origin is overloaded, firewalling Cloudflare, or unreachable at the network level."}', ['upstream-error']],
    ['<title>api.example.com | 521: Web server is down</title>', ['upstream-error']],
    ['API Error: 523', ['upstream-error']],
    ['<title>chat.example.com | 524: A timeout occurred</title>', ['timeout']],
    ['litellm.BadRequestError: You passed in model=kimi. There are no healthy deployments for this modelNo fallback model group found for original model_group=kimi.', ['no-deployments']],
  ])('%s → %j', (text, codes) => {
    expect(explainText(text).map((d) => d.code)).toEqual(codes);
  });

  it('a long run of word characters costs linear time (no backtracking in the quota words)', () => {
    const t = performance.now();
    explainText(`429x ${'over_'.repeat(200_000)}`);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('names the line a status was found on', () => {
    const [d] = explainText('retrying…\nAPI Error: 429 Too Many Requests\nretrying…');
    expect(d).toMatchObject({ code: 'rate-limit', line: 2, evidence: 'API Error: 429 Too Many Requests' });
  });
});
