// @generated — do not edit. Produced by `a6kit gen` from shared.fbs, schema.fbs.
/* eslint-disable */

/**
 * Every declaration of the schema, with child namespaces as nested module namespaces.
 * Layers: readers, builders, object API, values, verify.
 */
export * from './_root.js';
export * as Shop from './shop._tree.js';
export { VerifyError, type VerifyLimits } from './_support.js';
