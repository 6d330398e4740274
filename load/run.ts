/**
 * The load test: `npm run load -- --duration 30 --conversations 200 --target node|worker|bare`.
 * With `--kill`, the kill test instead: `npm run load -- --kill --duration 60 --conversations 8`
 * kills the Node service with SIGKILL at random moments for that long and checks that every
 * acknowledged change's notification arrives (exit 1 when one is lost or sent under two ids).
 * With `--store postgres --instances 2`, the multi-instance run: instances on one throwaway
 * Postgres, one killed with SIGKILL mid-run and restarted (load/multi-instance-run.ts);
 * `--store sqlite --instances 1` is the same run on one SQLite instance, for comparison.
 * Prints throughput and latency, and exits 1 when a message was lost or reordered, a
 * handoff was missing or doubled, or an answer failed.
 */
import { parseArgs } from 'node:util';
import { runKillTest } from './kill-run.js';
import { runMultiInstanceLoad } from './multi-instance-run.js';
import { type LoadReport, runLoad } from './run-load.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    conversations: { type: 'string', default: '200' },
    target: { type: 'string', default: 'node' },
    'throughput-seconds': { type: 'string' },
    'warmup-seconds': { type: 'string' },
    json: { type: 'boolean', default: false },
    kill: { type: 'boolean', default: false },
    instances: { type: 'string', default: '1' },
    store: { type: 'string' },
  },
});

if (values.kill) await killTest();
if (values.store === 'postgres' || values.store === 'sqlite') await multiInstanceRun(values.store);
if (values.store !== undefined) {
  process.stderr.write('--store must be postgres or sqlite (with --instances N)\n');
  process.exit(2);
}

const target = values.target;
if (target !== 'node' && target !== 'worker' && target !== 'bare') {
  process.stderr.write('--target must be node, worker or bare (the ceiling: a bare Hono app on the same routes)\n');
  process.exit(2);
}
const durationSeconds = Number(values.duration);
const conversations = Number(values.conversations);
if (!(durationSeconds > 0) || !(Number.isInteger(conversations) && conversations > 0)) {
  process.stderr.write('--duration must be a positive number and --conversations a positive integer\n');
  process.exit(2);
}

const report = await runLoad({
  durationSeconds,
  conversations,
  target,
  ...(values['throughput-seconds'] !== undefined ? { throughputSeconds: Number(values['throughput-seconds']) } : {}),
  ...(values['warmup-seconds'] !== undefined ? { warmupSeconds: Number(values['warmup-seconds']) } : {}),
  log: (line) => process.stderr.write(`load: ${line}\n`),
});
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : render(report));
process.exit(report.violations.length > 0 ? 1 : 0);

function render(result: LoadReport): string {
  const lines = [
    `target: ${result.target}, ${result.concurrency} concurrent conversations, ${result.durationSeconds} s`,
    `conversations: ${result.conversations.completed} completed (${result.conversations.escalated} escalated to an agent), ${result.conversations.failed} failed`,
    `scripted: ${result.requests} requests, ${result.requestsPerSecond} req/s, ${result.turnsPerSecond} chat turns/s`,
    `latency after a ${result.warmup.seconds} s warm-up (${result.warmup.requests} requests sent in it, left out):`,
    `chat turn latency: p50 ${result.latencyMs.chatTurn.p50} ms, p99 ${result.latencyMs.chatTurn.p99} ms, max ${result.latencyMs.chatTurn.max} ms (${result.latencyMs.chatTurn.count} turns)`,
    `agent call latency: p50 ${result.latencyMs.agentCall.p50} ms, p99 ${result.latencyMs.agentCall.p99} ms (${result.latencyMs.agentCall.count} calls)`,
  ];
  if (result.throughput) {
    const run = result.throughput;
    lines.push(
      `autocannon (${run.connections} connections, ${run.seconds} s, POST /chat KB question): ${run.requestsPerSecond} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}`,
    );
  }
  lines.push(
    result.violations.length === 0
      ? 'invariants: no lost or reordered message, exactly one handoff per escalated conversation: OK'
      : `VIOLATIONS (${result.violations.length}):\n  ${result.violations.slice(0, 50).join('\n  ')}`,
  );
  return `${lines.join('\n')}\n`;
}

async function killTest(): Promise<never> {
  const seconds = Number(values.duration);
  const concurrency = Number(values.conversations === '200' ? '8' : values.conversations);
  if (!(seconds > 0) || !(Number.isInteger(concurrency) && concurrency > 0)) {
    process.stderr.write('--duration must be a positive number and --conversations a positive integer\n');
    process.exit(2);
  }
  const result = await runKillTest({
    durationMs: seconds * 1000,
    concurrency,
    log: (line) => process.stderr.write(`kill: ${line}\n`),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const list = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([type, count]) => `${type} ${count}`)
        .join(', ');
    process.stdout.write(
      [
        `kill test: ${result.kills} kills (SIGKILL) in ${seconds} s, ${result.conversations} conversations, ${concurrency} at a time`,
        `acknowledged changes: ${list(result.acknowledged)}`,
        `notifications delivered (distinct webhook ids): ${list(result.delivered)}; redelivered with the same id: ${result.redelivered}`,
        `lost: ${result.lost.length}${result.lost.length ? ` (${result.lost.slice(0, 20).join('; ')})` : ''}`,
        `duplicated under two ids: ${result.duplicated.length}${result.duplicated.length ? ` (${result.duplicated.slice(0, 20).join('; ')})` : ''}`,
        '',
      ].join('\n'),
    );
  }
  process.exit(result.lost.length === 0 && result.duplicated.length === 0 ? 0 : 1);
}

/** `--store postgres|sqlite --instances N`: instances on one database, one killed mid-run (load/multi-instance-run.ts). */
async function multiInstanceRun(store: 'postgres' | 'sqlite'): Promise<never> {
  const seconds = Number(values.duration);
  const conversations = Number(values.conversations);
  const instances = Number(values.instances);
  if (!(seconds > 0) || !(Number.isInteger(conversations) && conversations > 0) || !(instances >= 1)) {
    process.stderr.write('--duration must be positive, --conversations a positive integer, --instances at least 1\n');
    process.exit(2);
  }
  const result = await runMultiInstanceLoad({
    durationMs: seconds * 1000,
    conversations,
    instances,
    store,
    log: (line) => process.stderr.write(`load: ${line}\n`),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const chat = result.chatTurnMs;
    process.stdout.write(
      [
        `${result.store}: ${result.instances} instances, ${result.concurrency} concurrent conversations, ${seconds} s, ${result.kills} SIGKILL`,
        `conversations: ${result.conversations.completed} completed (${result.conversations.escalated} escalated), ${result.requests} requests, ${result.failedOver} failed over`,
        `chat turn latency: p50 ${chat.p50} ms, p99 ${chat.p99} ms, max ${chat.max} ms (${chat.count} turns)`,
        `acknowledged messages: ${result.acknowledgedMessages}, lost: ${result.lostMessages.length}`,
        `handoff violations: ${result.handoffViolations.length}; notifications acknowledged: ${JSON.stringify(result.notifications)}`,
        `notifications lost: ${result.lostNotifications.length}, duplicated under two ids: ${result.duplicatedNotifications.length}`,
        `errors: ${result.errors.length}${result.errors.length ? ` (${result.errors.slice(0, 5).join('; ')})` : ''}`,
        '',
      ].join('\n'),
    );
  }
  const clean =
    result.lostMessages.length + result.handoffViolations.length + result.lostNotifications.length === 0 &&
    result.duplicatedNotifications.length + result.errors.length === 0;
  process.exit(clean ? 0 : 1);
}
