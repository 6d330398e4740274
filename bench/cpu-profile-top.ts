/**
 * The top functions of a `.cpuprofile` (from `node --cpu-prof`) by self time, and by inclusive
 * time for the functions under `src/` (or the path filter given):
 *
 *   npm exec -- tsx bench/cpu-profile-top.ts /tmp/prof/x.cpuprofile [rows] [filter]
 *
 * `UNDER=<function name>` keeps only the samples with that function on their stack (a breakdown
 * of what it calls).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg = '40', filter = '/src/'] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-top.ts <file.cpuprofile> [rows] [filter]');
const rows = Number(rowsArg);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, index) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0);

const nameOf = (node: ProfileNode) => {
  const url = node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|src|bench)\//, '$1/');
  return `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
};

const under = process.env.UNDER;
const hasUnder = (id: number) => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    if (byId.get(at)!.callFrame.functionName === under) return true;
  }
  return false;
};
const self = new Map<string, number>();
const selfByFile = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  if (under && !hasUnder(id)) continue;
  const node = byId.get(id)!;
  self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + us);
  const file = nameOf(node).split(' ').at(-1)!.replace(/:\d+$/, '');
  selfByFile.set(file, (selfByFile.get(file) ?? 0) + us);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = nameOf(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}

const show = (title: string, map: Map<string, number>, keep: (name: string) => boolean) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [name, us] of [...map]
    .filter(([name]) => keep(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  }
};
show('self time', self, () => true);
show('self time by file', selfByFile, () => true);
show(`inclusive time, ${filter}`, inclusive, (name) => name.includes(filter.replace(/^\/|\/$/g, '')));
