// Where each ecosystem declares its dependencies, and how to read each format.
import { normalizePython, parseRequirements, parseSetupCfg, parseSetupPy } from './python.js';
import { parsePipfile, parsePyproject } from './toml.js';
import { parseCondaEnvironment, parsePackageJson, parseRDescription, parseRenvLock } from './other.js';

export type Ecosystem = 'python' | 'node' | 'r';

export interface ManifestFormat {
  id: string;
  ecosystem: Ecosystem;
  globs: string[];
  parse(text: string): { packages: string[]; includes?: string[] };
}

const only = (parse: (text: string) => string[]) => (text: string) => ({ packages: parse(text) });

export const MANIFESTS: ManifestFormat[] = [
  { id: 'requirements', ecosystem: 'python', globs: ['**/requirements*.{txt,in}', '**/requirements/*.{txt,in}'], parse: parseRequirements },
  { id: 'pyproject', ecosystem: 'python', globs: ['**/pyproject.toml'], parse: only(parsePyproject) },
  { id: 'setup-cfg', ecosystem: 'python', globs: ['**/setup.cfg'], parse: only(parseSetupCfg) },
  { id: 'setup-py', ecosystem: 'python', globs: ['**/setup.py'], parse: only(parseSetupPy) },
  { id: 'conda', ecosystem: 'python', globs: ['**/environment*.{yml,yaml}', '**/conda*.{yml,yaml}'], parse: parseCondaEnvironment },
  { id: 'pipfile', ecosystem: 'python', globs: ['**/Pipfile'], parse: only(parsePipfile) },
  { id: 'package-json', ecosystem: 'node', globs: ['**/package.json'], parse: only(parsePackageJson) },
  { id: 'r-description', ecosystem: 'r', globs: ['**/DESCRIPTION'], parse: only(parseRDescription) },
  { id: 'renv-lock', ecosystem: 'r', globs: ['**/renv.lock'], parse: only(parseRenvLock) },
];

/** The requirements format, for files named by `-r` whatever their name. */
export const REQUIREMENTS = MANIFESTS[0]!;

/**
 * Names as each ecosystem compares them: PEP 503 for Python; npm names are lower-case already;
 * R names are case-sensitive, but no two CRAN packages differ by case alone, so case is forgiven.
 */
export const normalizePackage = (ecosystem: Ecosystem, name: string) => (ecosystem === 'python' ? normalizePython(name) : name.toLowerCase());

/** Folders holding other projects' manifests (installed or vendored packages), not this project's. */
const VENDORED = /(^|\/)(node_modules|site-packages|dist-packages|\.venv|\.tox|\.nox|__pypackages__|renv\/library)\//;
export const isVendored = (path: string) => VENDORED.test(path);
