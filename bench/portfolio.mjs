#!/usr/bin/env node
// Portfolio benchmark: 10,000 realistic JSON reports (the built library's `evaluate` over random
// answers to the built-in rubric, a tenth of them made with an older version of it), written once
// into .bench-tmp/portfolio/, then `ready portfolio DIR --format json` timed over several runs.
// Prints the median wall and CPU time and the peak memory (max RSS).
// Usage: node bench/portfolio.mjs [runs] [reports]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const count = Number(process.argv[3] ?? 10_000);
const dir = join(root, '.bench-tmp/portfolio');
const bin = join(root, 'bin/ready.js');
if (!existsSync(join(root, 'dist/index.js'))) throw new Error('run `npm run build` first');

const { evaluate, loadRubric } = await import(join(root, 'dist/index.js'));
const { rubric } = await loadRubric('builtin:default');
// an earlier version of the same rubric, one question short: the portfolio must compare on shared ones
const previous = { ...rubric, version: `${rubric.version}-previous`, questions: rubric.questions.slice(0, -1) };

// A seeded generator, so that every run of the benchmark reads the same portfolio.
let seed = 42;
const random = () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const NOW = Date.parse('2026-11-28T12:00:00.000Z');
const DAY = 86_400_000;

/** A team's maturity drives its answers: mature teams mostly pick the better options. */
function answersFor(r, maturity, answeredAt) {
  const answers = {};
  for (const q of r.tierQuestions) answers[q.id] = { choice: [pick(q.options).id] };
  for (const q of r.questions) {
    const roll = random();
    if (roll < 0.06) continue; // unanswered
    const meta = { by: pick(['ana', 'bo', 'chen', 'dara', 'eli']), at: answeredAt };
    if (roll < 0.12) {
      answers[q.id] = { choice: ['dont-know'], ...meta };
      continue;
    }
    const byScore = [...q.options].sort((a, b) => a.score - b.score);
    if (q.type === 'multiple') {
      const chosen = q.options.filter(() => random() < maturity).map((o) => o.id);
      answers[q.id] = { choice: chosen.length > 0 ? chosen : [byScore[0].id], ...meta };
    } else {
      const i = Math.min(byScore.length - 1, Math.floor((maturity * 0.7 + random() * 0.3) * byScore.length));
      answers[q.id] = { choice: [byScore[i].id], ...meta };
    }
  }
  return answers;
}

function generate() {
  rmSync(dir, { recursive: true, force: true });
  const perTeam = 100;
  for (let i = 0; i < count; i++) {
    const team = `team-${String(Math.floor(i / perTeam)).padStart(3, '0')}`;
    const project = `project-${String(i).padStart(5, '0')}`;
    const r = random() < 0.1 ? previous : rubric;
    const answeredAt = new Date(NOW - Math.floor(random() * 400) * DAY).toISOString().slice(0, 10);
    const now = new Date(NOW - Math.floor(random() * 30) * DAY).toISOString();
    const report = evaluate(r, answersFor(r, random(), answeredAt), { now, project: `${team}/${project}` });
    mkdirSync(join(dir, team, project), { recursive: true });
    writeFileSync(join(dir, team, project, 'readiness-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  }
  writeFileSync(join(dir, 'stamp'), stamp);
}

// regenerate only when the rubric or the count changed
const stamp = JSON.stringify({ count, rubric: `${rubric.id}@${rubric.version}`, questions: rubric.questions.map((q) => q.id) });
if (!existsSync(join(dir, 'stamp')) || readFileSync(join(dir, 'stamp'), 'utf8') !== stamp) {
  const t0 = performance.now();
  generate();
  console.log(`generated ${count} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
let bytes = 0;
for (const team of readdirSync(dir, { withFileTypes: true })) {
  if (!team.isDirectory()) continue;
  for (const project of readdirSync(join(dir, team.name))) bytes += statSync(join(dir, team.name, project, 'readiness-report.json')).size;
}

const args = [bin, 'portfolio', dir, '--format', 'json'];
// The child reports its own CPU time (all threads) and peak memory as it exits, so that the figures
// mean something on a busy machine too, where wall time mostly measures the neighbours.
const hook = "process.on('exit',()=>{const c=process.cpuUsage();process.stderr.write('\\nusage '+(c.user+c.system)/1e3+' '+process.resourceUsage().maxRSS+'\\n')})";
function once() {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const usage = /usage ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !usage) throw new Error(`ready portfolio failed (${r.status}): ${r.stderr}`);
  return { wallMs, cpuMs: Number(usage[1]), rssKb: Number(usage[2]) };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

once(); // warm the file cache
const results = Array.from({ length: runs }, once);
const wall = results.map((r) => r.wallMs);
const seconds = (ms) => (ms / 1000).toFixed(2);
const [load] = loadavg();
console.log(`portfolio: ${count} reports, ${(bytes / 1048576).toFixed(0)} MiB of JSON, rubric ${rubric.id} ${rubric.version} (${rubric.questions.length} questions), ${availableParallelism()} cores, load ${load.toFixed(1)}`);
console.log(`  ready portfolio --format json   median ${seconds(median(wall))} s wall over ${runs} runs (min ${seconds(Math.min(...wall))}, max ${seconds(Math.max(...wall))})`);
console.log(`  CPU time (all threads)          median ${seconds(median(results.map((r) => r.cpuMs)))} s`);
console.log(`  throughput                      ${Math.round(count / (median(wall) / 1000))} reports/s (wall)`);
console.log(`  peak memory                     ${(median(results.map((r) => r.rssKb)) / 1024).toFixed(0)} MiB (max RSS, median)`);
