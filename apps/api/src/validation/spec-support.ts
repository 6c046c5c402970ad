/**
 * Helpers for the DTO specs (no test framework import, so the build compiles it as plain code).
 */
import type { FieldProblem } from '@mc/domain';
import { validateBody } from './validation-problems';

/** A copy of `body` without the given keys (a JSON body never holds `undefined`). */
export function without<T extends Record<string, unknown>>(body: T, ...keys: (keyof T & string)[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...body };
  for (const key of keys) delete copy[key];
  return copy;
}

/** An ISO date with an offset, `minutes` from now (negative: in the past). */
export function minutesFromNow(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

/** The field paths validateBody finds wrong in `body`. */
export async function faultyFields(dto: new () => object, body: unknown): Promise<string[]> {
  return (await validateBody(dto, body)).map((problem: FieldProblem) => problem.field);
}

/** Refusals every write DTO shares, given a valid body and one of its required text fields. */
export function commonRefusals(valid: Record<string, unknown>): [string, unknown, string][] {
  return [
    ['an unknown extra field', { ...valid, entryId: '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13' }, 'entryId'],
    ['a float expectedRevision', { ...valid, expectedRevision: 1.5 }, 'expectedRevision'],
    ['a string expectedRevision', { ...valid, expectedRevision: '3' }, 'expectedRevision'],
    ['a negative expectedRevision', { ...valid, expectedRevision: -1 }, 'expectedRevision'],
  ];
}
