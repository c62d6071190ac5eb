// CI configurations, found by place and by content signature whatever their name, and read into
// jobs whose steps are classified (test, build-image, publish, deploy, schedule). Read line by
// line, the way CI YAML is laid out, so that every step keeps its line and no YAML library loads
// on the path of `ready check`. Which commands make which class is data (vocabulary.yaml).
import type { CiStepClass } from '../core/probe-kinds.js';
import { lazyPattern, type ContentPattern } from '../match/pattern.js';
import type { Vocabulary } from './vocabulary-schema.js';

export type CiPlatform = 'github-actions' | 'gitlab-ci' | 'azure-pipelines' | 'cloud-build' | 'jenkins' | 'circleci' | 'bitbucket' | 'buildkite' | 'aws-codebuild' | 'aws-codepipeline';

export interface CiStep {
  class: Exclude<CiStepClass, 'schedule'>;
  line: number;
  /** the command or action, shortened (never more than one line) */
  what: string;
}

export interface CiJob {
  name: string;
  line: number;
  steps: CiStep[];
}

export interface CiConfig {
  path: string;
  platform: CiPlatform;
  jobs: CiJob[];
  /** where the configuration runs on a timer */
  schedule?: { line: number; what: string };
}

/** Where each platform keeps its configuration; other YAML files are recognised by content. */
const BY_PATH: [RegExp, CiPlatform][] = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'github-actions'],
  [/(^|\/)\.?[\w.-]*gitlab-ci\.ya?ml$|^\.gitlab\/ci\/.+\.ya?ml$/, 'gitlab-ci'],
  [/(^|\/)azure-pipelines?[\w.-]*\.ya?ml$|^\.azure-pipelines\/.+\.ya?ml$|^\.azuredevops\/.+\.ya?ml$/, 'azure-pipelines'],
  [/(^|\/)cloudbuild[\w.-]*\.(ya?ml|json)$/, 'cloud-build'],
  [/(^|\/)Jenkinsfile[\w.-]*$|\.jenkinsfile$/, 'jenkins'],
  [/^\.circleci\/config\.ya?ml$/, 'circleci'],
  [/(^|\/)bitbucket-pipelines\.ya?ml$/, 'bitbucket'],
  [/^\.buildkite\/.+\.ya?ml$|(^|\/)buildkite\.ya?ml$/, 'buildkite'],
  [/(^|\/)buildspec[\w.-]*\.ya?ml$/, 'aws-codebuild'],
];

/** True when the path is where a CI platform keeps its configuration. */
export const ciByPlace = (path: string) => BY_PATH.some(([re]) => re.test(path));

/** True when the file may be a CI configuration and should be read to tell. */
export const mayBeCi = (path: string) => /\.(ya?ml|json|template)$/i.test(path) || /(^|\/)Jenkinsfile[\w.-]*$|\.jenkinsfile$/.test(path);

const TOP_KEY = /^([A-Za-z_$][\w$.-]*)\s*:/;

function topKeys(lines: string[]): Set<string> {
  const keys = new Set<string>();
  for (const l of lines) {
    const m = TOP_KEY.exec(l);
    if (m) keys.add(m[1]!);
  }
  return keys;
}

/** The platform of a CI file by its place, else by its content; undefined when it is not CI. */
export function ciPlatform(path: string, text: string): CiPlatform | undefined {
  const byPath = BY_PATH.find(([re]) => re.test(path))?.[1];
  const lines = text.split(/\r?\n/);
  if (byPath === 'jenkins') return /\bpipeline\s*\{|\bnode\s*(\(|\{)|\bstage\s*\(/.test(text) ? 'jenkins' : undefined;
  if (byPath === 'aws-codebuild') return /^phases\s*:/m.test(text) ? byPath : undefined;
  if (byPath === 'github-actions') return /^jobs\s*:/m.test(text) ? byPath : undefined;
  if (byPath) return byPath;
  if (!/\.(ya?ml|json|template)$/i.test(path)) return undefined;
  if (/AWS::CodePipeline::Pipeline\b/.test(text)) return 'aws-codepipeline';
  if (!/\.ya?ml$/i.test(path)) return undefined;
  const keys = topKeys(lines);
  const azureStep = /^\s*-\s*(task:\s*[\w.-]+@\d+|script:|bash:|pwsh:|powershell:|checkout:\s*self\b|deployment:\s*\S|job:\s*\S)/m.test(text);
  // Google Cloud Build: top-level `steps:` whose items are images with args or an entrypoint
  if (keys.has('steps') && !azureStep && /^\s*-\s*name:\s*['"]?[\w.\-/:@${}]+/m.test(text) && /^\s+(args|entrypoint|script)\s*:/m.test(text)) return 'cloud-build';
  // Azure Pipelines: pipeline keys at the top and its step forms (`- task: Name@N`, `- script:`)
  const azureTop = ['trigger', 'pr', 'stages', 'jobs', 'steps', 'extends', 'schedules'].some((k) => keys.has(k));
  if (azureTop && azureStep && !/^\s*runs-on\s*:/m.test(text)) return 'azure-pipelines';
  // Buildkite: top-level `steps:` of commands with labels
  if (keys.has('steps') && /^\s*-\s*(command|commands|label):/m.test(text) && /^\s+(command|commands)\s*:|^\s*-\s*command\s*:/m.test(text)) return 'buildkite';
  return undefined;
}

interface CompiledSteps {
  classes: [Exclude<CiStepClass, 'schedule'>, ContentPattern[]][];
  notDeploy: ContentPattern[];
}

let compiled: { vocabulary: Vocabulary; steps: CompiledSteps } | undefined;

function compileSteps(vocabulary: Vocabulary): CompiledSteps {
  if (compiled?.vocabulary === vocabulary) return compiled.steps;
  const steps: CompiledSteps = {
    classes: (Object.entries(vocabulary.ci.steps) as [Exclude<CiStepClass, 'schedule'>, string[]][]).map(([c, ps]) => [c, ps.map(lazyPattern)]),
    notDeploy: vocabulary.ci['not-deploy'].map(lazyPattern),
  };
  compiled = { vocabulary, steps };
  return steps;
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'spec']);

/** Reads a CI file into jobs and classified steps. */
export function readCi(path: string, platform: CiPlatform, text: string, vocabulary: Vocabulary): CiConfig {
  const steps = compileSteps(vocabulary);
  const lines = text.split(/\r?\n/);
  const jobs: CiJob[] = [];
  let job: CiJob | undefined;
  const jobAt = (name: string, line: number) => {
    job = { name, line, steps: [] };
    jobs.push(job);
  };
  // steps outside any job header belong to the file as a whole (Cloud Build, CodeBuild, Jenkins)
  const fileJob = () => job ?? (jobAt(path.split('/').pop()!, 1), job!);
  const pending: CiJob = { name: path.split('/').pop()!, line: 1, steps: [] };
  let jobsIndent: number | undefined;
  let inJobs = false;

  // a step block: a list item (or a Jenkins `sh`) and the lines indented below it
  let block: { start: number; indent: number; lines: { n: number; text: string }[] } | undefined;
  const flush = () => {
    if (!block) return;
    classify(block.lines, job ?? pending, steps);
    if (!job && pending.steps.length > 0) {
      jobs.push(pending);
      job = pending;
    }
    block = undefined;
  };

  lines.forEach((raw, i) => {
    const n = i + 1;
    if (/^\s*(#|\/\/)/.test(raw) || raw.trim() === '') return;
    const indent = raw.length - raw.trimStart().length;
    if (block && indent <= block.indent && !(indent === block.indent && !/^\s*-/.test(raw) && !TOP_KEY.test(raw.trimStart()))) flush();
    // job headers
    if (platform === 'github-actions' || platform === 'circleci' || platform === 'aws-codebuild') {
      if (indent === 0) {
        inJobs = /^(jobs)\s*:/.test(raw);
        jobsIndent = undefined;
      } else if (inJobs) {
        const key = /^(\s+)([\w-]+)\s*:\s*$/.exec(raw);
        if (key && (jobsIndent === undefined || key[1]!.length === jobsIndent)) {
          jobsIndent = key[1]!.length;
          flush();
          jobAt(key[2]!, n);
          return;
        }
      }
    } else if (platform === 'gitlab-ci' || platform === 'bitbucket') {
      const key = /^([.\w][\w .:/-]*)\s*:\s*$/.exec(raw);
      if (indent === 0 && key && !GITLAB_RESERVED.has(key[1]!)) {
        flush();
        jobAt(key[1]!, n);
        return;
      }
    } else if (platform === 'azure-pipelines') {
      const m = /^\s*-\s*(job|deployment)\s*:\s*(\S+)/.exec(raw);
      if (m) {
        flush();
        jobAt(m[2]!, n);
        return;
      }
    } else if (platform === 'jenkins') {
      const m = /\bstage\s*\(\s*['"]([^'"]+)['"]/.exec(raw);
      if (m) {
        flush();
        jobAt(m[1]!, n);
      }
    }
    if (block) {
      block.lines.push({ n, text: raw });
      return;
    }
    if (/^\s*-\s/.test(raw) || /^\s*(sh|bat|powershell)\s*[('"]/.test(raw) || /^\s*(script|run|command|commands|args|entrypoint|inlineScript)\s*:/.test(raw)) {
      block = { start: n, indent, lines: [{ n, text: raw }] };
    }
  });
  flush();
  const at = scheduleLine(platform, lines);
  return { path, platform, jobs: jobs.length > 0 ? jobs : [fileJob()], ...(at !== undefined && { schedule: { line: at, what: shorten(lines[at - 1]!) } }) };
}

function classify(block: { n: number; text: string }[], job: CiJob, steps: CompiledSteps) {
  const text = block.map((l) => l.text).join('\n');
  const docsOnly = steps.notDeploy.some((re) => re.test(text));
  for (const [cls, patterns] of steps.classes) {
    if (cls === 'deploy' && docsOnly) continue;
    for (const re of patterns) {
      if (!re.test(text)) continue;
      // the line of the block that shows it; a command continued over lines shows on the first
      const line = block.find((l) => re.test(l.text)) ?? block[0]!;
      job.steps.push({ class: cls, line: line.n, what: shorten(line.text) });
      break;
    }
  }
}

const shorten = (s: string) => {
  const t = s.trim().replace(/^-\s*/, '');
  return t.length > 100 ? `${t.slice(0, 97)}…` : t;
};

function scheduleLine(platform: CiPlatform, lines: string[]): number | undefined {
  const find = (re: RegExp) => {
    const i = lines.findIndex((l) => re.test(l) && !/^\s*#/.test(l));
    return i === -1 ? undefined : i + 1;
  };
  switch (platform) {
    case 'github-actions': {
      const on = lines.findIndex((l) => /^(on|"on"|'on')\s*:/.test(l));
      if (on === -1) return undefined;
      if (/schedule/.test(lines[on]!)) return on + 1;
      for (let i = on + 1; i < lines.length && (/^\s/.test(lines[i]!) || lines[i]!.trim() === ''); i++) if (/^\s+schedule\s*:/.test(lines[i]!)) return i + 1;
      return undefined;
    }
    case 'gitlab-ci':
      return find(/CI_PIPELINE_SOURCE\s*==\s*["']schedule["']|^\s*-\s*schedules\s*$/);
    case 'azure-pipelines':
      return find(/^schedules\s*:/);
    case 'circleci':
      return find(/^\s+schedule\s*:/);
    case 'jenkins':
      return find(/\bcron\s*\(|\bpollSCM\s*\(/);
    default:
      return undefined;
  }
}

/**
 * The workflow `ready init --ci` writes, edited or not: every command it runs is `ready`'s own
 * check or report. Recognised by content, wherever it was moved.
 */
export function isReadyOwnCi(text: string): boolean {
  if (/Written by `ready init --ci (github|gitlab)`/.test(text)) return true;
  const commands = [...text.matchAll(/^\s*(?:-\s*)?(?:run|script)\s*:\s*(.+)$|^\s*-\s+(?!uses:|name:|if:|with:)([^:#\n][^\n]*)$/gm)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter((c) => c !== '' && c !== '|' && c !== '>');
  return commands.length > 0 && commands.every((c) => /\bready(-cli)?(@[\w.-]+)?\s+(check|report)\b/.test(c));
}
