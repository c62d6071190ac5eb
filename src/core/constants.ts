// Values the core needs at run time, kept apart from the zod schemas so that importing them does
// not pull zod onto the start-up path.

/** "Don't know" is always a possible answer and scores 0. */
export const DONT_KNOW = 'dont-know';
