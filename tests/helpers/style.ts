import { Chalk } from 'chalk';
export { PLAIN } from '../../src/reporters/style.js';
/** What a colour terminal gets. */
export const COLOR = new Chalk({ level: 1 });
