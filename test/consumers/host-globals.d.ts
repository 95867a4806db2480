// What the docs' snippets call that belongs to the host app (a CSRF token, a toast…),
// declared for the type-checkers. Pages that run define them in `host-globals.js`.
declare const csrfToken: string;
declare function readCsrfToken(): string;
declare function readCookie(name: string): string;
declare function notify(message: string): void;
declare function toast(message: string): void;
