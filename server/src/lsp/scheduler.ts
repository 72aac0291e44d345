/**
 * Runs one job per document after a quiet period, and at least every `maxWaitMs` while
 * edits keep coming (so diagnostics follow continuous typing). A newer request for the
 * same document cancels the pending one and marks the running one stale.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  /** When the oldest request not yet run arrived, per document. */
  private readonly waitingSince = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly job: (key: string, isCancelled: () => boolean) => Promise<void>,
    /** A job that threw: told which document, so that the failure is shown on it. */
    private readonly onError: (error: unknown, key: string) => void,
    private readonly maxWaitMs = 2000,
  ) {}

  schedule(key: string, delayMs = this.delayMs): void {
    clearTimeout(this.timers.get(key));
    const since = this.waitingSince.get(key) ?? Date.now();
    this.waitingSince.set(key, since);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const wait = Math.max(0, Math.min(delayMs, since + this.maxWaitMs - Date.now()));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.waitingSince.delete(key);
      this.job(key, () => this.generations.get(key) !== generation).catch((error: unknown) => this.onError(error, key));
    }, wait);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.waitingSince.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }
}
