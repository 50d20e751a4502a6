import type { AdapterStatus, ChatAdapter, DeliveryFailure, DigestTarget } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply.js';

/** A digest post held in flight by {@link RecordingAdapter.holdNext}. */
export interface HeldPost {
  /** resolves once postDigest has been called and is waiting */
  started: Promise<void>;
  /** let the post go through */
  release(): void;
}

/** A ChatAdapter that records digests, for scheduler tests; `failWith` makes the next posts fail. */
export class RecordingAdapter implements ChatAdapter {
  readonly posts: (DigestTarget & { reply: Reply })[] = [];
  /** alerts posted, with the ping each mentioned */
  readonly alerts: (DigestTarget & { reply: Reply; ping: string | null })[] = [];
  failWith: { error: Error; failure: DeliveryFailure } | null = null;
  private held: { started: () => void; released: Promise<void> } | null = null;

  constructor(readonly name: string) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  status(): AdapterStatus {
    return { connected: true, detail: 'recording' };
  }

  /** Hold the next postDigest call until `release()`, to observe a delivery in flight. */
  holdNext(): HeldPost {
    let started!: () => void;
    let release!: () => void;
    const startedPromise = new Promise<void>((resolve) => {
      started = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.held = { started, released };
    return { started: startedPromise, release };
  }

  async postDigest(target: DigestTarget, reply: Reply): Promise<{ messageId: string }> {
    const held = this.held;
    if (held) {
      this.held = null;
      held.started();
      await held.released;
    }
    if (this.failWith) throw this.failWith.error;
    this.posts.push({ channelId: target.channelId, workspaceId: target.workspaceId, reply });
    return { messageId: `m${this.posts.length}` };
  }

  async postAlert(target: DigestTarget, reply: Reply, ping: string | null): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith.error;
    this.alerts.push({ channelId: target.channelId, workspaceId: target.workspaceId, reply, ping });
    return { messageId: `alert${this.alerts.length}` };
  }

  describeFailure(error: unknown): DeliveryFailure {
    return this.failWith && error === this.failWith.error
      ? this.failWith.failure
      : { permanent: false, reason: String(error) };
  }
}

/**
 * A proxy of `target` whose next call of `method` waits for `release()` before running (later calls
 * pass straight through), to stop a process at a chosen point without timers.
 */
export function holdNextCall<T extends object>(target: T, method: keyof T & string): { proxy: T; held: HeldPost } {
  let started!: () => void;
  let release!: () => void;
  const startedPromise = new Promise<void>((resolve) => {
    started = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let pending = true;
  const proxy = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(object);
      if (property !== method || !pending) return bound;
      return async (...args: unknown[]) => {
        if (pending) {
          pending = false;
          started();
          await released;
        }
        return bound(...args);
      };
    },
  });
  return { proxy, held: { started: startedPromise, release } };
}
