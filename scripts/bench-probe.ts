// Loaded into the server under test by `npm run bench:http` (node --import), so the bench can see
// inside it from outside: event-loop delay, garbage-collection pauses, memory, and a CPU profile
// while one target runs. It answers only its parent over IPC ('start' / 'stop' messages) and does
// nothing in a process started without one (or in a cluster worker, whose channel is the cluster's).
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type ProbeStart = { cmd: 'start'; profile?: string };
export type ProbeReport = {
  loopP50: number;
  loopP99: number;
  loopMax: number;
  gcCount: number;
  gcMs: number;
  gcMaxMs: number;
  /** memory when RSS was highest during the target */
  peak: NodeJS.MemoryUsage;
  /** RSS once garbage is collected after the target */
  settledRss: number;
};

if (process.send && !process.env.NODE_UNIQUE_ID) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let loop: ReturnType<typeof monitorEventLoopDelay> | undefined;
  let observer: PerformanceObserver | undefined;
  let sampler: NodeJS.Timeout | undefined;
  let profiler: Session | undefined;
  let profileFile: string | undefined;
  let pauses = { count: 0, totalMs: 0, maxMs: 0 };
  let peak = process.memoryUsage();

  process.on('message', (m: ProbeStart | { cmd: 'stop' } | { cmd: 'gc' }) => {
    void (async () => {
      if (m.cmd === 'gc') {
        gc();
        process.send!({ cmd: 'gc', rss: process.memoryUsage().rss });
      } else if (m.cmd === 'start') {
        pauses = { count: 0, totalMs: 0, maxMs: 0 };
        peak = process.memoryUsage();
        loop = monitorEventLoopDelay({ resolution: 5 });
        loop.enable();
        observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            pauses.count++;
            pauses.totalMs += e.duration;
            pauses.maxMs = Math.max(pauses.maxMs, e.duration);
          }
        });
        observer.observe({ entryTypes: ['gc'] });
        // rss() alone is cheap; the full breakdown only at a new peak
        sampler = setInterval(() => {
          if (process.memoryUsage.rss() > peak.rss) peak = process.memoryUsage();
        }, 200);
        if (m.profile) {
          profileFile = m.profile;
          profiler = new Session();
          profiler.connect();
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.start');
        }
        process.send!({ cmd: 'started' });
      } else if (m.cmd === 'stop') {
        if (profiler && profileFile) {
          const { profile } = await profiler.post('Profiler.stop');
          writeFileSync(profileFile, JSON.stringify(profile));
          profiler.disconnect();
          profiler = undefined;
        }
        clearInterval(sampler);
        loop?.disable();
        observer?.disconnect();
        gc();
        const report: ProbeReport = {
          loopP50: loop ? loop.percentile(50) / 1e6 : NaN,
          loopP99: loop ? loop.percentile(99) / 1e6 : NaN,
          loopMax: loop ? loop.max / 1e6 : NaN,
          gcCount: pauses.count,
          gcMs: pauses.totalMs,
          gcMaxMs: pauses.maxMs,
          peak,
          settledRss: process.memoryUsage().rss,
        };
        process.send!({ cmd: 'stopped', report });
      }
    })();
  });
}
