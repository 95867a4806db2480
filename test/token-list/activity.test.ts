/**
 * A token's detail view: opened from its row, a modal dialog with focus on Close and back on the
 * row's button; the last use with where it came from, the recent callers and what happened,
 * newest first, page by page; a server without activity, a failure with Retry, an adapter
 * without `activity` (no button); server text bound as text.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { ActivityEvent } from '../../src/api/schemas.js';
import type { TokenClient } from '../../src/api/token-client.js';
import { setClock } from '../../src/internal/clock.js';
import { DATE_TIME_ZONE } from '../../src/internal/locale.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { $, $$, at, exists, expectFocusOn, NOW, renderList, row, sampleTokens, text, waitForFocusOn } from '../support/list-harness.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

/** The row's name: the button that opens the token's activity. */
const activityButton = (el: PatTokenList, id: string) => row(el, id).querySelector<HTMLButtonElement>('button[data-action=activity]');
const dialog = (el: PatTokenList) => $<HTMLDialogElement>(el, 'dialog[part~=activity-dialog]');
const status = (el: PatTokenList) => text($(el, 'dialog[part~=activity-dialog] [role=status]'));
const events = (el: PatTokenList) => $$(el, '[part~=activity-events] li').map(text);

async function open(el: PatTokenList, id: string): Promise<HTMLDialogElement> {
  const button = activityButton(el, id)!;
  button.focus();
  button.click();
  await waitUntil(
    () => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~=activity-dialog]')?.open,
    'the detail view did not open',
  );
  return dialog(el);
}

/** Waits until the view says it is no longer loading. */
const loaded = (el: PatTokenList) => waitUntil(() => !/Loading/.test(status(el)), 'the activity did not load');

function event(fields: Partial<ActivityEvent> & Pick<ActivityEvent, 'type' | 'at'>): ActivityEvent {
  return { id: `evt_${fields.type}_${fields.at}`, tokenId: 'tok_ci', tokenName: 'CI deploy', ...fields };
}

describe('<pat-token-list> a token’s detail view (activity)', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('opens from the row as a modal with focus on Close: last use and where from, the recent callers, what happened', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), now: () => NOW });
    backend.useToken('tok_ci', { ip: '198.51.100.4', userAgent: 'Firefox/140.0' }, new Date(at(-1)));
    backend.useToken('tok_ci', { ip: '203.0.113.7', userAgent: 'curl/8.5' }, new Date(at(0, -2)));
    const el = await renderList();

    const button = activityButton(el, 'tok_ci')!;
    expect(button.matches('[part~=name-button]')).to.equal(true);
    expect(text(button)).to.equal('CI deploy', 'the name is the button: nothing added to the row');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    const hint = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(text(hint), 'what it does, as its description').to.equal('Activity: where it was used from and what happened to it');
    expect(hint.hidden).to.equal(true);
    const view = await open(el, 'tok_ci');
    expect(view.matches(':modal')).to.equal(true);
    expectFocusOn(el, $(el, 'button[part~=activity-close-button]'), 'Close has initial focus');
    await loaded(el);

    expect(text(view.querySelector('h2')!)).to.equal('Activity of “CI deploy”');
    expect(text(view.querySelector('.activity-summary')!)).to.equal('Last used 2 hours ago from 203.0.113.7, curl/8.5');
    expect($$(el, '[part~=activity-callers] li').map(text)).to.deep.equal([
      '203.0.113.7, curl/8.5 2 hours ago',
      '198.51.100.4, Firefox/140.0 yesterday',
    ]);
    expect(events(el)).to.deep.equal([
      `${dateTimeOf(at(0, -2))} Used from a new address From 203.0.113.7, curl/8.5`,
      `${dateTimeOf(at(-1))} Used from a new address From 198.51.100.4, Firefox/140.0`,
    ]);
    expect(status(el)).to.equal('2 events');
    expect(view.getAttribute('aria-labelledby')).to.equal('activity-heading');
    await expect(el).to.be.accessible();
  });

  it('closes on Close and on Escape, with focus back on the row’s button, the request in flight aborted', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), now: () => NOW });
    const el = await renderList();
    backend.failNext('timeout', { operation: 'activity' });
    // The fetches the page makes, with their signals; the real fetch still runs.
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/activity') && init?.signal) signals.push(init.signal);
      return original(input, init);
    };
    let view = await open(el, 'tok_tf');
    expect(status(el)).to.equal('Loading activity…');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !view.open, 'Escape did not close it');
    await waitForFocusOn(el, () => activityButton(el, 'tok_tf'), 'focus returns to the row’s name');
    window.fetch = original;
    expect(signals.length).to.equal(1);
    expect(signals[0]!.aborted, 'the request left waiting was aborted').to.equal(true);

    view = await open(el, 'tok_tf');
    await loaded(el);
    expect(status(el)).to.equal('Nothing recorded yet.', 'a fresh load, not the one left waiting');
    $<HTMLButtonElement>(el, 'button[part~=activity-close-button]').click();
    await waitUntil(() => !view.open, 'Close did not close it');
    await waitForFocusOn(el, () => activityButton(el, 'tok_tf'), 'focus returns to the row’s name');
    expect(backend.requests.filter((r) => r.operation === 'activity')).to.have.length(2);
  });

  it('pages back with “Show older”: the cursor it was given, focus on the first older event, no button at the end', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), now: () => NOW, activityPageSize: 2 });
    for (let n = 1; n <= 3; n += 1) backend.useToken('tok_ci', { ip: `192.0.2.${n}` }, new Date(at(-n)));
    const el = await renderList();
    await open(el, 'tok_ci');
    await loaded(el);
    expect(events(el).map((line) => line.split('From ')[1])).to.deep.equal(['192.0.2.1', '192.0.2.2']);

    const more = $<HTMLButtonElement>(el, 'button[part~=activity-more-button]');
    more.focus();
    more.click();
    await waitUntil(() => events(el).length === 3, 'the older page did not arrive');
    await waitForFocusOn(el, () => $$(el, '[part~=activity-events] li')[2] ?? null, 'focus moves to the first older event');
    expect(events(el)[2]).to.contain('From 192.0.2.3');
    expect(exists(el.shadowRoot!, 'button[part~=activity-more-button]'), 'no more pages').to.equal(false);
    expect(status(el)).to.equal('3 events');
    const [, second] = backend.requests.filter((r) => r.operation === 'activity');
    expect(new URL(second!.url).searchParams.get('cursor')).to.be.a('string').and.not.be.empty;
  });

  it('on a phone, a long trail scrolls between the heading and Close, which stay in view', async () => {
    await setViewport({ width: 390, height: 640 });
    try {
      const backend = await useMockBackend({ seed: sampleTokens(), now: () => NOW });
      for (let n = 1; n <= 25; n += 1)
        backend.useToken('tok_ci', { ip: `192.0.2.${n}`, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' }, new Date(at(-n)));
      const el = await renderList();
      const view = await open(el, 'tok_ci');
      await loaded(el);
      const body = view.querySelector<HTMLElement>('.activity-body')!;
      expect(body.scrollHeight, 'the trail is longer than the screen').to.be.above(body.clientHeight);
      const shown = view.getBoundingClientRect();
      expect(shown.bottom, 'the view fits the screen').to.be.at.most(window.innerHeight);
      for (const [what, node] of [
        ['the heading', view.querySelector('h2')!],
        ['Close', $(el, 'button[part~=activity-close-button]')],
      ] as const) {
        const box = node.getBoundingClientRect();
        expect(box.top >= shown.top && box.bottom <= shown.bottom, `${what} is in view`).to.equal(true);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a server without activity (404): says so, and tells no error', async () => {
    await useMockBackend({ seed: sampleTokens(), activity: false });
    const el = await renderList();
    let errors = 0;
    el.addEventListener('pat-error', () => (errors += 1));
    await open(el, 'tok_ci');
    await loaded(el);
    expect(status(el)).to.equal('This server keeps no activity for tokens.');
    expect(errors).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a failure: an alert with the reason and Retry, and pat-error with operation "activity"', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), now: () => NOW });
    const el = await renderList();
    backend.failNext('server-error', { operation: 'activity' });
    const reported = oneEvent(el, 'pat-error');
    await open(el, 'tok_ci');
    const { detail } = await reported;
    expect(detail.operation).to.equal('activity');
    await waitUntil(() => exists(el.shadowRoot!, '[part~=activity-error]'), 'no failure shown');
    expect(text($(el, '[part~=activity-error] [role=alert]'))).to.equal(
      "Couldn't load the activity. Something went wrong on our side. Please try again.",
    );
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~=activity-error] button').click();
    await waitUntil(() => !exists(el.shadowRoot!, '[part~=activity-error]'), 'Retry did not load again');
    await loaded(el);
    expect(status(el)).to.equal('Nothing recorded yet.');
  });

  it('words every kind of event; one it does not know is shown as named; server text stays text', async () => {
    await useMockBackend({ seed: sampleTokens(), now: () => NOW });
    const payload = XSS_PAYLOADS[0]!;
    const page = {
      events: [
        event({ type: 'expiry-reminder', at: at(-1), actor: 'system', expiresAt: at(25) }),
        event({ type: 'revoked', at: at(-2), reason: 'leaked', url: 'https://gist.example/x', actor: 'system' }),
        event({ type: 'revoked', at: at(-3), reason: 'admin' }),
        event({ type: 'revoked', at: at(-4), reason: 'account' }),
        event({ type: 'revoked', at: at(-5) }),
        event({ type: 'quarantined', at: at(-6) }),
        event({ type: 'new-caller', at: at(-7), ip: '203.0.113.7', userAgent: payload, actor: 'token' }),
        event({ type: 'regenerated', at: at(-8), tokenId: 'tok_ci', relatedTokenId: 'tok_next' }),
        event({ type: 'regenerated', at: at(-9), tokenId: 'tok_before', relatedTokenId: 'tok_ci' }),
        event({ type: 'expired', at: at(-10) }),
        event({ type: 'deleted', at: at(-11), ip: '198.51.100.4' }),
        event({ type: 'created', at: at(-12), userAgent: 'Safari/605.1' }),
      ],
      next: null,
      callers: [],
    };
    await useHandlers(http.get('/api/tokens/:id/activity', () => HttpResponse.json(page)));
    const el = await renderList();
    await open(el, 'tok_ci');
    await loaded(el);
    expect(events(el).map((line) => line.replace(/^.*?(AM|PM) \S+ /, ''))).to.deep.equal([
      'Reminder sent: it expires on Apr 4, 2026',
      'Revoked: its secret was found in public Found at https://gist.example/x',
      'Revoked by an administrator',
      'Revoked with all of your tokens',
      'Revoked',
      'quarantined',
      `Used from a new address From 203.0.113.7, ${payload}`,
      'Regenerated: a new token replaced it',
      'Created by regenerating an earlier token',
      'Expired',
      'Deleted From 198.51.100.4',
      'Created From Safari/605.1',
    ]);
    expect(exists(dialog(el), 'img, script, a'), 'nothing the server sent became markup').to.equal(false);
    expect(text($(el, '.activity-summary')), 'no caller kept: the last use alone').to.equal('Last used 2 hours ago');
  });

  it('no button, no view: for an adapter without activity, and with no-activity (the name is plain text)', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const rest = new RestTokenClient({ endpoint: '/api/tokens' });
    const adapter: TokenClient = { list: (s) => rest.list(s), create: (r, s) => rest.create(r, s), revoke: (id, s) => rest.revoke(id, s) };
    const el = await renderList(html`<pat-token-list .client=${adapter}></pat-token-list>`);
    expect(activityButton(el, 'tok_ci')).to.equal(null);
    expect(text(row(el, 'tok_ci').querySelector('[part~=name]')!)).to.equal('CI deploy');
    expect(exists(el.shadowRoot!, '#activity-hint')).to.equal(false);
    const optedOut = await renderList(html`<pat-token-list endpoint="/api/tokens" no-activity></pat-token-list>`);
    expect(activityButton(optedOut, 'tok_ci')).to.equal(null);
    optedOut.noActivity = false;
    await optedOut.updateComplete;
    expect(activityButton(optedOut, 'tok_ci')).not.to.equal(null);
  });
});

/** An event's moment as the view shows it: to the minute, with its time zone. */
function dateTimeOf(iso: string): string {
  return new Intl.DateTimeFormat('en', DATE_TIME_ZONE).format(new Date(iso)).replace(/\s+/g, ' ');
}
