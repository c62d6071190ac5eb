// `ready init`: a commented readiness.yaml to start from and, with --ci, a CI job that gates on it.
// Nothing is overwritten without --force, and every target is checked before anything is written,
// so a refused run leaves the repository as it was.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { BUILTIN_PREFIX, loadRubric } from '../load/load-rubric.js';
import { newReadinessText } from '../write/readiness-writer.js';
import { PACKAGE_NAME, schemaRef } from '../write/schema-ref.js';
import { writeFileAtomic } from '../write/write-output.js';
import { writeStdout } from '../terminal/stdout.js';
import { VERSION } from '../version.js';

export const CI_SYSTEMS = ['github', 'gitlab'] as const;
export type CiSystem = (typeof CI_SYSTEMS)[number];

export const GITHUB_WORKFLOW = '.github/workflows/readiness.yml';
export const GITLAB_JOB = '.gitlab/readiness.gitlab-ci.yml';
export const REPORT_JSON = 'readiness-report.json';
export const REPORT_MARKDOWN = 'readiness-report.md';
export const CODE_QUALITY = 'gl-code-quality-report.json';

export interface InitOptions {
  file: string;
  rubric?: string;
  ci?: string;
  force?: boolean;
}

/** The command CI runs: this very version, so that a workflow does not change under the team. */
export function readyCommand(version = VERSION): string {
  // a build from source has no published version to pin
  return version.endsWith('-source') ? `npx --yes ${PACKAGE_NAME}` : `npx --yes ${PACKAGE_NAME}@${version}`;
}

/** `--file PATH` for the CI command line, or nothing for the default file. */
const fileFlag = (file: string) => (file === 'readiness.yaml' ? '' : ` --file ${file}`);
/** Paths that need neither shell nor YAML quoting in a generated command line. */
const PLAIN_PATH = /^[\w./-]+$/;

const gateComment = (areas: string[]) => [
  '# The CI gate of `ready check`. Each term is a number, or { value: N, level: warn } to print a',
  '# warning without failing the build. Command-line flags override these; anything left out comes',
  "# from the rubric's default gate for the project's tier. Blockers fail the gate unless allowed.",
  '# gate:',
  '#   minScore: 60',
  `#   minArea: { ${areas.slice(0, 2).map((a, i) => `${a}: ${50 - 10 * i}`).join(', ')} }`,
  '#   maxBlockers: 0',
  '#   maxUnanswered: { value: 0, level: warn }',
  '#   maxAgeDays: 365',
];

export function readinessStarter(rubric: { ref: string; version: string; areas: string[] }, schema?: string): string {
  const text = newReadinessText({ rubric: rubric.ref, rubricVersion: rubric.version, ...(schema !== undefined && { schema }) });
  // the gate goes just above the answers, where a reviewer looks first
  const at = text.lastIndexOf('\nanswers:');
  const gate = gateComment(rubric.areas).join('\n');
  return at === -1 ? `${text}${gate}\n` : `${text.slice(0, at + 1)}${gate}\n${text.slice(at + 1)}`;
}

export function githubWorkflow(file: string, ready = readyCommand()): string {
  return `# Readiness gate: the build fails when the project is not ready for production by the gate in
# ${file} (or the rubric's default gate for its tier). Failures are annotated on the lines of
# ${file}, the markdown report goes to the job summary, and both reports are kept as artifacts.
# Written by \`ready init --ci github\`; edit freely.
name: readiness

on:
  pull_request:
  push:
    branches: [main] # your default branch
  workflow_dispatch:

permissions:
  contents: read

jobs:
  readiness:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
        with:
          # the whole history, so that the pull request's base branch is there to compare with
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Readiness gate
        # on a pull request, --baseline-ref auto also fails on any regression against ${file}
        # on the base branch; on a push it compares with nothing
        run: ${ready} check${fileFlag(file)} --format json -o ${REPORT_JSON} --baseline-ref auto
      - name: Markdown report
        if: \${{ !cancelled() }}
        run: ${ready} report${fileFlag(file)} --format markdown -o ${REPORT_MARKDOWN}
      - name: Keep the reports
        if: \${{ !cancelled() }}
        uses: actions/upload-artifact@v4
        with:
          name: readiness-report
          path: |
            ${REPORT_JSON}
            ${REPORT_MARKDOWN}
          if-no-files-found: warn
      # The job summary shows what changed against the base branch. For code scanning alerts, add
      # \`security-events: write\` to the permissions and upload \`check --format sarif\` output
      # with github/codeql-action/upload-sarif.
`;
}

export function gitlabJob(file: string, ready = readyCommand()): string {
  return `# Readiness gate: the pipeline fails when the project is not ready for production by the gate
# in ${file} (or the rubric's default gate for its tier). Merge requests show the findings in
# their code quality widget; the JSON and markdown reports are kept as artifacts.
# Written by \`ready init --ci gitlab\`. Include it from .gitlab-ci.yml:
#
#   include:
#     - local: ${GITLAB_JOB}
readiness:
  stage: test # a stage your pipeline has
  image: node:20
  variables:
    npm_config_cache: "$CI_PROJECT_DIR/.npm"
    # the whole history, so that the merge request's target branch is there to compare with
    GIT_DEPTH: 0
  cache:
    key: ready-npm
    paths: [.npm/]
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  before_script:
    # a merge request pipeline fetches the request only; the target branch is the baseline
    - if [ -n "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" ]; then git fetch --quiet origin "+refs/heads/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:refs/remotes/origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"; fi
  script:
    # in a merge request, --baseline-ref auto also fails on any regression against ${file} on
    # the target branch; on the default branch it compares with nothing
    - ${ready} check${fileFlag(file)} --format json -o ${REPORT_JSON} --baseline-ref auto
  after_script:
    # after_script runs when the gate fails too; its exit codes do not change the job's result
    - ${ready} report${fileFlag(file)} --format markdown -o ${REPORT_MARKDOWN}
    - ${ready} check${fileFlag(file)} --format gitlab -o ${CODE_QUALITY} || true
  artifacts:
    when: always
    expire_in: 30 days
    paths:
      - ${REPORT_JSON}
      - ${REPORT_MARKDOWN}
    reports:
      codequality: ${CODE_QUALITY}
`;
}

interface Planned {
  path: string;
  text: string;
}

export async function init(opts: InitOptions): Promise<void> {
  if (opts.ci !== undefined && !(CI_SYSTEMS as readonly string[]).includes(opts.ci)) {
    throw new UsageError(`--ci: expected ${CI_SYSTEMS.join(' or ')}, got "${opts.ci}"`);
  }
  const ci = opts.ci as CiSystem | undefined;
  if (ci && !PLAIN_PATH.test(opts.file)) {
    throw new UsageError(`--file: for a CI job, use a path of letters, digits, ".", "/", "-" and "_", got "${opts.file}"`);
  }
  const planned: Planned[] = [];
  // with --ci, an existing readiness.yaml holds the team's answers: it is kept, even with --force
  const keepReadiness = ci !== undefined && existsSync(opts.file);
  if (!keepReadiness) planned.push({ path: opts.file, text: await starterFor(opts.file, opts.rubric) });
  const file = opts.file.split(sep).join('/');
  if (ci === 'github') planned.push({ path: GITHUB_WORKFLOW, text: githubWorkflow(file) });
  if (ci === 'gitlab') planned.push({ path: GITLAB_JOB, text: gitlabJob(file) });

  const existing = planned.filter((p) => existsSync(p.path));
  if (existing.length > 0 && !opts.force) {
    throw new InputError(
      existing.map((p) => ({
        file: p.path,
        message: `already exists; pass --force to replace it${p.path === opts.file ? ', or run `ready assess` to answer its questions' : ''}`,
      })),
    );
  }
  if (keepReadiness) writeStdout(`kept ${opts.file}\n`);
  for (const p of planned) {
    mkdirSync(dirname(p.path), { recursive: true });
    writeFileAtomic(p.path, p.text);
    writeStdout(`wrote ${p.path}\n`);
  }
  writeStdout(nextSteps(ci, opts.file));
}

async function starterFor(file: string, rubricRef?: string): Promise<string> {
  const { rubric, source } = await loadRubric(rubricRef);
  // a rubric path in readiness.yaml is read relative to that file
  const ref = source.startsWith(BUILTIN_PREFIX) ? source : relative(dirname(resolve(file)), resolve(source)).split(sep).join('/');
  return readinessStarter({ ref, version: rubric.version, areas: rubric.areas.map((a) => a.id) }, schemaRef('readiness', file));
}

function nextSteps(ci: CiSystem | undefined, file: string): string {
  const steps = [`\nNext: \`ready assess\` answers the questionnaire into ${file}; \`ready check\` scores it.`];
  if (ci === 'github') steps.push(`Commit ${file} and ${GITHUB_WORKFLOW}; the gate runs on every pull request.`);
  if (ci === 'gitlab') steps.push(`Add this to .gitlab-ci.yml, then commit ${file} and ${GITLAB_JOB}:\n\n  include:\n    - local: ${GITLAB_JOB}`);
  return `${steps.join('\n')}\n`;
}
