// The participant page of live sessions: a second, separate bundle (ui/live → ui/dist-live)
// served by the session server (crates/tcm-live embeds it). It shares this folder's toolchain
// but none of the desktop app's code, and loads nothing from outside.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'live',
  plugins: [svelte()],
  clearScreen: false,
  build: {
    outDir: '../dist-live',
    emptyOutDir: true,
    target: 'es2020',
    // One script and one style sheet; no inline code (the page's CSP forbids it).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
  },
});
