// Take it home, in the browser: the button that makes and saves the zip.
export { default as DownloadProjectButton } from './ui/DownloadProjectButton.svelte';
