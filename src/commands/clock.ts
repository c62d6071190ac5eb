// The one place that reads the clock; the core takes the time as an argument. (A hand-made
// formatter here once saved toISOString's time-zone set-up, under a millisecond of a `ready
// check`: less than the noise of bench/startup.mjs, so plain toISOString it is.)
export const isoTimestamp = (ms: number = Date.now()): string => new Date(ms).toISOString();
