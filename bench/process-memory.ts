import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak resident memory of a process and all its descendants, sampled from /proc while it runs
 * (Linux). `stop()` returns the peak of the summed RSS, or null where /proc is not available.
 */
export function sampleTreeMemory(rootPid: number, intervalMs = 50): { stop(): number | null } {
  let peak = 0;
  let available = true;
  const sample = () => {
    const total = treeRss(rootPid);
    if (total === null) available = false;
    else peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return available ? peak : null;
    },
  };
}

/** Summed RSS in bytes of `rootPid` and its descendants, or null without /proc. */
function treeRss(rootPid: number): number | null {
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
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
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
