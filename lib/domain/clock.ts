/** Domain code asks a clock for the time, so tests can move time instead of waiting for it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(ms: number | Date | string): void {
    this.current = typeof ms === "number" ? ms : new Date(ms).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * The time a public page says it was made, to the minute: pages made within one minute from the
 * same data are the same bytes, so a page remade for the shared cache keeps its ETag and readers'
 * revalidations get 304s. Notices are set to the minute in the console, and the page's scripts
 * re-check exact times in the browser.
 */
export const renderMinute = (ms: number): number => ms - (ms % 60_000);
