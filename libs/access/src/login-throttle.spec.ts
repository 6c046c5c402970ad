import { LoginThrottle } from './login-throttle';

const MIN = 60_000;
const options = { windowMs: 15 * MIN, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, maxKeys: 100 };

describe('LoginThrottle', () => {
  it('lets attempts through until an account has failed too often, then makes it wait for the window', () => {
    const throttle = new LoginThrottle(options);
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitBefore('Bollywood', '10.0.0.1', i * MIN)).toBe(0);
      throttle.recordFailure('bollywood', '10.0.0.1', i * MIN);
    }
    // The third failure was at minute 2; the first of the three at minute 0 leaves the window at minute 15.
    expect(throttle.waitBefore('bollywood', '10.0.0.9', 3 * MIN)).toBe(12 * MIN);
    expect(throttle.waitBefore(' BOLLYWOOD ', '10.0.0.9', 3 * MIN)).toBe(12 * MIN);
    expect(throttle.waitBefore('bollywood', '10.0.0.9', 15 * MIN)).toBe(0);
    expect(throttle.waitBefore('ferris', '10.0.0.2', 3 * MIN)).toBe(0);
  });

  it('counts failures per address across accounts', () => {
    const throttle = new LoginThrottle(options);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}`, '10.0.0.1', 0);
    expect(throttle.waitBefore('someone-else', '10.0.0.1', MIN)).toBe(14 * MIN);
    expect(throttle.waitBefore('someone-else', '10.0.0.2', MIN)).toBe(0);
  });

  it('forgets an account’s failures after a successful login', () => {
    const throttle = new LoginThrottle(options);
    throttle.recordFailure('bollywood', 'a', 0);
    throttle.recordFailure('bollywood', 'a', 0);
    throttle.recordSuccess('bollywood');
    throttle.recordFailure('bollywood', 'b', 0);
    expect(throttle.waitBefore('bollywood', 'c', 0)).toBe(0);
  });

  it('remembers a bounded number of keys', () => {
    const throttle = new LoginThrottle({ ...options, maxKeys: 10 });
    for (let i = 0; i < 1000; i++) throttle.recordFailure(`user${i}`, `addr${i}`, 0);
    expect((throttle as unknown as { failures: Map<string, number[]> }).failures.size).toBeLessThanOrEqual(10);
  });

  it('runs a check only when allowed, counts its outcome, and refuses with a wait in seconds past the limit', async () => {
    const throttle = new LoginThrottle(options);
    let checks = 0;
    const wrong = () => throttle.attempt('bollywood', 'a', 0, async () => (checks++, null));
    for (let i = 0; i < 3; i++) expect(await wrong()).toBeNull();
    await expect(wrong()).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 15 * 60 });
    expect(checks).toBe(3);
    expect(await throttle.attempt('ferris', 'b', 0, async () => 'ok')).toBe('ok');
  });
});
