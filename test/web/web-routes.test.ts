import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebRoutes } from '../../src/web/index.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'handrail-web-'));
  await mkdir(join(root, 'agent'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>chat</title>');
  await writeFile(join(root, 'agent', 'index.html'), '<!doctype html><title>agent</title>');
  await writeFile(join(root, 'assets', 'chat-abc123.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'style-abc123.css'), 'body{}');
  await writeFile(join(root, 'secret.txt'), 'do not serve');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createWebRoutes', () => {
  it('serves the chat page at / and the console at /agent, never cached, with a content security policy', async () => {
    const app = createWebRoutes({ root });
    const chat = await app.request('/');
    expect(chat.status).toBe(200);
    expect(chat.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(chat.headers.get('cache-control')).toBe('no-cache');
    expect(chat.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await chat.text()).toContain('<title>chat</title>');
    const agent = await app.request('/agent');
    expect(agent.status).toBe(200);
    expect(await agent.text()).toContain('<title>agent</title>');
    const slash = await app.request('/agent/');
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe('/agent');
  });

  it('serves hashed assets with their type and a long cache', async () => {
    const app = createWebRoutes({ root });
    const script = await app.request('/assets/chat-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');
    const style = await app.request('/assets/style-abc123.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing assets, unknown types and paths that leave the folder', async () => {
    const app = createWebRoutes({ root });
    expect((await app.request('/assets/missing-1.js')).status).toBe(404);
    expect((await app.request('/assets/notes.txt')).status).toBe(404);
    expect((await app.request('/assets/..%2Fsecret.txt')).status).toBe(404);
    expect((await app.request('/assets/..%2Findex.html')).status).toBe(404);
    expect((await app.request('/secret.txt')).status).toBe(404);
  });

  it('falls back to the given chat page when nothing is built, and explains the missing console', async () => {
    const app = createWebRoutes({ root: join(root, 'nothing-here'), fallbackChatPage: '<p>fallback</p>' });
    const chat = await app.request('/');
    expect(chat.status).toBe(200);
    expect(await chat.text()).toBe('<p>fallback</p>');
    const agent = await app.request('/agent');
    expect(agent.status).toBe(404);
    expect(await agent.text()).toContain('vite build');
    const bare = createWebRoutes({ root: join(root, 'nothing-here') });
    expect((await bare.request('/')).status).toBe(404);
  });
});
