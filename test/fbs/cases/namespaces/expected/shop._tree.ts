// @generated — do not edit. Produced by `a6kit gen` from shared.fbs, schema.fbs.
/* eslint-disable */

/** Every declaration of namespace Shop, with child namespaces as nested module namespaces. */
export * from './shop.js';
export * as Cart from './shop.cart.js';
export * as Catalog from './shop.catalog.js';
