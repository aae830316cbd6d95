// Whether the page's script has taken over the prerendered HTML. Until then a control is on screen
// but nothing listens: a Run button would submit its form natively (a reload), a file chosen or
// dropped would be lost. Such controls are off until hydrated; call this during component init.
import { onMount } from 'svelte';

export function hydration(): { readonly current: boolean } {
	let done = $state(false);
	onMount(() => {
		done = true;
	});
	return {
		get current() {
			return done;
		}
	};
}
