// When a sentence changed under an open editor (a save's 409, or the live stream while typing):
// the text the editor started from, theirs and yours, each change a word diff from the start, and
// a choice to make. Until the editor chooses, the form still names the revision they started
// from, so a save is refused again: nothing is overwritten unseen.

import { buildDiff, buildElement } from './build-element.js';

/**
 * Show the merge view in the editor `form` from a conflict's details (`base`, `theirs`, `yours`,
 * as the server's 409 carries them) with `message` above.
 */
export function showMergeView(form, { message, base, theirs, yours }) {
  clearMerge(form);
  const view = buildElement('div', { className: 'notice conflict merge-view', role: 'alert' }, buildElement('p', {}, message));
  if (base) view.append(version('you started from', `version ${base.revision}`, base.text, null));
  view.append(version('theirs', `version ${theirs.revision}${theirs.author ? `, ${theirs.author}` : ''}`, theirs.text, theirs.diff, 'theirs'));
  const mine = yours ?? { text: form.elements.text.value, diff: null };
  view.append(version('yours', 'not saved', mine.text, mine.diff, 'yours'));
  const choose = (choice) => () => chooseMerge(form, view, choice, theirs, mine);
  const buttons = buildElement('p', { className: 'merge-choices' },
    button('Keep theirs', choose('theirs')), ' ', button('Use mine', choose('mine')), ' ', button('Edit a merge', choose('merge')));
  view.append(buttons);
  form.prepend(view);
  buttons.querySelector('button').focus();
}

/** Drop a merge view and a choice made in it (the editor closed, or opened another sentence). */
export function clearMerge(form) {
  form.querySelector('.merge-view')?.remove();
  form.querySelector('.merge-note')?.remove();
  form.querySelector('input[name="seenRevision"]')?.remove();
}

function chooseMerge(form, view, choice, theirs, mine) {
  view.remove();
  const textarea = form.elements.text;
  if (choice === 'theirs') {
    // Nothing of theirs to save: the editor goes on from their version, as if just opened.
    textarea.value = theirs.text;
    textarea.defaultValue = theirs.text;
    form.elements.baseRevision.value = String(theirs.revision);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
    return;
  }
  // Saving over theirs, knowingly: the server takes it only against the revision the editor saw.
  let seen = form.querySelector('input[name="seenRevision"]');
  if (!seen) {
    seen = buildElement('input', { type: 'hidden', name: 'seenRevision' });
    form.append(seen);
  }
  seen.value = String(theirs.revision);
  textarea.value = mine.text;
  const note = buildElement('div', { className: 'notice merge-note' },
    buildElement('p', {}, choice === 'mine'
      ? `Saving now replaces their version ${theirs.revision} with your text.`
      : `Edit your text into a merge; saving replaces their version ${theirs.revision}. Their text:`));
  if (choice === 'merge') note.append(buildElement('blockquote', { className: 'their-text' }, theirs.text));
  form.prepend(note);
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
}

function version(label, detail, text, diff, className = 'base') {
  const body = diff ? buildDiff(diff) : [text];
  return buildElement('p', { className: `merge-${className}` }, buildElement('span', { className: 'label' }, `${label} (${detail})`), ' ', ...body);
}

function button(label, onClick) {
  const node = buildElement('button', { type: 'button', className: 'quiet' }, label);
  node.addEventListener('click', onClick);
  return node;
}
