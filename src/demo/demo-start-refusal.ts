import { demoAgentToken } from './demo-options.js';

/** Addresses only this machine can reach. */
const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

/** True when `hostname` can only be reached from this machine (`127.0.0.0/8`, `::1`, `localhost`). */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Why the demo must not start, or null: on an address other machines can reach, the agent
 * API needs a token of your own, since the default one is printed in the README.
 */
export function demoStartRefusal({
  hostname,
  agentToken,
}: {
  hostname: string;
  agentToken: string | undefined;
}): string | null {
  if (isLoopbackHost(hostname)) return null;
  if (!agentToken || agentToken === demoAgentToken) {
    return `HOST=${hostname} can be reached from other machines: set HANDRAIL_AGENT_TOKEN to a long random token of your own (the default one is public).`;
  }
  return null;
}
