import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { demoAgentToken } from '../../src/demo/demo-options.js';
import { demoStartRefusal, isLoopbackHost } from '../../src/demo/demo-start-refusal.js';

/** Runs the demo server until it exits or `untilOutput` shows up (then kills it); returns exit code and output. */
function runDemo(env: Record<string, string>, untilOutput?: RegExp): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/server.ts'], {
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilOutput?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the demo server at start-up', () => {
  it('knows loopback addresses from reachable ones', () => {
    for (const host of ['127.0.0.1', '127.8.0.1', '::1', 'localhost', 'LOCALHOST'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.1.example.com']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
    expect(demoStartRefusal({ hostname: '127.0.0.1', agentToken: undefined })).toBeNull();
    expect(demoStartRefusal({ hostname: '0.0.0.0', agentToken: 'a-token-of-my-own-0123456789' })).toBeNull();
    expect(demoStartRefusal({ hostname: '0.0.0.0', agentToken: demoAgentToken })).toMatch(/HANDRAIL_AGENT_TOKEN/);
  });

  it('refuses a reachable address with the default agent token, naming the fix', async () => {
    const { code, output } = await runDemo({ HOST: '0.0.0.0', HANDRAIL_AGENT_TOKEN: '' });
    expect(code).toBe(1);
    expect(output).toMatch(/set HANDRAIL_AGENT_TOKEN/);
    expect(output).not.toContain(demoAgentToken);
  }, 40_000);

  it('starts on loopback and never prints the agent token', async () => {
    const token = 'my-own-agent-token-5f0c1d2e';
    const { output } = await runDemo({ HOST: '127.0.0.1', HANDRAIL_AGENT_TOKEN: token }, /demo-started/);
    expect(output).toMatch(/demo-started/);
    expect(output).not.toContain(token);
    expect(output).not.toContain(demoAgentToken);
  }, 40_000);
});

describe('the demo server without HANDRAIL_DB', () => {
  it('prints no experimental warning (node:sqlite is loaded only for a SQLite store)', async () => {
    const { output } = await runDemo(
      { HOST: '127.0.0.1', HANDRAIL_AGENT_TOKEN: 'my-own-agent-token-5f0c1d2e' },
      /demo-started/,
    );
    expect(output).toMatch(/demo-started/);
    expect(output).not.toMatch(/ExperimentalWarning/);
  }, 40_000);
});
