// The host app's helpers the docs' snippets call, for pages that run: messages go to
// #status, where the checks read them; the CSRF token is what the mock API expects.
const status = () => document.querySelector('#status');
globalThis.csrfToken = 'csrf-from-host';
globalThis.readCsrfToken = () => 'csrf-from-host';
globalThis.readCookie = () => 'csrf-from-host';
globalThis.notify = (message) => (status().textContent = message);
globalThis.toast = (message) => (status().textContent = message);
