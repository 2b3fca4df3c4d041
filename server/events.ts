// In-process notifications between domain modules, e.g. the search index learning that a
// profile was published, hidden or corrected, and cached counts being invalidated.
import { EventEmitter } from 'node:events';

export type DirectoryEvents = {
  /** a worker profile was created, changed, hidden, or its nominations changed */
  'worker-changed': [workerId: number];
  /** any change that affects public counts (approval, withdrawal, hide, correction) */
  'counts-changed': [];
};

export class DirectoryEventBus extends EventEmitter<DirectoryEvents> {
  workerChanged(workerId: number): void {
    this.emit('worker-changed', workerId);
    this.emit('counts-changed');
  }
}
