/**
 * Opens a `<dialog>` as a modal, or closes it with a `returnValue`. Where `showModal()` or
 * `close()` is missing (jsdom, where hosts run their unit tests) the dialog still opens and
 * closes, without a top layer or a focus trap: `[autofocus]` gets focus, and closing fires
 * `close` a task later, as browsers do.
 */
export function setModalOpen(dialog: HTMLDialogElement, open: boolean, returnValue?: string): void {
  if (open === dialog.hasAttribute('open')) return;
  if (open) {
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else {
      dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
    }
    return;
  }
  // Set first: a test's stand-in `close()` may ignore its argument.
  if (returnValue !== undefined) dialog.returnValue = returnValue;
  if (typeof dialog.close === 'function') return dialog.close(returnValue);
  dialog.removeAttribute('open');
  setTimeout(() => dialog.dispatchEvent(new Event('close')));
}
