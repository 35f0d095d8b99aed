// A stand-in for a shared LiteLLM gateway with virtual keys (LiteLLM with Postgres needs Prisma engines this
// machine cannot download): it answers /health/*, /key/info, /v1/models, /model_group/info and /v1/messages for
// its keys with the shapes the pinned LiteLLM's source builds (test/fixtures/litellm-1.108.7-virtual-keys.json,
// which cites where each comes from), and records the headers of every request.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { ROOT } from './paths.js';

const SHAPES = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/litellm-1.108.7-virtual-keys.json'), 'utf8')) as Record<string, { status: number; body: { error?: { message: string } } & Record<string, unknown> }>;

/** A virtual key of the stand-in: its record as /key/info shows it. */
export interface VirtualKey {
  alias: string;
  models: string[];
  spend: number;
  maxBudget: number | null;
  /** ISO time, or null. */
  expires: string | null;
  rpmLimit?: number;
}

/** The key from a request as LiteLLM reads it: x-litellm-api-key first, then Authorization (Bearer stripped), then x-api-key. */
function keyOf(req: IncomingMessage): string | undefined {
  const h = req.headers;
  const bearer = (v: unknown) => (typeof v === 'string' ? v.replace(/^Bearer\s+/i, '') : undefined);
  return bearer(h['x-litellm-api-key']) ?? bearer(h.authorization) ?? (typeof h['x-api-key'] === 'string' ? h['x-api-key'] : undefined);
}

const fill = (name: string, values: Record<string, string>) => {
  const shape = structuredClone(SHAPES[name]!);
  if (shape.body.error) shape.body.error.message = shape.body.error.message.replace(/<([a-z_ ]+)>/g, (all, k: string) => values[k] ?? all);
  return shape;
};

export class Gateway {
  readonly keys = new Map<string, VirtualKey>();
  readonly seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
  /** model_name → the model group's max_input_tokens. */
  models: Record<string, number> = {};
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(json));
        };
        const path = (req.url ?? '').split('?')[0];
        if (path === '/health/liveliness') return send(200, "I'm alive!");
        if (path === '/health/readiness') return send(200, { status: 'healthy', db: 'connected' });
        const key = keyOf(req);
        const k = key ? this.keys.get(key) : undefined;
        if (!k) return send(401, fill('unknown_sk_key', {}).body);
        if (k.expires && Date.parse(k.expires) < Date.now()) {
          const s = fill('expired_key', { 'expiry datetime': k.expires, 'now datetime': new Date().toISOString() });
          return send(s.status, s.body);
        }
        const allowed = k.models.length ? k.models : Object.keys(this.models);
        if (path === '/key/info') {
          const s = structuredClone(SHAPES.key_info!);
          s.body.key = createHash('sha256').update(key!).digest('hex');
          Object.assign(s.body.info as object, { key_alias: k.alias, models: k.models, spend: k.spend, max_budget: k.maxBudget, expires: k.expires, rpm_limit: k.rpmLimit ?? null });
          return send(200, s.body);
        }
        if (path === '/v1/models' || path === '/models') return send(200, { data: allowed.map((id) => ({ id, object: 'model', created: 1677610602, owned_by: 'openai' })), object: 'list' });
        if (path === '/model_group/info') return send(200, { data: allowed.map((g) => ({ model_group: g, max_input_tokens: this.models[g] ?? null })) });
        if (path === '/v1/messages') {
          const model = (JSON.parse(body || '{}') as { model?: string }).model ?? '';
          if (k.maxBudget !== null && k.spend >= k.maxBudget) {
            const s = fill('key_budget_exceeded', { "key_alias or 'key'": k.alias, spend: String(k.spend), max_budget: String(k.maxBudget) });
            return send(s.status, s.body);
          }
          if (!allowed.includes(model)) {
            const s = fill('key_model_access_denied', { model });
            return send(s.status, s.body);
          }
          // LiteLLM's spend headers (common_request_processing.py get_custom_headers): key spend after this call, USD;
          // the budget header only when the key has one.
          k.spend += 0.25;
          const spendHeaders = { 'x-litellm-key-spend': String(k.spend), ...(k.maxBudget !== null ? { 'x-litellm-key-max-budget': String(k.maxBudget) } : {}) };
          return send(200, { id: 'msg_1', type: 'message', role: 'assistant', model, content: [{ type: 'text', text: 'ok from the gateway' }], stop_reason: 'end_turn', usage: { input_tokens: 3, output_tokens: 2 } }, spendHeaders);
        }
        send(404, { detail: 'Not Found' });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const a = this.server.address();
    this.url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
