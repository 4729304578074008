/** Public entry of the `a6kit` package: the plugin API and the runner. */
export * from './plugin.js';
