/**
 * The form server: a host of its own next to the portal (FORMSERVER_PUBLIC_URL in
 * config/packages/app.yaml), where `flow_steps[].parameters.url` (`<public url>/form/`) points and
 * nested forms (`{"type":"form","form":"<_id>"}`) are fetched: `GET /form/{_id}` -> the Form.io
 * form (FormServerApiAdapterService::getForm). Nothing else of the real form server is served.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalogue } from './catalogue-dir';
import { listening } from './listening';

export interface FormServer {
  url: string;
  close(): Promise<void>;
}

export async function startFormServer(catalogue: () => Catalogue, options: { port?: number } = {}): Promise<FormServer> {
  const server = createServer((req, res) => {
    const m = /^\/form\/([^/?]+)$/.exec(new URL(req.url ?? '/', 'http://forms').pathname);
    const form = m && req.method === 'GET' ? catalogue().forms.get(decodeURIComponent(m[1]!)) : undefined;
    if (!form) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const body = Buffer.from(JSON.stringify(form));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) }).end(body);
  });
  server.keepAliveTimeout = 5_000;
  await listening(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
