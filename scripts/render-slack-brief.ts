/**
 * Prints the Slack message of a sample handoff: a Markdown rendering of its Block Kit blocks (as
 * docs/agent-desks.md shows it) and the blocks themselves, which paste into Slack's Block Kit
 * Builder (https://app.slack.com/block-kit-builder) for Slack's own rendering.
 *
 *   npm exec -- tsx scripts/render-slack-brief.ts
 */
import { renderSlackBlocks } from '../src/desks/index.js';
import { sampleSlackBrief } from './sample-slack-brief.js';

const message = await sampleSlackBrief();
console.log(renderSlackBlocks(message.blocks));
console.log('\n```json');
console.log(JSON.stringify({ blocks: message.blocks }, null, 2));
console.log('```');
