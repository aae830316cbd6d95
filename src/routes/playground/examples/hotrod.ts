// A playground example: chapter 11's ride-sharing app (after Jaeger's HotROD) under a load of fifty
// requests — frontend, customer on MySQL, driver on Redis over gRPC, route — with its three
// bottlenecks in place. The files are the chapter's first step as the learner starts it (the
// chapter's app/ with the step's start/ over it, as the course loader lays them), read at build
// time, so the playground and the tutorial open the very same app.
const CHAPTER = '/lessons/11-find-the-slow-request/';
const app = import.meta.glob<string>('/lessons/11-find-the-slow-request/app/**/*', { query: '?raw', import: 'default', eager: true });
const step = import.meta.glob<string>('/lessons/11-find-the-slow-request/01-the-lock/start/**/*', { query: '?raw', import: 'default', eager: true });
const under = (files: Record<string, string>, folder: string) =>
	Object.fromEntries(Object.entries(files).map(([path, text]) => [path.slice((CHAPTER + folder).length), text]));

export const hotrodExample = {
	title: 'HotROD: find the slow request (50 requests, 5 services)',
	files: { ...under(app, 'app/'), ...under(step, '01-the-lock/start/') } as Record<string, string>,
	args: ''
};
