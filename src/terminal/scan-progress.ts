// The one progress spinner: on stderr while a large repository is listed, for the commands that
// scan (`scan`, `assess`). ora is loaded only once the listing passes LARGE_REPOSITORY files, and
// never when stderr is not a terminal, in CI, or when the output is JSON.

/** A spinner only pays for itself on a repository this large. */
export const LARGE_REPOSITORY = 10_000;

export interface ScanProgress {
  /** the number of files listed so far */
  update(files: number): void;
  stop(): void;
}

export function scanProgress(wanted: boolean): ScanProgress {
  const show = wanted && process.stderr.isTTY === true && !process.env.CI;
  let spinner: { text: string; stop(): unknown } | undefined;
  let loading = false;
  let done = false;
  let text = '';
  return {
    update(files) {
      text = `Scanning the repository: ${files.toLocaleString('en')} files listed`;
      if (spinner) spinner.text = text;
      if (!show || loading || files < LARGE_REPOSITORY) return;
      loading = true;
      void import('ora').then(({ default: ora }) => {
        // the scan may have finished while ora loaded
        if (!done) spinner = ora({ text, stream: process.stderr }).start();
      });
    },
    stop() {
      done = true;
      spinner?.stop();
    },
  };
}
