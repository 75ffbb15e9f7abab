// Evidence for a task whose form has an evidence field: files uploaded at once (POST /api/evidence, checked for size and
// type by the server), their ids added to that field when the form is submitted, next to any links typed in it.
import { t } from '../../shared/i18n.js';
import { h, replace } from '../../shared/dom.js';
import { api, errorMessage } from '../../shared/api.js';

export function evidenceSection(field, uploadUrl = '/api/evidence') {
  const uploaded = [];
  const list = h('ul', { class: 'fd-evidence-list' });
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id: 'fd-evidence-file' });
  const element = h('section', { class: 'fd-evidence', 'aria-labelledby': 'fd-evidence-title' },
    h('h2', { id: 'fd-evidence-title' }, t('task.evidence')),
    h('p', { class: 'fd-muted' }, t('task.evidenceHint')),
    h('label', { for: 'fd-evidence-file' }, t('task.evidenceFile')), input,
    h('button', {
      type: 'button', class: 'fd-secondary',
      onclick: async () => {
        const file = input.files?.[0];
        if (!file) {
          input.focus();
          return;
        }
        const body = new FormData();
        body.append('file', file);
        replace(status, t('task.uploading'));
        try {
          const answer = await api(uploadUrl, { method: 'POST', body });
          uploaded.push(answer.id);
          list.append(h('li', {}, file.name));
          input.value = '';
          replace(status, t('task.uploaded', { name: file.name }));
        } catch (error) {
          replace(status, errorMessage(error));
        }
      },
    }, t('task.upload')),
    list, status);
  return {
    element,
    /** Adds the uploaded files' ids to the submission's evidence field (a list, or text with one entry a line). */
    addTo(data) {
      if (!uploaded.length) return;
      const current = data[field.key];
      if (Array.isArray(current) || field.type === 'taglist' || field.type === 'checklist') {
        data[field.key] = [...(current || []), ...uploaded];
      } else {
        data[field.key] = [current, ...uploaded].filter(Boolean).join('\n');
      }
    },
  };
}
