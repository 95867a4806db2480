// The generate dialog's form as a model, in Node (no Lit, no DOM): its policy, its checks, the
// request it builds and where the server's field errors go. The element's tests cover how it looks.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError } from '../../src/api/errors.js';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import { scopeCatalogue } from '../../src/internal/scope-catalogue.js';
import { DEFAULT_GRACE_PERIODS, DEFAULT_PRESETS } from '../../src/generate-dialog/expiration.js';
import { GenerateForm, type FormPolicy } from '../../src/generate-dialog/generate-form.js';

/** Local noon, so calendar days do not depend on the time zone the tests run in. */
const NOW = new Date(2026, 2, 10, 12);
const DAY = 86_400_000;

function policy(overrides: Partial<FormPolicy> = {}): FormPolicy {
  return {
    presets: DEFAULT_PRESETS,
    allowNoExpiration: false,
    maxLifetimeDays: undefined,
    maxNameLength: 100,
    maxDescriptionLength: 500,
    gracePeriods: DEFAULT_GRACE_PERIODS,
    ...overrides,
  };
}

function form(overrides: Partial<FormPolicy> = {}): GenerateForm {
  return new GenerateForm(policy(overrides), () => {});
}

function token(overrides: Partial<Token> = {}): Token {
  return {
    id: 'tok_1',
    name: 'CI deploy',
    partialKey: 'pat_AbCd',
    createdAt: new Date(NOW.getTime() - 10 * DAY).toISOString(),
    expiresAt: new Date(NOW.getTime() + 50 * DAY).toISOString(),
    ...overrides,
  };
}

const catalogue = () =>
  scopeCatalogue(
    [
      { id: 'repo:read', label: 'Read repositories', default: true },
      { id: 'repo:write', label: 'Write repositories' },
      { id: 'user', label: 'Profile', default: true },
    ],
    'en',
    () => assert.fail('a valid catalogue is not reported'),
  );

beforeEach(() => setClock(NOW));
afterEach(() => setClock());

describe('creating', () => {
  test('a name is required; nothing is sent and the name is where focus goes', () => {
    const model = form();
    assert.equal(model.submit(), undefined);
    assert.deepEqual(model.errors, { name: { key: 'dialogNameRequired' } });
    assert.equal(model.firstInvalid, 'name');
  });

  test('sends the trimmed name, leaves out a blank description, and 30 days by default', () => {
    const model = form();
    model.setName('  CI deploy ');
    model.setDescription('   ');
    assert.deepEqual(model.submit(), { operation: 'create', request: { name: 'CI deploy', expiresInDays: 30 } });
    model.setDescription(' Release builds ');
    assert.deepEqual(model.submit(), {
      operation: 'create',
      request: { name: 'CI deploy', description: 'Release builds', expiresInDays: 30 },
    });
  });

  test('limits the name and the description to the lengths set', () => {
    const model = form({ maxNameLength: 5, maxDescriptionLength: 3 });
    model.setName('abcdef');
    model.setDescription('abcd');
    assert.equal(model.submit(), undefined);
    assert.deepEqual(model.errors, {
      name: { key: 'dialogNameTooLong', max: 5, length: 6 },
      description: { key: 'dialogDescriptionTooLong', max: 3, length: 4 },
    });
  });

  test('a length limit that is not a number of at least 1 keeps the contract’s, never turning the check off', () => {
    for (const unusable of [Number.NaN, 0, -3, Number('abc'), undefined as unknown as number]) {
      const model = form({ maxNameLength: unusable, maxDescriptionLength: unusable });
      model.setName('n'.repeat(101));
      model.setDescription('d'.repeat(501));
      assert.equal(model.submit(), undefined, `limit ${unusable}`);
      assert.deepEqual(model.errors, {
        name: { key: 'dialogNameTooLong', max: 100, length: 101 },
        description: { key: 'dialogDescriptionTooLong', max: 500, length: 501 },
      });
    }
  });

  test('checks a field as the user types only once a submit was tried, and clears its error when fixed', () => {
    let changes = 0;
    const model = new GenerateForm(policy(), () => changes++);
    model.setName('');
    assert.deepEqual(model.errors, {}, 'no error before a submit');
    model.submit();
    assert.ok(model.errors.name);
    model.setName('CI');
    assert.deepEqual(model.errors, {});
    assert.equal(changes, 3, 'every change is announced');
  });
});

describe('expiration', () => {
  test('offers the presets within the maximum lifetime, and "never" where the settings in force allow it', () => {
    // The host's maximum rules "never" out before the form (the settings); a server may allow both.
    const model = form({ maxLifetimeDays: 45, allowNoExpiration: true });
    assert.deepEqual(model.presets, [7, 30]);
    assert.equal(model.noExpirationAllowed, true);
    assert.equal(form({ allowNoExpiration: false }).noExpirationAllowed, false);
  });

  test('"never" sends null; a preset the policy dropped falls back to the default', () => {
    const model = form({ allowNoExpiration: true });
    model.setName('CI');
    model.chooseExpiration('never');
    assert.deepEqual(model.submit(), { operation: 'create', request: { name: 'CI', expiresInDays: null } });
    const limited = form({ maxLifetimeDays: 10 });
    limited.chooseExpiration('90');
    assert.equal(limited.expiration, '7');
  });

  test('a custom date starts at the date the previous preset gave and is sent as whole days from today', () => {
    const model = form();
    model.setName('CI');
    model.chooseExpiration('7');
    model.chooseExpiration('custom');
    assert.equal(model.customDate, '2026-03-17');
    model.setCustomDate('2026-04-09');
    assert.deepEqual(model.submit(), { operation: 'create', request: { name: 'CI', expiresInDays: 30 } });
  });

  test('a custom date outside the range is refused on the expiration field, with the range', () => {
    const model = form({ maxLifetimeDays: 30 });
    model.setName('CI');
    model.chooseExpiration('custom');
    model.setCustomDate('2026-05-01');
    assert.equal(model.submit(), undefined);
    assert.deepEqual(model.errors, {
      expiration: { key: 'dialogDateOutOfRange', min: new Date(2026, 2, 11), max: new Date(2026, 3, 9) },
    });
    model.setCustomDate('');
    assert.deepEqual(model.errors, { expiration: { key: 'dialogDateRequired' } });
    const unbounded = form();
    unbounded.setName('CI');
    unbounded.chooseExpiration('custom');
    unbounded.setCustomDate('2026-03-10');
    unbounded.submit();
    assert.deepEqual(unbounded.errors, { expiration: { key: 'dialogDateTooEarly' } });
  });
});

describe('scopes', () => {
  test('starts from the defaults, asks for at least one at once, and sends them in the catalogue’s order', () => {
    const model = form();
    model.catalogue = catalogue();
    model.setName('CI');
    assert.deepEqual(model.fields, ['name', 'description', 'expiration', 'scopes']);
    assert.deepEqual([...model.selectedScopes], ['repo:read', 'user']);
    model.toggleScopes(['repo:read', 'user'], false);
    assert.deepEqual(model.errors, { scopes: { key: 'dialogScopesRequired' } }, 'a choice is checked as soon as it is made');
    model.toggleScopes(['user'], true);
    model.toggleScopes(['repo:write'], true);
    assert.deepEqual(model.errors, {});
    assert.deepEqual(model.submit(), { operation: 'create', request: { name: 'CI', expiresInDays: 30, scopes: ['repo:write', 'user'] } });
  });
});

describe('regenerating', () => {
  test('shows expiration and grace, starts from the old lifetime and a day of grace', () => {
    const model = form({ gracePeriods: [24, 1, 0] });
    model.reset(token());
    assert.deepEqual(model.fields, ['expiration', 'grace']);
    assert.equal(model.expiration, '60', 'a 60-day token starts at 60 days');
    assert.equal(model.grace, 24, 'a day: "immediately" is never the default');
    model.chooseGrace(0);
    assert.deepEqual(model.submit(), { operation: 'rotate', token: model.target, request: { expiresInDays: 60, gracePeriodHours: 0 } });
  });

  test("keeps the token's own lifetime (offered as a preset) within the policy's maximum", () => {
    const lifetime = (days: number) => token({ expiresAt: new Date(NOW.getTime() + (days - 10) * DAY).toISOString() });
    const model = form();
    model.reset(lifetime(98));
    assert.deepEqual(model.presets, [7, 30, 60, 90, 98]);
    assert.equal(model.expiration, '98');
    assert.equal(model.submit()?.request.expiresInDays, 98);

    const limited = form({ maxLifetimeDays: 60 });
    limited.reset(lifetime(98));
    assert.deepEqual(limited.presets, [7, 30, 60]);
    assert.equal(limited.expiration, '60', 'the nearest allowed');
    limited.reset();
    assert.deepEqual(limited.presets, [7, 30, 60], 'the create form offers the presets alone');
  });

  test('starts from the offered grace period nearest a day, and from 0 only when nothing else is offered', () => {
    for (const [offered, expected] of [
      [[0, 1, 24, 168], 24],
      [[0, 1, 168], 1],
      [[0, 48, 168], 48],
      [[0], 0],
    ] as const) {
      const model = form({ gracePeriods: offered });
      model.reset(token());
      assert.equal(model.grace, expected, JSON.stringify(offered));
    }
  });

  test('an expired token has no grace period to offer and is replaced at once', () => {
    const model = form();
    model.reset(token({ expiresAt: new Date(NOW.getTime() - DAY).toISOString() }));
    assert.deepEqual(model.fields, ['expiration']);
    assert.equal(model.targetExpired, true);
    assert.deepEqual(model.submit()?.request, { expiresInDays: 9, gracePeriodHours: 0 }, 'its own 9 days');
  });
});

describe('the server’s answer to a failed submit', () => {
  test('puts field errors on the fields shown, the first message each, and the rest above the form', () => {
    const model = form();
    model.setName('CI');
    model.submit();
    const error = new HttpError({
      status: 422,
      title: 'Invalid',
      fieldErrors: { name: 'Already taken', expiresInDays: 'Too long', gracePeriodHours: 'Not here' },
    });
    model.failed(error);
    assert.deepEqual(model.errors, { name: { server: 'Already taken' }, expiration: { server: 'Too long' } });
    assert.deepEqual(model.failure, { kind: 'error', error, details: ['Not here'] });
    assert.equal(model.firstInvalid, 'name');
    model.setName('CI 2');
    assert.deepEqual(model.errors, { expiration: { server: 'Too long' } }, 'an edit clears the server’s error on that field');
  });

  test('shows nothing above the form when every field error found its field, and the failure when none did', () => {
    const model = form();
    model.failed(new HttpError({ status: 422, fieldErrors: { name: 'Already taken' } }));
    assert.equal(model.failure, undefined);
    const down = new HttpError({ status: 500 });
    model.failed(down);
    assert.deepEqual(model.errors, {});
    assert.deepEqual(model.failure, { kind: 'error', error: down, details: [] });
  });

  test('a regenerate answered 404 leaves the token gone: nothing more is sent', () => {
    const model = form();
    model.reset(token());
    model.failed(new HttpError({ status: 404 }));
    assert.equal(model.gone, true);
    assert.deepEqual(model.failure, { kind: 'gone' });
    assert.equal(model.submit(), undefined);
    const creating = form();
    creating.failed(new HttpError({ status: 404 }));
    assert.equal(creating.gone, false, 'a 404 on create is an ordinary failure');
  });

  test('reset empties the form, its errors and its failure', () => {
    const model = form();
    model.setName('CI');
    model.notConfigured();
    assert.deepEqual(model.failure, { kind: 'not-configured' });
    model.reset();
    assert.equal(model.name, '');
    assert.equal(model.failure, undefined);
    assert.deepEqual(model.errors, {});
  });
});
