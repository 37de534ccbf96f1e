import type { Request, Response } from 'express';
import { listChecks } from '../../checks/run.js';
import { ServiceError } from '../../services/errors.js';
import { createRule, deleteRule, draftRuleFromFlag, exportRules, importRules, listRules, updateRule } from '../../services/newsroom-rules.js';
import { listObservedPrecision, overrideHint } from '../../services/observed-precision.js';
import { parseId } from '../../services/validate.js';
import { HINT_BELOW, MIN_JUDGEMENTS } from '../../review/observed-precision.js';
import { authorName } from '../auth.js';
import { fieldsOf, queryText } from '../request-fields.js';
import { answersJson, type RouteContext } from '../route-table.js';
import { toRulesView } from '../rule-views.js';

/**
 * The rules, their latest changes and every check's and entry's observed precision: the Rules page,
 * or the same as JSON. `?segment=&start=&end=&checkId=` (a flag's "Rule…" link) starts the
 * forms from that flag's words and sentence.
 */
export async function showRules(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const [{ rules, changes, documents }, precision] = await Promise.all([listRules(storage), listObservedPrecision(storage)]);
  const policy = { minJudgements: MIN_JUDGEMENTS, hintBelow: HINT_BELOW };
  if (answersJson(response)) return void response.json({ format: 'retouche-rules', version: 1, rules, changes, precision, policy });
  const segment = queryText(request, 'segment');
  const draft = segment ? await draftRuleFromFlag(storage, {
    segmentId: parseId(segment, 'Sentence'), start: queryText(request, 'start'), end: queryText(request, 'end'), checkId: queryText(request, 'checkId'),
  }) : null;
  response.render('rules', { title: 'Rules', ...toRulesView({ rules, changes, precision, documents, checks: listChecks() }), policy, draft });
}

/**
 * Add a rule, or (`{"rules": [...]}` as `GET /api/rules` gives them, or a form's pasted `rulesJson`)
 * import several at once. People go back where they came from (`returnTo`, a path of this site).
 */
export async function addRules(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const author = authorName(response);
  const imported = Array.isArray(body.rules) || typeof body.rulesJson === 'string';
  if (imported) {
    const rules = await importRules(storage, typeof body.rulesJson === 'string' ? parseRulesJson(body.rulesJson) : body, author);
    if (answersJson(response)) return void response.status(201).json({ rules });
  } else {
    const rule = await createRule(storage, body, author);
    if (answersJson(response)) return void response.status(201).json({ rule });
  }
  response.redirect(303, readReturnTo(body.returnTo));
}

/** Change what a rule says. */
export async function changeRule(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const rule = await updateRule(storage, parseId(request.params.id, 'Rule'), body, authorName(response));
  if (answersJson(response)) return void response.json({ rule });
  response.redirect(303, readReturnTo(body.returnTo));
}

/** Delete a rule: the flags it hid come back. */
export async function removeRule(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const rule = await deleteRule(storage, parseId(request.params.id, 'Rule'), authorName(response));
  if (answersJson(response)) return void response.json({ rule });
  response.redirect(303, readReturnTo(fieldsOf(request).returnTo));
}

/** Every rule as a JSON file to import elsewhere. */
export async function downloadRules(_request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  response.attachment('retouche-rules.json').json(await exportRules(storage));
}

/** An admin's word on whether a check's or entry's suggestions are hints. */
export async function overrideSubjectHint(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  await overrideHint(storage, { kind: request.params.kind, id: request.params.id, override: body.override, author: authorName(response) });
  if (answersJson(response)) return void response.json({ precision: (await listObservedPrecision(storage)).find((item) => item.kind === request.params.kind && item.id === request.params.id) });
  response.redirect(303, '/rules#precision');
}

function parseRulesJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError('invalid-input', 'The rules are not JSON: paste the file "Export the rules" gives, as it is.');
  }
}

// Only a path of this site: a full URL or a protocol-relative one ("//evil.example") would send people elsewhere.
function readReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/rules';
}
