/**
 * A response cache for the aggregate analyses, in front of Apollo.
 *
 * Why it is correct: the analyses read rollups of published versions, which never change (triggers forbid it), and
 * reference data. What can change is which version is the latest (a publication) and the live tables a few
 * analyses read (proposals ...). So every entry is tied to a *generation* of the database: on SQLite, `PRAGMA
 * data_version` of the server's own direct connection, which changes whenever any other connection (Prisma's,
 * another process publishing) commits to the file; on PostgreSQL, the notifications a connection of the server
 * LISTENs to, which triggers send on every commit that writes a table an analysis reads (`db/pg-generation.ts`,
 * migration 0018); plus, on both, a counter bumped by the mutations of this process. A new generation empties the
 * cache. When the generation is unknown (PostgreSQL: no listening connection) the cache is bypassed.
 *
 * What is cached: the complete 200 response of a query operation whose root fields are all in
 * {@link CACHEABLE_ROOT_FIELDS} (aggregates and reference data: never person-level reads, which must reach the
 * resolvers so that access checks and audit logging run every time, whether at the root or nested, see
 * `personData`; nor `me` or `usageReport`), keyed by the document, operation name, variables, the negotiated media
 * type and the caller's access scope (role and region: users of one scope may see the same answers; anonymous
 * callers only get errors, which are never cached).
 */
import type { RequestHandler } from 'express';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from './graphql-js.js';

/** Root query fields whose answers depend only on the database generation, the arguments and the access scope. */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'versions',
  'latestVersion',
  'programs',
  'region',
  'regions',
  'decileDistribution',
  'targetingErrors',
  'quotaStatus',
  'reallocationPlan',
  'scenario',
  'coverageTrend',
  'churn',
  'desilTransitions',
  'programOverlap',
  'proposalFunnel',
  'pkhDuration',
  'pbiReactivation',
  '__typename',
]);

export interface ResponseCacheOptions {
  /** The current database generation, a change empties the cache; null when unknown: the cache is bypassed. */
  generation: () => string | null;
  /** The caller's access scope (role and region; `anonymous` without a token). Part of every key. */
  scope?: (req: Parameters<RequestHandler>[0]) => string;
  /**
   * Whether an operation selects person-level data anywhere, even beneath a cacheable root field (the families of a
   * reallocation plan): such answers must reach the resolvers every time, for the access checks and the audit log.
   */
  personData?: (document: DocumentNode, operation: OperationDefinitionNode) => boolean;
  /** Most entries kept (least recently used go first). */
  maxEntries?: number;
  /** Most bytes of response bodies kept. */
  maxBytes?: number;
}

interface Entry {
  contentType: string;
  /** Encoded once: a hit writes these bytes as they are. */
  body: Buffer;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export interface ResponseCache {
  middleware: RequestHandler;
  stats(): ResponseCacheStats;
  clear(): void;
}

/** Parsed documents, so that deciding cacheability does not parse a hot query on every request. */
const MAX_DOCUMENTS = 1_000;

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const maxEntries = options.maxEntries ?? 2_000;
  const maxBytes = options.maxBytes ?? 64 * 2 ** 20;
  const entries = new Map<string, Entry>();
  const documents = new Map<string, DocumentNode | null>();
  let bytes = 0;
  let generation = '';
  let hits = 0;
  let misses = 0;
  let localGeneration = 0;

  const clear = () => {
    entries.clear();
    bytes = 0;
  };

  const documentOf = (query: string): DocumentNode | null => {
    if (documents.has(query)) return documents.get(query)!;
    let document: DocumentNode | null;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      document = null;
    }
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
    return document;
  };

  const operationOf = (query: string, operationName: string | undefined): { document: DocumentNode; operation: OperationDefinitionNode } | undefined => {
    const document = documentOf(query);
    if (!document) return undefined;
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    return operation ? { document, operation } : undefined;
  };

  const verdicts = new WeakMap<OperationDefinitionNode, boolean>();
  const cacheable = (document: DocumentNode, operation: OperationDefinitionNode): boolean => {
    const known = verdicts.get(operation);
    if (known !== undefined) return known;
    const verdict =
      operation.operation === 'query' &&
      // Fragments at the root could hide any field: only plain field selections qualify.
      operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHEABLE_ROOT_FIELDS.has(s.name.value)) &&
      !(options.personData?.(document, operation) ?? false);
    verdicts.set(operation, verdict);
    return verdict;
  };

  const middleware: RequestHandler = (req, res, next) => {
    const request = requestOf(req);
    const parsed = request ? operationOf(request.query, request.operationName) : undefined;
    const operation = parsed?.operation;
    if (operation?.operation === 'mutation') {
      // A mutation may commit on the direct connection, whose own commits data_version does not see.
      res.on('finish', () => {
        localGeneration += 1;
      });
    }
    if (!request || !parsed || !operation || !cacheable(parsed.document, operation)) {
      next();
      return;
    }
    const database = options.generation();
    if (database === null) {
      next();
      return;
    }
    const current = `${database}:${localGeneration}`;
    if (current !== generation) {
      clear();
      generation = current;
    }
    const key = JSON.stringify([options.scope?.(req) ?? '', req.get('accept') ?? '', request.operationName ?? '', request.query, request.variables ?? null]);
    const hit = entries.get(key);
    if (hit) {
      hits += 1;
      entries.delete(key);
      entries.set(key, hit);
      res.status(200).setHeader('content-type', hit.contentType);
      res.setHeader('x-atlas-cache', 'hit');
      res.end(hit.body);
      return;
    }
    misses += 1;
    res.setHeader('x-atlas-cache', 'miss');
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const contentType = res.getHeader('content-type');
      if (res.statusCode === 200 && typeof body === 'string' && typeof contentType === 'string' && !body.includes('"errors"') && generation === current) {
        store(key, { contentType, body: Buffer.from(body) });
      }
      return send(body);
    };
    next();
  };

  const store = (key: string, entry: Entry) => {
    if (entry.body.length > maxBytes / 8) return;
    entries.set(key, entry);
    bytes += entry.body.length;
    while (entries.size > maxEntries || bytes > maxBytes) {
      const [oldestKey, oldest] = entries.entries().next().value!;
      entries.delete(oldestKey);
      bytes -= oldest.body.length;
    }
  };

  return { middleware, clear, stats: () => ({ hits, misses, entries: entries.size, bytes }) };
}

interface GraphQLRequest {
  query: string;
  operationName?: string;
  variables?: unknown;
}

/**
 * The GraphQL request of a JSON POST, or null. GET is never served from the cache: Apollo's CSRF prevention must see
 * every GET (a cached answer would skip it), and the dashboard and scripts POST.
 */
function requestOf(req: Parameters<RequestHandler>[0]): GraphQLRequest | null {
  if (req.method !== 'POST') return null;
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  return { query, operationName: typeof operationName === 'string' ? operationName : undefined, variables };
}
