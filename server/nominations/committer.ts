// Confirmed nominations that arrive together are stored in one transaction, so one fsync
// (synchronous=FULL: ~1 ms here, most of a confirm's cost) covers them all. Each one still runs
// in its own savepoint, in arrival order, exactly as storeNomination does alone: a repeated
// submission key finds the row stored earlier in the same batch, and one that fails rolls back
// alone. Nobody is answered until the batch has committed.
import type { Db } from '../db.ts';
import type { NominationInput } from './form.ts';
import { storeNomination, type StoredNomination } from './store.ts';

type Options = Parameters<typeof storeNomination>[2];
type Waiting = { input: NominationInput; opts: Options; resolve: (s: StoredNomination) => void; reject: (e: unknown) => void };

export class NominationCommitter {
  private waiting: Waiting[] = [];
  private scheduled = false;
  /** transactions committed, and the nominations they carried (for tests) */
  commits = 0;
  committed = 0;

  constructor(private readonly db: Db) {}

  /** Store a confirmed nomination with the others that arrived in this turn of the event loop. */
  store(input: NominationInput, opts: Options): Promise<StoredNomination> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, opts, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // after the requests already read in this turn have had their turn to join
        setImmediate(() => this.commit());
      }
    });
  }

  private commit(): void {
    this.scheduled = false;
    const batch = this.waiting.splice(0);
    if (!batch.length) return;
    const sqlite = this.db.$client;
    const outcomes: ({ ok: StoredNomination } | { err: unknown })[] = [];
    try {
      if (!sqlite.open) throw new Error('the database is closed');
      sqlite
        .transaction(() => {
          for (const w of batch) {
            try {
              outcomes.push({ ok: storeNomination(this.db, w.input, w.opts) }); // a savepoint inside this transaction
            } catch (err) {
              outcomes.push({ err });
            }
          }
        })
        .immediate();
    } catch (err) {
      // the commit itself failed (disk full, read-only, locked): nothing of the batch was stored
      for (const w of batch) w.reject(err);
      return;
    }
    this.commits++;
    this.committed += batch.length;
    batch.forEach((w, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) w.resolve(o.ok);
      else w.reject(o.err);
    });
  }
}
