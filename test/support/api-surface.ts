import fc from 'fast-check';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * What the running app exposes, read from the app itself so that a new endpoint or field is
 * fuzzed without anyone remembering to list it: the routes from express's router, the bodies
 * from the OpenAPI document the app serves (/api/docs-json).
 */

export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express form: /api/v1/cases/:caseId/incidents */
  path: string;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

export const routeKey = (r: Route) => `${r.method.toUpperCase()} ${r.path}`;

/** Every route under /api/v1 the app answers, as express registered them. */
export function apiRoutes(app: NestExpressApplication): Route[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router;
  return router.stack.flatMap((layer) =>
    layer.route && layer.route.path.startsWith('/api/v1/')
      ? Object.keys(layer.route.methods).map((method) => ({ method: method as Route['method'], path: layer.route!.path }))
      : [],
  );
}

export const isWrite = (r: Route) => r.method !== 'get';

/** The path with its :params replaced by the given values (every param must have one; a lone surrogate becomes U+FFFD, as UTF-8 has no form for it). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(Buffer.from(params[name]).toString());
  });
}

export const paramNames = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);

// --- OpenAPI ---------------------------------------------------------------------------------

export interface SchemaObject {
  type?: string;
  format?: string;
  $ref?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: SchemaObject }> } }>>;
  components: { schemas: Record<string, SchemaObject> };
}

const resolve = (doc: OpenApiDocument, schema: SchemaObject): SchemaObject =>
  schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

/** The documented body schema of a route and its media type, or null when it takes no body. */
export function bodySchema(doc: OpenApiDocument, route: Route): { mediaType: string; schema: SchemaObject } | null {
  const operation = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
  if (!operation) throw new Error(`${routeKey(route)} is not in the API document`);
  const content = operation.requestBody?.content;
  if (!content) return null;
  const [mediaType, { schema }] = Object.entries(content)[0];
  return { mediaType, schema: resolve(doc, schema) };
}

/** Every property name and every enum value the document names: the words a fuzzer should try. */
export function vocabulary(doc: OpenApiDocument): { fields: string[]; values: string[] } {
  const fields = new Set<string>();
  const values = new Set<string>();
  const walk = (schema: SchemaObject | undefined): void => {
    if (!schema) return;
    for (const v of schema.enum ?? []) if (typeof v === 'string') values.add(v);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      fields.add(name);
      walk(property);
    }
    walk(schema.items);
  };
  Object.values(doc.components.schemas).forEach(walk);
  return { fields: [...fields], values: [...values] };
}

/**
 * A body the documentation presents as valid: each property's example (or its first enum
 * value), nested schemas built the same way. `expectedRevision` is left out: its example is a
 * revision the case may not be at; so are file parts (`format: binary`), which are not values.
 */
export function exampleBody(doc: OpenApiDocument, schema: SchemaObject): Record<string, unknown> {
  const valueOf = (property: SchemaObject): unknown => {
    if (property.example !== undefined) return property.example;
    if (property.$ref) return exampleBody(doc, resolve(doc, property));
    if (property.enum) return property.enum[0];
    if (property.type === 'array') return property.items ? [valueOf(property.items)] : [];
    return property.type === 'integer' || property.type === 'number' ? 1 : property.type === 'boolean' ? true : 'texte';
  };
  return Object.fromEntries(
    Object.entries(resolve(doc, schema).properties ?? {})
      .filter(([name, property]) => name !== 'expectedRevision' && property.format !== 'binary')
      .map(([name, property]) => [name, valueOf(property)]),
  );
}

// --- Arbitraries ---------------------------------------------------------------------------

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '2019-11-12T08:30:00',
  '2019-11-12T08:30:00+01:00',
  '9999-12-31T23:59:59Z',
  '2019-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  'NaN',
  '-1',
  '1e309',
  '../../etc/passwd',
  '\u0000',
  '\ud800',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '00000000-0000-0000-0000-000000000000',
  '%',
  'é'.repeat(300),
];

export const hostileString = (values: string[] = []): fc.Arbitrary<string> =>
  fc.oneof(fc.string(), fc.fullUnicodeString({ maxLength: 50 }), fc.constantFrom(...HOSTILE_STRINGS, ...(values.length ? values : ['x'])));

/** Any JSON value, leaning on the API's own words and on values that break naive parsers. */
export function hostileValue(fields: string[], values: string[]): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      hostileString(values),
      fc.integer(),
      fc.constantFrom(0, -1, 2 ** 53, -(2 ** 31), 1.5),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...fields, '__proto__', 'x'), tie('v'), { maxKeys: 3 }),
    ),
  })).v;
}

/** Sets a member as an own property, even `__proto__`, so that JSON.stringify sends it. */
function withMember(body: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const copy = { ...body };
  Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

type Mutation = { drop: string } | { set: string; value: unknown };

/**
 * Bodies for one documented schema: the example as it is (so the fuzz also goes through the
 * write path), the example with a few members dropped or replaced by hostile values, members of
 * the schema with random values, or anything at all.
 */
export function hostileBody(doc: OpenApiDocument, schema: SchemaObject, fields: string[], values: string[]): fc.Arbitrary<unknown> {
  const example = exampleBody(doc, schema);
  const own = Object.keys(resolve(doc, schema).properties ?? {});
  const value = hostileValue(fields, values);
  const names = [...own, ...fields, '__proto__', 'constructor', 'expectedRevision'];
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    own.length > 0 ? fc.record({ drop: fc.constantFrom(...own) }) : fc.record({ drop: fc.constant('x') }),
    fc.record({ set: fc.constantFrom(...names), value }),
  );
  const mutated = fc.array(mutation, { maxLength: 3 }).map((mutations) =>
    mutations.reduce<Record<string, unknown>>((body, m) => {
      if ('drop' in m) {
        const { [m.drop]: _dropped, ...rest } = body;
        return rest;
      }
      return withMember(body, m.set, m.value);
    }, example),
  );
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 8 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}
