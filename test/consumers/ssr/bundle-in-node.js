// `pat-elements/bundle` in Node (a server importing what the page uses): it must not throw,
// and it exports the API and registers the tags, as in the browser.
const bundle = await import('pat-elements/bundle');
const tags = ['pat-token-list', 'pat-generate-dialog', 'pat-token-reveal'];
console.log(
  JSON.stringify({
    exports: ['PatTokenList', 'RestTokenClient', 'TokenSchema'].filter((name) => name in bundle),
    defined: tags.filter((tag) => customElements.get(tag) !== undefined),
  }),
);
