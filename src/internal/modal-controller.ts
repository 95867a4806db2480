/**
 * A native modal `<dialog>` kept in step with its element: shown with `showModal()` (focus trapped,
 * the top layer, Escape) and closed again, focus returned to what had it before (the opener), the
 * element's rules applied to every way the user can close it, and one callback however it closed.
 * The generate dialog and the list's delete confirmation both use it.
 *
 * Where the platform has no `showModal()` (jsdom, the default environment of hosts' unit tests),
 * the `open` attribute stands in, and this controller does what the browser would: focus the
 * `[autofocus]` control, close on Escape. A `method="dialog"` form is handled here in every
 * environment (the submitting button's `value` is the return value), so nothing relies on the
 * platform submitting it.
 */
export interface ModalOptions {
  /** The `<dialog>`, once rendered. */
  dialog: () => HTMLDialogElement | null;
  /**
   * The user asked to close it (Escape, the corner's close button, a close request from the
   * platform): return false to keep it open, after saying why. Unset: it may always close.
   */
  closeRequested?: () => boolean;
  /**
   * It closed, however it was closed; focus is back on the opener if that is still on the page.
   * `returnValue`: the `value` of the button that submitted its `method="dialog"` form, else `''`.
   */
  closed?: (returnValue: string) => void;
}

/** The focused element, looking into shadow roots: where focus returns when the dialog closes. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

export class ModalController {
  readonly #options: ModalOptions;
  #open = false;
  #opener: HTMLElement | undefined;
  /** The `<dialog>` whose events are handled here (once per element). */
  #wired: HTMLDialogElement | undefined;

  constructor(options: ModalOptions) {
    this.#options = options;
  }

  /** Whether it is showing (as this controller opened it). */
  get isOpen(): boolean {
    return this.#open;
  }

  /** Whether a close the user asked for may happen now (see `closeRequested`). */
  mayClose(): boolean {
    return this.#options.closeRequested?.() ?? true;
  }

  /** Shows the dialog as a modal, remembering the opener. Nothing while it is showing or not on the page. */
  show(): void {
    const dialog = this.#options.dialog();
    if (this.#open || !dialog?.isConnected) return;
    if (this.#wired !== dialog) this.#wire(dialog);
    this.#open = true;
    this.#opener = deepActiveElement();
    this.#display(dialog);
  }

  /** Closes it, returns focus to the opener and calls `closed`. Nothing when it is not showing. */
  close(returnValue = ''): void {
    if (!this.#open) return;
    this.#open = false;
    const dialog = this.#options.dialog();
    if (dialog?.open) {
      if (dialog.close) dialog.close(returnValue);
      else dialog.removeAttribute('open');
    }
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    this.#options.closed?.(returnValue);
  }

  #display(dialog: HTMLDialogElement): void {
    if (dialog.showModal) {
      dialog.showModal();
      return;
    }
    dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
  }

  #wire(dialog: HTMLDialogElement): void {
    this.#wired = dialog;
    const native = !!dialog.showModal;
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.#open) return;
      // Cancelling the keydown stops the close request before it starts; Chromium ignores a
      // cancelled `cancel` event when Escape is pressed twice without other input in between.
      if (!this.mayClose()) event.preventDefault();
      else if (!native) this.close();
    });
    dialog.addEventListener('cancel', (event) => {
      if (!this.mayClose()) event.preventDefault();
    });
    dialog.addEventListener('close', () => {
      // `close` comes a task after closing: by then the dialog may be showing again, or closed by us.
      if (!this.#open || dialog.open) return;
      // A close request that could not be cancelled (e.g. a system back gesture): show it again.
      if (!this.mayClose()) this.#display(dialog);
      else this.close();
    });
    dialog.addEventListener('submit', (event) => {
      const form = event.target as HTMLFormElement;
      if (form.getAttribute('method') !== 'dialog') return;
      event.preventDefault();
      this.close((event as SubmitEvent).submitter?.getAttribute('value') ?? '');
    });
  }
}
