import { relative } from "node:path";

/** A V8 CPU profile (`node --cpu-prof`, or the inspector's Profiler.stop). */
interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/**
 * Prints the top functions by self time and by inclusive time, as a share of the recorded time; with `fromMs`, only
 * the samples taken that long after the profile started (start-up left out).
 */
export function printProfile(profile: CpuProfile, top: number, fromMs = 0): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (f: CallFrame) => {
    const where = f.url ? relative(process.cwd(), f.url.replace(/^file:\/\//, "")) : "";
    return `${f.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < fromMs * 1000) return;
    all += dt;
    const node = byId.get(id);
    if (!node) return;
    const key = name(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const print = (title: string, map: Map<string, number>, skip: RegExp) => {
    console.log(`\n${title}`);
    [...map]
      .filter(([k]) => !skip.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, t]) => console.log(`${((100 * t) / all).toFixed(1).padStart(6)} %  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`));
  };
  print("Top by self time", self, /^$/);
  print("Top by inclusive time (own code, excluding the profile's root and idle)", total, /^\((root|program|idle|garbage collector)\)|node_modules|node:/);
}
