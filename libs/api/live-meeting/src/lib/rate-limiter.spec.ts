import { EventRateLimiter } from './rate-limiter';

describe('EventRateLimiter', () => {
  it('allows a burst, then one event per 1/rate seconds, per person', () => {
    let now = 1_000_000;
    const limiter = new EventRateLimiter(10, 3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(100);
    expect(limiter.take('b')).toBe(0);
    now += 100;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('refills up to the burst, not beyond', () => {
    let now = 0;
    const limiter = new EventRateLimiter(10, 2, () => now);
    now = 60_000;
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});
