import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of `src/`, checked on every import (static and dynamic, types included): the guard is
 * pure and knows nothing of chats, handoffs, stores or HTTP; stores know nothing of the Worker that hosts
 * them (the Worker's objects implement the store's interfaces); nothing but the demo's own entry points depends on the demo.
 */
const rules: { from: string; forbidden: string[]; except?: string[]; why: string }[] = [
  {
    from: 'text/',
    forbidden: ['guard/', 'model/', 'brief/', 'chat/', 'handoff/', 'store/', 'http/', 'desks/', 'engine/'],
    why: 'text utilities are a leaf every layer may use',
  },
  { from: 'guard/', forbidden: ['chat/', 'handoff/', 'store/', 'http/', 'desks/'], why: 'the guard is pure' },
  { from: 'store/', forbidden: ['worker/', 'demo/'], why: 'stores do not know the Worker that hosts them' },
  {
    from: 'handoff/',
    forbidden: ['http/', 'engine/', 'agent/', 'desks/', 'worker/'],
    why: 'the handoff lifecycle knows no transport',
  },
  {
    from: 'chat/',
    forbidden: ['http/', 'engine/', 'agent/', 'desks/', 'worker/'],
    why: 'a chat turn knows no transport',
  },
  {
    from: '',
    forbidden: ['engine/'],
    except: ['engine/', 'handrail.ts'],
    why: 'only the public factory uses the composition root',
  },
  {
    from: '',
    forbidden: ['demo/'],
    except: ['demo/', 'worker.ts'],
    why: 'only the demo and the Worker app use the demo',
  },
];

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative module a file imports, as a path under `src/` (`store/store.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (match) => match[1] ?? '',
  );
  return specifiers.map((specifier) => relative(srcRoot, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts'));
}

const files = sourceFiles(srcRoot).map((file) => ({ file: relative(srcRoot, file), imports: importsOf(file) }));

describe('layers of src/', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.find((entry) => entry.file === 'worker/conversation-object.ts')?.imports).toContain(
      'store/durable-object-api.ts',
    );
  });

  it.each(rules)('$from* imports nothing from $forbidden ($why)', ({ from, forbidden, except = [] }) => {
    const violations = files
      .filter(({ file }) => file.startsWith(from) && !except.some((prefix) => file.startsWith(prefix)))
      .flatMap(({ file, imports }) =>
        imports
          .filter((target) => forbidden.some((prefix) => target.startsWith(prefix)))
          .map((target) => `${file} -> ${target}`),
      );
    expect(violations).toEqual([]);
  });

  it('has no import cycle between folders of the store and the Worker', () => {
    const workerToStore = files.some(
      ({ file, imports }) => file.startsWith('worker/') && imports.some((target) => target.startsWith('store/')),
    );
    const storeToWorker = files.some(
      ({ file, imports }) => file.startsWith('store/') && imports.some((target) => target.startsWith('worker/')),
    );
    expect(workerToStore && storeToWorker).toBe(false);
  });
});
