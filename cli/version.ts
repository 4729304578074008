// The runtime owns the version (it must never import the CLI); the CLI reports the same one.
export { version } from '../runtime/version.js';
