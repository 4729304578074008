// @generated — do not edit. Produced by `a6kit gen` from shared.fbs, schema.fbs.
/* eslint-disable */

/** Every declaration of the schema, with child namespaces as nested module namespaces. */
export * from './_root.js';
export * as Shop from './shop._tree.js';
export { VerifyError } from './_support.js';
