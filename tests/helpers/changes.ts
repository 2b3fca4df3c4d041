// What the change log (server/workers/changes.ts) holds since the watch began: the workers
// the search index, the counts and the page cache will take in at their next read.
import { WorkerChanges } from '../../server/workers/changes.ts';
import type { TestApp } from './app.ts';

export function watchWorkerChanges(app: TestApp): { take(): number[] } {
  const changes = new WorkerChanges(app.db, 'test');
  return { take: () => [...changes.take().workers] };
}
