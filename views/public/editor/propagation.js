// After a correction, offer to make the same change in the other sentences that contain the
// replaced phrase: those of this document ticked, those of other documents under their titles
// and unticked; each is saved as its own revision, all of them as one action.

import { sendJson } from './api.js';
import { buildDiff, buildElement as element } from './build-element.js';
import { notify } from './page.js';
import { offerUndo } from './undo.js';

/** Ask the server for sentences the same change would fix, and show the offer when there are some. */
export async function offerPropagation(segmentId) {
  document.querySelector('.propagation')?.remove();
  const { ok, result } = await sendJson('GET', `/api/segments/${segmentId}/propagation`);
  const offer = ok ? result.propagation : null;
  if (!offer || !offer.summary) return;
  const panel = buildPanel(offer);
  document.querySelector('.filters')?.before(panel);
  // Never steal the focus from the sentence being edited: announce the offer, and let p reach it.
  notify(`${offer.summary} Press p to review.`);
}

/** Move the focus to the open propagation offer, if there is one. */
export function focusPropagation() {
  const button = document.querySelector('.propagation button.apply');
  if (!button) return false;
  button.scrollIntoView({ block: 'center' });
  button.focus();
  return true;
}

function buildPanel(offer) {
  const panel = element('section', { className: 'notice propagation', role: 'region', 'aria-label': 'Make the same change elsewhere' });
  panel.append(
    element('h2', {}, 'Make the same change elsewhere?'),
    element('p', {}, `You replaced “${offer.rule.find}” with “${offer.rule.replace}”. ${offer.summary} Each sentence you tick is changed as its own revision.`),
  );
  for (const group of [offer.sameDocument, ...offer.otherDocuments]) {
    if (group.matches.length === 0) continue;
    const here = group === offer.sameDocument;
    const list = element('ul', { className: 'matches' });
    for (const match of group.matches) {
      const checkbox = element('input', { type: 'checkbox', checked: here });
      checkbox.dataset.segmentId = String(match.segmentId);
      checkbox.dataset.revision = String(match.revision);
      const label = element('label', {}, checkbox, ' ', element('span', { className: 'match-diff' }, ...buildDiff(match.diff)));
      list.append(element('li', {}, label));
    }
    const legend = element('legend', {}, here ? 'In this article' : `In “${group.title}” (another article: tick to change it too)`);
    panel.append(element('fieldset', { className: 'matches-group' }, legend, list));
  }
  const apply = element('button', { type: 'button', className: 'apply' }, 'Apply to the ticked sentences');
  const dismiss = element('button', { type: 'button', className: 'quiet' }, 'No, thanks');
  apply.addEventListener('click', () => void applyOffer(panel, offer));
  dismiss.addEventListener('click', () => panel.remove());
  panel.append(apply, ' ', dismiss);
  return panel;
}

async function applyOffer(panel, offer) {
  const targets = [...panel.querySelectorAll('input[type="checkbox"]:checked')]
    .map((box) => ({ segmentId: Number(box.dataset.segmentId), revision: Number(box.dataset.revision) }));
  if (targets.length === 0) {
    panel.remove();
    return;
  }
  const { ok, result, error } = await sendJson('POST', '/api/replacements', { ...offer.rule, targets, origin: 'propagation' });
  if (!ok) {
    notify(error.message);
    return;
  }
  panel.remove();
  const { redrawById } = await import('./segments.js');
  await redrawById(result.applied.map((applied) => applied.segmentId));
  const skipped = result.conflicts.length ? `; ${result.conflicts.length} changed meanwhile by someone else, left alone` : '';
  offerUndo(result.action, `Changed ${result.applied.length} more sentence${result.applied.length === 1 ? '' : 's'}${skipped}`);
}
