/**
 * A tiny static file server for the browser benchmarks: serves folders under URL prefixes on 127.0.0.1, without
 * compression (the benchmarks compute compressed sizes themselves) and without caching headers.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** A URL prefix ("/" or "/__bench/") and the folder it serves. */
export interface Mount {
  prefix: string;
  dir: string;
  /** Extra response headers for this mount (e.g. cross-origin isolation for precise timers). */
  headers?: Record<string, string>;
}

/** A running server. */
export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path maps to under a mount (index.html for folders), or null when outside it or missing. */
export function resolveFile(mount: Mount, pathname: string): string | null {
  if (!pathname.startsWith(mount.prefix)) return null;
  const relative = decodeURIComponent(pathname.slice(mount.prefix.length));
  const root = normalize(mount.dir);
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) return null;
  const file = existsSync(candidate) && statSync(candidate).isDirectory() ? join(candidate, 'index.html') : candidate;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

function handle(mounts: readonly Mount[], request: IncomingMessage, response: ServerResponse): void {
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  // Longest prefix first, so "/__bench/" wins over "/".
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const mount of ordered) {
    const file = resolveFile(mount, pathname);
    if (file === null) continue;
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-cache',
      ...mount.headers,
    });
    createReadStream(file).pipe(response);
    return;
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('not found');
}

/** Starts a server on 127.0.0.1 (a free port) for the given mounts. */
export async function serveStatic(mounts: readonly Mount[]): Promise<StaticServer> {
  const server = createServer((request, response) => handle(mounts, request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
