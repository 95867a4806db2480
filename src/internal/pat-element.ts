import { LitElement } from 'lit';
import type { PatEventDetail, PatEventName } from '../events/index.js';

/** The base of every pat element: typed events that bubble out of shadow roots. */
export class PatElement extends LitElement {
  /** Dispatches a `pat-*` event; returns false when a listener called `preventDefault()`. */
  protected emit<K extends PatEventName>(name: K, detail: PatEventDetail<K>, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }
}
