import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let project: string;

/** A CommonJS project with this checkout installed as `handrail` (a symlink in node_modules). */
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'handrail-cjs-'));
  await mkdir(join(project, 'node_modules'));
  await symlink(repoRoot, join(project, 'node_modules', 'handrail'), 'dir');
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'cjs-app', private: true, type: 'commonjs' }));
});

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

function requireInChild(specifier: string) {
  const script = `try { require(${JSON.stringify(specifier)}); console.log('loaded'); } catch (error) { console.log(JSON.stringify({ code: error.code, message: error.message })); }`;
  const file = join(project, `require-${specifier.replaceAll('/', '-')}.cjs`);
  return writeFile(file, script).then(() => {
    const child = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8', timeout: 20_000 });
    expect(child.status).toBe(0);
    return JSON.parse(child.stdout) as { code?: string; message: string };
  });
}

describe("require('handrail') from CommonJS", () => {
  it('says the package is ESM-only and how to load it, for every entry', async () => {
    for (const specifier of [
      'handrail',
      'handrail/sqlite',
      'handrail/client',
      'handrail/testing',
      'handrail/langfuse',
    ]) {
      const error = await requireInChild(specifier);
      expect(error.code).toBe('ERR_HANDRAIL_ESM_ONLY');
      expect(error.message).toMatch(/handrail is an ES module package and cannot be loaded with require\(\)/);
      expect(error.message).toContain("await import('handrail')");
    }
  }, 40_000);

  it('the stub is in the published files', async () => {
    const { default: manifest } = await import('../../package.json', { with: { type: 'json' } });
    expect(manifest.files).toContain('cjs');
    for (const [entry, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue;
      expect({ entry, require: (target as { require?: string }).require }).toEqual({
        entry,
        require: './cjs/esm-only.cjs',
      });
    }
  });
});
