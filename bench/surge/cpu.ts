// Cores and CPU time: pinning contenders with taskset, and reading how busy a process was, so a
// result can say whether the server or the load generator was the one at its limit.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

export const SERVER_CORE = 0;
export const LOAD_CORE = 1;
/** A load generator this busy (share of its one core) is the limit: its result is bounded by it. */
export const GENERATOR_SATURATED = 0.9;

const hasTaskset = spawnSync("taskset", ["--version"]).status === 0;
export const canPin = hasTaskset && cpus().length >= 2;

/** The command and arguments that run `command` on `core` only (unpinned where taskset or a second core is missing). */
export function pinned(core: number, command: string, args: string[]): [string, string[]] {
  return canPin ? ["taskset", ["-c", String(core), command, ...args]] : [command, args];
}

/** Moves this process (every thread it has; later ones inherit it) onto `core`. */
export function pinSelf(core: number): boolean {
  if (!canPin) return false;
  return spawnSync("taskset", ["-a", "-cp", String(core), String(process.pid)]).status === 0;
}

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** User + system CPU seconds `pid` has used so far, or null once it is gone. */
export function processCpuSeconds(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Measures the share of one core a process uses between start() and stop(). */
export function cpuMeter(pid: number): { stop(): number | null } {
  const cpuAtStart = processCpuSeconds(pid);
  const startedAt = performance.now();
  return {
    stop() {
      const cpuNow = processCpuSeconds(pid);
      if (cpuAtStart === null || cpuNow === null) return null;
      return (cpuNow - cpuAtStart) / ((performance.now() - startedAt) / 1000);
    },
  };
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  pinned: boolean;
  node: string;
  platform: string;
  totalMemoryMb: number;
  openFilesLimit: number | null;
  /** 1-minute load average when the run began: other work on the machine skews every figure. */
  loadAverageAtStart: number;
  date: string;
  command: string;
}

export function machineInfo(totalMemoryMb: number): MachineInfo {
  const limit = spawnSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).stdout.trim();
  return {
    cpuModel: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    pinned: canPin,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryMb,
    openFilesLimit: Number(limit) || null,
    loadAverageAtStart: Math.round(loadavg()[0]! * 100) / 100,
    date: new Date().toISOString(),
    command: ["npm run bench:surge --", ...process.argv.slice(2)].join(" "),
  };
}
