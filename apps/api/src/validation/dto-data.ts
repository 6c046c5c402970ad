/**
 * Event data from a validated DTO. With ES2022 class fields, a DTO instance has an own
 * `undefined` property for every absent optional field; stored data never holds `undefined`
 * (case.events.ts), and `expectedRevision` belongs to the request, not to the event.
 */
export function dtoData(dto: object, omit: readonly string[] = ['expectedRevision']): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(dto)) {
    if (value !== undefined && !omit.includes(name)) data[name] = Array.isArray(value) ? value.map(plain) : plain(value);
  }
  return data;
}

/** Nested DTO instances (resources) become plain objects, without their undefined fields. */
function plain(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype ? dtoData(value, []) : value;
}
