/**
 * Draws the Slack message of a sample handoff the way Slack lays out its Block Kit blocks (header,
 * sections with fields, context, buttons) and saves a screenshot, for docs/agent-desks.md. It is our
 * own drawing of the blocks `scripts/render-slack-brief.ts` prints, not Slack's.
 *
 *   npm exec -- tsx scripts/screenshot-slack-brief.ts docs/screenshots/slack-brief.png
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sampleSlackBrief } from './sample-slack-brief.js';

type Text = { type: string; text: string };
type Element = { type: string; text: string | Text; style?: string };
type Block = { type: string; text?: Text; fields?: Text[]; elements?: Element[] };

/** The text of a context element (a string) or a button (a text object). */
const textOf = (element: Element) => (typeof element.text === 'string' ? element.text : element.text.text);

const output = process.argv[2] ?? 'docs/screenshots/slack-brief.png';
/** Slack's emoji as small drawings (the headless browser has no emoji font). */
const dot = (color: string) => `<span class="dot" style="background:${color}"></span>`;
const emoji: Record<string, string> = {
  large_orange_circle: dot('#f4900c'),
  red_circle: dot('#dd2e44'),
  large_yellow_circle: dot('#fdcb58'),
  white_circle: dot('#e6e7e8'),
  large_green_circle: dot('#78b159'),
  hourglass_flowing_sand: dot('#9e9e9e'),
  bust_in_silhouette: '<span class="glyph">●</span>',
  white_check_mark: '<span class="glyph">✓</span>',
  robot_face: '<span class="glyph">◉</span>',
};
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's mrkdwn: *bold*, _italic_, `code`, <url|label>, :emoji:, line breaks. */
function mrkdwn(text: string): string {
  return escapeHtml(text)
    .replace(/&lt;(https?:[^|&]+)\|([^&]+)&gt;/g, '<a href="$1">$2</a>')
    .replace(/:([a-z_]+):/g, (whole, name: string) => emoji[name] ?? whole)
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'header':
      return `<h1>${mrkdwn(block.text?.text ?? '')}</h1>`;
    case 'section': {
      const text = block.text ? `<p>${mrkdwn(block.text.text)}</p>` : '';
      const fields = (block.fields ?? []).map((field) => `<div>${mrkdwn(field.text)}</div>`).join('');
      return `${text}${fields ? `<div class="fields">${fields}</div>` : ''}`;
    }
    case 'context':
      return `<p class="context">${(block.elements ?? []).map((element) => mrkdwn(textOf(element))).join(' ')}</p>`;
    case 'actions':
      return `<p class="actions">${(block.elements ?? [])
        .map((button) => `<span class="button ${button.style ?? ''}">${escapeHtml(textOf(button))}</span>`)
        .join('')}</p>`;
    case 'divider':
      return '<hr>';
    default:
      return '';
  }
}

const style = `body{font:15px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;padding:20px;color:#1d1c1d;background:#fff;width:760px}
.message{display:grid;grid-template-columns:40px 1fr;gap:0 10px}.avatar{width:36px;height:36px;border-radius:6px;background:#2e7d5b;color:#fff;font-weight:700;display:grid;place-items:center}
.name{font-weight:900}.name small{font-weight:400;color:#616061;margin-left:6px}.app{background:#e8e8e8;border-radius:3px;padding:0 3px;font-size:11px;color:#616061;margin-left:4px}
h1{font-size:18px;margin:4px 0 8px}p{margin:6px 0}.fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 24px;margin:8px 0}
.context{color:#616061;font-size:13px}code{background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;font-size:12px;color:#c01343}
.button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:4px 12px;margin-right:8px;font-weight:700;font-size:14px}.button.primary{background:#007a5a;border-color:#007a5a;color:#fff}.button.danger{color:#e01e5a;border-color:#e01e5a}a{color:#1264a3;text-decoration:none}.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;vertical-align:-1px;margin-right:2px}.glyph{color:#616061}`;

async function sampleBlocks(): Promise<Block[]> {
  return (await sampleSlackBrief()).blocks as Block[];
}

const body = (await sampleBlocks()).map(blockHtml).join('\n');
const html = `<!doctype html><meta charset="utf-8"><style>${style}</style><div class="message"><div class="avatar">H</div><div><div class="name">Handrail<span class="app">APP</span><small>10:15</small></div>${body}</div></div>`;
const userDataDir = await mkdtemp(join(tmpdir(), 'handrail-slack-shot-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  viewport: { width: 800, height: 600 },
});
try {
  const page = await context.newPage();
  await page.setContent(html);
  await page.locator('.message').screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await context.close();
  await rm(userDataDir, { recursive: true, force: true });
}
