import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import type { EventToAppend } from './event-store.port';
import { prepareEvents, sealForStorage } from './hash-chain';

const toAppend = (eventId: string, data: Record<string, unknown> = {}): EventToAppend => ({
  eventId,
  type: 'IncidentReported',
  data,
  metadata: { schemaVersion: 1, actor: { id: 'u1', username: 'agent.dupont', role: 'agent' }, correlationId: 'c1', causationId: 'c1' },
});

describe('canonicalJson', () => {
  /** Member names that sort differently by code unit and by V8's own order, or that plain assignment mishandles. */
  const memberName = fc.oneof(fc.constantFrom('10', '9', '0', '__proto__', 'toJSON', 'a', 'B', 'é', '😀', 'ﬁ', ''), fc.string({ maxLength: 4 }));
  const jsonValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, true, false, 0, -0, 1e21, 1e-7, 0.1, -5, 'texte « é »', '\u2028', 'a"b\\c'),
      fc.string({ maxLength: 6 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(memberName, tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it('writes what canonicalize writes, for values in any member order and for their copies from prepareEvents', () => {
    fc.assert(
      fc.property(fc.dictionary(memberName, jsonValue, { maxKeys: 5 }), (data) => {
        const parsed = JSON.parse(JSON.stringify(data)) as Record<string, unknown>; // own __proto__ members, as a request body has them
        expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
        const [prepared] = prepareEvents([{ ...toAppend('e1'), data: parsed }]);
        expect(prepared.dataJson).toBe(canonicalize(parsed));
        expect(prepared.data).toEqual(parsed);
      }),
      { numRuns: 1000 },
    );
  });

  it('serializes natively a value whose members are in order, and walks it otherwise', () => {
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      canonicalJson({ a: 1, b: [{ c: 'x', d: null }] });
      expect(stringify).toHaveBeenCalledTimes(1);
      stringify.mockClear();
      canonicalJson({ b: 1, a: 2 });
      expect(stringify.mock.calls.length).toBeGreaterThan(1); // canonicalize, one call per member and value
      // What JSON.stringify would quietly write as null is refused, in order or not.
      expect(() => canonicalJson({ a: Number.NaN })).toThrow('NaN is not allowed');
      expect(() => canonicalJson({ a: [Infinity] })).toThrow('Infinity is not allowed');
    } finally {
      stringify.mockRestore();
    }
  });

  it("keeps recordedAt in its place among the metadata members, and the caller's members as they were", () => {
    const [sealed] = sealForStorage('case-1', null, [toAppend('e1', { z: 1, a: 2 })], new Date('2026-03-02T08:30:00.000Z'));
    expect(Object.keys(sealed.record.metadata)).toEqual(['actor', 'causationId', 'correlationId', 'recordedAt', 'schemaVersion']);
    expect(sealed.metadataJson).toBe(canonicalize(sealed.record.metadata));
    expect(sealed.dataJson).toBe('{"a":2,"z":1}');
  });
});
