/** Public entry of the `a6kit` package: the plugin API and the runner. */
export * from './plugin.js';
export { parseJsonConf, confErrorFrom, type CompiledValidator, type ValidationError } from './conf-validation.js';
export { runMain, type MainOptions } from './main.js';
export { startRunner, type RunnerOptions, type RunningRunner } from './server.js';
export type { Logger } from './logger.js';
