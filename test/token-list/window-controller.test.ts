/**
 * `WindowController` with a fake host: rows of known heights rendered by the test, the page (or a
 * scrolling box) scrolled for real. What the list relies on: the visible rows and an overscan are
 * rendered, spacers stand for the rest at measured or estimated heights, kept rows are rendered
 * wherever they are, and nothing listens while no window is laid out.
 */
import { expect } from '@open-wc/testing';
import { html, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { GAP_ATTRIBUTE, WindowController, type WindowSlot } from '../../src/token-list/window-controller.js';

class FakeHost extends HTMLElement implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
}
customElements.define('fake-window-host', FakeHost);

const OVERSCAN = 2;

interface Fixture {
  host: FakeHost;
  container: HTMLElement;
  controller: WindowController;
  /** Renders `heights.length` rows the way a host would, then runs the controller's `hostUpdated`. */
  update(keep?: number[]): WindowSlot[];
  renderedIndices(): number[];
  remove(): void;
}

/** A host with `heights[i]` px rows, placed `top` px down the page, optionally inside a scrolling box. */
function setUp(heights: number[], { top = 0, box }: { top?: number; box?: number } = {}): Fixture {
  const scroller = document.createElement('div');
  if (box) Object.assign(scroller.style, { height: `${box}px`, overflowY: 'auto' });
  const host = document.createElement('fake-window-host') as FakeHost;
  host.style.display = 'block';
  host.style.marginTop = `${top}px`;
  const container = document.createElement('div');
  host.append(container);
  scroller.append(host);
  document.body.append(scroller);
  const keys = heights.map((_, i) => `row-${i}`);
  const controller = new WindowController(host, {
    container: () => container,
    keyAttribute: 'data-key',
    overscan: OVERSCAN,
    estimatedHeight: 50,
  });
  const update = (keep: number[] = []) => {
    const slots = controller.layout(keys, keep);
    render(
      html`${slots.map((slot) =>
        'index' in slot
          ? html`<div data-key=${keys[slot.index]!} style="height: ${heights[slot.index]}px"></div>`
          : html`<div data-gap=${`${slot.gap[0]}-${slot.gap[1]}`}></div>`,
      )}`,
      container,
    );
    controller.hostUpdated();
    return slots;
  };
  return {
    host,
    container,
    controller,
    update,
    renderedIndices: () => [...container.querySelectorAll<HTMLElement>('[data-key]')].map((row) => Number(row.dataset.key!.slice(4))),
    remove() {
      controller.hostDisconnected();
      scroller.remove();
    },
  };
}

/** Renders until the controller stops asking for updates, as Lit would. */
function settle(fixture: Fixture, keep: number[] = []): void {
  for (let i = 0; i < 10; i++) {
    const before = fixture.host.updates;
    fixture.update(keep);
    if (fixture.host.updates === before) return;
  }
  throw new Error('the controller kept asking for updates');
}

const viewportRows = (rowHeight: number) => Math.ceil(window.innerHeight / rowHeight);
/** Before its first measurement the controller assumes a tall viewport: a few rows more at first. */
const mostRows = (rowHeight: number, visible = window.innerHeight) => Math.ceil(Math.max(visible, 900) / rowHeight) + OVERSCAN + 1;

describe('WindowController', () => {
  let fixture: Fixture | undefined;
  afterEach(() => {
    fixture?.remove();
    fixture = undefined;
    window.scrollTo(0, 0);
  });

  it('renders the rows in the viewport and an overscan; spacers make up the rest of the height', () => {
    fixture = setUp(Array(1000).fill(40));
    settle(fixture);

    const rendered = fixture.renderedIndices();
    expect(rendered[0]).to.equal(0);
    expect(rendered.length).to.be.within(viewportRows(40), mostRows(40));
    expect(fixture.container.getBoundingClientRect().height, 'as tall as all 1,000 rows').to.be.closeTo(40_000, 1);
    expect(fixture.controller.estimatedHeight).to.equal(40);
    expect(fixture.controller.active).to.be.true;
  });

  it('follows the page scroll: the rows now visible are rendered, with spacers before and after', () => {
    fixture = setUp(Array(1000).fill(40));
    settle(fixture);
    const updates = fixture.host.updates;
    const containerTop = fixture.container.getBoundingClientRect().top + window.scrollY;

    window.scrollTo(0, 20_000);
    window.dispatchEvent(new Event('scroll'));
    expect(fixture.host.updates, 'a scroll past the window asks for an update').to.be.above(updates);
    settle(fixture);

    const firstVisible = Math.floor((20_000 - containerTop) / 40);
    const rendered = fixture.renderedIndices();
    expect(rendered[0]).to.equal(firstVisible - OVERSCAN);
    expect(rendered.at(-1)).to.be.at.least(firstVisible + viewportRows(40) - 1);
    const row = fixture.container.querySelector<HTMLElement>(`[data-key="row-${firstVisible}"]`)!;
    expect(row.getBoundingClientRect().top, 'the row is where rows of 40 px put it').to.be.closeTo(
      containerTop + firstVisible * 40 - 20_000,
      1,
    );
    expect(fixture.container.querySelectorAll(`[${GAP_ATTRIBUTE}]`)).to.have.length(2);
  });

  it('does not re-render for a scroll that stays inside the rendered rows', () => {
    fixture = setUp(Array(1000).fill(40));
    settle(fixture);
    const updates = fixture.host.updates;
    window.scrollTo(0, 30);
    window.dispatchEvent(new Event('scroll'));
    expect(fixture.host.updates).to.equal(updates);
  });

  it('measures rows of different heights: offsets are exact for measured rows, estimated (their average) for the rest', () => {
    const heights = Array.from({ length: 500 }, (_, i) => (i % 2 ? 30 : 90));
    fixture = setUp(heights);
    settle(fixture);

    const measured = fixture.renderedIndices();
    const average = measured.reduce((sum, i) => sum + heights[i]!, 0) / measured.length;
    expect(fixture.controller.estimatedHeight).to.be.closeTo(average, 0.01);
    const expected = measured.reduce((sum, i) => sum + heights[i]!, 0) + (500 - measured.length) * average;
    expect(fixture.container.getBoundingClientRect().height).to.be.closeTo(expected, 1);
    expect(fixture.controller.heightOf(0, 4)).to.equal(90 + 30 + 90 + 30);
  });

  it('keeps rows rendered wherever the window is, with spacers between', () => {
    fixture = setUp(Array(1000).fill(40));
    settle(fixture, [700, 701]);
    const rendered = fixture.renderedIndices();
    expect(rendered).to.include.members([0, 700, 701]);
    expect(rendered).not.to.include(699);
    const kept = fixture.container.querySelector<HTMLElement>('[data-key="row-700"]')!;
    expect(kept.getBoundingClientRect().top - fixture.container.getBoundingClientRect().top).to.be.closeTo(700 * 40, 1);
  });

  it('renders the first rows of a list below the fold, and the last ones of a list scrolled past', () => {
    fixture = setUp(Array(300).fill(40), { top: 3000 });
    settle(fixture);
    expect(fixture.renderedIndices()[0]).to.equal(0);

    window.scrollTo(0, 3000 + 300 * 40 + 500);
    window.dispatchEvent(new Event('scroll'));
    settle(fixture);
    expect(fixture.renderedIndices()).to.include(299);
  });

  it('windows against a scrolling ancestor, clipped to its box', () => {
    fixture = setUp(Array(1000).fill(40), { box: 400 });
    settle(fixture);
    expect(fixture.renderedIndices().length).to.be.within(10, mostRows(40, 400));

    const box = fixture.host.parentElement!;
    box.scrollTop = 8000;
    box.dispatchEvent(new Event('scroll'));
    settle(fixture);
    expect(fixture.renderedIndices()).to.include.members([200, 209]);
  });

  it('forgets its measurements on invalidate(), and asks for an update to measure again', () => {
    fixture = setUp(Array(400).fill(40));
    settle(fixture);
    const updates = fixture.host.updates;
    fixture.controller.invalidate();
    expect(fixture.host.updates).to.equal(updates + 1);
    expect(fixture.controller.estimatedHeight, 'back to the first guess').to.equal(50);
    settle(fixture);
    expect(fixture.controller.estimatedHeight).to.equal(40);
  });

  it('listens to nothing once an update lays out no window, or the host leaves', () => {
    fixture = setUp(Array(1000).fill(40));
    settle(fixture);
    expect(fixture.controller.active).to.be.true;

    render(html``, fixture.container);
    fixture.controller.hostUpdated(); // an update that did not call layout()
    expect(fixture.controller.active).to.be.false;
    const updates = fixture.host.updates;
    window.scrollTo(0, 20_000);
    window.dispatchEvent(new Event('scroll'));
    expect(fixture.host.updates, 'scrolls are not heard').to.equal(updates);

    settle(fixture);
    expect(fixture.controller.active).to.be.true;
    fixture.controller.hostDisconnected();
    expect(fixture.controller.active).to.be.false;
  });
});
