import { RESOURCE_KINDS, Resource } from './case.events';

/**
 * Which resources of a cut-off a restoration gives back (EVENTS.md, `AccessRestored` "closes (part
 * of) an outage"). The one rule the decider and the views (outages, dossier) share:
 *
 * - a restoration without resources (absent or empty list) gives back everything still cut;
 * - a resource named without a label gives back every resource of that kind the cut-off took,
 *   whatever its label ("la messagerie est rétablie");
 * - a resource named with a label gives back the cut-off's resource of that kind and label
 *   (labels compared without regard to case or spacing); when the cut-off has none with that
 *   label, its resource of that kind named without a label (the label then says which one it was).
 *
 * A cut-off is over once at least one restoration was filed and nothing it took is still cut.
 * Pure, and read from stored data of any age: the events themselves are never rewritten.
 */

/** The resources of a stored `resources` field (anything that is not `{kind}` is ignored). */
export function resourceList(value: unknown): Resource[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is Resource => typeof r === 'object' && r !== null && (RESOURCE_KINDS as readonly unknown[]).includes((r as { kind?: unknown }).kind),
  );
}

/** The label a person means: trimmed, spacing collapsed, case ignored; null when there is none. */
function labelOf(resource: Resource): string | null {
  const label = typeof resource.label === 'string' ? resource.label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr') : '';
  return label === '' ? null : label;
}

/** Positions in `cutOff` of the resources that naming `named` in a restoration gives back. */
function givenBack(named: Resource, cutOff: readonly Resource[]): number[] {
  const sameKind = cutOff.map((r, index) => ({ r, index })).filter(({ r }) => r.kind === named.kind);
  const label = labelOf(named);
  if (label === null) return sameKind.map(({ index }) => index);
  const exact = sameKind.filter(({ r }) => labelOf(r) === label);
  return (exact.length > 0 ? exact : sameKind.filter(({ r }) => labelOf(r) === null)).map(({ index }) => index);
}

/** The resources a restoration names that give back nothing of the cut-off (never cut). */
export function resourcesNotCut(named: readonly Resource[], cutOff: readonly Resource[]): Resource[] {
  return named.filter((r) => givenBack(r, cutOff).length === 0);
}

/** What the cut-off took and none of `restorations` (their resource lists, in any order) gave back. */
export function resourcesStillCut(cutOff: readonly Resource[], restorations: readonly (readonly Resource[])[]): Resource[] {
  const still = new Set(cutOff.keys());
  for (const named of restorations) {
    if (named.length === 0) return [];
    for (const r of named) for (const index of givenBack(r, cutOff)) still.delete(index);
  }
  return cutOff.filter((_, index) => still.has(index));
}

/** Whether the cut-off is over: some restoration was filed and nothing is still cut. */
export function everythingRestored(cutOff: readonly Resource[], restorations: readonly (readonly Resource[])[]): boolean {
  return restorations.length > 0 && resourcesStillCut(cutOff, restorations).length === 0;
}

/** "mailbox (Boîte médiathèque)", for messages. */
export function describeResource(resource: Resource): string {
  const label = typeof resource.label === 'string' ? resource.label.trim() : '';
  return label === '' ? resource.kind : `${resource.kind} (${label})`;
}
