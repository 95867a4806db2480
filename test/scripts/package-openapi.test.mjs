// The shipped OpenAPI document: valid OpenAPI 3.1, and its schemas agree with the zod schemas the
// client validates with (src/api/schemas.ts), so the two cannot drift: required fields, types,
// nullability, formats and bounds are compared after both are brought to one canonical form.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { Validator } from '@seriousme/openapi-schema-validator';

const root = new URL('../..', import.meta.url).pathname;
const DOCUMENT = join(root, 'openapi/pat-elements.openapi.json');
const COLLECTION = '/api/tokens';

let doc;
let zod; // the module src/api/schemas.ts, plus the same zod copy's toJSONSchema

before(async () => {
  doc = JSON.parse(readFileSync(DOCUMENT, 'utf8'));
  // Node cannot import the TypeScript source; bundle it (zod inside, so toJSONSchema is its own).
  const result = await esbuild.build({
    stdin: {
      contents: "export * from './src/api/schemas.ts';\nexport { toJSONSchema } from 'zod/mini';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  zod = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
});

/** `#/components/schemas/Token` → the schema it points to in `root`. */
function resolver(rootDoc) {
  return (ref) => {
    assert.match(ref, /^#\//, `only local references: ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .reduce((node, key) => node?.[key], rootDoc);
    assert.ok(target, `${ref} does not resolve`);
    return target;
  };
}

/**
 * The meaning of a JSON Schema, independent of how it is spelled: `type: ['string', 'null']` and
 * `anyOf: [{ type: 'string' }, { type: 'null' }]` are the same; an integer's `exclusiveMinimum: 0`
 * is `minimum: 1`; zod's implicit safe-integer bounds and date-time regex (the `format` says it)
 * are left out. References are followed.
 */
export function canonical(schema, resolve) {
  if (schema.$ref) return canonical(resolve(schema.$ref), resolve);
  const types = new Set(schema.type === undefined ? [] : [schema.type].flat());
  let anyOf;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    // `X | null` is X with the null type; other unions stay a (sorted) list of alternatives.
    const rest = [];
    for (const alternative of alternatives.map((a) => canonical(a, resolve))) {
      const isNull = alternative.types.length === 1 && alternative.types[0] === 'null' && Object.keys(alternative).length === 1;
      if (isNull) types.add('null');
      else rest.push(alternative);
    }
    if (rest.length === 1) return { ...rest[0], types: [...new Set([...rest[0].types, ...types])].sort() };
    anyOf = rest.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  const out = { types: [...types].sort() };
  if (anyOf) out.anyOf = anyOf;
  for (const key of ['format', 'minLength', 'maxLength', 'maximum', 'minItems', 'maxItems', 'enum', 'const']) {
    if (schema[key] !== undefined) out[key] = schema[key];
  }
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.exclusiveMinimum !== undefined) {
    if (types.has('integer')) out.minimum = schema.exclusiveMinimum + 1;
    else out.exclusiveMinimum = schema.exclusiveMinimum;
  }
  if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
  if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, property]) => [name, canonical(property, resolve)]),
    );
    out.required = [...(schema.required ?? [])].sort();
  }
  if (schema.items) out.items = canonical(schema.items, resolve);
  if (schema.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof schema.additionalProperties === 'boolean' ? schema.additionalProperties : canonical(schema.additionalProperties, resolve);
  }
  return out;
}

const componentNames = () => Object.keys(doc.components.schemas).sort();
const zodSchemaNames = () =>
  Object.keys(zod)
    .filter((name) => /^[A-Z]\w*Schema$/.test(name))
    .map((name) => name.slice(0, -'Schema'.length))
    .sort();

function compareComponent(name, document = doc) {
  const fromDocument = canonical(document.components.schemas[name], resolver(document));
  const fromZod = canonical(zod.toJSONSchema(zod[`${name}Schema`], { io: 'input' }), resolver({}));
  return { fromDocument, fromZod };
}

test('the document is valid OpenAPI 3.1 (checked against the official schema)', async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.equal(validator.version, '3.1');
});

test('every zod schema of the contract has a component of the same name, and no component is extra', () => {
  assert.deepEqual(componentNames(), zodSchemaNames());
});

test('each component agrees with its zod schema: required fields, types, nullability, formats, bounds', () => {
  for (const name of componentNames()) {
    const { fromDocument, fromZod } = compareComponent(name);
    assert.deepEqual(fromDocument, fromZod, `components.schemas.${name} differs from ${name}Schema in src/api/schemas.ts`);
  }
});

test('the comparison catches drift: nullability, a required field, a format, a type, a bound, a list length', () => {
  const drifts = [
    (d) => (d.components.schemas.Token.properties.expiresAt.type = 'string'),
    (d) => d.components.schemas.Token.required.splice(d.components.schemas.Token.required.indexOf('partialKey'), 1),
    (d) => delete d.components.schemas.Token.properties.createdAt.format,
    (d) => (d.components.schemas.Problem.properties.status.type = 'string'),
    (d) => (d.components.schemas.CreateTokenRequest.properties.expiresInDays.minimum = 0),
    (d) => (d.components.schemas.Token.properties.scopes = { type: 'array', items: { type: 'string' } }),
    (d) => delete d.components.schemas.CreateTokenRequest.properties.scopes.minItems,
    (d) => (d.components.schemas.CreateTokenRequest.properties.name.maxLength = 200),
    (d) => (d.components.schemas.RotateTokenRequest.properties.gracePeriodHours.maximum = 720),
    (d) => (d.components.schemas.RotateTokenRequest.properties.gracePeriodHours.type = 'number'),
    (d) => d.components.schemas.RotateTokenRequest.required.push('gracePeriodHours'),
    (d) => (d.components.schemas.RotateTokenResponse.properties.previous = { $ref: '#/components/schemas/Token' }),
    (d) =>
      d.components.schemas.RotateTokenResponse.required.splice(d.components.schemas.RotateTokenResponse.required.indexOf('previous'), 1),
    (d) => (d.components.schemas.ActivityPage.properties.next.type = 'string'),
    (d) => d.components.schemas.ActivityEvent.required.splice(d.components.schemas.ActivityEvent.required.indexOf('tokenId'), 1),
    (d) => delete d.components.schemas.ActivityEvent.properties.at.format,
    (d) => (d.components.schemas.RecentCaller.properties.ip.type = 'string'),
  ];
  for (const drift of drifts) {
    const drifted = structuredClone(doc);
    drift(drifted);
    const differs = componentNames().some((name) => {
      const { fromDocument, fromZod } = compareComponent(name, drifted);
      return JSON.stringify(fromDocument) !== JSON.stringify(fromZod);
    });
    assert.ok(differs, `not caught: ${drift}`);
  }
});

const schemaRef = (name) => ({ $ref: `#/components/schemas/${name}` });
const problemJson = (response) => {
  const resolved = response.$ref ? resolver(doc)(response.$ref) : response;
  return resolved.content?.['application/problem+json']?.schema;
};

const idParameter = (operation) => {
  const [id, ...others] = operation.parameters;
  assert.equal(others.length, 0);
  return { name: id.name, in: id.in, required: id.required, schema: id.schema };
};

test("GET and POST on the collection, DELETE on an item and POST on its rotate path, with the contract's bodies", () => {
  const collection = doc.paths[COLLECTION];
  const item = doc.paths[`${COLLECTION}/{id}`];
  const rotate = doc.paths[`${COLLECTION}/{id}/rotate`];
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    COLLECTION,
    `${COLLECTION}/activity`,
    `${COLLECTION}/secret-scanning`,
    `${COLLECTION}/{id}`,
    `${COLLECTION}/{id}/activity`,
    `${COLLECTION}/{id}/rotate`,
  ]);
  assert.deepEqual(Object.keys(collection).sort(), ['get', 'post']);
  assert.deepEqual(Object.keys(item).sort(), ['delete']);
  assert.deepEqual(Object.keys(rotate).sort(), ['post']);

  assert.deepEqual(collection.get.responses['200'].content['application/json'].schema, schemaRef('ListTokensResponse'));
  assert.equal(collection.post.requestBody.required, true);
  assert.deepEqual(collection.post.requestBody.content['application/json'].schema, schemaRef('CreateTokenRequest'));
  assert.deepEqual(collection.post.responses['201'].content['application/json'].schema, schemaRef('CreateTokenResponse'));

  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } };
  assert.deepEqual(idParameter(item.delete), id);
  assert.equal(item.delete.responses['204'].content, undefined, '204 has no body');
  assert.match(item.delete.responses['404'].description, /already gone/);

  assert.deepEqual(idParameter(rotate.post), id);
  assert.equal(rotate.post.requestBody.required, true);
  assert.deepEqual(rotate.post.requestBody.content['application/json'].schema, schemaRef('RotateTokenRequest'));
  assert.deepEqual(rotate.post.responses['201'].content['application/json'].schema, schemaRef('RotateTokenResponse'));
  // Unlike a delete's, a rotate's 404 is a failure: there is nothing to replace.
  assert.match(rotate.post.responses['404'].description, /not a success/);
});

test('GET on both activity routes, paged by an optional cursor, answering an ActivityPage; a bad cursor is a 422', () => {
  const cursor = { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } };
  const strip = ({ description: _d, ...parameter }) => parameter;
  const all = doc.paths[`${COLLECTION}/activity`];
  const one = doc.paths[`${COLLECTION}/{id}/activity`];
  assert.deepEqual(Object.keys(all), ['get']);
  assert.deepEqual(Object.keys(one), ['get']);
  assert.deepEqual(all.get.parameters.map(strip), [cursor]);
  assert.deepEqual(one.get.parameters.map(strip), [
    { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
    cursor,
  ]);
  for (const operation of [all.get, one.get]) {
    assert.deepEqual(operation.responses['200'].content['application/json'].schema, schemaRef('ActivityPage'));
    assert.deepEqual(operation.responses['422'], { $ref: '#/components/responses/ValidationProblem' });
    assert.match(operation.responses['404'].description, /keeps no activity/);
  }
  assert.deepEqual(doc.components.schemas.ActivityPage.properties.events.items, schemaRef('ActivityEvent'));
});

test('the operations that return a secret ask that it not be cached', () => {
  const collection = doc.paths[COLLECTION];
  const rotate = doc.paths[`${COLLECTION}/{id}/rotate`];
  for (const response of [collection.post.responses['201'], rotate.post.responses['201']]) {
    assert.match(response.headers['Cache-Control'].description, /no-store/);
  }
});

test('every operation documents 401, and create and rotate a 422 with field errors', () => {
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      assert.ok(operation.responses['401'], `${method.toUpperCase()} ${path} documents 401`);
    }
  }
  const validation = { $ref: '#/components/responses/ValidationProblem' };
  assert.deepEqual(doc.paths[COLLECTION].post.responses['422'], validation);
  assert.deepEqual(doc.paths[`${COLLECTION}/{id}/rotate`].post.responses['422'], validation);
});

test('every error response is application/problem+json with the Problem schema', () => {
  let errors = 0;
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[23]/.test(status)) continue;
        errors += 1;
        assert.deepEqual(problemJson(response), schemaRef('Problem'), `${method.toUpperCase()} ${path} ${status}`);
      }
      assert.ok(operation.responses.default, `${method.toUpperCase()} ${path} documents a default error`);
    }
  }
  assert.ok(errors >= 3);
});

test('the document ships in the package as pat-elements/openapi.json', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.exports['./openapi.json'], './openapi/pat-elements.openapi.json');
  assert.ok(pkg.files.includes('openapi/'));
});
