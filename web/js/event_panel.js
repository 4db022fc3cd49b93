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

// Sources of the event (one per report). `contradictions` (optional): [{field, values}]
// from fusion; the fields named there are marked in each source.
function sourcesList(sources, contradictions) {
  const list = el('ul', { class: 'sources' });
  const conflicting = new Set((contradictions || []).map((c) => c.field));
  for (const s of sources) {
    const claimant = s.claimant ? s.claimant.name || s.claimant.text || s.claimant.class : 'the outlet itself';
    const item = el('li', {},
      el('strong', {}, s.outlet || 'unknown outlet'),
      s.date ? ` · ${s.date}` : '',
      s.lang ? ` · ${s.lang}` : '',
      el('br'),
      `claimed by ${claimant}`, s.modality ? ` (${s.modality})` : '');
    if (s.title) item.append(el('br'), el('em', {}, s.title));
    if (s.url) {
      const a = el('a', { href: s.url, rel: 'noreferrer noopener', target: '_blank' }, s.url);
      item.append(el('br'), a);
    }
    if (s.differs && s.differs.length) {
      item.classList.add('contradiction');
      item.append(el('br'), el('span', { class: 'badge' }, `disagrees on ${s.differs.join(', ')}`));
    }
    list.append(item);
  }
  if (conflicting.size) {
    const box = el('div', { class: 'contradictions', role: 'note' },
      el('strong', {}, 'Contradictions: '),
      (contradictions || []).map((c) => `${c.field}: ${(c.values || []).join(' vs ')}`).join('; '));
    return el('div', {}, box, list);
  }
  return list;
}

export function renderEvent(panel, data, doc) {
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

  panel.append(el('h3', {}, `Sources (${data.sources.length})`));
  panel.append(sourcesList(data.sources, data.contradictions));

  if (doc) {
    panel.append(el('h3', {}, 'Source text'),
      el('p', { class: 'muted' }, 'Highlighted: the words this event was extracted from. Underlined: places, dates and quantities found.'));
    const spans = [];
    for (const m of doc.mentions || []) {
      spans.push({ start: m.start, end: m.end, className: `mention-${m.kind}`, title: `${m.kind}: ${m.text}` });
    }
    for (const ev of e.evidence || []) spans.push({ start: ev.start, end: ev.end, className: 'evidence', title: 'evidence' });
    const text = el('div', { class: 'source-text', tabindex: '0', 'aria-label': 'Source text' });
    text.append(highlightText(doc.text, spans));
    panel.append(text);
    const first = text.querySelector('mark.evidence');
    if (first) requestAnimationFrame(() => { text.scrollTop = first.offsetTop - text.offsetTop - 40; });
  }
  heading.focus();
}
