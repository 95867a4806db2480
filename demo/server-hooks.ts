/**
 * The panel's "What the server's hooks hear": the lines the demo host's `onActivity` and
 * `expiryReminders.notify` hooks received (the server keeps the newest 50, numbered), and a button
 * that runs `service.maintain()` as a host's cron job would. Server only: the mock has no hooks.
 */
import type { MaintenanceReport } from '../src/server/index.js';
import type { HookEntry } from './server/hook-log.js';

const SHOWN = 12;

/** One line for a hook's call: what a host's audit log or mailer would get. */
function describe(entry: HookEntry): { label: string; text: string } {
  if (entry.hook === 'notify') {
    const { userId, token, daysLeft, expiresAt } = entry.reminder;
    return {
      label: 'notify',
      text: `remind ${userId}: “${token.name}” (${token.partialKey}…) expires ${expiresAt}, ${daysLeft} day${daysLeft === 1 ? '' : 's'} left`,
    };
  }
  const { type, tokenName, tokenId, actor, actorId, ip, userAgent, reason } = entry.event;
  const by = actor === 'user' && actorId ? `by ${actorId}` : actor ? `by ${actor}` : '';
  const from = [ip, userAgent].filter(Boolean).join(', ');
  return {
    label: 'onActivity',
    text: [type, `“${tokenName ?? tokenId}”`, reason && `(${reason})`, by, from && `from ${from}`].filter(Boolean).join(' '),
  };
}

/** A maintain() report in one line: the steps that did something, with their counts. */
function summary(report: MaintenanceReport): string {
  const done = report.steps.flatMap(({ step, counts }) => {
    const nonZero = Object.entries(counts).filter(([, count]) => count > 0);
    return nonZero.length ? [`${step}: ${nonZero.map(([what, count]) => `${what} ${count}`).join(', ')}`] : [];
  });
  return `maintain() at ${report.at}: ${done.length ? done.join('; ') : 'nothing to do'}.`;
}

export interface ServerHooks {
  /** Shows what the hooks heard since the last look. */
  refresh(): Promise<void>;
  /** Empties the list (the server forgot its entries: a reset). */
  clear(): void;
}

export function setUpServerHooks(group: HTMLElement, afterMaintain: () => void): ServerHooks {
  const log = group.querySelector<HTMLOListElement>('#hook-log')!;
  const status = group.querySelector<HTMLElement>('#maintain-status')!;
  let seen = 0;
  /** One look at a time: two at once would show an entry twice. */
  let looking: Promise<void> = Promise.resolve();

  const refresh = () =>
    (looking = looking.then(async () => {
      const answer = await fetch(`/api/demo/hooks?after=${seen}`).catch(() => undefined);
      if (!answer?.ok) return;
      const { entries } = (await answer.json()) as { entries: HookEntry[] };
      for (const entry of entries) {
        const { label, text } = describe(entry);
        const item = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = label;
        item.append(code, ` ${text}`);
        log.prepend(item);
        seen = Math.max(seen, entry.seq);
      }
      while (log.children.length > SHOWN) log.lastElementChild!.remove();
    }));

  group.querySelector('#run-maintain')!.addEventListener('click', async () => {
    status.textContent = 'Running service.maintain()…';
    const answer = await fetch('/api/demo/maintain', { method: 'POST' }).catch(() => undefined);
    status.textContent = answer?.ok ? summary((await answer.json()) as MaintenanceReport) : 'maintain() failed: see the dev server’s log.';
    afterMaintain();
    await refresh();
  });

  return {
    refresh,
    clear: () => log.replaceChildren(),
  };
}
