/**
 * A "no more than `limit` sends per `windowMs`" budget. `reserve(earliest)` books the first slot at or after
 * `earliest` and returns its time. Slots are handed out in non-decreasing order, which keeps sends in booking order.
 */
export class SlidingWindow {
  private readonly booked: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  reserve(earliest: number): number {
    let at = Math.max(earliest, this.booked.at(-1) ?? earliest);
    if (this.booked.length >= this.limit) {
      const blocker = this.booked[this.booked.length - this.limit];
      if (blocker !== undefined) at = Math.max(at, blocker + this.windowMs);
    }
    this.booked.push(at);
    // Anything older than one window before the newest slot can no longer block a booking.
    while (this.booked.length > this.limit && (this.booked[0] ?? at) <= at - this.windowMs) this.booked.shift();
    return at;
  }
}
