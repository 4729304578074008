// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

/** Every declaration of namespace Zoo, with child namespaces as nested module namespaces. */
export * from './zoo.js';
export { VerifyError } from './_support.js';
