// Rendered public pages kept in memory until the data under them changes.
//
// Routes opt in with `{ config: { pageCache: true } }`. Only pages that are the same for every
// visitor may opt in: no form tokens, no cookies, nothing about the person asking. An entry is
// dropped when any write touches any worker (the same notes the counts and search use, see
// server/workers/changes.ts), when another connection writes, and at London midnight ("this week"
// moves then). Rendering /areas at 100k profiles costs 5-9 ms; a hit costs a map lookup.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { WorkerChanges } from '../workers/changes.ts';
import { dayStart } from '../counts/week.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    pageCache?: boolean;
  }
}

const MAX_ENTRIES = 2000;
const MAX_URL = 300;

type Entry = { body: string; contentType: string };

export class PageCache {
  private entries = new Map<string, Entry>();
  private day = 0;
  private readonly changes: WorkerChanges;

  constructor(
    private readonly sqlite: ConstructorParameters<typeof WorkerChanges>[0],
    private readonly now: () => number,
  ) {
    this.changes = new WorkerChanges(sqlite, 'pages');
  }

  /** Forget everything that may be stale; false when nothing can be trusted now (open transaction). */
  private fresh(): boolean {
    if (this.sqlite.inTransaction) return false;
    const day = dayStart(this.now());
    const otherWrote = this.changes.otherConnectionWrote();
    if (this.changes.takeDirty().length || otherWrote || day !== this.day) {
      this.entries.clear();
      this.day = day;
    }
    return true;
  }

  get(url: string): Entry | undefined {
    if (!this.fresh()) return undefined;
    const hit = this.entries.get(url);
    if (hit) {
      // keep recently used entries at the end (least recently used are dropped first)
      this.entries.delete(url);
      this.entries.set(url, hit);
    }
    return hit;
  }

  set(url: string, entry: Entry): void {
    if (url.length > MAX_URL || !this.fresh()) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(url, entry);
  }

  close(): void {
    this.changes.close();
  }
}

export default fp(async function pageCache(app: FastifyInstance) {
  const cache = new PageCache(app.db.$client, app.now);
  app.addHook('onClose', async () => cache.close());

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'GET' || !req.routeOptions.config.pageCache) return;
    const hit = cache.get(req.url);
    if (!hit) return;
    return reply.header('cache-control', 'private, no-cache').type(hit.contentType).send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || !req.routeOptions.config.pageCache || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' || reply.getHeader('set-cookie')) return payload;
    cache.set(req.url, { body: payload, contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8') });
    return payload;
  });
});
