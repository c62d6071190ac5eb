// A portfolio of projects scored against the mini rubric, each with answers whose scores are easy
// to work out by hand (see the comments); the tests assert what follows from them.
import { evaluate } from '../../src/core/evaluate.js';
import type { Rubric } from '../../src/core/rubric-schema.js';
import type { Report } from '../../src/core/report.js';
import type { Answers } from '../../src/core/answers.js';
import { mini, NOW } from '../helpers/rubric.js';

const DAY = 86_400_000;
export const daysBefore = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();

interface Project {
  /** undefined: the report names no project, so the directory name is used */
  name: string | undefined;
  dir: string;
  answers: Record<string, string | string[]>;
  generatedDaysAgo: number;
  answeredAt?: string;
}

// mini: data (weight 1) = quality (w1) + owner (w3); tech (weight 3) = tools, serving (high tier
// only), latency (only when serving = api). Levels prototype 0, pilot 50, ready 80; any blocker
// caps the level at prototype.
export const PROJECTS: Project[] = [
  // data 100, tech 100 -> 100, ready; no weakest area
  { name: 'alpha', dir: 'team-a/alpha', generatedDaysAgo: 10, answers: { consumer: 'machines', quality: 'automated', owner: 'named', tools: ['ci', 'docker'], serving: 'api', latency: 'yes' } },
  // data (0.5 + 3) / 4 = 87.5, tech 50 -> (87.5 + 150) / 4 = 59.4, pilot
  { name: 'bravo', dir: 'team-a/bravo', generatedDaysAgo: 1, answeredAt: '2026-10-29T00:00:00.000Z', answers: { consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci'] } },
  // data 0 (owner is a blocker), tech (100 + 50) / 2 = 75 -> 56.3, capped at prototype
  { name: 'charlie', dir: 'team-b/charlie', generatedDaysAgo: 0, answers: { consumer: 'machines', quality: 'none', owner: 'none', tools: ['ci', 'docker', 'tests'], serving: 'file' } },
  // data 100, tools unanswered -> tech 0 -> 25, prototype; 2 of 3 answered
  { name: 'delta', dir: 'team-b/delta', generatedDaysAgo: 400, answers: { consumer: 'humans', quality: 'automated', owner: 'named' } },
  // data 100, tech (100 + 100 + 0) / 3 = 66.7 -> 75.0, pilot
  { name: 'echo', dir: 'team-b/echo', generatedDaysAgo: 3, answers: { consumer: 'machines', quality: 'automated', owner: 'named', tools: ['ci', 'docker'], serving: 'api', latency: 'no' } },
  // "don't know" scores 0: data 75, tech 100 -> 93.8, ready
  { name: 'foxtrot', dir: 'team-c/foxtrot', generatedDaysAgo: 5, answers: { consumer: 'humans', quality: 'dont-know', owner: 'named', tools: ['ci', 'docker'] } },
  // data 0, tech 100 -> 75.0 like echo, but with a blocker: after echo, and capped at prototype
  { name: 'golf', dir: 'team-c/golf', generatedDaysAgo: 7, answers: { consumer: 'humans', quality: 'none', owner: 'none', tools: ['ci', 'docker', 'tests'] } },
  // no project name: named after its directory; 100 like alpha, after it by name
  { name: undefined, dir: 'team-c/hotel-dir', generatedDaysAgo: 2, answers: { consumer: 'humans', quality: 'automated', owner: 'named', tools: ['ci', 'docker'] } },
  // data 87.5, tech 100 -> 96.9, ready
  { name: 'india', dir: 'team-c/india', generatedDaysAgo: 4, answers: { consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci', 'docker'] } },
];

export function answersOf(p: Project): Answers {
  return Object.fromEntries(
    Object.entries(p.answers).map(([id, c]) => [id, { choice: Array.isArray(c) ? c : [c], ...(p.answeredAt !== undefined && { at: p.answeredAt }) }]),
  );
}

export interface ReportFile {
  /** relative path of the report file */
  file: string;
  report: Report;
}

export async function portfolioReports(rubric?: Rubric): Promise<ReportFile[]> {
  const r = rubric ?? (await mini());
  return PROJECTS.map((p) => ({
    file: `${p.dir}/readiness-report.json`,
    report: evaluate(r, answersOf(p), { now: daysBefore(p.generatedDaysAgo), ...(p.name !== undefined && { project: p.name }) }),
  }));
}

/** mini 2.0.0: drops `latency`, adds an `org` area with a `runbook` question. */
export async function miniV2(): Promise<Rubric> {
  const base = await mini();
  return {
    ...base,
    version: '2.0.0',
    areas: [...base.areas, { id: 'org', title: 'Organisation', weight: 1, description: '' }],
    questions: [
      ...base.questions.filter((q) => q.id !== 'latency'),
      {
        id: 'runbook',
        area: 'org',
        type: 'single',
        prompt: 'Who runs the model in production?',
        help: '',
        weight: 1,
        roles: [],
        allowNotApplicable: false,
        evidence: [],
        options: [
          { id: 'ops', label: 'An operations team', score: 1 },
          { id: 'nobody', label: 'Nobody yet', score: 0, blocker: true },
        ],
      },
    ],
  };
}
