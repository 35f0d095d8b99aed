import { DEFAULT_MAX_TOKENS } from './claude-code.js';
import { ROUTER_SUFFIXES } from './litellm.js';

/**
 * Error signatures: text users see (in Claude Code, in a proxy's answer, in LiteLLM's log) → the diagnosis,
 * its cause and the fix ccenv can generate. One table for doctor's live answers and for `ccenv explain`.
 * Ordered most specific first: doctor takes the first that matches; explain reports every one that matches, each
 * once, and drops one that another match `supersedes`. Each names its source: the issue threads
 * where users pasted the text (test/fixtures/explain-corpus.jsonl holds them), or what ccenv's tests observed.
 */

/** A known failure: how to recognise it and what to do. */
export interface Signature {
  /** Stable diagnosis code (doctor's `diagnosis`, `ccenv explain`, `--json`). */
  readonly code: string;
  /** Lower-case words one of which a text must hold before the patterns run (a cheap pre-filter). */
  readonly keywords: readonly string[];
  /** Any of these matching the text (whitespace runs collapsed to one space) is a hit. Bounded repetition only. */
  readonly patterns: readonly RegExp[];
  readonly cause: string;
  readonly fix: string;
  readonly severity: 'fail' | 'warn';
  readonly source: string;
  /** A text this matches is not this signature after all (the wording of a more specific cause that shares its words). */
  readonly unless?: RegExp;
  /** Codes this one replaces when both match one text (a specific cause over the symptom it produces). */
  readonly supersedes?: readonly string[];
  /** A generic wrapper (an upstream error, LiteLLM's router relabel): dropped when any specific cause matches the same evidence. */
  readonly generic?: boolean;
  /**
   * Patterns of a symptom other failures leave too (Codex's "no last agent message; wrote empty content" after any
   * failed turn, OpenRouter's "Provider returned error"): they name this cause only when nothing else in the text
   * names one (no signature, error topic or HTTP status), and supersede nothing.
   */
  readonly symptoms?: readonly RegExp[];
  /** Documentation is evidence too (an advisory's table naming the compromised releases): not ruled out by {@link DOC_LINE}. */
  readonly inDocs?: boolean;
}

const DOCTOR = 'run `ccenv doctor` to see which hop fails';
const USAGE_FIX = 'add fix_usage: true to the profile and load the ccenv hook (it repairs usage in the stream): ccenv gen litellm --dir DIR';

/**
 * A base URL whose path LiteLLM reads as the model name (`Invalid model name passed in model=messages`: `…/bedrock/v1/messages`
 * routed as a model called messages): base-url-suffix's evidence, and what rules unknown-model out.
 */
const PATH_AS_MODEL = /\bInvalid model name passed in model=(?:messages|v1|chat|completions|count_tokens)\b/i;

/** What no-deployments says, for LiteLLM's own words and for its router's suffix. */
const NO_DEPLOYMENTS = {
  code: 'no-deployments',
  cause: "LiteLLM has no healthy deployment for the model group: every deployment failed recently and is in cooldown (the upstream's own error came first), or none is configured",
  fix: 'look for the first error in the proxy log; check the upstream (ccenv doctor messages); LiteLLM retries after the cooldown',
  severity: 'fail',
} as const;

export const SIGNATURES: readonly Signature[] = [
  {
    code: 'litellm-compromised',
    keywords: ['恶意 litellm', '恶意litellm', '1.82.7 与', 'litellm_init.pth', 'models.litellm.cloud', 'checkmarx.zone', '1.82.7', '1.82.8', 'compromised', 'supply chain', 'malicious versions', 'litellm>=1.82.7'],
    patterns: [/恶意 ?litellm[^\n]{0,20}1\.82\.[78]|1\.82\.7 ?(?:与|和|、|\/) ?1\.82\.8/i, /Malicious versions[^\n]{0,40}1\.82\.[78]|litellm\s?>=\s?1\.82\.7/i, /litellm[^\n]{0,40}(?:has been compromised|supply[- ]chain attack)|1\.82\.[78][^\n]{0,40}(?:malware|compromised)/i, /litellm_init\.pth|models\.litellm\.cloud|checkmarx\.zone|litellm(?:\[proxy\])?\s?={1,2}\s?1\.82\.[78]\b|1\.82\.[78][^\n]{0,60}compromised/i],
    unless: /\bno `?litellm_init\.pth/i,
    inDocs: true,
    cause: 'signs of the compromised litellm releases (1.82.7 / 1.82.8, March 2026): their litellm_init.pth payload steals credentials and survives upgrades',
    fix: 'run `ccenv doctor litellm-compromised`; delete that environment and any litellm_init.pth, reinstall a clean release (ccenv gen requirements), and rotate every credential the machine held',
    severity: 'fail',
    source: 'https://docs.litellm.ai/blog/security-update-march-2026; BerriAI/litellm#24512; BerriAI/litellm#24521',
  },
  {
    code: 'openai-import-error',
    keywords: ["module 'openai' has no attribute", 'depends on openai', 'but you have openai', "unexpected keyword argument 'proxies'", "unexpected keyword argument proxies", 'import', 'no module named', 'path_template', 'responsetextconfig'],
    patterns: [
      // The openai 1.x SDK under code written for 0.x (`module 'openai' has no attribute 'error'`).
      /module 'openai' has no attribute '\w{1,40}'/i,
      // A resolver that cannot install litellm beside the openai pinned there (uv's and poetry's `litellm … depends on openai …`,
      // FoundationAgents/OpenManus#487, BerriAI/litellm#359; pip's `requires openai…, but you have openai …`, openinterpreter/open-interpreter#765).
      /\blitellm\b[^\n]{0,80}\bdepends on openai\b|\brequires openai[^\n]{0,40}?, but you have openai\b/i,
      /__init__\(\) got an unexpected keyword argument '?proxies'?/, /path_template|solve_response_format_t|ResponseTextConfig/, /cannot import name '?\w+'? from '?openai/i, /No module named '?openai[._]/i, /\bImportError: Please install [`'"]?openai\b/i],
    // `cannot import name 'AuthenticationError' from 'openai'` names a class; it is no failure of that kind.
    supersedes: ['auth-rejected', 'upstream-credentials', 'rate-limit', 'proxy-unreachable', 'timeout', 'upstream-error'],
    cause: 'the installed openai SDK does not match what litellm imports (a 500 from the proxy, or a traceback at start-up)',
    fix: 'pin openai next to litellm in the proxy venv: ccenv gen requirements > constraints.txt; pip install "litellm[proxy]" -c constraints.txt; restart the proxy (ccenv doctor --deep checks the import)',
    severity: 'fail',
    source: 'BerriAI/litellm#13711; SWE-agent/mini-swe-agent#446; joshpxyne/gpt-migrate#46; BerriAI/litellm#7050 (httpx 0.28 dropped the proxies argument older openai SDKs pass); microsoft/autogen#773 ("Please install openai>=1"); llm-workflow-engine/llm-workflow-engine#329 (module \'openai\' has no attribute \'error\')',
  },
  {
    code: 'auth-conflict',
    keywords: ['received api key = sk-a', 'both anthropic_auth_token and anthropic_api_key', 'overriding claude subscription login', 'auth token:', 'auth conflict', 'and /login managed key set', 'fix external api key', '多个冲突的 api 密钥', 'gateway token 无效', 'requests still use anthropic_api_key'],
    patterns: [
      // LiteLLM shown Claude Code's claude.ai OAuth token (sk-ant-oat…) as the key: the login's token went to the proxy instead of its key.
      /Received API Key = sk-a(?:nt|\*{3})-oat/i,
      /Claude Desktop gateway token 无效/, /提供了多个冲突的 API 密钥/, /Both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY set|ANTHROPIC_AUTH_TOKEN overriding Claude subscription login/i, /Auth token: (\S{1,40})\s[^\n]{0,60}API key: (?!\1(?:\s|$))\S{1,40}/i, /Invalid API key · Fix external API key/i, /Both ANTHROPIC_AUTH_TOKEN and \/login managed key set/i, /Auth conflict/i, /Signed in, but requests still use ANTHROPIC_API_KEY/i],
    supersedes: ['auth-rejected'],
    cause: "Claude Code sees two credentials — a token (ANTHROPIC_AUTH_TOKEN, or a claude.ai login) and an API key (ANTHROPIC_API_KEY, or a /login managed key) — and may send the wrong one, or your Anthropic key, to the proxy",
    fix: 'start Claude Code through its claude-<profile> function (it unsets ANTHROPIC_API_KEY for that call); unset ANTHROPIC_API_KEY in your shell rc; `claude /logout` if you use Claude Code only through the proxy; `ccenv doctor auth-conflict` shows which is set',
    severity: 'fail',
    source: 'anthropics/claude-code#50537; Alishahryar1/free-claude-code#488; UfoMiao/zcf#254; farion1231/cc-switch#3196; https://www.stepcodex.com/en/issue/bug-claude-code-3p-tab-in (LiteLLM shown an sk-ant-oat token)',
  },
  {
    code: 'not-logged-in',
    keywords: ['either anthropic_api_key or claude_code_oauth_token is required', 'no longer a member of the organization', 'oauth token has been revoked', 'error getting api key from apikeyhelper', "scope 'org:create_api_key'", 'reauth related error', 'sso session associated with this profile has expired', 'is expired · please run /login', 'missing api key · run /login', 'could not resolve authentication method', 'not logged in', 'token data is not available', 'authentication required · sign in again', "bare mode doesn't use the sign-in", 'login expired', 'login reached its time limit', 'this login reached its time limit', 'oauth token revoked', 'oauth session expired', 'profile login expired', 'authentication with a claude.ai account', 'oauth token has expired', 'not authenticated', 'could not be refreshed', 'refresh token was revoked', 'refresh token has been revoked', 'oauth access token has been revoked', 'invalid oauth token'],
    patterns: [
      // Claude Code's GitHub Action given no credential; a login whose organization membership ended.
      /\bEither ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN is required\b|\bAccount is no longer a member of the organization associated with this token\b/i,
      // Anthropic's 403 for a revoked claude.ai login; Claude Code's apiKeyHelper giving no key; a Console login whose role may
      // not create the API key Claude Code asks for.
      /\bOAuth token has been revoked\b|\bError getting API key from apiKeyHelper\b|does not meet requirements for scope 'org:create_api_key'/i,
      // Claude Code's cloud login expired: Google's reauth of the ADC credential (Vertex), AWS's SSO session (Bedrock), Claude Code's
      // own `… is expired · Please run /login` for its AWS token.
      /\breauth related error\b|\bSSO session associated with this profile has expired\b|security token included in the request\s{1,3}is expired\s?·\s?Please run \/login/i,
      /Missing API key · Run \/login/i, /Could not resolve authentication method(?!\. Expected either api_key or auth_token)/i, /Not logged in\s?[·-]\s?Please run \/login|"result":\s?"Not logged in/i, /\btoken data is not available\b/, /Authentication required · Sign in again|Bare mode doesn't use the sign-in from \/login|\bLogin expired\b|\b(?:this )?login reached its time limit|OAuth token revoked|OAuth session expired|profile login expired/i, /require authentication with a Claude\.ai account/i,
      // Claude Code's claude.ai login expired: Anthropic's 401 and Claude Code's own hint on one banner.
      /OAuth token has expired[^\n]{0,300}Please run \/login|API Error: 401\b[^\n]{0,200}OAuth token has expired|Not authenticated\.? Please run '?claude (?:auth )?login/i,
      // An OAuth login whose refresh token was revoked (Codex's `Your access token could not be refreshed because your refresh token was revoked`).
      /\baccess token could not be refreshed\b|\brefresh token (?:was|has been) revoked\b/i,
      // Anthropic's 401 for a revoked claude.ai login, in its longer words (`OAuth access token has been revoked`).
      /\bOAuth access token has been revoked\b/i,
      // Anthropic refusing Claude Code's own OAuth token (`Invalid OAuth token. The provided token was not found or is malformed.`).
      /\bInvalid OAuth token\b/i,
    ],
    cause: 'Claude Code has no working credential of its own (never logged in, or its login expired or was revoked): with proxy.key_header the key travels in ANTHROPIC_CUSTOM_HEADERS, and Claude Code still needs a login (claude.ai /login, or CLAUDE_CODE_OAUTH_TOKEN)',
    fix: 'run `claude /login` once (your claude.ai login is kept beside the gateway key), or drop proxy.key_header so the functions send the key as ANTHROPIC_AUTH_TOKEN',
    supersedes: ['auth-rejected'],
    severity: 'fail',
    source: 'anthropics/claude-code#11016 (the Action without a credential); anthropics/claude-code#54863 (no longer a member of the organization); observed with @anthropic-ai/claude-code 2.1.330 (-p with only ANTHROPIC_CUSTOM_HEADERS: "Not logged in · Please run /login"); https://docs.litellm.ai/docs/tutorials/claude_code_max_subscription; anthropics/claude-code#18225 (an expired OAuth login); anthropics/claude-code#726 (Vertex: reauth related error); anthropics/claude-code#849 (Bedrock: SSO session expired); anthropics/claude-code#28032; anthropics/claude-code#9635 (OAuth token has been revoked); anthropics/claude-code#29142 (apiKeyHelper); https://openillumi.com/fix-claude-code-auth-error-reuse-key; farion1231/cc-switch#4022 (refresh token was revoked); anthropics/claude-code#39270; anthropics/claude-code#3246 (Invalid OAuth token)',
  },
  {
    code: 'wrong-key',
    keywords: ['no connected db', 'no_db_connection', 'db not connected'],
    patterns: [/DB not connected/i, /No connected db|no_db_connection/i],
    supersedes: ['auth-rejected'],
    cause: 'the proxy does not accept this key: LiteLLM with a master key and no database answers any other key with "No connected db"',
    fix: 'export the proxy master key (general_settings.master_key) in the variable named by proxy.auth_token_env; virtual keys need the proxy to have a database',
    severity: 'fail',
    source: 'BerriAI/litellm#4880; BerriAI/litellm#2532; observed with LiteLLM 1.106.0 (a master key, no DB, another key: 400 no_db_connection)',
  },
  {
    code: 'key-model-denied',
    keywords: ['served only by credentials outside the channel groups', 'restricted to authorized applications', 'no allowed providers are available', 'modelnotopen', 'has not activated the model', 'is not authorized to perform: bedrock:invoke', 'free tier users do not have access', 'does not have access to model', 'not allowed to call model=', 'is not allowed for this profile', 'key_model_access_denied', '_can_object_call_model', 'not allowed to access model', 'not available for this api key', 'only deployed for other teams', 'invalid model for team', "don't have access to the model", 'not allowed for this virtual key', 'no team has access', '无权访问模型', '无权访问', 'for current token', '该令牌无权访问', '暂无该模型访问权限', 'not allowed for this api key', 'not in the allowed list', 'this token has no access', '该令牌无权使用模型', 'permission to access the', 'is not included in your plan', '不允许使用该模型', 'model_access_denied', 'allowed models for this customer', 'no model grants', 'access denied for model', "isn't available for your account", 'is not allowed, allowed:', 'under your current plan', 'no_available_model_endpoints', 'model_not_entitled', '在当前账号池中不可用', 'matching your data policy', 'matching your guardrail restrictions', 'paid model training violation'],
    patterns: [
      // Z.ai's 1369: the model is only for authorized applications (`This model is restricted to authorized applications`).
      /\bThis model is restricted to authorized applications\b/i,
      // CliRelay's words for a model its credential's channel groups do not serve (kittors/CliRelay#945).
      /\bis served only by credentials outside the channel groups\b/i,
      // OpenRouter's account settings allow no provider that serves the model (`No allowed providers are available for the selected model`).
      /\bNo allowed providers are available for the selected model\b/i,
      // Volcengine Ark's account without the model switched on (ModelNotOpen).
      /\bModelNotOpen\b|\bhas not activated the model\b/i,
      // AWS refusing the role or user a Bedrock model (its IAM, session or service control policy); a gateway's free tier without the model.
      /\bis not authorized to perform: bedrock:Invoke\w{0,40} on resource\b|\bFree tier users do not have access to this model\b/i,
      /\bdoes not have access to model\b/i, /Access to model "[^"\n]{1,100}" is not included in your plan|do not have permission to access the \[?[\w.:-]{1,80}\]? model|API Key 不允许使用该模型|不允许使用该模型/i, /该令牌无权使用模型/, /is not supported for current token|No available models configured for current token|该令牌无权访问|暂无该模型访问权限|is not allowed for this API key|is not in the allowed list|This token has no access to (?:model|any models)/i, /not allowed to call model=/i, /is not allowed for this profile/i, /无权访问模型|无权访问 ?\S{1,40} ?分组|此 API Key 无权访问/, /is not allowed for this virtual key|No team has access to the requested model/i, /\w{0,20}_model_access_denied|not in the allowed models for this customer|has no model grants|not allowed to access model|not available for this API key|only deployed for other teams|Invalid model for team|team not allowed to access model|don't have access to the model|_can_object_call_model/i, /\bisn't available for your account\b/i, /\bAccess denied for model\b/i,
      // A gateway naming the model a key may not use and the ones it may (Sourcegraph's Cody Gateway: `model "anthropic/claude-2" is not allowed, allowed: [...]`).
      /\bmodel \\?"[^"\n]{1,80}\\?" is not allowed, allowed: \[/i,
      // A plan or an account pool that does not include the model (Copilot: `no endpoints available for this model under your current plan and policies`; a relay's `model_not_entitled`, `在当前账号池中不可用` — not available in this account pool).
      /\bno endpoints available for this model under your current plan\b|\bno_available_model_endpoints\b|\bmodel_not_entitled\b|在当前账号池中不可用/i,
      // OpenRouter's account privacy settings that exclude every endpoint of the model (`No endpoints found matching your data policy`, `Paid model training violation (account settings)`).
      /\bNo endpoints (?:found|available) matching your (?:guardrail restrictions and )?data policy\b|\bPaid model training violation \(account settings\)/i,
    ],
    supersedes: ['auth-rejected', 'model-404'],
    cause: 'the virtual key (or its team) is not allowed the model id Claude Code sent — often a background call with a built-in id',
    fix: 'ask the gateway admin to allow that id for your key, or to alias it to an allowed model; set every slot of the profile (small_model, subagent_model, …) to allowed ids; ccenv doctor models lists what is sent',
    severity: 'fail',
    source: 'JohnnyZ93/oai-compatible-copilot#214 (Z.ai 1369); farion1231/cc-switch#995 (OpenRouter: No allowed providers); BerriAI/litellm#39867; winfunc/opcode#358; thedotmack/claude-mem#690; aws-samples/sample-connector-for-bedrock#17; continuedev/continue#10353; https://theneuralbase.com/anthropic/errors/anthropic-permissiondeniederror-model-access-denied; anthropics/claude-code#561, zed-industries/zed#53960 (bedrock:InvokeModel not authorized); jal-co/shieldcn#178 (a free tier); xinnan-tech/xiaozhi-esp32-server#1234 (Ark: ModelNotOpen); sourcegraph/app#100 (Cody Gateway); microsoft/github-copilot-appmod#8 (no endpoints available under your current plan); dwgx/WindsurfAPI#117 (model_not_entitled); dnakov/anon-kode#13, truefoundry/models#826, unoplat/unoplat-code-confluence#1080, omnara-ai/omnara#501 (OpenRouter data policy)',
  },
  {
    code: 'key-expired',
    keywords: ['api key is expired', 'expired key', 'expired_key', 'key expiry time', 'api key has expired', 'api 密钥已过期', '过期', 'this token has expired', '令牌已过期'],
    patterns: [/令牌已过期/, /(?:This )?API key has expired|API 密钥已过期|用户账户已于 \S{1,40} ?过期|This token has expired|该令牌已过期/i, /API key is expired/i, /Key Expiry time|Expired Key|"type":\s?"expired_key"/i],
    supersedes: ['auth-rejected'],
    cause: "the virtual key has expired (its expires time is past): the gateway refuses every request with it",
    fix: 'ask the gateway admin for a new key (or /key/regenerate), export it, and run ccenv doctor again',
    severity: 'fail',
    source: 'https://pypi.org/project/litellm/1.108.7/ (litellm/proxy/auth/user_api_key_auth.py: "Authentication Error - Expired Key. Key Expiry time …", type expired_key)',
  },
  {
    // Relays' own spending caps too (new-api/one-api token and user quota, sub2api and claude-code-hub limits: test/fixtures/explain-vocabulary/relays.jsonl).
    code: 'budget-exceeded',
    keywords: ['key limit exceeded', 'preconsumedquota', '预扣费额度失败', 'insufficient account balance', 'insufficient_user_quota', 'user quota is not enough', 'max budget limit reached', 'budget exceeded', 'budget', '额度已用尽', 'token quota is', 'insufficient token quota', 'insufficient user quota', 'pre-consumed quota failed', 'insufficient_balance', 'daily_limit_exceeded', 'weekly_limit_exceeded', 'monthly_limit_exceeded', 'daily usage limit exceeded', 'cost limit exceeded', 'spending limit exceeded', '消费超限', '消费上限', '费用限制', '令牌额度不足', '用户额度不足', 'token count has been exhausted', 'token amount has been exhausted', 'remainquota', '配额不足', 'credit limit exceeded'],
    patterns: [
      // OpenRouter's per-key spend cap.
      /\bKey limit exceeded \((?:total|daily|weekly|monthly) limit\)/i,
      // one-api's user quota below what the request would cost (`user [3446] quota [-20847155]preConsumedQuota [743]is not enough`).
      /\bquota \[-?\d+\]\s?preConsumedQuota \[\d+\]\s?is not enough/i,
      // new-api's pre-deduction failing: the user's remaining quota is below what the request would cost.
      /预扣费额度失败/i,
      /Token amount has been exhausted|RemainQuota = 0\b|Token count has been exhausted|用户 ?\[?\w{0,20}\]? ?配额不足/i, /令牌额度不足|用户额度不足/, /令牌额度已用尽|额度已用尽|token quota is (?:not enough|exhausted)|Insufficient (?:token|user) quota|pre-consumed quota failed|reason=\"(?:INSUFFICIENT_BALANCE|DAILY_LIMIT_EXCEEDED|WEEKLY_LIMIT_EXCEEDED|MONTHLY_LIMIT_EXCEEDED)\"|daily usage limit exceeded|(?:5-hour|daily|weekly|monthly|total) (?:cost|spending) limit exceeded|消费超限|消费上限已达到|费用限制/i, /Insufficient account balance|insufficient_user_quota|user quota is not enough/i, /Max budget limit reached/i, /\bbudget exceeded\b/i, /budget pool[^\n]{0,40}exhausted|budget (?:full|exhausted)|Budget has been exceeded|ExceededBudget|budget_exceeded|Exceeded budget|crossed budget|max budget[^\n]{0,40}exceeded/i,
      // OpenRouter's key over its own spending limit, without the kind of limit (`403 Key limit exceeded. Manage it using https://openrouter.ai/keys`).
      /\bKey limit exceeded\. Manage it\b/i,
      // Together's account over its credit limit (`402 … Credit limit exceeded … 'type': 'credit_limit'`).
      /\bCredit limit exceeded\b/i],
    supersedes: ['auth-rejected', 'upstream-error', 'rate-limit', 'no-deployments'],
    cause: "the key, user or team has spent its budget on the gateway (a LiteLLM budget, or a relay's token or user quota)",
    fix: 'ask the gateway admin to raise or reset the budget (LiteLLM /key/update max_budget), or use another key',
    severity: 'fail',
    source: 'BerriAI/litellm#22726; BerriAI/litellm#14144; https://err.dmxapi.cn/detail.php?id=1325; https://errs.dmxapi.cn/detail.php?id=1491 (a relay user quota); QuantumNous/new-api#6306, clacky-ai/openclacky#100 (预扣费额度失败); songquanpeng/one-api#1846 (preConsumedQuota); MCPJam/inspector#1287, danielsmithdevelopment/ClawQL#876 (OpenRouter: Key limit exceeded); RooCodeInc/Roo-Code#515 (OpenRouter key limit); expectedparrot/edsl#2098 (Together)',
  },
  {
    code: 'upstream-credentials',
    keywords: ["' has been suspended", 'has been denied access', 'no credentials for provider', 'incorrect api key provided: undefined', "api key doesn't match expected format", "you didn't provide an api key", 'environment variable not set', '_api_key environment variable is required', 'token refresh failed', 'oauth_token_refresh_failed', 'failed to refresh token', '刷新token失败', 'could not resolve authentication method', "authenticationtypedisabled", "key based authentication is disabled", "invalid subscription key", "model access is denied", "aws marketplace actions", 'could not authenticate with its upstream', 'received model group=', 'denied on resource', 'auth_unavailable', 'requiring a key to access this model', 'error from provider', 'no auth credentials found', '_api_key', 'no auth available', 'all accounts are invalid', 'api key is required', 'api key', 'api_key', 'credentials', 'x-api-key', 'authenticationerror', 'security token', 'has not been used in project', 'returned http 401', 'error - error code: 401', 'provider authentication failed', 'upstream authentication failed', '上游鉴权失败', 'default credentials were not found', 'application default credentials', 'service account info was not', 'exception - ', 'api keys are not supported by this endpoint', 'api key not provided', 'reauthentication is needed', 'application-default login', 'error creating deployment: api_key is required', 'does not have permission to use the specified resource', "don't have access to the model with the specified model id", 'exception - unauthorized', 'upstream_status', "couldn't find a secret with the name", 'verify your account', 'token has been invalidated', 'token_invalidated', 'no vertex ai credential is configured', '/refreshtoken\'', 'token刷新失败'],
    patterns: [
      // A router with no credential for the provider it routes to (9router's `No credentials for provider: github`).
      /\bNo credentials for provider: ?\w/i,
      // A provider credential variable the app or proxy needs and did not find (`GCP_SERVICE_ACCOUNT environment variable not set`,
      // a proxy refusing to start: `OPENROUTER_API_KEY environment variable is required`).
      /\b[A-Z][A-Z0-9_]{1,40}_(?:(?:API_KEY|SERVICE_ACCOUNT|CREDENTIALS) environment variable not set|API_KEY environment variable is required)\b/,
      // A relay failing to renew the OAuth token of its upstream account (sub2api, AIClient2API, codex-manager): it has no working
      // credential for the provider until the account is signed in again.
      /\btoken refresh failed: (?:status \d{3}|Request failed with status code \d{3})|\bOAUTH_TOKEN_REFRESH_FAILED\b|\bFailed to refresh token for \S|刷新Token失败/i,
      /AuthenticationTypeDisabled|Key based authentication is disabled for this resource|litellm[^\n]{0,300}invalid subscription key or wrong API endpoint|Model access is denied due to IAM user or service role|not authorized to perform the required AWS Marketplace actions/i, /\b\w+ API key not provided\. Set \w+_API_KEY/i, /API keys are not supported by this endpoint/i, /default credentials were not found|Application Default Credentials|Service account info was not in the expected format|\w+Exception - [^\n]{0,160}(?:Authentication Fails|Incorrect API key provided|API key not valid|invalid x-api-key|API key doesn't match expected format)|\blitellm\.(?:exceptions\.)?\w{1,30}Error: You didn't provide an API key/i,
      // A server that read its provider key from a variable that is not set sends the key "undefined".
      /\bIncorrect API key provided: undefined\b/i, /Upstream authentication failed|上游鉴权失败/i, /could not authenticate with its upstream provider/i, /authentication_error[^\n]{0,300}Received Model Group=|Permission '[\w.]{1,80}' denied on resource/i, /auth_unavailable|no auth available\b|is requiring a key to access this model|Error from provider: [^\n]{0,300}(?:\\?"code\\?":\s?401\b|authentication_error)/i, /\(\w{1,40}(?:,[^)\n]{1,120})?: 401\): |check your [A-Z][A-Z_]{1,30}_API_KEY|(?<!\b(?:when|if|unless|while) )\b[A-Z][A-Z_]{1,30}_API_KEY is not set(?!,? skipping trace export)|API Key is required for model|no auth available \(providers=|All accounts are invalid/, /AuthenticationError:? \w+Exception\b/, /Upstream provider \S{1,40} returned HTTP 401|Received \w{1,20} error - Error code: 401|Provider authentication failed|(?:BedrockException|litellm)[^\n]{0,200}security token included in the request is invalid|Unable to locate credentials|API has not been used in project/i, 
      // The Python SDK's words (snake_case; Claude Code's TypeScript client says apiKey or authToken): a gateway's own Anthropic client without a key.
      /Could not resolve authentication method\. Expected either api_key or auth_token/,
      // Google's refusal of the provider key itself: its consumer suspended, its project barred (babaohuang/GeminiProChat#122,
      // poenl/gemini-api#8).
      /\bConsumer 'api_key:[^'\n]{0,80}' has been suspended\b|\bYour project has been denied access\b/,
      /Missing \w+ API Key|api_key client option must be set|setting the OPENAI_API_KEY environment variable|Missing credentials|missing 1 required positional argument: '?api_key/i,
      /(?:Anthropic|OpenAI|Bedrock|Vertex_?ai|Gemini|Azure)(?:Exception|Error)[^\n]{0,120}(?:authentication_error|invalid x-api-key|incorrect api key|invalid api key)/i,
      // The proxy's own Google credentials expired (LiteLLM's Vertex deployment), or a deployment without the key it needs.
      /(?:VertexAI|Vertex_ai|Gemini)(?:Exception|Error)[^\n]{0,200}(?:Reauthentication is needed|application-default login)|Error creating deployment: api_key is required/i,
      // A provider refusing the proxy's own key or account (LiteLLM's <Provider>Exception wrapper): Anthropic's permission_error, Bedrock's model access.
      /\b(?:Anthropic|Bedrock|Vertex_?ai|OpenAI|Azure)Exception\b[^\n]{0,200}(?:does not have permission to use the specified resource|You don't have access to the model with the specified model ID)/i,
      /\b[A-Z]\w{1,30}Exception - unauthorized\b/i,
      /\b(?:Bedrock|Sagemaker)Exception\b[^\n]{0,120}(?:security token included in the request is expired|ExpiredTokenException)/i,
      // A relay naming the upstream's own 401 (cc-switch's `upstream_status: HTTP 401`); Continue's hub without the provider key's secret.
      /\bupstream_status: (?:HTTP )?401\b|\bcouldn't find a secret with the name "?[A-Z][A-Z0-9_]{1,40}_(?:API_)?KEY\b/i,
      // LiteLLM's pass-through without credentials for the project (`No credentials found on proxy for project_name=…`).
      /\bNo credentials found on proxy for\b/i,
      // Google asking the relay's own account to verify itself (`To continue, verify your account at https://accounts.google.com/…`); OpenAI's login of a relay's Codex account invalidated (`Your authentication token has been invalidated`, token_invalidated).
      /\bTo continue, verify your account\b|\bYour authentication token has been invalidated\b|"code":\s?"token_invalidated"/i,
      // LiteLLM without the Vertex credentials a route needs (`No Vertex AI credential is configured on this proxy`).
      /\bNo Vertex AI credential is configured on this proxy\b/i,
      // A relay's executor failing to refresh its own upstream token (`iflow executor: token refresh failed: iflow token: missing access token in response`).
      /\bexecutor: token refresh failed\b/i,
      // Vercel's AI Gateway provider without its key (`Unauthenticated. Configure AI_GATEWAY_API_KEY or use a provider module`).
      /\bConfigure AI_GATEWAY_API_KEY\b/i,
      // A relay's own login to its upstream failing to refresh (Kiro gateways: `Client error '401 Unauthorized' for url 'https://prod.us-east-1.auth.desktop.kiro.dev/refreshToken'`, `Token refresh failed with 401, reloading credentials from file`, `token刷新失败`).
      /\bfor url '[^'\n]{0,200}\/refreshToken'|\bToken refresh failed with \d{3}, reloading credentials\b|token刷新失败/i,
    ],
    cause: "the proxy has no valid key for the upstream provider: the variable named by upstream.api_key_env is unset (or wrong) in the proxy's environment",
    fix: 'export the upstream key variable in the proxy environment (`ccenv gen env` names them) and restart the proxy',
    severity: 'fail',
    // LiteLLM's client wrapping the proxy's own refusal (litellm_proxy/ provider): the proxy key, not the upstream's.
    // (A tracing exporter's notice that it has no key, "OPENAI_API_KEY is not set, skipping trace export", is no
    // failure: the lookahead in the pattern, so a real error beside it is still seen.)
    // Claude Code's own Bedrock client (CLAUDE_CODE_USE_BEDROCK) prints AWS's refusal as `API Error (403 The security
    // token …)`: the credentials Claude Code sent, not a proxy's (behind LiteLLM it reads `litellm.AuthenticationError: BedrockException …`).
    // LiteLLM's team or key limit on models is the key's, not the provider's (`team not allowed to access model`).
    unless: /(?:team|key) not allowed to access model|Invalid proxy server token|Litellm_proxyException|API Error:? \(?\d{3} The security token included|AWS authentication failed · refresh your AWS credentials/i,
    supersedes: ['auth-rejected', 'key-model-denied'],
    source: 'decolua/9router#25 (No credentials for provider); anse-app/chatgpt-demo#304 (Incorrect API key provided: undefined); BerriAI/litellm#685 (TogetherAIException - API key doesn\'t match expected format); unclecode/crawl4ai#1411 (litellm: You didn\'t provide an API key); BerriAI/litellm#15349; OpenHands/OpenHands#311; observed with LiteLLM 1.106.0 (an unset os.environ/ key in the config); farion1231/cc-switch#4741 (a Codex endpoint that takes no API key); https://www.fixdevs.com/blog/litellm-not-working/; https://docs.litellm.ai/docs/exception_mapping (the Python SDK: api_key or auth_token); Wei-Shaw/sub2api#1381, Wei-Shaw/sub2api#3696 (token refresh failed); justlovemaki/AIClient2API#493 (Kiro Auth); justlovemaki/AIClient2API#98 (刷新Token失败); MadAppGang/claudish#35 (OPENROUTER_API_KEY environment variable is required); xtekky/gpt4free#3220 (GCP_SERVICE_ACCOUNT environment variable not set); farion1231/cc-switch#6334 (upstream_status: HTTP 401); continuedev/continue#9725 (We couldn\'t find a secret with the name "XAI_API_KEY"); BerriAI/litellm#11245; lbjlaq/Antigravity-Manager#1419 (verify your account); router-for-me/CLIProxyAPI#3654, router-for-me/CLIProxyAPI#4087 (token_invalidated); BerriAI/litellm#38299 (No Vertex AI credential is configured); router-for-me/CLIProxyAPI#1007 (iflow executor: token refresh failed); elizaOS/eliza#13960 (Configure AI_GATEWAY_API_KEY); jwadow/kiro-gateway#45; zhalice2011/ki2api#3 (Kiro refreshToken)',
  },
  {
    code: 'auth-rejected',
    keywords: ['only authorized for use with claude code', 'api keys are not supported by this api', 'authentication token has expired', 'invalid subscription key', 'security token included in the request is invalid', 'organization has been disabled', 'missing subscription key', 'no api key found', 'only available for coding agents', 'no auth credentials found', 'malformed api key', 'unable to find token=', 'api key required', 'authentication fails', 'invalid authentication', 'appears to be invalid', 'authorization token is invalid', '身份验证失败', 'invalid access token', 'invalid api-key', 'token not match group', 'token_not_found_in_db', 'auth_error', 'invalid_api_key', 'virtual key expected', 'no litellm virtual key', '"unauthorized"', 'is missing', 'missing api key', 'api key', 'authentication', 'proxy server token', 'x-api-key', '401', '/login', 'key is blocked', 'bearer token', 'permission_error', 'permissiondenied', 'permission_denied', 'authorization header', 'authentication token', 'api token', '不在令牌允许访问', 'api key is required in authorization', 'api key is disabled', 'user account is', 'please provide an api key', 'api key not found', '未提供认证凭据', '用户账户已被禁用', 'api 密钥', 'this api key has been disabled', 'token not provided', 'token status is unavailable', '未提供令牌', '无效的令牌', '无效令牌', '该令牌状态不可用', '用户已被封禁', 'please carry the api secret key', 'aws authentication failed', 'apikeyhelper script is failing', 'security token included in the request is expired', 'expiredtokenexception', 'please auth first', 'disabled claude subscription access', 'oauth_org_not_allowed', 'invalid model key'],
    patterns: [
      // AWS refusing the credentials the client signed with (UnrecognizedClientException: Claude Code on Bedrock, an SDK); Azure's
      // refusal of its key (a key of another resource or region).
      /\bsecurity token included in the request is invalid\b|\bAccess denied due to invalid subscription key or wrong API endpoint\b/i,
      // ChatGPT's backend refusing an expired session token (`token_expired`: transitive-bullshit/agentic#431), as one-api relays it.
      /\bYour authentication token has expired\b/i,
      // Anthropic refusing Claude Code's own login used by another client (RooCodeInc/Roo-Code#10566); Google refusing an API key
      // where only OAuth is taken (google-gemini/gemini-cli#1463).
      /\bThis credential is only authorized for use with Claude Code\b|\bAPI keys are not supported by this API\b/i,
      // Anthropic refusing every request of a disabled organization's credential.
      /\bThis\s{1,8}organization has been\s{1,8}disabled\b/i,
      // Azure API Management without its Ocp-Apim-Subscription-Key; a gateway's `No API key found`.
      /\bAccess denied due to missing subscription key\b|\"error\":\s?\"No API key found\"/i,
      // Kimi For Coding's key refused to a client not on its list of coding agents (access_terminated_error).
      /is currently only available for Coding Agents/i,
      /Please carry the API secret key in the 'Authorization' field/i, /Authentication parameter not received in Header/i, /未提供令牌|无效的?令牌|该令牌状态不可用|用户已被封禁/, /IP 不在令牌允许访问的列表中|API key is required in Authorization|API key is disabled|User account is (?:not active|disabled)|Please provide an API key in the|API key not found|未提供认证凭据|用户账户已被禁用|API 密钥(?:无效|已被禁用)|This API key has been disabled|Token not provided|This token status is unavailable/i, /No auth credentials found/i, /Malformed API Key passed in|Unable to find token=\S{1,100} in cache/i, /API key required in (?:the )?\S{1,40} header|^(?:Error: )?API key required\b/im, /Authentication Fails\b|\bInvalid Authentication\b|API Key appears to be invalid|Authorization Token is invalid|身份验证失败|invalid access token or token expired|Invalid API-key provided|token not match group/i, /"(?:type|code)":\s?"(?:token_not_found_in_db|auth_error|invalid_api_key)"/, /LiteLLM Virtual Key expected|No LiteLLM Virtual Key pass/i, /"error":\s?"Unauthorized"/i, /\bAPI ?KEY is missing|^Missing API key\b|Invalid or missing API key/im, /Invalid bearer token|Incorrect authentication token|Bad or missing API token|Invalid Authorization header format|"type":\s?"permission_error"|PermissionDeniedError|"status":\s?"(?:PERMISSION_DENIED|UNAUTHENTICATED)"|API key not valid/i, /Key is blocked\. Update via `?\/key\/unblock/i, /Invalid API key|Incorrect API key provided|No api key passed|Authentication Error|authentication_error|AuthenticationError|Invalid proxy server token|invalid x-api-key|\b401\b[^\n]{0,40}Unauthorized|Please run \/login/i, /AWS authentication failed · refresh your AWS credentials|Your apiKeyHelper script is failing/i,
      // AWS refusing expired STS credentials (Claude Code on Bedrock: the client's own).
      /security token included in the request is expired|\bExpiredTokenException\b/i,
      // OpenAI's answer to a request with no key at all, without its 401 (`You didn't provide an API key. You need to provide your API key in an Authorization header`).
      /\bYou didn't provide an API key\. You need to provide your API key in an Authorization header\b/i,
      // A gateway asking for authentication (`10401 - gateway request exception, please auth first`).
      /\bplease auth first\b/i,
      // A server that got no token at all (`Unauthorized - Access token is missing`).
      /\bAccess token is missing\b/i,
      // Claude Code's banner for an organization that refuses its subscription login (`Your organization has disabled Claude subscription access for Claude Code`, `oauth_org_not_allowed`).
      /\bdisabled Claude subscription access for Claude Code\b|\boauth_org_not_allowed\b/i,
      // Flowise's refusal of the key of a model it calls (`401 Invalid model key or Incorrect local model configuration.`).
      /\bInvalid model key\b/,
    ],
    supersedes: ['responses-routing', 'anthropic-direct'],
    unless: /before it reached Anthropic's API/,
    cause: 'the server at the base URL (your proxy, or the provider Claude Code talks to) rejected the key Claude Code sent (missing, wrong, or not a key of that server)',
    fix: 'export the proxy master key or a virtual key in the variable named by proxy.auth_token_env (the claude-* functions send it as ANTHROPIC_AUTH_TOKEN); ccenv doctor key checks it',
    severity: 'fail',
    source: 'BerriAI/litellm#4880; Alishahryar1/free-claude-code#350; farion1231/cc-switch#820; anthropics/claude-code#18396 (expired AWS credentials); https://docs.z.ai/api-reference/api-code (1001); openclaw/openclaw#42499, MoonshotAI/kimi-code#636 (Kimi: only available for Coding Agents); Azure-Samples/openai-apim-lb#31 (APIM subscription key); Helicone/helicone#2760; anthropics/claude-code#19028, anthropics/claude-code#9941 (This organization has been disabled); langchain-ai/langchain#19677, vercel/ai#4163, anthropics/claude-code#9471 (security token invalid); microsoft/PubSec-Info-Assistant#439 (Azure); openai/openai-node#73; accomplish-ai/coworker#92 (please auth first); acheong08/ChatGPTProxy#16 (Access token is missing); anthropics/claude-code#65044, anthropics/claude-code#86057 (oauth_org_not_allowed); FlowiseAI/Flowise#5776',
  },
  {
    ...NO_DEPLOYMENTS,
    keywords: ['no available accounts', 'no available provider for', 'circuit breakers open', 'no healthy deployment available', 'all_deployments_in_cooldown', 'no deployment available', 'no deployment found', '所有供应商已熔断', '熔断', 'no models available', 'no healthy deployments', 'no deployments available', 'cooldown', 'support the requested model', 'model_cooldown', 'cooling down', 'no available claude accounts', 'no available model deployments', '专属账号当前不可用', 'no available providers', 'circuit breaker open', '所有供应商暂时不可用', 'invalid llm model list', 'llm_model_list=none', 'strategy router marker', 'is reserved for', 'routing-plugin filtering', 'currently paused and cannot accept', 'no_responses_upstream', '未配置任何'],
    patterns: [/No available model deployments for model|No available Claude accounts|专属账号当前不可用|No available providers|circuit breaker open|所有供应商暂时不可用/i, /No available accounts|No available provider for|all circuit breakers open/i, /No healthy deployment available/i, /all_deployments_in_cooldown/, /No deployment (?:available|found for model)/i, /所有供应商已熔断|熔断[^\n]{0,6}无可用渠道/, /model_cooldown|are cooling down|no healthy deployments|'No models available\b/i, /No deployments available|cooldown_list|in cooldown|No available [\w ]{0,30}support the requested model/i, /Invalid llm model list|llm_model_list=None/, /Every deployment for it is a strategy router marker|\bDeployment \S{1,100} is reserved for\b|No deployments left after routing-plugin filtering|is currently paused and cannot accept requests/i,
      // A relay with no channel for the Responses API (`NO_RESPONSES_UPSTREAM`, `未配置任何 Responses 渠道` — no Responses channel configured).
      /\bNO_RESPONSES_UPSTREAM\b|未配置任何 ?Responses ?渠道/],
    unless: /'current_tpm'|'tpm_limit'|'rpm_limit'/,
    // Claude Code's 404 banner beside the gateway's own 'no deployment' is that cause's symptom.
    supersedes: ['rate-limit', 'overloaded', 'upstream-error', 'model-404'],
    source: 'BerriAI/litellm#5634; BerriAI/litellm#20867; heyitsnoah/claudesidian#14; BenedictKing/ccx#53',
  },
  {
    code: 'unknown-model',
    keywords: ['provided model identifier is invalid', '模型未找到', "': not found for account", 'is not available. please use', 'missing `model` parameter', 'not found the model', 'no longer available. please', 'unsupported model:', 'has been decommissioned', 'model_decommissioned', 'is not a valid model id', 'unsupported model ', 'not_found_error', 'could not resolve the foundation model', 'invoked an unsupported model', 'no models loaded', 'only allowed now, your model', 'modelcode: does not exist', "the model ", "unknown model '", 'model "', 'missing model in request body', 'unsupported model (model=', 'auto resolve a provider', "' not found", "' does not exist", 'please check the model code', 'mapping rule for model', 'invalid model', 'unknown provider for model', 'model_name', 'llm provider not provided', '模型不存在', 'model_not_found', 'model not found', 'does not exist', 'not found for api version', 'deploymentnotfound', '1211', 'model not exist', 'try pulling it', 'provider \'', 'supported api model names are', 'model_not_supported', 'requested model is not supported', 'on-demand throughput', '无可用渠道', 'no available channels for model', 'no available channel for model', "' not loaded", 'no endpoints found for', 'custom_llm_provider is required', 'providermodelnotfounderror', 'was not found. to download it', 'to download it, run `ollama', 'the requested model (', '不支持当前模型', 'model specified your request is not configured', 'model specified in your request is not configured', 'no available worker for', 'has no provider supported', 'reached the end of its life', 'marked by provider as legacy', '"detail":"unsupported model"', '"detail": "unsupported model"', 'non-serverless model', '不存在或已下架'],
    patterns: [
      // NVIDIA NIM's model (a "function") the account cannot call; Anthropic's not_found_error for a model the account may not use
      // (`Claude Fable 5 is not available. Please use Opus 4.8.`); a request that reached the provider with no model id at all.
      /\bFunction '[\w-]{8,60}': Not found for account\b|not_found_error[^\n]{0,60}\bis not available\. Please use\b|\bmissing `model` parameter\b/i,
      // Bedrock's ValidationException for a model id it does not know (earendil-works/pi#4993, through a client's `Validation error:`),
      // or for a model id it serves only through an inference profile (`Invocation of model ID … with on-demand throughput isn't
      // supported`, Aider-AI/aider#2224; `The provided model doesn't support on-demand throughput`, konveyor/kai#411); a Chinese
      // client's `模型未找到` (model not found, sigpanic/goink#29).
      /\bThe provided model identifier is invalid\b|\bwith on-demand throughput isn(?:'|’)?t supported\b|\bdoesn(?:'|’)?t support on-demand throughput\b|模型未找到/i,
      // Moonshot's `Not found the model X or Permission denied` (resource_not_found_error); an upstream's `… is no longer available.
      // Please switch to …`; `Unsupported model: X`.
      /\bnot found the model\b[^\n]{0,80}\bor permission denied\b|\bis no longer available\. Please (?:switch|use)\b|\bUnsupported model: ?\**[\w./:@-]/i,
      // Groq's retired model ids (`The model `llama3-70b-8192` has been decommissioned`, model_decommissioned).
      /\bhas been decommissioned and is no longer supported\b|\bmodel_decommissioned\b|\bThe model (?:`[^`\n]{1,80}` )?has been decommissioned\b/i,
      // OpenRouter's `X is not a valid model ID`; a gateway's `Unsupported model X`; Anthropic's not_found_error naming the model
      // (`"message": "model: claude-3-haiku-20240229"`, quoted or not, or the bare id: `"message": "claude-3-5-sonnet-20240620"`).
      /\bis not a valid model ID\b|BadRequestError: Unsupported model [\w./:@-]{2,80}|not_found_error['\"]?,\s?['\"]?message['\"]?:\s?['\"]?(?:model: |claude-[a-z\d.]{1,12}-)/i,
      // Bedrock's model id it cannot resolve in the region; LM Studio with no model loaded.
      /\bCould not resolve the foundation model from the provided model identifier\b|\bYou invoked an unsupported model\b|\bNo models loaded\. Please load a model\b/i,
      // FastChat's server asked for a model it has not loaded (40301); Z.ai's model code it does not know.
      /\bOnly allowed now, your model\b|\bmodelCode: does not exist\b/i,
      /\bThe model \S{1,100} does not exist\b/,
      // (LangChain links its MODEL_NOT_FOUND troubleshooting page to any 404: `…/troubleshooting/errors/MODEL_NOT_FOUND/` is no evidence.)
      // MiniMax's 2013 naming the id (`invalid params, unknown model 'gpt-5.5' (2013)`); Ollama's `model "X" not found`.
      /\bunknown model '[^'\n]{1,100}'|\bmodel "[^"\n]{1,100}" not found/i, /Model with key '[^'\n]{1,100}' not loaded/i, /\bNo endpoints found for [\w./:-]{1,100}\.?(?:\s|"|$)/, /There are no available channels for model|No available channel for model|(?<!熔断[^\n]{0,6})无可用渠道/i, /with on-demand throughput isn[’']t supported/i, /Missing model in request body|\bUnsupported model \(model=/i, /could not auto resolve a provider/i, /\bmodel '[^'\n]{1,100}' not found|The model '[^'\n]{1,100}' does not exist/i, /Model does not exist, please check the model code/i, /No prefix or mapping rule for model/i, /model '[^'\n]{1,100}' not found|The model:? `[^`\n]{1,100}` does not exist|DeploymentNotFound|API deployment for this resource does not exist|models\/[\w.:-]{1,100} is not found for API version/i, /\bModel Not Exist\b|not found, try pulling it|The supported API model names are [^\n]{1,200} but you passed|Provider '[^'\n]{0,80}' not found/i, /Invalid model name|Invalid model: |unknown provider for model|There is no 'model_name' with this string|LLM Provider NOT provided|模型不存在|(?<!troubleshooting\/errors\/)\bmodel_not_(?:found|supported)\b|The requested model is not supported|model (?:not found|does not exist)|"code":\s?"1211"/i, /custom_llm_provider is required for \w+ messages/i,
      // opencode's error for a model its provider does not list.
      /\bProviderModelNotFoundError\b/,
      // Ollama's answer for a model it has not pulled, in Continue's words (`The model "llama3.1:8b" was not found. To download it, run `ollama run …``).
      /\bThe model \\?"[^"\n]{1,80}\\?" was not found\b|\bTo download it, run `ollama (?:run|pull) /i,
      // A provider's model it does not serve (SambaNova: `The requested model (DeepSeek-R1-Distill-Llama-70B) is not available on SambaNova Cloud`), and iFlow's in Chinese (`心流不支持当前模型，请更换模型后重试` — the model is not supported, switch models).
      /\bThe requested model \([^)\n]{1,80}\) is not available\b|不支持当前模型/i,
      // Envoy AI Gateway without a route for the model (`No matching route found. It is likely that the model specified your request is not configured in the Gateway`), FastChat's controller without a worker for it (`No available worker for gpt-3.5-turbo`).
      /\bthe model specified (?:in )?your request is not configured\b|\bNo available worker for [\w./:@-]+/i,
      // ModelScope's model id that no provider serves any more (`Model id : Qwen/… , has no provider supported`); Bedrock's retired and Legacy models (`This model version has reached the end of its life`, `This Model is marked by provider as Legacy`).
      /\bhas no provider supported\b|\bThis model version has reached the end of its life\b|\bThis Model is marked by provider as Legacy\b/i,
      // ChatGPT's backend refusing a model it does not serve (`{"detail":"Unsupported model"}`); Together's dedicated-only model (`Unable to access non-serverless model`).
      /"detail":\s?"Unsupported model"|\bUnable to access non-serverless model\b/i,
      // cc-switch's test of a provider with a model it does not serve (`测试模型 claude-haiku-4-5-20251001 不存在或已下架` — does not exist or was taken down).
      /不存在或已下架/,
    ],
    // The model's own "does not exist" explains the 404 an access-log line beside it shows.
    // Not a model id: a base URL's path segment read as one (`model=messages`), Bedrock's refusal of prompt caching that names
    // the model only as a possibility (`You invoked an unsupported model or your request did not allow prompt caching`).
    unless: new RegExp(`${PATH_AS_MODEL.source}|\\bdid not allow prompt caching\\b`, 'i'),
    supersedes: ['upstream-error', 'model-404', 'base-url-suffix', 'param-rejected'],
    cause: "the model id Claude Code sent is not a model_name (or alias) on the proxy (or, in LiteLLM's words `LLM Provider NOT provided`, a deployment's litellm_params.model has no provider prefix such as openai/)",
    fix: 'point the profile slot (model, small_model, subagent_model, …) at a served model, or add it to the proxy (ccenv gen litellm --dir DIR, then restart); ccenv doctor models names the slot',
    severity: 'fail',
    source: "Alishahryar1/free-claude-code#1434 (NIM: Function '…': Not found for account); anthropics/claude-code#68121 (not_found_error: … is not available. Please use …); musistudio/claude-code-router#70 (missing `model` parameter); BerriAI/litellm#12061; BerriAI/litellm#8326; wandb/openui#200; esengine/DeepSeek-Reasonix#2174 (DeepSeek's 'The supported API model names are … but you passed'); aws-samples/sample-getting-started-with-strands-agents-course#1 (Bedrock on-demand throughput); labring/FastGPT#1256; ConardLi/easy-dataset#80 (a relay's 'no channel serves model X in group Y': the id is not one it serves); logancyang/obsidian-copilot#382 (LM Studio); jlcodes99/cockpit-tools#1431 (MiniMax: unknown model 'X' (2013)); Huanshere/VideoLingo#331 (Ollama: model \"X\" not found); chatchat-space/Langchain-Chatchat#2272 (FastChat 40301); duolahypercho/codex-router#244 (Z.ai modelCode); aws-samples/bedrock-chat#91 (Could not resolve the foundation model); anthropics/claude-code#391 (You invoked an unsupported model); lmstudio-ai/lms#107 (No models loaded); jalpp/chessagineweb#59, maxnowack/anthropic-proxy#4 (OpenRouter: not a valid model ID); Ikalus1988/MisakaNet#1193; diffbot/code-gpt-docs#249, jnsahaj/lumen#86 (Anthropic's not_found_error 'model: X'); bklieger-groq/stockbot-on-groq#59, valentinfrlch/ha-llmvision#324 (Groq: decommissioned); langgenius/dify#39778, chatchat-space/Langchain-Chatchat#3767 (Moonshot: not found the model); router-for-me/CLIProxyAPI#1630 (no longer available); cita-777/metapi#346 (Unsupported model:); anomalyco/opencode#6493 (ProviderModelNotFoundError); continuedev/continue#10184; openai/openai-agents-python#2047 (not_found_error naming a retired claude id); mozilla-ai/any-llm#976 (SambaNova: The requested model is not available); iflow-ai/iflow-cli#370 (不支持当前模型); envoyproxy/ai-gateway#1944 (No matching route found); lm-sys/FastChat#1685 (No available worker); musistudio/claude-code-router#906 (ModelScope); aws-samples/serverless-patterns#2855, fourTheorem/podwhisperer#24 (Bedrock end of life, Legacy); openai/codex#5347; truefoundry/models#919 (Together); farion1231/cc-switch#3255; farion1231/cc-switch#3900",
  },
  {
    code: 'responses-routing',
    keywords: ['anthropicresponsesstreamwrapper', '/responses', 'responses api', 'responsesapiresponse', 'not found', 'unsupported_api_for_model', '/chat/completions endpoint', 'chatcompletion operation', 'only supported in v1/responses', 'unexpected endpoint or method'],
    patterns: [/AnthropicResponsesStreamWrapper/, /only supported in v1\/responses and not in v1\/chat\/completions/i, 
      /\b404\b(?:(?!\/v1\/|\b(?:INFO|DEBUG|WARN(?:ING)?|Route)\b)[^\n]){0,80}\/v1\/responses\b|\/v1\/responses\b(?:(?!\/v1\/|\b(?:INFO|DEBUG|WARN(?:ING)?|GET|POST|HEAD|Route)\b)[^\n]){0,240}\b404\b|\/responses\b[^\n]{0,20}\b404\b|does not support Responses API|ResponsesAPIResponse|responses\/transformation\.py|unsupported_api_for_model|not accessible via the \/chat\/completions endpoint|In the Responses API, this parameter has moved|\/openai\/responses\?|chatCompletion operation does not work|Responses API endpoint not found/i,
      /OpenAIException - [^\n]{0,60}\bNot Found\b/,
      // LM Studio's answer to LiteLLM's Responses-API call.
      /Unexpected endpoint or method\. \(POST \/v1\/responses\)/i,
    ],
    cause: 'LiteLLM ≥ 1.82.0 sends /v1/messages for openai/ models to the upstream /v1/responses, which OpenAI-compatible hosts do not serve (a 404, a hang, or an answer of the wrong shape)',
    fix: 'set LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES=1 in the proxy environment (ccenv gen env) or litellm_settings.use_chat_completions_url_for_anthropic_messages: true (ccenv gen litellm-config), and restart the proxy',
    severity: 'fail',
    supersedes: ['model-404', 'unknown-model', 'base-url-suffix', 'no-deployments'],
    // A doubled /v1 in the path is the base URL's suffix (base-url-suffix), whatever endpoint it reached. The path
    // alone is no failure (a server's route list, its log of a request, a client's request URL): only with a 404 of
    // the same request (no other path, log level or request line between them).
    unless: /\/v1\/v1\//,
    source: 'BerriAI/litellm#20103; BerriAI/litellm#13352; BerriAI/litellm#25418; observed with LiteLLM 1.106.0 (OpenAIException - {"error":{"message":"Not Found"}})',
  },
  {
    code: 'model-404',
    keywords: ['is not available on your', 'notfounderror', 'not found the model', "issue with the selected model", 'not_found_error', "gateway couldn't serve", 'gateway couldn’t serve', 'publisher model'],
    patterns: [
      // Claude Code's own words for a model its Vertex or Bedrock backend answers 404 for.
      /\bis not available on your (?:vertex|bedrock|foundry) deployment\b/i,
      /Your gateway couldn[’']t serve \S{1,100}\. This model may not be configured on your gateway/i, /\b(?:openai|anthropic)\.NotFoundError\b/, /Not found the model\b/i, /There[’']s an issue with the selected model/i, /not_found_error[^\n]{0,60}model/i, /Publisher Model `?[\w./@{}*-]{1,300}`? not found/i],
    cause: "Claude Code's words for any 404: the model id is missing on the proxy, LiteLLM's Responses-API routing got a 404 from the upstream, or the base URL's path is wrong",
    fix: `${DOCTOR}: its models check names a missing id, its messages check the routing 404, its base-url check a wrong path`,
    severity: 'fail',
    source: 'anthropics/claude-code#9243; Alishahryar1/free-claude-code#301; maximhq/bifrost#4540 (a gateway banner); anthropics/claude-code#49844 (not available on your vertex deployment)',
  },
  {
    code: 'base-url-suffix',
    keywords: ['endpoint was not found', '/v1//', "'message': 'resource not found'", '"message":"resource not found"', '"message": "resource not found"', "'path': '/", '"path":"/', '"path": "/', 'method not allowed', "'message': 'not found'", '"message":"not found"', '"message": "not found"', 'unknown endpoint', 'unknown_url', 'unknown request url', 'http/1.1" 404', 'invalid url (post', 'file not found', '404 page not found', '/v1/v1/', 'invalid url', '/chat/completions/v1/messages', '| 404 |', 'not found', 'unexpected endpoint', '"detail":"not found"', '"detail": "not found"', "'detail': 'not found'", '<!doctype html', 'route not found', 'anthropic.com/messages', '/v1/messages', "add '/v1'", '<!doctype', 'no static resource', '/chat/completions/chat/completions', 'no handler found on route', 'resource not found', '/v1/chat/completions', '/v1/responses', '[gin]', 'unknown request path', 'api.anthropic.com/messages', '404 status code (no body)', 'requested resource was not found', 'resource_not_found_error', 'invalid port: ', 'url error, please check url', 'server gave http response to https client', 'no route for that uri', 'could not route to', '405 status code', 'model=messages', 'model=v1', 'model=count_tokens', '404 (no body)', 'endpoint not supported', 'count_tokens'],
    patterns: [
      // A server that names the base URL to use (`The requested endpoint was not found. please make sure to use
      // "http://localhost:3040/v1" as the base`, PawanOsman/OpenCursor#76).
      /\bendpoint was not found\b[^\n]{0,80}\bas the base\b/i,
      // A base URL ending in a slash before the client's /v1 path (`"GET /v1//models HTTP/1.1" 404`).
      /\/v1\/\/(?:models|chat\/completions|messages|completions|responses)\b[^\n]{0,40}\b404\b/,
      // Azure OpenAI's 404 for an endpoint or api-version it does not serve (`'message': 'Resource not found'`); a Spring server's 404 naming the path it lacks (`'error': 'Not Found', 'path': '/v4/completions'`).
      /['"]message['"]:\s?['"]Resource not found['"]|['"]error['"]:\s?['"]Not Found['"],\s?['"]path['"]:\s?['"]\//,
      // A path that takes no POST: the base URL is not the API's (`method not allowed (405)`, an access line's POST answered 405).
      /\bmethod not allowed \(405\)|"POST [^"\n]{0,300} HTTP\/\d(?:\.\d)?" 405\b/i,
      // Anthropic's 404 for a path, not a model: not_found_error with the message `Not Found` (a base URL ending in /v1/).
      /not_found_error['\"],\s?['\"]message['\"]:\s?['\"]Not Found['\"]/i,
      // A server at the base URL that does not serve Claude Code's path (`Unknown endpoint: /v1/messages?beta=true`: another server on that port).
      /\bUnknown endpoint: \/\S{1,80}/i,
      /(?:\b404\b|Not ?Found|Error)[^\n]{0,60}\bfrom https?:\/\/api\.anthropic\.com\/messages\b/i, /"message":\s?"unknown request path"/i, /\[GIN\][^\n]{0,60}\|\s+404\s+\|[^\n]{0,80}\|\s+POST\s+"\/v1\/api\//, /(?:\b404\b|Not ?Found|Error)[^\n]{0,300}\/v\d+\/v1\/(?:chat\/completions|messages|responses)\b|\/v\d+\/v1\/(?:chat\/completions|messages|responses)\b[^\n]{0,300}(?:\b404\b|Not ?Found|Error)/, /\"message\":\s?\"Resource not found\"/i, /No static resource \S{1,200}|\/chat\/completions\/chat\/completions|No handler found on route/i, /\"code\":\s?\"unknown_url\"|Unknown request URL: POST/i, /"POST \/[^"\s]{0,200} HTTP\/1\.[01]" 404\b|Invalid URL \(POST \/[\w/.-]{0,80}\)/, /"message":\s?"File Not Found"/i, /\/(?:v\d+|anthropic|api|openai|chat\/completions)\/v1\/messages\b[^\n]{0,80}\b404\b|\b404\b[^\n]{0,200}"path":\s?"\/[\w/-]{1,60}\/v1\/messages"|forgot to add '\/v1'|Unexpected token '<', \\?"<!DOCTYPE/i, /\b404\b[^\n]{0,80}<!doctype html|route not found: \/v1\/messages|api\.anthropic\.com\/messages'/i, /Unexpected endpoint or method\. \((?:POST|GET) \/|["']detail["']:\s?["']Not Found["']|Invalid URL \(POST \/v1\/messages\/count_tokens\)/i, /404 page not found|\/v1\/v1\/|Invalid URL \(POST \/v1\/messages\)|\/chat\/completions\/v1\/messages|\| 404 \|[^\n]{0,80}POST\s+"\/v1\/messages|\[GIN\][^|\n]{0,40}\| 404 \|[^\n]{0,80}\| POST\s+"\/(?:v1\/)?(?:api\/(?:generate|chat)|chat\/completions|completions|messages)"|404 Not Found<\/title>|Route \/\S{0,80} not found|POST \S{0,200}\/chat\/completions "HTTP\/1\.1 404/i,
      // The SDKs' words for a 404 without a body: no route at that path (a model the server lacks comes with a JSON error).
      /\b404 status code \(no body\)/,
      // Kimi's coding endpoint's 404 for a path it lacks; a URL whose port is a path segment (an api_base with a provider path, LiteLLM's Gemini URL).
      /The requested resource was not found|"type":\s?"resource_not_found_error"|Invalid port: ['‘’]?[A-Za-z]/,
      // DashScope's refusal of a wrong path (`url error, please check url！`).
      /\burl error, please check url\b/i,
      // An https:// base URL pointed at a plain-HTTP port (`server gave HTTP response to HTTPS client`; OpenSSL's bare `wrong version
      // number` says the same of a proxy URL too, so it names neither); a gateway's `Route not found`.
      /\bserver gave HTTP response to HTTPS client\b|"message":\s?"Route not found"/i,
      // Cloudflare's API answering a path it has no route for (`Could not route to /accounts/…/ai/v1`, `No route for that URI`).
      /\bNo route for that URI\b|\bCould not route to \\?\//i,
      // A 405 without a body, as the Anthropic SDK words it: the path takes no POST (`API Error: 405 status code (no body)`).
      /\b405 status code \(no body\)/i,
      PATH_AS_MODEL,
      // Azure's 404 for an endpoint or api-version it does not serve, in LiteLLM's wrapper (`litellm.APIError: AzureException APIError - Resource not found`).
      /\bAzureException\b[^\n]{0,40}\bResource not found\b/i,
      // An Anthropic-style route answering a path it lacks with a bare body (`litellm.NotFoundError: AnthropicException - {"error":"Not found"}`).
      /\bNotFoundError\b[^\n]{0,60}\{\s?\"error\"\s?:\s?\"Not found\"\s?\}/i,
      // A 404 without a body however the client words it (`404 (no body)`).
      /(?<![\w.-])404 \(no body\)/,
      // A gateway's answer for a path it does not serve, whatever the method (`Invalid URL (GET /api/models)`, `Invalid URL (POST /v1/images/generations/chat/completions)`).
      /\bInvalid URL \((?:GET|POST|PUT|DELETE|PATCH) \/[^)\n]{0,200}\)/,
      // A relay's channel that serves one API and not the other (`codex channel: /v1/chat/completions endpoint not supported`); Claude Code's token count on a proxy without that path (`POST /v1/messages/count_tokens?beta=true HTTP/1.1" 404`).
      /\/v1\/(?:chat\/completions|responses|messages) endpoint not supported\b|\/v1\/messages\/count_tokens(?:\?beta=true)? HTTP\/1\.1" 404\b/,
    ],
    cause: 'the request reached a path the server does not serve: the base URL has /v1 or a provider path appended (Claude Code adds /v1/messages itself), or it is the wrong port or server',
    fix: 'set the base URL to the proxy root, e.g. http://localhost:4000 (proxy.base_url); ccenv doctor base-url checks it',
    severity: 'fail',
    supersedes: ['model-404'],
    source: 'open-webui/open-webui#12117 (/v1//models 404); microsoft/autogen#3953, langchain-ai/langchain#13284 (Azure: Resource not found); pingcap/autoflow#281 (a Spring 404 with its path); anthropics/claude-code#20416; MartialBE/one-hub#173; ollama/ollama#13708; simonlin1212/Vibe-Research#22 (/v4/v1/); CherryHQ/cherry-studio#12149 (an Ollama base URL ending in /v1, then its /api path); vllm-project/aibrix#2110; vercel/ai#15580 (a base URL without /v1); cline/cline#926 (an empty 404); oobabooga/textgen#4630; liliMozi/openhanako#2322 (Kimi: resource_not_found_error); stanfordnlp/dspy#8085 (Invalid port); badrisnarayanan/antigravity-claude-proxy#338 (Unknown endpoint: another server on the port); anthropics/anthropic-sdk-python#985 (a base URL ending in /v1/); tisfeng/Easydict#258 (method not allowed (405)); agentscope-ai/agentscope#1295 (DashScope: url error); cloudflare/cloudflared#177 (HTTP response to HTTPS client); chatpire/chatgpt-web-share#164 (Route not found); musistudio/claude-code-router#1630 (Cloudflare: No route for that URI); luohy15/y-router#17 (405 status code (no body)); BerriAI/litellm#14478 (model=messages); BerriAI/litellm#9266 (AzureException: Resource not found); OpenHands/OpenHands#13079 (AnthropicException: {"error":"Not found"}); huggingface/chat-ui#845 (404 (no body)); songquanpeng/one-api#1225 (Invalid URL (GET /api/models)); QuantumNous/new-api#4404; BerriAI/litellm#13252',
  },
  {
    code: 'invalid-beta',
    keywords: ['anthropic-beta：', 'anthropic-beta:', '不支持的 anthropic-beta', 'context-management-', "support anthropic's", 'beta', 'unexpected value(s)', 'betas: extra inputs', 'long context beta header'],
    patterns: [/incompatible with the long context beta header/i, /\bbetas: Extra inputs are not permitted/i, /Unexpected value\(s\) [^\n]{0,400}for the `?anthropic-beta`? header|Unexpected value\(s\) `[\w-]{1,60}-\d{4}-\d{2}-\d{2}`/i, /不支持的 ?anthropic-beta|anthropic-beta[：:]\s?[\w-]{1,60}-\d{4}-\d{2}-\d{2}/i, /\(context-management-\d{4}-\d{2}-\d{2}\)|No endpoints available that support Anthropic's|unknown variant `anthropic_beta`/i, /invalid beta flag|anthropic-beta[^\n]{0,40}(?:invalid|not supported|unsupported)|Unexpected value\(s\)[^\n]{0,240}anthropic-beta/i],
    supersedes: ['upstream-error', 'param-rejected'],
    cause: "Claude Code's anthropic-beta header reached a backend that rejects it",
    fix: 'in the profile set env: { CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS: "1" }, and do not forward client headers upstream',
    severity: 'fail',
    source: 'BerriAI/litellm#20021; anthropics/claude-code#21676; anthropics/claude-code#49370; CherryHQ/cherry-studio#2660 (an SDK betas field sent to a host that knows none); router-for-me/EasyCLIProxyAPI#254',
  },
  {
    code: 'context-too-long',
    keywords: ['413 request entity too large', 'tokens per request', 'context too long', 'context exceeds provider limit', 'when context the overflows', 'floor_output_tokens', 'expected maxlength', 'must have length less than or equal to', 'pdf too large', 'image dimensions exceed', 'request body too large for', 'context size has been exceeded', 'image was too large', 'truncating input prompt', 'token length too long', 'length limit for this chat', 'maximum length for this conversation', 'too long to continue', '長さ制限を超え', 'is too long and exceeds limit', 'compared to kv size', 'exceeded model token limit', 'total message size', '超长', 'too long', 'context', 'compact', 'context size', 'exceed_context_size', 'prompt length', 'must be at least 1, got -', 'request_too_large', 'payload too large', 'input token count', 'input length', 'too many tokens', 'input tokens', 'while limit is', 'inputs` tokens', 'request too large', '输入内容超长', '上下文长度', 'request body size exceeds limit', '请求内容过大', 'at least 1,not -', 'at least 1, not -', 'at least 1, got -', 'at least 1,got -', 'must have less than', 'autocompact is thrashing', 'cannot be compacted', 'request size is too large', 'request too large (max', 'could not be reduced below the context limit', 'attached media exceeds size limits', 'image exceeds', 'max_seq_len', 'maximum model length', 'cannot truncate prompt with n_keep', 'tool result is too large', 'result exceeds maximum length', 'ran out of room in the model', 'inputs tokens + max_new_tokens', 'prompt token count of', 'model_max_prompt_tokens_exceeded', 'pdf pages may be provided', '\'tool_outputs\' too large', 'combined tool outputs must be less'],
    patterns: [
      // A web server in front refusing the body's size (nginx's `413 Request Entity Too Large` page).
      /\b413 Request Entity Too Large\b/,
      // A plugin's preflight (`context ~19344 tokens exceeds the model window 18320`, ranxianglei/billion-context#969).
      /\btokens? exceeds? the (?:model(?:'s)? )?(?:context )?window\b/i,
      // A per-request token cap (`Requested 319487 tokens, max 300000 tokens per request`); an agent's own words (`Context too long. Retrying with 80%`, `context exceeds provider limit`); LM Studio's context overflow.
      /\bRequested \d+ tokens, max \d+ tokens per request\b|\bContext too long\b|\bcontext exceeds (?:the )?provider limit\b|\bTrying to keep the first \d+ tokens when context the overflows\b/i,
      // Claude Code's own check that the context left is below its output floor; Bedrock's request-size limits
      // (`Malformed input request: expected maxLength: 42000, actual: 46735`, a body over 25,000,000 bytes).
      /\bavailableContext \d+ is less than FLOOR_OUTPUT_TOKENS\b|\bexpected maxLength: \d+, actual: \d+|'body' failed to satisfy constraint: Member must have length less than or equal to \d+/i,
      // Claude Code's `PDF too large.` and `PDF too large (max 100 pages, 32 MB)`; Anthropic's image-dimension limit for many-image requests; GitHub Models' per-request cap;
      // llama.cpp's `Context size has been exceeded`.
      /\bPDF too large(?:\.| \(max)|\bimage dimensions exceed max allowed size\b|\bRequest body too large for [\w.-]{1,60}(?: model\b| - Max size\b)|\bContext size has been exceeded\b/i,
      // Claude Code's own words for an image over the API's limit.
      /\bImage was too large\b/i,
      /\btruncating input prompt\b/, /\bInput token length too long\b|exceed the length limit for this chat|長さ制限を超え|hit the maximum length for this conversation|conversation is too long to continue/i, /`inputs` must have less than \d+ tokens/, /max_tokens? must (?:be )?at least 1, ?(?:not|got|but got) -\d/i, /Request body size exceeds limit|请求内容过大/i, /Input prompt \(\d+ tokens\) is too long/i, /Input prompt is too big compared to KV size/i, /exceeded model token limit|total message size \d+ exceeds limit|Prompt ?超长/i, /reached its context window limit|输入内容超长|上下文长度超|exceed context limit|maximum context limit|longer than the model's context length|Input tokens exceed the configured limit|`inputs` tokens \+ `max_new_tokens` must be|Current length is \d+ while limit is \d+|maximum input length is \d+|Input is too long|Too many input tokens|(?:Prompt|request) has too many tokens|string too long\. Expected a string with maximum length/i, /"type":\s?"request_too_large"|Request too large \(max \d+ ?[KMG]B\)|Request exceeds the maximum (?:allowed number of bytes|size)|Payload Too Large|Context Window exceeded|context window large enough|input token count \(?\d+\)? exceeds the maximum|Range of input length should be/i, /max_tokens must be at least 1, got -\d+/i, /exceeds the available context size|exceed_context_size_error|maximum prompt length is \d+/i, /prompt is too long|maximum context length|context length (?:exceed|is exceeded|limit (?:of|is|exceeded|reached)|of \d|is (?:only )?\d|too |\(\d|\d)|context length only supports\b|larger context length|(?:exceed(?:s|ed)?|over|beyond|than|does not fit in(?:to)?) (?:the |its |your |this |model'?s? |max(?:imum)? )?context length|context_length_exceeded|ContextWindowExceededError|exceeds? (?:the )?context (?:limit|window)|Conversation too long|Context low · Run \/compact|Context limit reached/i, /Autocompact is thrashing|A single-exchange conversation cannot be compacted/i, /Request size is too large\. Max size is/i, /\bRequest too large \(max \d|could not be reduced below the context limit|attached media exceeds size limits/i,
      // Anthropic's per-image limit (a screenshot in a tool result), and SiliconFlow's `length of prompt_tokens (N) must be less than max_seq_len (M)`.
      /\bimage exceeds \d+ ?MB maximum|\b(?:prompt_tokens|input_tokens|prompt length|input length)\b[^\n]{0,30}must be (?:less|smaller) than max_(?:seq|model)_len\b/i,
      // vLLM's prompt check: `The decoder prompt (length 44) is longer than the maximum model length of 16`.
      /\bis longer than the maximum model length\b/i,
      // llama.cpp's server when the prompt does not fit its n_ctx (`Cannot truncate prompt with n_keep (15028) >= n_ctx (7424)`), its tokenizer's `too many tokens`.
      /\bCannot truncate prompt with n_keep \(\d+\) >= n_ctx \(\d+\)|\bllama_tokenize\w{0,20}: too many tokens\b/i,
      // A prompt counted against the window (`Prompt is 11543 tokens but the model context window is 4096 tokens`).
      /\b\d+ tokens but the (?:model(?:'s)? )?context (?:window|length|size) is \d+/i,
      // A tool result over the size Claude Code or an MCP client takes (`Tool result is too large. Maximum size is 1MB.`, `result exceeds maximum length of 1048576`).
      /\bTool result is too large\b|\bresult exceeds maximum length of \d+/i,
      // Codex's words when the conversation no longer fits (`Codex ran out of room in the model's context window`), rkllama's (`prompt gather than max context (prompt: 1299 tokens, max context: 1020)`).
      /\bran out of room in the model's context window\b|\bprompt (?:gather|greater) than max context\b/i,
      // Text Generation Inference's check quoted without its backticks (`inputs tokens + max_new_tokens must be <= 2048`).
      /\binputs tokens \+ max_new_tokens must be <=/,
      // GitHub Copilot's prompt over the model's prompt limit (`prompt token count of 140189 exceeds the limit of 64000`, `model_max_prompt_tokens_exceeded`).
      /\bprompt token count of \d+ exceeds the limit of \d+|\bmodel_max_prompt_tokens_exceeded\b/i,
      // Anthropic's page limit for PDFs (`A maximum of 100 PDF pages may be provided.`).
      /\bA maximum of \d+ PDF pages may be provided\b/i,
      // OpenAI's Assistants limit on tool outputs (`'tool_outputs' too large: the combined tool outputs must be less than 512kb`).
      /'tool_outputs' too large\b|\bcombined tool outputs must be less than\b/i,
    ],
    cause: "the conversation (plus max_tokens) is larger than the model's context window, or the request body larger than the server takes (413 request_too_large: images, PDFs or a huge tool output); Claude Code compacts too late when it assumes a larger window than the model has",
    fix: 'set context_window in the profile to the real window (→ CLAUDE_CODE_MAX_CONTEXT_TOKENS) so Claude Code compacts in time, and max_output_tokens to what the model can produce; then /compact (or /rewind past the large image or tool output)',
    severity: 'fail',
    // vLLM's "'max_tokens' or 'max_completion_tokens' is too large: N. This model's maximum context length is …": Claude Code's max_tokens, not the conversation.
    // (A compaction whose summary came back empty is the empty answer, not the context.)
    unless: /'max_tokens' or 'max_completion_tokens' is too large|Invalid '\w{1,40}': ?array too long|response did not contain valid text/i,
    // GLM's 1210 ("API 调用参数有误") wraps its context error: the context is the cause.
    supersedes: ['max-tokens-rejected', 'param-rejected', 'http-proxy'],
    source: 'Wei-Shaw/claude-relay-service#630 (nginx 413 Request Entity Too Large); ridgesai/ridges-old#75 (max tokens per request); tickernelz/opencode-kiro-auth#13; esengine/DeepSeek-Reasonix#8226; lmstudio-ai/lmstudio-bug-tracker#237 (LM Studio); Alishahryar1/free-claude-code#263; anymorph-ai/Claudable#3; Wei-Shaw/sub2api#5093; farion1231/cc-switch#1749 (a negative max_tokens); huggingface/text-generation-inference#937; anthropics/claude-code#2939 (the 5 MB image limit); continuedev/continue#4198 (max_seq_len); google/tunix#222 (vLLM: longer than the maximum model length); https://platform.kimi.com/docs/api/errors.md; https://www.five.reviews/fixes/claude-ai-conversation-too-long-error-fix/ (claude.ai); anthropics/claude-code#34488 (Image was too large); anthropics/claude-code#13518 (PDF too large); anthropics/claude-code#23794 (image dimensions); Aider-AI/aider#2296 (GitHub Models); llmmllab/llmmllab-api#202 (llama.cpp); anthropics/claude-code#5346 (FLOOR_OUTPUT_TOKENS); ryanadoty/Amazon-Bedrock-Amazon-RDS-POC#9 (expected maxLength); langchain-ai/langchain-aws#419 (25000000); anomalyco/opencode#11141 (n_keep >= n_ctx); PromtEngineer/localGPT#441 (llama_tokenize_with_model: too many tokens); jaylfc/taOS#1738; anthropics/claude-code#66519; PrefectHQ/fastmcp#1036; openai/codex#36456 (ran out of room in the model\'s context window); NotPunchnox/rkllama#25 (prompt gather than max context); opea-project/GenAIExamples#340 (TGI); zed-industries/zed#30407 (Copilot); anthropics/claude-code#5707; badlogic/lemmy#40; anthropics/claude-code#16136; VRSEN/agency-swarm-lab#39',
  },
  {
    code: 'tool-input-invalid',
    keywords: ["missing required parameter: 'input[", 'json schema conversion was incomplete', 'failed to call a function', 'tool_use_failed', '`tool_result` block(s)', 'error parsing parameters', "doesn't support tool calling without", 'functiondeclaration parameters schema', 'no tool call found for function call output', 'must alternate between user and assistant', 'function response parts', 'missing required parameter: ', 'must be in json format', 'unexpected role "tool"', "expecting", 'tool_use.input', 'tool_result.content', 'function name or parameters is empty', "not found in 'tools'", 'toolresult blocks', 'tool_use.id', 'function call turn', 'does not support tools', 'tool call arguments', "missing required 'id'", 'input_schema for tool', 'tool_choice', '`tools` must', 'tools param requires', "'content' or 'tool_calls'", 'parse tool call', 'failed to parse input at pos', 'not found in tools list', 'is duplicated', 'must be followed by tool messages', 'tool parameter json', 'tool arguments', 'args invalid json', 'json repair failed', 'support tool use', 'support tool calling', 'missing required parameters', 'tool use concurrency', 'missing tool result', 'function_declarations', 'generatecontentrequest.tools', 'auto" tool choice', 'non-json arguments', "'tools[", 'tool_use', 'tool_result', 'tool parameters', 'tool input', 'json arguments', 'input_schema', 'function.name', 'tool call', 'parsed as json', "'tools.", 'each tool_use must have', 'inputvalidationerror', ': input tag', 'required parameter', 'arguments provided to the tool', 'invalid function arguments', '"tools.', 'could not parse tool input', 'arguments is not valid json', "contentblocktoolresult' object", 'failed to parse grammar', "invalid value for 'function.", 'ai_nosuchtoolerror', 'tried to call unavailable tool', 'incompatible tool choice', 'tool result blocks cannot', '"function",', 'functionresponse.name', 'missing field `tool_call_id`', 'tools.', 'array schema missing items', 'function name is invalid', 'schema at top-level requires', '"tool_calls"', 'tool_call_id  is not found', 'tool_call_id is not found', 'did not use a tool', 'moonshot flavored json', 'or \'anyof\' key', 'function parameters is empty', 'incorrect schema type field', '.tool_type: required one_of', '\'body\', \'tools\'', '"body", "tools"', 'unsupported param: tools', 'is incompatible with gemini', 'didn\'t specify the schema type', 'for \'role:tool\' the following', 'error in extracting tool call', 'no tool output found for', 'unsupported tool_call_parser', 'supported values are: \'search\', \'open_page\'', 'invalid value: \'output_text\'', '.name\': empty string', 'unknown parameter: \'input[', '\' is unsupported, did you mean', 'after role \'tool\'', 'invalid_request_message_order'],
    patterns: [
      // The Responses API given a function call input item without its name (`Missing required parameter: 'input[4].name'`).
      /\bMissing required parameter: 'input\[\d+\]\.name'/,
      // llama-server turning the tools' JSON Schemas into a grammar and failing (anthropics/claude-code#82495: `JSON schema
      // conversion was incomplete: Unsupported pattern syntax`; not a bare `error parsing grammar`, which a grammar file of the
      // user's own gives too).
      /\bJSON schema conversion was incomplete\b/,
      // Groq's model that wrote a malformed tool call (tool_use_failed, `See 'failed_generation'`); a server's tool call whose arguments are not JSON; Bedrock's tool_use without its tool_result; Crush's tool parameters that are not JSON; LiteLLM's Bedrock history with tool calls but no tools.
      /\bFailed to call a function\. Please adjust your prompt\b|\btool_use_failed\b|\barguments is not valid JSON\b|\bDid not find \d+ `?tool_result`? block\(s\)|\berror parsing parameters: invalid character\b|doesn't support tool calling without `tools=` param/i,
      // Vertex refusing a tool whose parameters schema is not an object (`functionDeclaration parameters schema should be of type OBJECT`).
      /\bfunctionDeclaration parameters schema should be of type OBJECT\b/i,
      // The Responses API given a tool result whose call it never saw (a relay dropping the function_call).
      /\bNo tool call found for function call output with call_id\b/i,
      // Bedrock's Converse refusing two turns of one role, as tool results converted to user turns give.
      /\bconversation must alternate between user and assistant roles\b/i,
      // Gemini's count of tool results against the tool calls of the turn before; OpenAI's and Azure's refusal of a tool definition
      // (`Missing required parameter: 'tools[0].name'`); DashScope's arguments that are not JSON.
      /number of function response parts is equal to the number of function call parts|Missing required parameter: ['‘]tools\[\d+\]|\bfunction\.arguments\"? parameter[^\n]{0,40}must be in JSON format/i,
      // A backend without tool turns (Bedrock's Converse through a relay) refusing OpenAI's role "tool" message.
      /Unexpected role \"tool\"\. Allowed roles are/i,
      /\btool\b[^\n]{0,80}Expecting (?:',' delimiter|value|property name enclosed in double quotes): line \d+ column \d+/i,
      // An OpenAI-compatible server's 400 quoting Python's JSON error: a tool call's arguments in the history that are not JSON.
      /(?:OpenAIException|BadRequestError)[^\n]{0,80}Expecting property name enclosed in double quotes: line \d+ column \d+/, /\btool_(?:use|result)\.\w{1,20}: (?:Input should be|Field required)|function name or parameters is empty/i, /ContentBlockToolResult' object has no attribute|failed to parse grammar|Invalid value for 'function\.\w{1,40}'/i, /Could not parse tool input:|the arguments is not valid JSON/i, /invalid function arguments json/i, /Tool choice '\w{1,40}' not found in 'tools'|Expected toolResult blocks|number of toolResult blocks[^\n]{0,60}exceeds the number of toolUse blocks/i, /tool_use\.id: Field required|function call turn comes immediately after/i, /does not support tools|invalid tool call arguments|tool_use block missing required 'id'|invalid input_schema for tool|tool_choice=\"?\w+\"? requires|tool_choice=[^\n]{1,200} requires --tool-call-parser|When using `tool_choice`, `tools` must be set|The tool specified in `tool_choice` does not match|`tools` must not be an empty array|tool_choice\.name is required|tools param requires --jinja|must contain either 'content' or 'tool_calls'|Failed to parse tool call arguments|Failed to parse input at pos \d+|Tool '[^'\n]{1,80}' not found in tools list/i, /function name \S{1,80} is duplicated|must be followed by tool messages responding to each/i, /Unable to parse tool parameter JSON|Failed to parse tool arguments|args invalid JSON|JSON parsing failed:[^\n]{0,200}JSON repair failed|No endpoints found that support tool use|does not support tool calling|failed: missing required parameters/i, /arguments provided to the tool are invalid|duplicate tool_use ID|orphaned tool_result|due to tool use concurrency issues|Missing Tool Result Block|tool call could not be parsed|GenerateContentRequest\.tools\[\d+\]|function_declarations\[\d+\]|"auto" tool choice requires|non-JSON arguments|Invalid 'tools\[\d+\]\.function\.\w+'/i, /each tool_use must have a single result|InputValidationError:|The required parameter \w+ is missing|tools\.\d+\.custom\.input_schema/i, 
      /tool_use[`']? ids were found without [`']?tool_result|tool_use_id`? found in `?tool_result|Invalid tool parameters|tool input error|Error normalizing tool input|emitted invalid JSON arguments|could not be parsed as JSON|input_schema: Field required|Invalid type for 'tools\.\d+'/i,
      /'tools\[\d+\]\.function\.name': string too long|\btools\.\d+: Input tag '/i,
      // An OpenAI-style error whose param is a tool definition ("param": "tools.6.type"), Dashscope's "… - 'tools.7'".
      /"param":\s?"tools\.\d+|\bexpected an? \w+ - 'tools\.\d+'/,
      // The AI SDK's words for a call of a tool the request did not define.
      /AI_NoSuchToolError|tried to call unavailable tool/i,
      /Incompatible tool choice param submitted/i,
      // Bedrock's Converse refusing a turn that mixes text and tool results (LiteLLM's modify_params works around it).
      /tool result blocks cannot be provided in the same turn/i,
      // A schema validator's path into a tool's parameters (LM Studio: `"path": [2, "function", "parameters", "properties"]`).
      /"path":\s?\[\s?\d+,\s?"function",\s?"parameters"/,
      // A tool call a bridge cannot map (`Unable to resolve Gemini functionResponse.name for tool_use_id`), a tool output without its call (`No tool call found for tool output with call_id`), `missing field `tool_call_id``, a validator's path into the tools (`tools.2.….name: String should match pattern`), a schema or function name refused (`array schema missing items`, `function name is invalid`, `schema at top-level requires …`), Mistral's tool call ids (`Tool call id was call_x but must be a-z, A-Z, 0-9, with a length of 9`), a streamed tool call without its index.
      /\bfunctionResponse\.name for tool_use_id\b|\bNo tool call found for (?:function call |tool )?output with call_id\b|\bmissing field `tool_call_id`|\btools\.\d+\.[\w.]{1,80}: (?:String should|Field required|Input should)|\barray schema missing items\b|\bfunction name is invalid\b|\bschema at top-level requires\b|\bTool call id was \S{1,80} but must be a-z, A-Z, 0-9\b|\["choices",\s?0,\s?"delta",\s?"tool_calls",\s?0,\s?"index"\]/i,
      // A validator's path into an assistant turn's tool calls (Mistral's `"loc":["body","messages",6,"assistant","tool_calls",0,"name"]`); `tool_call_id is not found`.
      /"loc":\s?\[[^\]\n]{0,80}"assistant",\s?"tool_calls"|\btool_call_id\s{1,3}is not found\b/i,
      // A coding agent's own words when the model answered without the tool call it must make (a model or server that does not do tool calls).
      /\bdid not use a tool in your previous response\b/i,
      // Moonshot's and Kimi's refusal of a tool's parameter schema (`is not a valid moonshot flavored json schema`, `missing 'type' or 'anyOf' key`).
      /\bnot a valid moonshot flavored json schema\b|\bmissing 'type' or 'anyOf' key\b/i,
      // A model that takes no tools in a stream (Bedrock: `This model doesn't support tool use in streaming mode`), MiniMax's empty function parameters (`invalid params, function parameters is empty (2013)`), Gemini's schema rule for enums (`schema specified incorrect schema type field`).
      /\bdoesn't support tool use in streaming mode\b|\bfunction parameters is empty\b|\bschema specified incorrect schema type field\b/i,
      // Gemini's refusal of a tool without its type (`tools[0].tool_type: required one_of 'tool_type' must have one initialized field`), a validator's path into a tool (`'loc': ('body', 'tools', 0, 'function', 'strict')`), llama.cpp's server without tool calls (`Unsupported param: tools`).
      /\btools\[\d+\]\.tool_type: required one_of\b|['\"]loc['\"]:\s?[[(]\s?['\"]body['\"],\s?['\"]tools['\"]|\bUnsupported param: tools\b/i,
      // Gemini's refusals of an MCP tool's schema in a client's or its own words (`The argument schema for tool X is incompatible with gemini-2.5-pro`, `functionDeclaration `parameters.f` schema didn't specify the schema type field`), a tool turn without its call (`for 'role:tool' the following must be satisfied`).
      /\bargument schema for tool [\w.-]+ is incompatible with\b|\bschema didn't specify the schema type field\b|\bfor 'role:tool' the following must be satisfied\b/i,
      // vLLM's tool parser that could not read the model's tool call (`Error in extracting tool call from response.`); a Responses tool call sent without its output (`No tool output found for tool search call …`).
      /\bError in extracting tool call from response\b|\bNo tool output found for (?:function|tool(?: search)?) call\b/i,
      // A vLLM-backed provider serving a model without a tool call parser (`Unsupported tool_call_parser: None`).
      /\bUnsupported tool_call_parser\b/i,
      // A Responses request whose tool items are malformed (a web search action of another type, `Invalid value: 'other'. Supported values are: 'search', 'open_page'`; a tool output typed as output text; a function call with no name; an item field the endpoint lacks, `Unknown parameter: 'input[1].action'`); Groq's and Mistral's message order around tool calls (`property 'tool_calls' is unsupported`, `Unexpected role 'user' after role 'tool'`).
      /Supported values are: 'search', 'open_page'|Invalid value: 'output_text'\. Supported values are: 'input_text'|Invalid 'input\[\d+\]\.name': empty string|Unknown parameter: 'input\[\d+\]\.action'|property \\?'tool_calls\\?' is unsupported|Unexpected role '\w+' after role 'tool'|\binvalid_request_message_order\b/i,
    ],
    unless: /Unknown name \\?"|\bimage exceeds \d+ ?MB maximum|\bmust only contain objects with a 'role' field\b|'parallel_tool_calls' is only allowed when/i,
    cause: 'a tool call or its result was malformed on the way through the proxy (arguments that are not valid JSON, a tool_use without its tool_result, a tool definition the backend rejects)',
    fix: 'keep the chat-completions routing flag set and use a LiteLLM outside the 1.82.x–1.83.7 adapter regressions; for schema rejections, list the field under drop_params',
    severity: 'fail',
    supersedes: ['context-too-long', 'no-deployments'],
    source: 'router-for-me/CLIProxyAPI#2814 (input[4].name); huggingface/smolagents#1119, anomalyco/opencode#1018, langchain-ai/langchainjs#6004 (Groq: Failed to call a function); raullenchai/Rapid-MLX#2656; browser-use/browser-use#988 (Did not find 1 `tool_result` block(s)); charmbracelet/crush#934; anthropics/claude-code#10222 (Bedrock without `tools=`); BerriAI/litellm#18442 (Vertex: functionDeclaration parameters schema should be of type OBJECT); anthropics/claude-code#5705; anthropics/claude-code#7796; BerriAI/litellm#25321; lmstudio-ai/lmstudio-bug-tracker#1383; BerriAI/litellm#30280 (a tool definition as the param); langchain-ai/langchain#10433; zai-org/zai-coding-plugins#14; lmstudio-ai/lmstudio-bug-tracker#2236 (a grammar built from the tool schemas); https://kubis.ai/blog/dgx_series/05_litellm_proxy; BerriAI/litellm#6053 (Bedrock\'s mixed tool-result turn); BigPizzaV3/CodexPlusPlus#1098; https://s.apifox.cn/857bbeda-4d20-46f7-b385-28c2290618f3/doc-8331334 (Unexpected role "tool"); google-gemini/gemini-cli#16987 (function response parts); https://forum.cursor.com/t/missing-required-parameter-tools-0-name/147087; HKUDS/nanobot#2469 (DashScope: function.arguments); langchain-ai/langchain-aws#130, cline/cline#431 (Bedrock Converse: turns must alternate); Wei-Shaw/sub2api#2259 (No tool call found for function call output); lmstudio-ai/lmstudio-bug-tracker#2203 (a tool without parameters.properties); farion1231/cc-switch#3056 (functionResponse.name); deepseek-ai/DeepSeek-V3#1611 (No tool call found for tool output); EKKOLearnAI/hermes-studio#323 (missing field tool_call_id); API-200/api200#14 (tools.2.….name); mark3labs/mcphost#35 (array schema missing items); anomalyco/opencode#41120 (function name is invalid); google-gemini/gemini-cli#23382 (schema at top-level requires); jundot/omlx#1997, avante-corp/avante.nvim#2951 (Mistral tool call ids); Oaklight/llm-rosetta#57 (a streamed tool call without its index); zeroclaw-labs/zeroclaw#2693 (Mistral: tool_calls in loc); Gentleman-Programming/gentle-pi#1052 (tool_call_id is not found); Kilo-Org/kilocode#1775 (You did not use a tool); earendil-works/pi#4138 (moonshot flavored json schema); MoonshotAI/kimi-cli#178 (missing \'type\' or \'anyOf\' key); earendil-works/pi#3739, vercel-labs/fx#900 (tool use in streaming mode); QwenLM/qwen-code#11834 (MiniMax 2013); lobehub/lobehub#19469 (Gemini enum schema); zed-industries/zed#37301 (Gemini tool_type); microsoft/vscode#316581 (loc body tools); ggml-org/llama.cpp#10920 (Unsupported param: tools); wonderwhy-er/DesktopCommanderMCP#79; unclecode/crawl4ai#1311; musistudio/claude-code-router#245; vllm-project/vllm#17790 (hermes_tool_parser); Wei-Shaw/sub2api#1858; RooCodeInc/Roo-Code#10259; openai/codex#7117; BerriAI/litellm#18212; BrokkAi/brokk-app#673; can1357/oh-my-pi#3201; julep-ai/julep#885; zed-industries/zed#37021 (Mistral)',
  },
  {
    code: 'content-filtered',
    keywords: ['contentpolicyviolationerror', 'content_policy_violation', 'responsibleaipolicyviolation', 'content management policy', 'safety system', 'content_filter_policy', 'content filtering policy', 'the response was blocked', 'violating our usage policy', 'safeguards flagged', 'content_filter', 'usage policy', 'usage guidelines', 'blocked output', 'considered high risk', 'content exists risk', 'datainspectionfailed', 'data_inspection_failed', 'may contain inappropriate content', '不安全或敏感内容', 'violated guardrail policy', 'blocked by input guardrail', 'blocked by output guardrail', 'content filtering system', 'content flagged as', 'blocked by provider safety'],
    // LiteLLM's ContentPolicyViolationError and the provider wordings it maps to it (litellm_core_utils/exception_mapping_utils.py,
    // 1.108.7: is_azure_content_policy_violation_error and the Vertex/Anthropic checks), Claude Code's own safeguards.
    patterns: [
      /ContentPolicyViolationError|\bcontent_policy_violation\b|ResponsibleAIPolicyViolation|triggering Azure OpenAI['’]s content management policy|(?:request was rejected|task failed) as a result of (?:our|the) safety system|\bcontent_filter_policy\b|Output blocked by content filtering policy|\bThe response was blocked\.|violating our usage policy/i,
      /safeguards flagged this message|"(?:type|code)":\s?"content_filter"|request was rejected because it was considered high risk|\bContent Exists Risk\b|"finish_reason":\s?"content_filter"/i,
      // Claude Code's refusal under Anthropic's Usage Policy; Cohere's "blocked output … violation of our Usage Guidelines".
      /appears to violate our Usage Policy|\bblocked output\b[^\n]{0,120}violation of our Usage Guidelines/i,
      // DashScope's (Qwen's) content inspection refusing the input (`InternalError.Algo.DataInspectionFailed: Input text data may contain inappropriate content`, `data_inspection_failed`).
      /\bDataInspectionFailed\b|\bdata_inspection_failed\b|\bInput (?:text )?data may contain inappropriate content\b/i,
      // Zhipu's 1301 (`系统检测到输入或生成内容可能包含不安全或敏感内容` — the input or output may hold unsafe or sensitive content), a Bedrock guardrail through LiteLLM (`Violated guardrail policy`), Azure's stream ended by its filter (`finish_reason='content_filter'`).
      /可能包含不安全或敏感内容|\bViolated guardrail policy\b|\bfinish_reason=['\"]content_filter['\"]/i,
      // A gateway's guardrail configured to block (Databricks AI Gateway: `Request blocked by input guardrail 'databricks_demo'`).
      /\bRequest blocked by (?:input|output) guardrail\b/i,
      // Azure OpenAI's content filter in Semantic Kernel's words (`The prompt was filtered due to triggering Azure OpenAI’s content filtering system`, `content flagged as Violence`).
      /\bfiltered due to triggering Azure OpenAI['’]s content filtering system\b|\bcontent flagged as \w+ \((?:low|medium|high)\)/i,
      // A proxy's words for the provider's safety check refusing the request (vibeproxy: `Request blocked by provider safety checks`).
      /\bRequest blocked by (?:the )?provider(?:'s)? safety checks?\b/i,
    ],
    supersedes: ['param-rejected'],
    cause: "the upstream's content filter (or Claude Code's own safeguards) refused the request or its answer: a policy decision about the text, not a fault in the setup",
    fix: 'rephrase the request or leave the flagged content (a file, a tool output) out of the conversation (/rewind); where a provider filters more than you need, point the profile at another deployment — no proxy setting turns its filter off',
    severity: 'fail',
    source: 'https://learn.microsoft.com/en-us/answers/questions/5896505/azure-openai-content-filter-400-errors-blocking-sa ("code": "content_filter"); https://docs.litellm.ai/docs/exception_mapping (ContentPolicyViolationError); https://pypi.org/project/litellm/1.108.7/ (litellm_core_utils/exception_mapping_utils.py); https://learn.microsoft.com/en-us/azure/ai-services/openai/concepts/content-filter; observed with @anthropic-ai/claude-code 2.1.330 (its strings: "… safeguards flagged this message"); anthropics/claude-code#5897 (the Usage Policy refusal); NVIDIA/garak#203 (Cohere); https://kimi-ai.chat/docs/api-error-codes (Kimi: considered high risk); whiteguo233/OpenBiliClaw#199 (DeepSeek: Content Exists Risk); QwenLM/qwen-code#3145, camel-ai/owl#432, 666ghj/BettaFish#449 (DashScope: DataInspectionFailed); zai-org/feedback#516 (Zhipu 1301); BerriAI/litellm#13321 (Bedrock guardrail); BerriAI/litellm#4828 (Azure content_filter); databricks/unity-gateway#66; microsoft/semantic-kernel#6328; automazeio/vibeproxy#467',
  },
  {
    code: 'output-cap-reached',
    keywords: ['finish reason "max_tokens"', 'maximum output token limit', 'output token maximum', 'token length(\'', 'maximum number of completion tokens was reached'],
    // Claude Code's words when an answer stops at max_tokens (stop_reason "max_tokens"): nothing was refused.
    patterns: [
      // The AI SDK's AI_FinishReasonError for an answer cut at max_tokens.
      /Response ended with finish reason \"max_tokens\"/i,
      /response exceeded the \d+ output token maximum/i,
      // An integration's own cap on the answer (`token length('150') exceeded. Increase maximum token`).
      /\btoken length\('\d+'\) exceeded\b/i,
      // Kilo Code's words for an answer cut at its output cap (`The maximum number of completion tokens was reached`); Cline's
      // (`Model reached the maximum output token limit before completing the turn`, cline/cline#13340).
      /\bThe maximum number of completion tokens was reached\b|\breached the maximum output token limit\b/i],
    // Without CLAUDE_CODE_MAX_OUTPUT_TOKENS the number is Claude Code's own (knowledge/claude-code.ts DEFAULT_MAX_TOKENS:
    // it retries a stopped answer with 128000, which an upstream of a smaller limit then refuses).
    cause: `the model's answer stopped at max_tokens, Claude Code's output cap: CLAUDE_CODE_MAX_OUTPUT_TOKENS, or without it Claude Code's default (${DEFAULT_MAX_TOKENS.unknown} for a model id it does not know, then ${DEFAULT_MAX_TOKENS.known} for the continuation); for a request sent without streaming, a limit that variable cannot raise`,
    fix: "in the profile set max_output_tokens: <the model's output limit> (→ CLAUDE_CODE_MAX_OUTPUT_TOKENS); if the upstream stops earlier than that, its own limit is lower — set the profile to it and ask for smaller steps",
    severity: 'warn',
    source: 'observed with @anthropic-ai/claude-code 2.1.330 (its strings: "Claude\'s response exceeded the N output token maximum. To configure this behavior, set the CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable."); CherryHQ/cherry-studio#18029 (AI_FinishReasonError); jekalmin/extended_openai_conversation#252 (token length exceeded); Kilo-Org/kilocode#6381',
  },
  {
    code: 'max-tokens-rejected',
    keywords: ['max_tokens参数非法', 'must be between', 'max_tokens is required', 'cannot be greater than max_model_len', 'max_tokens', 'max tokens', 'maximum tokens', 'stream=true', 'stream = true', 'max_completion_tokens', 'max_output_tokens', 'streaming is required', 'streaming is strongly recommended', 'is too large', 'or fewer max_tokens', 'maxpredictedtokens', 'is not less or equal to', 'max_new_tokens', 'length 0 completion'],
    patterns: [
      // Zhipu's refusal of the max_tokens value.
      /max_tokens参数非法/i,/Malformed input request: \d+ is not less or equal to \d+/i, /requires more credits, or fewer max_tokens/i, /max_tokens must be between \d+ and \d+/i, /max_tokens is required and must be positive|max_tokens=\d+ cannot be greater than max_model_len/i, /'max_tokens' or 'max_completion_tokens' is too large/i, 
      /must have stream\s?=?\s?true|Range of max_tokens|valid range of max_tokens|Invalid max_tokens|max_tokens: \d+ > \d+|maximum tokens you requested exceeds?|max_completion_tokens['"`]?[^\n]{0,80}(?:not supported|unsupported|invalid(?!_request)|instead|exceed|too large|must|greater|less than)|Invalid 'max_output_tokens'|because max_tokens or model output limit was reached|Streaming is (?:required|strongly recommended) for operations that may take longer than 10 minutes/i,
      /max_(?:new_)?tokens[^\n]{0,80}(?:too large|exceed|at most|maximum (?:allowed|is|value|of)\b|must be (?:less|<=|greater)|above maximum|not valid)/i,
      // LM Studio's name for it; a Responses host that takes no max_output_tokens.
      /maxPredictedTokens does not satisfy the schema|Unsupported parameter:? '?max_output_tokens\b/i,
      // A backend refusing a zero or missing max_tokens (`You requested a length 0 completion`).
      /\bYou requested a length 0 completion\b/i,
    ],
    // A deserializer listing the fields it knows ("unknown field `thinking`, expected one of `max_tokens`, …") names another field;
    // Anthropic's "`max_tokens` must be greater than `thinking.budget_tokens`" refuses the thinking budget (thinking-rejected).
    unless: /unknown (?:field|variant) `?\w+`?, expected one of|max_(?:completion_)?tokens`?(?: \[\d+\])? must be greater than `?thinking(?:\.budget_tokens|_budget)\b/i,
    // A max_tokens refused is the parameter refused: the specific cause, not a second one.
    supersedes: ['param-rejected'],
    cause: `the upstream rejects Claude Code's max_tokens (${DEFAULT_MAX_TOKENS.unknown}–${DEFAULT_MAX_TOKENS.known}), or needs stream=true for large requests`,
    fix: 'in the profile set max_output_tokens: <the upstream limit> (→ CLAUDE_CODE_MAX_OUTPUT_TOKENS), or max_tokens_cap / force_stream (proxy hook: ccenv gen litellm --dir DIR)',
    severity: 'fail',
    source: 'anthropics/claude-code#24451; BerriAI/litellm#5656; anthropics/claude-code#11302; langchain-ai/langchain#9697 (Bedrock); lobehub/lobehub#1398 (Zhipu: max_tokens参数非法); charmbracelet/crush#1258 (a length 0 completion); huggingface/text-generation-inference#1108 (max_new_tokens)',
  },
  {
    code: 'thinking-rejected',
    keywords: ["supported values are: 'none', 'minimal'", 'may only be set to 1 when thinking', 'was not issued to this caller', 'encrypted content for item', 'corrupted thought signature', 'support the effort parameter', 'thought_signature', 'reasoning_content` field', 'parameter reasoningeffort', 'only one of "reasoning"', 'only one of reasoning', 'with thinking turned off', 'invalid reasoning value', 'invalid think value', 'incompatible with enable_thinking', 'thinking.budget_tokens', 'reasoning_content is missing', 'enable_thinking', 'out of range [', 'thinking', 'reasoning', 'adaptive', 'budget_tokens', 'does not support thinking', 'unsupported parameter(s)', 'does not support parameters', 'must be in ["enabled"', 'budget_tokens: input should be', '.signature: field required', 'invalid signature in', 'items are not persisted when', 'or redacted_thinking, but found', 'or `redacted_thinking`, but found', 'thinking may not be enabled when tool_choice'],
    patterns: [
      // OpenAI's reasoning effort given a value it lacks (`Invalid value: 'max'. Supported values are: 'none', 'minimal', 'low', …`).
      /\bInvalid value: '\w{1,20}'\. Supported values are: 'none', 'minimal', 'low'/,
      // Gemini's refusal of a thought signature passed back wrong, and Vertex's wording of a missing one.
      /\bCorrupted thought signature\b|\bis missing a `thought_signature`/i,
      // OpenAI's Responses API refusing a reasoning item's encrypted content passed back from another account or session
      // (`reasoning \`encrypted_content\` was not issued to this caller`, anomalyco/opencode#48864; `The encrypted content for item
      // rs_… could not be verified`).
      /\bencrypted_content`? was not issued to this caller\b|\bencrypted content for item \S{1,80} could not be (?:verified|decrypted)\b/i,
      // Anthropic's refusal of a temperature other than 1 beside thinking (MartialBE/one-hub#529).
      /\btemperature`? may only be set to 1 when thinking is enabled\b/i,
      // Anthropic's (and Bedrock's) words for the effort Claude Code sends with adaptive thinking.
      /\bdoes not support the effort parameter\b/i,
      // Gemini 3 wanting the thought_signature of earlier function calls back (https://ai.google.dev/gemini-api/docs/thought-signatures), DeepSeek the
      // reasoning_content of earlier turns (api-docs.deepseek.com/guides/thinking_mode), xAI refusing reasoning effort for a model.
      /Function call is missing a thought_signature|Missing `?reasoning_content`? field in the assistant message|does not support parameter reasoning_?effort/i,
      /Only one of \"?reasoning\"? and \"?reasoning_effort\"? may be provided/i, /max_tokens`? must be greater than `?thinking\.budget_tokens/i, /thinking\.(?:enabled\.)?budget_tokens: Input should be/i, /'type' must be in \["enabled", ?"disabled"/, /isn't available with thinking turned off/i, /invalid (?:reasoning|think) value|incompatible with enable_thinking|thinking\.budget_tokens (?:must|is not allowed)|does not support reasoning_effort/i, /reasoning_content is missing|enable_thinking must be set to false/i, /\bbudget \d+ out of range \[/i, /does not support parameters: \[[^\]\n]{0,120}reasoning_effort/i, /budget_tokens`? must be less than `?max_tokens|Unsupported parameter(?:\(s\))?:[^\n]{0,20}reasoni|reasoning(?:_effort)?: Extra inputs are not permitted/i, /does not support thinking/i, 
      // A backend refusing the reasoning of earlier turns passed back (Cerebras: `property '…reasoning_content' is unsupported`).
      /\breasoning_content'? (?:is|are) (?:unsupported|not supported)\b|\bproperty '[^'\n]{0,60}reasoning_content' is unsupported/i,
      /Input tag 'adaptive'|thinking_budget is out of range|is not supported for this model\. Use [^\n]{0,40}adaptive|content\[\]\.thinking|thinking (?:mode|blocks?)[^\n]{0,60}must|UnsupportedParamsError[^\n]{0,160}(?:thinking|reasoning_effort)/i,
      // Not the end of a model id (`Invalid model: claude-opus-4-5-thinking`).
      /(?<![\w/-])(?:thinking|reasoning_effort|reasoning)(?![\w#])[^\n]{0,80}(?:unrecognized|unsupported|not supported|not permitted|invalid|unknown|cannot be disabled|out of range)/i,
      /(?:unrecognized|unsupported|unknown|invalid)[^\n]{0,40}(?<![\w-])(?:thinking|reasoning_effort)/i,
      // A thinking block sent back without its signature (`***.signature: Field required`); Gemini's refusal of a thinking budget (`does not support setting thinking_budget to 0`).
      /\.signature: Field required\b|\bdoes not support setting thinking_budget\b/i,
      // A thinking signature refused, its JSON escape `\t` read as a tab (`Invalid signature in \thinking block`).
      /\bInvalid `?signature`? in\s{1,2}t?hinking block\b/i,
      // An earlier turn's reasoning_content refused as an extra input (`"loc": ["body", "messages", X, "assistant", "reasoning_content"]`).
      /"loc":\s?\[[^\]\n]{0,80}"reasoning_content"\]/i,
      // OpenAI's Responses API asked for a reasoning item of an earlier turn it did not keep (`Item with id 'rs_…' not found. Items are not persisted when `store` is set to false.`).
      /\bItems are not persisted when `?store`? is set to false\b/i,
      // DeepSeek's and DashScope's output cap below the thinking budget (`max_completion_tokens must be greater than thinking_budget`), like Anthropic's budget_tokens.
      /\bmust be greater than (?:the )?thinking_budget\b/i,
      // Anthropic's refusal of an assistant turn that does not start with the thinking block of an earlier turn (`Expected `thinking` or `redacted_thinking`, but found `text``), plain or in backticks.
      /\bExpected `?thinking`? or `?redacted_thinking`?, but found\b/,
      // Anthropic's refusal of thinking beside a forced tool choice (`Thinking may not be enabled when tool_choice forces tool use.`).
      /\bThinking may not be enabled when tool_choice forces tool use\b/i,
    ],
    // A context_management edit that needs thinking (clear_thinking_20251015), or a cache_control set on a thinking
    // block (`messages.1.content.0.thinking.cache_control: Extra inputs`), is that field's refusal: param-rejected.
    unless: /Input tag '(?!adaptive')\w{1,40}' found using 'type'|\bclear_thinking_\d{8}\b|\.thinking\.cache_control\b/,
    cause: "the upstream rejects Claude Code's thinking parameter (adaptive thinking, or the reasoning_effort LiteLLM derives from it), or the thinking of earlier turns it wants passed back (a reasoning_content, Gemini's thought_signature)",
    fix: 'in the profile set thinking: drop (proxy hook), or env: { CLAUDE_CODE_DISABLE_THINKING: "1" }; where the backend wants the thinking of earlier turns back (DeepSeek\'s reasoning_content, Gemini\'s thought_signature on function calls), use an adapter that passes it on (a current LiteLLM or relay) or turn thinking off',
    severity: 'fail',
    // A refused thinking or reasoning field is a refused field of that kind. (max_tokens below the thinking budget is
    // both causes: either setting fixes it.)
    supersedes: ['param-rejected'],
    source: 'r1n7aro/Locus#24 (Invalid value: \'max\' for the reasoning effort); farion1231/cc-switch#991; Wei-Shaw/claude-relay-service#934; HosheaLi/dsv4-cc-proxy#6; farion1231/cc-switch#5897; danny-avila/LibreChat#8346; Alishahryar1/free-claude-code#1136 (reasoning_content refused); openclaw/openclaw#63397, lbjlaq/Antigravity-Manager#733 (Gemini\'s thought_signature); CherryHQ/cherry-studio#11751 (DeepSeek\'s reasoning_content); BerriAI/litellm#16265 (xAI: reasoningEffort); anthropics/claude-code#30010 (the effort parameter); heyhuynhgiabuu/proxypal#119 (Corrupted thought signature); anomalyco/opencode#4832 (Vertex); QuantumNous/new-api#2660 (signature: Field required); GewoonJaap/gemini-cli-openai#22 (thinking_budget to 0); NoeFabris/opencode-antigravity-auth#117; charmbracelet/crush#1590; home-assistant/core#150251 (Items are not persisted when store is false); liliMozi/openhanako#2126 (must be greater than thinking_budget); n8n-io/n8n#22550; router-for-me/CLIProxyAPI#1109; anomalyco/opencode#3077 (Bedrock through LiteLLM); CherryHQ/cherry-studio#11096',
  },
  {
    code: 'param-rejected',
    keywords: ['is not a valid field', 'unknown variant `image_url`', 'cache_control may not be specified', 'output_config.effort: input should be', 'support the parameter', 'unsupportedparamserror', '不支持 role', 'system message must be at the beginning', "found using 'type'", 'array too long', '调用参数有误', "'1210'", '"1210"', 'invalid message role', 'support this tool_choice', "invalid 'user_id'", 'cannot be both populated', 'unprocessableentityerror', "input should be 'user' or 'assistant'", 'unknown variant', 'system messages are not allowed', 'malformed input request', 'extra inputs', 'unrecognized request argument', 'context_management', 'output_config', 'top_k', 'cache control', 'cache_control', 'defer_loading', 'unknown name', 'unsupported parameter', 'unknown parameter', 'is not supported', 'unsupported parameter:', 'blocks with cache_control', 'does not support parameters', 'unexpected end of json input', 'failed to parse request body', 'clear_thinking_', 'clear_tool_uses_', '\'code\':\'invalidparameter\'', '\'code\': \'invalidparameter\'', 'is unsupported', 'unsupported content type', 'unsupported content block type', 'context caching only supports', 'context_management polyfill failed', '].role)', 'supported values are: ', 'argument not supported on this model', '$ref', '$defs', 'roles must alternate', 'can only concatenate str', 'invalid json payload received', 'is immutable for this model', "doesn't support the", 'each stop sequence must be non-empty', 'is a reserved keyword', "'stream_options' only set this", 'invalid_message_role', 'must not be from the assistant', 'did not allow prompt caching', 'only user and assistant roles are supported', 'objects with a \'role\' field', '\'parallel_tool_calls\' is only allowed', 'temperature and top_p cannot both', 'store must be set to false', 'instructions are not valid', 'input must be a list', 'not supported for reasoning models', 'cache_control cannot be set', 'cache_control block must not come after', 'cachedcontent can not be used', 'url sources are not supported', 'citations are not supported', 'does not support this tool_choice', 'json_schema is enabled only', 'content must be a string'],
    patterns: [
      // Cohere's refusal of a field it does not know (`unknown field: parameter 'strict' is not a valid field`,
      // OpenRouterTeam/openrouter-examples#71).
      /\bunknown field: parameter '[^'\n]{1,60}' is not a valid field\b/i,
      // A text-only model's server refusing an image part (`unknown variant \`image_url\`, expected \`text\``).
      /\bunknown variant `image_url`, expected `text`/,
      // A cache_control where the backend does not take one; an output_config.effort value the backend does not take.
      /\bcache_control may not be specified within\b|\boutput_config\.effort: Input should be\b/i,
      // A provider naming a field it refuses (`deepseek-reasoner does not support the parameter `presence_penalty``), and LiteLLM's
      // UnsupportedParamsError however it goes on.
      /\bdoes not support the parameter\b|\bUnsupportedParamsError\b/i,
      /\bproperty '(?![^'\n]{0,60}(?:reasoning|thinking))[^'\n]{1,60}' is unsupported/i, /\bclear_(?:thinking|tool_uses)_\d{8}\b|\"code\":\s?\"InvalidParameter\"/, /Invalid request, unexpected end of JSON input|Failed to parse request body/i, /不支持 ?role="?system|System message must be at the beginning/i, /Input tag '(?!adaptive')\w{1,40}' found using 'type' does not match|Invalid '\w{1,40}': ?array too long/i, /调用参数有误|["']code["']:\s?["']1210["']|invalid message role: system|does not support this tool_choice|Invalid 'user_id'/i, /cannot be both populated/i, /Input should be 'user' or 'assistant'|unknown variant [`']?system[`']?, expected [`']?user[`']? or [`']?assistant|System messages are not allowed|Malformed input request/i, /UnprocessableEntityError|Unsupported parameter: (?!reasoning)\w+|A maximum of \d+ blocks with cache_control/i, /Unknown parameter: '\w+'|cache_control[.\w]{0,12}:? [^\n]{0,20}is not supported/i, 
      /Extra inputs are not permitted|Unrecognized request argument|No endpoints found that support cache control|Unknown name \\?"[$\w]+\\?" at/i,
      /(?:unrecognized|unknown|unsupported)[^\n]{0,100}(?:context_management|output_config|top_k|top_p|cache_control|defer_loading)/i,
      // LiteLLM's UnsupportedParamsError (litellm/decisions/call.py, 1.108.7): "<provider> does not support parameters: [...]"
      // (older LiteLLMs print a dict: `anthropic does not support parameters: {'functions': …}`).
      /does not support parameters: [[{]/i,
      /(?:context_management|output_config|top_k|defer_loading)[^\n]{0,80}(?:unrecognized|unknown|unsupported|not supported|not permitted|not allowed)/i,
      // A content block type only Anthropic takes (redacted_thinking, document, tool_reference…), not an HTTP Content-Type.
      /Unsupported content (?:block )?type: ['"`]?(?:thinking|document|image|search_result|[a-z]{2,20}_[a-z_]{2,40})\b/i,
      // Gemini's context caching (what LiteLLM makes of cache_control) wants the cached messages in one run.
      /Context Caching only supports \d+ message/i,
      // LiteLLM's own stand-in for context_management failing (llms/anthropic/experimental_pass_through, 1.108.7).
      /context_management polyfill failed/i,
      // OpenAI refusing a role (Claude Code's role "system" turn): `Invalid value: 'system'. Supported values are: 'user', … (param: messages[0].role)`.
      /\(param: messages\[\d+\]\.role\)|Invalid value: '\w{1,20}'\. Supported values are: 'user'/i,
      // xAI refusing a sampling field its reasoning models do not take (frequencyPenalty, presencePenalty, stop).
      /Argument not supported on this model: \w{1,40}/i,
      // A tool schema's JSON-Schema references ($ref, $defs) that a Gemini-style backend will not resolve.
      /\$(?:ref|defs)\b[^\n]{0,80}\b(?:should be|must be|not supported|unsupported|invalid)\b/i,
      // A chat template that takes only alternating turns (vLLM's and Hugging Face's `Conversation roles must alternate user/assistant/…`).
      /\bConversation roles must alternate user\/assistant\b/i,
      // A backend that takes message content only as a string (`can only concatenate str (not "list") to str`); Gemini's unknown field (`Invalid JSON payload received. Unknown name "metadata": Cannot find field.`).
      /\bcan only concatenate str \(not \\?"list\\?"\) to str\b|\bInvalid JSON payload received\. Unknown name \\?"[$\w]+\\?"/i,
      // A sampling parameter the model fixes (NVIDIA NIM's `top_p is immutable for this model and must be 0.95`); a field the model does not take (`doesn't support the stopSequences field`), an empty stop sequence.
      /\b(?:top_p|top_k|temperature|presence_penalty|frequency_penalty) is immutable for this model\b|\bdoesn't support the \w{2,40} field\b|\bstop_sequences: each stop sequence must be non-empty\b/i,
      // A header Claude Code puts in the system prompt that the backend reserves (`x-anthropic-billing-header is a reserved keyword`); Qwen's `'stream_options' only set this when you set stream: true`.
      /\bis a reserved keyword and may not be used in the system prompt\b|'stream_options' only set this when you set stream: true/i,
      // Gemini's rule for the last turn, through a relay (`invalid_message_role: The last message in a Gemini request must not be from the assistant`).
      /\binvalid_message_role\b|\bmust not be from the assistant\b/i,
      // An output_config.effort value a backend's validator does not take, in zod's words (`request.output_config.effort: Invalid enum value. Expected 'low' | …, received 'xhigh'`).
      /\boutput_config\.effort: Invalid enum value\b/i,
      // Bedrock's refusal of prompt caching through a relay (`You invoked an unsupported model or your request did not allow prompt caching`).
      /\bdid not allow prompt caching\b/i,
      // A tool_choice value a backend does not take (`Invalid value: 'auto'. Supported values are: 'code_interpreter', …`), stream_options refused (`Unknown parameter: 'stream_options.include_usage'`), a server that takes only user and assistant turns (LM Studio: `Only user and assistant roles are supported!`, `'messages' array must only contain objects with a 'role' field that is in [user, assistant, system, tool]. Got 'developer'`).
      /\bSupported values are: 'code_interpreter'|\bUnknown parameter: '?stream_options\b|\bOnly user and assistant roles are supported\b|\bmust only contain objects with a 'role' field that is in\b/i,
      // parallel_tool_calls where the request has no tools (`Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified`).
      /'parallel_tool_calls' is only allowed when 'tools' are specified/i,
      // Anthropic's newer models refusing both sampling settings at once (`temperature and top_p cannot both be specified for this model`).
      /\btemperature and top_p cannot both be specified\b/i,
      // ChatGPT's Codex backend refusing what a Responses client set (`Store must be set to false`, `{"detail":"Instructions are not valid"}`, `{"detail":"Input must be a list"}`); a reasoning model refusing sampling settings (`temperature is not supported for reasoning models`).
      /\bStore must be set to false\b|"detail":\s?"(?:Instructions are not valid|Input must be a list)"|\bis not supported for reasoning models\b/i,
      // Anthropic's rules on what a request may carry, refused by it or by Bedrock and Vertex: prompt caching (`cache_control cannot be set for empty text blocks`, a `ttl='1h'` block after a `ttl='5m'` one, Gemini's `CachedContent can not be used with system_instruction, tools`), an image by URL (`URL sources are not supported`), citations in tool results.
      /\bcache_control cannot be set for empty text blocks\b|\bcache_control block must not come after a ttl=|\bCachedContent can not be used with\b|\bURL sources are not supported\b|\bCitations are not supported in tool result\b/i,
      // A backend that refuses the tool_choice Claude Code forces (DeepSeek's reasoner and its thinking mode: `does not support this tool_choice`).
      /\bdoes not support this tool_choice\b/i,
      // Azure refusing structured output on an older API version (`response_format value as json_schema is enabled only for api versions …`); Groq wanting a message's content as a string (`messages[1].content must be a string`).
      /\bresponse_format value as json_schema is enabled only\b|\bmessages\[\d+\]\.content must be a string\b/i,
    ],
    supersedes: ['no-deployments', 'upstream-error'],
    // The request's reasoning (from Claude Code's thinking) refused: thinking-rejected says which fix; a message's missing
    // `tool_call_id` is the tool call's (tool-input-invalid).
    unless: /missing field `tool_call_id`|"loc":\s?\[[^\]\n]{0,80}"assistant",\s?"(?:tool_calls|reasoning_content)"|reasoning(?:_effort)?: Extra inputs are not permitted|does not support parameters: \[[^\]\n]{0,120}(?:reasoning|thinking)|(?:Unsupported parameter(?:\(s\))?|Unrecognized request argument supplied):[^\n]{0,20}(?:reasoni|thinking\b)|Unknown request URL|\btools\.\d+: Input tag '|doesn't support tool calling without `tools=`/i,
    // Observed with @anthropic-ai/claude-code 2.1.330 against a stand-in Messages API: for a model id it does not know it
    // sends its environment as a role "system" turn right after the first user message (messages: user, system, …),
    // which backends whose chat template wants one leading system message refuse.
    cause: 'the upstream rejects a request field Claude Code sends that only Anthropic accepts (context_management, output_config, top_k, cache_control, defer_loading, tool schema keywords, a role "system" turn inside messages)',
    fix: 'in the profile list the field under drop_params (e.g. drop_params: [context_management, output_config, top_k]) and regenerate the hook; for defer_loading set env: { CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS: "1" }',
    severity: 'fail',
    source: "github/app#2903 (unknown variant image_url); anthropics/claude-code#4415; anthropics/claude-code#51700; caozhiyuan/copilot-api#305; vercel/ai#1578; BerriAI/litellm#14056 (xAI's 'Argument not supported on this model'); lollipopkit/flutter_gpt_box#213 (DeepSeek: does not support the parameter); BerriAI/litellm#33738 (UnsupportedParamsError); caozhiyuan/copilot-api#241 (cache_control within tool_result.content); coder/coder#25356 (output_config.effort: Input should be); microsoft/autogen#1037 (Conversation roles must alternate); OpenHands/OpenHands#4004 (content as a list); Alishahryar1/free-claude-code#1548 (Gemini: Unknown name \"metadata\"); Alishahryar1/free-claude-code#1609 (NIM: top_p is immutable); crewAIInc/crewAI#3317 (doesn't support the stopSequences field); MegaGrindStone/mcp-web-ui#5 (an empty stop sequence); anthropics/claude-code-action#928 (x-anthropic-billing-header); decolua/9router#557 (stream_options); ericc-ch/copilot-api#273 (invalid_message_role); Alishahryar1/free-claude-code#410 (output_config.effort: Invalid enum value); lobehub/lobehub#6823 (did not allow prompt caching); Kilo-Org/kilocode#13082 (tool_choice 'auto'); BerriAI/litellm#18200 (stream_options.include_usage); SystemSculpt/obsidian-systemsculpt-ai#86, lmstudio-ai/lmstudio-bug-tracker#669 (LM Studio roles); openai/swarm#30 (parallel_tool_calls without tools); jekalmin/extended_openai_conversation#428; router-for-me/CLIProxyAPI#41; openai/codex#3376; openai/codex#2259; https://www.stepcodex.com/en/issue/bug-chagpt-pro-returns-on-v1; EvanZhouDev/openai-oauth#7; anthropics/claude-code#54013; headroomlabs-ai/headroom#2939; cnighswonger/claude-code-cache-fix#44; VectifyAI/OpenKB#154; anthropics/anthropic-sdk-typescript#1038; BerriAI/litellm#18430; boto/boto3#4648; anthropics/claude-code#58590; farion1231/cc-switch#6367; browser-use/browser-use#12; browser-use/browser-use#2600",
  },
  {
    code: 'usage-missing',
    keywords: ['no usage data', 'input_tokens', 'output_tokens', 'cannot add none', 'property \'input_tokens\'', 'cached_tokens', 'prompttokens: nan'],
    patterns: [/No usage data received/i, /\((?:reading|setting) 'cached_tokens'\)|promptTokens: NaN/i,
      // Zero input and output tokens as an answer's final usage: nothing to count. Not in Claude Code's own
      // synthetic messages or its -p result (zeros there are no answer's usage), nor in message_start (usage-zero).
      /^(?![^\n]{0,30000}(?:"<synthetic>"|"type":\s?"result"|message_start))[^\n]{0,30000}?"usage":\s?\{\s?"input_tokens":\s?0,\s?"output_tokens":\s?0\b/, /Cannot read propert(?:y|ies) '?(?:input|output)_tokens'? of undefined/i, /evaluating '[\w$.]{1,24}\.(?:input|output)_tokens'|\((?:reading|setting) '(?:input|output)_tokens'\)|cannot add None/i],
    // An API reference's example body (placeholder values "string") is no answer, nor Claude Code's -p result (its
    // total_cost_usd), nor Claude Code's own message for a failed turn (model "<synthetic>": zero usage by design).
    unless: /":\s?"string"(?:,|\s*$)|"total_cost_usd":|"model":\s?"<synthetic>"/,
    cause: 'the stream carries no usage, so Claude Code cannot count tokens (older versions crash)',
    fix: USAGE_FIX,
    severity: 'fail',
    source: 'anthropics/claude-code#46932; anthropics/claude-code#45623; BerriAI/litellm#24176; zai-org/GLM-5#139 (zeros in message_start)',
  },
  {
    code: 'usage-zero',
    keywords: ['message_start'],
    // LiteLLM's adapter opens streams so (litellm 1.108.7 llms/anthropic/pass_through/adapters/streaming_iterator.py).
    patterns: [/message_start(?:(?!"usage")[^\n]){0,400}"usage":\s?\{\s?"input_tokens":\s?0\b/],
    cause: "the stream's message_start reports 0 input tokens, so Claude Code cannot see how full the context is (doctor's usage-zero)",
    fix: USAGE_FIX,
    severity: 'warn',
    source: 'zai-org/GLM-5#139; BerriAI/litellm#41406; router-for-me/CLIProxyAPI#1700; observed with LiteLLM 1.108.7 (message_start usage zeros from its Anthropic adapter)',
  },
  {
    code: 'stream-order',
    keywords: ['message_start', 'stream ended', 'stream closed', 'stream terminated', 'stream finished', 'missing terminal event', 'invalid chunk or missing finish reason', 'content block start location', 'stream ended without receiving', 'streamtruncated', 'in a single streaming chunk', 'stream ended before', 'without producing a message', 'missing message_start', 'before message completion', 'disconnected before completion', '流式响应在首包到达前结束', 'content block is not a', 'content block not found', 'streaming fallback', 'without sending any chunks', 'event order', 'message_stop without', 'mismatched content block', 'response never arrived', 'response stream was malformed', 'without receiving message_start', 'ended before any complete data', 'async_anthropic_sse_wrapper', 'stream event', 'stream decode error', '\'event:', "undefined is not an object (evaluating '", 'without terminal event', 'delta.role', '"delta","role"', 'without producing a chatcompletionmessage', 'chunk.choices[0]', 'ai_jsonparseerror', 'ai_invalidresponsedataerror', 'without a finish chunk', 'too many empty messages', '"[done]" is not valid json', 'anthropic adapter - \'nonetype\'', 'content block already closed', 'stream event unreadable', 'stream ended without a finish reason'],
    patterns: [/\"type\":\s?\"message_start\"(?:(?!message_stop)[^\n]){0,300}event: message_start\b/, /chunk\.choices\[0\][^\n]{0,120}TypeError: 'NoneType' object is not subscriptable/, /stream ended without producing a ChatCompletionMessage/i, /path: choices\[0\]\.delta\.role|"path":\s?\["choices",\s?0,\s?"delta",\s?"role"\]/, /stream ended without terminal event/i, /API Error:? undefined is not an object \(evaluating '[\w$]{1,4}\.startsWith'\)/, /Unexpected token 'e', \"event: ?\w{0,20}\"?\.{0,3} is not valid JSON/i, /Stream ended without receiving any events|\(StreamTruncated\)/i, /and `signature` in a single streaming chunk isn't supported/i, /stream ended before (?:emitting a message_stop|completion)/i, /stream ended without producing a Message|stream response is missing message_start|stream response ended before message completion|stream disconnected before completion|流式响应在首包到达前结束/i, /Part of the response never arrived|The response stream was malformed|Stream completed without receiving message_start|Streaming response ended before any complete data was received|async_anthropic_sse_wrapper/i, /Received message_stop without a current message|Mismatched content block type/i, /Content block is not a \w+ block|Content block not found|Streaming fallback triggered|request ended without sending any chunks|unexpected event order|Failed to parse [\w ]{0,30}stream event|Stream decode error/i, /AI_JSONParseError|AI_InvalidResponseDataError|stream ended without a finish chunk|stream has sent too many empty messages/i, /"\[DONE\]" is not valid JSON/, /Anthropic Adapter - 'NoneType' object has no attribute/, /Content block already closed|Stream event unreadable/i,
      // A second message_start before the first message's message_stop (a relay that restarts the stream).
      /\bevent: message_start\b(?:(?!message_stop)[^\n]){0,400}?\bevent: message_start\b/,
      // A stream that ended without its last event (Qwen Code's `Model stream ended without a finish reason`), in the words of
      // cc-switch (`stream ended before message_stop`, farion1231/cc-switch#6462), sub2api (`missing terminal event`,
      // Wei-Shaw/sub2api#3043), Bedrock AgentCore (`Stream ended without completing a message`), opencode (`stream closed before a
      // finish_reason was received`, anomalyco/opencode#43882), Gemini CLI (`Model stream ended with an invalid chunk or missing finish
      // reason`, google-gemini/gemini-cli#7951); big-AGI's for a content block started out of place (enricoros/big-AGI#917).
      /\bstream ended without a finish reason\b/i,
      /\bstream (?:ended|closed|terminated|finished) (?:before|without) (?:(?:a|the|any|receiving|emitting)\s){0,2}(?:message_stop|finish[_ ]reason|terminal event|completion|completing (?:a|the) message)\b(?!:\s?[^\n]{0,40}(?:tim(?:e|ed) ?out|hang up|ECONN|reset|aborted))|\bmissing terminal event\b|\binvalid chunk or missing finish reason\b|\bUnexpected content block start location\b/i,
    ],
    cause: 'the Anthropic event stream from the proxy is malformed (events out of order, or it ended early)',
    fix: 'upgrade LiteLLM (fixed for tool calls in ≥ 1.75.7) and keep the chat-completions routing flag set; ccenv doctor stream checks the order',
    severity: 'fail',
    source: 'BerriAI/litellm#13373; BerriAI/litellm#11358; router-for-me/CLIProxyAPI#3720; routatic/proxy#19 (the proxy streamed tool_use events Claude Code could not read); Wei-Shaw/sub2api#1552; anomalyco/opencode#28427; Th0rgal/sandboxed.sh#143 (a chunk whose delta.role is empty); danny-avila/LibreChat#1270 (the OpenAI SDK); pydantic/pydantic-ai#5165 (a chunk without choices); BerriAI/litellm#32479 (message_start twice); QwenLM/qwen-code#2064',
  },
  {
    code: 'tool-input-empty',
    keywords: ['failed due to the following issue', '"input": {}', '"input":{}', 'input: {}', 'required parameter'],
    // Every required parameter missing is an input that arrived empty, not a wrong one.
    patterns: [/\b(?:Bash|Read|Glob|Grep|LS) failed due to the following issue: The required parameter `?(?:command|file_path|pattern|path)`? is missing/, /"name":\s?"(?:Bash|Read|Write|Edit|MultiEdit|Glob|Grep|LS|Task|WebFetch|WebSearch|TodoWrite|NotebookEdit)",\s?"input":\s?\{\s?\}|(?<!"content_block":\s?\{\s?)"type":\s?"tool_use"[^\n]{0,300}"input":\s?\{\}|"content_block":\s?\{\s?"type":\s?"tool_use"[^\n]{0,300}"input":\s?\{\}\}\}\s{0,4}(?:event: ?|data: ?\{"type": ?")content_block_stop|tool_use`? blocks? (?:is emitted )?with `?"?input"?:\s?\{\}|The required parameter `?\w+`? is missing[^\n]{0,60}The required parameter `?\w+`? is missing/i],
    supersedes: ['tool-input-invalid'],
    // A stream's content_block_start of a tool_use always carries "input": {}, its input following as input_json_delta events:
    // empty only when the block stops next (`content_block_stop`).
    unless: /unexpected parameter|input_json_delta/i,
    cause: 'tool calls reach Claude Code with empty input (an adapter regression, or the Responses bridge)',
    fix: 'set the chat-completions routing flag and use a LiteLLM outside 1.82.x–1.83.7',
    severity: 'fail',
    source: 'BerriAI/litellm#25321; BerriAI/litellm#27468',
  },
  {
    code: 'empty-content',
    keywords: ['received at least 1 text block', 'response body was empty', '"completion_tokens": 0', '"completion_tokens":0', '(no content)', 'produced no content', 'no content in the stream', 'no choices in', 'no response after retries', 'empty stream response', 'empty', 'no content in response', '"content":', '"output":', 'non-empty', "'choices'", 'content was empty', 'without returning any assistant text', 'looks like an html document', '\'content\':null', '\'content\': null', 'no last agent message', 'received empty model response', '空回复', 'ai_nocontentgeneratederror', 'no content generated', 'ai_nooutputgeneratederror', 'no output generated', 'invalid character \'<\' looking for beginning of value', '<title>just a moment', 'did not contain valid text', 'did not provide any assistant messages', 'before returning usable output', '缺少或空的 choices', 'must have non-empty content'],
    patterns: [/response body was empty/i, /返回空回复|空回复后仍然失败/, /UnexpectedModelBehavior: Received empty model response/, /\"content\":\s?null,[^\n]{0,200}\"tool_calls\":\s?null/, /response body looks like an HTML document/i, /^\s{0,8}(?:⎿\s{0,4})?\(no content\)\s*$/m, /Backend produced no content/i, /No content in the stream response|No choices in \w+ response|No response after retries|returned empty stream response/i, /finished the turn without returning any assistant text/i, /response content was empty/i, /"message":\s?\{[^}\n]{0,80}"content":\s?""|empty or malformed response|No content in response|returned an empty response|text content blocks must be non-empty|"content":\s?\[\]|"output":\s?\[\]|Exception occured - 'choices'|No content parts received|\bEmpty response\b(?! object\b)/i, /AI_NoContentGeneratedError|\bNo content generated\./i, /invalid character '<' looking for beginning of value|<title>Just a moment\.\.\.<\/title>/i, /response did not contain valid text|did not provide any assistant messages|ended the response before returning usable output/i,
      // A client's words for an answer with nothing in it (Cline: `The provider returned an empty or unparsable response`; iFlow: `OpenAI 响应格式无效 - 缺少或空的 choices 数组` — missing or empty choices).
      /\breturned an empty or unparsable response\b|缺少或空的 choices/i,
      // The Anthropic Python SDK's helper given a message without text (`Expected to have received at least 1 text block`,
      // anthropics/anthropic-sdk-python#977).
      /\bExpected to have received at least 1 text block\b/,
      // Anthropic refusing a conversation that holds an empty message (an earlier empty or refused reply replayed: `all messages must have non-empty content except for the optional final assistant message`).
      /\ball messages must have non-empty content except for the optional final assistant message\b/i],
    // The AI SDK's wrapper of a failed stream holds the real error beneath it: a symptom, named only when nothing else is;
    // so is an answer's usage with no output (`"completion_tokens": 0`: the model said nothing).
    symptoms: [/no last agent message; wrote empty content/i, /AI_NoOutputGeneratedError/, /"completion_tokens":\s?0\b/, /KeyError: 'choices'/],
    supersedes: ['rate-limit', 'upstream-error'],
    // A stream's message_start always carries "content": [] (the blocks follow as events; a test's `:message_start` chunk too); a failed
    // Responses event or object (`"status": "failed"`) carries "output": [] beside its error, which is the cause.
    unless: /content_block_delta|\bmessage_start\b|chat\.completion\.chunk|"type":\s?"response\.failed"|"status":\s?"failed"|stream ended without a finish chunk/i,
    cause: 'the answer had no content: an empty reply from the model, the Responses bridge answering `"content": []`, or something in between answering with a page instead of a message',
    fix: 'keep the chat-completions routing flag set (the Responses bridge is the usual cause, BerriAI/litellm#27492); check that nothing between Claude Code and the proxy intercepts the request; ccenv doctor messages',
    severity: 'fail',
    source: 'BerriAI/litellm#27492; Alishahryar1/free-claude-code#1858; RooCodeInc/Roo-Code#12016; router-for-me/CLIProxyAPI#2194 (Codex); pydantic/pydantic-ai#2645; https://errs.dmxapi.cn/detail.php?id=1630; Aider-AI/aider#3550 (KeyError choices as a symptom); cline/cline#6426 (empty or unparsable response); iflow-ai/iflow-cli#142 (缺少或空的 choices 数组); simonw/llm-anthropic#37',
  },
  {
    code: 'tls-error',
    keywords: ['unknown certificate verification error', 'unknown_certificate_verification_error', 'unable_to_verify', 'no alternative certificate subject name', 'subjectaltname does not match', "certificate's altnames", 'err_tls_cert_altname_invalid', 'invalid peer certificate', 'unknownissuer', 'tls handshake', 'cert', 'ssl', 'self-signed', 'self signed', 'x509', 'ssl_connect', 'pkix path', 'certpath', 'certification path'],
    patterns: [
      // curl's words for a certificate of another host (anomalyco/opencode#45890).
      /\bno alternative certificate subject name matches target host name\b|\bsubjectAltName does not match\b/i,
      // Bun's words for a certificate it could not verify (a corporate proxy re-signing; also as its code,
      // `UNKNOWN_CERTIFICATE_VERIFICATION_ERROR`, anthropics/claude-code#43967); Node's for a certificate of another host.
      /\bunknown[ _]certificate[ _]verification[ _]error\b|\bdoes ?not ?match certificate's altnames\b|\bERR_TLS_CERT_ALTNAME_INVALID\b/i,/invalid peer certificate|UnknownIssuer|TLS handshake failed|Could not verify the gateway's TLS certificate/i, /x509: certificate (?:signed by unknown authority|has expired|is valid for)|tls: failed to verify certificate/i, /SSL certificate (?:hostname mismatch|has been revoked|is not yet valid)|unable to verify the first certificate|ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames/i, /\b(?:UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|UNABLE_TO_GET_CRL|UNABLE_TO_DECRYPT_CERT_SIGNATURE|CERT_SIGNATURE_FAILURE|CERT_NOT_YET_VALID|CERT_REVOKED|CERT_UNTRUSTED|CERT_REJECTED|HOSTNAME_MISMATCH|INVALID_CA|ERR_TLS_CERT_ALTNAME_INVALID)\b|SSL certificate error|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to get (?:local )?issuer certificate|CERTIFICATE_VERIFY_FAILED|self[- ]signed certificate|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|certificate (?:has )?expired|SSL certificate verification failed/i, /curl: \((?:35|60)\)|OpenSSL SSL_connect: |PKIX path building failed|SunCertPathBuilderException|unable to find valid certification path/i,
      // The browsers' words (Firefox's NSS codes, Chrome's NET::ERR_CERT_…), quoted from a page a gateway URL opened.
      /\b(?:SEC_ERROR|MOZILLA_PKIX_ERROR)_[A-Z_]{3,40}\b|\bNET::ERR_CERT_[A-Z_]{3,40}\b|\bcertificate for \S{1,100} expired on\b/,
      // Chromium's certificate errors (`net::ERR_CERT_AUTHORITY_INVALID`); `SSL cert problem: self-signed cert in the chain`.
      /\bnet::ERR_CERT_[A-Z_]{4,40}\b|\bSSL cert problem\b|\bself-signed cert in the chain\b/i,
      // Node refusing the file NODE_EXTRA_CA_CERTS names (`Warning: Ignoring extra certs from …, load failed`): the proxy's CA is not trusted.
      /\bIgnoring extra certs from\b/,
    ],
    cause: 'the TLS certificate on the way is not trusted (a corporate proxy re-signing traffic, or a self-signed proxy certificate)',
    fix: 'point NODE_EXTRA_CA_CERTS at your CA bundle for Claude Code (SSL_CERT_FILE for the proxy), or use the proxy over plain http on 127.0.0.1',
    severity: 'fail',
    supersedes: ['http-proxy', 'proxy-unreachable', 'anthropic-direct'],
    source: "anthropics/claude-code#2855; anthropics/claude-code#20194; anthropics/claude-code#26897; sibbell/support#59 (Firefox's SEC_ERROR_EXPIRED_CERTIFICATE); numman-ali/opencode-openai-codex-auth#77, anomalyco/opencode#12408 (unknown certificate verification error); anomalyco/opencode#38502 (altnames); CherryHQ/cherry-studio-app#208 (ERR_CERT_AUTHORITY_INVALID); githubteacher/fluffy-octo-guacamole#18; bman654/clodex#157",
  },
  {
    code: 'http-proxy',
    keywords: ['requested url could not be retrieved', 'squid', 'tunnel connection failed', 'unknown scheme for proxy url', 'check proxy url', 'tunneling socket could not be established', 'connect through your proxy', 'err_proxy_tunnel', 'a proxy is configured via', 'proxy keys should use', 'the system returned:', 'id="sysmsg"', '(squid', 'err_connect_fail', '500 unable to connect', '407', 'proxy authentication', 'proxyerror', 'connect to proxy', '502 bad gateway', 'status code 502', 'http_proxy', 'https_proxy', 'all_proxy', 'gateway answered instead of anthropic', 'check no_proxy', 'connect tunnel failed', 'failed to connect to proxy', 'configured http proxy', 'proxy setting named above', 'network proxy policy', 'this proxy requires authentication', 'proxyconnectrefusederror', 'proxy or gateway does not forward', 'proxy tcp connect failed', '<html>', 'privoxy error', 'proxyconnectionerror', 'proxy response (', 'secureproxyconnectionerror', 'secure proxy connection failed', 'error connecting to proxy', 'proxyconnect tcp', 'proxy authentication required', 'could not resolve proxy', 'check the proxy set in https_proxy', 'check the proxy set in http_proxy', '\'socksio\' package is not installed'],
    patterns: [
      // Squid's error page or headers; a CONNECT the proxy refused (`Tunnel connection failed: 403`); httpx refusing a proxy URL's
      // scheme from HTTP(S)_PROXY (socks5h://).
      /ERROR: The requested URL could not be retrieved|\bSquid Software Foundation\b|\bX-Squid-Error\b|\bTunnel connection failed: \d{3}\b|\bUnknown scheme for proxy URL\b/i,
      // The OpenAI SDK given a proxy setting that is no proxy URL.
      /Please check proxy URL\. It is malformed/i,
      // Node's tunnel agent refused by the HTTP proxy (npm/npm#20305: statusCode=407); a 502 with no body for a loopback URL, which
      // a local gateway does not send but a system proxy (Clash) relaying it does (farion1231/cc-switch#770, #3989).
      /tunneling socket could not be established|\b502 Bad Gateway:? ?(?:Unknown error)?, url: https?:\/\/(?:127\.0\.0\.1|localhost)[:/]/i,
      /Internal Privoxy Error/i, /API Error:? \(?[45]\d\d <html>/i, /Proxy TCP connect failed/i, /Couldn't connect through your proxy|ERR_PROXY_TUNNEL|A proxy is configured via HTTPS?_PROXY/i, /Proxy keys should use proper URL forms/, /The system returned: <i>|id="sysmsg"|\(squid\/|ERR_CONNECT_FAIL|<title>500 Unable to connect<\/title>/i, /(?:localhost|127\.0\.0\.1):\d{2,5}[^\n]{0,80}502 Bad Gateway|Ollama call failed with status code 502/i, /407 Proxy Authentication Required|status code 407|\b407\b[^\n]{0,20}Proxy|ProxyError|Cannot connect to proxy/i, /\b(?:https?|all)_proxy\b[^\n]{0,80}(?:Connection error|ECONNREFUSED|fetch failed|ECONNRESET|\b502\b)|\b502\b[^\n]{0,60}\b(?:https?|all)_proxy\b/i, /proxy or gateway answered instead of Anthropic|A proxy is set: [^\n]{0,80}check NO_PROXY|CONNECT tunnel failed, response \d{3}|Failed to connect to proxy\b|Could not resolve the configured HTTP proxy|the proxy setting named above is refused|Refused by network proxy policy|This proxy requires authentication|ProxyConnectRefusedError|a proxy or gateway does not forward it/i, /ProxyConnectionError|Proxy response \(\d{3}\) !== 200 when HTTP Tunneling|SecureProxyConnectionError|Secure Proxy Connection failed|error connecting to proxy|proxyconnect tcp|": Proxy Authentication Required|Could not resolve proxy\b/i, /Check the proxy set in HTTPS?_PROXY/i,
      // httpx picking up a SOCKS proxy from the environment without its extra installed (`Using SOCKS proxy, but the 'socksio' package is not installed`).
      /\bUsing SOCKS proxy, but the 'socksio' package is not installed\b/],
    cause: 'an HTTP proxy (HTTP(S)_PROXY) or a gateway is in the way: it intercepts the traffic meant for your LiteLLM proxy, or the requests go to api.anthropic.com instead',
    fix: 'add the proxy host to NO_PROXY (e.g. NO_PROXY=localhost,127.0.0.1), and start Claude Code through its claude-<profile> function so ANTHROPIC_BASE_URL points at your proxy; ccenv doctor http-proxy',
    severity: 'fail',
    // An HTML error page where the API's JSON should be (a 403 from nginx) is the gateway's refusal, not the key's.
    supersedes: ['upstream-error', 'proxy-unreachable', 'auth-rejected', 'connection-reset'],
    source: 'anthropics/claude-code#217; SSYCloud/claude-code-proxy-ssy#1; run-llama/llama_index#14880; npm/npm#20305 (tunneling socket, 407); farion1231/cc-switch#770, farion1231/cc-switch#3989 (a loopback 502 through Clash); aiwaves-cn/agents#73 (a malformed proxy URL); anomalyco/opencode#531, NativeScript/nativescript-cli#2313 (Squid\'s page); postmanlabs/postman-app-support#2253 (X-Squid-Error); yt-dlp/yt-dlp#9434, anthropics/claude-code#18583 (Tunnel connection failed); ollama/ollama-python#424 (Unknown scheme for proxy URL); fuergaosi233/claude-code-proxy#5',
  },
  {
    code: 'connection-reset',
    keywords: ['und_err_socket', 'ssl_connect: connection was reset', 'upstream stream disconnected', 'err_stream_premature_close', 'connection to the api was lost', 'error decoding response body', 'econnreset', 'socket hang up', 'other side closed', 'closed unexpectedly', 'peer closed connection', 'incomplete chunked read', 'err_incomplete_chunked_encoding', 'connectionreseterror', 'forcibly closed', 'epipe', 'connection reset', 'server disconnected', 'broken pipe', 'typeerror: terminated', 'api error: terminated', 'the connection was closed', 'errno 104', 'serverdisconnected', 'connection closed', 'payload is not completed', 'remote end closed', 'remotedisconnected', 'connection aborted', 'incompleteread', 'chunkedencodingerror', 'premature close', 'content-length', 'contentlengthmismatch', 'closed before message completed', 'incompletemessage', 'curl: (18)', 'curl: (52)', 'curl: (55)', 'curl: (92)', 'empty reply from server', 'transfer closed with', 'not closed cleanly', 'connection lost mid-response', 'connection closed mid-response', 'connection lost before a response', 'compaction interrupted', 'before secure tls connection was established'],
    patterns: [
      // undici's socket closed by the other side (`UND_ERR_SOCKET`, `terminated`).
      /\bUND_ERR_SOCKET\b/,
      // A TLS connect reset on the way (curl's `SSL_connect: Connection was reset`).
      /\bSSL_connect: Connection was reset\b/i,
      // A relay's stream cut off (`upstream stream disconnected: unexpected EOF`); Node's premature close of a stream.
      /\bupstream stream disconnected\b|\bERR_STREAM_PREMATURE_CLOSE\b/i,/Connection to the API was lost \((?!StreamTruncated)/i, /error decoding response body/i, /Connection reset by (?:peer|server)|Connection reset - server|Broken pipe - server closed|\bTypeError: terminated\b|API Error:? \(?terminated\b/i, /\bEPIPE\b|Connection reset by peer|Server disconnected without sending a response/i, /peer closed connection without sending complete message body|incomplete chunked read|ERR_INCOMPLETE_CHUNKED_ENCODING|\bConnectionResetError\b|forcibly closed by the remote host/i, /ECONNRESET|socket hang up|other side closed|socket connection was closed unexpectedly/i, /AbortError: The connection was closed\b|SSL_ERROR_SYSCALL, errno 104\b/, /\bServer ?Disconnected(?:Error)?\b|ClientConnectionError: Connection closed|Response payload is not completed|Remote end closed connection without response|\bRemoteDisconnected\b|\('Connection aborted\.'|Connection broken: IncompleteRead|\bChunkedEncodingError\b|ERR_STREAM_PREMATURE_CLOSE|\b(?:Fetch)?Error: Premature close\b|Premature close of server response|Invalid response body while trying to fetch [^\n]{0,300}Premature close|ResponseContentLengthMismatchError|Response body length does not match content-length|connection closed before message completed|\bIncompleteMessage\b|write tcp [^\n]{0,120}: (?:write: )?broken pipe|curl: \((?:18|52|55|92)\)|Empty reply from server|transfer closed with \d+ bytes remaining|HTTP\/2 stream \d+ was not closed cleanly/i, /Connection (?:lost|closed) (?:mid-response|before a response was produced)/i, /Compaction interrupted · This may be due to network issues/i,
      // A connection cut before its TLS handshake finished (Node: `Client network socket disconnected before secure TLS connection was established`): the network, not a certificate.
      /\bsocket disconnected before secure TLS connection was established\b/i],
    // A stream undici ended for a timeout (`terminated (cause: Body Timeout Error)`) is the timeout's.
    // httpx's `Server disconnected without sending a response` beside Windows' refusal (`WinError 10061 … actively refused it`):
    // nothing listened, the refusal names it.
    unless: /\bterminated \(cause: \w{1,12} Timeout Error\)|\bactively refused it\b/,
    cause: 'the connection was cut mid-request: the proxy crashed or restarted, or something between (an HTTP proxy, a firewall, a load balancer with an idle timeout) closed it',
    fix: 'check that the proxy is up and read its log around that time; if an HTTP(S)_PROXY is set, add the proxy host to NO_PROXY; ccenv doctor proxy',
    severity: 'fail',
    supersedes: ['proxy-unreachable', 'anthropic-direct'],
    source: 'cline/cline#9650 (UND_ERR_SOCKET terminated); KoushikNavuluri/Claude-API#44 (BoringSSL SSL_connect: Connection was reset); anthropics/claude-code#56711; anthropics/claude-code#35768; xintaofei/codeg#152 (upstream stream disconnected); ericc-ch/copilot-api#51 (ERR_STREAM_PREMATURE_CLOSE); Chanzhaoyu/chatgpt-web#319',
  },
  {
    code: 'host-not-found',
    keywords: ['[errno -3] try again', 'server misbehaving', 'dial tcp: lookup', 'host not found', 'err_name_not_resolved', 'ip address could not be found', 'enotfound', 'getaddrinfo', 'name resolution', 'could not resolve', 'eai_again', 'name or service not known', 'nodename nor servname', 'failed to resolve', 'no such host', 'does not have a dns entry', 'temporary failure resolving', 'dns lookup for the provider', 'unknownhostexception', 'unable to resolve host'],
    patterns: [
      // A DNS lookup that failed for now (EAI_AGAIN, Python's `[Errno -3] Try again`).
      /\[Errno -3\] Try again\b/,
      // nginx's and APISIX's words for a name that does not resolve (a compose service name outside its network); Chrome's.
      /\bhost not found in upstream\b|could not be resolved \(\d: Host not found\)|\bERR_NAME_NOT_RESOLVED\b|server IP address could not be found/i,
      /lookup \S{1,200}(?: on \S{1,60})?: (?:no such host|server misbehaving|(?:read udp \S{1,60}->\S{1,60}: )?i\/o timeout)/i, /Failed to resolve (?:'[^'\n]{1,200}'|(?:host(?:name)? )?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|ai|dev|app|cloud|internal|local|lan|[a-z]{2})(?![\w.:/-]))/, /Unable to locate the server named [^\n]{0,120}does not have a DNS entry|\bENOTFOUND\b|getaddrinfo|Temporary failure in name resolution|Could not resolve (?:host|hostname|'[^'\n]{1,200}')|\bEAI_AGAIN\b|Name or service not known|nodename nor servname/,
      // The resolver's own words (`Temporary failure resolving 'archive.ubuntu.com'`).
      /\bTemporary failure resolving\b/i,
      // An agent's words for a provider host that does not resolve (`DNS lookup for the provider endpoint failed`).
      /\bDNS lookup for the provider endpoint failed\b/i,
      // Java's and Android's words for a host that does not resolve (`java.net.UnknownHostException: langchain4j.dev`, `Unable to resolve host "api.openai.com": No address associated with hostname`).
      /\bjava\.net\.UnknownHostException\b|\bUnable to resolve host "[^"\n]{1,100}"/,
    ],
    cause: 'the host in the base URL does not resolve (a typo, a container name used outside its network, no DNS, or a network that only resolves through its HTTP proxy)',
    fix: 'fix proxy.base_url (http://localhost:4000 for a local proxy), or, when LiteLLM reports it, the deployment\'s upstream.api_base; behind a corporate proxy set HTTPS_PROXY for remote hosts and NO_PROXY for a local proxy; ccenv doctor proxy',
    severity: 'fail',
    supersedes: ['proxy-unreachable', 'anthropic-direct', 'timeout'],
    source: 'KenyonY/openai-forward#57 ([Errno -3] Try again); EdanStarfire/claudecode_webui#1184; ivanfioravanti/chatbot-ollama#16; dotja/django-docker-compose#2 (nginx: host not found in upstream); apache/apisix#3744; aspnetrun/run-aspnetcore-microservices#77 (ERR_NAME_NOT_RESOLVED); ollama/ollama#9030, ollama/ollama#2818 (a DNS lookup timing out); ollama/ollama#8065 (server misbehaving); microsoft/WSL#8365; openclaw/openclaw#67193; langchain4j/langchain4j#1360; TheoKanning/openai-java#302',
  },
  {
    code: 'proxy-unreachable',
    keywords: ['`ollama serve` failed', 'os error 10013', '10048', 'error while attempting to bind', 'port is already allocated', '地址绑定失败', 'ensure you run `ollama serve`', 'could not connect to model.', 'failed to connect to local ollama instance', 'could not connect to ollama', 'unable to establish a connection with', 'rejected the connection request', "is not reachable at", "err_connection_refused", "all connection attempts failed", "can't reach", "can't reach the api server", 'poor internet connection', "couldn't connect to", 'is not running at', 'apiconnectionerror', 'econnrefused', 'connectionrefused', 'connection refused', 'unable to connect', 'fetch failed', 'connection error', 'ebadf', 'actively refused', 'cannot connect to', 'connect call failed', 'cannot assign requested address', 'ehostunreach', 'enetunreach', 'able to access the url', 'error sending request for url', 'curl: (7)', 'host unreachable', 'failed to establish a new connection', 'service startup', 'axioserror: network error', 'err_network', 'proxy refused to start', 'config file not found', 'error loading yaml file', 'config cannot be none', 'network error. please check your internet connection', 'address already in use', 'eaddrinuse', '目标计算机积极拒绝', 'os error 10061', 'winerror 10061', 'によって拒否されたため', 'error starting server'],
    patterns: [
      // Continue's and Ollama's own words for no Ollama server at the address (`could not connect to ollama app, is it
      // running?`), a client's own `unable to establish a connection with URL`, .NET's WSAECONNREFUSED in words.
      // LiteLLM starting an ollama/ deployment's server itself and failing (`ollama serve` failed with Exception…); open-codex's words.
      /`ollama serve` failed with Exception\b|\bEnsure you run `ollama serve`|\bCould not connect to Model\.(?!\w)/i,
      /\bFailed to connect to local Ollama instance\b|\bcould not connect to ollama (?:app|server)\b|is unable to establish a connection with https?:\/\/|destination computer rejected the connection request/i,
      /\bis not reachable at (?:https?|wss?):\/\/|\bAll connection attempts failed\b|\bnet::ERR_CONNECTION_REFUSED\b/i, /Can't reach (?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0):\d{2,5}\b/i, /\bService startup (?:timeout|still failing)\b/i, /Can't reach the API server/i, /Unable to connect to API due to poor internet connection|Couldn't connect to \w{1,40} at https?:\/\//i, /is not running at https?:\/\//i, /\b(?:openai|anthropic)\.APIConnectionError\b/, /Cannot assign requested address|\bE(?:HOST|NET)UNREACH\b|Unable to connect to API\. Check your internet connection|Unable to connect\. Is the computer able to access the url\?/i, /Cannot connect to (?:host|Ollama at) |Connect call failed|error sending request for url \(https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])[:/]|curl: \(7\) Failed to connect to|Couldn't connect to server|Host unreachable - |Couldn't connect to the gateway\b|Failed to establish a new connection/i, /ECONNREFUSED|ConnectionRefused|Connection refused|fetch failed|\bConnection error\.|actively refused|Unable to connect to API\b/i, /AxiosError: Network Error|\bERR_NETWORK\b/, /LiteLLM proxy refused to start|\bConfig file not found: |\bError loading yaml file |\bConfig cannot be None or Empty/, /\bNetwork error\. Please check your internet connection/i,
      // apt's and other clients' `Unable to connect to 127.0.0.1:7890:` (the host and port that did not answer).
      /\bUnable to connect to (?:\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[\da-f:]+\]|[\w-]+(?:\.[\w-]+)+):\d{2,5}\b/i,
      // The proxy that could not start because its port is taken (`bind: address already in use`, `[Errno 48] Address already in use`, EADDRINUSE)
      // or, on Windows, taken or reserved (WSAEADDRINUSE 10048, WSAEACCES 10013 — a port in an excluded range:
      // https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2; cc-switch's `地址绑定失败`, farion1231/cc-switch#3685).
      /\baddress already in use\b|\bEADDRINUSE\b|\b(?:os error|Errno|WinError) 10048\b|\berror while attempting to bind on address\b|\bport is already allocated\b|\b(?:bind|listen)\b[^\n]{0,200}\(os error 10013\)|地址绑定失败/i,
      // Windows' refused connection (WSAECONNREFUSED) in its own words in Chinese and Japanese (`由于目标计算机积极拒绝，无法连接。 (os
      // error 10061)`, `[WinError 10061] 対象のコンピューターによって拒否されたため、接続できませんでした` — the target machine refused it).
      /由于目标计算机积极拒绝|\(os error 10061\)|\[WinError 10061\]|対象のコンピューターによって拒否/,
      // A local server that could not open its port, so nothing answers there (LM Studio's `Error starting server {"code":"EACCES",…"syscall":"listen"`).
      /\bError starting server\b[^\n]{0,40}"code":\s?"(?:EACCES|EADDRINUSE)"/,
    ],
    unless: /upstream connect error/,
    cause: 'nothing answers at the base URL: the proxy is not running (or refused to start), or listens on another host or port — or an HTTP(S)_PROXY without NO_PROXY sends the request to a proxy that cannot reach it; in LiteLLM\'s words (`litellm.APIConnectionError: OllamaException - Connection refused`) it is the deployment\'s api_base that does not answer',
    fix: 'start the proxy (ccenv gen systemd|launchd|compose, or litellm --config …; its log says why it did not start), or fix proxy.base_url; if HTTP(S)_PROXY is set, add the proxy host to NO_PROXY; for the deployment\'s api_base, start that server or fix upstream.api_base (inside a container, localhost is the container itself); ccenv doctor proxy. With the proxy down Claude Code retries for minutes: CLAUDE_CODE_MAX_RETRIES=0 fails at once',
    severity: 'fail',
    // A stream cut because the connection could not be made (Codex's `Stream disconnected before completion: error sending
    // request for url`) is the address's failure.
    supersedes: ['anthropic-direct', 'stream-order'],
    source: 'BerriAI/litellm#4961 (`ollama serve` failed); codingmoh/open-codex#15 (Could not connect to Model.); anthropics/claude-code#62793; anthropics/claude-code#87259; zai-org/GLM-4.5#6; roke22/Laravel-ssh-client#9 (net::ERR_CONNECTION_REFUSED); ollama/ollama#2132 (could not connect to ollama app); sugarforever/chat-ollama#394; umlx5h/LLPlayer#113 (.NET); musistudio/claude-code-router#800 (Service startup timeout); continuedev/continue#3435 (Failed to connect to local Ollama instance); erkkimon/vllama#12; microsoft/WSL#10379 (apt: Unable to connect to 127.0.0.1:7890); ogx-ai/llama-stack-apps#112; langgenius/dify#1760; run-llama/sec-insights#21; openai/codex#44517 (os error 10061); Zuntan03/EasyNovelAssistant#11 (WinError 10061); lmstudio-ai/lmstudio-bug-tracker#106',
  },
  {
    code: 'timeout',
    keywords: ['stream_idle_timeout', 'is timing out', 'timeout error', 'no response from', 'apitimeouterror', 'waiting timeout reached', '超时', 'timed out', 'timeout', 'time-out', 'etimedout', 'time limit', 'timeouterror', 'request timeout', 'aborted due to timeout', 'readtimeout', 'deadline', 'buffers streaming responses', 'stream watchdog', 'connection idle limit', 'awaiting response headers', 'client.timeout exceeded', 'killed by timeout', 'watchdog timeout', 'did not return response headers', 'stream timeout', 'no data from api', 'connecttimeout', 'writetimeout', 'pooltimeout', 'response stopped arriving', 'stalled before a response', 'i/o timeout', 'api_timeout_ms=', 'status code 524', '504 upstream timeout', 'did not respond before the proxy timeout', 'winerror 10060', '由于连接方在一段时间后没有正确答复'],
    patterns: [
      // Envoy's access log of a stream that sat idle past its limit (`"response_code_details":"stream_idle_timeout"`).
      /"response_code_details":\s?"stream_idle_timeout"/,
      // undici's timeouts in their message form (`terminated (cause: Body Timeout Error)`: 300 s without a chunk).
      /\b(?:Body|Headers|Connect) Timeout Error\b/i,/\bwatchdog timeout:/i, /\bWORKER TIMEOUT \(pid:\d+\)/, /killed by timeout/i, /\btimeout awaiting response headers\b|Client\.Timeout exceeded|\bThe upstream server is timing out\b/i, /No response from (?:the )?API\b/i, /\bAPITimeoutError\b/, /^request timeout ?$|Request waiting timeout reached/i, /超时/, /aborted due to timeout|\bReadTimeout\b|Connect timeout on endpoint URL/i, /\b(?:Connect|Headers|Body)TimeoutError\b|UND_ERR_(?:CONNECT|HEADERS|BODY)_TIMEOUT|DEADLINE_EXCEEDED|Deadline exceeded|\b408 Request Timeout/i, /\bTimeoutError\b|(?:Error: |API )request timeout\b/i, /timed out|APIConnectionTimeoutError|litellm\.Timeout|ETIMEDOUT|Gateway time-?out|stream idle|Execution timeout|exceeded time limit|timeout of \d+ms exceeded/i, /API Timeout \(/, /did not return response headers after \d+ ?ms|\bStream timeout: no data\b|no data from (?:the )?API for \d+ ?s\b/i, /\bConnection timeout - |buffers streaming responses can cause this|stream watchdog|No data arrived within the connection idle limit|\bidle timeout\b/i, /\b(?:httpx|httpcore)\.(?:Connect|Write|Pool)Timeout\b|\b(?:Connect|Write|Pool)TimeoutError\b/, /The response stopped arriving|The response stalled before a response was produced/i, /\bi\/o timeout\b/,
      // Cloudflare's 524 (the origin did not answer in time) as a client's status line (`Request failed with status code 524`).
      /\bstatus code 524\b|\b524: A timeout occurred\b/i,
      // botocore's read timeout (`Read timeout on endpoint URL: "https://bedrock-runtime…"`).
      /\bRead timeout on endpoint URL\b/i,
      // A proxy's own page for an upstream that did not answer in time (opencodex: `504 Upstream Timeout`, `did not respond before the proxy timeout`); Windows' connection attempt that timed out (`WinError 10060`, in Chinese `由于连接方在一段时间后没有正确答复`).
      /\b504 Upstream Timeout\b|\bdid not respond before the proxy timeout\b|\bWinError 10060\b|由于连接方在一段时间后没有正确答复/i,
    ],
    cause: 'a request took longer than its limit: a slow or stuck upstream, or Responses-API routing on hosts that neither answer nor 404',
    fix: 'set LITELLM_USE_CHAT_COMPLETIONS_URL_FOR_ANTHROPIC_MESSAGES=1 in the proxy environment if it is unset; otherwise check the upstream, raise API_TIMEOUT_MS (Claude Code) or the deployment timeout; ccenv doctor messages',
    severity: 'fail',
    // A stream cut by an idle timeout is the timeout's doing (openai/codex#31539: "Stream disconnected before completion: idle timeout").
    supersedes: ['upstream-error', 'proxy-unreachable', 'anthropic-direct', 'stream-order', 'connection-reset'],
    // A proxy that timed out (httpx's `ProxyError: … handshake operation timed out`) is the proxy in the way; Cloudflare's
    // 522 (`Error 522: Connection timed out`) is its origin unreachable, the provider's failure (upstream-error).
    unless: /\bProxyError: |\b52[0-3]: Connection timed out\b/i,
    // Claude Code's retry banner names the limit it used (`· API_TIMEOUT_MS=3000000ms, try increasing it`) after any failed attempt: a timeout when nothing else is named.
    symptoms: [/\bAPI_TIMEOUT_MS=\d+ms\b/],
    source: 'vllm-project/aibrix#1810 (envoy: stream_idle_timeout); anthropics/claude-code#1999; anthropics/claude-code#8698; farion1231/cc-switch#5831; denn-gubsky/loomcycle#625 (Go net/http); langgenius/dify#14682; https://www.inerrata.ai/r/buncompiled-clis-eg-claude-code-silently-ignore-nodeoptions-dns-flags-ipv4forcin-b672096f; open-runtimes/open-runtimes#330 (gunicorn WORKER TIMEOUT); MiniMax-AI/MiniMax-M2.7#44 (Retrying … API_TIMEOUT_MS=3000000ms); QwenLM/qwen-code#4604, QwenLM/qwen-code#4711 (undici\'s Body Timeout Error); langgenius/dify#12276; danilop/multimodal-chat#20 (botocore: Read timeout on endpoint URL); lidge-jun/opencodex#86; SnapdragonLee/ChatGPT-weBot#63 (WinError 10060)',
  },
  {
    code: 'overloaded',
    keywords: ['selected model is at capacity', 'service is busy', 'server is busy', 'service is currently busy', 'server is currently busy', 'extreme load', 'too many connections, please wait', 'bedrock is unable to process your request', 'server busy', 'currently busy', 'request queue is full', 'loading model', '访问量过大', 'capacity exhausted', '529', 'overloaded', 'no capacity available', 'model_capacity', 'engine_overloaded', 'currently overloaded', 'insufficient_model_capacity', 'high traffic', 'high demand', 'model_overloaded', '服务器已经满载', 'experiencing high load'],
    patterns: [
      // Cursor's words for a provider under load; Codex's for a model at capacity.
      /\bexperiencing extreme load\b|\bSelected model is at capacity\b/i,
      // Bedrock's ServiceUnavailable in its own words.
      /\bToo many connections, please wait before trying again\b|\bBedrock is unable to process your request\b/i,
      // Amazon Q Developer CLI's words for the service under load (aws/amazon-q-developer-cli#3913).
      /\b(?:Service|Server) is (?:currently )?busy\b[,.;!]?\s*(?:please |—\s?|- )?(?:retry|retrying|try again|try later|wait)/i,
      /服务器已经满载/, /^\W{0,4}529 (?=Upstream|Overloaded|\{)/, /INSUFFICIENT_MODEL_CAPACITY|experiencing high (?:traffic|demand)|\bmodel_overloaded\b/i, /server busy, please try again|maximum pending requests exceeded|engine is currently busy|The request queue is full|\"message\":\s?\"Loading model\"/i, /访问量过大/, /Model capacity exhausted/i, /engine_overloaded_error|is currently overloaded/i, /No capacity available for model|MODEL_CAPACITY_EXHAUSTED/i, /overloaded_error|\bOverloaded\b|(?:API Error|Error|status|code)[^\n]{0,12}\b529\b/i, /\bis experiencing high load\b/i,
    ],
    cause: 'the upstream is overloaded (529): a temporary capacity problem on the provider side',
    fix: 'wait and retry; configure a fallback model group in LiteLLM for the profile',
    severity: 'fail',
    // A relay that types every failure overloaded_error ("All 2 attempts failed. Last error: HTTP 400 …"): the 400 names the cause;
    // Cloudflare's 522 guesses at overload among other things ("may indicate the origin is overloaded, firewalling Cloudflare…").
    unless: /\bLast error: HTTP 4\d\d\b|\bmay indicate the origin is overloaded\b/,
    // Codex's "stream disconnected before completion" is the overload's symptom when the capacity notice follows it.
    supersedes: ['upstream-error', 'timeout', 'rate-limit', 'stream-order'],
    source: 'openai/codex#45965 (Selected model is at capacity); anthropics/claude-code#39745; anthropics/claude-code#87317; Alishahryar1/free-claude-code#1229; https://errs.dmxapi.cn/detail.php?id=2760; anthropics/claude-code#562, onyx-dot-app/onyx#6368 (Bedrock: Too many connections); darko-mesaros/bedrust#47; cursor/cursor#2584 (extreme load)',
  },
  {
    code: 'rate-limit',
    keywords: ['resource has been exhausted', 'hour limit reached', 'too many tokens, please wait', 'request too large for', 'exhausted your capacity', 'request limit exceeded', 'tokens per min', 'free limit reached', 'throttling_error', 'rate_limit_exceeded', 'temporarily limiting requests', 'insufficient credits', 'available credits', 'is suspended', 'max concurrency', 'high concurrency', 'usage limit reached', 'in arrears', '欠费', 'good standing', '429', 'rate limit', 'rate_limit', 'quota', 'request rejected (429)', 'usage credits ran out', 'resource_exhausted', 'usage limit', 'too many requests', 'insufficient balance', 'more credits', 'can only afford', 'credit balance', 'billing_error', 'hit your limit', 'hit your session limit', 'hit your weekly limit', 'hit your daily limit', 'hit your 5-hour limit', 'hit your opus limit', '制限に達しました', '余额不足', '速率限制', 'arrearage', 'ratelimit', 'parallel request limit', 'max_parallel_requests', 'throttl', 'resource exhausted', '速率达到上限', '负载已饱和', 'load is saturated', '请求数限制', '请求次数限制', '请求频率超限', '周使用限制', '限流', 'too many pending requests', 'too many concurrent requests', 'concurrency limit', 'reached the request limit', 'overage_request_limit_exceeded', 'limit for overages', 'allocationquota', 'free tier of the model', 'ratelimiterror', 'max rpm', 'max tpm', 'weekly limit reached', 'daily limit reached', 'session limit reached', 'service tier capacity exceeded', 'insufficient account funds', 'rph limit reached', 'out of extra usage', 'request frequency has been limited', 'fair usage policy', 'not_enough_balance', 'upstream returned 429', 'provider returned 429'],
    patterns: [
      // Google's 429 quoted without its status.
      /\bResource has been exhausted \(e\.g\. check quota\)/i,
      // Claude Code's subscription window.
      /\b5[- ]hour limit reached\b/i,
      // Bedrock's token throttling in Cline's words; OpenAI's per-minute token limit quoted without its `(TPM)`.
      /\bToo many tokens, please wait before trying again\b|\bRequest too large for [\w.\-/]{2,60}\b[^\n]{0,200}\bLimit \d+, Requested \d+/i,
      // Gemini CLI's quota on a model (`You have exhausted your capacity on this model. Your quota will reset after 54s`); a provider's
      // daily call limit.
      /\bexhausted your capacity on this model\b|\bRequest limit exceeded\b/i,
      // OpenAI's and Groq's tokens-per-minute limit (`Request too large for gpt-4o on tokens per min (TPM)`); a gateway's free tier used up.
      /\bon tokens per min(?:ute)? \(TPM\)|\bFree limit reached\b/i,
      /OVERAGE_REQUEST_LIMIT_EXCEEDED|reached the limit for overages/i, /速率达到上限|负载已饱和|(?:group|upstream) load is saturated|请求数限制|请求次数限制|请求频率超限|周使用限制|触发[^\n]{0,30}限流|当前限流|Too many pending requests|Too many concurrent requests|reached (?:their |the |your )?concurrency limit|reached the request limit/i, /"(?:type|code)":\s?"(?:throttling_error|rate_limit_exceeded)"/, /Insufficient credits|exceed your available credits|temporarily limiting requests|is suspended, please check your plan and billing|max concurrency|High concurrency usage|Usage limit reached|in arrears|欠费|account is in good standing/i, /Insufficient Balance|requires more credits|can only afford \d+/i, /Request rejected \(429\)|Usage credits ran out|ThrottlingException|Request was throttled|Resource exhausted|\bRateLimitError:|litellm\.RateLimitError\b|over user-defined ratelimit|Max parallel request limit reached|all max_parallel_requests slots in use|credit balance is too low to access|"type":\s?"billing_error"|You(?:'|’)?ve hit your (?:(?:session|weekly|daily|5-hour|Opus|Sonnet) )?limit|の制限に達しました|余额不足|速率限制|"code":\s?"Arrearage"/i, /(?<![a-z0-9_/-])(?<!\b(?:after|before|avoid|without) being )(?<!\bnot (?:explicitly |actually )?)rate(?:_limit(?!s\b(?! exceeded)|er|_(?!exceeded|error|reached)\w)| limit(?!ing|er|s\b(?! (?:exceeded|reached)\b)))(?!['"]\s?:|\s?=|:\s?\d)(?!s?:?\s+(?:ENABLED|DISABLED|on|off|information|info|headers?|resets?|warnings?|notifications?|handling|logic)\b|s?\s?(?:管理|制御|設定|机制|配置|策略|控制))|(?:API Error|Error|status|code|HTTP)[^\n]{0,12}\b429\b|\b429 (?:Too Many|\{)|(?:quota|usage limits)[^\n]{0,80}(?:exceed|exhaust|insufficient|reached|not enough|used up|ran out|run out|depleted|has been used)|\b(?:exceed(?:ed|s|ing)?|exhausted|insufficient|out of|reached|over)[ _](?:[A-Za-z]{1,20} ){0,3}(?:quota|usage limits)\b(?! (?:page|meter|tab|screen|settings))|AllocationQuota|free tier of the model has been exhausted|RESOURCE_EXHAUSTED|Too Many Requests/i, /\bRateLimitError\s{1,40}Traceback \(most recent call last\)/,
      // Moonshot's per-organization limit (`request reached organization max RPM: 3`).
      /\breached (?:organization |org )?max (?:RPM|TPM|RPD|TPD)\b/i,
      // Claude Code's subscription limits in its own words (`Opus weekly limit reached ∙ resets Oct 31, 9am`).
      /\b(?:(?:Opus|Sonnet) )?(?:weekly|daily|session) limit reached\b/i,
      // Mistral's capacity limit on a service tier (`Service tier capacity exceeded for this model`, a 429 LiteLLM maps to RateLimitError).
      /\bService tier capacity exceeded\b/i,
      // An account without funds, in a gateway's words (`Upstream request failed: Insufficient account funds`).
      /\bInsufficient account funds\b/i,
      // A provider's requests-per-hour limit (SiliconFlow: `Request was rejected due to rate limiting. Details: RPH limit reached.`), and Claude Code's banner when extra usage runs out (`You're out of extra usage · resets 1pm`).
      /\brejected due to rate limiting\b|\bRPH limit reached\b|\bout of extra usage\b/i,
      // Ollama Cloud's weekly limit (`you (seppe) have reached your weekly usage limit, upgrade for higher limits`).
      /\breached your weekly usage limit\b/i,
      // Z.ai's GLM Coding Plan throttling an account under its Fair Usage Policy (`your request frequency has been limited`).
      /\brequest frequency has been limited\b|\bdoes not comply with the Fair Usage Policy\b/i,
      // A platform's balance spent, in LiteLLM's wrapper (aiXplain: `litellm.APIConnectionError: err.not_enough_balance`); a relay's words for its upstream's 429 (`Chat upstream returned 429`).
      /\berr\.not_enough_balance\b|\b(?:upstream|provider) returned 429\b/i,
    ],
    cause: 'the upstream (or a LiteLLM limit) refuses more requests for now: a rate limit or an exhausted quota',
    fix: 'wait and retry; lower concurrency (subagents); raise the limit with the provider, or set rpm/tpm and fallbacks on the deployment',
    severity: 'fail',
    supersedes: ['upstream-error', 'auth-rejected'],
    source: 'Wei-Shaw/claude-relay-service#56; anthropics/claude-code#37488; farion1231/cc-switch#2877; anthropics/claude-code#65802 (a weekly or session limit); https://support.claude.com/ja/articles/12466728; vanna-ai/vanna-flask#11, continuedev/continue#10218 (tokens per minute); anomalyco/opencode#42050 (Free limit reached); router-for-me/CLIProxyAPI#1702 (exhausted your capacity); musistudio/claude-code-router#880 (ModelScope: Request limit exceeded); cline/cline#4196 (Bedrock throttling); gradusnikov/eclipse-chatgpt-plugin#61; anthropics/claude-code#7550 (5 hour limit reached); google-gemini/gemini-cli#23981; MoonshotAI/Kimi-K2#34; anthropics/claude-code#10333; continuedev/continue#6185; songquanpeng/one-api#330 (当前分组负载已饱和: a group\'s load, not only the upstream\'s); anomalyco/opencode#43215 (Insufficient account funds); jxq1997216/AITranslator#32 (RPH limit reached); anthropics/claude-code#39937 (out of extra usage); NousResearch/hermes-agent#68832 (Ollama: weekly usage limit); zai-org/GLM-5#68 (Fair Usage Policy); aixplain/aiXplain#978; chenyme/grok2api#508',
  },
  {
    code: 'anthropic-direct',
    keywords: ['credit balance', "before it reached anthropic's api", 'api.anthropic.com', 'anthropic services', 'organization has been disabled', 'no llm gateway:'],
    patterns: [/This organization has been disabled/i, /^\W{0,6}(?:API Error: )?Credit balance (?:is )?too low(?: ·|\s*$)|before it reached Anthropic's API/im, /Failed to connect to api\.anthropic\.com|Unable to connect to Anthropic services|api\.anthropic\.com[^\n]{0,60}(?:timed out|refused|ECONN|ENOTFOUND)/i, /\bNo LLM gateway: /],
    cause: 'Claude Code tried api.anthropic.com, not your proxy: ANTHROPIC_BASE_URL was not set for that run (plain `claude` instead of claude-<profile>), or an "env" block in a Claude Code settings file (user, project, local or managed) overrides what the function sets',
    fix: 'start it as claude-<profile>; run `ccenv doctor settings` to find a settings file whose "env" sets ANTHROPIC_BASE_URL, and remove that key',
    severity: 'fail',
    generic: true,
    source: 'anthropics/claude-code#217; observed with @anthropic-ai/claude-code 2.1.330 (an env block in ~/.claude/settings.json replaced the exported ANTHROPIC_BASE_URL)',
  },
  {
    // LiteLLM's router appends "No fallback model group found for original model_group=…" to any routed failure when no
    // fallback is configured: the failure before it is the cause, when the text names one.
    ...NO_DEPLOYMENTS,
    keywords: ['no fallback model group'],
    patterns: [/No fallback model group found/i],
    generic: true,
    // Of the two wrappers, the router's names the proxy's part in it.
    supersedes: ['upstream-error'],
    source: 'https://github.com/BerriAI/litellm/blob/main/litellm/router.py (the suffix of a routed failure without fallbacks); BerriAI/litellm#9016; BerriAI/litellm#10317',
  },
  {
    code: 'upstream-error',
    keywords: ['you can retry your request, or contact us through our help center', 'cloudflare-5xx-errors/error-52', ': connection timed out', ': web server is', ': origin is unreachable', 'server_error', 'unavailable_error', 'raised a streaming error', 'model runner has unexpectedly stopped', 'llama runner process has terminated', 'no output received from the engine', 'disconnected mid-stream', 'provider returned error', 'the server had an error', 'invalid response from an upstream', 'returning an unknown error', 'received model group', 'failed with the error above', 'internalservererror', 'serviceunavailable', 'unavailable', 'internal server error', 'bad gateway', 'upstream', 'api error: 50', 'api error (50', 'http 50', 'provider api request failed', '请求上游地址失败', 'upstream request failed', 'upstream service error', '上游服务暂时不可用', 'connection reset by claude api server', 'model requires more system memory', 'internalserverexception', 'unexpected error during processing', 'unable to get json response', 'server error mid-response', 'user location is not supported', 'unable to load model: /'],
    patterns: [
      // Cloudflare in front of a provider could not get an answer from its origin: 520 unknown error, 521 web server down, 522
      // connection timed out, 523 origin unreachable (524, the origin's answer took over 100 s, is a timeout).
      /\b52[0-3]: (?:Web server is (?:down|returning an unknown error)|Connection timed out|Origin is unreachable)\b|\bcloudflare-5xx-errors\/error-52[0-3]\b/i,
      // OpenAI's words for its own server_error (`An error occurred while processing your request. You can retry your request, or
      // contact us through our help center …`, openai/openai-node#1730).
      /\bYou can retry your request, or contact us through our help center\b/i,
      /model requires more system memory|internalServerException|The system encountered an unexpected error during processing|Unable to get json response/i, /请求上游地址失败|Upstream request failed|Upstream service error|上游服务暂时不可用|Connection reset by Claude API server/i, /"(?:type|code)":\s?"(?:server_error|unavailable_error)"/, /raised a streaming error/i, /model runner has unexpectedly stopped|llama runner process has terminated|No output received from the engine/i, /Provider disconnected mid-stream/i, /The server had an error while processing your request|received an invalid response from an upstream server|server is returning an unknown error|Received Model Group=|model group '[^'\n]{0,200}' failed with the error above|InternalServerError|ServiceUnavailable|Service (?:temporarily )?unavailable|Internal server error|Bad Gateway|no healthy upstream|upstream (?:connect )?error|Upstream provider|API Error:? \(?5\d\d\b|\bHTTP 50[0-3]\b/i, /"type":\s?"upstream_error"|Provider API request failed/i, /Server error mid-response/i, /User location is not supported for the API use/i,
      // A model server that could not load the model it was asked for (Ollama: `500: unable to load model: /…/blobs/sha256-…`).
      /\bunable to load model: \//i],
    cause: 'the upstream failed the call and LiteLLM passed its error on',
    fix: "read the upstream's message; check the upstream's status and its api_base, and the proxy log; ccenv doctor messages",
    severity: 'fail',
    generic: true,
    // OpenRouter's wrapper of any provider failure: its cause is the provider's own words (or status), when the text has them.
    symptoms: [/(?<!\b[45]\d\d\W{0,3})\bProvider returned error\b(?![^\n]{0,20}"code":\s?4\d\d)/i],
    source: "https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/ (520–523); anthropics/claude-code#67341; anthropics/claude-code#7046; anthropics/claude-code#7402; https://github.com/BerriAI/litellm/blob/main/litellm/router.py (appends 'Received Model Group=' to a routed failure); observed with LiteLLM 1.106.0 ('LiteLLM: model group … failed with the error above'); letta-ai/letta#2282 (Ollama's 'llama runner process has terminated'); google-gemini/gemini-cli#24641 (Gemini refusing the region: 'User location is not supported for the API use'); modelscope/modelscope#1597 (unable to load model)",
  },
];

/**
 * What an HTTP status alone says, for a text no signature matches ("API Error: 403 Forbidden", "Error code: 402 -
 * …", "status code 413"): the code of the cause each status stands for. 400 is left out (every request rejection
 * shares it). Sources: RFC 9110 §15 (https://www.rfc-editor.org/rfc/rfc9110#section-15); Anthropic's error types
 * per status (https://docs.anthropic.com/en/api/errors: 401 authentication_error, 403 permission_error,
 * 404 not_found_error, 413 request_too_large, 429 rate_limit_error, 500 api_error, 529 overloaded_error); LiteLLM's
 * exception mapping (https://docs.litellm.ai/docs/exception_mapping: 408 Timeout, 422 UnprocessableEntityError,
 * 503 ServiceUnavailableError); 402 for an exhausted balance (https://api-docs.deepseek.com/quick_start/error_codes);
 * Cloudflare's 520–523, its origin failed or could not be reached, and 524, the origin took too long to answer
 * (https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/).
 */
export const STATUS_CAUSES: Readonly<Record<number, string>> = {
  401: 'auth-rejected',
  402: 'rate-limit',
  403: 'auth-rejected',
  404: 'model-404',
  408: 'timeout',
  413: 'context-too-long',
  422: 'param-rejected',
  429: 'rate-limit',
  500: 'upstream-error',
  502: 'upstream-error',
  503: 'upstream-error',
  504: 'timeout',
  520: 'upstream-error',
  521: 'upstream-error',
  522: 'upstream-error',
  523: 'upstream-error',
  524: 'timeout',
  529: 'overloaded',
};

/**
 * An Anthropic error body's `"type"` where its status is not shown (a relay or an SDK quoting only the body), as the
 * status it stands for (STATUS_CAUSES); group 1. Source: https://docs.anthropic.com/en/api/errors (401
 * authentication_error, 403 permission_error, 404 not_found_error, 413 request_too_large, 429 rate_limit_error, 500
 * api_error, 529 overloaded_error).
 */
export const ERROR_TYPE_STATUS: Readonly<Record<string, number>> = {
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};
export const ERROR_TYPE_LINE = new RegExp(`"type"\\s?:\\s?"(${Object.keys(ERROR_TYPE_STATUS).join('|')})"`);

/**
 * A status in the forms clients print it: `API Error: 403`, `API Error (403`, `API Error: Request rejected (429)`, `Error code: 402`, `status code 413`,
 * `status=429`, `HTTP/1.1 503` (and an access-log line's `"POST /v1/messages HTTP/1.1" 500`), `"status": 504`, `"code": 401`, or a number with its reason phrase (`404 Not Found`)
 * or the Anthropic SDK's `401 status code (no body)`, or a proxy's `Error from provider(openrouter,qwen: 429)`, or a Go
 * server's access line `[GIN] … | 413 | …` (acheong08/ChatGPT-to-API#67; not its 404s, which are as often a client's telemetry path).
 * Group 1 or 2 is the status. An access-log line of a GET, HEAD or OPTIONS (a health probe, /metrics, a browser) is
 * not one: Claude Code's calls are POSTs ({@link PROBE_LOG_LINE}).
 */
export const STATUS_LINE = /(?:API Error:? ?\(?(?:[A-Z][a-z]+ [a-z]+ \()?|Error code:? ?|status(?:[ _]code)?["']?[:=]? ?|HTTP(?:\/\d(?:\.\d)?"?)? |"code":\s?"?|"response_code":\s?"?|\bcode=|\(\w[^()\n]{0,120}: |URL returned error:? |\btoo many |\[GIN\][^|\n]{0,40}\|\s{1,3}(?!404\b))([45]\d\d)\b|\b([45]\d\d) \(?(?:status code\b|Unauthorized|Payment Required|Forbidden|Not Found|Request Timeout|Payload Too Large|Unprocessable Entity|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/i;
/** A status opening a line before a capitalised word or a body (`429 Provider returned error`, `502 {"error":…}`); group 1. Case-sensitive: `404 files scanned` is a count. */
export const LEADING_STATUS = /^\W{0,4}([45]\d\d) (?=[A-Z{])/;
/** An access-log line of a request that is not an API call: `"GET /metrics HTTP/1.1" 404`. */
export const PROBE_LOG_LINE = /"(?:GET|HEAD|OPTIONS) [^"\n]{0,300} HTTP\/\d(?:\.\d)?" [45]\d\d\b/;

/**
 * What an error line is about, for a line no signature matches: a cause's subject (`max_tokens`, a tool call, the
 * key) next to words of refusal (invalid, exceeds, missing, not supported), on a line that reads as an error.
 * Tried in this order, the first that fits names the line's cause; only when no signature matched anywhere in the
 * text, and before a bare HTTP status ({@link STATUS_CAUSES}). The subjects are the causes' own terms (each
 * signature's cause); the refusal words are the ones the documented messages use (test/unit/explain-vocabulary.test.ts),
 * among them the request validators' (pydantic/FastAPI, serde/axum, Jackson, OpenAI's `Invalid 'field': …`).
 */
export const TOPICS: readonly {
  code: string;
  subject: RegExp;
  refusal: RegExp;
  /** Any word is refusal enough (`busy`, `timed out` say it all): so the line itself must read as an error, not only its paragraph. */
  ownLine?: boolean;
}[] = [
  { code: 'max-tokens-rejected', subject: /\bmax[_ ]?(?:output[_ ]|completion[_ ]|new[_ ])?tokens\b|\bmaxOutputTokens\b/i, refusal: /exceed|too (?:large|big|high|many)|must be|at most|between|out of range|greater than|invalid|not (?:valid|supported|allowed)/i },
  { code: 'thinking-rejected', subject: /\b(?:thinking(?:_config)?|reasoning(?:_effort|_content)?|enable_thinking|budget_tokens)\b/i, refusal: /invalid|unsupported|not (?:supported|allowed|permitted|enabled)|unknown|unrecognized|does not support|must|should be|required|missing|can't|cannot|only (?:enabled|supported|allowed)/i },
  // A JSON Schema in Claude Code's request is a tool's input_schema: a schema refused is a tool definition refused.
  { code: 'tool-input-invalid', subject: /\b(?:server_)?tool(?:_use|_results?|_calls?|_choice|s|Config|Use|Result)?\b|\bfunction[_ ]?call|\bfunction '|\b(?:JSON )?schema\b/i, refusal: /invalid|malformed|missing|required|must|should match|could not be parsed|failed to parse|not valid json|unexpected|does not support|not supported|cannot|not of type|failed|too short/i },
  { code: 'context-too-long', subject: /\b(?:context(?:[ _](?:window|length|size|limit))?|prompt|input(?:[ _]tokens?)?|conversation|messages?)\b/i, refusal: /too long|too large|exceed(?:s|ed)?\b|too many tokens|over the limit|\bis limited to \d|超长|超出/i },
  // A provider's or gateway's safety check that refused the text (`Input data may contain inappropriate content`, `blocked by input guardrail`, 敏感内容).
  { code: 'content-filtered', subject: /\b(?:guardrails?|content (?:policy|filter(?:ing)?|management policy|moderation)|safety (?:system|filters?|settings?|policy|checks?)|moderation|inappropriate(?: content)?|sensitive content|unsafe content|usage policy|prohibited content)\b|敏感|不安全|违规|审核/i, refusal: /blocked|violat|flagged|rejected|refused|may contain|detected|triggered|denied|not allowed|检测|拦截|包含/i },
  // (`param` not as a JSON key: every OpenAI error body has `"param": null`.)
  { code: 'param-rejected', subject: /\b(?:parameters?|params?(?!["']\s?:)|arguments?|fields?|properties|property|roles?|temperature|top_[pk]|(?:presence|frequency)_penalty|validation errors?|payload|(?:request|JSON) body|system (?:role|messages?))\b|\bdeserializ|\bInvalid '[\w.[\]-]{1,80}'|参数/i, refusal: /illegal|doesn't support|does not support|must alternate|invalid|unknown|unsupported|not supported|not allowed|not permitted|unrecognized|extra|required|missing|expected|should be|must be|does not match|cannot|unavailable|有误/i },
  { code: 'unknown-model', subject: /\bmodel\b|模型/i, refusal: /not found|does not exist|not exist|unknown|no such|invalid|not (?:yet )?supported|不存在/i },
  { code: 'rate-limit', subject: /\b(?:rate|quota|balance|credits?|billing|concurrency|(?:request )?frequency|usage limits?|(?:daily|hourly|monthly) (?:request |token )?limits? (?=(?:has been |was |is )?(?:reached|exceeded|hit)\b)|RPM|TPM|RPD|TPD)\b|余额|额度/i, refusal: /limit|exceed|insufficient|exhausted|reached|too low|too many|不足|超/i },
  { code: 'auth-rejected', subject: /\b(?:api[_ -]?key|(?<!Unexpected )token|auth(?:entication|orization)?|credentials?|unauthori[sz]ed)\b|认证|鉴权/i, refusal: /invalid|missing|expired|incorrect|wrong|failed|fails|denied|not valid|revoked|unauthori[sz]ed|\bis required\b(?! to\b)|失败|无效/i },
  { code: 'overloaded', subject: /\b(?:overload(?:ed)?|capacity|busy)\b|繁忙|过载/i, refusal: /./, ownLine: true },
  { code: 'timeout', subject: /\btim(?:ed|e)[ -]?out\b|\btimeout\b|\bdeadline\b/i, refusal: /./, ownLine: true },
  // The transport's own words, after the causes above (a connection that timed out is the timeout's): a certificate
  // refused, a connection cut, an address that does not answer (not Zed's `Failed to connect to API: 400 …`, an answer).
  { code: 'tls-error', subject: /\b(?:SSL|TLS|cert(?:ificate)?s?)\b/i, refusal: /problem|invalid|verif|self[- ]signed|expired|untrusted|not trusted|unknown (?:ca|issuer|authority)|handshake|failed/i },
  { code: 'connection-reset', subject: /\b(?:connection|socket)\b/i, refusal: /\breset\b(?!\s(?:after|in|at)\b)|closed|hang up|terminated|aborted|disconnected/i },
  { code: 'proxy-unreachable', subject: /\bconnect(?:ion)?\b(?![^\n]{0,40}: [45]\d\d\b)|\breach\b/i, refusal: /unable|could not|couldn't|failed to\s|refused|cannot|can't|no route/i },
];

/**
 * What makes a line an error report even in documentation or source: `API Error`, `Error code: 400`, an exception's
 * name and colon (`RateLimitError: …`), a Node error code (`ECONNREFUSED`), an HTTP status with its reason phrase, or
 * a line that begins with error. REPORTS_NAMED: the same without the codes and statuses (prose names those).
 */
const NAMED = String.raw`API Error|Error code:? ?\d|\w(?:Error|Exception)(?::| -) `;
const CODES = String.raw`\bE[A-Z]{4,}\b(?!-\d)|\b[45]\d\d (?:Too Many Requests|Unauthorized|Forbidden|Not Found|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b`;
const OPENS = String.raw`(?!\s*#\[)\W{0,6}(?:error|ERROR|Error)\b(?!\.\w)`;
const REPORTS_NAMED = `[^\\n]*(?:${NAMED})|${OPENS}`;
const REPORTS = `[^\\n]*(?:${NAMED}|${CODES})|${OPENS}`;
/** A line that reports an error itself, wherever it stands ({@link REPORTS}). */
export const REPORTS_ERROR = new RegExp(`^(?:${REPORTS})`);

/**
 * The opening fence of a Markdown code block of source, config or a diagram (```python, ```yaml, ```mermaid): its
 * lines are what a program says it would do, not what it printed — documentation to explain, like {@link DOC_LINE},
 * unless a line reports an error itself ({@link REPORTS_ERROR}: a traceback's last line pasted in a ```python block).
 * Blocks of logs, shells and JSON (```, ```text, ```console, ```json) are output.
 */
export const SOURCE_FENCE = /^\s{0,3}(?:```|~~~)\s?(?:mermaid|python|py|javascript|js|jsx|typescript|ts|tsx|go|rust|java|kotlin|swift|c|cpp|csharp|cs|ruby|php|toml|ini|ya?ml|dockerfile|hcl|lua)\s*$/i;

/** DOC_LINE's rules for source code and lists of statuses: documentation even on a line that names an error. */
const DOC_CODE = new RegExp(
  [
    // Source code that handles, tests, builds or prints a failure (`except RateLimitError:`, `if (response.status === 529`,
    // `self.assertRaises(…)`, `class AuthenticationError(Exception):`).
    /^\s*(?:print|console\.(?:log|error|warn|info)|logger\.\w{1,10}|logging\.\w{1,10}|except|catch|import|from [\w.]{1,60} import|def|throw new|raise \w{1,60}\(f?["']|""\"|''')\b|^\s*(?:\/\/[\/!]?\s|\*\s(?:-|\d{1,2}\.|@\w+)\s|assert\s|class [A-Z]\w{0,60}\(|return f?["'][^"'\n]{0,200}%s|[\w.]{1,80}\s?=\s?[A-Z]\w{2,60}(?:Error|Exception)\(|(?:self\.)?assert\w{0,30}\(|pytest\.raises\(|expect\(|(?:\}\s?)?(?:else )?if\s?\(|elif\s|case\s[\w'"]|(?:\}\s?)?(?:else )?if\s[^\n]{1,200}[:{]\s*$|(?:it|test|describe)(?:\.\w{1,10})?\(\s?["'`]|[A-Z]\w{0,60}(?:Error|Exception),\s*$|return new [A-Z]\w{0,60}\(|#\[\w{1,30}[(\]]|[\w.]{0,60}status_code\s?=\s?[45]\d\d\s*$|\(?[a-z_]\w{0,30}(?:\.\w{1,40}){1,5},\s*$)/.source,
    // A list of statuses in code or prose (`status_forcelist=[429, 500, 502, 503, 504]`, `default: 408, 425, 429, 500`): the ones
    // a program retries on, anywhere on the line; a status in backticks as a list's term (`- `503 Service Unavailable`: …`), even
    // with its reason phrase; a status a mock or a test answers (`res.status(429)`, `Response(429, …)`, `responses.add(…, status=429)`).
    /[[({]\s?[45]\d\d,\s?[45]\d\d\b|\b[45]\d\d,\s?[45]\d\d,\s?[45]\d\d\b|^\s*[-*•]\s{1,3}`[45]\d\d[^`\n]{0,40}`\s?[:：-]|\.status\(\s?[45]\d\d\s?\)|\bResponse\(\s?(?:status(?:_code)?=)?[45]\d\d\b|\w\([^\n]{0,200}\bstatus(?:_code)?=[45]\d\d\b[^\n]{0,100}\)\s*;?\s*$/.source,
    // A change that fixes or avoids an error by its code (`- … proxy env injection skipped for claude-agent to fix ECONNREFUSED
    // 127.0.0.1:443`, manufosela/karajan-code#345).
    /[^\n]{0,300}\bto (?:fix|avoid|prevent) (?:an? |the )?E[A-Z]{4,}\b/.source,
    // A reference's status (or statuses, or a Node error code) as a table row with only its closing pipe (`429 Too Many Requests |
    // The limit … has been exceeded |`, `500 / 502 / 503 | Transient upstream issue | Usually clears fast; retry |`, `ENOTFOUND | DNS
    // resolution failed | Invalid hostname | DNS Issues |`).
    /^\s{0,3}(?:[45]\d\d(?:\s?\/\s?[45]\d\d)* [A-Z][A-Za-z ]{2,40}|[45]\d\d(?:\s?\/\s?[45]\d\d)+|E[A-Z]{4,}(?:_[A-Z]+)*)\s?\|(?:\s?[^|\n]{1,200}\|){1,6}\s*$/.source,
    // A page's title or heading about a status or error (`429 Too Many Requests rate limit エラーの解決方法`, `HTTP 429 … とは?`, a wiki's
    // `401 Unauthorized[편집]`, a Chinese section's `二、401 Unauthorized`); two statuses with their reason phrases listed in
    // parentheses (`(500 Internal Server Error, 529 Overloaded)`); statuses mapped to a class (`401/403 → \`Unauthorized\``); an
    // error's form quoted with its details elided (`str(e) like 'Error code: 404 - ...'`).
    /「[^「」\n]{1,80}」(?:は|とは)[、,]|(?:とは[?？]|の解決方法|の対処法|の原因と(?:対策|対処法?|解決策?)|해결 방법|원인과 해결)|\[(?:편집|edit|編集|编辑)(?:\s?\/[^\]\n]{0,20})?\]\s*$|^\s{0,3}[一二三四五六七八九十]{1,3}、|\([^()\n]{0,40}\b[45]\d\d [A-Z][\w ]{2,30}, (?:and )?[45]\d\d [A-Z][\w ]{2,30}\)|\b[45]\d\d(?:\/[45]\d\d)*\s?(?:→|->|=>)\s?`|\b(?:like|such as|e\.g\.,?) ['"`][^'"`\n]{1,80}(?:\.\.\.|…)['"`]/.source,
  ].join('|'),
);

/**
 * DOC_LINE's other rules, for a line that does not report an error itself ({@link REPORTS_ERROR}: not `## API Error: 400 …`,
 * `| API Error: 429 … |`, `error: upstream connect error … # retried 3 times`, `# Error: getaddrinfo ENOTFOUND litellm`).
 */
const DOC_PROSE = new RegExp(
  `^(?:${[
    /\s{0,3}(?:#{1,6}\s(?![-=>$→⇒])|\|[^\n]*\|\s*$|[-*] \[[ xX]\] )|[A-Za-z`"'*][^|\n]{0,200}\|(?:[^|\n]{1,200}\|){2,}\s*$/.source,
    /\s*[-+]?\s?#?[\w.-]{1,60}(?::|\s?=)\s[^#\n]{0,200}\s#\s/.source,
    // An API description's own field (OpenAPI's `description: Too many requests`), unquoted as no JSON body has it; a
    // table of statuses copied from a page with its cells run together (`401Authentication ErrorVerify API Key`).
    /\s*(?:description|summary|title):\s|\s*[1-5]\d\d[A-Z][A-Za-z ]{2,40}[a-z][A-Z]/.source,
    /\s{0,3}(?:[-*]\s)?(?:If (?:the|a|an|you|your) |When (?:the|a|an) [^,\n]{0,60} returns |[Rr]etr(?:y|ies)\b(?: [\w`]{1,20}){0,3} on\b)/.source,
    // A question as a heading (`What Is a 429 Rate-Limit Error?`); an API reference's sentence about an exception class
    // (`Errors that occur because the OpenAI API returned an HTTP code 429`).
    /\s{0,3}(?:What|Why|How|When) (?:[Ii]s|[Aa]re|[Dd]oes|[Dd]o|[Cc]auses?|to)\b[^\n]{0,120}\?\s*$|[^\n“"]{0,60}(?:怎么办|如何处理|如何解决)[?？]?\s*$|\s{0,3}(?:Errors?|Exceptions?) (?:that|which) (?:occurs?|happens?|(?:is|are) raised)\b|\s{0,3}Raised when\b/.source,
    /\s{0,3}(?:[-*•]\s{1,3})?(?:[^\x00-\x7F]{1,4}\s)?(?:Subject: )?(?:\[PATCH[^\]\n]{0,20}\] )?(?:[Ii]mplement(?:ed|s)?|[Ff]ix(?:ed|es)?|[Ff]eat(?:ure)?|[Aa]dd(?:ed|s)?|[Cc]hore|[Rr]efactor|[Ii]mprove[ds]?|[Hh]andl(?:e[ds]?|ing)|[Ss]upport(?:ed|s)?|(?:[Cc]larif(?:y|ied|ies)|[Uu]pdate[ds]?|[Dd]ocument(?:ed|s)?|[Rr]evise[ds]?)(?![^\n]*\b(?:I|I'm|my|me|we|our|still|now|again|getting|keeps?)\b)(?!:)|(?:docs?|perf|test|build|ci)(?=[(:]))(?:\([\w-]{1,30}\))?:?\s(?![^\n]*(?:error|Error|exception)\W{0,3}["“`])/.source,
    /\s*\S{1,200}\s+\|\s+\d+ [+-]{0,80}\s*$|\s*create mode \d{6} /.source,
    // A curl command's header and data lines (`  -H 'anthropic-beta: …'`): the request sent, not its answer (its URL, on
    // the curl line itself, still says where it went).
    /\s{0,8}-(?:H|d|-header|-data(?:-raw)?)\s['"]/.source,
    // Prose that lists kinds of failure (`transient failures like rate limits, timeouts…`), a list item that maps a code to
    // its message (`- \`error_max_budget_usd\` → "max budget exceeded"`).
    /[^\n]{0,300}\b(?:failures|errors|issues|problems|conditions) (?:like|such as|including|[-–—](?=\s[^\n,]{1,40},))\s|\s{0,3}[-*•]\s{1,3}`[^`\n]{1,60}`\s?(?:→|->|=>)\s/.source,
    // A CLI's help line for an option (`--fallback-model <model>   Enable automatic fallback … when … overloaded`), a map's
    // entry for a status (`400: "Invalid Model: …",`), a table row without its outer pipes (`429 | Too Many Requests`), a
    // changelog line that links its pull request (`- Properly catch context window exceeded errors - [PR #18283](…)`).
    /\s*(?:-\w, )?--[\w-]{2,40}(?: <[\w-]+>| \[[\w-]+\])?\s{2,}\S|\s*[45]\d\d\s?:\s?["'][^"'\n]{1,200}["'],?\s*$|\s*[45]\d\d\s?\|\s?(?:[A-Z]|[^\x00-\x7F]|[a-z]+_[a-z_]+\s?\|)|[^\n]{0,300}(?:\[PR #\d+\]\(|\bin https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/pull\/\d+|\(#\d{2,6}\)\s*$)/.source,
    // A doc comment's line (` * Calls the API with automatic retry on 529 (overloaded) errors.`; not curl -v's `* Trying …`), a
    // code comment (`// 529 = Anthropic overloaded …`, `#Handle rate limit error`), a changelog entry naming its issue (`(Issue
    // #53)`) or saying what a feature does (`- Detects HTTP 429 rate limit responses`), a status map's entry as an object
    // (`429 : {type : 429, …}`), a type's union of statuses (`| 401 // Unauthorized`), a first-person sentence of a request
    // (`- I needed to ONLY see … why it failed (timeoutError)`), a pull request's item (`- strips inherited provider credentials …`),
    // an error-code table's row that names the code first (`InvalidParameter | 400 | 参数错误… |`).
    /\s*\/\*\*|\s+\*\s[A-Z][a-z]+\s[a-z]|\s*\/\/!?\s|\s*#[A-Za-z]|[^\n]{0,300}\((?:[Ii]ssue |PR )?#\d{1,6}\)\s*$|\s*[45]\d\d\s?:\s?\{\s?\w+\s?:|\s*\|\s?[45]\d\d\s*(?:\/\/[^\n]*)?$|\s{0,3}(?:[-*]\s)?I (?:need|needed|want|wanted|would like|think|thought)\b|\s{0,3}[-*•]\s{1,3}(?:[Dd]etects|[Ss]hows|[Dd]isplays|[Hh]andles|[Cc]atches|[Pp]revents|[Aa]llows|[Uu]pdates|[Rr]emoves|[Ww]arns|[Tt]racks|[Ss]urfaces|[Rr]etries|[Ss]trips|[Pp]rovides|[Vv]erifies|[Bb]locks|[Ee]nsures|[Ss]kips|[Rr]efreshes|[Rr]eplaces|[Ee]xposes|[Dd]ocuments|[Ii]ntroduces|[Ss]plits|[Cc]lassifies|[Dd]istinguishes|[Tt]reats|[Mm]arks|[Ee]xplains|[Cc]larifies|[Dd]escribes|[Rr]ecommends|[Ss]uggests)\s(?![^\n]*,? but\b)|\s*[A-Za-z][\w.]{1,60} \| [45]\d\d \| [^\n]{0,300}\|\s*$/.source,
    // Statuses as a program's table (`InternalServerError = 500`, `407 - HTTPProxyAuthenticationRequired`, `413: "Payload too
    // large", 415: …`), and prose that lists kinds of failure in parentheses (`its kind (rate limit, context window, …)`).
    /\s*[A-Z][A-Za-z]{2,60}\s?=\s?[45]\d\d\s*,?\s*$|\s*[45]\d\d\s?[-–—:]\s?HTTP[A-Z]\w+|[^\n]{0,300}\b[45]\d\d\s?:\s?["'][^"'\n]{1,60}["'],\s?[45]\d\d\s?:|[^\n]{0,300}\([a-z][\w-]{1,20} [\w -]{1,20}(?:,\s*$|(?:, [a-z][\w -]{1,30}){2,})/.source,
    // A table's row without its outer pipes that opens with a field (`error.type | string or null | A coarse category …`; not
    // a log's `[GIN] … | 401 |` nor `n8n <> | error | …`), an error-code table's line run together that opens with a status
    // and a dash, its cause after (`429 - The engine is currently overloaded … Cause: …`), or with a type (`529
    // overloaded_error 过载 …`), a bullet naming a setting (`• "context_window":
    // Fallbacks for …`), a changelog's `Fixed an issue where …`, a feature's `Automatically switches … when input exceeds …`.
    /\s*[a-z][\w.]{1,60} \| [^|\n]{1,60} \| |\s{0,3}[45]\d\d\s[-–—]\s[^\n]{1,200}(?:Cause|Solution|原因|解决)\s?[:：]|\s{0,3}[45]\d\d\s(?:[-–—]\s)?[a-z]+_[a-z_]+\b[^\n{}"]{0,80}[\u3000-\u9fff]|\s*[-*•]\s{1,3}["`'][\w.-]{1,60}["`']:\s[A-Z]|\s*[-*•]\s{1,3}`[^`\n]{1,80}`\s(?:is|are|returns?|should|must|maps? to|becomes)\b|\s*[A-Z][A-Za-z]{2,40},\s*$|\s*\w{0,60}(?:Error|Exception)\w{0,30}:\s?\d+\s*$|\s*[a-z_]{2,40}=["'][^"'\s]{0,200}["'],?\s*$|[^\n]{0,120}\b[Ff]ix(?:ed|es)? (?:an? |the )?(?:issue|bug|problem|crash|regression)s? (?:where|when|that|with|causing|in which)\b|\s{0,3}(?:[-*•]\s{1,3})?Automatically\s[a-z]/.source,
    // An SDK's README on what it raises and retries (`When the library is unable to connect to the API (…), a subclass of
    // `anthropic.APIConnectionError` is raised.`, `On timeout, an `APITimeoutError` is thrown.`, `408 Request Timeout, 409
    // Conflict, … are all retried by default`), a field's description (`error.metadata.limit_source is openrouter_credits when
    // …`), a Q&A heading that quotes a message (`「Rate limit exceeded」`), advice (`- 确保API密钥…正确`, ensure the key is right), a
    // list's bold label (`**Description:** …`, `1. **Automatic Retry** - Retries on rate limit errors`), a status in backticks as a
    // list's term (`- `503 Service Unavailable`: …`).
    /\s{0,3}(?:When|Whenever|On) [^\n]{0,200}?(?:\b(?:is|are) (?:raised|thrown)\b|,\s*$)|[^\n]{0,300}\b[45]\d\d [A-Z][\w ]{2,30}, (?:and )?(?:[45]\d\d|>=\s?5\d\d)\b|[^\n]{0,300}\b(?:are|is|will be|get) (?:all )?(?:retried|retryable)\b|[^\n]{0,200}\berror(?:\.\w{1,30}){1,4} (?:is|contains|holds)\b|\s*「[^」\n]{1,120}」\s*$|\s{0,3}[-*•]\s{1,3}(?:请?确保|避免|建议|检查|注意)|\s{0,3}(?:\d{1,2}[.)]\s{1,3}|[-*•]\s{1,3})?\*\*[^*\n]{1,60}\*\*\s?[-–—:]?\s|\s{0,3}\*\*(?:Description|Summary|Purpose|Expected|Result|Notes?):\*\*\s|[^\n]{0,300}\[[^\]\n]{1,80}\]\((?:#|https?:\/\/|\.{0,2}\/)[^)\s]{0,200}\)/.source,
    // A limit one would hit, spoken of (`With this we can see what's going on when we hit a rate limit.`; not before a colon and
    // what it printed).
    /[^\n]{0,200}\b(?:when|if|once|before) (?:we|you|they|users?|it|clients?) (?:hit|reach|exceed)s? (?:a|the|an|any|your|their) [\w -]{0,20}limits?\b(?![^\n]{0,20}[:{])/.source,
    // A list item's three labels or more in backticks (`- Status results: \`✓ Connected\`, \`! Needs authentication\`, \`✗ Timed out\`, …`).
    /\s{0,3}[-*•]\s{1,3}[A-Z][\w ]{1,40}:\s`[^`"\n]{1,60}`(?:,\s(?:(?:and|or)\s)?`[^`"\n]{1,60}`){2,}(?:,?\s(?:…|\.{3}|etc\.?))?\s*$/.source,
    // A page's note under its example (`This error is from OpenAI (notice OpenAIException).`); a message quoted to say what it
    // means (`"Rate limit reached" in Claude Code means one of three things.`) or why it came (`… hit 'connection refused' because
    // WSL2's NAT …`); a failure that can happen (`running \`claude\` can fail with a misleading “credit balance too low” error`);
    // a change that avoids one (`- Set supportsStore: false to avoid "Extra inputs are not permitted" errors`).
    /\s{0,3}This (?:error|response|exception) (?:is from|comes from|means|indicates)\b|(?![^\n]*\b(?:I|I'm|I've|my|me|we|our|us)\b)\s{0,3}["“'`][^"”'`\n]{3,160}["”'`](?: [\w.-]{1,30}){0,5} (?:means|indicates|is (?:returned|raised|thrown|shown) when|(?:occurs|happens|appears) when)\b|(?![^\n]*\b(?:I|I'm|I've|my|me|we|our|us)\b)(?![^\n]*\b(?:error|exception|failed)\s?:)[^\n]{0,200}\b(?:hit|hits|see|sees|get|gets|shows?|returns?|throws?|with)\s(?:an? |the )?["“'`][^"”'`\n]{3,80}["”'`] because\b|[^\n]{0,300}\b(?:can|may|could|might) (?:also )?(?:fail|error out|break) with\b|[^\n]{0,200}\b(?:to (?:avoid|prevent)|avoids|prevents)\s(?:the |an? )?["“'`][^"”'`\n]{3,120}["”'`]/.source,
    // Pages and changelogs in Chinese and Japanese: a feature's purpose (`…以降低成本并提高速率限制。`), a list of kinds of failure
    // (`（超时、临时 500 等）`), a feature that acts by itself (`- 切换到 … 时会自动清理…`), a release line that ends on its fix (`… 429 rate
    // limit 重试修复`), a condition (`上限に達した場合、…`) or a status an API answers with (`ステータスコード 429 で応答します`); a
    // changelog's `is no longer reported`; a sentence that says it tells kinds of failure apart (`… now distinguish gateway-token
    // rejection, provider authentication failures, explicit quota/budget exhaustion, …`).
    /[^\n]{0,200}(?:以|来|从而)(?:降低|减少)(?:成本|延迟|费用)|[^\n]{0,200}（[^）\n]{1,60}等）|\s{0,3}[-*•]\s{1,3}[^\n]{0,80}(?:会|将)自动|[^\n]{0,160}(?:重试|兼容|处理)修复\s*$|[^\n]{0,20}(?:该|此|这个)?状态码(?:表明|表示|意味着|说明)|[^\n]{0,60}(?:場合|とき)[、,]|[^\n]{0,200}[45]\d\d ?(?:で応答|を返(?:します|す)|が返され)|[^\n]{0,300}\b(?:is|are|was|were) no longer (?:reported|shown|thrown|raised|returned|logged|treated)\b|[^\n]{0,200}\b(?:distinguish(?:es)?|classif(?:y|ies)|categori[sz]es?) (?:\b(?:[\w/-]{2,30} ){1,3}(?:rejections?|failures?|errors?|exhaustion|throttling|timeouts?),\s){2,}/.source,
    // An error-code table as a list (`• 429 - rate_limit_error: …`) or as an API reference's error names (`Bad Gateway
    // Error`, a generated SDK's class in words), a test plan's item (`- Test error handling for …`).
    /\s*(?:Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Unprocessable Entity|Too Many Requests|Internal Server|Bad Gateway|Service Unavailable|Gateway Timeout) Error\s*$|\s{0,3}[-*•]\s{1,3}[45]\d\d\s?(?:[-–—:]\s|\([^)\n]{1,40}\)\s|with\s)|\s{0,3}(?:[-*]\s{1,3})?[Tt]est(?:s|ing)? (?:error handling|(?:the )?(?:error|failure) (?:paths?|cases?))\b/.source,
  ].join('|')})`,
);

/** A line that names an error (REPORTS_NAMED: `API Error`, an exception's name and colon, a line that opens with error). */
const REPORTS_NAMED_ERROR = new RegExp(`^(?:${REPORTS_NAMED})`);

/**
 * DOC_LINE's prose about a status rather than a status received, for a line that names no error ({@link
 * REPORTS_NAMED_ERROR}): `The API will respond with 429 Too Many Requests when …`, `429 Too Many Requests response with a
 * Retry-After header …`, `keeps you out of 429 Too Many Requests trouble`, `you will receive a 429 HTTP status code`, `An
 * HTTP 429 means …`, `RFC 6585 defines 429 as …`, `An API returns a "429 Too Many Requests" error, indicating …`, `Requests
 * without a valid token receive a \`401 Unauthorized\` response` (a status in backticks after the condition that brings it, no
 * first person; not `every call gets a \`429\` response`).
 */
const DOC_STATUS = new RegExp(
  `^${
    /[^\n]{0,300}(?:\b(?:will|would|should|must|may|might|can) (?:(?:respond|return|reply|answer) with|return|receive|get) (?:an? |the )?(?:HTTP )?[45]\d\d\b|\bdefines? (?:HTTP )?[45]\d\d as\b|\b(?:An?|The) (?:error|response) with (?:the |a )?(?:HTTP )?status(?: code)? [45]\d\d\b|(?![^\n]*\b(?:I|I'm|I've|my|me|we|our|us)\b)\bIf [^\n]{0,160}, it (?:returns?|responds? with|answers? with) an? (?:HTTP )?[45]\d\d(?: [A-Z][A-Za-z]+){0,3}(?: (?:error|status|response))?(?:\s*(?:[.,;]|$| (?:and|so|which|instead)\b))|\breturns? an? ["“]?(?:HTTP )?[45]\d\d\b[^\n]{0,60}?\b(?:error|status|response)["”]?,? (?:indicating|meaning|which (?:means|indicates))\b|\b[45]\d\d (?:Too Many Requests|Unauthorized|Forbidden|Not Found|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout) (?:trouble|errors|responses|response (?:with|that|which|status)|status code)\b|\b(?:An?|The) (?:HTTP |API )?[45]\d\d (?:\([^)\n]{1,30}\) )?(?:(?:error|status|response)s? )?(?:indicates?|means|occurs|happens)\b|\byou(?:'ll| will)? (?:get|see|receive|hit) an? (?:HTTP )?[45]\d\d\b|\b(?:An?|The|This) [A-Z][\w-]{1,30} (?:HTTP )?[45]\d\d (?:error|status|response)\b[^\n.]{0,80}?\b(?:indicates?|means)\b|(?:将|会)返回 ?(?:HTTP ?)?[45]\d\d|返回 ?[45]\d\d ?状态码|\bon (?:an? )?(?:HTTP )?[45]\d\d (?:response|status|error)s?\b|\b[45]\d\d [A-Z][A-Za-z ]{2,30} ?(?:响应|応答|レスポンス)|^(?![^\n]*\b(?:I|we|my|our)\b)[^\n]{0,200}\b(?:without|with an? (?:invalid|wrong|missing|expired)|that (?:exceed|lack))\b[^\n]{0,60}\b(?:receive|get)s? an? `(?:HTTP )?[45]\d\d[^`\n]{0,40}` (?:response|status|error)\b)/.source
  }`,
);

/**
 * A line of documentation or configuration, not of output: a Markdown heading or table row (a docs page's table of
 * error types, a "Rate Limiter" heading), or a YAML or TOML setting with a comment (`request_timeout: 10 # raise Timeout
 * error …`), or a sentence of prose that opens with a condition (`If the error is a context window exceeded error,
 * fall back …`, `When the API returns HTTP 429, …`) or says what a retry policy retries on (`Retries on 429 (Rate Limit)
 * and 5xx errors`), a task-list item (`- [ ] …`), a changelog or commit line (`* Fix 429 response handling`,
 * `- Feature: automatically retry when rate limited`, `Subject: [PATCH 1/3] fix: …`; not one quoting the error it
 * fixed, `Fixes the JavaScript error "undefined is not an object …"`), a `git show` file summary, or a line of source code that
 * handles or prints a failure (`except RateLimitError:`, `print(f"Rate limited. Retrying …")`). Its words name
 * failures without reporting one: explain takes no evidence from it. Tested as three expressions, each only where it
 * can match (the rules that hold whatever the line reports first; the rest only on a line that does not report an error),
 * so a pasted error line never compiles the larger two.
 */
export const DOC_LINE: { readonly test: (line: string) => boolean } = {
  test: (line) => DOC_CODE.test(line) || (!REPORTS_ERROR.test(line) && DOC_PROSE.test(line)) || (!REPORTS_NAMED_ERROR.test(line) && DOC_STATUS.test(line)),
};

/**
 * A page's line that introduces the body below it as an example (`When an error occurs, the gateway returns a JSON
 * response with error details:`, `… the response has this structure:`, `… use the standard OpenAI error envelope:`,
 * `An Anthropic 529 response with "type": "overloaded_error" means …`, `- 예시 응답:`, a page's `Examples` or `例` alone on its line —
 * not `Example output`, a user's heading over their own), not a user's (`I get this error:`); what it introduces must be a body
 * (explain.ts): a fenced block, JSON, or an HTTP response, under one caption at most (`Provider Error (from OpenAI)`, or a
 * sentence that says it shows a sample: `Illustrative trace when … :`).
 */
export const EXAMPLE_INTRO = /^(?![^\n]*\b(?:I|I'm|I've|my|me|we|our|us)\b)(?:[^\n]*\b(?:structure|format|envelope|shape|schema|error object|as follows|response with error details)\b[^\n]{0,40}:\s*$|[^\n]*(?:格式|结构|示例|如下|通常包含|形式|以下の通り|예시)[^\n]{0,20}[:：]\s*$|\s{0,3}(?:#{1,6}\s)?(?:Examples|例|示例)\s*$|(?=[^\n]*(?<![\w.-])[45]\d\d(?![\w.-]))[^\n]{40,}\b(?:means|indicates)\b[^\n]*\.\s*$)/i;

/** A help page's heading over the explanation below it (`Cause:`, `Possible causes`, `Solution:`, `Quick fixes`, `原因:`). */
export const EXPLAINER_HEADING = /^\s*(?:Causes?|Possible causes?|Reasons?|Solutions?|Quick fix(?:es)?|How to fix(?: it)?|原因|可能原因|解决(?:方法|方案|办法)?)\s*[:：]?\s*$/i;
/**
 * One entry of a list of error types, alone on its line: a class hierarchy's (`│ ├── RateLimitError (429)`, `└──
 * APIConnectionTimeoutError`), a type's variants (`AuthenticationError(message: String)`, OCaml's `7. | Overloaded_error`),
 * a list's (`- TimeoutError`). Three in one paragraph make it a reference's list (explain.ts), no failure.
 */
export const ERROR_TYPE_ENTRY = /^[\s│├└┃|─-]{0,12}(?:\d{1,2}\.\s{1,3}\|?\s?|[*•]\s)?[A-Z][A-Za-z0-9]{0,60}(?:_[a-z]{1,20}){0,4}(?:Error|Exception|_error|_exception)(?:<[^<>\n]{0,60}>)?(?:\s?\([^()\n]{0,80}\)|\($| of \w{1,20})?\s?[,{]?\s*$/;
/**
 * A page's sentence that introduces a list of conditions or points (`Fallbacks execute in order when:`, `Three things decide
 * whether a local Claude Code session works:`), not a report's (`I get this error when:`, `Steps to reproduce:`, `these two
 * happen:`, nor one that reads as an error, ERROR_LINE: `The GenerateContentRequest proto is invalid:`): its bullets
 * (explain.ts) describe failures, they do not report one.
 */
export const LIST_INTRO = /^(?![^\n]*\b(?:I|I'm|I've|my|me|we|our|us)\b)\s{0,3}[A-Z][^\n]{0,200}(?:\b(?:when|whenever|if|once)\s*:|\b(?:Two|Three|Four|Five|Several|These|The following) (?:things|factors|rules|reasons|ways|conditions|cases)\b[^\n]{0,160}:)\s*$/;
/** A pull request's or release's heading over its list of changes (`## What changed`, `### Bug fixes`). */
export const CHANGES_HEADING = /^\s{0,3}#{1,4}\s+(?:What(?:'s| has)? changed|What this PR does|What does this PR do\??|Changes|Changelog|Release notes|Bug fixes|Fixes|Improvements|Features|New features)\s*$/i;
/**
 * A release page's section title alone on its line, without a Markdown heading's `#` (GitHub's rendered release, Keep a
 * Changelog's and conventional-changelog's sections: `Fixed`, `Bug Fixes`, `Features`), over a list: its bullets are changes, like
 * the lines below a {@link CHANGES_HEADING}, up to the first line after a blank one that is no bullet (explain.ts). Source: https://keepachangelog.com/en/1.1.0/ (Added, Changed, Deprecated, Removed, Fixed, Security);
 * https://github.com/conventional-changelog/conventional-changelog (Features, Bug Fixes, Performance Improvements).
 */
export const RELEASE_SECTION = /^\s{0,3}(?:Added|Changed|Deprecated|Removed|Fixed|Security|Features|Bug Fixes|Performance Improvements|Breaking Changes|New Features|Improvements)\s*$/;
/**
 * The lead of a help page's entry for an error (`**Cause:** Using GPT-5 which requires …`), below the heading that names the
 * error (`### **Error: "Unsupported parameter: max_tokens"**`).
 */
export const CAUSE_LEAD = /^\s{0,3}(?:\*\*)?(?:Causes?|Root cause|Reason|原因)\s?[:：](?:\*\*)?\s?\S/i;
/** A heading, or a line in bold: what a {@link CAUSE_LEAD} explains. */
export const ENTRY_TITLE = /^\s{0,3}(?:#{1,6}\s|\*\*[^*\n]{3,200}\*\*\s*$)/;
/** The lead of an API reference's entry (`Raised when authentication fails (status code: 401).`), below the name it describes. */
export const REFERENCE_LEAD = /^\s{0,3}(?:Raised|Thrown|Returned) when\b/;
/** A reference's entry for a status, alone on its line (`429 Too Many Requests`, run together with its type: `402BILLING_ERROR`). */
export const STATUS_HEADING = /^\s{0,3}[45]\d\d(?: [A-Z][A-Za-z ]{2,40}|[A-Z]{2,20}_[A-Z_]{2,30})\s*$/;
/**
 * A reference's line for a status: a {@link STATUS_HEADING}, or the status and its reason phrase followed by its description
 * in Japanese or Chinese or by a table's pipe (`200 OK リクエストは正常に処理されました。`, `429 Too Many Requests | …`). Three
 * statuses so listed make a text a reference's catalogue of them (explain.ts).
 */
export const STATUS_ENTRY = new RegExp(`${STATUS_HEADING.source}|^\\s{0,3}(?:[-*•]\\s{1,3})?[1-5]\\d\\d [A-Z][A-Za-z ]{1,40}(?:[:：]?\\s?[\\u3040-\\u30ff\\u3400-\\u9fff]|\\s?\\|)`);
/**
 * The prose below a {@link STATUS_HEADING} that explains it (`The HTTP 429 Too Many Requests client error response status
 * code indicates …`, in any language): not output, whose next line is a body, a frame, a log line or a page's markup.
 */
export const REFERENCE_PROSE = /^(?!\s*(?:at |File |Traceback|[[{<"'(]|\d|\S*(?:Error|Exception)\b|-{2,}|={2,}))[^\n{}<>]{40,}$/;

/**
 * The first line of a text that is a source file (`import { x } from "y"`, `import pytest`, `from litellm import …`, `package main`,
 * `use std::…;`, a shebang or coding line, a crate's `//!` or a file's `/**` comment, `export interface …`, `const x = …`, `class …`).
 */
export const FIRST_SOURCE_LINE = /^\s*(?:import (?:[\w{}*$, ]+ from )?["'][^"'\n]+["'];?\s*$|import [\w.]+(?: as \w+)?(?:, ?[\w.]+)*\s*$|from [\w.]+ import |package [\w.]+;?\s*$|use [\w:]+(?:::\{[^}\n]*\})?;\s*$|#include\s|["']use strict["']|#!\/|# -\*- coding|# encoding: |\/\/! |\/\*\*\s*$|export (?:declare )?(?:abstract )?(?:interface|type|const|function|class|default|enum) |(?:const|let) \w+(?::[^=\n]{1,80})? = |class \w+[(:{ ])/;

/** A line that looks like output, not prose: a JSON brace, or a log's clock time (`14:53:07`). */
export const OUTPUT_MARK = /[{}]|\b\d\d:\d\d:\d\d\b/;

/** An HTTP error status as a word (`429`, not `v1.429` nor `429-response`). */
export const STATUS_WORD = /(?<![\w.-])[45]\d\d(?![\w.-])/;

/**
 * A line that opens an error report: `API Error`, a JSON `"error":` key, `Error code: 400`, an exception's name and
 * colon (`RateLimitError:`), or a line that begins with error. A paragraph's lines below one read as error lines too
 * (explain.ts); a bare status-like number (a log's `utils.py:565`, a timestamp's `,412`) opens nothing.
 */
export const ERROR_OPENING = /API Error|"error"\s?:|Error code:? ?\d|\b\w{0,40}(?:Error|Exception)\b:|^\W{0,6}error\b/i;

/**
 * A line that reads as an error: one of these words, an HTTP error status (not a timestamp's milliseconds `,512`, a
 * source line `utils.py:565` nor a name like `define-429-response`), or a request validator's path into the messages (`messages.16.content.1: …`).
 */
export const ERROR_LINE = /\berror\b|[a-z]Error\b|\bmessages\.\d+\.content\.\d+\b|\bfail(?:ed|s|ure)?\b(?! over\b)|exception|\binvalid\b|\bdenied\b|\brefused\b|\bcannot\b|\bcan't\b|\bunable\b|\bnot supported\b|\bexceed|\b(?:was|were) not found\b|\bdoes not exist\b|\bdoes(?:n't| not) support\b|\bmust be (?:<=|>=|<|>|less|greater|at most|at least|between)|(?<![\w,.:-])[45]\d\d(?![\w.-]|[,:]\d)|错误|失败|异常/i;

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
 * `Received Model Group=` suffix) first, so the real cause wins over the generic wrapper; JSON escapes undone
 * ({@link unescaped}), as explain does.
 */
export function matchSignature(text: string): Signature | undefined {
  const bounded = capped(text);
  const all = collapse(unescaped(bounded));
  const inner = collapse(unescaped(upstreamMessage(bounded)));
  const find = (t: string) => {
    const lower = t.toLowerCase();
    return SIGNATURES.find((s) => s.keywords.some((k) => lower.includes(k)) && (s.patterns.some((p) => p.test(t)) || !!s.symptoms?.some((p) => p.test(t))) && !s.unless?.test(t));
  };
  return (inner !== all ? find(inner) : undefined) ?? find(all);
}

/** Whitespace runs (line wraps, indentation) as one space, so a wrapped message matches like an unwrapped one. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * A message nested as a string in JSON, as plain text: `\"` (at any depth of nesting) → `"`, `\/` → `/`, and the
 * escapes `\n` `\r` `\t` → a space — so `{"message":"{\"code\":\"1211\"…` (LiteLLM or a relay quoting the
 * upstream's body) matches like the body itself. Same length or shorter; a text without a backslash is returned as is.
 */
export function unescaped(text: string): string {
  // One backslash run and the character after it per match: linear, whatever the run's length.
  return text.includes('\\') ? text.replace(/\\+(.?)/gs, (run, c: string) => (c === '"' || c === '/' ? c : c && 'nrt'.includes(c) ? ' ' : run)) : text;
}

/** UTF-8 punctuation read as Windows-1252 (a Windows console's `Not logged in Â· Please run /login`) → the character. */
const MOJIBAKE: Readonly<Record<string, string>> = {
  'Â·': '·',
  'â€™': '’',
  'â€˜': '‘',
  'â€œ': '“',
  'â€\u009d': '”',
  'â€”': '—',
  'â€“': '–',
  'â€¦': '…',
  'âŽ¿': '⎿',
  'âš\u00a0': '⚠',
  'â†’': '→',
};
const MOJIBAKE_RE = new RegExp(Object.keys(MOJIBAKE).join('|'), 'g');

/**
 * `text` with the punctuation of Claude Code's banners (·, ⎿, ⚠, quotes, dashes) restored where a console decoded
 * its UTF-8 as Windows-1252; the same length or shorter, and a text without `Â` or `â` is returned as is.
 */
export function demojibake(text: string): string {
  return text.includes('Â') || text.includes('â') ? text.replace(MOJIBAKE_RE, (m) => MOJIBAKE[m]!) : text;
}

/** The signature with this code. @throws Error when there is none (a programming error). */
export function signature(code: string): Signature {
  const sig = SIGNATURES.find((s) => s.code === code);
  if (!sig) throw new Error(`no error signature '${code}'`);
  return sig;
}
