// Creates a moderator account from the command line (there is no public sign-up):
//   MODERATOR_PASSWORD='…' npm run create-moderator -- --email someone@example.org [--role admin] [--reset]
// The password comes from the environment so it stays out of the shell history and `ps`.
// --reset sets a new password (and role, if given) for an existing moderator and ends their sessions.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db.ts';
import { AccountError, createModerator, resetPassword, type Role } from '../server/moderation/accounts.ts';

const USAGE = "Usage: MODERATOR_PASSWORD='…' npm run create-moderator -- --email someone@example.org [--role admin|moderator] [--reset]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  let args: { email?: string; role?: string; reset?: boolean; help?: boolean };
  try {
    args = parseArgs({
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.email) fail(`--email is required.\n${USAGE}`);
  if (args.role !== undefined && args.role !== 'admin' && args.role !== 'moderator') fail(`--role must be admin or moderator.\n${USAGE}`);
  const password = process.env.MODERATOR_PASSWORD;
  if (!password) fail(`Set MODERATOR_PASSWORD in the environment.\n${USAGE}`);

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  const db = openDatabase(config.DATABASE_PATH);
  try {
    const role = args.role as Role | undefined;
    if (args.reset) {
      const m = await resetPassword(db, args.email, password, Date.now(), role);
      console.log(`Reset the password of ${m.role} ${m.email} in ${config.DATABASE_PATH}; their sessions were ended.`);
    } else {
      const m = await createModerator(db, { email: args.email, password, role: role ?? 'moderator', now: Date.now() });
      console.log(`Created ${m.role} ${m.email} in ${config.DATABASE_PATH}. They can sign in at /moderate/login.`);
    }
  } catch (e) {
    if (e instanceof AccountError) {
      const hint = /already a moderator/.test(e.message) ? ' (use --reset to set a new password)' : '';
      fail(`Not done: ${e.message}${hint}.`);
    }
    throw e;
  } finally {
    db.$client.close();
  }
}

void main();
