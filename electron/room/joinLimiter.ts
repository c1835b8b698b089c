/** Attempts to join allowed per address, and for everyone together, in one window of time. */
const PER_ADDRESS = 10;
const OVERALL = 60;
const WINDOW_MS = 60_000;

/**
 * Rate limit for joining the room: the invite secret is long enough not to be guessed, and this keeps
 * anyone on the network from trying, or from flooding the room with names.
 */
export class JoinLimiter {
  private readonly attempts = new Map<string, number[]>();
  private overall: number[] = [];

  allow(address: string, now: number): boolean {
    const since = now - WINDOW_MS;
    this.overall = this.overall.filter((at) => at > since);
    const mine = (this.attempts.get(address) ?? []).filter((at) => at > since);
    if (mine.length >= PER_ADDRESS || this.overall.length >= OVERALL) {
      this.attempts.set(address, mine);
      return false;
    }
    mine.push(now);
    this.overall.push(now);
    this.attempts.set(address, mine);
    if (this.attempts.size > 1000) for (const [key, list] of this.attempts) if (!list.some((at) => at > since)) this.attempts.delete(key);
    return true;
  }
}
