// Where each ecosystem declares its dependencies, and how to read each format. The parsers that
// need the TOML or YAML library load only when the repository holds a file of their format.
import { normalizePython, parseRequirements, parseSetupCfg, parseSetupPy } from './python.js';
import { parsePackageJson, parseRDescription, parseRenvLock } from './plain.js';

export type Ecosystem = 'python' | 'node' | 'r';

export type ManifestParser = (text: string) => { packages: string[]; includes?: string[] };

export interface ManifestFormat {
  id: string;
  ecosystem: Ecosystem;
  globs: string[];
  load(): ManifestParser | Promise<ManifestParser>;
}

const only = (parse: (text: string) => string[]): ManifestParser => (text) => ({ packages: parse(text) });
const toml = () => import('./toml.js');

export const MANIFESTS: ManifestFormat[] = [
  { id: 'requirements', ecosystem: 'python', globs: ['**/requirements*.{txt,in}', '**/requirements/*.{txt,in}'], load: () => parseRequirements },
  { id: 'pyproject', ecosystem: 'python', globs: ['**/pyproject.toml'], load: async () => only((await toml()).parsePyproject) },
  { id: 'setup-cfg', ecosystem: 'python', globs: ['**/setup.cfg'], load: () => only(parseSetupCfg) },
  { id: 'setup-py', ecosystem: 'python', globs: ['**/setup.py'], load: () => only(parseSetupPy) },
  { id: 'conda', ecosystem: 'python', globs: ['**/environment*.{yml,yaml}', '**/conda*.{yml,yaml}'], load: async () => (await import('./conda.js')).parseCondaEnvironment },
  { id: 'pipfile', ecosystem: 'python', globs: ['**/Pipfile'], load: async () => only((await toml()).parsePipfile) },
  { id: 'package-json', ecosystem: 'node', globs: ['**/package.json'], load: () => only(parsePackageJson) },
  { id: 'r-description', ecosystem: 'r', globs: ['**/DESCRIPTION'], load: () => only(parseRDescription) },
  { id: 'renv-lock', ecosystem: 'r', globs: ['**/renv.lock'], load: () => only(parseRenvLock) },
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
