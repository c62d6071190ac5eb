// Paths that are never evidence of the project: other projects' code (installed packages,
// virtualenvs, vendored trees), the payload of project generators (cookiecutter, copier,
// Databricks bundle templates), committed caches and build output, and `ready`'s own files.
// One listing pass finds the virtualenvs that only a `pyvenv.cfg` gives away.

/** Folder names whose contents belong to someone else, or are caches and build output. */
const FOREIGN_DIRS = new Set([
  'node_modules',
  'site-packages',
  'dist-packages',
  '.venv',
  'venv',
  'virtualenv',
  '.virtualenv',
  '__pypackages__',
  'third_party',
  'third-party',
  'thirdparty',
  'vendor',
  'vendored',
  '_vendor',
  '.tox',
  '.nox',
  '__pycache__',
  '.ipynb_checkpoints',
  '.git',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  'bower_components',
]);

/** Template payload: a path segment with `{{ … }}` or `{% … %}`, or a file a generator renders. */
const PAYLOAD_SEGMENT = /\{\{|\{%/;
const PAYLOAD_FILE = /\.(tmpl|jinja2?|j2|tpl)$/;
const EGG_INFO = /\.(egg-info|dist-info)$/;

/** The files `ready` itself writes or reads as input: never evidence about the project. */
export const READY_OWN_FILES = new Set(['readiness.yaml', 'readiness.yml']);

/** True when the path (repository-relative, posix) is not the project's own evidence. */
export function isForeignPath(path: string, venvDirs?: ReadonlySet<string>): boolean {
  const segs = path.split('/');
  const base = segs[segs.length - 1]!;
  if (PAYLOAD_FILE.test(base) || READY_OWN_FILES.has(base)) return true;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    if (FOREIGN_DIRS.has(seg) || PAYLOAD_SEGMENT.test(seg) || EGG_INFO.test(seg)) return true;
    if (seg === 'renv' && (segs[i + 1] === 'library' || segs[i + 1] === 'staging')) return true;
  }
  if (PAYLOAD_SEGMENT.test(base)) return true;
  if (venvDirs && venvDirs.size > 0) {
    for (let end = path.indexOf('/'); end !== -1; end = path.indexOf('/', end + 1)) if (venvDirs.has(path.slice(0, end))) return true;
  }
  return false;
}

/** Folders holding a `pyvenv.cfg`: virtualenvs under any name (`env/`, `myenv/`, `.env3/`). */
export function virtualenvDirs(listing: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of listing) {
    if (p === 'pyvenv.cfg' || p.endsWith('/pyvenv.cfg')) {
      const dir = p.slice(0, -'/pyvenv.cfg'.length);
      if (dir !== '') out.add(dir);
    }
  }
  return out;
}
