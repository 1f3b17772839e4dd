/**
 * A progress bar with throughput for long bulk jobs. On a terminal it redraws one line; elsewhere (CI, logs)
 * it prints a line every few seconds.
 */
export class Progress {
  private phase = '';
  private total = 0;
  private unit = '';
  private started = 0;
  private lastPrint = 0;
  private readonly tty: boolean;

  constructor(private readonly out: NodeJS.WritableStream | null) {
    this.tty = Boolean(out && (out as NodeJS.WriteStream).isTTY);
  }

  start(phase: string, total: number, unit: string): void {
    this.phase = phase;
    this.total = total;
    this.unit = unit;
    this.started = performance.now();
    this.lastPrint = 0;
  }

  tick(done: number, rows: number): void {
    if (!this.out) return;
    const now = performance.now();
    if (now - this.lastPrint < (this.tty ? 200 : 5000)) return;
    this.lastPrint = now;
    this.print(done, rows, false);
  }

  done(done: number, rows: number): void {
    if (this.out) this.print(done, rows, true);
  }

  private print(done: number, rows: number, final: boolean): void {
    const seconds = Math.max(1e-3, (performance.now() - this.started) / 1000);
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const width = 28;
    const filled = Math.round(frac * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const rate = rows > 0 ? ` ${fmt(rows / seconds)} rows/s` : ` ${fmt(done / seconds)} ${this.unit}/s`;
    const eta = !final && frac > 0 ? ` eta ${Math.round((seconds / frac) * (1 - frac))}s` : ` ${seconds.toFixed(1)}s`;
    const line = `${this.phase.padEnd(9)} [${bar}] ${fmt(done)}/${fmt(this.total)} ${this.unit}${rate}${eta}`;
    this.out!.write(this.tty ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  }
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
