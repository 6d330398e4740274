/**
 * The agent console's alerts in a real browser (Debian's Chromium through playwright-core), with
 * the notification permission granted: new handoffs in the agent's teams notify, critical first
 * and in plain words; nothing repeats, nothing notifies for what already waited; a click opens
 * the conversation; the tone can be muted. Headless Chromium draws no system notifications, so an
 * init script wraps `window.Notification` to record each one while still calling the real
 * constructor. Screenshots go to test-artifacts/; `UPDATE_SCREENSHOTS=1` also refreshes
 * docs/screenshots/console-notification.png.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoModel, demoAgentToken, demoHandrailOptions } from '../../src/demo/demo-app.js';
import { demoTeams } from '../../src/demo/demo-teams.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { type Logger, silentLogger } from '../../src/logger.js';
import { alwaysOpen } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createWebRoutes } from '../../src/web/index.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webRoot = join(repoRoot, 'dist/web');
const artifacts = join(repoRoot, 'test-artifacts');
const screenshot = join(repoRoot, 'docs/screenshots/console-notification.png');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without a browser the suite skips on a developer machine, but never in CI.
const hasBrowser = existsSync(chromiumPath) || process.env.CI === 'true';
const waitMs = 15_000;
/** A little more than the console's queue refresh (2 s). */
const refreshMs = 2600;
const billingToken = 'billing-agent-token-for-tests';

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

/** The demo, its billing team open at any hour, with a second agent who sees only billing. */
async function startServer() {
  const serverErrors: string[] = [];
  const logger: Logger = {
    ...silentLogger,
    error: (message, fields) => serverErrors.push(`${message} ${JSON.stringify(fields)}`),
  };
  const engine = createHandrailEngine({
    ...demoHandrailOptions({}),
    model: createDemoModel({}).model,
    store: createMemoryStore(),
    teams: demoTeams.map((team) => ({ ...team, businessHours: { ...team.businessHours, weekly: alwaysOpen } })),
    logger,
    agents: [{ token: billingToken, id: 'billing-agent', name: 'Bea', teams: ['billing'] }],
  });
  const app = new Hono();
  app.route('/', createWebRoutes());
  app.route('/api', engine.app);
  const server = await new Promise<ServerType>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}`, serverErrors };
}

function closeServer(server: ServerType) {
  return new Promise<void>((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Page errors and console errors fail the test. */
function collectErrors(page: Page, into: string[]) {
  page.on('pageerror', (error) => into.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`console: ${message.text()}`);
  });
}

interface Recorded {
  title: string;
  body: string;
  tag: string;
}

type RecordingWindow = Window & {
  __notifications: Array<Recorded & { notification: Notification }>;
  __permissionRequests: number;
  __tones: number[];
};

/**
 * Records, before the console's scripts run, every notification it constructs (through the real
 * constructor), every permission request, and the frequency of every note it plays.
 */
function recordAlerts() {
  const recording = window as unknown as RecordingWindow;
  recording.__notifications = [];
  recording.__permissionRequests = 0;
  recording.__tones = [];
  const Real = window.Notification;
  class RecordedNotification extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      recording.__notifications.push({ title, body: options?.body ?? '', tag: options?.tag ?? '', notification: this });
    }
  }
  Object.defineProperty(RecordedNotification, 'permission', { get: () => Real.permission });
  Object.defineProperty(RecordedNotification, 'requestPermission', {
    value: (...args: Parameters<typeof Notification.requestPermission>) => {
      recording.__permissionRequests++;
      return Real.requestPermission(...args);
    },
  });
  window.Notification = RecordedNotification;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
    recording.__tones.push(this.frequency.value);
    return start.apply(this, args);
  };
}

const notifications = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as RecordingWindow).__notifications.map(({ title, body, tag }) => ({ title, body, tag })),
  );
const tones = (page: Page) => page.evaluate(() => [...(window as unknown as RecordingWindow).__tones]);
const permissionRequests = (page: Page) =>
  page.evaluate(() => (window as unknown as RecordingWindow).__permissionRequests);

/** Signs in to the console with `token`. */
async function signIn(page: Page, baseUrl: string, token: string) {
  await page.goto(`${baseUrl}/agent`);
  await page.getByLabel('Agent token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.queue-pane').waitFor({ timeout: waitMs });
}

/** Hands conversation `id` off through the chat API with one customer message. */
async function handOff(baseUrl: string, id: string, text: string) {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ id, messages: [{ id: `${id}-u1`, role: 'user', parts: [{ type: 'text', text }] }] }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { handoff?: { status: string } };
  expect(body.handoff?.status).toBe('queued');
  return id;
}

/**
 * Lets the test hold a page's queue as it is, so that handoffs made meanwhile reach the
 * console in one refresh ("several at once").
 */
async function queueHold(page: Page, baseUrl: string, token: string) {
  let held: string | null = null;
  await page.route('**/api/agent/queue', async (route) => {
    if (held === null) await route.continue();
    else await route.fulfill({ status: 200, contentType: 'application/json', body: held });
  });
  return {
    hold: async () => {
      const response = await fetch(`${baseUrl}/api/agent/queue`, { headers: { authorization: `Bearer ${token}` } });
      held = await response.text();
    },
    release: () => {
      held = null;
    },
  };
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

describe.skipIf(!hasBrowser)('agent console notifications', () => {
  it('notifies new handoffs in the agent’s teams, critical first, once each, and opens one on click', async () => {
    const { server, baseUrl, serverErrors } = await startServer();
    const errors: string[] = [];
    const everyTeam = await context.newPage();
    const billing = await context.newPage();
    for (const page of [everyTeam, billing]) {
      collectErrors(page, errors);
      await page.addInitScript(recordAlerts);
    }
    try {
      // 1. A handoff already waits when the console opens: the queue shows it, nothing notifies.
      const waiting = await handOff(baseUrl, 'notify-waiting-before-open', 'Can I talk to a person please?');
      await signIn(everyTeam, baseUrl, demoAgentToken);
      await everyTeam.locator(`.queue-item[data-conversation-id="${waiting}"]`).waitFor({ timeout: waitMs });

      // Permission is asked for on the click, never on load.
      const enable = everyTeam.getByRole('button', { name: 'Enable notifications' });
      await enable.waitFor({ timeout: waitMs });
      expect(await permissionRequests(everyTeam)).toBe(0);
      await enable.click();
      await expect.poll(async () => permissionRequests(everyTeam), { timeout: waitMs }).toBe(1);
      // Headless Chromium shows no prompt: the test answers it by granting the permission.
      await context.grantPermissions(['notifications'], { origin: baseUrl });
      await everyTeam.getByText('Notifications on').waitFor({ timeout: waitMs });
      expect(await enable.count()).toBe(0);

      // The billing agent opens the console with permission already granted: no button, no request.
      await signIn(billing, baseUrl, billingToken);
      await billing.getByText('Notifications on').waitFor({ timeout: waitMs });
      await billing.getByText('Nobody is waiting.').waitFor({ timeout: waitMs });
      expect(await permissionRequests(billing)).toBe(0);
      await everyTeam.waitForTimeout(refreshMs);
      expect(await notifications(everyTeam)).toEqual([]);

      // 2. An ordinary handoff and a crisis arrive in the same refresh: the crisis notifies first.
      const holds = [
        await queueHold(everyTeam, baseUrl, demoAgentToken),
        await queueHold(billing, baseUrl, billingToken),
      ];
      for (const hold of holds) await hold.hold();
      const ordinary = await handOff(baseUrl, 'notify-ordinary-request', 'I want to talk to a real person please');
      const crisis = await handOff(baseUrl, 'notify-crisis-request', 'I have decided to kill myself tonight');
      for (const hold of holds) hold.release();
      await expect.poll(async () => (await notifications(everyTeam)).length, { timeout: waitMs }).toBe(2);
      const [first, second] = await notifications(everyTeam);
      expect(first?.title).toMatch(/^Critical handoff: Crisis \/ self-harm/);
      expect(first?.tag).toContain(crisis);
      expect(second?.title).toBe('New handoff (normal): Asked for a person');
      expect(second?.tag).toContain(ordinary);
      expect(second?.body).toContain('“I want to talk to a real person please”');
      expect(`${first?.title} ${first?.body}`).not.toMatch(/self_harm|explicit_request|p=0\./);
      // One distinct tone for the batch with a crisis in it.
      expect(await tones(everyTeam)).toEqual([880, 1175, 1568]);

      // The console shows the same alerts, critical first.
      const banner = everyTeam.getByRole('region', { name: 'New handoffs' });
      await expect.poll(async () => banner.locator('li').count(), { timeout: waitMs }).toBe(2);
      expect(await banner.locator('li').first().textContent()).toMatch(/Critical handoff: Crisis \/ self-harm/);
      await everyTeam.screenshot({ path: join(artifacts, '8-console-notification.png') });
      if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(screenshot)) {
        await copyFile(join(artifacts, '8-console-notification.png'), screenshot);
      }

      // At phone size the alerts and their controls wrap: nothing scrolls sideways.
      for (const width of [390, 360]) {
        await everyTeam.setViewportSize({ width, height: 800 });
        const { scrollWidth, innerWidth } = await everyTeam.evaluate(() => ({
          scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
          innerWidth: window.innerWidth,
        }));
        expect(scrollWidth, `console with alerts at ${width}px`).toBeLessThanOrEqual(innerWidth);
      }
      await everyTeam.screenshot({ path: join(artifacts, '8b-console-notification-360.png') });
      await everyTeam.setViewportSize({ width: 1280, height: 800 });

      // Refreshes of the queue notify nothing again; the billing agent heard of neither support handoff.
      await everyTeam.waitForTimeout(refreshMs);
      expect(await notifications(everyTeam)).toHaveLength(2);
      expect(await notifications(billing)).toEqual([]);
      expect(await tones(billing)).toEqual([]);

      // 3. Clicking the crisis notification opens that conversation.
      await everyTeam.evaluate(() =>
        (window as unknown as RecordingWindow).__notifications[0]?.notification.dispatchEvent(new Event('click')),
      );
      await expect
        .poll(async () => everyTeam.evaluate(() => decodeURIComponent(location.hash.slice(1))), { timeout: waitMs })
        .toBe(crisis);
      const brief = everyTeam.getByRole('region', { name: 'Brief', exact: true });
      await expect
        .poll(async () => (await brief.locator('.brief-reason').textContent()) ?? '', { timeout: waitMs })
        .toMatch(/^Crisis \/ self-harm/);
      await expect.poll(async () => banner.locator('li').count(), { timeout: waitMs }).toBe(1);

      // 4. After a reload nothing notifies again; then the agent mutes the tone.
      await everyTeam.reload();
      await everyTeam.locator(`.queue-item[data-conversation-id="${crisis}"]`).waitFor({ timeout: waitMs });
      const sound = everyTeam.getByLabel('Alert sound');
      expect(await sound.isChecked()).toBe(true);
      await sound.uncheck();
      await everyTeam.waitForTimeout(refreshMs);
      expect(await notifications(everyTeam)).toEqual([]);

      // 5. A billing dispute: the billing agent is notified (with a tone), and so is the agent of every team (muted).
      await handOff(baseUrl, 'notify-billing-dispute', 'I was charged twice for my order and I want my money back');
      await expect.poll(async () => (await notifications(billing)).length, { timeout: waitMs }).toBe(1);
      // In the words the queue shows for it.
      const reason = billing.locator('.queue-item[data-conversation-id="notify-billing-dispute"] .queue-reason');
      const [billed] = await notifications(billing);
      expect(billed?.title).toMatch(/^New handoff \((high|normal)\): /);
      expect(billed?.title.split(': ')[1]).toBe(await reason.textContent());
      expect(await tones(billing)).toEqual([660]);
      await expect.poll(async () => (await notifications(everyTeam)).length, { timeout: waitMs }).toBe(1);
      expect(await tones(everyTeam)).toEqual([]);
      expect(await everyTeam.evaluate(() => localStorage.getItem('handrail-agent-alert-sound'))).toBe('off');

      expect(errors).toEqual([]);
      expect(serverErrors).toEqual([]);
    } catch (error) {
      await everyTeam.screenshot({ path: join(artifacts, 'failure-notify-agent.png') }).catch(() => {});
      await billing.screenshot({ path: join(artifacts, 'failure-notify-billing.png') }).catch(() => {});
      throw new Error(
        `${String(error)}\nBrowser errors: ${JSON.stringify(errors)}\nServer errors: ${JSON.stringify(serverErrors)}`,
        { cause: error },
      );
    } finally {
      await everyTeam.close();
      await billing.close();
      await closeServer(server);
    }
  }, 90_000);
});
