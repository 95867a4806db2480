// What the README's Express example takes from its quick start.
declare const tokens: import('pat-elements/server').TokenService;
