import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/adapters/in-flight.js';

/** A promise the test settles by hand, so nothing depends on timing. */
function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve = () => {};
  let reject = (_error: Error) => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('drains only once every piece of work has settled, including work started while draining', async () => {
    const inFlight = new InFlight();
    const order: string[] = [];
    const first = deferred();
    const second = deferred();
    void inFlight.track(first.promise).then(() => order.push('first'));
    const drained = inFlight.drain(60_000).then((done) => order.push(`drained ${done}`));
    void inFlight.track(second.promise).then(() => order.push('second'));
    expect(inFlight.size).toBe(2);
    first.resolve();
    await first.promise;
    second.resolve();
    await drained;
    expect(order).toEqual(['first', 'second', 'drained true']);
    expect(inFlight.size).toBe(0);
  });

  it('counts failed work as finished and hands the failure back to its owner', async () => {
    const inFlight = new InFlight();
    const work = deferred();
    const tracked = inFlight.track(work.promise);
    work.reject(new Error('boom'));
    await expect(tracked).rejects.toThrow('boom');
    expect(inFlight.size).toBe(0);
    expect(await inFlight.drain(60_000)).toBe(true);
  });

  it('gives up waiting after the timeout and says so', async () => {
    const inFlight = new InFlight();
    void inFlight.track(deferred().promise);
    expect(await inFlight.drain(1)).toBe(false);
    expect(inFlight.size).toBe(1);
  });
});
