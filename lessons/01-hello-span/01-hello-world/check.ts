import { defineCheck, printed, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	return [
		printed(
			run,
			'hello',
			`Hello, ${name}!`,
			text(
				`Print the greeting with console.log, using the name from the command line: process.argv[2] (here "${name}").`,
				`用 console.log 打印问候语，名字取自命令行：process.argv[2]（这里是 "${name}"）。`
			)
		)
	];
});
