import { TestApp, startTestApp } from './support/test-app';

interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string; type?: string; format?: string } }> }>;
}

/** The OpenAPI document (/api/docs-json) is part of the contract: it says what the service does. */
describe('The OpenAPI document', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { required?: string[]; properties?: Record<string, Record<string, unknown>> }> };
  };
  const schemaOf = (ref: string | undefined) => doc.components.schemas[String(ref).replace('#/components/schemas/', '')];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('documents the file part of an evidence upload, required and binary, and its expectedRevision', () => {
    const body = doc.paths['/api/v1/cases/{caseId}/evidence'].post.requestBody!.content['multipart/form-data'];
    const schema = schemaOf(body.schema.$ref);
    expect(schema.required).toContain('file');
    expect(schema.properties!.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(schema.properties).toHaveProperty('expectedRevision');
  });

  it.each([
    ['/api/v1/cases/{caseId}/dossier.pdf', 'application/pdf'],
    ['/api/v1/cases/{caseId}/bundle.zip', 'application/zip'],
    ['/api/v1/providers/{providerId}/report.pdf', 'application/pdf'],
    ['/api/v1/cases/{caseId}/evidence/{evidenceId}', '*/*'],
  ])('gives the media type of the bytes %s answers', (path, mediaType) => {
    expect(doc.paths[path].get.responses['200'].content?.[mediaType]?.schema).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('describes the three shapes of a share grantee, not an object without members', () => {
    const grantee = schemaOf(doc.paths['/api/v1/cases/{caseId}/shares'].post.requestBody!.content['application/json'].schema.$ref).properties!.grantee as {
      oneOf: { required: string[]; properties: { kind: { enum: string[] } } }[];
      description: string;
    };
    expect(grantee.oneOf.map((s) => [s.properties.kind.enum[0], ...s.required.filter((r) => r !== 'kind')])).toEqual([
      ['user', 'id'],
      ['user', 'username'],
      ['group', 'id'],
    ]);
    expect(grantee.description).toMatch(/union:<syndicat>.*management/);
    // Not `additionalProperties: false` beside the shapes, which would allow {} only.
    expect(grantee).not.toHaveProperty('additionalProperties');
  });

  it('documents the error body and the error answers of every route', () => {
    expect(doc.components.schemas.ErrorBody).toMatchObject({
      required: ['statusCode', 'error', 'code', 'message'],
      properties: { message: { type: 'array' }, fields: { type: 'array' } },
    });
    const errors = (path: string, method: string) =>
      Object.entries(doc.paths[path][method].responses)
        .filter(([status, answer]) => Number(status) >= 400 && answer.content?.['application/json']?.schema.$ref === '#/components/schemas/ErrorBody')
        .map(([status]) => Number(status));
    expect(errors('/api/v1/cases/{caseId}/incidents', 'post')).toEqual([400, 401, 403, 404, 409, 413, 415, 422, 429, 503]);
    expect(errors('/api/v1/cases/{caseId}/evidence', 'post')).toEqual([400, 401, 403, 404, 409, 413, 415, 422, 429, 503]);
    expect(errors('/api/v1/cases/{caseId}/timeline', 'get')).toEqual([400, 401, 403, 404]);
    expect(errors('/api/v1/cases/{caseId}/dossier.pdf', 'get')).toEqual([400, 401, 403, 404, 429, 503]);
    expect(errors('/api/v1/auth/login', 'post')).toEqual([400, 401, 413, 415, 429]);
    expect(errors('/api/health', 'get')).toEqual([]);
    // Every operation that needs a token says so, and so documents its 401.
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const isPublic = ['/api/v1/auth/login', '/api/health', '/api/v1/integrity/public-key'].includes(path);
        expect({ route: `${method} ${path}`, secured: (operation.security ?? []).length > 0 }).toEqual({ route: `${method} ${path}`, secured: !isPublic });
      }
    }
  });
});
