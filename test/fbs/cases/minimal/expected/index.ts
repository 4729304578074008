// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

/** Every declaration of the schema, with child namespaces as nested module namespaces. */
export * from './_root.js';
export { VerifyError } from './_support.js';
