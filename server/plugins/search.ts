// Placeholder: the search index lifecycle (build off the request path, snapshot, delta).
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export default fp(async function searchPlugin(_app: FastifyInstance) {});
