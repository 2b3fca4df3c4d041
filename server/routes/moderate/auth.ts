import type { FastifyInstance } from 'fastify';

// Placeholder: filled in by the module's owner.
export default async function auth(_app: FastifyInstance) {}
