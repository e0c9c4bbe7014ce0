// Forms that act through mutations. Every control carries the dotted path of its input field
// (input.limits.minPowerMw), so each UserError lands next to the control it names.
import { h } from './dom.js';
import { GraphQlError, describe } from './graphql.js';

let sequence = 0;

/** A labelled control with its unit, a hint, and the place its error appears. */
export function field(label, path, control, { unit, hint } = {}) {
  control.dataset.field = path;
  control.name = path;
  control.id = control.id || `f${++sequence}-${path.replace(/[^A-Za-z0-9]/g, '-')}`;
  return h('div', { class: 'field', dataset: { fieldFor: path } },
    h('label', { for: control.id }, label),
    h('div', { class: 'control' }, control, unit ? h('span', { class: 'unit' }, unit) : null),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('p', { class: 'field-error', dataset: { errorFor: path }, 'aria-live': 'polite' }));
}

export const numberInput = (attributes = {}) => h('input', { type: 'number', step: 'any', inputmode: 'decimal', ...attributes });
export const textInput = (attributes = {}) => h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attributes });

/** A select of [value, label] pairs (or plain values). */
export function select(options, value, attributes = {}) {
  return h('select', attributes, options.map((o) => {
    const [v, label, extra] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value, ...(extra ?? {}) }, label);
  }));
}

export function checkbox(checked = false) {
  return h('input', { type: 'checkbox', checked });
}

/** The control's number, or null when it is empty (the field is left out of the input). */
export function numberOf(control) {
  const text = String(control.value ?? '').trim();
  if (text === '') return null;
  return Number(text.replace(',', '.'));
}

export function textOf(control) {
  const text = String(control.value ?? '').trim();
  return text === '' ? null : text;
}

/** Leaves out null values, so that the server applies its defaults. */
export function compact(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * A form with a title, its fields, a submit button, a place for what it achieved and for errors no field names.
 * `submit(form)` returns { errors: [UserError], message, detail } or throws a GraphQlError.
 */
export function actionForm({ name, title, intro, fields, submitLabel, submit, danger = false }) {
  const status = h('div', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const general = h('p', { class: 'form-error', role: 'alert', dataset: { errorFor: '' } });
  const button = h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, submitLabel);
  const form = h('form', { class: 'action', dataset: { action: name }, novalidate: true },
    title ? h('h3', {}, title) : null,
    intro ? h('p', { class: 'hint' }, intro) : null,
    fields, general, h('div', { class: 'form-actions' }, button), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.replaceChildren();
    button.disabled = true;
    const label = button.textContent;
    button.textContent = 'Sending…';
    form.dataset.state = 'sending';
    try {
      const result = await submit(form);
      if (result.errors?.length) {
        showErrors(form, result.errors);
        form.dataset.state = 'refused';
        status.replaceChildren(h('p', { class: 'refused' }, 'Refused: nothing was changed.'));
      } else {
        form.dataset.state = 'done';
        status.replaceChildren(h('p', { class: 'done' }, result.message ?? 'Done.'), result.detail ?? null);
      }
    } catch (e) {
      form.dataset.state = 'failed';
      general.textContent = e instanceof GraphQlError ? e.message : `Failed: ${e.message}`;
      if (e instanceof GraphQlError) {
        for (const error of e.errors) {
          const path = error?.extensions?.field;
          if (path) place(form, `input.${path}`, describe(error)) || place(form, path, describe(error));
        }
      }
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
  return form;
}

export function clearErrors(form) {
  for (const p of form.querySelectorAll('[data-error-for]')) p.textContent = '';
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  for (const w of form.querySelectorAll('.field.has-error')) w.classList.remove('has-error');
}

/** Each error next to the control its field names; the nearest enclosing field, or the form, otherwise. */
export function showErrors(form, errors) {
  for (const error of errors) {
    let path = error.field ?? '';
    const text = error.message;
    while (path && !place(form, path, text)) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    if (!path) {
      const general = form.querySelector('[data-error-for=""]');
      general.textContent = [general.textContent, `${error.field ? `${error.field}: ` : ''}${text}`].filter(Boolean).join(' ');
    }
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
}

function place(form, path, text) {
  const slot = [...form.querySelectorAll('[data-error-for]')].find((p) => p.dataset.errorFor === path);
  if (!slot || !path) return false;
  slot.textContent = slot.textContent ? `${slot.textContent} ${text}` : text;
  const wrap = slot.closest('.field');
  wrap?.classList.add('has-error');
  wrap?.querySelector('[data-field]')?.setAttribute('aria-invalid', 'true');
  return true;
}

/** What a payload's status means to the person who sent it. */
export function outcome(status, what) {
  if (status === 'APPLIED') return `${what}: applied.`;
  if (status === 'PENDING') return `${what}: recorded; the views show it as soon as the read model catches up.`;
  return `${what}.`;
}
