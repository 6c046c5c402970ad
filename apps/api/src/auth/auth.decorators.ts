import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '@mc/domain';
import type { AccountView } from '@mc/access';

export const IS_PUBLIC = 'mc:isPublic';
/** Routes reachable without a token: login, health, documentation, public key. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthenticatedRequest {
  actor?: Actor;
  account?: AccountView;
  correlationId?: string;
}

/** The authenticated actor, as it goes into event metadata. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor!;
});

export const CurrentAccount = createParamDecorator((_: unknown, ctx: ExecutionContext): AccountView => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().account!;
});

export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().correlationId!;
});
