/**
 * The one place the elements read the current time, so tests (and demos) can fix it without
 * faking timers, which would also stop Lit's and msw's scheduling.
 */
let source: () => Date = () => new Date();

export function now(): Date {
  return source();
}

/** Fixes the clock to `date` (or a function of the real time); call with no argument to undo. */
export function setClock(date?: Date | (() => Date)): void {
  source = date === undefined ? () => new Date() : typeof date === 'function' ? date : () => new Date(date.getTime());
}
