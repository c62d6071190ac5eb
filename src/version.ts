declare const __READY_VERSION__: string | undefined;
/** Replaced at build time; running from source says so. */
export const VERSION: string = typeof __READY_VERSION__ === 'string' ? __READY_VERSION__ : '0.0.0-source';
/** Where users learn about `ready` (package.json's `homepage`; a test keeps the two equal). */
export const HOMEPAGE = 'https://www.npmjs.com/package/ready-cli';
