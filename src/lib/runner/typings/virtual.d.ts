declare module 'virtual:runtime-typings' {
	const typings: Record<string, string>;
	export default typings;
}
