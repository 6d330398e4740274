import { existsSync } from 'node:fs';
/**
 * The demo's pages in a real browser (Debian's Chromium through playwright-core): a customer
 * chats with the bot, asks for a person, an agent signs in to the console, reads the brief,
 * claims, replies and hands the conversation back to the bot. Screenshots go to test-artifacts/;
 * `UPDATE_SCREENSHOTS=1` also refreshes docs/screenshots/{chat,agent}.png for the README.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, demoAgentToken } from '../../src/demo/demo-app.js';
import { type Logger, silentLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webRoot = join(repoRoot, 'dist/web');
const artifacts = join(repoRoot, 'test-artifacts');
const screenshots = join(repoRoot, 'docs/screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without a browser the suite skips on a developer machine, but never in CI.
const hasBrowser = existsSync(chromiumPath) || process.env.CI === 'true';
const waitMs = 15_000;
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === '1';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Newest modification time of the files under `path`. */
async function newestChange(path: string): Promise<number> {
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  let newest = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Builds the pages with Vite unless `dist/web` is newer than every source file. */
async function ensureBuilt() {
  const built = await stat(join(webRoot, 'agent/index.html')).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const sources = Math.max(
    await newestChange(join(repoRoot, 'web')),
    (await stat(join(repoRoot, 'vite.config.ts'))).mtimeMs,
  );
  if (built > sources) return;
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}

async function startDemo(clock?: () => Date) {
  const serverErrors: string[] = [];
  const logger: Logger = {
    ...silentLogger,
    error: (message, fields) => serverErrors.push(`${message} ${JSON.stringify(fields)}`),
  };
  const { app } = createDemoApp({ env: {}, store: createMemoryStore(), logger, ...(clock ? { clock } : {}) });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}`, serverErrors };
}

function closeServer(server: ServerType) {
  return new Promise<void>((resolve) => {
    // Event streams stay open until the browser goes; drop them.
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Page errors and console errors (a blocked script, a failed request) fail the test. */
function collectErrors(page: Page, into: string[]) {
  page.on('pageerror', (error) => into.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`console: ${message.text()}`);
  });
}

let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  if (!hasBrowser) return;
  await ensureBuilt();
  await mkdir(artifacts, { recursive: true });
  userDataDir = await mkdtemp(join(tmpdir(), 'handrail-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe.skipIf(!hasBrowser)('chat page and agent console', () => {
  it('hands a customer to an agent and back to the bot', async () => {
    const { server, baseUrl, serverErrors } = await startDemo();
    const errors: string[] = [];
    const user = await context.newPage();
    const agent = await context.newPage();
    collectErrors(user, errors);
    collectErrors(agent, errors);
    try {
      await user.setViewportSize({ width: 900, height: 800 });
      await user.goto(`${baseUrl}/`);
      const botAnswers = user.locator('.messages [data-author="bot"]:not([data-greeting])');
      const status = user.getByRole('status');

      // 1. A question the bot answers, streamed through useChat.
      await user.getByLabel('Message').fill('How long does shipping take?');
      await user.getByRole('button', { name: 'Send' }).click();
      await botAnswers.first().waitFor({ timeout: waitMs });
      await user.waitForFunction(() => document.querySelector('.composer button[type="submit"]') !== null);
      await expect
        .poll(async () => (await botAnswers.first().textContent()) ?? '', { timeout: waitMs })
        .toMatch(/ship|deliver/i);
      expect(await status.textContent()).toBe('You are chatting with the assistant.');

      // 2. Asking for a person: the transition message and the expected wait.
      await user.getByRole('button', { name: 'Talk to a person' }).click();
      const queued = user.locator('[data-handoff-status="queued"]');
      await queued.waitFor({ timeout: waitMs });
      expect((await queued.textContent())?.length).toBeGreaterThan(20);
      await expect
        .poll(async () => status.textContent(), { timeout: waitMs })
        .toMatch(/Waiting for a person · expected wait/);
      await user.screenshot({ path: join(artifacts, '1-chat-handoff-queued.png') });

      // 3. The agent signs in and finds the conversation in the queue with its reason.
      await agent.goto(`${baseUrl}/agent`);
      await agent.getByLabel('Agent token').fill('not-the-token');
      await agent.getByRole('button', { name: 'Sign in' }).click();
      await agent.getByRole('alert').filter({ hasText: 'That token is not valid.' }).waitFor({ timeout: waitMs });
      // The browser logs the rejected sign-in (401); that one is expected.
      errors.splice(0, errors.length, ...errors.filter((error) => !error.includes('status of 401')));
      await agent.getByLabel('Agent token').fill(demoAgentToken);
      await agent.getByRole('button', { name: 'Sign in' }).click();
      const entry = agent.locator('.queue-item').first();
      await entry.waitFor({ timeout: waitMs });
      expect(await entry.textContent()).toContain('Asked for a person');
      await agent.screenshot({ path: join(artifacts, '2-agent-queue.png') });

      // 4. The brief above the transcript, then claim.
      await entry.click();
      const brief = agent.getByRole('region', { name: 'Brief' });
      await brief.locator('.brief-summary').waitFor({ timeout: waitMs });
      const briefText = (await brief.textContent()) ?? '';
      for (const heading of ['Reason', 'Urgency', 'Intent', 'Sentiment', 'Summary', 'What the bot tried']) {
        expect(briefText).toContain(heading);
      }
      expect(briefText).toContain('Asked for a person');
      const transcript = agent.getByRole('list', { name: 'Transcript' });
      expect(await transcript.textContent()).toContain('How long does shipping take?');
      await agent.getByRole('button', { name: 'Claim' }).click();
      await agent.locator('[data-state="assigned"]').waitFor({ timeout: waitMs });

      // The customer sees that a person joined.
      await user.locator('[data-handoff-status="assigned"]').waitFor({ timeout: waitMs });

      // 5. The agent replies; the customer sees it live.
      const reply = 'Hi, this is Alex. Parcels leave our warehouse within one business day.';
      await agent.getByLabel('Reply to the customer').fill(reply);
      await agent.getByRole('button', { name: 'Send reply' }).click();
      await transcript.locator('[data-author="agent"]', { hasText: reply }).waitFor({ timeout: waitMs });
      await agent.locator('[data-state="human"]').waitFor({ timeout: waitMs });
      const agentMessage = user.locator('.messages [data-author="agent"]', { hasText: reply });
      await agentMessage.waitFor({ timeout: waitMs });
      await expect.poll(async () => status.textContent(), { timeout: waitMs }).toMatch(/You are chatting with Alex\./);
      await user.screenshot({ path: join(artifacts, '3-chat-agent-reply.png') });
      await agent.screenshot({ path: join(artifacts, '4-agent-conversation.png') });

      // 6. Back to the bot: the customer is told, and the bot answers again.
      await agent.getByRole('button', { name: 'Resolve: back to the bot' }).click();
      await agent.locator('[data-state="bot"]').waitFor({ timeout: waitMs });
      await user.locator('[data-handoff-status="resolved"]').waitFor({ timeout: waitMs });
      await expect.poll(async () => status.textContent(), { timeout: waitMs }).toBe('Back to the assistant.');
      await user.getByLabel('Message').fill('What is your return policy?');
      await user.keyboard.press('Enter');
      await expect.poll(async () => botAnswers.count(), { timeout: waitMs }).toBe(2);
      await expect
        .poll(async () => (await botAnswers.nth(1).textContent()) ?? '', { timeout: waitMs })
        .toMatch(/return/i);
      await expect
        .poll(async () => status.textContent(), { timeout: waitMs })
        .toBe('You are chatting with the assistant.');
      await user.screenshot({ path: join(artifacts, '5-chat-back-to-bot.png') });

      // The queue is empty again once the conversation is back with the bot.
      await agent.getByText('Nobody is waiting.').waitFor({ timeout: waitMs });

      // The README's copies: written when missing or on request, so a test run leaves the checkout clean.
      if (updateScreenshots || !(await exists(join(screenshots, 'chat.png')))) {
        await mkdir(screenshots, { recursive: true });
        await copyFile(join(artifacts, '3-chat-agent-reply.png'), join(screenshots, 'chat.png'));
        await copyFile(join(artifacts, '4-agent-conversation.png'), join(screenshots, 'agent.png'));
      }
      expect(errors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await user.screenshot({ path: join(artifacts, 'failure-chat.png') }).catch(() => {});
      await agent.screenshot({ path: join(artifacts, 'failure-agent.png') }).catch(() => {});
      throw new Error(
        `${String(error)}\nBrowser errors: ${JSON.stringify(errors)}\nServer errors: ${JSON.stringify(serverErrors)}`,
        { cause: error },
      );
    } finally {
      await user.close();
      await agent.close();
      await closeServer(server);
    }
  }, 90_000);

  it('takes name and email when the team is offline and confirms the ticket', async () => {
    // A Sunday: the billing team keeps office hours, so a billing dispute finds nobody.
    const { server, baseUrl, serverErrors } = await startDemo(() => new Date('2026-11-29T12:00:00Z'));
    const errors: string[] = [];
    const user = await context.newPage();
    collectErrors(user, errors);
    try {
      await user.setViewportSize({ width: 900, height: 800 });
      await user.goto(`${baseUrl}/`);
      await user.getByLabel('Message').fill('I was charged twice for my order and I want my money back');
      await user.keyboard.press('Enter');
      await user.locator('[data-handoff-status="offline"]').first().waitFor({ timeout: waitMs });
      const status = user.getByRole('status');
      await expect.poll(async () => status.textContent(), { timeout: waitMs }).toBe('Our team is offline right now');

      const form = user.getByRole('form', { name: 'Leave your details and we will reply by email' });
      await form.getByLabel('Name').fill('Dana Example');
      await form.getByLabel('Email').fill('dana@example.com');
      await user.screenshot({ path: join(artifacts, '6-chat-offline-form.png') });
      await form.getByRole('button', { name: 'Send my details' }).click();

      await expect.poll(async () => status.textContent(), { timeout: waitMs }).toMatch(/^Ticket T-\w+ created/);
      await form.waitFor({ state: 'detached', timeout: waitMs });
      const notices = user.locator('[data-handoff-status="offline"]');
      expect(await notices.count()).toBe(2);
      expect(await notices.nth(1).textContent()).toMatch(/T-\w+/);
      await user.screenshot({ path: join(artifacts, '7-chat-ticket.png') });
      expect(errors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await user.screenshot({ path: join(artifacts, 'failure-offline.png') }).catch(() => {});
      throw new Error(
        `${String(error)}\nBrowser errors: ${JSON.stringify(errors)}\nServer errors: ${JSON.stringify(serverErrors)}`,
        {
          cause: error,
        },
      );
    } finally {
      await user.close();
      await closeServer(server);
    }
  }, 60_000);
});
