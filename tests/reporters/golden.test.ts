// Every format rendered from the same fixed reports (frozen in golden/reports/), compared with the
// checked-in files.
import { describe, it } from 'vitest';
import { render, type Format } from '../../src/reporters/render.js';
import { expectGolden, frozenReport } from './golden.js';
import { FIXTURE_REPORTS } from './fixtures.js';
import { PLAIN } from '../helpers/style.js';

const FORMATS: [Format, string][] = [
  ['text', 'txt'],
  ['markdown', 'md'],
  ['html', 'html'],
  ['junit', 'xml'],
  ['badge', 'svg'],
];

describe.each(Object.entries(FIXTURE_REPORTS))('the %s report', (name, make) => {
  it.each(FORMATS)('renders as %s like golden/%s', async (format, ext) => {
    expectGolden(`${name}.${ext}`, await render(frozenReport(name, make), format, { style: PLAIN }));
  });
});
