// The designer: open a deployed process (any version) or start a new one, edit it with the properties panel and the
// element templates, see the engine's rules as you draw, ask the server, deploy a new version after seeing what
// changed, edit its task forms, and test-run it without deploying.
import { startPage } from '../../shared/shell.js';
import { api, errorMessage } from '../../shared/api.js';
import { h, replace } from '../../shared/dom.js';
import { t } from '../../shared/i18n.js';
import { createModeler, emptyDiagram } from './modeler.js';
import { Problems } from './problems.js';
import { changesBetween } from './diff.js';
import { Forms } from './forms.js';
import { TestRunPanel } from './testrun.js';
import './designer.css';

const main = await startPage('designer');
const status = h('div', { class: 'fd-status', role: 'status', 'aria-live': 'polite' });
const definitionSelect = h('select', { id: 'fd-definition' });
const versionSelect = h('select', { id: 'fd-version' });
const canvas = h('div', { class: 'fd-canvas', 'aria-label': t('designer.canvas'), role: 'application' });
const properties = h('div', { class: 'fd-properties' });
const problemsList = h('div', { class: 'fd-problems' });
const runPanel = h('div', { class: 'fd-testrun' });
const formsArea = h('div', { class: 'fd-forms', hidden: true });
const problemCount = h('span', { class: 'fd-count' });

let opened = { key: null, version: null, fileName: 'process.bpmn' };

const modeler = createModeler({ canvas, properties });
const problems = new Problems(modeler, problemsList, (errors, warnings) =>
  replace(problemCount, errors + warnings === 0 ? '' : t('designer.problems.count', { errors, warnings })));
const forms = new Forms(formsArea);

async function currentFiles() {
  const { xml } = await modeler.saveXML({ format: true });
  return { bpmn: xml, fileName: opened.fileName, forms: forms.all() };
}

const testRun = new TestRunPanel({ container: runPanel, modeler, source: currentFiles });

function say(...content) {
  replace(status, ...content);
}

function tabs(name, entries) {
  const buttons = entries.map(([key, label, panel], index) => h('button', {
    type: 'button', role: 'tab', id: `fd-tab-${name}-${key}`, 'aria-selected': String(index === 0), 'aria-controls': `fd-panel-${name}-${key}`,
    onclick: () => select(key),
  }, label));
  entries.forEach(([key, , panel], index) => {
    panel.id = `fd-panel-${name}-${key}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `fd-tab-${name}-${key}`);
    panel.hidden = index !== 0;
  });
  function select(key) {
    entries.forEach(([k, , panel], index) => {
      panel.hidden = k !== key;
      buttons[index].setAttribute('aria-selected', String(k === key));
    });
  }
  return { list: h('div', { role: 'tablist', class: 'fd-tabs', 'aria-label': t(`designer.tabs.${name}`) }, buttons), select };
}

/** The deployed processes in the chooser; false (with the reason shown) when the server refused. */
async function loadDefinitions() {
  try {
    const definitions = await api('/api/definitions');
    replace(definitionSelect,
      h('option', { value: '' }, t('designer.chooseProcess')),
      definitions.map(d => h('option', { value: d.key }, d.name ? `${d.name} (${d.key})` : d.key)));
    return true;
  } catch (error) {
    say(errorMessage(error));
    return false;
  }
}

async function loadVersions(key) {
  replace(versionSelect);
  if (!key) return;
  const versions = await api(`/api/definitions/${encodeURIComponent(key)}/versions`);
  replace(versionSelect, versions.slice().reverse().map(v => h('option', { value: v.version }, t('designer.version', { version: v.version }))));
}

async function open(key, version) {
  try {
    say(t('designer.opening'));
    const query = version ? `?version=${version}` : '';
    const xml = await api(`/api/definitions/${encodeURIComponent(key)}/xml${query}`, { accept: 'application/xml' });
    const definition = (await api(`/api/definitions/${encodeURIComponent(key)}/versions`)).find(v => String(v.version) === String(version))
      || await api(`/api/definitions/${encodeURIComponent(key)}`);
    await modeler.importXML(xml);
    modeler.get('canvas').zoom('fit-viewport');
    forms.load(await api(`/api/definitions/${encodeURIComponent(key)}/forms${query}`));
    opened = { key, version: definition.version, fileName: definition.resourceName || `${key}.bpmn` };
    history.replaceState(null, '', `/designer?key=${encodeURIComponent(key)}&version=${definition.version}`);
    say(t('designer.opened', { name: definition.name || key, version: definition.version }));
    problems.setServer(null);
  } catch (error) {
    say(errorMessage(error));
  }
}

async function newDiagram(tell = true) {
  await modeler.importXML(emptyDiagram());
  forms.load([]);
  opened = { key: null, version: null, fileName: 'process.bpmn' };
  history.replaceState(null, '', '/designer');
  if (tell) say(t('designer.newStarted'));
}

function multipart(files) {
  const body = new FormData();
  body.append('files', new Blob([files.bpmn], { type: 'application/xml' }), files.fileName);
  for (const form of files.forms) {
    body.append('files', new Blob([JSON.stringify(form.schema, null, 2)], { type: 'application/json' }), form.name);
  }
  return body;
}

async function validate() {
  try {
    say(t('designer.validating'));
    const result = await api('/api/deployments/validate', { method: 'POST', body: multipart(await currentFiles()) });
    problems.setServer(result.problems);
    sidebar.select('problems');
    say(result.valid ? t('designer.validOnServer') : t('designer.invalidOnServer', { count: result.problems.filter(p => p.severity === 'Error').length }));
    return result;
  } catch (error) {
    say(errorMessage(error));
    return null;
  }
}

function changeList(title, items, describe) {
  return h('section', {}, h('h3', {}, `${title} (${items.length})`),
    items.length ? h('ul', {}, items.map(item => h('li', {}, describe(item)))) : h('p', { class: 'fd-muted' }, t('designer.deploy.none')));
}

async function deploy() {
  const files = await currentFiles();
  const verdict = await validate();
  if (!verdict || !verdict.valid) return;
  const processId = modeler.getDefinitions().rootElements.find(e => e.$type === 'bpmn:Process' && e.isExecutable)?.id;
  let deployedXml = null;
  try {
    deployedXml = processId ? await api(`/api/definitions/${encodeURIComponent(processId)}/xml`, { accept: 'application/xml' }) : null;
  } catch {
    deployedXml = null; // not deployed yet: everything is new
  }
  const changes = deployedXml ? await changesBetween(deployedXml, files.bpmn) : null;
  const label = item => `${item.name ? `${item.name} ` : ''}(${item.id}, ${item.type})`;
  const dialog = h('dialog', { class: 'fd-dialog fd-deploy-dialog', 'aria-labelledby': 'fd-deploy-title' },
    h('h2', { id: 'fd-deploy-title' }, t('designer.deploy.title', { key: processId || '' })),
    changes
      ? h('div', { class: 'fd-diff' },
        changeList(t('designer.deploy.added'), changes.added, label),
        changeList(t('designer.deploy.removed'), changes.removed, label),
        changeList(t('designer.deploy.changed'), changes.changed, item => `${label(item)}: ${item.attributes.join(', ')}`),
        changes.layout.length ? h('p', { class: 'fd-muted' }, t('designer.deploy.layout', { count: changes.layout.length })) : null,
        changes.added.length + changes.removed.length + changes.changed.length === 0 ? h('p', {}, t('designer.deploy.unchanged')) : null)
      : h('p', {}, t('designer.deploy.first')),
    h('p', { class: 'fd-muted' }, t('designer.deploy.forms', { count: files.forms.length })),
    h('div', { class: 'fd-dialog-buttons' },
      h('button', { type: 'button', class: 'fd-button', id: 'fd-deploy-confirm', onclick: () => confirm() }, t('designer.deploy.confirm')),
      h('button', { type: 'button', class: 'fd-secondary', onclick: () => dialog.close() }, t('designer.cancel'))));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();

  async function confirm() {
    try {
      const result = await api('/api/deployments', { method: 'POST', body: multipart(files) });
      dialog.close();
      const definition = result.definitions[0];
      say(definition.isNew ? t('designer.deploy.done', { key: definition.key, version: definition.version }) : t('designer.deploy.same', { version: definition.version }));
      await loadDefinitions();
      definitionSelect.value = definition.key;
      await loadVersions(definition.key);
      opened = { key: definition.key, version: definition.version, fileName: files.fileName };
      history.replaceState(null, '', `/designer?key=${encodeURIComponent(definition.key)}&version=${definition.version}`);
    } catch (error) {
      dialog.close();
      if (error.problem?.problems) problems.setServer(error.problem.problems);
      say(errorMessage(error));
    }
  }
}

// A .bpmn file from disk (drawn in Camunda Modeler, or downloaded before); its forms are added in the forms tab.
async function openFile(input) {
  const file = input.files[0];
  if (!file) return;
  try {
    await modeler.importXML(await file.text());
    modeler.get('canvas').zoom('fit-viewport');
    forms.load([]);
    opened = { key: null, version: null, fileName: file.name };
    history.replaceState(null, '', '/designer');
    problems.setServer(null);
    say(t('designer.fileOpened', { name: file.name }));
  } catch (error) {
    say(h('p', { class: 'fd-error', role: 'alert' }, t('designer.fileUnreadable', { name: file.name, reason: error.message })));
  }
  input.value = '';
}

async function download() {
  const { xml } = await modeler.saveXML({ format: true });
  const link = h('a', { href: URL.createObjectURL(new Blob([xml], { type: 'application/xml' })), download: opened.fileName });
  link.click();
  URL.revokeObjectURL(link.href);
}

const view = tabs('view', [['diagram', t('designer.tabs.diagram'), canvas], ['forms', t('designer.tabs.forms'), formsArea]]);
const sidebar = tabs('side', [
  ['properties', t('designer.tabs.properties'), properties],
  ['problems', t('designer.tabs.problems'), problemsList],
  ['testrun', t('designer.tabs.testrun'), runPanel],
]);
sidebar.list.children[1].append(' ', problemCount);

definitionSelect.addEventListener('change', () => loadVersions(definitionSelect.value).catch(error => say(errorMessage(error))));
main.append(
  h('div', { class: 'fd-toolbar' },
    h('label', { for: 'fd-definition' }, t('designer.process')), definitionSelect,
    h('label', { for: 'fd-version' }, t('designer.versionLabel')), versionSelect,
    h('button', { type: 'button', class: 'fd-secondary', onclick: () => definitionSelect.value && open(definitionSelect.value, versionSelect.value) }, t('designer.open')),
    h('button', { type: 'button', class: 'fd-secondary', onclick: () => newDiagram() }, t('designer.new')),
    h('label', { class: 'fd-secondary fd-file', for: 'fd-open-file' }, t('designer.openFile')),
    h('input', { type: 'file', id: 'fd-open-file', accept: '.bpmn,.xml', class: 'fd-visually-hidden', onchange: event => openFile(event.target) }),
    h('span', { class: 'fd-spacer' }),
    h('button', { type: 'button', class: 'fd-secondary', onclick: download }, t('designer.download')),
    h('button', { type: 'button', class: 'fd-secondary', id: 'fd-validate', onclick: validate }, t('designer.validate')),
    h('button', { type: 'button', class: 'fd-button', id: 'fd-deploy', onclick: deploy }, t('designer.deployButton'))),
  status,
  h('div', { class: 'fd-workspace' },
    h('div', { class: 'fd-work' }, view.list, canvas, formsArea),
    h('aside', { class: 'fd-side', 'aria-label': t('designer.side') }, sidebar.list, properties, problemsList, runPanel)));

const reachable = await loadDefinitions();
const query = new URLSearchParams(location.search);
if (reachable && query.get('key')) {
  definitionSelect.value = query.get('key');
  await loadVersions(query.get('key')).catch(() => {});
  if (query.get('version')) versionSelect.value = query.get('version');
  await open(query.get('key'), query.get('version'));
} else {
  await newDiagram(false);
}
