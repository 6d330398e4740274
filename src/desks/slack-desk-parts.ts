import type { HandoffEvent } from '../notify/handoff-event.js';
import type { DeskRuntime } from './desk-runtime.js';
import type { SlackAgentRoster } from './slack-agents.js';
import type { SlackWebApi } from './slack-web-api.js';

/** What the Slack desk's pieces share: its settings, the Web API client and the runtime. */
export interface SlackDeskParts extends SlackAgentRoster {
  /** The desk's notifier name. */
  name: string;
  signingSecret: string;
  /** Channel id per Handrail team id. */
  channels: Record<string, string>;
  defaultChannel: string | undefined;
  internalPrefix: string;
  redact: boolean;
  consoleUrl: string | undefined;
  accepts: ((event: HandoffEvent) => boolean) | undefined;
  slack: SlackWebApi;
  runtime: DeskRuntime;
}

/** The channel of `team`'s handoffs: its own, else the default one; undefined when the desk has none. */
export function slackChannelOf(
  { channels, defaultChannel }: Pick<SlackDeskParts, 'channels' | 'defaultChannel'>,
  team: string | null,
): string | undefined {
  return (team ? channels[team] : undefined) ?? defaultChannel;
}
