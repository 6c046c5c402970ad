import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_SCHEMA_VERSION,
  AccountCommand,
  AccountEvent,
  AccountState,
  Actor,
  DomainError,
  Role,
  decideAccount,
  isUuid,
  foldAccount,
  normalizeUsername,
  recordedActor,
} from '@mc/domain';
import { EventStore, NO_STREAM, StreamNotFoundError } from '@mc/event-store/event-store.port';
import { accountIdFor, accountStream } from './account-id';
import { hashPassword, passwordProblem, spendVerificationTime, verifyPassword } from './password-hasher';
import { newEventId } from '@mc/event-store/event-id';

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  union: string | null;
  disabled: boolean;
  credentialVersion: number;
}

export interface NewAccount {
  username: string;
  displayName?: string;
  role: Role;
  union?: string;
  password: string;
}

const view = (id: string, s: AccountState): AccountView => ({
  id,
  username: s.username,
  displayName: s.displayName,
  role: s.role,
  union: s.union,
  disabled: s.disabled,
  credentialVersion: s.credentialVersion,
});

/** The actor an authenticated account acts as (its union decides which union grants reach it). */
export function actorOf(account: AccountView): Actor {
  return { id: account.id, username: account.username, role: account.role, union: account.union };
}

export interface FoundAccount {
  view: AccountView;
  state: AccountState;
  revision: number;
}

/** Accounts folded lately, at most this many (every authenticated request looks its account up). */
const FOLDED_ACCOUNTS = 10_000;

/** Accounts live as events on `account-<uuid>` streams; this reads and writes them. */
export class Accounts {
  /** Folded accounts by id, each at the revision it was folded at: used only while the stream is still there. */
  private readonly folded = new Map<string, FoundAccount>();

  constructor(private readonly store: EventStore) {}

  /**
   * The account as stored now: the stream's revision is read from the store every time (a
   * disabled account or a changed password, even from another process, counts at once); only
   * the fold is kept while the stream has not moved.
   */
  async findById(accountId: string): Promise<FoundAccount | null> {
    const stream = accountStream(accountId);
    const revision = await this.store.streamRevision(stream);
    const kept = this.folded.get(accountId);
    if (revision === null) {
      this.folded.delete(accountId);
      return null;
    }
    if (kept && kept.revision === revision) return { view: { ...kept.view }, state: { ...kept.state }, revision };
    const found = await this.fold(accountId, stream);
    if (found) {
      if (this.folded.size >= FOLDED_ACCOUNTS) this.folded.clear();
      this.folded.set(accountId, found);
    }
    return found && { view: { ...found.view }, state: { ...found.state }, revision: found.revision };
  }

  private async fold(accountId: string, stream: string): Promise<FoundAccount | null> {
    try {
      const records = await this.store.readStream(stream);
      const state = foldAccount(records.map((r) => ({ type: r.type, data: r.data }) as AccountEvent));
      return { view: view(accountId, state), state, revision: records[records.length - 1].revision };
    } catch (e) {
      if (e instanceof StreamNotFoundError) return null;
      throw e;
    }
  }

  async findByUsername(username: string): Promise<AccountView | null> {
    return (await this.findById(accountIdFor(username)))?.view ?? null;
  }

  async create(input: NewAccount, actor: Actor, correlationId: string = randomUUID()): Promise<AccountView> {
    const weak = passwordProblem(input.password);
    if (weak) throw DomainError.of('INVALID_INPUT', 'password', weak.fr, weak.en);
    const username = normalizeUsername(input.username ?? '');
    const id = accountIdFor(username);
    const existing = await this.findById(id);
    const command: AccountCommand = {
      type: 'CreateAccount',
      data: {
        username,
        displayName: input.displayName?.trim() || username,
        role: input.role,
        ...(input.union !== undefined ? { union: input.union } : {}),
        passwordHash: await hashPassword(input.password),
      },
    };
    const events = decideAccount(command, existing?.state ?? foldAccount([]));
    await this.append(id, events, existing ? existing.revision : NO_STREAM, actor, correlationId);
    return (await this.findById(id))!.view;
  }

  /** Records a change to an existing account (role, enable/disable, password hash): NOT_FOUND if there is none. */
  async change(
    accountId: string,
    command: Exclude<AccountCommand, { type: 'CreateAccount' }>,
    actor: Actor,
    correlationId: string = randomUUID(),
  ): Promise<AccountView> {
    const existing = isUuid(accountId) ? await this.findById(accountId) : null;
    const events = decideAccount(command, existing?.state ?? foldAccount([]));
    await this.append(accountId, events, existing ? existing.revision : NO_STREAM, actor, correlationId);
    return (await this.findById(accountId))!.view;
  }

  /** Sets a new password after checking its strength; every token issued before stops working. */
  async setPassword(accountId: string, password: string, actor: Actor, correlationId?: string): Promise<AccountView> {
    const weak = passwordProblem(password);
    if (weak) throw DomainError.of('INVALID_INPUT', 'password', weak.fr, weak.en);
    return this.change(accountId, { type: 'ChangePassword', data: { passwordHash: await hashPassword(password) } }, actor, correlationId);
  }

  /** True when `password` is this account's current one (for a person changing their own). */
  async passwordMatches(accountId: string, password: string): Promise<boolean> {
    const found = await this.findById(accountId);
    return !!found?.state.passwordHash && (await verifyPassword(found.state.passwordHash, String(password)));
  }

  /** The account if the password is right and the account active; null otherwise, in the same time. */
  async authenticate(username: string, password: string): Promise<AccountView | null> {
    const found = typeof username === 'string' ? await this.findById(accountIdFor(username)) : null;
    if (!found || !found.state.passwordHash) {
      await spendVerificationTime(String(password));
      return null;
    }
    const ok = await verifyPassword(found.state.passwordHash, String(password));
    return ok && !found.state.disabled ? found.view : null;
  }

  /** True when at least one account exists (the bootstrap admin is created only on an empty journal). */
  async any(): Promise<boolean> {
    for (let after = 0; ;) {
      const page = await this.store.readAll({ after, maxCount: 1000 });
      if (page.some((e) => e.record.streamId.startsWith('account-'))) return true;
      if (page.length === 0) return false;
      after = page[page.length - 1].position;
    }
  }

  private async append(id: string, events: AccountEvent[], expected: number | typeof NO_STREAM, actor: Actor, correlationId: string): Promise<void> {
    const causationId = randomUUID();
    await this.store.append(
      accountStream(id),
      events.map((e) => ({
        eventId: newEventId(),
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: { schemaVersion: ACCOUNT_SCHEMA_VERSION, actor: recordedActor(actor), correlationId, causationId },
      })),
      expected,
    );
  }
}
