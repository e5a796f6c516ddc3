/**
 * A clock tests move by hand: deadlines, reminders, escalations, rounds and
 * sessions without sleeping. The test server's app, ticket service and
 * plugin contexts all read it.
 *
 * @example
 * server.clock.set('2026-11-24T01:00:00Z'); // 09:00 in a UTC+8 city
 * server.clock.advance({ days: 4 });        // the ticket is now overdue
 */
export class TestClock {
  #t: number;
  constructor(start: Date | string = '2026-11-24T01:00:00Z') {
    this.#t = new Date(start).getTime();
  }
  readonly now = (): Date => new Date(this.#t);
  set(to: Date | string): void {
    this.#t = new Date(to).getTime();
  }
  advance(by: { minutes?: number; hours?: number; days?: number }): Date {
    this.#t += ((by.days ?? 0) * 24 * 60 + (by.hours ?? 0) * 60 + (by.minutes ?? 0)) * 60_000;
    return this.now();
  }
}
