import type { ChatAdapter, DeliveryFailure } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply.js';

/** A ChatAdapter that records digests, for scheduler tests; `failWith` makes the next posts fail. */
export class RecordingAdapter implements ChatAdapter {
  readonly posts: { channelId: string; reply: Reply }[] = [];
  failWith: { error: Error; failure: DeliveryFailure } | null = null;

  constructor(readonly name: string) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async postDigest(channelId: string, reply: Reply): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith.error;
    this.posts.push({ channelId, reply });
    return { messageId: `m${this.posts.length}` };
  }

  describeFailure(error: unknown): DeliveryFailure {
    return this.failWith && error === this.failWith.error
      ? this.failWith.failure
      : { permanent: false, reason: String(error) };
  }
}
