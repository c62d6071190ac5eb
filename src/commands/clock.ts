// The one place that reads the clock. The core takes the time as an argument.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The current time as Date#toISOString writes it (UTC, milliseconds, `Z`), for years 0 to 9999.
 * toISOString itself loads the local time zone on first use, a file read and an ICU set-up of
 * nearly a millisecond at the start of every `ready check`, for a string that never needs it.
 */
export function isoTimestamp(ms: number = Date.now()): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`
  );
}
