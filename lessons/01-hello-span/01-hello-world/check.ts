import { defineCheck, printed, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	return [
		printed(
			run,
			'hello',
			`Hello, ${name}!`,
			text('Print the greeting with console.log, using the name from argv[0].', '用 console.log 打印问候语，名字取自 argv[0]。')
		)
	];
});
