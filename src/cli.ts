// Commander set-up only, commands listed in the order a team meets them. Each action imports its
// command when it runs, so `--help` and `--version` load nothing heavy. The commands come in as
// loaders, so that tests can check argv -> options with the commands replaced.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { VERSION } from './version.js';
import { handleError } from './cli-errors.js';
import { writeStdout } from './terminal/stdout.js';
import { FAIL_ON, KEYED_TERMS, SCALAR_TERMS } from './core/gate-terms.js';
import { didYouMean } from './core/words.js';
import { DIFF_FORMATS, FULL_REPORT_FORMATS, HISTORY_FORMATS, PORTFOLIO_FORMATS, REPORT_FORMATS, SCAN_FORMATS, STATUS_FORMATS } from './reporters/formats.js';

/** Where each command lives; `main` imports them, tests pass fakes. */
export interface CommandLoaders {
  init: () => Promise<Pick<typeof import('./commands/init.js'), 'init'>>;
  assess: () => Promise<Pick<typeof import('./commands/assess.js'), 'assess'>>;
  check: () => Promise<Pick<typeof import('./commands/check.js'), 'check'>>;
  report: () => Promise<Pick<typeof import('./commands/report.js'), 'report'>>;
  scan: () => Promise<Pick<typeof import('./commands/scan.js'), 'scan'>>;
  diff: () => Promise<Pick<typeof import('./commands/diff.js'), 'diff'>>;
  portfolio: () => Promise<Pick<typeof import('./commands/portfolio.js'), 'portfolio'>>;
  rubric: () => Promise<Pick<typeof import('./commands/rubric.js'), 'validate' | 'schema' | 'list' | 'show'>>;
  status: () => Promise<Pick<typeof import('./commands/status.js'), 'status'>>;
  history: () => Promise<Pick<typeof import('./commands/history.js'), 'history'>>;
}

export const COMMANDS: CommandLoaders = {
  init: () => import('./commands/init.js'),
  assess: () => import('./commands/assess.js'),
  check: () => import('./commands/check.js'),
  report: () => import('./commands/report.js'),
  scan: () => import('./commands/scan.js'),
  diff: () => import('./commands/diff.js'),
  portfolio: () => import('./commands/portfolio.js'),
  rubric: () => import('./commands/rubric.js'),
  status: () => import('./commands/status.js'),
  history: () => import('./commands/history.js'),
};

/** Commands that read readiness.yaml look for it upward when --file is not given. */
const FOUND_FILE = 'the readiness file (default: readiness.yaml here, or in the nearest folder above it up to the repository root)';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A repeatable option with a fixed set of values: anything else is refused, with "did you mean". */
function oneOf(values: readonly string[]) {
  return (value: string, previous: string[] = []) => {
    if (!values.includes(value)) {
      throw new InvalidArgumentError(`"${value}" is not one of ${values.join(', ')}${didYouMean(value, values)}.`);
    }
    return [...previous, value];
  };
}

const format = (choices: readonly string[], description = 'output format') => new Option('--format <format>', description).choices(choices).default('text');

/** What `check` and `report` both read: the readiness file, the rubric, the example, the output. */
function projectOptions(command: Command, verb: string, formats: Option): Command {
  return command
    .option('-f, --file <path>', FOUND_FILE)
    .option('--rubric <ref>', 'rubric to score against: builtin:ID or a path (overrides readiness.yaml)')
    .option('--example', `${verb} the example project that ships with ready`)
    .addOption(formats)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--project <name>', 'project name shown in reports (default: readiness.yaml, then the directory name)');
}

/** The gate flags of `check` (which fails on them) and `report` (which only shows them). */
function gateOptions(command: Command, shown: 'help' | 'reportHelp'): Command {
  command.option(`${SCALAR_TERMS.minScore.flag} <n>`, SCALAR_TERMS.minScore[shown]);
  for (const spec of Object.values(KEYED_TERMS)) command.option(`${spec.flag} <${spec.key}=n>`, spec[shown], collect);
  for (const [term, spec] of Object.entries(SCALAR_TERMS)) if (term !== 'minScore') command.option(`${spec.flag} <n>`, spec[shown]);
  const words = Object.keys(FAIL_ON);
  const failOn = shown === 'help' ? `shorthand: fail on any ${words.join(', ')}; repeatable` : `shorthand for ${words.map((w) => `${SCALAR_TERMS[FAIL_ON[w]!].flag} 0`).join(', ')}; repeatable`;
  return command.addOption(new Option('--fail-on <what>', `${failOn} (${words.join(', ')})`).argParser(oneOf(words)));
}

export function createProgram(commands: CommandLoaders = COMMANDS, write: (text: string) => void = writeStdout): Command {
  const program = new Command('ready')
    .description('Tells a data-science team whether its project is ready for production, and what to fix first.')
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces for errors')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: write, outputError: (str, errWrite) => errWrite(str) });

  program
    .command('init')
    .summary('write a starter readiness.yaml, or a CI job')
    .description('write a commented readiness.yaml to start from and, with --ci, a CI job that gates on it')
    .option('-f, --file <path>', 'the readiness file to create', 'readiness.yaml')
    .option('--rubric <ref>', 'rubric the new readiness.yaml uses: builtin:ID or a path', 'builtin:default')
    .addOption(new Option('--ci <system>', `also write a CI job: .github/workflows/readiness.yml or .gitlab/readiness.gitlab-ci.yml`).choices(['github', 'gitlab']))
    .option('--force', 'replace files that already exist (with --ci, an existing readiness file is always kept)')
    .addHelpText('after', '\nExamples:\n  $ ready init\n  $ ready init --ci github\n  $ ready init --ci gitlab --file ml/readiness.yaml')
    .action(async (opts) => (await commands.init()).init(opts));

  program
    .command('assess')
    .summary('answer the questionnaire interactively')
    .description('answer the readiness questionnaire interactively; saves every answer to readiness.yaml')
    .option('-f, --file <path>', 'the readiness file to create or update (default: readiness.yaml here or in the nearest folder above up to the repository root, else a new one here)')
    .option('--rubric <ref>', 'rubric to answer: builtin:ID or a path (default: the one readiness.yaml names)')
    .option('--area <area>', 'only questions of this area; repeatable', collect)
    .option('--role <role>', 'only questions for this role; repeatable (default: the role readiness.yaml names you a respondent of)', collect)
    .option('--only-unanswered', 'only questions without a saved answer')
    .option('--by <name>', 'who is answering (default: git user.name, then the login name; as written under respondents: when that names you)')
    .addHelpText('after', '\nExamples:\n  $ ready assess\n  $ ready assess --area data --only-unanswered\n  $ ready assess --role it-operations --by "Sam Lee"')
    .action(async (opts) => (await commands.assess()).assess(opts));

  const check = projectOptions(
    program.command('check').summary('score readiness.yaml and gate CI on it').description('score readiness.yaml, print the summary and gate CI on it (never prompts)'),
    'score',
    format(REPORT_FORMATS, 'output format (sarif: GitHub code scanning, gitlab: code quality report, github: annotations)'),
  )
    .option('--baseline <report.json>', 'also fail when the score, the level or an area drops, or a blocker appears, against this earlier JSON report')
    .option('--baseline-ref <ref>', 'the same against readiness.yaml as of a git ref (such as origin/main), scored on the spot: no stored report needed; auto: the target branch of the pull or merge request CI runs for');
  gateOptions(check, 'help')
    .option('--no-evidence', 'do not scan the repository (the folder of the readiness file) for evidence')
    .addHelpText(
      'after',
      [
        '',
        'Gate terms take N, or N:warn to print a warning without failing (N:error is',
        'the default). Flags override the gate: section of readiness.yaml, which',
        "overrides the rubric's default gate for the project's tier. Score and area",
        'minimums are 0-100; a question minimum is on the 0-1 scale of the option',
        'scores the rubric gives, 1 being full marks.',
        '',
        'Exit codes: 0 passed (warnings allowed), 1 the gate failed, 2 usage or input',
        'error. With GITHUB_ACTIONS=true, failures and blockers are also annotated on',
        'the lines of readiness.yaml, and the markdown report is appended to',
        '$GITHUB_STEP_SUMMARY.',
        '',
        'Examples:',
        '  $ ready check',
        '  $ ready check --min-score 70 --min-area data=60 --max-age-days 180:warn',
        '  $ ready check --min-question legal-basis=1 --min-question operator=0.7:warn',
        '  $ ready check --format json -o report.json',
        '  $ ready check --baseline main-report.json',
        '  $ ready check --baseline-ref origin/main',
        '  $ ready check --format sarif -o readiness.sarif',
      ].join('\n'),
    )
    .action(async (opts) => (await commands.check()).check(opts));

  const report = projectOptions(
    program.command('report').summary('render the full report in any format').description('render the full report: tier, scores, blockers and the remediation plan; exits 0 whatever the gate'),
    'report on',
    format(FULL_REPORT_FORMATS, 'output format (badge: an SVG for READMEs)'),
  )
    .option('--baseline-ref <ref>', 'show what changed against readiness.yaml as of a git ref (such as origin/main; auto: the target branch of the pull or merge request CI runs for)');
  gateOptions(report, 'reportHelp')
    .option('--no-evidence', 'do not scan the repository (the folder of the readiness file) for evidence')
    .addHelpText('after', '\nExamples:\n  $ ready report\n  $ ready report --format markdown -o readiness.md\n  $ ready report --format html -o readiness.html\n  $ ready report --format badge -o readiness.svg')
    .action(async (opts) => (await commands.report()).report(opts));

  program
    .command('status')
    .summary('who still owes which answer')
    .description('per role and its respondents, the questions still open and why: unanswered, "don\'t know", older than the maxAgeDays gate, or contradicted by the evidence; exits 0')
    .option('-f, --file <path>', FOUND_FILE)
    .option('--rubric <ref>', 'rubric to score against: builtin:ID or a path (overrides readiness.yaml)')
    .option('--role <role>', 'only this role; repeatable', collect)
    .addOption(format(STATUS_FORMATS, 'output format (markdown: to paste into an issue or a pull-request comment)'))
    .option('-o, --output <file>', 'write the status to a file instead of stdout')
    .option('--no-evidence', 'do not scan the repository, so no answer shows as contradicted')
    .addHelpText('after', '\nExamples:\n  $ ready status\n  $ ready status --role legal-privacy\n  $ ready status --format markdown | gh issue comment 42 --body-file -')
    .action(async (opts) => (await commands.status()).status(opts));

  program
    .command('history')
    .summary('score, level and areas over the git history')
    .description('score, level and area scores of every committed version of readiness.yaml, oldest first; each is scored against the rubric it names, without evidence')
    .option('-f, --file <path>', FOUND_FILE)
    .addOption(format(HISTORY_FORMATS, 'output format (html: one self-contained page with a chart)'))
    .option('-o, --output <file>', 'write the history to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  $ ready history\n  $ ready history --format html -o readiness-history.html\n  $ ready history --format json | jq \'.points[-1]\'')
    .action(async (opts) => (await commands.history()).history(opts));

  program
    .command('scan')
    .summary('show the evidence found in the repository')
    .description('look for evidence in the repository: each probe of the rubric with the paths it found, and what was skipped')
    .addOption(format(SCAN_FORMATS))
    .option('--root <dir>', 'the repository to scan (default: the current directory)')
    .option('--rubric <ref>', 'rubric whose probes to run: builtin:ID or a path (default: the one readiness.yaml in the root names)')
    .addHelpText('after', '\nExamples:\n  $ ready scan\n  $ ready scan --root ../churn-api --format json > evidence.json')
    .action(async (opts) => (await commands.scan()).scan(opts));

  program
    .command('diff')
    .summary('compare two JSON reports')
    .description('what changed between two JSON reports: score, level, areas, answers and blockers')
    .argument('<old>', 'the earlier report (ready report --format json)')
    .argument('<new>', 'the later report')
    .addOption(format(DIFF_FORMATS))
    .option('-o, --output <file>', 'write the comparison to a file instead of stdout')
    .addHelpText('after', '\nExample:\n  $ ready diff last-quarter.json report.json --format markdown')
    .action(async (oldFile, newFile, opts) => (await commands.diff()).diff(oldFile, newFile, opts));

  program
    .command('portfolio')
    .summary("many projects' reports in one view")
    .description("many projects' JSON reports in one view: readiness per project and the organisation's bottleneck")
    .argument('<paths...>', 'report files, directories (searched recursively for *.json) or quoted globs such as "reports/**/*.json"')
    .addOption(format(PORTFOLIO_FORMATS))
    .option('-o, --output <file>', 'write the portfolio to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  $ ready portfolio reports/\n  $ ready portfolio "teams/*/readiness-report.json" --format html -o portfolio.html')
    .action(async (paths, opts) => (await commands.portfolio()).portfolio(paths, opts));

  const rubric = program
    .command('rubric')
    .summary('list, show and validate rubrics; JSON Schema')
    .description('rubric tooling: list, show, validate a rubric, print its JSON Schema')
    .addHelpText('after', '\nExamples:\n  $ ready rubric list\n  $ ready rubric validate rubrics/acme.yaml');
  rubric
    .command('validate')
    .description('check a rubric file and report every problem with its line')
    .argument('[path]', 'the rubric file (default: the built-in rubric)')
    .addHelpText('after', '\nExample:\n  $ ready rubric validate rubrics/acme.yaml')
    .action(async (path) => (await commands.rubric()).validate(path));
  rubric
    .command('schema')
    .description('print the JSON Schema of rubrics (or of readiness.yaml) for editors and validators')
    .addOption(new Option('--for <file>', 'which file the schema describes').choices(['rubric', 'readiness']).default('rubric'))
    .addHelpText('after', '\nExample:\n  $ ready rubric schema > rubric.schema.json')
    .action(async (opts) => (await commands.rubric()).schema(opts));
  rubric
    .command('list')
    .description('the built-in rubrics, and the rubric readiness.yaml uses')
    .option('-f, --file <path>', 'the readiness file', 'readiness.yaml')
    .addOption(format(['text', 'json']))
    .addHelpText('after', '\nExample:\n  $ ready rubric list --format json')
    .action(async (opts) => (await commands.rubric()).list(opts));
  rubric
    .command('show')
    .description('print a rubric after merging what it extends: as an outline, YAML or JSON')
    .argument('[rubric]', 'builtin:ID, a built-in id, or a path (default: the rubric readiness.yaml uses)')
    .option('-f, --file <path>', 'the readiness file that names the default rubric', 'readiness.yaml')
    .addOption(new Option('--format <format>', 'outline: areas > questions > options with scores').choices(['outline', 'yaml', 'json']).default('outline'))
    .addHelpText('after', '\nExamples:\n  $ ready rubric show ml-test-score\n  $ ready rubric show rubrics/acme.yaml --format yaml > acme-flat.yaml')
    .action(async (ref, opts) => (await commands.rubric()).show(ref, opts));
  return program;
}

/** Runs `ready` with these arguments (without the node and script paths) and sets process.exitCode. */
export async function main(argv: string[], commands: CommandLoaders = COMMANDS): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await createProgram(commands).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are "errors" to commander; usage errors exit 2 like every input error
      process.exitCode = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
    } else {
      process.exitCode = handleError(err, debug);
    }
  }
}
