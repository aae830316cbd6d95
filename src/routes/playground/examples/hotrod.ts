// A playground example: chapter 11's ride-sharing app (after Jaeger's HotROD) under a load of fifty
// requests — frontend, customer on MySQL, driver on Redis over gRPC, route — with its three
// bottlenecks in place. The files are the chapter's first step as the learner starts it, read at
// build time, so the playground and the tutorial open the very same app.
const PREFIX = '/lessons/11-find-the-slow-request/01-the-lock/start/';
const raw = import.meta.glob<string>('/lessons/11-find-the-slow-request/01-the-lock/start/**/*', { query: '?raw', import: 'default', eager: true });

export const hotrodExample = {
	title: 'HotROD: find the slow request (50 requests, 5 services)',
	files: Object.fromEntries(Object.entries(raw).map(([path, text]) => [path.slice(PREFIX.length), text])) as Record<string, string>,
	args: ''
};
