// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

/**
 * Every declaration of the schema, with child namespaces as nested module namespaces.
 * Layers: readers, builders, object API, values, verify.
 */
export * from './_root.js';
export { VerifyError, type VerifyLimits } from './_support.js';
