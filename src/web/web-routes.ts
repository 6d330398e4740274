import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

/** Where `vite build` writes the pages: `dist/web` at the repository root. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../dist/web/', import.meta.url));
}

/** Options of {@link createWebRoutes}. */
export interface WebRoutesOptions {
  /**
   * Folder holding the built pages (`index.html`, `agent/index.html`, `assets/`).
   * @default `dist/web` at the repository root
   */
  root?: string;
  /** HTML served at `/` when the pages are not built, so the demo still has a chat page. */
  fallbackChatPage?: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Built asset names: letters, digits, `_`, `-` and dots, never starting with a dot. */
const safeAssetName = /^[\w-][\w.-]*$/;

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

/**
 * The demo's web pages on Node: the chat page at `/`, the agent console at `/agent` and their
 * hashed assets under `/assets/`, read from the Vite build (`npx vite build`). Without a
 * build, `/` serves `fallbackChatPage` and `/agent` explains how to build the console.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.route('/', createWebRoutes({ fallbackChatPage: chatPage }));
 * app.route('/api', handrail({ model }));
 * ```
 */
export function createWebRoutes({ root = defaultWebRoot(), fallbackChatPage }: WebRoutesOptions = {}): Hono {
  const base = resolve(root);
  const app = new Hono();

  /** Reads a file inside `base`; null when it is missing or the path leaves the folder. */
  async function load(relativePath: string): Promise<Buffer | null> {
    const path = resolve(base, relativePath);
    if (path !== base && !path.startsWith(base + sep)) return null;
    try {
      return await readFile(path);
    } catch {
      return null;
    }
  }

  function page(file: Buffer) {
    return new Response(new Uint8Array(file), {
      headers: { 'content-type': contentTypes['.html']!, 'cache-control': 'no-cache', ...securityHeaders },
    });
  }

  app.get('/', async (c) => {
    const file = await load('index.html');
    if (file) return page(file);
    if (fallbackChatPage) return c.html(fallbackChatPage);
    return c.text('The chat page is not built: run `npx vite build`.', 404);
  });

  app.get('/agent', async (c) => {
    const file = await load('agent/index.html');
    if (file) return page(file);
    return c.text('The agent console is not built: run `npx vite build`, then reload.', 404);
  });
  app.get('/agent/', (c) => c.redirect('/agent', 301));

  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = contentTypes[extname(name)];
    const file = type && safeAssetName.test(name) && !name.includes('..') ? await load(`assets/${name}`) : null;
    if (!file || !type) return c.text('Not found', 404);
    return new Response(new Uint8Array(file), {
      headers: {
        'content-type': type,
        // File names carry a content hash: a new build gets new names.
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
    });
  });

  return app;
}
