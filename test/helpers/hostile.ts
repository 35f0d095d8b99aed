import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A misbehaving HTTP server on 127.0.0.1 for doctor's hostile-proxy tests and explain's stand-in Messages API: `handle`
 * gets each request once its body (UTF-8) has arrived; `close` ends its timers and sockets.
 */
export function hostileServer(handle: (req: IncomingMessage, res: ServerResponse, timers: Set<NodeJS.Timeout>, body: string) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, timers, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: async () => {
          timers.forEach(clearInterval);
          sockets.forEach((s) => s.destroy());
          await new Promise((r) => server.close(r));
        },
      }),
    ),
  );
}
