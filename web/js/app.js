// The dashboard: filters, map, timeline, event list, event and outlet panels, wired to
// the API of the server that serves this page. Nothing is fetched from elsewhere.
import { allClusters, allEventFeatures, documentPath, eventPath, getJson } from './api.js';
import { renderEvent } from './event_panel.js';
import { createMap } from './map.js';
import { renderOutlets } from './outlets.js';
import { createTimeline } from './timeline.js';
import { TYPES, typeColor, typeLabel } from './types.js';

const ACTOR_CLASSES = ['state_forces', 'state_agency', 'foreign_forces', 'international_coalition',
  'armed_opposition', 'jihadist_group', 'militia', 'civilians', 'igo_ngo', 'media', 'unknown'];
const FILTERS = ['type', 'actor', 'outlet', 'claimant', 'modality', 'text', 'from', 'to'];

const $ = (id) => document.getElementById(id);
const form = $('filters');
const errorBox = $('error');

function showError(message) {
  errorBox.hidden = !message;
  errorBox.textContent = message || '';
}

function currentFilters() {
  const f = {};
  for (const name of FILTERS) {
    const v = form.elements[name].value.trim();
    if (v) f[name] = v;
  }
  return f;
}

// --- tabs (arrow keys move between them) ---
const tabs = ['events', 'event', 'outlets'].map((name) => ({ name, tab: $(`tab-${name}`), panel: $(`panel-${name}`) }));
function showTab(name, focus = false) {
  for (const t of tabs) {
    const on = t.name === name;
    t.tab.setAttribute('aria-selected', String(on));
    t.tab.tabIndex = on ? 0 : -1;
    t.panel.hidden = !on;
    if (on && focus) t.tab.focus();
  }
}
tabs.forEach((t, i) => {
  t.tab.addEventListener('click', () => showTab(t.name));
  t.tab.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    showTab(tabs[(i + step + tabs.length) % tabs.length].name, true);
  });
});

// --- map, timeline ---
const map = createMap($('map'), (id) => openEvent(id));
const timeline = createTimeline($('timeline'), $('legend'), {
  onBrush: (range) => {
    form.elements.from.value = range ? range[0] : '';
    form.elements.to.value = range ? range[1] : '';
    $('timeline-clear').hidden = !range;
    refresh();
  },
  onType: (type) => {
    form.elements.type.value = type;
    refresh();
  },
});
$('timeline-clear').addEventListener('click', () => {
  form.elements.from.value = '';
  form.elements.to.value = '';
  $('timeline-clear').hidden = true;
  timeline.clearBrush();
  refresh();
});

// --- event list ---
function renderList(features) {
  const list = $('event-list');
  list.replaceChildren();
  for (const f of features) {
    const p = f.properties;
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'event-item';
    b.dataset.eventId = p.event_id;
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.style.background = typeColor(p.type);
    chip.textContent = typeLabel(p.type);
    const place = p.location ? p.location.name || p.location.text : 'no place';
    const when = p.date ? p.date.start : 'undated';
    const who = p.claimant ? p.claimant.name || p.claimant.text : p.source && p.source.outlet ? p.source.outlet : '';
    const line = document.createElement('span');
    line.className = 'event-line';
    line.textContent = `${when} · ${place}${who ? ' · ' + who : ''}`;
    b.append(chip, line);
    if (p.corroboration > 1) {
      const n = document.createElement('span');
      n.className = 'outlets';
      n.textContent = `${p.corroboration} outlets`;
      n.title = 'Outlets reporting this event (fused cluster)';
      b.append(n);
    }
    if (p.contradicted) {
      const flag = document.createElement('span');
      flag.className = 'badge';
      flag.textContent = 'contradicted';
      b.append(flag);
    }
    if (!f.geometry) b.title = 'Not on the map (no coordinates)';
    b.addEventListener('click', () => openEvent(p.event_id));
    li.appendChild(b);
    list.appendChild(li);
  }
  if (features.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'No event matches these filters.';
    list.appendChild(li);
  }
}

// --- one event ---
let openedFrom = null;  // the list item an event was opened from, focused again on Escape
async function openEvent(id) {
  if (document.activeElement && document.activeElement.classList.contains('event-item')) openedFrom = id;
  try {
    const data = await getJson(eventPath(id));
    const doc = await getJson(documentPath(data.event.doc_id)).catch(() => null);
    renderEvent($('panel-event'), data, doc, showSource);
    showTab('event');
    $('event-heading').focus();
    map.select(id);
    for (const b of document.querySelectorAll('.event-item')) b.classList.toggle('selected', b.dataset.eventId === id);
  } catch (e) {
    showError(e.message);
  }
}

// Another report of the same cluster: its document with that report's evidence.
async function showSource(eventId) {
  const data = await getJson(eventPath(eventId));
  const doc = await getJson(documentPath(data.event.doc_id));
  return { event: data.event, doc };
}

// --- loading ---
let generation = 0;
async function refresh() {
  const mine = ++generation;
  document.body.dataset.state = 'loading';
  showError(null);
  const filters = currentFilters();
  const { from, to, ...untimed } = filters;  // the timeline shows every date: it is the date filter
  try {
    const [features, days, clusters] = await Promise.all([
      allEventFeatures(filters), getJson('/api/timeline', untimed), allClusters(filters)]);
    if (mine !== generation) return;
    // Each event learns its cluster: markers stand for clusters, sized by their outlets.
    const clusterOf = new Map();
    for (const c of clusters) for (const s of c.sources || []) clusterOf.set(s.event_id, c);
    for (const f of features) {
      const c = clusterOf.get(f.properties.event_id);
      if (!c) continue;
      f.properties.cluster_id = c.cluster_id;
      f.properties.corroboration = c.outlets;
      f.properties.contradicted = c.contradictions.length > 0;
    }
    const onMap = map.setEvents(features);
    renderList(features);
    timeline.setData(days.buckets);
    const shown = Object.entries(filters).map(([k, v]) => `${k}: ${v}`).join(', ');
    $('summary').textContent = `${features.length} event${features.length === 1 ? '' : 's'} (${onMap} marker${onMap === 1 ? '' : 's'} on the map)` +
      (shown ? ` — ${shown}` : '') + (days.undated ? ` · ${days.undated} undated` : '');
    document.body.dataset.state = 'ready';
  } catch (e) {
    if (mine !== generation) return;
    showError(e.message);
    document.body.dataset.state = 'error';
  }
}

async function loadOutlets() {
  const data = await getJson('/api/outlets');
  renderOutlets($('panel-outlets'), data);
  const select = form.elements.outlet;
  const names = new Set();
  for (const o of data.outlets) {
    if (!o.outlet) continue;
    select.append(new Option(`${o.outlet} (${o.events})`, o.outlet));
    for (const l of o.labels) if (l.actor_name) names.add(l.actor_name);
  }
  const actors = $('actor-names');
  for (const n of [...names].sort()) actors.append(new Option(n));
  for (const c of ACTOR_CLASSES) {
    actors.append(new Option(c));
    $('claimant-names').append(new Option(c));
  }
}

for (const [type] of TYPES) form.elements.type.append(new Option(typeLabel(type), type));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  $('timeline-clear').hidden = !(form.elements.from.value || form.elements.to.value);
  refresh();
});
for (const name of ['type', 'outlet', 'modality']) form.elements[name].addEventListener('change', () => refresh());
form.addEventListener('reset', () => {
  setTimeout(() => {
    $('timeline-clear').hidden = true;
    timeline.clearBrush();
    refresh();
  });
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || $('panel-event').hidden) return;
  showTab('events', true);
  const back = openedFrom && document.querySelector(`.event-item[data-event-id="${CSS.escape(openedFrom)}"]`);
  if (back) back.focus();
});

loadOutlets().catch((e) => showError(e.message));
refresh();
