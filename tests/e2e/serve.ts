/** A loopback server for test pages: each path gets its HTML and, optionally, a Content-Security-Policy header. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedPage {
  html: Buffer | string;
  csp?: string;
}

/** Serves `pages` by path (a query string is ignored) on 127.0.0.1; resolves with the server and its base URL. */
export async function servePages(
  pages: Record<string, ServedPage>,
): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const page = pages[(req.url ?? '').split('?')[0] ?? ''];
    if (page)
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          ...(page.csp ? { 'content-security-policy': page.csp } : {}),
        })
        .end(page.html);
    else if (req.url === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
