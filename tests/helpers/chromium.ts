// Headless Debian Chromium for the HTML tests: screenshots and the DOM after parsing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
/** CI installs chromium (.ci/run) and must run these tests; elsewhere they need it installed by hand. */
export const NO_CHROMIUM = !existsSync(CHROMIUM) && !process.env.CI;

export function chromium(args: string[]): { stdout: string; status: number | null } {
  const profile = mkdtempSync(join(tmpdir(), 'ready-chromium-'));
  try {
    // without the background-networking flags Chromium keeps calling out to a closed network
    const r = spawnSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return { stdout: r.stdout, status: r.status };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Writes a page into a fresh folder and returns its file URL. */
export function writePage(html: string, name: string): { dir: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ready-html-'));
  writeFileSync(join(dir, name), html);
  return { dir, url: pathToFileURL(join(dir, name)).href };
}
