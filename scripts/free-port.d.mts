// Types of free-port.mjs, for the TypeScript tests that need a port nothing listens on.
export function freePort(): Promise<number>;
