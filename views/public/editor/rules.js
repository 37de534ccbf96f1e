// Newsroom rules from a flag: "never flag this here" and "always suggest X for this". A flag's "Rule…"
// link leads to the Rules page with the flag's words filled in (that works without this script); here
// it opens a dialog on the document page instead, sends the rule through the JSON API and redraws the
// page's sentences that hold the phrase, whose flags the rule changes at once.

import { sendJson } from './api.js';
import { notify } from './page.js';
import { redrawById } from './segments.js';

let dialog;

/** Open the rule dialog from a flag's "Rule…" link, on the document page. */
export function enableRuleMenu(article) {
  article.addEventListener('click', (event) => {
    const link = event.target.closest('a.rule-menu');
    if (!link) return;
    event.preventDefault();
    openRuleDialog(link, article.dataset.document);
  });
}

function openRuleDialog(link, documentId) {
  const segment = link.closest('.segment');
  const item = link.closest('.flag-item');
  const example = segment.querySelector('.sentence-text').textContent;
  dialog?.remove();
  dialog = buildDialog({
    phrase: example.slice(Number(item.dataset.start), Number(item.dataset.end)),
    checkId: item.dataset.check,
    checkName: item.querySelector('.check').textContent,
    example,
    documentId: Number(documentId),
  });
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    link.focus();
  });
  dialog.showModal();
}

function buildDialog({ phrase, checkId, checkName, example, documentId }) {
  const element = document.createElement('dialog');
  element.className = 'rule-dialog';
  element.setAttribute('aria-labelledby', 'rule-dialog-title');
  element.innerHTML = `
    <form method="dialog" class="stacked">
      <h2 id="rule-dialog-title">A rule for these words</h2>
      <label>Phrase <input name="phrase" required maxlength="500"></label>
      <fieldset><legend>Rule</legend>
        <label><input type="radio" name="kind" value="ignore" checked> Never flag it</label>
        <label class="indent"><input type="checkbox" name="onlyThisCheck" checked> only for <span class="check-name"></span></label>
        <label><input type="radio" name="kind" value="suggest"> Always suggest</label>
        <label class="indent">instead <input name="replacement" maxlength="500" disabled></label>
      </fieldset>
      <fieldset><legend>Where</legend>
        <label><input type="radio" name="scope" value="document" checked> in this document</label>
        <label><input type="radio" name="scope" value="newsroom"> in every document</label>
      </fieldset>
      <p class="notice error" role="alert" hidden></p>
      <div class="dialog-buttons"><button type="submit" value="save">Add the rule</button> <button type="button" class="quiet cancel">Cancel</button></div>
    </form>`;
  const form = element.querySelector('form');
  form.elements.phrase.value = phrase;
  element.querySelector('.check-name').textContent = checkName;
  const replacement = form.elements.replacement;
  form.addEventListener('change', () => {
    const suggest = form.elements.kind.value === 'suggest';
    replacement.disabled = !suggest;
    replacement.required = suggest;
    form.elements.onlyThisCheck.disabled = suggest;
  });
  element.querySelector('.cancel').addEventListener('click', () => element.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const kind = form.elements.kind.value;
    const rule = {
      kind,
      phrase: form.elements.phrase.value.trim(),
      documentId: form.elements.scope.value === 'document' ? documentId : null,
      ...(kind === 'ignore'
        ? { checkId: form.elements.onlyThisCheck.checked ? checkId : null }
        : { replacement: replacement.value.trim(), example }),
    };
    const { ok, error } = await sendJson('POST', '/api/rules', rule);
    if (!ok) {
      const message = element.querySelector('.notice');
      message.textContent = error.message;
      message.hidden = false;
      return;
    }
    element.close();
    await redrawById(sentencesHolding(rule.phrase));
    notify(kind === 'ignore' ? `“${rule.phrase}” is no longer flagged ${rule.documentId ? 'in this document' : 'anywhere'}.`
      : `“${rule.replacement}” is now suggested for “${rule.phrase}” ${rule.documentId ? 'in this document' : 'everywhere'}.`);
  });
  return element;
}

// The page's sentences whose text holds the phrase (in any case): those the rule can change.
function sentencesHolding(phrase) {
  const wanted = phrase.toLowerCase();
  return [...document.querySelectorAll('.segment')]
    .filter((segment) => segment.querySelector('.sentence-text')?.textContent.toLowerCase().includes(wanted))
    .map((segment) => segment.dataset.segment);
}
