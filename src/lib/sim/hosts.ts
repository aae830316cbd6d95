/** The backend's host names on the simulated network (its ports belong to src/lib/backend). */
export const BACKEND_HOSTS = ['jaeger-agent', 'jaeger-collector', 'jaeger-query', 'elasticsearch'] as const;

/**
 * The world's own servers (src/lib/sim/world/kinds.ts): a learner's service cannot take these names.
 * Kept as plain names so pages can list them without loading the servers.
 */
export const WORLD_HOST_NAMES = ['rabbitmq', 'redis', 'mysql', 'traefik'] as const;

/** Service names become host names: lower-case letters, digits and dashes, as DNS would accept. */
export function isValidHostName(name: string): boolean {
	return /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name);
}
