/**
 * Page-level probes shared by the hardening tests: what is on screen (through shadow roots), what
 * went uncaught, and how many elements each shadow root holds.
 */

/** Visible text and accessible names under `root`, through nested open shadow roots. */
export function allText(root: ParentNode): string {
  const parts: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) parts.push(allText(element.shadowRoot));
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value) parts.push(value);
    }
  }
  parts.unshift(root instanceof ShadowRoot || root instanceof Element ? (root.textContent ?? '') : '');
  return parts.join(' ');
}

/** Records uncaught errors and unhandled rejections until `stop()`. */
export function watchUncaught(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`uncaught ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Element count per shadow root under `root` (keyed by host tag and depth), to spot injected markup. */
export function elementCounts(root: ParentNode, prefix = ''): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of root.querySelectorAll('*')) {
    if (!element.shadowRoot) continue;
    const key = `${prefix}${element.localName}`;
    counts[key] = (counts[key] ?? 0) + element.shadowRoot.querySelectorAll('*').length;
    Object.assign(counts, elementCounts(element.shadowRoot, `${key} > `));
  }
  return counts;
}

/** Resolves after the current task, so every microtask queued so far has run. Not a sleep. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
