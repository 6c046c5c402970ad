import type { Request, Response } from 'express';
import { DomainError } from '@mc/domain';
import { MAX_BODY_DEPTH, checkJsonBody } from './json-body';

/** What checkJsonBody passes on for a parsed body: nothing (accepted) or the refusal. */
function check(body: unknown): DomainError | undefined {
  let passed: unknown = 'not called';
  checkJsonBody({ body } as Request, {} as Response, (error?: unknown) => (passed = error));
  if (passed === 'not called') throw new Error('next was not called');
  return passed as DomainError | undefined;
}

const nested = (levels: number): unknown => {
  let value: unknown = 'fond';
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('checkJsonBody', () => {
  it('accepts an object whose texts are well formed, emoji (surrogate pairs) included', () => {
    expect(check({ text: 'déjà vu 😀', list: [{ label: '𝄞' }], n: 1, ok: true, none: null })).toBeUndefined();
  });

  it('leaves bodies it did not parse alone (no body, multipart before multer)', () => {
    expect(check(undefined)).toBeUndefined();
  });

  it('names the field holding half of a UTF-16 character, down nested objects and lists', () => {
    const error = check({ title: 'ok', resources: [{ kind: 'mailbox' }, { kind: 'chat', label: 'x\ud83d' }] });
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.problems).toEqual([expect.objectContaining({ field: 'resources[1].label', fr: expect.stringContaining('« resources[1].label »') })]);
    expect(check({ changes: { 'cl\udc00é': 1 } })?.problems[0].field).toBe('changes.cl\ufffdé');
  });

  it(`accepts ${MAX_BODY_DEPTH} levels of nesting and refuses one more`, () => {
    expect(check({ a: nested(MAX_BODY_DEPTH - 1) })).toBeUndefined();
    expect(check({ a: nested(MAX_BODY_DEPTH) })?.problems).toEqual([expect.objectContaining({ field: 'body', fr: expect.stringMatching(/imbriqué/) })]);
  });

  it('refuses a list as the whole body', () => {
    expect(check([{ text: 'x' }])?.problems[0]).toMatchObject({ field: 'body', en: expect.stringMatching(/JSON object/) });
  });
});
