// Progressive enhancement of Retouche's pages. Every form works without this script; with it,
// changes go through the JSON API, only the changed sentence is redrawn, and the keyboard
// shortcuts of the document page work.

import { guardTextForm } from './editor/guard.js';
import { enableShortcuts } from './editor/keyboard.js';
import { followDocument } from './editor/live.js';
import { enableRuleMenu } from './editor/rules.js';
import { enhanceSegments } from './editor/segments.js';
import { enableUndoKey } from './editor/undo.js';

// Controls that need this script (the sentences' buttons) show from now on; without it, the
// sentences' Edit links lead to pages of plain forms.
document.documentElement.classList.replace('no-js', 'js');
const article = document.querySelector('.article');
if (article) {
  enhanceSegments(article);
  enableShortcuts();
  enableRuleMenu(article);
  followDocument(article);
} else {
  // A sentence's own edit page: its plain form, guarded like the document page's editor.
  const form = document.querySelector('form.segment-form');
  if (form) guardTextForm(form);
}
enableUndoKey();

// The source sentences can be hidden for a plain read; the choice is remembered in this browser.
const sourceToggle = document.querySelector('.source-toggle');
if (sourceToggle) {
  const article = document.querySelector('.article');
  const show = (visible) => {
    article.classList.toggle('hide-source', !visible);
    sourceToggle.setAttribute('aria-pressed', String(visible));
    sourceToggle.textContent = visible ? 'Hide the source' : 'Show the source';
    localStorage.setItem('retouche.showSource', visible ? '1' : '0');
  };
  sourceToggle.hidden = false;
  show(localStorage.getItem('retouche.showSource') !== '0');
  sourceToggle.addEventListener('click', () => show(article.classList.contains('hide-source')));
}

// "Restore this version" and other irreversible-looking actions say what they do and ask first.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}
