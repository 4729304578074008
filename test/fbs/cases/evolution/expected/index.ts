// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

/** Every declaration of namespace Api, with child namespaces as nested module namespaces. */
export * from './api.js';
export { VerifyError } from './_support.js';
