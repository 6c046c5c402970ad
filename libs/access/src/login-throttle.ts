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

export class LoginThrottle {
  /** Failure times per key, oldest first. Map order is insertion order: the first key is the stalest. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE) {}

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
