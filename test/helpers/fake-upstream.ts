import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake upstream received. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
}

/** Faults the fake upstream can inject. */
export interface Faults {
  /** Never answer (the connection stays open until the server closes). */
  hang?: boolean;
  /** Reject non-streaming requests whose max_tokens exceeds this (Fireworks' rule; BerriAI/litellm#5656). */
  maxTokensWithoutStream?: number;
  /** Reject any request whose max_tokens exceeds this, streaming or not. */
  maxTokens?: number;
  /** Send no usage, neither in the JSON body nor as a stream chunk. */
  omitUsage?: boolean;
  /** Answer chat and messages requests with this error (status and message, OpenAI envelope). */
  fail?: { status: number; message: string };
  /** Reject requests carrying any of these body keys, as OpenAI does ("Unrecognized request argument"). */
  rejectKeys?: string[];
  /** Native /v1/messages: send usage null in message_start and message_delta. */
  usageNull?: boolean;
  /** Native /v1/messages: send a content_block_delta before its content_block_start. */
  badOrder?: boolean;
  /** Native /v1/messages: answer with a tool_use block whose input stays empty. */
  emptyToolInput?: boolean;
  /** Answer /v1/responses with a Responses API reply instead of 404 (default: 404, as most non-OpenAI hosts). */
  serveResponses?: boolean;
}

/**
 * A fake OpenAI-compatible upstream on 127.0.0.1 (random port) that the tests own: answers
 * POST /v1/chat/completions (JSON or SSE with a final usage chunk) with `reply`, records every request,
 * and can inject faults. Everything else answers 404 like a host without that API.
 */
export class FakeUpstream {
  readonly seen: SeenRequest[] = [];
  faults: Faults = {};
  private server: Server;
  private port = 0;

  constructor(readonly reply = 'ok from the fake upstream') {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** Start listening; resolves with the base URL, e.g. http://127.0.0.1:43123/v1. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.baseUrl;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Requests to chat/completions only (LiteLLM also probes GET /v1/models at start-up). */
  get chatRequests(): SeenRequest[] {
    return this.seen.filter((r) => r.method === 'POST' && r.url.startsWith('/v1/chat/completions'));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.setEncoding('utf8').on('data', (d) => (raw += d));
    req.on('end', () => {
      let body: Record<string, unknown> | undefined;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
      } catch {
        body = undefined;
      }
      this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (this.faults.hang) return;
      const post = req.method === 'POST';
      if (post && (req.url?.startsWith('/v1/chat/completions') || req.url?.startsWith('/v1/messages'))) {
        const f = this.faults.fail;
        if (f) return json(res, f.status, { error: { message: f.message, type: 'invalid_request_error' } });
        const bad = this.faults.rejectKeys?.find((k) => body && k in body);
        if (bad) return json(res, 400, { error: { message: `Unrecognized request argument supplied: ${bad}`, type: 'invalid_request_error', param: bad } });
      }
      if (post && req.url?.startsWith('/v1/chat/completions')) return this.chat(body ?? {}, res);
      if (post && req.url?.startsWith('/v1/messages')) return this.messages(body ?? {}, res);
      if (req.method === 'GET' && req.url?.startsWith('/v1/models')) return json(res, 200, { object: 'list', data: [] });
      json(res, 404, { error: { message: 'Not Found', type: 'invalid_request_error' } });
    });
  }

  /** A native Anthropic Messages answer (for LiteLLM's /v1/messages passthrough), with the stream faults. */
  private messages(body: Record<string, unknown>, res: ServerResponse): void {
    const f = this.faults;
    const usage = f.usageNull ? null : { input_tokens: 11, output_tokens: 4 };
    const block = f.emptyToolInput ? { type: 'tool_use', id: 'toolu_fake', name: 'ccenv_probe', input: {} } : { type: 'text', text: '' };
    if (!body.stream) {
      const content = f.emptyToolInput ? [block] : [{ type: 'text', text: this.reply }];
      return json(res, 200, { id: 'msg_fake', type: 'message', role: 'assistant', model: body.model, content, stop_reason: 'end_turn', stop_sequence: null, usage });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    sse(res, 'message_start', { message: { id: 'msg_fake', type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage } });
    const delta = f.emptyToolInput ? { type: 'input_json_delta', partial_json: '' } : { type: 'text_delta', text: this.reply };
    if (f.badOrder) sse(res, 'content_block_delta', { index: 0, delta });
    sse(res, 'content_block_start', { index: 0, content_block: block });
    if (!f.badOrder) sse(res, 'content_block_delta', { index: 0, delta });
    sse(res, 'content_block_stop', { index: 0 });
    sse(res, 'message_delta', { delta: { stop_reason: f.emptyToolInput ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: f.usageNull ? null : { output_tokens: 4 } });
    sse(res, 'message_stop', {});
    res.end();
  }

  private chat(body: Record<string, unknown>, res: ServerResponse): void {
    const model = String(body.model);
    const usage = { prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 };
    const limit = this.faults.maxTokensWithoutStream;
    if (limit !== undefined && !body.stream && Number(body.max_tokens ?? body.max_completion_tokens ?? 0) > limit) {
      return json(res, 400, { error: { message: `Requests with max_tokens > ${limit} must have stream=true`, param: 'max_tokens', code: 'BAD_REQUEST' } });
    }
    const tokens = Number(body.max_tokens ?? body.max_completion_tokens ?? 0);
    if (this.faults.maxTokens !== undefined && tokens > this.faults.maxTokens) {
      return json(res, 400, { error: { message: `max_tokens must be at most ${this.faults.maxTokens}, got ${tokens}`, param: 'max_tokens', code: 'BAD_REQUEST' } });
    }
    if (!body.stream) {
      return json(res, 200, {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: this.reply }, finish_reason: 'stop' }],
        ...(this.faults.omitUsage ? {} : { usage }),
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (extra: Record<string, unknown>) =>
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, ...extra })}\n\n`);
    chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: this.reply }, finish_reason: null }] });
    chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    if (!this.faults.omitUsage) chunk({ choices: [], usage });
    res.end('data: [DONE]\n\n');
  }
}

/** One Anthropic SSE event (`event: <type>` and its `data:` JSON, which repeats the type) written to `res`. */
export function sse(res: ServerResponse, type: string, data: Record<string, unknown>): void {
  res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
