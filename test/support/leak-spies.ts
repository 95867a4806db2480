/**
 * Spies for what an element can leave behind on the page: listeners on `window`/`document`,
 * timers and animation frames, observers, and fetches whose connection is still open. Only what
 * our code and Lit start is counted (by the caller's stack), so the test runner's and msw's own
 * timers do not blur the picture.
 */

/** Served from the project root: `http://host:port/src/…` and Lit's packages, not other packages' `src` folders. */
const OURS = /:\d+\/(src|node_modules\/(lit|lit-html|lit-element|@lit\/[\w-]+))\//;

function calledFromOurs(): boolean {
  // Lines: "Error", this function, the spy, the caller. Only the direct caller counts: msw's own
  // `delay()` runs inside the mock backend's handlers, which live in src/mock but are not an element.
  return OURS.test((new Error().stack ?? '').split('\n')[3] ?? '');
}

interface ListenerRecord {
  target: string;
  type: string;
  listener: unknown;
  capture: boolean;
}

export interface LeakSpies {
  /** Listeners added by our code to window/document and not removed. */
  liveListeners(): string[];
  /** Timeouts, intervals and animation frames started by our code that neither ran nor were cleared. */
  pendingTimers(): string[];
  /** Observers our code started observing with and never disconnected. */
  liveObservers(): string[];
  /**
   * Fetches still open: neither settled nor aborted. Waits for the aborted ones to settle, so the
   * code that handles their rejection (clearing the client's timer) has run when this resolves.
   */
  openFetches(): Promise<string[]>;
  /** Every fetch the page made, with its signal. */
  fetches: { url: string; signal: AbortSignal | null | undefined; settled: boolean; done: Promise<void> }[];
  restore(): void;
}

export function spyOnLeaks(): LeakSpies {
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const restores: (() => void)[] = [];
  const patch = <T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = make(original);
    restores.push(() => (target[key] = original));
  };

  const listeners: ListenerRecord[] = [];
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    patch(
      target as EventTarget,
      'addEventListener',
      (original) =>
        function (
          this: EventTarget,
          type: string,
          listener: EventListenerOrEventListenerObject | null,
          options?: boolean | AddEventListenerOptions,
        ) {
          const capture = typeof options === 'boolean' ? options : !!options?.capture;
          const once = typeof options === 'object' && !!options.once;
          if (listener && !once && calledFromOurs()) listeners.push({ target: name, type, listener, capture });
          return original.call(this, type, listener, options);
        },
    );
    patch(
      target as EventTarget,
      'removeEventListener',
      (original) =>
        function (
          this: EventTarget,
          type: string,
          listener: EventListenerOrEventListenerObject | null,
          options?: boolean | EventListenerOptions,
        ) {
          const capture = typeof options === 'boolean' ? options : !!options?.capture;
          const index = listeners.findIndex(
            (l) => l.target === name && l.type === type && l.listener === listener && l.capture === capture,
          );
          if (index >= 0) listeners.splice(index, 1);
          return original.call(this, type, listener, options);
        },
    );
  }

  const timers = new Map<number, string>();
  patch(
    window,
    'setTimeout',
    (original) =>
      ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const ours = calledFromOurs();
        const id: number = original(
          (...a: unknown[]) => {
            timers.delete(id);
            if (typeof handler === 'function') handler(...a);
          },
          ms,
          ...args,
        );
        if (ours) timers.set(id, `setTimeout(${ms ?? 0})`);
        return id;
      }) as typeof setTimeout,
  );
  patch(
    window,
    'setInterval',
    (original) =>
      ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id: number = original(handler, ms, ...args);
        if (calledFromOurs()) timers.set(id, `setInterval(${ms ?? 0})`);
        return id;
      }) as typeof setInterval,
  );
  patch(
    window,
    'clearTimeout',
    (original) =>
      ((id?: number) => {
        if (id !== undefined) timers.delete(id);
        original(id);
      }) as typeof clearTimeout,
  );
  patch(
    window,
    'clearInterval',
    (original) =>
      ((id?: number) => {
        if (id !== undefined) timers.delete(id);
        original(id);
      }) as typeof clearInterval,
  );
  const frames = new Set<number>();
  patch(window, 'requestAnimationFrame', (original) => (callback: FrameRequestCallback) => {
    const ours = calledFromOurs();
    const id = original((time) => {
      frames.delete(id);
      callback(time);
    });
    if (ours) frames.add(id);
    return id;
  });
  patch(window, 'cancelAnimationFrame', (original) => (id: number) => {
    frames.delete(id);
    original(id);
  });

  const observers = new Set<object>();
  for (const Observer of [MutationObserver, ResizeObserver, IntersectionObserver] as const) {
    const proto = Observer.prototype as unknown as { observe: (...a: unknown[]) => void; disconnect: () => void };
    patch(
      proto,
      'observe',
      (original) =>
        function (this: object, ...args: unknown[]) {
          if (calledFromOurs()) observers.add(this);
          return original.apply(this, args);
        },
    );
    patch(
      proto,
      'disconnect',
      (original) =>
        function (this: object) {
          observers.delete(this);
          return original.call(this);
        },
    );
  }

  const fetches: LeakSpies['fetches'] = [];
  patch(window, 'fetch', (original) => (input: RequestInfo | URL, init?: RequestInit) => {
    const response = original(input, init);
    const record = { url: String(input), signal: init?.signal, settled: false, done: Promise.resolve() };
    const settle = () => void (record.settled = true);
    record.done = response.then(settle, settle);
    fetches.push(record);
    return response;
  });

  return {
    fetches,
    liveListeners: () => listeners.map((l) => `${l.target} ${l.type}`),
    pendingTimers: () => [...timers.values(), ...[...frames].map(() => 'requestAnimationFrame')],
    liveObservers: () => [...observers].map((o) => o.constructor.name),
    async openFetches() {
      const open = fetches.filter((f) => !f.settled && !f.signal?.aborted).map((f) => f.url);
      await Promise.all(fetches.filter((f) => f.signal?.aborted).map((f) => f.done));
      return open;
    },
    restore() {
      for (const undo of restores.reverse()) undo();
      Error.stackTraceLimit = stackLimit;
    },
  };
}
