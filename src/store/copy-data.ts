/** Thrown inside {@link copyPlain} when a value needs `structuredClone`. */
const notPlain = Symbol('not plain data');

/** Depth beyond which a value is handed to `structuredClone` (which also handles cycles). */
const maxPlainDepth = 100;

/**
 * A deep copy, as `structuredClone` makes it, of the JSON-like data stores hold (plain objects,
 * arrays, primitives), several times faster on such data. Anything else (dates, maps, class
 * instances, functions, very deep or cyclic values) goes to `structuredClone` itself, so values
 * it cannot copy fail the same way.
 */
export function copyData<T>(value: T): T {
  try {
    return copyPlain(value, 0) as T;
  } catch (error) {
    if (error === notPlain) return structuredClone(value);
    throw error;
  }
}

function copyPlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol') throw notPlain;
    return value;
  }
  if (depth > maxPlainDepth) throw notPlain;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Array.prototype) {
    const array = value as unknown[];
    const keys = Object.keys(array);
    // Holes or extra properties: leave them to structuredClone.
    if (keys.length !== array.length) throw notPlain;
    const result = new Array<unknown>(array.length);
    for (let index = 0; index < array.length; index++) result[index] = copyPlain(array[index], depth + 1);
    return result;
  }
  if (prototype !== Object.prototype && prototype !== null) throw notPlain;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = copyPlain((value as Record<string, unknown>)[key], depth + 1);
    // An own "__proto__" key (from JSON) stays a property, as structuredClone keeps it.
    if (key === '__proto__')
      Object.defineProperty(result, key, { value: copied, enumerable: true, writable: true, configurable: true });
    else result[key] = copied;
  }
  return result;
}
