/**
 * The version of the installed a6kit package. Imported as JSON, so every build (tsx from source,
 * the library's dist/, a one-file runner bundled by `a6kit build`) carries the number without a
 * package.json beside it at run time. The runner owns this fact; the CLI imports it from here.
 */
import pkg from '../package.json' with { type: 'json' };

export const version: string = pkg.version;
