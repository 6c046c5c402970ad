import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PERMISSIONS, TEXT_LIMITS, type Permission } from '@mc/domain';
import { OneOf, Revision, Sentences, Text, field } from '../validation/field-decorators';

/** Who a case is shared with, as the API accepts it: a user by username (or account id), or a group. */
export type GranteeInput = { kind: 'user'; username: string } | { kind: 'user'; id: string } | { kind: 'group'; id: string };

const UNION_NAME_MAX = 100;

export function granteeProblem(value: unknown, name: string): Sentences | null {
  const refused: Sentences = {
    fr: `Le champ « ${name} » doit être { "kind": "user", "username": "<nom d’utilisateur>" } ou { "kind": "group", "id": "union:<syndicat>" | "management" }.`,
    en: `${name} must be { "kind": "user", "username": "<username>" } or { "kind": "group", "id": "union:<union>" | "management" }.`,
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refused;
  const { kind, id, username, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return refused;
  if (kind === 'user') {
    const one = (typeof username === 'string' && username.trim() !== '' && id === undefined) || (typeof id === 'string' && id !== '' && username === undefined);
    return one && String(username ?? id).length <= 100 ? null : refused;
  }
  if (kind === 'group' && username === undefined && typeof id === 'string') {
    if (id === 'management') return null;
    const union = /^union:(.+)$/s.exec(id)?.[1];
    if (union !== undefined && union.trim() !== '' && union === union.trim() && [...union].length <= UNION_NAME_MAX) return null;
  }
  return refused;
}

/** The three shapes granteeProblem accepts, as the OpenAPI document shows them. */
const GRANTEE_SCHEMAS: SchemaObject[] = [
  {
    type: 'object',
    title: 'compte (identifiant)',
    required: ['kind', 'id'],
    additionalProperties: false,
    properties: { kind: { type: 'string', enum: ['user'] }, id: { type: 'string', format: 'uuid', description: 'L’identifiant du compte (GET /accounts).' } },
    example: { kind: 'user', id: '3f2b8c1e-5d4a-4e7b-9c61-0a8d2e4f6b13' },
  },
  {
    type: 'object',
    title: 'compte (nom d’utilisateur)',
    required: ['kind', 'username'],
    additionalProperties: false,
    properties: { kind: { type: 'string', enum: ['user'] }, username: { type: 'string', maxLength: 100 } },
    example: { kind: 'user', username: 'marie.dupont' },
  },
  {
    type: 'object',
    title: 'groupe',
    required: ['kind', 'id'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: ['group'] },
      id: { type: 'string', pattern: '^(union:.+|management)$', description: '« union:<syndicat> » (ses représentants) ou « management » (la hiérarchie).' },
    },
    example: { kind: 'group', id: 'union:CGT' },
  },
];

/** POST /cases/:caseId/shares — the owner grants read, contribute or export. */
export class ShareCaseDto {
  @field('grantee', granteeProblem, {
    example: { kind: 'group', id: 'union:CGT' },
    description:
      'Un compte, par son identifiant {kind: "user", id} (la forme des événements) ou son nom d’utilisateur {kind: "user", username}, ' +
      'ou un groupe {kind: "group", id: "union:<syndicat>" | "management"} ; le syndicat est reconnu quelle que soit sa casse.',
    api: { oneOf: GRANTEE_SCHEMAS },
  })
  grantee!: GranteeInput;

  @OneOf(PERMISSIONS, { example: 'read' })
  permission!: Permission;

  @Revision()
  expectedRevision?: number;
}

/** DELETE /cases/:caseId/shares/:grantId — revocation takes effect at once. */
export class RevokeShareDto {
  @Text({ max: TEXT_LIMITS.text, example: 'Fin de l’accompagnement syndical.' })
  reason!: string;

  @Revision()
  expectedRevision?: number;
}
