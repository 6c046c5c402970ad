import { DomainError } from '@mc/domain';

/**
 * Slows down password guessing: after too many failed logins for one username, or from one
 * address, within a window, further attempts are refused without checking the password until
 * the window has passed. Counting per username protects an account from a distributed guesser;
 * counting per address stops one guesser trying many accounts. Kept in memory: a restart forgets
 * the counts, which only gives a guesser one more window.
 */
export interface LoginThrottleOptions {
  windowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  /** Bound on the keys remembered, so a flood of random usernames cannot exhaust memory. */
  maxKeys: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
  maxKeys: 100_000,
};

/** Refused before any password check: too many recent failures for this username or address. */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super('TOO_MANY_ATTEMPTS', [
      {
        field: 'password',
        fr: `Trop de tentatives de connexion : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        en: `Too many login attempts: try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      },
    ]);
  }
}

export class LoginThrottle {
  /** Failure times per key, oldest first. Map order is insertion order: the first key is the stalest. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE) {}

  /**
   * Runs a password check unless the username or address must wait (TooManyAttemptsError), and
   * counts its outcome: a truthy result is a success, anything else a failure.
   */
  async attempt<T>(username: string, address: string, now: number, check: () => Promise<T>): Promise<T> {
    const wait = this.waitBefore(String(username), address, now);
    if (wait > 0) throw new TooManyAttemptsError(Math.ceil(wait / 1000));
    const result = await check();
    if (result) this.recordSuccess(String(username));
    else this.recordFailure(String(username), address, now);
    return result;
  }

  /** Milliseconds to wait before this attempt may be checked, 0 when it may be checked now. */
  waitBefore(username: string, address: string, now: number): number {
    return Math.max(
      this.wait(accountKey(username), this.options.maxFailuresPerAccount, now),
      this.wait(addressKey(address), this.options.maxFailuresPerAddress, now),
    );
  }

  recordFailure(username: string, address: string, now: number): void {
    this.push(accountKey(username), now);
    this.push(addressKey(address), now);
  }

  /** A successful login clears its account's count (not its address's: a guesser may own one account). */
  recordSuccess(username: string): void {
    this.failures.delete(accountKey(username));
  }

  private wait(key: string, max: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < max) return 0;
    return recent[recent.length - max] + this.options.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  private push(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    this.failures.delete(key);
    this.failures.set(key, times);
    while (this.failures.size > this.options.maxKeys) this.failures.delete(this.failures.keys().next().value as string);
  }
}

const accountKey = (username: string) => `u:${String(username).trim().toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;
