// The real server as a child process (`tsx server/main.ts`, or as `npm start` compiles it) on a free port over a temporary
// SQLite file, the way people meet it. Used by the browser tests and the fault scripts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from '../../../server/paths.ts';

export { ROOT };
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** What `npm start` runs once `npm run build` has compiled the server. */
export const COMPILED_MAIN = join(ROOT, '.build', 'server', 'main.js');
export const TEST_SECRET = 'e2e-secret-e2e-secret-e2e-secret-123456';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Servers still running when this process exits (a test that threw before cleanup) are killed. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export type ServerOptions = {
  /** folder for the database; a new temporary one when omitted (removed by `cleanup()`) */
  dir?: string;
  dbPath?: string;
  env?: Record<string, string>;
  port?: number;
  /** remove `dir` on cleanup() even though the caller made it (a temporary folder it seeded) */
  removeDir?: boolean;
  /** every line the server writes, on either stream, across restarts */
  onOutput?: OutputListener;
};

export type OutputListener = (line: string, stream: 'stdout' | 'stderr') => void;

/** How long kill() waits, once the process has exited, for the last of its output (a child of it may hold the pipes). */
const OUTPUT_GRACE_MS = 2000;

export class RunningServer {
  child!: ChildProcess;
  /** the last 20 KB of the server's stderr and stdout, for failure messages */
  output = '';
  /** called with every line of output (this tail keeps only the end): checks that must see all of it use this */
  onOutput: OutputListener | undefined;
  readonly url: string;
  private exited: Promise<number | null> = Promise.resolve(null);
  private outputClosed: Promise<void> = Promise.resolve();

  constructor(
    readonly port: number,
    readonly dir: string,
    readonly dbPath: string,
    readonly env: Record<string, string>,
    private ownsDir: boolean,
    /** run what `npm start` runs, the JavaScript compiled into .build/ (built first, by the caller), not the sources */
    readonly compiled = false,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Spawn the server and wait until /healthz answers 200. */
  async start(timeoutMs = 30_000): Promise<this> {
    this.output = '';
    // node --import tsx (not the tsx wrapper): the signal reaches the server itself, so SIGKILL
    // in the crash test really kills it mid-write.
    const entry = this.compiled ? [COMPILED_MAIN] : ['--import', 'tsx', 'server/main.ts'];
    const child = spawn(process.execPath, entry, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DATABASE_PATH: this.dbPath,
        SESSION_SECRET: TEST_SECRET,
        RATE_LIMIT_MAX: '0',
        MIN_FILL_SECONDS: '0',
        LOG_LEVEL: 'warn',
        PUBLIC_URL: this.url,
        // one process, as the tests were written for; a test that wants a cluster says so
        WEB_CONCURRENCY: '1',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    live.add(child);
    child.once('exit', () => live.delete(child));
    this.outputClosed = Promise.all([this.read(child.stdout!, 'stdout'), this.read(child.stderr!, 'stderr')]).then(() => undefined);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let gone = false;
    void this.exited.then(() => (gone = true));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (gone) throw new Error(`the server exited during start-up:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/healthz`);
        if (res.status === 200) return this;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.kill('SIGKILL');
    throw new Error(`the server did not answer /healthz within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Keep the tail of one stream and hand its lines to onOutput; resolves when the stream ends. */
  private read(stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr'): Promise<void> {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => {
      this.output = (this.output + d).slice(-20_000);
      const lines = (partial + d).split('\n');
      partial = lines.pop()!;
      for (const line of lines) this.onOutput?.(line, name);
    });
    return new Promise((resolve) =>
      stream.once('close', () => {
        if (partial) this.onOutput?.(partial, name);
        partial = '';
        resolve();
      }),
    );
  }

  /**
   * Send a signal (at once: the crash tests kill at a chosen moment) and wait for the process to
   * exit and its output to reach onOutput.
   */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.child) return;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await this.exited;
      clearTimeout(timer);
    }
    await this.exit();
  }

  /** Wait (without a signal) for the process to exit and its output to reach onOutput. */
  async exit(): Promise<void> {
    await this.exited;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.outputClosed, new Promise((r) => (timer = setTimeout(r, OUTPUT_GRACE_MS)))]);
    clearTimeout(timer);
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
  }

  /** Stop the server and remove its temporary folder (if this helper made it). */
  async cleanup(): Promise<void> {
    await this.stop();
    if (this.ownsDir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A server over a fresh (or given) database, started and healthy. */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const ownsDir = !opts.dir || opts.removeDir === true;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'gsw-e2e-'));
  const dbPath = opts.dbPath ?? join(dir, 'directory.db');
  const server = new RunningServer(opts.port ?? (await freePort()), dir, dbPath, opts.env ?? {}, ownsDir);
  server.onOutput = opts.onOutput;
  try {
    return await server.start();
  } catch (err) {
    if (ownsDir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
