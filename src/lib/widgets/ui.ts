// Small widgets every part's UI shares, keyboard-complete and accessible, styled by their page.
export { default as Tabs } from './Tabs.svelte';
export { hydration } from './hydrated.svelte';
