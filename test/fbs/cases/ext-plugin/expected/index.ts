// @generated — do not edit. Produced by `a6kit gen` from ../../../../schema/ext-plugin.fbs, schema.fbs.
/* eslint-disable */

/**
 * Every declaration of namespace A6, with child namespaces as nested module namespaces.
 * Layers: readers, builders, object API, values, verify.
 */
export * from './a6.js';
export * as Err from './a6.err.js';
export * as ExtraInfo from './a6.extra-info.js';
export * as HTTPReqCall from './a6.http-req-call.js';
export * as HTTPRespCall from './a6.http-resp-call.js';
export * as PrepareConf from './a6.prepare-conf.js';
export { VerifyError, type VerifyLimits } from './_support.js';
