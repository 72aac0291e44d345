/**
 * Runs one job per document after a quiet period. A newer request for the same
 * document cancels the pending one and marks the running one stale.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly job: (key: string, isCancelled: () => boolean) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(key: string, delayMs = this.delayMs): void {
    this.cancel(key);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.job(key, () => this.generations.get(key) !== generation).catch(this.onError);
    }, delayMs);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }
}
