/**
 * What the OpenAPI document (/api/docs-json) says beyond what Nest's decorators give: the files
 * a route sends, and the error answers of every route with the one body sendError gives them.
 */
import { ApiOkResponse } from '@nestjs/swagger';
import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** A route that answers bytes rather than JSON: the media type, or `*\/*` when it is the file's own. */
export function ApiFile(mediaType: string, description: string): MethodDecorator {
  return ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
}

/** The body of every error answer (error.filter.ts). */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request', description: 'La raison HTTP du statut.' },
    code: { type: 'string', example: 'INVALID_INPUT', description: 'Code stable pour les programmes (INVALID_INPUT, REVISION_CONFLICT, NOT_FOUND…).' },
    message: {
      type: 'array',
      items: { type: 'string' },
      description: 'Une phrase par problème (pour 400 : une par champ fautif), en français, ou en anglais avec Accept-Language: en ou ?lang=en.',
      example: ['Le champ « occurredAt » est obligatoire.'],
    },
    fields: {
      type: 'array',
      description: 'Le champ que nomme chaque phrase (erreurs de saisie et règles du domaine).',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string', example: 'occurredAt' }, message: { type: 'string' } },
      },
    },
  },
};

const ERROR_BODY_REF = { $ref: '#/components/schemas/ErrorBody' };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const LOGIN_PATH = '/api/v1/auth/login';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Requête invalide : une phrase par champ ou paramètre fautif ; rien n’est écrit.',
  401: 'Non authentifié : jeton absent, invalide ou expiré.',
  403: 'Authentifié, mais ni le rôle ni les droits sur ce dossier ne le permettent.',
  404: 'Introuvable, ou dossier que l’appelant ne peut pas voir (la même réponse).',
  409: 'Conflit : le dossier a changé depuis expectedRevision, ou son état ne le permet pas (clos, entrée déjà retirée, nom déjà pris) ; rien n’est écrit.',
  413: 'Corps de la requête trop volumineux ; rien n’est écrit.',
  415: 'Type de contenu non accepté ; rien n’est écrit.',
  422: 'Une règle n’est pas respectée (par exemple un rétablissement antérieur à sa coupure) ; rien n’est écrit.',
  429: 'Trop de requêtes ou de tentatives de connexion : réessayez après le délai de l’en-tête Retry-After.',
  503: 'Le journal ne peut pas écrire pour le moment (espace disque, droits) ; rien n’est enregistré.',
};

/**
 * The error statuses a route can answer, from what the document says of it: who may call it, its
 * path parameters, query and body, and whether it writes. One rule for all routes, so that a new
 * route is documented like its neighbours.
 */
export function errorStatusesOf(path: string, method: string, operation: OperationObject): number[] {
  const login = path === LOGIN_PATH;
  const authenticated = (operation.security ?? []).length > 0;
  const write = method !== 'get' && method !== 'head';
  const isExport = /\.(pdf|zip)$/.test(path);
  const hasBody = operation.requestBody !== undefined;
  const parameters = (operation.parameters ?? []) as (ParameterObject | ReferenceObject)[];
  const hasQuery = parameters.some((p) => 'in' in p && p.in === 'query');
  const bodySchema = hasBody
    ? Object.values((operation.requestBody as { content?: Record<string, { schema?: SchemaObject }> }).content ?? {})[0]?.schema
    : undefined;
  const conditional = 'expectedRevision' in (bodySchema?.properties ?? {});
  const statuses = new Set<number>();
  if (hasBody || hasQuery) statuses.add(400);
  if (authenticated || login) statuses.add(401);
  if (authenticated) statuses.add(403);
  if (path.includes('{')) statuses.add(404);
  if (write && (conditional || path.startsWith('/api/v1/accounts'))) statuses.add(409);
  if (hasBody) {
    statuses.add(413);
    statuses.add(415);
  }
  if (write && !login) statuses.add(422);
  if (write || isExport) statuses.add(429);
  if ((write && !login) || isExport) statuses.add(503);
  return [...statuses].sort();
}

/**
 * Adds the error body schema (`ErrorBody`) and, on every operation, the error statuses it can
 * answer (errorStatusesOf), leaving alone any a route documents itself.
 */
export function documentErrorAnswers(document: OpenAPIObject): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}), ErrorBody: ERROR_BODY_SCHEMA };
  document.components = { ...document.components, schemas };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const status of errorStatusesOf(path, method, resolvedBodies(document, operation))) {
        const key = String(status);
        if (operation.responses[key]) continue;
        const description = status === 401 && path === LOGIN_PATH ? 'Identifiant ou mot de passe incorrect, ou compte désactivé.' : DESCRIPTIONS[status];
        operation.responses[key] = { description, content: { 'application/json': { schema: ERROR_BODY_REF } } };
      }
    }
  }
  return document;
}

/** The operation with its body schema resolved, so that errorStatusesOf can see its properties. */
function resolvedBodies(document: OpenAPIObject, operation: OperationObject): OperationObject {
  const content = (operation.requestBody as { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> } | undefined)?.content;
  if (!content) return operation;
  const resolve = (schema: SchemaObject | ReferenceObject | undefined) =>
    schema && '$ref' in schema ? (document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] ?? schema) : schema;
  const resolvedContent = Object.fromEntries(Object.entries(content).map(([type, media]) => [type, { ...media, schema: resolve(media.schema) }]));
  return { ...operation, requestBody: { content: resolvedContent } };
}
