import type { Clock } from '../../src/core/ports.js';

/** A clock that only moves when the test says so. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: string | Date = '2025-12-20T12:00:00Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: string | Date): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
