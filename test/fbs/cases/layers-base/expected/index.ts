// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

/**
 * Every declaration of namespace Kit, with child namespaces as nested module namespaces.
 * Layers: readers, builders.
 */
export * from './kit.js';
