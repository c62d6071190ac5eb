// Alternated runs of several commands, timed by a small Python loop: os.wait4 gives each child's
// own CPU time and peak memory to the microsecond and kilobyte, which neither Node.js nor GNU
// time (10 ms steps) can. Shared by bench/startup.mjs and bench/compare.mjs.
import { spawnSync } from 'node:child_process';

const RUNNER = `
import json, os, sys, time
spec = json.load(sys.stdin)
out = [[] for _ in spec["cases"]]
devnull = os.open(os.devnull, os.O_RDWR)
env = dict(os.environ, NO_COLOR="1")
def once(c):
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(c["cwd"]); os.dup2(devnull, 0); os.dup2(devnull, 1); os.dup2(devnull, 2)
        os.execve(c["cmd"], [c["cmd"]] + c["args"], env)
    _, status, ru = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1): sys.exit(f"{c['cmd']} {' '.join(c['args'])} exited {code}")
    return [(time.perf_counter() - t) * 1000, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_maxrss]
for c in spec["cases"]:
    once(c); once(c)  # the file cache, and Node.js 22+ writing its compile cache
for _ in range(spec["runs"]):
    for i, c in enumerate(spec["cases"]): out[i].append(once(c))
json.dump(out, sys.stdout)
`;
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};


/** Each case [cmd, args, cwd] run `runs` times, alternated, after two warm-ups: samples of { wall, cpu, rss } (ms, ms, KiB). */
export function timeRuns(cases, runs) {
  const ran = spawnSync('python3', ['-c', RUNNER], { input: JSON.stringify({ runs, cases: cases.map(([cmd, args, cwd]) => ({ cmd, args, cwd })) }), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (ran.status !== 0) throw new Error(`the benchmarks need python3 to time the runs: ${ran.error?.message ?? ran.stderr}`);
  return JSON.parse(ran.stdout).map((samples) => samples.map(([wall, cpu, rss]) => ({ wall, cpu, rss })));
}
