// The event panel: the record's fields, its sources with their claimants (contradictions
// between sources highlighted), and the source text with the evidence spans highlighted.
import { typeColor, typeLabel } from './types.js';
import { highlightText } from './text.js';

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function actorText(a) {
  if (!a) return null;
  const parts = [a.name || a.text || a.class];
  const more = [a.class, a.country, a.label ? `called “${a.label}”` : null].filter(Boolean);
  if (more.length) parts.push(`(${more.join(', ')})`);
  if (a.text && a.name && a.text !== a.name) parts.push(`— “${a.text}”`);
  return parts.join(' ');
}

function quantityText(q) {
  const value = q.value !== undefined && q.value !== null ? q.value : `${q.min}–${q.max}`;
  return `${q.kind}: ${q.qualifier && q.qualifier !== 'exact' ? q.qualifier.replace('_', ' ') + ' ' : ''}${value}` +
    `${q.unit ? ' ' + q.unit : ''}${q.text ? ` (“${q.text}”)` : ''}`;
}

function fieldRows(e) {
  const rows = [];
  const add = (name, value) => {
    if (value !== null && value !== undefined && value !== '') rows.push([name, value]);
  };
  add('Type', `${typeLabel(e.type)}${e.subtype ? ' / ' + e.subtype : ''}`);
  add('Status', e.status);
  add('Modality', e.modality);
  if (e.date) {
    const range = e.date.end && e.date.end !== e.date.start ? `${e.date.start} to ${e.date.end}` : e.date.start;
    add('Date', `${range} (${e.date.precision}, ${e.date.basis}${e.date.text ? ': “' + e.date.text + '”' : ''})`);
  } else {
    add('Date', 'unknown');
  }
  if (e.location) {
    const l = e.location;
    const name = `${l.name || l.text}${l.part ? ` (${l.part})` : ''}`;
    const where = [name, l.admin1 !== l.name ? l.admin1 : null, l.country].filter(Boolean).join(', ');
    add('Place', `${where} — ${l.precision}${l.text && l.text !== l.name ? `, “${l.text}”` : ''}`);
    if (typeof l.lat === 'number') add('Coordinates', `${l.lat.toFixed(4)}, ${l.lon.toFixed(4)}`);
  }
  add('Actor 1', actorText(e.actor1));
  add('Actor 2', actorText(e.actor2));
  if (e.quantities && e.quantities.length) add('Quantities', e.quantities.map(quantityText).join('; '));
  add('Claimant', e.claimant ? actorText(e.claimant) : 'none (the outlet’s own voice)');
  add('Confidence', e.confidence !== undefined ? String(e.confidence) : null);
  return rows;
}

// The reports of the event: the cluster's member records once fusion has run, else the
// event's own document. Sources on either side of a contradiction are marked.
function sourcesSection(data, onShow) {
  const section = el('div', { class: 'sources-box' });
  const cluster = data.cluster;
  if (cluster) {
    section.append(el('p', { class: 'corroboration' },
      `Reported by ${cluster.outlets} outlet${cluster.outlets === 1 ? '' : 's'} ` +
      `(${cluster.events} report${cluster.events === 1 ? '' : 's'}, ` +
      `${cluster.claimants} claimant${cluster.claimants === 1 ? '' : 's'}).`));
    if (cluster.contradictions.length) {
      const box = el('div', { class: 'contradictions', role: 'note' }, el('strong', {}, 'Contradictions'));
      const ul = el('ul');
      for (const c of cluster.contradictions) ul.append(el('li', {}, c.detail || `${c.kind}: ${c.subject}`));
      box.append(ul);
      section.append(box);
    }
  }
  const sources = cluster && cluster.sources ? cluster.sources : data.sources.map((s) => ({
    event_id: s.event_id, doc_id: s.doc_id, outlet: s.outlet, url: s.url, title: s.title, doc_date: s.date,
    doc_lang: s.lang, modality: s.modality,
    claimant: s.claimant ? s.claimant.name || s.claimant.text || s.claimant.class : null,
  }));
  const disputed = new Map();
  for (const c of cluster ? cluster.contradictions : []) {
    for (const id of c.event_ids) {
      if (!disputed.has(id)) disputed.set(id, []);
      disputed.get(id).push(c.subject || c.kind);
    }
  }
  const list = el('ul', { class: 'sources' });
  for (const s of sources) {
    const item = el('li', {},
      el('strong', {}, s.outlet || 'unknown outlet'),
      s.doc_date ? ` · ${s.doc_date}` : '', s.doc_lang ? ` · ${s.doc_lang}` : '',
      el('br'), `claimed by ${s.claimant || 'the outlet itself'}`, s.modality ? ` (${s.modality})` : '');
    if (s.copy_of) item.append(el('br'), el('span', { class: 'muted' }, `a copy of document ${s.copy_of}`));
    if (s.title) item.append(el('br'), el('em', {}, s.title));
    if (s.url) item.append(el('br'), el('a', { href: s.url, rel: 'noreferrer noopener', target: '_blank' }, s.url));
    if (disputed.has(s.event_id)) {
      item.classList.add('contradiction');
      item.append(el('br'), el('span', { class: 'badge' }, `disputed: ${[...new Set(disputed.get(s.event_id))].join(', ')}`));
    }
    // Each report can show its text below; the one shown has its button disabled.
    const shown = s.event_id === data.event.event_id;
    const b = el('button', { type: 'button', class: 'show-source' }, shown ? 'Its text is shown below' : 'Show this report’s text');
    b.disabled = shown || !onShow;
    b.dataset.eventId = s.event_id;
    if (onShow) b.addEventListener('click', () => onShow(s.event_id));
    item.classList.toggle('shown', shown);
    item.append(el('br'), b);
    list.append(item);
  }
  section.append(list);
  return section;
}

function sourceText(event, doc) {
  const box = el('div', {});
  box.append(el('p', { class: 'muted' },
    `${doc.outlet || 'Unknown outlet'}${doc.title ? ' — ' + doc.title : ''}. Highlighted: the words this report ` +
    'was extracted from. Underlined: places, dates and quantities found.'));
  const spans = [];
  for (const m of doc.mentions || []) {
    spans.push({ start: m.start, end: m.end, className: `mention-${m.kind}`, title: `${m.kind}: ${m.text}` });
  }
  for (const ev of event.evidence || []) spans.push({ start: ev.start, end: ev.end, className: 'evidence', title: 'evidence' });
  const text = el('div', { class: 'source-text', tabindex: '0', 'aria-label': 'Source text' });
  text.append(highlightText(doc.text, spans));
  box.append(text);
  requestAnimationFrame(() => {
    const first = text.querySelector('mark.evidence');
    if (first) text.scrollTop = first.offsetTop - text.offsetTop - 40;
  });
  return box;
}

// loadSource(eventId) -> {event, doc}: another report's record and document.
export function renderEvent(panel, data, doc, loadSource) {
  const e = data.event;
  panel.replaceChildren();
  const heading = el('h2', { tabindex: '-1', id: 'event-heading' },
    el('span', { class: 'chip', style: `background:${typeColor(e.type)}` }, typeLabel(e.type)),
    ' ', e.location ? e.location.name || e.location.text : 'unknown place',
    e.date ? `, ${e.date.start}` : '');
  panel.append(heading);
  const dl = el('dl', { class: 'fields' });
  for (const [k, v] of fieldRows(e)) dl.append(el('dt', {}, k), el('dd', {}, v));
  panel.append(dl);

  const textHeading = el('h3', { id: 'source-text-heading' }, 'Source text');
  const textBox = el('div', { id: 'source-text-box' });
  const show = loadSource ? async (eventId) => {
    const { event, doc: other } = await loadSource(eventId);
    textBox.replaceChildren(sourceText(event, other));
    for (const b of panel.querySelectorAll('.sources .show-source')) {
      const on = b.dataset.eventId === eventId;
      b.disabled = on;
      b.textContent = on ? 'Its text is shown below' : 'Show this report’s text';
      b.closest('li').classList.toggle('shown', on);
    }
    textHeading.focus();
  } : null;
  textHeading.tabIndex = -1;
  const count = data.cluster ? data.cluster.events : data.sources.length;
  panel.append(el('h3', {}, `Sources (${count})`), sourcesSection(data, show));
  if (doc) {
    textBox.append(sourceText(e, doc));
    panel.append(textHeading, textBox);
  }
  heading.focus();
}
