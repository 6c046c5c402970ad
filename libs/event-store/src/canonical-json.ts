import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) serialization. */
export function canonicalJson(value: unknown): string {
  // JCS writes strings and numbers as JSON.stringify does and sorts members by UTF-16 code units:
  // for a value whose objects already list their members in that order, JSON.stringify (native)
  // writes the same text as canonicalize (which walks the value in JavaScript, several times slower).
  if (typeof value === 'object' && value !== null && inCanonicalOrder(value)) return JSON.stringify(value);
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Value has no JSON representation');
  return text;
}

/** Whether a value holds only JSON values (plain objects, arrays, strings, finite numbers, booleans, null), members in code-unit order. */
function inCanonicalOrder(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !inCanonicalOrder(value[i])) return false;
        return true;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return false;
      let previous: string | null = null;
      for (const key of Object.keys(value)) {
        if (previous !== null && !(previous < key)) return false;
        if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
        previous = key;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * A copy of a JSON value whose objects list their members in code-unit order, so that
 * canonicalJson serializes it natively. (V8 lists integer-like member names first whatever the
 * order they were set in: an object with such names stays out of order, and is canonicalized
 * the slow way.)
 */
export function withMembersInOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withMembersInOrder);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) setMember(copy, key, withMembersInOrder((value as Record<string, unknown>)[key]));
  return copy;
}

/** Sets an own member, even one named __proto__ (which plain assignment would take for the prototype). */
export function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
