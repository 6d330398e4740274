import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderTransitionTable, transitionTable } from '../../src/handoff/transition-table.js';

const docPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/architecture.md');
const start = '<!-- transition-table:start -->';
const end = '<!-- transition-table:end -->';

/** The section of the doc between the marker comments. */
function tableSection(doc: string): string {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/architecture.md has no ${start} ... ${end} section.`);
  return doc.slice(from + start.length, to).trim();
}

describe('docs/architecture.md', () => {
  it('shows the transition table the code has (regenerate it with renderTransitionTable())', () => {
    expect(tableSection(readFileSync(docPath, 'utf8'))).toBe(renderTransitionTable());
  });

  it('renders one Markdown row per rule', () => {
    const rendered = renderTransitionTable();
    expect(rendered.split('\n')).toHaveLength(transitionTable.length + 2);
    // A changed table changes the rendering: the check above is not vacuous.
    expect(renderTransitionTable(transitionTable.slice(1))).not.toBe(rendered);
  });

  it('links from the README', () => {
    const readme = readFileSync(resolve(dirname(docPath), '../README.md'), 'utf8');
    expect(readme).toContain('docs/architecture.md');
  });
});
