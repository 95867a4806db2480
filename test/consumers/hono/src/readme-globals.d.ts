// What the README's Hono example takes from its quick start.
declare const tokens: import('pat-elements/server').TokenService;
