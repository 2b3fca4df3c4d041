// Placeholder: scheduled jobs (retention at start-up and every hour).
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export default fp(async function jobs(_app: FastifyInstance) {});
