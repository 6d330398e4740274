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
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
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
    // The chat page runs the shipped client (handrail/client).
    await newestChange(join(repoRoot, 'src/client')),
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

const narrow = { width: 390, height: 844 };
const wide = { width: 1280, height: 800 };
const smallest = { width: 360, height: 740 };

/** How wide the page is against the window: more than the window means a horizontal scroll. */
function pageWidth(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
}

/** Widths measured at each size, for the report at the end of the run. */
const measured: string[] = [];

/** Resizes the page and checks that nothing overflows sideways. */
async function expectNoOverflowAt(page: Page, size: { width: number; height: number }, label: string) {
  await page.setViewportSize(size);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { scrollWidth, innerWidth } = await pageWidth(page);
  measured.push(`${label} at ${size.width}x${size.height}: scrollWidth ${scrollWidth}, innerWidth ${innerWidth}`);
  expect(scrollWidth, `${label} at ${size.width}x${size.height}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Why `selector` is not readable where it is, or null when it is: inside the window, not
 * covered (by the sticky header or reply box) and not cut off by an inner scroll of the brief.
 */
function unreadable(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return `${selector} missing`;
    const box = element.getBoundingClientRect();
    if (box.height === 0) return `${selector} has no height`;
    if (box.top < 0 || box.bottom > window.innerHeight || box.left < 0 || box.right > window.innerWidth) {
      return `${selector} outside the window: ${Math.round(box.top)}..${Math.round(box.bottom)} of ${window.innerHeight}`;
    }
    for (const y of [box.top + 2, box.bottom - 2]) {
      const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 12), y);
      if (!hit || !(hit === element || element.contains(hit))) return `${selector} covered by ${hit?.className}`;
    }
    const brief = element.closest('.brief');
    if (brief && brief.scrollHeight > brief.clientHeight + 1) return 'the brief scrolls inside';
    return null;
  }, selector);
}

/** The brief's text outside its "How this was detected" disclosure. */
function mainViewText(brief: Locator) {
  return brief.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const details of copy.querySelectorAll('details')) details.remove();
    return copy.textContent ?? '';
  });
}

/** Signs in to the console with the demo's agent token. */
async function signIn(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/agent`);
  await page.getByLabel('Agent token').fill(demoAgentToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The conversation id and token the chat page keeps for its tab. */
function keptSession(page: Page) {
  return page.evaluate(
    () => JSON.parse(sessionStorage.getItem('handrail-chat-conversation') ?? 'null') as { id: string } | null,
  );
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
  if (measured.length > 0) console.info(measured.join('\n'));
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe.skipIf(!hasBrowser)('chat page and agent console', () => {
  it('hands a customer to an agent and back to the bot, across reloads', async () => {
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
      const question = 'How long does shipping take for order #12345?';

      // 1. A question the bot answers, streamed through useChat.
      expect(await user.getByRole('button', { name: 'Start over' }).count()).toBe(0);
      await user.getByLabel('Message').fill(question);
      await user.getByRole('button', { name: 'Send' }).click();
      await botAnswers.first().waitFor({ timeout: waitMs });
      await user.waitForFunction(() => document.querySelector('.composer button[type="submit"]') !== null);
      await expect
        .poll(async () => (await botAnswers.first().textContent()) ?? '', { timeout: waitMs })
        .toMatch(/ship|deliver/i);
      expect(await status.textContent()).toBe('You are chatting with the assistant.');
      const conversationId = (await keptSession(user))?.id;
      expect(conversationId).toMatch(/^[0-9a-f]{32}$/);

      // A reload keeps the conversation: the question and the answer come back from the server.
      await user.reload();
      await user.locator('.messages [data-author="user"]', { hasText: question }).waitFor({ timeout: waitMs });
      await expect.poll(async () => botAnswers.count(), { timeout: waitMs }).toBe(1);
      expect((await keptSession(user))?.id).toBe(conversationId);

      // 2. Asking for a person: the transition message and the expected wait.
      await user.getByRole('button', { name: 'Talk to a person' }).click();
      const queued = user.locator('[data-handoff-status="queued"]');
      await queued.waitFor({ timeout: waitMs });
      expect((await queued.textContent())?.length).toBeGreaterThan(20);
      await expect
        .poll(async () => status.textContent(), { timeout: waitMs })
        .toMatch(/Waiting for a person · expected wait/);
      await user.screenshot({ path: join(artifacts, '1-chat-handoff-queued.png') });

      // 3. The agent signs in and finds the conversation in the queue with its reason and last words.
      await agent.goto(`${baseUrl}/agent`);
      await expectNoOverflowAt(agent, narrow, 'console, sign-in');
      await agent.setViewportSize(wide);
      await agent.getByLabel('Agent token').fill('not-the-token');
      await agent.getByRole('button', { name: 'Sign in' }).click();
      await agent.getByRole('alert').filter({ hasText: 'That token is not valid.' }).waitFor({ timeout: waitMs });
      // The browser logs the rejected sign-in (401); that one is expected.
      errors.splice(0, errors.length, ...errors.filter((error) => !error.includes('status of 401')));
      await agent.getByLabel('Agent token').fill(demoAgentToken);
      await agent.getByRole('button', { name: 'Sign in' }).click();
      const entry = agent.locator('.queue-item').first();
      await entry.waitFor({ timeout: waitMs });
      expect(await entry.locator('.queue-reason').textContent()).toBe('Asked for a person');
      await expect
        .poll(async () => (await entry.locator('.queue-preview').textContent()) ?? '', { timeout: waitMs })
        .toContain('I would like to talk to a person, please.');
      await agent.screenshot({ path: join(artifacts, '2-agent-queue.png') });

      // 4. The brief, laid out for reading: reason, urgency, who/what/when, summary, mentioned.
      await entry.click();
      const brief = agent.getByRole('region', { name: 'Brief', exact: true });
      await brief.locator('.brief-summary').waitFor({ timeout: waitMs });
      expect(await brief.locator('.brief-reason').textContent()).toBe('Asked for a person');
      const briefText = await mainViewText(brief);
      for (const heading of ['Normal urgency', 'Customer', 'Wants', 'Handed off', 'Summary', 'Mentioned']) {
        expect(briefText).toContain(heading);
      }
      expect(await brief.locator('.entities').textContent()).toContain('12345');
      // Scores and the brief's provenance stay in the disclosure, out of the main view.
      expect(briefText).not.toMatch(/p=0\.|Extracted from the transcript|explicit_request/);
      expect(await brief.locator('details.brief-details').textContent()).toContain(
        'Summary extracted from the transcript',
      );
      // The conversation id in full, the transcript from the start with the triggering turn marked.
      expect(await agent.locator('.conversation-id').textContent()).toBe(conversationId);
      const transcript = agent.getByRole('list', { name: 'Transcript' });
      expect(await transcript.locator('li').first().textContent()).toContain(question);
      expect(await transcript.locator('[data-trigger]').textContent()).toContain('I would like to talk to a person');
      expect(await agent.locator('.detail-pane').evaluate((pane) => pane.scrollTop)).toBe(0);
      // Claim comes first: back to the bot and close only once claimed.
      await agent.getByRole('button', { name: 'Claim', exact: true }).waitFor();
      expect(await agent.getByRole('button', { name: /Back to the bot|Close/ }).count()).toBe(0);
      expect(await unreadable(agent, '.brief-summary')).toBeNull();
      expect(await unreadable(agent, '.entities')).toBeNull();
      await expectNoOverflowAt(agent, wide, 'console, brief');

      // The customer writes on while waiting: the brief updates in place, where the agent is reading.
      const card = await brief.elementHandle();
      await user.getByLabel('Message').fill('I was also charged twice, 49.99 EUR, on 3 March.');
      await user.keyboard.press('Enter');
      await expect
        .poll(async () => (await brief.locator('.entities').textContent()) ?? '', { timeout: waitMs })
        .toContain('49.99');
      expect(await card?.evaluate((element) => element.isConnected)).toBe(true);
      expect(await agent.locator('.detail-pane').evaluate((pane) => pane.scrollTop)).toBe(0);
      expect(await brief.locator('.brief-reason strong').textContent()).toBe('Asked for a person');
      expect(await transcript.locator('[data-trigger]').textContent()).toContain('I would like to talk to a person');

      // The same at phone size: the conversation replaces the queue, with a way back.
      await expectNoOverflowAt(agent, narrow, 'console, brief');
      expect(await agent.locator('.queue-pane').isVisible()).toBe(false);
      expect(await unreadable(agent, '.brief-summary')).toBeNull();
      expect(await unreadable(agent, '.entities')).toBeNull();
      expect(await unreadable(agent, '.actions button')).toBeNull();
      await agent.screenshot({ path: join(artifacts, '2b-agent-brief-390.png'), fullPage: true });
      await expectNoOverflowAt(agent, smallest, 'console, brief');
      await agent.getByRole('button', { name: '← Queue' }).click();
      await entry.waitFor({ timeout: waitMs });
      await expectNoOverflowAt(agent, narrow, 'console, queue');
      await entry.click();
      await brief.locator('.brief-summary').waitFor({ timeout: waitMs });
      await agent.setViewportSize(wide);

      await agent.getByRole('button', { name: 'Claim', exact: true }).click();
      await agent.locator('[data-state="assigned"]').waitFor({ timeout: waitMs });
      await agent.getByRole('button', { name: 'Back to the bot' }).waitFor({ timeout: waitMs });
      await agent.getByRole('button', { name: 'Close as resolved' }).waitFor({ timeout: waitMs });
      expect(await agent.getByRole('button', { name: 'Claim', exact: true }).count()).toBe(0);

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
      await expectNoOverflowAt(agent, narrow, 'console, claimed');
      await agent.setViewportSize(wide);

      // After a reload the agent's reply is still there, and the next one arrives live again.
      await user.reload();
      await agentMessage.waitFor({ timeout: waitMs });
      await expect.poll(async () => status.textContent(), { timeout: waitMs }).toMatch(/You are chatting with Alex\./);
      const second = 'Your order #12345 is packed and leaves today.';
      await agent.getByLabel('Reply to the customer').fill(second);
      await agent.getByRole('button', { name: 'Send reply' }).click();
      await user.locator('.messages [data-author="agent"]', { hasText: second }).waitFor({ timeout: waitMs });
      expect(await user.locator('.messages [data-author="agent"]', { hasText: reply }).count()).toBe(1);
      await expectNoOverflowAt(user, narrow, 'chat, with an agent');
      await user.screenshot({ path: join(artifacts, '3b-chat-390.png') });
      await expectNoOverflowAt(user, smallest, 'chat, with an agent');
      await expectNoOverflowAt(user, wide, 'chat, with an agent');
      await user.setViewportSize({ width: 900, height: 800 });

      // 6. Back to the bot: the customer is told, and the bot answers again.
      await agent.getByRole('button', { name: 'Back to the bot' }).click();
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

      // 7. Start over: a new conversation, nothing of the old one, and a reload keeps the new one.
      await user.getByRole('button', { name: 'Start over' }).click();
      await expect.poll(async () => user.locator('.messages [data-author]:not([data-greeting])').count()).toBe(0);
      expect(await keptSession(user)).toBeNull();
      expect(await status.textContent()).toBe('You are chatting with the assistant.');
      await user.getByLabel('Message').fill('Do you ship to Canada?');
      await user.keyboard.press('Enter');
      await expect.poll(async () => botAnswers.count(), { timeout: waitMs }).toBe(1);
      const fresh = (await keptSession(user))?.id;
      expect(fresh).toMatch(/^[0-9a-f]{32}$/);
      expect(fresh).not.toBe(conversationId);
      await user.reload();
      await user
        .locator('.messages [data-author="user"]', { hasText: 'Do you ship to Canada?' })
        .waitFor({ timeout: waitMs });
      expect(await user.locator('.messages', { hasText: question }).count()).toBe(0);

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

  it('updates the brief in place from brief events, with human labels and no scores in view', async () => {
    const { server, baseUrl, serverErrors } = await startDemo();
    const errors: string[] = [];
    const agent = await context.newPage();
    collectErrors(agent, errors);
    try {
      // A conversation handed off through the API, faster than typing it.
      const conversationId = 'brief0event0test0conversation01';
      const response = await fetch(`${baseUrl}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          id: conversationId,
          messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Can I talk to a person please?' }] }],
        }),
      });
      expect(response.status).toBe(200);

      // The events route answers with one `brief` event as the server sends it when the brief changes.
      const event = {
        brief: null as unknown,
        reasons: [
          { reason: 'crisis', source: 'guard', detail: 'topic self_harm', score: 1 },
          { reason: 'crisis', source: 'guard', detail: 'crisis wording', score: 1 },
          { reason: 'explicit_request', source: 'guard', detail: 'asks for a person', score: 0.9 },
          { reason: 'explicit_request', source: 'model', detail: 'The model asked for a person.' },
          { reason: 'high_stakes', source: 'guard', detail: 'learned high-stakes matter (p=0.94)', score: 0.94 },
        ],
        urgency: 'critical',
        briefSource: 'model',
        briefAt: new Date(Date.now() + 60_000).toISOString(),
      };
      await agent.route('**/api/agent/conversations/*/events**', async (route) => {
        const detail = (await (
          await fetch(`${baseUrl}/api/agent/conversations/${conversationId}`, {
            headers: { authorization: `Bearer ${demoAgentToken}` },
          })
        ).json()) as { brief: { summary: string } };
        event.brief = { ...detail.brief, summary: 'The customer is in distress and asked for a person.' };
        await route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
          body: `retry: 60000\nevent: brief\ndata: ${JSON.stringify(event)}\n\n`,
        });
      });

      await agent.setViewportSize(wide);
      await signIn(agent, baseUrl);
      await agent.locator(`.queue-item[data-conversation-id="${conversationId}"]`).click();
      const brief = agent.getByRole('region', { name: 'Brief', exact: true });
      await expect
        .poll(async () => brief.locator('.brief-summary').textContent(), { timeout: waitMs })
        .toBe('The customer is in distress and asked for a person.');
      // It stays: a reload of the conversation with an older brief does not undo it.
      await agent.waitForTimeout(2500);
      expect(await brief.locator('.brief-summary').textContent()).toBe(
        'The customer is in distress and asked for a person.',
      );
      expect(await brief.locator('.brief-reason').textContent()).toBe(
        'Crisis / self-harm · also Asked for a person, High-stakes matter',
      );
      expect(await brief.locator('.badge').textContent()).toBe('Critical urgency');
      const main = await mainViewText(brief);
      expect(main).not.toMatch(/p=0\.94|self_harm|crisis wording|score|written by the model/i);
      const details = (await brief.locator('details.brief-details').textContent()) ?? '';
      expect(details).toContain('learned high-stakes matter (p=0.94)');
      expect(details).toContain('Summary written by the model');
      expect(await unreadable(agent, '.brief-summary')).toBeNull();
      expect(await unreadable(agent, '.entities')).toBeNull();
      await expectNoOverflowAt(agent, narrow, 'console, critical brief');
      expect(await unreadable(agent, '.brief-summary')).toBeNull();
      expect(errors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await agent.screenshot({ path: join(artifacts, 'failure-brief-event.png') }).catch(() => {});
      throw new Error(
        `${String(error)}\nBrowser errors: ${JSON.stringify(errors)}\nServer errors: ${JSON.stringify(serverErrors)}`,
        { cause: error },
      );
    } finally {
      await agent.close();
      await closeServer(server);
    }
  }, 45_000);

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
      await expectNoOverflowAt(user, narrow, 'chat, offline form');
      await user.setViewportSize({ width: 900, height: 800 });
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
