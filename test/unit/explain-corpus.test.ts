// `ccenv explain` on real pasted texts (test/fixtures/explain-corpus.jsonl: each text with its source and the
// expected code, a third kept out of sight — "holdout" — while the patterns were written). A text counts as right
// when its expected cause is reported and nothing else is (other than the codes it also shows, `also`); a
// harmless text is right when nothing is reported. The rates go to .cache/explain-rate.txt and README.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain.js';
import { ROOT } from '../helpers/paths.js';

interface Entry {
  text: string;
  code: string;
  also?: string[];
  source: string;
  /** What the text is (`litellm-log`, `claude-ui`, `docs`, `changelog`, …). */
  form?: string;
  /** dev or holdout (explain-corpus.jsonl), or holdoutN (explain-corpus-holdoutN.jsonl). */
  set: string;
}
const read = (f: string) => readFileSync(join(ROOT, 'test/fixtures', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Entry);

/**
 * Each set and its floor. The corpus the patterns were written on (dev) and against (holdout, measured at the end);
 * then sets gathered from new threads, each measured once when gathered and since used to widen the patterns — so
 * floors against regressions now, no longer measures of unseen text (README gives each first measurement):
 * holdout2 after the patterns were written; holdout3 after they were widened from the second (77.3 % when first
 * measured); holdout4 by a helper session that never saw the patterns (57.6 %, 2026-12-02); holdout5 after the
 * third and fourth were used (61.1 %); holdout6 after the fifth (62.6 %); holdout7 by two helper sessions after the
 * documented vocabulary was added (63.3 %, at 6b66ab5); holdout8 after the vocabulary of the sources (70.0 %, at
 * a5d0ce6); holdout9 after the topic fallback (61.5 %, at 3d94386); holdout10, smaller as unused threads run out,
 * after Claude Code's and older LiteLLMs' words were read (74.0 % of 50, at cc1a80f); holdout11 from 117 new threads
 * after JSON escapes were undone and the request validators' words read (60.7 % of 107, at 6285595 — the same as the
 * code of that session's start); holdout12 from 105 new threads after Claude Code's own socket and proxy hints were
 * read (63.5 % of 96, at 17b42f3; that session's starting code 60.4 %); holdout13 from 104 new threads after the relays'
 * own messages were read (53.7 % of 95, at ef84b8d — the same as that session's starting code); holdout14, small (unused
 * threads with a settled cause are running out), from 36 threads of 2026 (72.7 % of 33, at 772c67c; starting code 69.7 %);
 * holdout15 from 39 threads of other stacks, deployments and networks (61.1 % of 36, at 423fc83; starting code 55.6 %);
 * holdout16 from 92 threads, many of them cc-switch's and other relays' (75.0 % of 80, at 53e7c81; starting code the same);
 * holdout17 from 79 threads of relays and coding agents (73.9 % of 69, at ad72df3; starting code 71.0 %); holdout18
 * from 83 threads of chat front-ends, agent frameworks and SDKs (57.7 % of 71, at b1a7c38; starting code 54.9 %);
 * holdout19 from 55 threads of the model vendors' repos, Claude Code proxies and local servers (76.6 % of 47, at
 * a94ac3b — the same as that session's starting code); holdout20 from 77 web pages, blogs, guides and Q&A in English,
 * Chinese and Japanese (76.1 % of 67, at 0c31a08; starting code 74.6 %); holdout21 from 84 threads of relays, proxies,
 * agent frameworks and web pages (66.7 % of 78, at fef3932 — the same as that session's starting code), with 50 harmless
 * texts from docs, configs, logs and screens (6 false alarms when first measured, at c8435ea); holdout22 from 59 threads
 * and pages of agents, IDE clients, MCP servers and gateways (68.5 % of 54, at 8c4c701 — the same as that session's
 * starting code), with 50 harmless texts from server logs, relay docs, Claude Code screens, changelogs and SDK code
 * (6 false alarms when first measured, at 8c4c701; 8 with the session's starting code); holdout23, small, from 27 threads
 * found by their exact error phrases in small repositories (72.7 % of 22, at fc91b9f — the same as that session's
 * starting code); holdout24 from 72 threads and pages in Chinese, Japanese and Korean and of the SDKs and CLIs between
 * users and a gateway (Copilot CLI, Gemini CLI, goose, opencode…) (68.8 % of 64, at b2d7fca — the same as that
 * session's starting code); holdout25, small, from 38 threads of LiteLLM operators and of Claude Code's own screens
 * (63.3 % of 30, at b8dcf0b — the same as that session's starting code); holdout26 from 50 threads of self-hosted model
 * servers and of hosted providers' SDKs and users (68.2 % of 44, at ab8f6a7 — the same as that session's starting code);
 * holdout27, small, sampled rather than hunted: the error texts with a settled cause among 435 search results for 40
 * generic queries, taken in the order returned (81.8 % of 33, at ddb901c — the same as that session's starting code);
 * holdout28, sampled the same way from 540 results of 48 more generic queries (84.1 % of 44, at 0f47c89 — the same again);
 * holdout29, sampled the same way from 538 results of 48 more (64.4 % of 45, at 490cda0 — the same again);
 * holdout30, small, from 557 results of 48 more (90.5 % of 21, at 917680b — the same again); holdout31, tiny: 8 texts
 * among 295 results of 32 more, the pool of unused threads with a pasted error all but spent (62.5 %, at 3e927dd — the same again);
 * holdout32, small: 16 texts among 376 results of 32 more, half of them threads already used (75.0 %, at 6120d6d — the same again);
 * holdout33, 42 texts among 370 results of 32 queries naming error types and statuses (92.9 %, at da97440 — the same again);
 * holdout34, sampled the same way by six helper sessions from 2,053 results of 192 more (exception classes, network
 * and TLS error codes, Claude Code's statuses, LiteLLM's features, the agents and clients, pages in five languages):
 * 77 texts, 8 of them word for word in an earlier set (74.0 %, 73.9 % of the 69 new ones, at 7a71b05 — the same again);
 * holdout35, sampled the same way by six more from 2,081 results of 192 more (Claude Code's settings and
 * backends, LiteLLM's provider exceptions, relays and Chinese providers, self-hosted servers, networks and proxies,
 * pages in Chinese, Japanese and Korean): 79 texts, 11 of them word for word in an earlier set (78.5 %, 75.0 % of the
 * 68 new ones, at 5f8c43f — after the widening from holdout34 — and the same at 7a71b05, that session's start);
 * holdout36, sampled the same way by six more from 2,020 results of 184 more (Claude Code's limits and
 * settings, LiteLLM proxy operations, Chinese relays and providers, agents behind LiteLLM, SDK exception and status
 * forms, guide and error-reference pages — two thirds of its texts from such pages): 72 texts, 3 of them in an earlier
 * set (61.1 %, 59.4 % of the 69 new ones, at 1d80048 — after the widening from holdout34 and holdout35 — and the same
 * at 5f8c43f and at 7a71b05);
 * holdout37, sampled the same way by seven more from 1,889 results of 167 more queries (Claude Code's situations,
 * LiteLLM's exception classes, providers' own errors, network and TLS codes, peer tools, Chinese and Japanese
 * queries, Claude Code behind LiteLLM; two helpers stopped after 4 and 3 of their 32), gathered while holdout36 was
 * used: 68 texts, 1 of them in an earlier set (72.1 %, 71.6 % of the 67 new ones, at 7b6c1d1 — after the widening from holdout36 — and the same
 * at 512b156, that session's start);
 * holdout38, sampled the same way by six more from 1,549 results of 150 more queries (Claude Code's screens in 2026,
 * LiteLLM proxy operations, relays and peer tools, providers' own errors, local servers and networks, pages), gathered
 * while holdout37 was used: 280 texts, 14 of them word for word in an earlier set (75.0 %, 74.1 % of the 266 new ones,
 * at 2cca4b3 — after the widening from holdout37 — and the same at 80ef200, that session's start);
 * holdout39, sampled the same way by six more from 1,572 results of 146 more queries (Claude Code's settings and
 * environment on gateways, LiteLLM's providers behind /v1/messages, Chinese relays, SDKs and agent frameworks, editor
 * and IDE clients), gathered while holdout38 was used: 230 texts, 5 of them word for word in an earlier set (71.3 %,
 * 70.7 % of the 225 new ones, at 679d424 — after the widening from holdout38 — and 70.4 % at 80ef200, that session's
 * start), with 45 harmless texts from docs, changelogs, configs, code, streams and screens (4 false alarms when first
 * measured, the same at 80ef200);
 * holdout40, sampled the same way by six more from 1,532 results of 145 more queries (Claude Code in late 2026, cloud
 * backends — Bedrock, Vertex, Foundry —, local servers, AI gateways other than LiteLLM, Python apps on the litellm SDK),
 * gathered while holdout39 was used: 248 texts, 4 of them word for word in an earlier set (71.8 %, 71.3 % of the 244
 * new ones, at 2db88ef — after the widening from holdout38 and holdout39 — and 70.2 % at 80ef200), with 48 harmless
 * texts (3 false alarms when first measured, 4 at 80ef200);
 * holdout41, sampled the same way by six more from 1,541 results of 145 more queries, one helper per class of the
 * explain issue (auth, model ids, requests, responses and context, network, time, capacity and installs) in the threads
 * of Claude Code, LiteLLM and their proxies, gathered while holdout40 was used: 267 texts, 20 of them word for word in
 * an earlier set (79.4 %, 78.1 % of the 247 new ones, at 53e2d04 — after the widenings from holdout38 to holdout40 —
 * and the same at 80ef200);
 * holdout42, sampled the same way by six more from 1,543 results of 144 more queries (auth and model ids, requests and
 * responses, network and time anywhere agents meet a gateway, Claude Code's screens, LiteLLM's messages in any repo),
 * gathered while holdout41 was used: 197 texts, 8 of them word for word in an earlier set (82.7 %, 82.0 % of the 189
 * new ones, at 99e181a — after the widenings from holdout38 to holdout41 — and 74.1 % at 80ef200: 16 of the 17 texts
 * gained are two recurring messages, Gemini's function response parts and Anthropic's not_found_error naming the
 * model), with 55 harmless texts (no false alarm when first measured, none at 80ef200 either);
 * holdout43, sampled the same way by six more from 1,529 results of 144 more queries (the newest models of late 2026,
 * pages and threads in Chinese and in Japanese and Korean, coding-agent CLIs other than Claude Code, self-hosted gateways,
 * JavaScript SDKs), gathered while holdout42 was used: 198 texts, 12 of them word for word in an earlier set (71.7 %,
 * 70.4 % of the 186 new ones, at b96b42d — after the widenings from holdout38 to holdout42 — and 67.2 % at 80ef200);
 * holdout44, small, sampled the same way by five more from 778 results of 79 more queries (generic English and Chinese
 * queries, HTTP statuses, SDK exception classes, Node's network codes) until the session's search budget ran out,
 * gathered while holdout43 was used: 59 texts, 4 of them word for word in an earlier set (71.2 %, 69.1 % of the 55 new
 * ones, at d25889d — after the widenings from holdout38 to holdout43 — and 69.5 % at 80ef200);
 * holdout45, sampled the same way by ten more from about 2,400 results of 240 more queries (Claude Code and LiteLLM in late
 * 2026, pages in European languages, deployments and networks, local model servers, SDK exceptions in apps, other coding
 * CLIs, the clouds, the Agent SDK and GitHub Actions, aggregators), with 58 harmless texts from 17 more (docs, changelogs,
 * code and configs about failures): 216 texts, 13 of them word for word in an earlier set (78.2 %, 77.3 % of the 203 new
 * ones, at a4a012f — the same as the session's starting code 4bdee2c — and 12 false alarms in the 58 harmless texts);
 * holdout46, sampled the same way by seven more from 1,732 results of 168 more queries (Claude Code's statuses, Chinese
 * relays and providers, IDE agents, Python tracebacks, Node and TypeScript apps, Japanese and Korean pages, Claude Code
 * behind LiteLLM), with 47 harmless logs, screens and docs from 24 more, gathered while holdout45 was used: 175 texts, 8 of
 * them word for word in an earlier set (86.3 %, 85.6 % of the 167 new ones, at 3793e87 — the same as 4bdee2c —, and 2
 * false alarms in the 47 harmless texts);
 * holdout47, sampled the same way by six more from about 150 queries (auth, model ids, requests, network, time and
 * capacity, responses and context), with 60 harmless docs, changelogs, code and configs from 23 more queries: 107 texts,
 * 6 of them word for word in an earlier set (77.6 %, 76.2 % of the 101 new ones, at 467c240 — the same as the session's
 * starting code bf9271f — and 9 false alarms in the 60 harmless texts, most of them pages about HTTP 429);
 * holdout48, sampled the same way by four more from about 150 queries (pages in other languages, other coding agents, clouds
 * and local servers behind proxies, gateways and chat front-ends), gathered while holdout47 was used: 107 texts, 4 of them
 * word for word in an earlier set (63.6 %, 62.1 % of the 103 new ones, both with bf9271f and with the code widened from
 * holdout47; 58.9 % on the helpers' labels before five were harmonised with the corpus's precedents);
 * holdout49, sampled the same way by six more from about 200 queries (SDK exceptions in apps, self-hosted model servers,
 * Claude Code's screens of 2026, LiteLLM operators, relays and pools), with 60 harmless outputs, configs, code and docs,
 * gathered while holdout47 and holdout48 were used: 104 texts, 2 of them word for word in an earlier set (76.0 %, 75.5 % of
 * the 102 new ones, at dfc8f2c — after the widenings from holdout47 and holdout48 — and the same with bf9271f; 5 false
 * alarms in the 60 harmless texts);
 * holdout50, sampled the same way by five more from about 180 queries (generic queries in issue threads and in pages,
 * Claude Code and agents on the clouds and enterprise gateways, tool calling and MCP through proxies), with 60 harmless
 * logs, screens, configs and code, gathered while holdout47 to holdout49 were used: 116 texts, 3 of them word for word in
 * an earlier set (75.0 %, 74.3 % of the 113 new ones, at 46daa41 — after the widenings from holdout47 to holdout49 and a
 * wider topic fallback made for this measurement — and the same with bf9271f; 8 false alarms in the 60 harmless texts);
 * holdout51, sampled the same way by seven more from about 250 queries (the model vendors' repos, Claude Code wrappers and
 * automation, threads of 2023–2024, pages in Japanese, Korean and Chinese, capacity and billing, deployments and networks),
 * with 60 harmless changelogs, code, configs and screens, gathered while holdout50 was used: 150 texts, 11 of them word for
 * word in an earlier set (78.7 %, 77.7 % of the 139 new ones, at ffb2252 — after the widenings from holdout47 to holdout50
 * — and the same with bf9271f; 6 false alarms in the 60 harmless texts);
 * holdout52, sampled the same way by eight more from about 240 queries (HTTP statuses, SDK exception classes, relays, pages
 * in European languages, agent frameworks, the newest threads, and harmless docs and run output), gathered at the start of
 * a session: 128 texts, 8 of them word for word in an earlier set (85.0 % of 127 on the helpers' labels, 89.1 % of 128 after
 * seven were harmonised with the corpus's precedents, 88.3 % of the 120 new ones, at 2817f69 — that session's starting
 * code — and 24 false alarms in its 80 harmless texts, most of them pages and code that quote error bodies and statuses);
 * holdout53, sampled the same way by eight more from about 280 queries (Chinese providers and relays, the clouds, networks
 * and TLS, apps on the SDKs, Claude Code's screens, LiteLLM operators, and harmless run output, references and code),
 * gathered while holdout52 was used and read only after: 146 texts, 3 of them word for word in an earlier set (75.3 % on the
 * helpers' labels, 77.4 % after four were harmonised, 76.9 % of the 143 new ones, at ba2e6e3 — after the widening from
 * holdout52 — and the same with 2817f69; 22 false alarms in its 70 harmless texts, 23 with 2817f69);
 * holdout54, sampled the same way by eight more from about 260 queries (self-hosted model servers, aggregators, coding CLIs
 * and IDE agents, pages in Japanese and Korean, Python tracebacks, and harmless docs, logs and source files), gathered while
 * holdout53 was used and read only after: 137 texts, 5 of them word for word in an earlier set (81.8 % on the helpers'
 * labels, 83.2 % after two were harmonised, 82.6 % of the 132 new ones, at 952b484 — after the widenings from holdout52 and
 * holdout53 — and the same with 2817f69; 13 false alarms in its 80 harmless texts, 22 with 2817f69);
 * holdout55, sampled the same way by six more from about 200 queries as that session's search budget ran low (generic
 * English and Chinese queries taken in the order returned, tool calling and MCP, JavaScript SDKs, AI gateways, and harmless
 * texts of every kind), gathered while holdout54 was used and read only after: 116 texts, 1 of them word for word in an
 * earlier set (83.6 % on the helpers' labels, 87.1 % after four were harmonised, 87.8 % of the 115 new ones, at 436de6c —
 * after the widenings from holdout52 to holdout54 — and the same with 2817f69; 2 false alarms in its 35 harmless texts);
 * holdout56, tiny: the 4 texts three more helpers found before that session's search budget ran out (1 of 4 at first sight, at
 * ed7f689 and with 2817f69: three are a Kiro relay's own token refresh failing, read as the client's key);
 * holdout57, sampled by eight more helper sessions from about 290 queries of a fresh search budget (providers' own
 * Anthropic-compatible endpoints, local model servers, aggregators, the clouds, recent LiteLLM threads, Chinese relays, and
 * harmless Claude Code screens and docs about errors): 110 texts, 4 more word for word in an earlier set left out (74.5 % on
 * the helpers' labels, 77.3 % after three were harmonised, at ff77618 and the same with 2817f69; 12 false alarms in its 84
 * harmless texts, most of them references' catalogues of error types and statuses);
 * holdout58, sampled the same way by eight more from about 290 queries (Claude Code's own screens of 2026, coding agents,
 * SDKs and frameworks, network and environment, other languages, LiteLLM operators, and harmless logs and code), gathered
 * while holdout57 was used and read only after: 99 texts, 8 more word for word in an earlier set left out (81.8 % on the
 * helpers' labels, 83.8 % after two were harmonised, at 7771d1e — after the widening from holdout57 — and the same with
 * ff77618; 84.8 % with 2817f69, one text since lost to the prose rule; 3 false alarms in its 78 harmless texts, 11 with 2817f69);
 * holdout59, sampled the same way by six more from about 160 queries (the Responses API through relays and Codex, IDEs and
 * special environments, prompt caching, images, PDFs and server tools, OpenAI-compatible providers, and harmless CJK docs and
 * changelogs), gathered while holdout58 was used and read only after: 128 texts, 3 more word for word in an earlier set left
 * out (72.7 % after four labels were harmonised, at 9419e44 — after the widenings from holdout57 and holdout58 —, 71.9 % with
 * ff77618, 71.1 % with 2817f69; 20 false alarms in its 91 harmless texts, 25 with 2817f69);
 * holdout60, sampled the same way by five more from about 180 queries (Q&A and forum pages, JVM, Go, Rust and .NET clients,
 * GitHub discussions and the Agent SDK, self-hosted chat front-ends, and harmless working transcripts), gathered while
 * holdout59 was used and read only after: 92 texts, 4 more word for word in an earlier set left out (85.9 % after one label
 * was harmonised, at 5c08707 — after the widenings from holdout57 to holdout59 — and the same with ff77618 and 2817f69; no
 * false alarm in its 38 harmless texts);
 * holdout61, small: 38 texts two more helpers found in the last ~56 queries of that session's search budget (the newest
 * threads, Python apps on the LiteLLM library and the SDKs), gathered while holdout60 was used and read only after, 3 more
 * word for word in an earlier set left out (73.7 % on the helpers' labels, 84.2 % after four were harmonised, at d715b0f and
 * with ff77618; 81.6 % with 2817f69);
 * holdout62, small: 20 texts one more helper found in the budget's last 15 queries (the 2026 coding CLIs on custom or
 * proxied endpoints), read only after that session's widening was done (75.0 % at 51251c4, 80.0 % with ff77618 and 2817f69:
 * one text lost to that session's narrowed `context length`, which it then widened back to `… context length only supports
 * N tokens`);
 * holdout63, sampled by six more helpers from about 210 queries of a new session's budget (Windows and WSL, the 2026 coding
 * CLIs, local servers' own Anthropic endpoints, the Agent SDK, CI, LiteLLM threads since June 2026) and two gathering harmless
 * texts (2026 docs and changelogs, Windows material): 64 texts, 4 more word for word in an earlier set left out (73.4 % after
 * two labels were harmonised, at 49b73ba and with ff77618; 14 false alarms in its 87 harmless texts);
 * holdout64, sampled by seven more from about 245 queries, themed by cause across all tools rather than by product (streams,
 * credentials, request shapes, limits, model ids, the network, forums in any language) and one gathering harmless near-misses,
 * gathered while holdout63 was used and read only after its widening: 179 texts, 15 more word for word in an earlier set left
 * out (78.2 % after six labels were harmonised, at 49b73ba, with ff77618 and with holdout63's widening alike; 5 false alarms in
 * its 45 harmless texts);
 * holdout65, sampled by seven more from about 240 queries, themed by cause again (auth, context and output size, 5xx and
 * gateways, broken installs, model ids, other languages) and one gathering harmless working setups, gathered while holdout64
 * was used and read only after its widening and a review's narrowing: 180 texts, 4 more word for word in an earlier set left
 * out (81.1 % after two labels were harmonised, at 49b73ba; 80.6 % with ff77618 and with the widenings from holdout63 and
 * holdout64 — Google's suspended consumer key now read as the provider key; 2 false alarms in its 43 harmless texts).
 */
const FLOORS: ReadonlyArray<[set: string, floor: number]> = [
  ['dev', 0.9],
  ['holdout', 0.8],
  ['holdout2', 0.9],
  ['holdout3', 0.9],
  ['holdout4', 0.8],
  ['holdout5', 0.8],
  ['holdout6', 0.8],
  ['holdout7', 0.85],
  ['holdout8', 0.85],
  ['holdout9', 0.75],
  ['holdout10', 0.8],
  ['holdout11', 0.75],
  ['holdout12', 0.75],
  ['holdout13', 0.75],
  ['holdout14', 0.75],
  ['holdout15', 0.65],
  ['holdout16', 0.8],
  ['holdout17', 0.75],
  ['holdout18', 0.7],
  ['holdout19', 0.8],
  ['holdout20', 0.8],
  ['holdout21', 0.7],
  ['holdout22', 0.7],
  ['holdout23', 0.8],
  ['holdout24', 0.75],
  ['holdout25', 0.75],
  ['holdout26', 0.7],
  ['holdout27', 0.8],
  ['holdout28', 0.8],
  ['holdout29', 0.7],
  ['holdout30', 0.8],
  ['holdout31', 0.6],
  ['holdout32', 0.7],
  ['holdout33', 0.85],
  ['holdout34', 0.7],
  ['holdout35', 0.75],
  ['holdout36', 0.6],
  ['holdout37', 0.65],
  ['holdout38', 0.7],
  ['holdout39', 0.65],
  ['holdout40', 0.65],
  ['holdout41', 0.75],
  ['holdout42', 0.75],
  ['holdout43', 0.65],
  ['holdout44', 0.65],
  ['holdout45', 0.85],
  ['holdout46', 0.85],
  ['holdout47', 0.85],
  ['holdout48', 0.8],
  ['holdout49', 0.8],
  ['holdout50', 0.8],
  ['holdout51', 0.8],
  ['holdout52', 0.9],
  ['holdout53', 0.85],
  ['holdout54', 0.9],
  ['holdout55', 0.9],
  ['holdout56', 0.75],
  ['holdout57', 0.85],
  ['holdout58', 0.9],
  ['holdout59', 0.9],
  ['holdout60', 0.9],
  ['holdout61', 0.9],
  ['holdout62', 0.85],
  ['holdout63', 0.85],
  ['holdout64', 0.85],
  ['holdout65', 0.85],
];
/** Each file and the sets it holds. */
const FILES: ReadonlyArray<[file: string, sets: string[]]> = [
  ['explain-corpus.jsonl', ['dev', 'holdout']],
  ...FLOORS.slice(2).map(([set]): [string, string[]] => [`explain-corpus-${set}.jsonl`, [set]]),
];
const ALL = FILES.flatMap(([f]) => read(f));

function right(e: Entry): boolean {
  const got = explainText(e.text).map((d) => d.code);
  if (e.code === 'none') return got.length === 0;
  const allowed = new Set([e.code, ...(e.also ?? [])]);
  return got.includes(e.code) && got.every((c) => allowed.has(c));
}

describe('explain on the corpus of real pasted texts', () => {
  it('its labels are reproducible: a second, independent labelling of 100 held-out error texts agrees on nine in ten', () => {
    // test/fixtures/explain-relabel.jsonl: a helper session's labels for 100 texts of holdout11–13, made without the
    // corpus labels (mostly from the text alone). A pair agrees when either label is the other's code or one of its `also`.
    const second = readFileSync(join(ROOT, 'test/fixtures/explain-relabel.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: string; text: string; code: string; also: string[] });
    const agree = second.filter((r) => {
      const e = ALL.find((x) => x.source === r.source && x.text.startsWith(r.text));
      if (!e) throw new Error(`no corpus text for ${r.source}`);
      return r.code === e.code || (e.also ?? []).includes(r.code) || r.also.includes(e.code);
    });
    expect(second.length).toBe(100);
    expect(agree.length).toBeGreaterThanOrEqual(90);
  });

  it('has at least 150 real texts and 30 harmless ones, each with a source, each file holding its own sets', () => {
    const corpus = read('explain-corpus.jsonl');
    expect(corpus.filter((e) => e.code !== 'none').length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((e) => e.code === 'none').length).toBeGreaterThanOrEqual(30);
    for (const [f, sets] of FILES) expect(read(f).every((e) => sets.includes(e.set)), f).toBe(true);
    for (const e of ALL) expect(e.source).toMatch(/^[\w.-]+\/[\w.-]+#\d+$|^https?:\/\//);
  });

  it('names the right cause for nine in ten texts, and raises no alarm on harmless text', () => {
    const rates = FLOORS.map(([set, floor]) => {
      const errors = ALL.filter((e) => e.set === set && e.code !== 'none');
      return { set, floor, n: errors.length, rate: errors.filter(right).length / errors.length };
    });
    const harmless = ALL.filter((e) => e.code === 'none');
    const falseAlarms = harmless.filter((e) => !right(e));
    const lines = [
      ...rates.map((r) => `${r.set}: ${(100 * r.rate).toFixed(1)} % of ${r.n} error texts right`),
      `harmless: ${falseAlarms.length} false alarms in ${harmless.length} texts`,
    ];
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    writeFileSync(join(ROOT, '.cache/explain-rate.txt'), `${lines.join('\n')}\n`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
    for (const r of rates) expect(r.rate, r.set).toBeGreaterThanOrEqual(r.floor);
    // At most one in two hundred: the five left are reference pages that print the error itself as their example
    // (MDN's 429 page opens with its status line; LiteLLM's API reference shows its rate-limit body; a Korean status page's
    // `상태 코드` / `401` fields), a tutorial whose lead line under a "400 Bad Request" heading reads like the message itself
    // ("Invalid request format or parameters:"), and a Japanese blog's narrative lead that quotes a 429.
    expect(falseAlarms.length).toBeLessThanOrEqual(Math.floor(harmless.length / 200));
  });

  // How a paste reaches explain besides as written: each variant written for this test (the corpus's texts are as their
  // threads show them). A sample, every seventh text, keeps it quick.
  // A harmless text cut mid-word is read joined only where its lines were cut, so a page cut so can read as a message
  // (39 of 1,493 harmless texts when measured, 5 as pasted): one in thirty at most there, one in a hundred elsewhere. A log
  // collector prefixes output, never a page: its harmless texts are the output ones (logs, screens, JSON, shells).
  const OUTPUT_FORMS = /^(?:log|litellm-log|access-log|ci-log|screen|claude-ui|json|sse|shell|curl|other)$/;
  const VARIANTS: ReadonlyArray<[name: string, variant: (t: string) => string, harmlessShare?: number, outputOnly?: boolean]> = [
    ['cut mid-word at 76 characters, going on indented (a terminal)', (t) => t.split('\n').map((l) => l.replace(/(.{76})/g, '$1\n    ')).join('\n'), 30],
    ['with colour codes on every line', (t) => t.split('\n').map((l) => `\x1b[31m${l}\x1b[0m`).join('\n')],
    ['quoted in Markdown', (t) => t.split('\n').map((l) => `> ${l}`).join('\n')],
    ['with no-break spaces', (t) => t.replace(/ /g, '\u00a0')],
    ['with HTML entities', (t) => t.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')],
    ["behind docker compose's prefix", (t) => t.split('\n').map((l) => `litellm-1  | ${l}`).join('\n'), 100, true],
    ["behind journald's prefix", (t) => t.split('\n').map((l) => `Dec 04 01:02:03 gpu-box litellm[1234]: ${l}`).join('\n'), 100, true],
    ['with CRLF line ends inside a bare fence', (t) => `\`\`\`\r\n${t.replace(/\n/g, '\r\n')}\r\n\`\`\``],
  ];
  it.each(VARIANTS)('names the same causes in a text %s, and stays quiet on harmless text so pasted', (_n, variant, harmlessShare = 100, outputOnly = false) => {
    const sample = ALL.filter((_e, k) => k % 7 === 0);
    const right = sample.filter((e) => e.code !== 'none' && right_(e, e.text));
    const lost = right.filter((e) => !right_(e, variant(e.text)));
    expect(lost.length).toBeLessThanOrEqual(Math.floor(right.length / 50));
    const harmless = sample.filter((e) => e.code === 'none' && (!outputOnly || OUTPUT_FORMS.test(e.form ?? '')) && right_(e, e.text));
    expect(harmless.filter((e) => !right_(e, variant(e.text))).length).toBeLessThanOrEqual(Math.floor(harmless.length / harmlessShare));
  });
});

/** Whether explain is right on `text` read as entry `e`'s (its code and also, or nothing for a harmless one). */
function right_(e: Entry, text: string): boolean {
  return right({ ...e, text });
}
