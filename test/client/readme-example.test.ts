import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the README’s front-end example', () => {
  it('is examples/use-chat-client.tsx word for word (the file the typecheck covers)', async () => {
    const [readme, example] = await Promise.all([read('README.md'), read('examples/use-chat-client.tsx')]);
    expect(readme).toContain(`\`\`\`tsx\n${example}\`\`\``);
    expect(readme).not.toMatch(/works unchanged/);
  });

  it('imports from entries the package exports', async () => {
    const [example, manifest] = await Promise.all([read('examples/use-chat-client.tsx'), read('package.json')]);
    const exportsMap = (JSON.parse(manifest) as { exports: Record<string, unknown> }).exports;
    const entries = [...example.matchAll(/from '(handrail[^']*)'/g)].map((match) => match[1]!);
    expect(entries).toEqual(['handrail/client', 'handrail/client/react']);
    for (const entry of entries) expect(exportsMap[entry.replace(/^handrail/, '.')]).toBeDefined();
  });
});
