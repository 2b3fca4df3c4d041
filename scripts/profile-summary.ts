// Where a CPU profile's time went (a .cpuprofile from `bench:http --cpu-prof`): self time by
// area of code (our modules, templates, compression, SQLite, Fastify, GC, idle) and the heaviest
// functions, with the time under each of our own functions (inclusive).
//
//   npx tsx scripts/profile-summary.ts bench-profile-new.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

function area(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'program (native, unattributed)';
  if (url.startsWith('node:zlib') || fn.includes('Brotli') || fn.includes('Zlib') || fn === 'zlibBufferSync' || fn === 'processChunkSync')
    return 'compression (zlib/brotli)';
  if (url.includes('better-sqlite3') || (['all', 'get', 'run', 'iterate', 'pluck', 'raw'].includes(fn) && !url))
    return 'SQLite (better-sqlite3)';
  if (url.includes('drizzle-orm')) return 'drizzle-orm';
  if (url.includes('/eta/')) return 'templates (eta)';
  if (url.includes('/lunr/')) return 'lunr';
  if (
    url.includes('/fastify') ||
    url.includes('find-my-way') ||
    url.includes('light-my-request') ||
    url.includes('avvio') ||
    url.includes('pino')
  )
    return 'fastify & plugins (node_modules)';
  if (url.includes('/node_modules/')) return `other node_modules (${url.split('/node_modules/').pop()!.split('/')[0]})`;
  if (url.includes('/server/search/')) return 'our search engine (server/search)';
  if (url.includes('/server/')) return `our server code (${url.split('/server/').pop()!.split('/')[0]})`;
  if (url.includes('/views/')) return 'templates (compiled views)';
  if (url.startsWith('node:')) return `node core (${url.slice(5).split('/')[0]})`;
  if (!url) return `native: ${fn || '(anonymous)'}`;
  return url;
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top N]');
const top = Number(process.argv[process.argv.indexOf('--top') + 1] || 25) || 25;
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const areas = new Map<string, number>();
const fns = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const a = area(n.callFrame.url, n.callFrame.functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
  // inclusive time of every one of our own functions on the stack (counted once per stack)
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur)!.callFrame;
    if (!f.url.includes('/server/') && !f.url.includes('/views/')) continue;
    const k = `${f.functionName || '(anonymous)'} ${f.url.split('/server/').pop()}:${f.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}
const busy = total - (areas.get('idle') ?? 0);
const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (shares below are of busy time)`);
console.log('\nself time by area');
for (const [a, us] of [...areas]
  .filter(([a]) => a !== 'idle')
  .sort((x, y) => y[1] - x[1])
  .slice(0, 20))
  console.log(`  ${pct(us)}  ${a}`);
console.log('\nheaviest functions (self)');
for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(us)}  ${f}`);
console.log('\nour functions, inclusive');
for (const [f, us] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(us)}  ${f}`);
