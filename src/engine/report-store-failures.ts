import { describeError } from '../chat/chat-turn.js';
import { StoreConflictError } from '../errors/store-conflict-error.js';
import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import { type Store, storeMethodNames } from '../store/store.js';

const storeMethods = new Set<PropertyKey>(storeMethodNames);

/**
 * The store, with each failure of its methods other than a version conflict rethrown as a
 * `StoreUnavailableError` (answered 503). Other properties of the store pass through.
 */
export function reportStoreFailures(store: Store): Store {
  // One wrapper per method, made on first use, not a new closure on every call.
  const wrapped = new Map<PropertyKey, { method: unknown; wrapper: (...args: unknown[]) => Promise<unknown> }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (!storeMethods.has(property) || typeof value !== 'function') return value;
      const cached = wrapped.get(property);
      if (cached && cached.method === value) return cached.wrapper;
      const wrapper = async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          if (StoreConflictError.isInstance(error) || StoreUnavailableError.isInstance(error)) throw error;
          throw new StoreUnavailableError({ message: `The store failed: ${describeError(error)}`, cause: error });
        }
      };
      wrapped.set(property, { method: value, wrapper });
      return wrapper;
    },
  });
}
