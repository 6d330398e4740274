export { HandrailError } from './handrail-error.js';
export { StoreConflictError } from './store-conflict-error.js';
export { StoreUnavailableError } from './store-unavailable-error.js';
