// The change log (server/workers/changes.ts): written by the triggers inside the writing
// transaction, read by every reader from its own position, pruned once every live reader has
// passed a row, and a reader thought dead finds out it lost track instead of missing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { makeApp, type TestApp } from './helpers/app.ts';
import { seedNomination } from './helpers/seed.ts';
import { changeLog, changeReaders, workers } from '../db/schema.ts';
import { WorkerChanges, keepReadersAlive, lastChange, pruneChangeLog, READER_TIMEOUT_MS } from '../server/workers/changes.ts';

let app: TestApp;

beforeAll(async () => {
  app = await makeApp();
});

afterAll(async () => {
  await app.close();
});

const rows = () => app.db.select({ n: count() }).from(changeLog).get()!.n;

describe('the change log', () => {
  it('names the worker of every committed write, and nothing of a rolled-back one', () => {
    const reader = new WorkerChanges(app.db, 'test');
    const { workerId } = seedNomination(app, { workerName: 'Morwenna Tregear', area: 'cornwall' });
    expect(reader.take().workers).toEqual([workerId]);
    expect(reader.take().workers).toEqual([]);
    const before = lastChange(app.db);
    expect(() =>
      app.db.transaction((tx) => {
        tx.update(workers).set({ team: 'Kernow team' }).where(eq(workers.id, workerId!)).run();
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(lastChange(app.db)).toBe(before);
    expect(reader.take().workers).toEqual([]);
    app.db.update(workers).set({ team: 'Kernow team' }).where(eq(workers.id, workerId!)).run();
    expect(reader.take().workers).toEqual([workerId]);
    reader.close();
  });

  it('is pruned below every live reader, keeping the rows a slower reader has not taken', () => {
    const fast = new WorkerChanges(app.db, 'fast');
    const slow = new WorkerChanges(app.db, 'slow');
    const ids = ['Ifan Pugh', 'Nia Vaughan', 'Rhodri Bevan'].map(
      (name) => seedNomination(app, { workerName: name, area: 'cardiff' }).workerId,
    );
    fast.take();
    keepReadersAlive(app.db);
    pruneChangeLog(app.db);
    // everything the slow reader has yet to take is still there
    expect(slow.take()).toEqual({ lost: false, workers: ids });
    keepReadersAlive(app.db);
    const before = rows();
    expect(pruneChangeLog(app.db)).toBeGreaterThan(0);
    // all readers are at the end now: only the newest row is kept (the mark that the log is whole)
    expect(rows()).toBeLessThan(before);
    expect(rows()).toBe(1);
    expect(fast.canReplay()).toBe(true);
    expect(slow.canReplay()).toBe(true);
    fast.close();
    slow.close();
  });

  it('stops waiting for a reader not heard of for a minute, which then knows it lost track', () => {
    const live = new WorkerChanges(app.db, 'live');
    const asleep = new WorkerChanges(app.db, 'asleep');
    for (const name of ['Eira Lloyd', 'Gethin Rowlands']) seedNomination(app, { workerName: name, area: 'cardiff' });
    live.take();
    // a minute on, every reader of this process has said where it is but the one asleep
    const later = Date.now() + READER_TIMEOUT_MS + 1000;
    keepReadersAlive(app.db, later);
    app.db.update(changeReaders).set({ seenAt: 0 }).where(eq(changeReaders.id, asleep.id)).run();
    expect(pruneChangeLog(app.db, later)).toBeGreaterThan(0);
    expect(app.db.select().from(changeReaders).where(eq(changeReaders.id, asleep.id)).get()).toBeUndefined();
    expect(asleep.take()).toEqual({ lost: true, workers: [] }); // its consumer reloads everything
    expect(asleep.canReplay()).toBe(true); // and goes on from the end
    const { workerId } = seedNomination(app, { workerName: 'Owain Pryce', area: 'cardiff' });
    expect(asleep.take()).toEqual({ lost: false, workers: [workerId] });
    live.close();
    asleep.close();
  });
});
