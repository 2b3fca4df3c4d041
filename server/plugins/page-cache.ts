// Rendered public pages kept in memory until the data under them changes.
//
// Routes opt in with `{ config: { pageCache: true } }`. Only pages that are the same for every
// visitor may opt in: no form tokens, no cookies, nothing about the person asking. Every entry is
// dropped when a committed write, by this process or another, touches any worker (the change log
// the counts and search read too, see server/workers/changes.ts), and at London midnight ("this
// week" moves then). Rendering /areas at 100k profiles costs 5-9 ms; a hit costs a map lookup.
//
// A page is kept from its second request on: most searches are asked once.
// Entries are kept as bytes, and compressed once per encoding on first demand: compressing the
// 84 KB /areas page per request (brotli, as browsers ask) held it to ~120 req/s under load.
import fp from 'fastify-plugin';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { brotliWindow, chooseEncoding, varyOnEncoding, type Encoding } from './compress-responses.ts';
import { WorkerChanges } from '../workers/changes.ts';
import type { Db } from '../db.ts';
import { dayStart } from '../counts/week.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    pageCache?: boolean;
  }
  interface FastifyInstance {
    pageCache: PageCache;
  }
}

const MAX_ENTRIES = 2000;
/** Memory for pages: bodies plus their compressed copies (about a quarter more), least recently used dropped first. */
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_URL = 300;

export class Entry {
  private readonly encoded = new Map<Encoding, Buffer>();

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {
    this.encoded.set('identity', body);
  }

  /** What the entry may come to hold, compressed copies included. */
  get charge(): number {
    return Math.ceil(this.body.length * 1.25) + 256;
  }

  /** The body in this encoding, compressed on first use (brotli 5: ~2 ms for 84 KB, 8x smaller). */
  bytes(encoding: Encoding): Buffer {
    let out = this.encoded.get(encoding);
    if (!out) {
      out =
        encoding === 'br'
          ? brotliCompressSync(this.body, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: 5,
                [zlib.BROTLI_PARAM_LGWIN]: brotliWindow(this.body.length),
                [zlib.BROTLI_PARAM_SIZE_HINT]: this.body.length,
              },
            })
          : gzipSync(this.body, { level: 6 });
      this.encoded.set(encoding, out);
    }
    return out;
  }
}

/** How many URLs asked for once are remembered, waiting for a second request. */
const SEEN_ONCE = 10_000;

export class PageCache {
  private entries = new Map<string, Entry>();
  /** URLs asked for once lately: a page is kept only from its second request (see admit). */
  private readonly seenOnce = new Set<string>();
  private bytes = 0;
  private day = 0;
  /** when the London day after `day` begins: until then, no need to work the calendar out */
  private nextDay = 0;
  private readonly changes: WorkerChanges;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.changes = new WorkerChanges(db, 'pages', () => void this.fresh());
  }

  /** Forget everything that may be stale; false when nothing can be trusted now (open transaction). */
  private fresh(): boolean {
    if (this.db.$client.inTransaction) return false;
    const now = this.now();
    const dayMoved = now >= this.nextDay || now < this.day;
    if (dayMoved) {
      this.day = dayStart(now);
      // 25 h on, the day after's start is after midnight whatever the clocks do; dayStart finds it.
      this.nextDay = dayStart(this.day + 25 * 3600_000);
    }
    const changed = this.changes.take();
    if (changed.workers.length || changed.lost || dayMoved) {
      this.entries.clear();
      this.bytes = 0;
    }
    return true;
  }

  get(url: string): Entry | undefined {
    // Nothing kept for it: nothing to check (a stale page elsewhere is dropped by the next hit or set).
    if (!this.entries.has(url) || !this.fresh()) return undefined;
    const hit = this.entries.get(url);
    if (hit) {
      // keep recently used entries at the end (least recently used are dropped first)
      this.entries.delete(url);
      this.entries.set(url, hit);
    }
    return hit;
  }

  /**
   * Whether a page just rendered for `url` is worth keeping: true from the second request for it.
   * Searches are mostly asked once (a long tail of names); keeping each of those pushed the
   * popular pages out and held ~18 MB/s of short-lived buffers, which cost a major GC every
   * second under load.
   */
  admit(url: string): boolean {
    if (url.length > MAX_URL) return false;
    if (this.entries.has(url) || this.seenOnce.delete(url)) return true;
    if (this.seenOnce.size >= SEEN_ONCE) this.seenOnce.clear();
    this.seenOnce.add(url);
    return false;
  }

  set(url: string, entry: Entry): void {
    if (url.length > MAX_URL || entry.charge > MAX_BYTES / 4 || !this.fresh()) return;
    this.drop(url);
    while (this.entries.size >= MAX_ENTRIES || (this.entries.size && this.bytes + entry.charge > MAX_BYTES))
      this.drop(this.entries.keys().next().value!);
    this.entries.set(url, entry);
    this.bytes += entry.charge;
  }

  private drop(url: string): void {
    const old = this.entries.get(url);
    if (!old) return;
    this.entries.delete(url);
    this.bytes -= old.charge;
  }

  /** How many pages and bytes are held (for tests and the benchmark). */
  get size(): { pages: number; bytes: number } {
    return { pages: this.entries.size, bytes: this.bytes };
  }

  close(): void {
    this.changes.close();
  }
}

export default fp(async function pageCache(app: FastifyInstance) {
  const cache = new PageCache(app.db, app.now);
  app.decorate('pageCache', cache);
  app.addHook('onClose', async () => cache.close());

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'GET' || !req.routeOptions.config.pageCache) return;
    const hit = cache.get(req.url);
    if (!hit) return;
    const encoding = chooseEncoding(req.headers['accept-encoding'], hit.body.length);
    reply.header('cache-control', 'private, no-cache').type(hit.contentType);
    varyOnEncoding(reply);
    // @fastify/compress leaves a body alone once it has a content-encoding
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(hit.bytes(encoding));
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || !req.routeOptions.config.pageCache || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' || reply.getHeader('set-cookie') || !cache.admit(req.url)) return payload;
    const entry = new Entry(Buffer.from(payload), String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'));
    cache.set(req.url, entry);
    // the bytes go on (compressed next): the page is encoded to UTF-8 once, not again there
    return entry.body;
  });
});
