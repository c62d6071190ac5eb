// Commander set-up only, commands listed in the order a team meets them. Each action imports its
// command lazily, so `--help` and `--version` load nothing heavy; `check`, the command CI runs on
// every build, is imported up front so that it does not wait on a chain of imports.
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from './version.js';
import { handleError } from './cli-errors.js';
import { writeStdout } from './io/stdout.js';
import { check } from './commands/check.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const debug = process.argv.includes('--debug');

const program = new Command('ready')
  .description('Tells a data-science team whether its project is ready for production, and what to fix first.')
  .version(VERSION, '-v, --version')
  .option('--debug', 'print stack traces for errors')
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({ writeOut: writeStdout, outputError: (str, write) => write(str) });


program
  .command('init')
  .summary('write a starter readiness.yaml, or a CI job')
  .description('write a commented readiness.yaml to start from and, with --ci, a CI job that gates on it')
  .option('-f, --file <path>', 'the readiness file to create', 'readiness.yaml')
  .option('--rubric <ref>', 'rubric the new readiness.yaml uses: builtin:ID or a path', 'builtin:default')
  .addOption(new Option('--ci <system>', `also write a CI job: .github/workflows/readiness.yml or .gitlab/readiness.gitlab-ci.yml`).choices(['github', 'gitlab']))
  .option('--force', 'replace files that already exist (with --ci, an existing readiness file is always kept)')
  .addHelpText('after', '\nExamples:\n  $ ready init\n  $ ready init --ci github\n  $ ready init --ci gitlab --file ml/readiness.yaml')
  .action(async (opts) => (await import('./commands/init.js')).init(opts));

program
  .command('assess')
  .summary('answer the questionnaire interactively')
  .description('answer the readiness questionnaire interactively; saves every answer to readiness.yaml')
  .option('-f, --file <path>', 'the readiness file to create or update', 'readiness.yaml')
  .option('--rubric <ref>', 'rubric to answer: builtin:ID or a path (default: the one readiness.yaml names)')
  .option('--area <area>', 'only questions of this area; repeatable', collect)
  .option('--role <role>', 'only questions for this role; repeatable', collect)
  .option('--only-unanswered', 'only questions without a saved answer')
  .option('--by <name>', 'who is answering (default: git user.name, then the login name)')
  .addHelpText('after', '\nExamples:\n  $ ready assess\n  $ ready assess --area data --only-unanswered\n  $ ready assess --role it-operations --by "Sam Lee"')
  .action(async (opts) => (await import('./commands/assess.js')).assess(opts));

program
  .command('check')
  .summary('score readiness.yaml and gate CI on it')
  .description('score readiness.yaml, print the summary and gate CI on it (never prompts)')
  .option('-f, --file <path>', 'the readiness file', 'readiness.yaml')
  .option('--rubric <ref>', 'rubric to score against: builtin:ID or a path (overrides readiness.yaml)')
  .option('--example', 'score the example project that ships with ready')
  .addOption(new Option('--format <format>', 'output format (sarif: GitHub code scanning, gitlab: code quality report, github: annotations)').choices(['text', 'markdown', 'html', 'json', 'junit', 'badge', 'sarif', 'gitlab', 'github']).default('text'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .option('--project <name>', 'project name shown in reports (default: readiness.yaml, then the directory name)')
  .option('--baseline <report.json>', 'also fail when the score, the level or an area drops, or a blocker appears, against this earlier JSON report')
  .option('--min-score <n>', 'fail when the overall score is below N (0-100)')
  .option('--min-area <area=n>', 'fail when an area scores below N; repeatable', collect)
  .option('--max-blockers <n>', 'fail when there are more than N blockers (default 0)')
  .option('--max-unanswered <n>', 'fail when more than N applicable questions are unanswered')
  .option('--max-age-days <n>', 'fail when an answer is older than N days')
  .option('--max-contradictions <n>', 'fail when more than N answers are contradicted by the repository')
  .addOption(new Option('--fail-on <what>', 'shorthand: fail on any blocker, unanswered question or contradiction; repeatable').choices(['blockers', 'unanswered', 'contradictions']).argParser(collect as never))
  .option('--no-evidence', 'do not scan the repository (the folder of the readiness file) for evidence')
  .addHelpText(
    'after',
    [
      '',
      'Gate terms take N, or N:warn to print a warning without failing (N:error is',
      'the default). Flags override the gate: section of readiness.yaml, which',
      "overrides the rubric's default gate for the project's tier.",
      '',
      'Exit codes: 0 passed (warnings allowed), 1 the gate failed, 2 usage or input',
      'error. With GITHUB_ACTIONS=true, failures and blockers are also annotated on',
      'the lines of readiness.yaml, and the markdown report is appended to',
      '$GITHUB_STEP_SUMMARY.',
      '',
      'Examples:',
      '  $ ready check',
      '  $ ready check --min-score 70 --min-area data=60 --max-age-days 180:warn',
      '  $ ready check --format json -o report.json',
      '  $ ready check --baseline main-report.json',
      '  $ ready check --format sarif -o readiness.sarif',
    ].join('\n'),
  )
  .action(async (opts) => check(opts));

program
  .command('report')
  .summary('render the full report in any format')
  .description('render the full report: tier, scores, blockers and the remediation plan; exits 0 whatever the gate')
  .option('-f, --file <path>', 'the readiness file', 'readiness.yaml')
  .option('--rubric <ref>', 'rubric to score against: builtin:ID or a path (overrides readiness.yaml)')
  .option('--example', 'report on the example project that ships with ready')
  .addOption(new Option('--format <format>', 'output format (badge: an SVG for READMEs)').choices(['text', 'markdown', 'html', 'json', 'junit', 'badge']).default('text'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .option('--project <name>', 'project name shown in reports (default: readiness.yaml, then the directory name)')
  .option('--min-score <n>', 'gate shown in the report: overall minimum (0-100)')
  .option('--min-area <area=n>', 'gate shown in the report: an area minimum; repeatable', collect)
  .option('--max-blockers <n>', 'gate shown in the report: most blockers allowed (default 0)')
  .option('--max-unanswered <n>', 'gate shown in the report: most unanswered questions allowed')
  .option('--max-age-days <n>', 'gate shown in the report: oldest answer allowed, in days')
  .option('--max-contradictions <n>', 'gate shown in the report: most answers the repository may contradict')
  .addOption(new Option('--fail-on <what>', 'shorthand for --max-blockers 0, --max-unanswered 0 or --max-contradictions 0; repeatable').choices(['blockers', 'unanswered', 'contradictions']).argParser(collect as never))
  .option('--no-evidence', 'do not scan the repository (the folder of the readiness file) for evidence')
  .addHelpText('after', '\nExamples:\n  $ ready report\n  $ ready report --format markdown -o readiness.md\n  $ ready report --format html -o readiness.html\n  $ ready report --format badge -o readiness.svg')
  .action(async (opts) => (await import('./commands/report.js')).report(opts));

program
  .command('scan')
  .summary('show the evidence found in the repository')
  .description('look for evidence in the repository: each probe of the rubric with the paths it found, and what was skipped')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--root <dir>', 'the repository to scan (default: the current directory)')
  .option('--rubric <ref>', 'rubric whose probes to run: builtin:ID or a path (default: the one readiness.yaml in the root names)')
  .addHelpText('after', '\nExamples:\n  $ ready scan\n  $ ready scan --root ../churn-api --format json > evidence.json')
  .action(async (opts) => (await import('./commands/scan.js')).scan(opts));

program
  .command('diff')
  .summary('compare two JSON reports')
  .description('what changed between two JSON reports: score, level, areas, answers and blockers')
  .argument('<old>', 'the earlier report (ready report --format json)')
  .argument('<new>', 'the later report')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown']).default('text'))
  .option('-o, --output <file>', 'write the comparison to a file instead of stdout')
  .addHelpText('after', '\nExample:\n  $ ready diff last-quarter.json report.json --format markdown')
  .action(async (oldFile, newFile, opts) => (await import('./commands/diff.js')).diff(oldFile, newFile, opts));

program
  .command('portfolio')
  .summary("many projects' reports in one view")
  .description("many projects' JSON reports in one view: readiness per project and the organisation's bottleneck")
  .argument('<paths...>', 'report files, directories (searched recursively for *.json) or quoted globs such as "reports/**/*.json"')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'html', 'json']).default('text'))
  .option('-o, --output <file>', 'write the portfolio to a file instead of stdout')
  .addHelpText('after', '\nExamples:\n  $ ready portfolio reports/\n  $ ready portfolio "teams/*/readiness-report.json" --format html -o portfolio.html')
  .action(async (paths, opts) => (await import('./commands/portfolio.js')).portfolio(paths, opts));

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
  .action(async (path) => (await import('./commands/rubric.js')).validate(path));
rubric
  .command('schema')
  .description('print the JSON Schema of rubrics (or of readiness.yaml) for editors and validators')
  .addOption(new Option('--for <file>', 'which file the schema describes').choices(['rubric', 'readiness']).default('rubric'))
  .addHelpText('after', '\nExample:\n  $ ready rubric schema > rubric.schema.json')
  .action(async (opts) => (await import('./commands/rubric.js')).schema(opts));
rubric
  .command('list')
  .description('the built-in rubrics, and the rubric readiness.yaml uses')
  .option('-f, --file <path>', 'the readiness file', 'readiness.yaml')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .addHelpText('after', '\nExample:\n  $ ready rubric list --format json')
  .action(async (opts) => (await import('./commands/rubric.js')).list(opts));
rubric
  .command('show')
  .description('print a rubric after merging what it extends: as an outline, YAML or JSON')
  .argument('[rubric]', 'builtin:ID, a built-in id, or a path (default: the rubric readiness.yaml uses)')
  .option('-f, --file <path>', 'the readiness file that names the default rubric', 'readiness.yaml')
  .addOption(new Option('--format <format>', 'outline: areas > questions > options with scores').choices(['outline', 'yaml', 'json']).default('outline'))
  .addHelpText('after', '\nExamples:\n  $ ready rubric show ml-test-score\n  $ ready rubric show rubrics/acme.yaml --format yaml > acme-flat.yaml')
  .action(async (ref, opts) => (await import('./commands/rubric.js')).show(ref, opts));

program.parseAsync().catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // help and version are "errors" to commander; usage errors exit 2 like every input error
    process.exitCode = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2;
  } else {
    process.exitCode = handleError(err, debug);
  }
});
