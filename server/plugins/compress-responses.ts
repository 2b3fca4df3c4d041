// Rendered pages and API answers (strings or bytes in memory) are compressed synchronously here,
// before @fastify/compress sees them; it still handles streams (static files). Its per-response
// zlib stream cost ~1 ms and ~2 MB per request in flight: under 50 connections the search page
// fell from ~1,100 to ~500 req/s and the server grew past 550 MB.
// Brotli at quality 1 was the fastest of what browsers take: 62 µs for a 29 KB search page (6.9 KB)
// against gzip's 130 µs at levels 1-2 (6.7 KB) and brotli 4's 244 µs (6.3 KB), measured on the
// same page in one run. Quality 0 is cheaper still on today's smaller pages, for ~3% more bytes:
// a 4.6 KB profile 41-51 -> 28-32 µs CPU (2,008 -> 2,074 bytes), an 11.5 KB search page 34-40 ->
// 28-37 µs (2,737 -> 2,819), three runs each. Clients that take gzip but not brotli get gzip 2;
// the page cache serves pages it keeps compressed harder, once.
import fp from 'fastify-plugin';
import { brotliCompressSync, constants as z, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Smaller answers are not worth compressing (the same threshold as @fastify/compress). */
const COMPRESS_FROM = 1024;
const GZIP_LEVEL = 2;
const BROTLI_QUALITY = 0;
/** Larger bodies go to @fastify/compress's streams, so one response never holds the loop long. */
const MAX_SYNC = 512 * 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|atom\+xml|xml|javascript)|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: `prefer` if the client accepts it, else the other of brotli and gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined, size: number, prefer: 'br' | 'gzip' = 'br'): Encoding {
  if (!acceptEncoding || size < COMPRESS_FROM) return 'identity';
  // Browsers send one of a few headers: each is read once (3-4 µs a request otherwise).
  const key = `${prefer}\u0000${acceptEncoding}`;
  let chosen = chosenFor.get(key);
  if (chosen === undefined) {
    if (chosenFor.size >= 200) chosenFor.clear();
    chosenFor.set(key, (chosen = readAcceptEncoding(acceptEncoding, prefer)));
  }
  return chosen;
}
const chosenFor = new Map<string, Encoding>();

function readAcceptEncoding(acceptEncoding: string, prefer: 'br' | 'gzip'): Encoding {
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  const other = prefer === 'br' ? 'gzip' : 'br';
  return accepts(prefer) ? prefer : accepts(other) ? other : 'identity';
}

/** Add accept-encoding to Vary (keeping what is there). */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current))
    reply.header('vary', current ? `${current}, accept-encoding` : 'accept-encoding');
}

/** Room for the longest string compressed here, in UTF-8 (at most 3 bytes per UTF-16 unit). */
const scratch = Buffer.allocUnsafe(MAX_SYNC * 3);

export default fp(async function compressResponses(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!(typeof payload === 'string' || Buffer.isBuffer(payload)) || payload.length > MAX_SYNC || reply.hasHeader('content-encoding'))
      return payload;
    if (reply.statusCode === 204 || reply.statusCode === 304 || req.headers['x-no-compression'] !== undefined) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    // Encoded to UTF-8 once: a page with one character beyond Latin-1 is a two-byte string, and measuring it
    // (Buffer.byteLength) cost nearly as much as encoding it (~29 and ~40 µs for a 12 KB search page).
    // A string is encoded into one buffer kept for the purpose (compression is synchronous, so nothing else
    // holds it meanwhile): a fresh buffer per page was a tenth of what a profile page allocated.
    const body = typeof payload === 'string' ? scratch.subarray(0, scratch.write(payload)) : payload;
    const encoding = chooseEncoding(req.headers['accept-encoding'], body.length);
    varyOnEncoding(reply);
    if (encoding === 'identity') return typeof payload === 'string' ? Buffer.from(body) : body;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return encoding === 'gzip' ? gzipSync(body, { level: GZIP_LEVEL }) : brotli(body);
  });
});

/**
 * Brotli's window fitted to the body: no larger than it needs (2^ceil(log2 size), 1 KB to 256 KB).
 * The encoder sets up its window and hash tables per call, so a 256 KB window for a 3 KB profile
 * page cost 82 µs against 35 µs fitted, for the same bytes out (measured on one page, one run).
 */
export function brotliWindow(size: number): number {
  return Math.min(18, Math.max(10, Math.ceil(Math.log2(Math.max(1, size)))));
}

function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, {
    params: {
      [z.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [z.BROTLI_PARAM_LGWIN]: brotliWindow(body.length),
      [z.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}
