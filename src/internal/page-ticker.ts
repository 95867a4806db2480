/**
 * One timer for the whole page, so what is shown relative to now stays true without a reload:
 * "Stops working in 1 hour" counts down, an expiring token turns Expired, "Last used" ages. Every
 * element that shows such times holds a `MinuteTicker`; while at least one is connected, a single
 * timeout fires at each turn of the clock's minute (a minute's resolution is all relative times
 * show) and asks each of them to update. Rows are not subscribed one by one: an element re-renders
 * the rows whose text changed. No timer runs while no element is connected, and none at import.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { now } from './clock.js';

const MINUTE = 60_000;
const hosts = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  // From the clock (tests and demos fix it), to the start of its next minute.
  timer = setTimeout(tick, MINUTE - (now().getTime() % MINUTE));
}

function tick(): void {
  schedule();
  for (const host of hosts) host.requestUpdate();
}

export class MinuteTicker implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    (this.#host = host).addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    if (timer === undefined) schedule();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size) return;
    clearTimeout(timer);
    timer = undefined;
  }
}
