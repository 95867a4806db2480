import { expect } from '@open-wc/testing';
import { ContractError, HttpError, NetworkError, TimeoutError } from '../../src/api/errors.js';
import { parseJson, parseListResponse } from '../../src/api/parse.js';
import { defaultErrorStrings, describeError } from '../../src/internal/strings.js';

const rejectionOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('describeError', () => {
  it('keeps the field of a contract error off the screen: it is for the developer', () => {
    const error = rejectionOf(() => parseListResponse({ tokens: [{ id: 'a' }] }));
    expect((error as ContractError).field).to.equal('tokens[0].name');
    expect(describeError(error, defaultErrorStrings)).to.equal(defaultErrorStrings.errorContractShape);
  });

  it('tells an answer that is not JSON from JSON of the wrong overall shape', () => {
    const notJson = rejectionOf(() => parseJson('<html>', 'text/html'));
    const wrongShape = rejectionOf(() => parseListResponse([]));
    expect((wrongShape as ContractError).field).to.equal('');
    expect(describeError(notJson, defaultErrorStrings)).to.equal(defaultErrorStrings.errorContractNoField);
    expect(describeError(wrongShape, defaultErrorStrings)).to.equal(defaultErrorStrings.errorContractShape);
  });

  it("prefers the server's problem detail, then title, then a status sentence", () => {
    expect(describeError(new HttpError({ status: 409, title: 'Conflict', detail: 'Name taken' }), defaultErrorStrings)).to.equal(
      'Name taken',
    );
    expect(describeError(new HttpError({ status: 409, title: 'Conflict' }), defaultErrorStrings)).to.equal('Conflict');
    expect(describeError(new HttpError({ status: 503 }), defaultErrorStrings)).to.equal(
      'The server ran into a problem (HTTP 503). Try again in a moment.',
    );
    expect(describeError(new HttpError({ status: 401 }), defaultErrorStrings)).to.equal(defaultErrorStrings.errorUnauthorized);
  });

  it('uses the host’s strings for network and timeout errors, and a generic sentence for anything else', () => {
    const strings = { ...defaultErrorStrings, errorNetwork: 'Offline', errorTimeout: 'Too slow' };
    expect(describeError(new NetworkError(), strings)).to.equal('Offline');
    expect(describeError(new TimeoutError(50), strings)).to.equal('Too slow');
    expect(describeError(new Error('boom: pat_secret'), strings)).to.equal(defaultErrorStrings.errorUnknown);
  });
});
