import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface TreeMemoryPeaks {
  /** Peak of the summed RSS: pages shared by the processes (Node's own code) count once per process. */
  readonly rssBytes: number;
  /** Peak of the summed PSS (a shared page split between its sharers), or null where the kernel has no smaps_rollup. */
  readonly pssBytes: number | null;
}

/**
 * Peak memory of a process and all its descendants, sampled from /proc while it runs (Linux):
 * RSS every `intervalMs`, PSS (dearer to read) every `pssEvery` samples. `stop()` returns null
 * where /proc is not available.
 */
export function sampleTreeMemory(
  rootPid: number,
  intervalMs = 50,
  pssEvery = 4,
): { stop(): TreeMemoryPeaks | null } {
  let rssPeak = 0;
  let pssPeak: number | null = existsSync('/proc/self/smaps_rollup') ? 0 : null;
  let available = true;
  let samples = 0;
  const sample = () => {
    const tree = treeRss(rootPid);
    if (tree === null) {
      available = false;
      return;
    }
    rssPeak = Math.max(rssPeak, tree.rssBytes);
    if (pssPeak !== null && samples++ % pssEvery === 0) pssPeak = Math.max(pssPeak, summedPss(tree.pids));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return available ? { rssBytes: rssPeak, pssBytes: pssPeak } : null;
    },
  };
}

/** Summed PSS in bytes of the processes, from smaps_rollup. */
function summedPss(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

/** Summed RSS in bytes of `rootPid` and its descendants, and their PIDs, or null without /proc. */
function treeRss(rootPid: number): { rssBytes: number; pids: number[] } | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const pid = Number(entry);
      rss.set(pid, kb * 1024);
      const siblings = children.get(ppid) ?? [];
      siblings.push(pid);
      children.set(ppid, siblings);
    } catch {
      // the process ended between readdir and read
    }
  }
  let total = 0;
  const pids: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (!rss.has(pid)) continue;
    total += rss.get(pid) ?? 0;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return { rssBytes: total, pids };
}

/**
 * CPU seconds (user + system) used by this process's children that have ended and been waited
 * for, from /proc/self/stat (Linux; USER_HZ is 100), or null without /proc. The difference across
 * a child's run is the CPU time of the child and all its descendants.
 */
export function endedChildrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command name start at field 3 (state): cutime is field 16, cstime field 17
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
