export const ROLES = ['agent', 'union_rep', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who does something. `union` is known for an authenticated union representative (it decides
 * which union grants reach them) but is not part of what events record about their author.
 */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  union?: string | null;
}

/** The actor as event metadata records it (EVENTS.md): id, username and role, nothing else. */
export function recordedActor(actor: Actor): Actor {
  return { id: actor.id, username: actor.username, role: actor.role };
}
