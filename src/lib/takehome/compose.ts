// docker-compose.yml for an exported project: Jaeger v2 (all-in-one: UI on 16686, OTLP on 4317/4318,
// jaeger-client's Thrift over UDP 6831/6832 and HTTP 14268) and the world's servers the code uses,
// all published on localhost where the tour/ layer looks for them.

export interface ComposeNeeds {
	rabbitmq: boolean;
	redis: boolean;
	/** the entry points' ports, when the step has a traefik.yml */
	traefik?: { ports: number[] };
	mysql?: { user?: string; password?: string; database: string; initFiles: string[] };
}

const yamlString = (s: string) => JSON.stringify(s);

export function composeFile(needs: ComposeNeeds, images: { jaeger: string; rabbitmq: string; redis: string; mysql: string; traefik: string }): string {
	const lines = [
		'# docker compose up -d: Jaeger (UI http://localhost:16686) and the servers this project talks to.',
		'services:',
		'  jaeger:',
		`    image: ${images.jaeger}`,
		'    ports:',
		'      - "16686:16686" # UI',
		'      - "4317:4317" # OTLP gRPC',
		'      - "4318:4318" # OTLP HTTP',
		'      - "6831:6831/udp" # jaeger.thrift compact (jaeger-client\'s agent protocol)',
		'      - "6832:6832/udp" # jaeger.thrift binary (the Node jaeger-client\'s default)',
		'      - "14268:14268" # jaeger.thrift over HTTP (JAEGER_ENDPOINT)'
	];
	// containers (Traefik) find Jaeger by the course's host names
	if (needs.traefik) lines.push('    networks:', '      default:', '        aliases: [jaeger-agent, jaeger-collector, jaeger-query]');
	if (needs.rabbitmq) lines.push('  rabbitmq:', `    image: ${images.rabbitmq}`, '    ports:', '      - "5672:5672"', '      - "15672:15672" # management UI (guest/guest)');
	if (needs.redis) lines.push('  redis:', `    image: ${images.redis}`, '    ports:', '      - "6379:6379"');
	if (needs.mysql) {
		const m = needs.mysql;
		lines.push('  mysql:', `    image: ${images.mysql}`, '    ports:', '      - "3306:3306"', '    environment:', `      MYSQL_DATABASE: ${yamlString(m.database)}`);
		if (m.user && m.user !== 'root') lines.push(`      MYSQL_USER: ${yamlString(m.user)}`, `      MYSQL_PASSWORD: ${yamlString(m.password ?? '')}`, '      MYSQL_RANDOM_ROOT_PASSWORD: "yes"');
		else if (m.password) lines.push(`      MYSQL_ROOT_PASSWORD: ${yamlString(m.password)}`);
		else lines.push('      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"');
		if (m.initFiles.length) {
			lines.push('    volumes: # run once, when the database is first created');
			m.initFiles.forEach((f, i) => lines.push(`      - ./${f}:/docker-entrypoint-initdb.d/${String(i + 1).padStart(2, '0')}-${f.replace(/^.*\//, '')}:ro`));
		}
	}
	if (needs.traefik) {
		lines.push('  traefik: # traefik.yml split in two: traefik/static.yml (entry points, tracing) and traefik/dynamic.yml (routers, services)', `    image: ${images.traefik}`, '    command: ["--configFile=/etc/traefik/static.yml"]', '    ports:');
		for (const p of needs.traefik.ports) lines.push(`      - "${p}:${p}"`);
		lines.push(
			'    volumes:',
			'      - ./traefik/static.yml:/etc/traefik/static.yml:ro',
			'      - ./traefik/dynamic.yml:/etc/traefik/dynamic.yml:ro',
			'    extra_hosts: # the services run on this machine (npm start), outside Docker',
			'      - "host.docker.internal:host-gateway"',
			'    depends_on: [jaeger]'
		);
	}
	return lines.join('\n') + '\n';
}
