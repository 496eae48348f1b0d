/**
 * Preloaded (`node --import`) into every benchmark build, the floor's included: when the process exits, it prints
 * the CPU seconds of its main thread and of the other threads still alive, by name (V8's helper threads, which
 * run the garbage collector's concurrent work and the optimising compiler; libuv's file-system pool). On a
 * 2-core machine these compete with the main thread, whose CPU time varies less from run to run than wall time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** The start of the line this module prints (tests/bench/astro-build.ts parses it). */
export const THREAD_CPU_PREFIX = '[thread-cpu]';

// CPU seconds of the process's live threads by name, from /proc (Linux); none elsewhere.
function cpuByThreadName(): Map<string, number> {
  const byName = new Map<string, number>();
  let tasks: string[] = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return byName;
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // utime and stime are the 14th and 15th fields, in clock ticks (100 a second on Linux).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byName.set(name, (byName.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return byName;
}

// Only in an `astro build` process: the benchmark itself imports this module for its prefix.
if (isMainThread && typeof process.threadCpuUsage === 'function' && /astro(?:\.mjs)?$/.test(process.argv[1] ?? '')) {
  process.on('exit', () => {
    const main = process.threadCpuUsage();
    const others = [...cpuByThreadName()].filter(([name]) => name !== 'MainThread' && name !== 'node').map(([name, seconds]) => `${name}=${seconds.toFixed(2)}`);
    process.stderr.write(`${THREAD_CPU_PREFIX} main=${((main.user + main.system) / 1e6).toFixed(2)} ${others.join(' ')}\n`);
  });
}
