// Entry of the index-building worker thread. Plain JavaScript so it starts the same way under
// `tsx`, vitest and a plain `node`: it registers the TypeScript loader, then runs the real code.
import { register } from 'tsx/esm/api';

register();
await import('./build-thread.ts');
