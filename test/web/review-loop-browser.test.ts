/**
 * The review loop in the console, in Chromium: an agent closes a handoff and judges it with one
 * click, a reviewer flags a conversation the bot kept, and the Gaps view shows the demo history.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, demoAgentToken } from '../../src/demo/demo-app.js';
import { seedDemoHistory } from '../../src/demo/demo-history.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = existsSync(chromiumPath) || process.env.CI === 'true';
const waitMs = 15_000;

let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  if (!hasBrowser) return;
  const built = await stat(join(repoRoot, 'dist/web/agent/index.html')).then(
    () => true,
    () => false,
  );
  if (!built) {
    const { build } = await import('vite');
    await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  userDataDir = await mkdtemp(join(tmpdir(), 'handrail-review-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 1280, height: 800 },
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe.skipIf(!hasBrowser)('the review loop in the console', () => {
  it('judges a closed handoff with one click, flags a missed escalation and shows the gaps', async () => {
    const store = createMemoryStore();
    const { app } = createDemoApp({ env: {}, store, logger: silentLogger });
    await seedDemoHistory(store, new Date());
    const server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      const handed = await app.request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: chatBody('review-loop-browser-1', [userMessage('I would like to talk to a person, please.')]),
      });
      expect(handed.status).toBe(200);

      await page.goto(`${baseUrl}/agent`);
      await page.getByLabel('Agent token').fill(demoAgentToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.queue-item[data-conversation-id="review-loop-browser-1"]').click({ timeout: waitMs });
      await page.getByRole('button', { name: 'Claim', exact: true }).click({ timeout: waitMs });
      await page.getByRole('button', { name: 'Close as resolved' }).click({ timeout: waitMs });

      // One click after closing: the handoff was not needed.
      await page.getByText('Was this handoff needed?').waitFor({ timeout: waitMs });
      await page.getByRole('button', { name: 'No, the bot could have answered' }).click();
      await page.locator('[data-judged="needless"]').waitFor({ timeout: waitMs });
      const judged = await store.getConversation('review-loop-browser-1');
      expect(judged?.handoff?.judgement).toMatchObject({ needed: false, by: 'agent' });

      // The review queue: the seeded conversation that ended upset; the reviewer flags it.
      await page.getByRole('button', { name: 'Review', exact: true }).click();
      const upset = page.locator('.review-entry[data-conversation-id="demo-history-bot-upset"]');
      await upset.waitFor({ timeout: waitMs });
      expect(await upset.textContent()).toContain('Ended upset');
      expect(await page.locator('.review-entry[data-conversation-id="demo-history-bot-calm"]').count()).toBe(0);
      await upset.locator('.queue-item').click();
      await upset.getByRole('list', { name: 'Review transcript' }).getByText('useless').waitFor({ timeout: waitMs });
      await upset.getByRole('button', { name: 'Should have reached a person' }).click();
      await page
        .locator('.review-entry[data-conversation-id="demo-history-bot-upset"][data-reviewed="missed"]')
        .waitFor({ timeout: waitMs });
      expect((await store.getConversation('demo-history-bot-upset'))?.review).toMatchObject({
        verdict: 'missed',
        reason: 'negative_sentiment',
      });

      // The gap report from the seeded history and the judgement just made.
      await page.getByRole('button', { name: 'Gaps', exact: true }).click();
      const topic = page.locator('.gap-topic').first();
      await topic.waitFor({ timeout: waitMs });
      expect(await topic.textContent()).toMatch(/handoffs about “.*binding.*”/i);
      expect(await topic.textContent()).toContain('No entry answers it');
      await page.screenshot({ path: join(repoRoot, 'test-artifacts/review-loop-gaps.png') }).catch(() => {});
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
