// Configuration from the environment, checked once at start-up by one zod schema.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const flag = z.enum(['', '0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

const intIn = (min: number, max: number, dflt: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(String(dflt) as never);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: intIn(0, 65535, 3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('data/directory.db'),
  DEMO: flag.default(false as never),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  RATE_LIMIT_MAX: intIn(0, 1_000_000, 20),
  MIN_FILL_SECONDS: intIn(0, 3600, 3),
  RETENTION_DAYS: intIn(1, 3650, 180),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** on behind HTTPS: Secure cookies and HSTS. Defaults to on when NODE_ENV=production (set 0 to turn off). */
  COOKIE_SECURE: flag.optional(),
  /** public base URL, used for absolute links in the Atom feed and in every mail */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** smtp://user:pass@host:587 or smtps://…; unset: mails are written as .eml files beside the database */
  SMTP_URL: z
    .string()
    .url('must be a URL such as smtp://user:pass@mail.example.org:587')
    .refine((u) => !URL.canParse(u) || /^smtps?:$/.test(new URL(u).protocol), 'must start with smtp:// or smtps://')
    .optional(),
  /** the sender of every mail: an address, or "Name <address>" */
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address or "Name <address>"')
    .default('The Good Social Worker directory <no-reply@localhost>'),
  /** where the search index snapshot is kept; default beside the database */
  SEARCH_SNAPSHOT_PATH: z.string().optional(),
  /** server processes sharing the one database (node:cluster, server/main.ts); 1 runs a single process */
  WEB_CONCURRENCY: intIn(1, 256, availableParallelism()),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SESSION_SECRET' | 'SEARCH_SNAPSHOT_PATH' | 'COOKIE_SECURE'> & {
  COOKIE_SECURE: boolean;
  SESSION_SECRET: string;
  SEARCH_SNAPSHOT_PATH: string;
};

export class ConfigError extends Error {}

/** Never repeated in an error message. */
const SECRET_VARS = new Set(['SESSION_SECRET', 'SMTP_URL']);

/** Parse the environment. Throws ConfigError with a one-line message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, argv: string[] = []): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = SECRET_VARS.has(name) ? 'value not shown: it may hold a password' : `got ${JSON.stringify(input[name] ?? '')}`;
    throw new ConfigError(`Configuration error: ${name} ${issue.message} (${got})`);
  }
  const c = parsed.data;
  if (argv.includes('--demo')) c.DEMO = true;
  const dbPath = c.DATABASE_PATH === ':memory:' ? c.DATABASE_PATH : resolve(c.DATABASE_PATH);
  const dataDir = dbPath === ':memory:' ? resolve('data') : dirname(dbPath);
  let secret = c.SESSION_SECRET;
  if (!secret) {
    if (c.NODE_ENV === 'production') {
      throw new ConfigError('Configuration error: SESSION_SECRET is required when NODE_ENV=production (at least 32 characters)');
    }
    secret = developmentSecret(dataDir);
  }
  return {
    ...c,
    COOKIE_SECURE: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    DATABASE_PATH: dbPath,
    // processes cannot share an in-memory database: each would have its own
    WEB_CONCURRENCY: dbPath === ':memory:' ? 1 : c.WEB_CONCURRENCY,
    SESSION_SECRET: secret,
    SEARCH_SNAPSHOT_PATH: c.SEARCH_SNAPSHOT_PATH ? resolve(c.SEARCH_SNAPSHOT_PATH) : join(dataDir, 'search-index.json'),
  };
}

/** In development a secret is generated once and kept in the data folder. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
