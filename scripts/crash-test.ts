// `npm run crash-test [-- --rounds 5 --families 4]` (a check, not a unit test): the real server as
// a child process, families nominating and a moderator approving or rejecting over HTTP, and the
// server SIGKILLed mid-stream at a random moment. After each restart: every nomination whose
// confirm was acknowledged (303) is stored, every acknowledged decision is recorded whole (an
// approval has its quote, profile and audit entry), and PRAGMA integrity_check is ok.
// Requests cut off by the kill are unacknowledged: either outcome is fine for them, but no half.
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
  const dir = mkdtempSync(join(tmpdir(), 'gsw-crash-'));
  const dbPath = join(dir, 'directory.db');
  await seedDatabase(dbPath, (s) => s.moderator(MODERATOR));
  const server = new RunningServer(await freePort(), dir, dbPath, { LOG_LEVEL: 'error' }, true);
  const ackedRefs = new Set<string>();
  const ackedDecisions = new Map<number, Decision['action']>();
  let cutOff = 0;
  let failures = 0;
  const totals = { nominations: 0, decisions: 0 };

  try {
    for (let round = 1; round <= rounds; round++) {
      await server.start();
      let running = true;
      const onError = (err: unknown) => {
        // The kill cuts requests off mid-flight: unacknowledged, so either outcome is allowed.
        if (running) throw err;
        cutOff++;
      };

      const families = Array.from({ length: familyCount }, async (_, f) => {
        const client = new HttpClient(server.url);
        for (let i = 0; running; i++) {
          try {
            const form = await client.get('/nominate');
            const check = await client.submit('/nominate', '/nominate', { ...VALID_NOMINATION, story: `${VALID_NOMINATION.story} Round ${round}, family ${f}, ${i}.` }, form.body);
            const res = await client.post('/nominate/confirm', formFields(check.body, '/nominate/confirm'));
            if (res.status !== 303) throw new Error(`confirm answered ${res.status}`);
            ackedRefs.add(decodeURIComponent(res.location!.split('/').pop()!).replaceAll('-', ''));
          } catch (err) {
            onError(err);
          }
        }
      });

      const moderator = (async () => {
        const mod = new HttpClient(server.url);
        try {
          const login = await mod.submit('/moderate/login', '/moderate/login', { email: MODERATOR.email, password: MODERATOR.password });
          if (login.status !== 303) throw new Error(`login answered ${login.status}`);
        } catch (err) {
          return onError(err);
        }
        const db = new Database(dbPath, { readonly: true });
        try {
          for (let n = 0; running; n++) {
            const id = db.prepare("SELECT id FROM nominations WHERE status = 'pending' ORDER BY id LIMIT 1").pluck().get() as number | undefined;
            if (!id) {
              await new Promise((r) => setTimeout(r, 10));
              continue;
            }
            const action: Decision['action'] = n % 3 === 2 ? 'reject' : 'approve';
            const path = `/moderate/nominations/${id}`;
            try {
              const review = await mod.get(path);
              const values = action === 'approve' ? { action, quote: `Quote ${id}: they listened to us.`, worker: 'new' } : { action, reason: 'spam', note: '' };
              // The approve form comes first on the page; the reject form has the reason field.
              const fields = formFields(review.body, path).filter(([k]) => !(k in values) && k !== 'reason');
              const res = await mod.post(path, [...fields, ...Object.entries(values)]);
              if (res.status !== 303) throw new Error(`decision answered ${res.status}: ${res.body.slice(0, 200)}`);
              ackedDecisions.set(id, action);
            } catch (err) {
              onError(err);
            }
          }
        } finally {
          db.close();
        }
      })();

      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
      running = false;
      await server.kill('SIGKILL');
      await Promise.all([...families, moderator]);

      // Restart and check.
      await server.start();
      const db = new Database(dbPath, { readonly: true });
      try {
        const integrity = db.prepare('PRAGMA integrity_check').pluck().get();
        const stored = new Set(db.prepare('SELECT ref FROM nominations').pluck().all() as string[]);
        const missingRefs = [...ackedRefs].filter((r) => !stored.has(r));
        const status = db.prepare('SELECT status, worker_id AS workerId FROM nominations WHERE id = ?');
        const quote = db.prepare('SELECT COUNT(*) FROM quotes WHERE nomination_id = ?').pluck();
        const audited = db.prepare("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'nomination' AND subject_id = ? AND action = ?").pluck();
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
          .prepare("SELECT COUNT(*) FROM nominations n WHERE status = 'approved' AND (worker_id IS NULL OR NOT EXISTS (SELECT 1 FROM quotes q WHERE q.nomination_id = n.id))")
          .pluck()
          .get() as number;
        const ok = integrity === 'ok' && !missingRefs.length && !wrongDecisions.length && halfApproved === 0;
        if (!ok) failures++;
        console.log(
          `round ${round}: ${ackedRefs.size - totals.nominations} nominations and ${ackedDecisions.size - totals.decisions} decisions acknowledged this round; ` +
            `after restart: ${ackedRefs.size - missingRefs.length}/${ackedRefs.size} nominations, ${ackedDecisions.size - wrongDecisions.length}/${ackedDecisions.size} decisions present, ` +
            `${halfApproved} half-written approvals, integrity ${integrity}${ok ? '' : '  <-- FAILED'}`,
        );
        if (missingRefs.length) console.log(`  missing: ${missingRefs.slice(0, 10).join(', ')}`);
        if (wrongDecisions.length) console.log(`  wrong: ${wrongDecisions.slice(0, 10).join('; ')}`);
        totals.nominations = ackedRefs.size;
        totals.decisions = ackedDecisions.size;
      } finally {
        db.close();
      }
      await server.stop();
    }
    console.log(
      `\n${rounds} SIGKILLs: ${ackedRefs.size} acknowledged nominations and ${ackedDecisions.size} acknowledged decisions, all checked after each restart; ` +
        `${cutOff} requests cut off by the kills (unacknowledged). ${failures ? `${failures} round(s) FAILED` : 'Nothing acknowledged was lost; integrity ok every time.'}`,
    );
  } finally {
    await server.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failures ? 1 : 0);
}

void main();
