import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { applyTextSize, savedTextSize } from './lib/display';
import { trackInputModality } from './lib/keyboardFocus';
import './lib/i18n';

// `vite --mode mock` (npm run dev:mock, browser tests) answers the commands with an in-memory
// fake of the desktop shell. Production builds replace MODE by a constant and drop this branch,
// so the mock never reaches the bundle (the browser tests check dist/).
if (import.meta.env.MODE === 'mock') {
  const { installMock } = await import('./mock/install');
  installMock();
}

applyTextSize(savedTextSize());
trackInputModality(document);

export default mount(App, { target: document.getElementById('app')! });
