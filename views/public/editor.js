// Progressive enhancement of Retouche's pages. Every form works without this script; with it,
// changes go through the JSON API, only the changed sentence is redrawn, and the keyboard
// shortcuts of the document page work.

import { enableShortcuts } from './editor/keyboard.js';
import { enhanceSegment } from './editor/segments.js';

document.querySelectorAll('.segment').forEach(enhanceSegment);
if (document.querySelector('.article')) enableShortcuts();

// "Restore this version" and other irreversible-looking actions say what they do and ask first.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}
