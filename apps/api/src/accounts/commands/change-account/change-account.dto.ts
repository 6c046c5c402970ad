import { ROLES, TEXT_LIMITS, type Role } from '@mc/domain';
import { OneOf, Text } from '../../../validation/field-decorators';

/** POST /accounts/:id/disable and /enable (admin). */
export class AccountReasonDto {
  @Text({ max: TEXT_LIMITS.text, required: false, example: 'Départ de la collectivité.' })
  reason?: string;
}

/** POST /accounts/:id/role (admin): a union representative names their union. */
export class ChangeRoleDto {
  @OneOf(ROLES, { example: 'union_rep' })
  role!: Role;

  @Text({ max: TEXT_LIMITS.title, required: false, example: 'CGT' })
  union?: string;
}

/** POST /accounts/:id/password (admin): a new password for someone who lost theirs. */
export class ResetPasswordDto {
  @Text({ max: 200, example: 'une phrase de passe longue et nouvelle' })
  password!: string;
}

/** POST /me/password: the current password proves it is the person, not a forgotten open session. */
export class ChangeOwnPasswordDto {
  @Text({ max: 200, example: 'mon ancienne phrase de passe' })
  currentPassword!: string;

  @Text({ max: 200, example: 'ma nouvelle phrase de passe, plus longue' })
  newPassword!: string;
}
