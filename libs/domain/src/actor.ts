export const ROLES = ['agent', 'union_rep', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: copied into every event's metadata, so the record says who it was at the time. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
}
