// Builds the app from plugins (config, db, view, security) and route modules.
// server/main.ts starts it; tests build the same app over a temporary database.
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import dbPlugin from './plugins/db.ts';
import countsPlugin from './plugins/counts.ts';
import committerPlugin from './plugins/committer.ts';
import viewPlugin from './plugins/view.ts';
import i18nPlugin from './plugins/i18n.ts';
import pageCachePlugin from './plugins/page-cache.ts';
import compressResponsesPlugin from './plugins/compress-responses.ts';
import securityPlugin from './plugins/security.ts';
import errorsPlugin, { frameworkError } from './plugins/errors.ts';
import searchPlugin from './plugins/search.ts';
import jobsPlugin from './plugins/jobs.ts';
import mailPlugin from './plugins/mail.ts';
import { registerRoutes } from './routes/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** the clock; tests inject their own */
    now: () => number;
  }
}

export type BuildOptions = {
  config: Config;
  now?: () => number;
  logger?: boolean;
  /** where log lines go (standard output unless given: tests read them) */
  logStream?: { write(line: string): void };
  /** false: no mail loop; the caller delivers with app.mail.flush() (tests, for counts they can assert) */
  mailLoop?: boolean;
};

/** Request URLs as logged: no query string (search terms, check codes), no nomination reference, no sign-in token. */
export function logSafeUrl(url: string): string {
  return url
    .split('?')[0]!
    .replace(/^(\/cy)?\/nominate\/done\/[^/]+/, '$1/nominate/done/[ref]')
    .replace(/^(\/cy)?\/worker\/sign-in\/[^/]+/, '$1/worker/sign-in/[token]');
}

/**
 * One log line per request, when it is answered (method, safe URL, status, milliseconds), not Fastify's
 * two (received, then answered): each line is serialised and written synchronously, a few to tens of
 * µs on every page.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function buildApp({
  config,
  now = Date.now,
  logger = true,
  logStream,
  mailLoop = true,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.LOG_LEVEL,
          ...(logStream ? { stream: logStream } : {}),
          // Never log addresses, bodies, cookies or query strings (stories, emails, references).
          serializers: {
            req: (req) => ({ method: req.method, url: logSafeUrl(req.url) }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    logController: new OneLinePerRequest(),
    trustProxy: false,
    bodyLimit: 64 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // a URL that does not decode (FST_ERR_BAD_URL) or a parameter over 200 characters (414): the site's own page
    frameworkErrors: frameworkError,
  });
  // Route schemas are zod schemas: handlers get typed params, query strings and bodies.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('now', now);

  await app.register(dbPlugin);
  await app.register(countsPlugin);
  await app.register(committerPlugin);
  await app.register(i18nPlugin);
  // before the view plugin, so its onSend sees the rendered page before compression
  await app.register(pageCachePlugin);
  // then rendered strings are compressed, before @fastify/compress (view plugin) would stream them
  await app.register(compressResponsesPlugin);
  await app.register(viewPlugin);
  await app.register(securityPlugin);
  await app.register(errorsPlugin);
  await app.register(searchPlugin);
  await app.register(jobsPlugin);
  await app.register(mailPlugin, { loop: mailLoop });
  // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits an async plugin; the rule reads it as a callback
  await app.register(registerRoutes);
  return app;
}
