import { defineCheck, printed } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	return [printed(run, 'hello', `Hello, ${name}!`, 'Print the greeting with console.log, using the name from argv[0].')];
});
