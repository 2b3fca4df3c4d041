// What the change triggers (server/workers/changes.ts) noted since the watch began: the workers
// the search index, the counts and the page cache will take in at their next read.
import { WorkerChanges } from '../../server/workers/changes.ts';
import type { TestApp } from './app.ts';

export function watchWorkerChanges(app: TestApp): { take(): number[] } {
  const changes = new WorkerChanges(app.db.$client, 'test');
  return { take: () => changes.takeDirty() };
}
