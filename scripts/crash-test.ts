// `npm run crash-test [-- --rounds 5 --families 4 --processes 2]` (a check, not a unit test): real
// server processes (two by default) on ONE database, families nominating through all of them and a
// moderator approving or rejecting over HTTP, and one process SIGKILLed mid-stream at a random
// moment while the others keep serving (a different one each round). After the killed one is
// restarted: every nomination whose confirm was acknowledged (303) by any process is stored,
// every acknowledged decision is recorded whole (an approval has its quote, profile and audit
// entry), and PRAGMA integrity_check is ok. Requests the kill cut off are unacknowledged: either
// outcome is fine for them, but no half. A failed request to a process that was not killed is a
// failure (the kill must not hurt the others: locks and the WAL are recovered by the next writer).
// `--processes 1` is the single-server test as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RunningServer, freePort } from '../tests/e2e/helpers/server.ts';
import { seedDatabase } from '../tests/e2e/helpers/seed-db.ts';
import { HttpClient, formFields, VALID_NOMINATION } from '../tests/e2e/helpers/http.ts';
import { MODERATOR } from '../tests/e2e/helpers/flows.ts';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

type Decision = { id: number; action: 'approve' | 'reject' };

async function main() {
  const rounds = arg('rounds', 5);
  const familyCount = arg('families', 4);
  const processes = arg('processes', 2);
  const dir = mkdtempSync(join(tmpdir(), 'gsw-crash-'));
  const dbPath = join(dir, 'directory.db');
  await seedDatabase(dbPath, (s) => s.moderator(MODERATOR));
  // Independent processes on one file (one process each: WEB_CONCURRENCY=1), each on its own port.
  const servers: RunningServer[] = [];
  for (let i = 0; i < processes; i++)
    servers.push(new RunningServer(await freePort(), dir, dbPath, { LOG_LEVEL: 'error', WEB_CONCURRENCY: '1' }, i === 0));
  const ackedRefs = new Set<string>();
  const ackedDecisions = new Map<number, Decision['action']>();
  let cutOff = 0;
  let failures = 0;
  const totals = { nominations: 0, decisions: 0 };

  try {
    for (let round = 1; round <= rounds; round++) {
      await Promise.all(servers.map((s) => s.start()));
      const victim = servers[round % processes]!;
      let running = true;
      let killed = false;
      const survivorErrors: string[] = [];
      const onError = (server: RunningServer, err: unknown) => {
        // The kill cuts requests to the killed process off mid-flight: unacknowledged, so either
        // outcome is allowed. Anything else failing is a finding.
        if (killed && server === victim) cutOff++;
        else survivorErrors.push(`${server.url}: ${(err as Error).message}`);
      };

      const families = Array.from({ length: familyCount }, async (_, f) => {
        const server = servers[f % processes]!;
        const client = new HttpClient(server.url);
        for (let i = 0; running && !(killed && server === victim); i++) {
          try {
            const form = await client.get('/nominate');
            const check = await client.submit(
              '/nominate',
              '/nominate',
              { ...VALID_NOMINATION, story: `${VALID_NOMINATION.story} Round ${round}, family ${f}, ${i}.` },
              form.body,
            );
            const res = await client.post('/nominate/confirm', formFields(check.body, '/nominate/confirm'));
            if (res.status !== 303) throw new Error(`confirm answered ${res.status}`);
            ackedRefs.add(decodeURIComponent(res.location!.split('/').pop()!).replaceAll('-', ''));
          } catch (err) {
            onError(server, err);
          }
        }
      });

      // The moderator works through the process that is killed this round (decisions cut off by it).
      const moderator = (async () => {
        const server = victim;
        const mod = new HttpClient(server.url);
        try {
          const login = await mod.submit('/moderate/login', '/moderate/login', { email: MODERATOR.email, password: MODERATOR.password });
          if (login.status !== 303) throw new Error(`login answered ${login.status}`);
        } catch (err) {
          return onError(server, err);
        }
        const db = new Database(dbPath, { readonly: true });
        try {
          for (let n = 0; running && !killed; n++) {
            const id = db.prepare("SELECT id FROM nominations WHERE status = 'pending' ORDER BY id LIMIT 1").pluck().get() as
              | number
              | undefined;
            if (!id) {
              await new Promise((r) => setTimeout(r, 10));
              continue;
            }
            const action: Decision['action'] = n % 3 === 2 ? 'reject' : 'approve';
            const path = `/moderate/nominations/${id}`;
            try {
              const review = await mod.get(path);
              const values =
                action === 'approve'
                  ? { action, quote: `Quote ${id}: they listened to us.`, worker: 'new' }
                  : { action, reason: 'spam', note: '' };
              // The approve form comes first on the page; the reject form has the reason field.
              const fields = formFields(review.body, path).filter(([k]) => !(k in values) && k !== 'reason');
              const res = await mod.post(path, [...fields, ...Object.entries(values)]);
              if (res.status !== 303) throw new Error(`decision answered ${res.status}: ${res.body.slice(0, 200)}`);
              ackedDecisions.set(id, action);
            } catch (err) {
              onError(server, err);
            }
          }
        } finally {
          db.close();
        }
      })();

      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
      killed = true;
      await victim.kill('SIGKILL');
      // The others go on serving for a moment after the kill (their writes must not be hurt by it).
      if (processes > 1) await new Promise((r) => setTimeout(r, 1000));
      running = false;
      await Promise.all([...families, moderator]);

      // Restart the killed one and check.
      await victim.start();
      const db = new Database(dbPath, { readonly: true });
      try {
        const integrity = db.prepare('PRAGMA integrity_check').pluck().get();
        const stored = new Set(db.prepare('SELECT ref FROM nominations').pluck().all() as string[]);
        const missingRefs = [...ackedRefs].filter((r) => !stored.has(r));
        const status = db.prepare('SELECT status, worker_id AS workerId FROM nominations WHERE id = ?');
        const quote = db.prepare('SELECT COUNT(*) FROM quotes WHERE nomination_id = ?').pluck();
        const audited = db
          .prepare("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'nomination' AND subject_id = ? AND action = ?")
          .pluck();
        const wrongDecisions: string[] = [];
        for (const [id, action] of ackedDecisions) {
          const row = status.get(id) as { status: string; workerId: number | null } | undefined;
          const want = action === 'approve' ? 'approved' : 'rejected';
          const whole =
            row?.status === want &&
            (action === 'reject' || (row.workerId !== null && quote.get(id) === 1)) &&
            audited.get(id, `nomination.${want}`) === 1;
          if (!whole) wrongDecisions.push(`${id} ${action}: ${JSON.stringify(row)}`);
        }
        const halfApproved = db
          .prepare(
            "SELECT COUNT(*) FROM nominations n WHERE status = 'approved' AND (worker_id IS NULL OR NOT EXISTS (SELECT 1 FROM quotes q WHERE q.nomination_id = n.id))",
          )
          .pluck()
          .get() as number;
        const ok = integrity === 'ok' && !missingRefs.length && !wrongDecisions.length && halfApproved === 0 && !survivorErrors.length;
        if (!ok) failures++;
        console.log(
          `round ${round} (${processes} processes, killed ${servers.indexOf(victim) + 1}): ${ackedRefs.size - totals.nominations} nominations and ${ackedDecisions.size - totals.decisions} decisions acknowledged this round; ` +
            `after restart: ${ackedRefs.size - missingRefs.length}/${ackedRefs.size} nominations, ${ackedDecisions.size - wrongDecisions.length}/${ackedDecisions.size} decisions present, ` +
            `${halfApproved} half-written approvals, ${survivorErrors.length} failed requests to the others, integrity ${integrity}${ok ? '' : '  <-- FAILED'}`,
        );
        if (missingRefs.length) console.log(`  missing: ${missingRefs.slice(0, 10).join(', ')}`);
        if (wrongDecisions.length) console.log(`  wrong: ${wrongDecisions.slice(0, 10).join('; ')}`);
        if (survivorErrors.length) console.log(`  others failed: ${survivorErrors.slice(0, 5).join('; ')}`);
        totals.nominations = ackedRefs.size;
        totals.decisions = ackedDecisions.size;
      } finally {
        db.close();
      }
      await Promise.all(servers.map((s) => s.stop()));
    }
    console.log(
      `\n${rounds} SIGKILLs (${processes} processes on one database): ${ackedRefs.size} acknowledged nominations and ${ackedDecisions.size} acknowledged decisions, all checked after each restart; ` +
        `${cutOff} requests cut off by the kills (unacknowledged). ${failures ? `${failures} round(s) FAILED` : 'Nothing acknowledged was lost; integrity ok every time.'}`,
    );
  } finally {
    for (const s of servers.slice(1)) await s.stop();
    await servers[0]!.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failures ? 1 : 0);
}

void main();
