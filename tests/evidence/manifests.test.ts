import { describe, expect, it } from 'vitest';
import { normalizePython, parseRequirements, parseSetupCfg, parseSetupPy, requirementName } from '../../src/evidence/manifests/python.js';
import { parsePipfile, parsePyproject } from '../../src/evidence/manifests/toml.js';
import { parseCondaEnvironment } from '../../src/evidence/manifests/conda.js';
import { parsePackageJson, parseRDescription, parseRenvLock } from '../../src/evidence/manifests/plain.js';

describe('Python names', () => {
  it.each([
    ['Great_Expectations', 'great-expectations'],
    ['ruamel.yaml', 'ruamel-yaml'],
    ['Foo__Bar--baz', 'foo-bar-baz'],
  ])('%s -> %s (PEP 503)', (name, normal) => expect(normalizePython(name)).toBe(normal));

  it.each([
    ['fastapi[all]>=0.110,<1 ; python_version >= "3.9"', 'fastapi'],
    ['uvicorn==0.29.0', 'uvicorn'],
    ['prometheus-client~=0.20', 'prometheus-client'],
    ['onnx @ https://example.org/onnx-1.16.whl', 'onnx'],
    ['git+https://github.com/org/repo.git#egg=mylib', 'mylib'],
    ['https://example.org/pkg.tar.gz', undefined],
    ['./local/package', undefined],
    ['numpy', 'numpy'],
  ])('requirement %s names %s', (spec, name) => expect(requirementName(spec)).toBe(name));
});

describe('requirements files', () => {
  it('reads names, includes and editables; skips comments, options and constraints', () => {
    const text = [
      '# pinned for production',
      '-r base.txt',
      '--requirement=requirements/extra.txt',
      '-c constraints.txt',
      '--index-url https://pypi.example.org/simple',
      'fastapi==0.110.0  # the API',
      'great_expectations[spark]>=0.18 ; python_version >= "3.10"',
      'scikit-learn==1.4.2 \\',
      '    --hash=sha256:abc',
      '-e git+https://github.com/org/lib.git#egg=internal-lib',
      '-e .',
      '',
    ].join('\n');
    expect(parseRequirements(text)).toEqual({
      packages: ['fastapi', 'great_expectations', 'scikit-learn', 'internal-lib'],
      includes: ['base.txt', 'requirements/extra.txt'],
    });
  });
});

describe('pyproject.toml', () => {
  it('reads PEP 621 dependencies, optional dependencies and dependency groups', () => {
    const text = `
[project]
name = "svc"
dependencies = [
  "fastapi>=0.110",  # a comment with ] inside
  "pydantic[email]",
]
[project.optional-dependencies]
onnx = ["onnx", "skl2onnx"]
[dependency-groups]
test = ["pytest", {include-group = "lint"}]
lint = ["ruff"]
[build-system]
requires = ["setuptools"]
`;
    expect(parsePyproject(text)).toEqual(['fastapi', 'pydantic', 'onnx', 'skl2onnx', 'pytest', 'ruff']);
  });

  it('reads Poetry dependencies and groups, without python itself', () => {
    const text = `
[tool.poetry.dependencies]
python = "^3.11"
pandas = "^2.2"
great-expectations = { version = "^0.18", extras = ["spark"] }
[tool.poetry.group.dev.dependencies]
pytest = "^8"
[tool.poetry.dev-dependencies]
black = "*"
`;
    expect(parsePyproject(text)).toEqual(['pandas', 'great-expectations', 'black', 'pytest']);
  });

  it('throws on a file that is not TOML (the scanner reports it as unparsable)', () => {
    expect(() => parsePyproject('[project\ndependencies = [')).toThrow();
  });
});

describe('the other manifests', () => {
  it('setup.cfg: install_requires and extras, continuation lines and one-liners', () => {
    const text = `[metadata]
name = x
[options]
install_requires =
    numpy>=1.26
    pandas ; python_version > "3.8"
  # a comment
python_requires = >=3.10
[options.extras_require]
serve = fastapi; uvicorn
test =
    pytest
`;
    expect(parseSetupCfg(text)).toEqual(['numpy', 'pandas', 'fastapi', 'pytest']);
  });

  it('setup.py: literal lists, a list assigned to a name, extras without their keys', () => {
    const text = `
from setuptools import setup
REQUIRED = [
    "mlflow>=2",  # tracking
    'prometheus_client',
]
setup(
    name="svc",
    install_requires=REQUIRED,
    extras_require={"onnx": ["onnxruntime", "skl2onnx[all]"], 'dev': ("pytest",)},
)
`;
    expect(parseSetupPy(text)).toEqual(['mlflow', 'prometheus_client', 'onnxruntime', 'skl2onnx', 'pytest']);
  });

  it('environment.yml: conda specs with channels and the pip section', () => {
    const text = `name: svc
channels: [conda-forge]
dependencies:
  - python=3.11
  - conda-forge::numpy>=1.26
  - scikit-learn 1.4.*
  - pip
  - pip:
      - great-expectations==0.18.12
      - -r requirements-extra.txt
`;
    expect(parseCondaEnvironment(text)).toEqual({
      packages: ['python', 'numpy', 'scikit-learn', 'pip', 'great-expectations'],
      includes: ['requirements-extra.txt'],
    });
  });

  it('Pipfile: every package category, not sources or scripts', () => {
    const text = `[[source]]
url = "https://pypi.org/simple"
name = "pypi"
[packages]
fastapi = "*"
[dev-packages]
pytest = {version = "*"}
[docs]
mkdocs = "*"
[requires]
python_version = "3.11"
[scripts]
serve = "uvicorn app:app"
`;
    expect(parsePipfile(text)).toEqual(['fastapi', 'pytest', 'mkdocs']);
  });

  it('package.json: all dependency sections', () => {
    const text = JSON.stringify({ dependencies: { express: '^4' }, devDependencies: { vitest: '^4' }, peerDependencies: { react: '*' }, scripts: { x: 'y' } });
    expect(parsePackageJson(text)).toEqual(['express', 'vitest', 'react']);
  });

  it('R DESCRIPTION: Depends and Imports over continuation lines, without R', () => {
    const text = `Package: forecast.pilot
Version: 0.1.0
Depends: R (>= 4.1), data.table
Imports:
    plumber (>= 1.2),
    vetiver,
    pins
Suggests: testthat
`;
    expect(parseRDescription(text)).toEqual(['data.table', 'plumber', 'vetiver', 'pins']);
  });

  it('renv.lock: the packages of the project library', () => {
    const text = JSON.stringify({ R: { Version: '4.3.2' }, Packages: { plumber: { Package: 'plumber' }, testthat: { Package: 'testthat' } } });
    expect(parseRenvLock(text)).toEqual(['plumber', 'testthat']);
  });
});
