// The timeline: events per day stacked by type (d3), with a brush that selects a date
// range. The legend lists the types shown; each entry is a button that filters by it.
import { TYPES, typeColor, typeLabel } from './types.js';

const DAY = 86400000;

function parseDay(s) {
  return new Date(`${s}T00:00:00Z`);
}

export function isoDay(d) {
  return d.toISOString().slice(0, 10);
}

export function createTimeline(svgElement, legendElement, { onBrush, onType }) {
  const svg = d3.select(svgElement);
  const margin = { top: 8, right: 14, bottom: 22, left: 34 };
  let buckets = [];
  let brush = null;
  let brushGroup = null;

  function render() {
    const width = Math.max(300, svgElement.clientWidth || 600);
    const height = Math.max(90, svgElement.clientHeight || 130);
    svg.attr('viewBox', `0 0 ${width} ${height}`);
    svg.selectAll('*').remove();
    if (buckets.length === 0) {
      svg.append('text').attr('x', margin.left).attr('y', height / 2).attr('class', 'empty').text('No dated events');
      return;
    }
    // One column per day: counts per type, stacked in the order of TYPES.
    const byDay = new Map();
    for (const b of buckets) {
      if (!byDay.has(b.day)) byDay.set(b.day, new Map());
      byDay.get(b.day).set(b.type, b.count);
    }
    const days = [...byDay.keys()].sort();
    const first = parseDay(days[0]);
    const last = parseDay(days[days.length - 1]);
    const pad = Math.max(DAY, (last - first) * 0.02);
    const x = d3.scaleUtc().domain([new Date(+first - pad), new Date(+last + pad + DAY)])
      .range([margin.left, width - margin.right]);
    let maxTotal = 1;
    const rects = [];
    for (const day of days) {
      let y0 = 0;
      for (const [type] of TYPES) {
        const n = byDay.get(day).get(type);
        if (!n) continue;
        rects.push({ day, type, y0, y1: y0 + n, n });
        y0 += n;
      }
      maxTotal = Math.max(maxTotal, y0);
    }
    const y = d3.scaleLinear().domain([0, maxTotal]).nice().range([height - margin.bottom, margin.top]);
    // A day's bar fills its day, between 3 and 28 pixels wide, centred on it.
    const dayWidth = (d) => x(new Date(+parseDay(d) + DAY)) - x(parseDay(d));
    const barWidth = (d) => Math.min(28, Math.max(3, dayWidth(d) - 1));
    svg.append('g')
      .selectAll('rect')
      .data(rects)
      .join('rect')
      .attr('x', (d) => x(parseDay(d.day)) + (dayWidth(d.day) - barWidth(d.day)) / 2)
      .attr('width', (d) => barWidth(d.day))
      .attr('y', (d) => y(d.y1))
      .attr('height', (d) => y(d.y0) - y(d.y1))
      .attr('fill', (d) => typeColor(d.type))
      .append('title')
      .text((d) => `${d.day}: ${d.n} ${typeLabel(d.type)}`);
    // Days as dates on a short span (d3 would otherwise label hours), its own ticks on long ones.
    const axis = d3.axisBottom(x);
    const spanDays = (last - first) / DAY;
    if (spanDays < 30) {
      axis.ticks(d3.utcDay.every(Math.max(1, Math.ceil((spanDays + 2) / Math.max(2, Math.floor(width / 110))))))
        .tickFormat(d3.utcFormat('%Y-%m-%d'));
    } else {
      axis.ticks(Math.max(2, Math.floor(width / 110)));
    }
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`).call(axis);
    svg.append('g')
      .attr('transform', `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).ticks(Math.min(4, maxTotal)).tickFormat(d3.format('d')));

    brush = d3.brushX()
      .extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on('end', (event) => {
        if (!event.sourceEvent) return;  // moved by code
        if (!event.selection) {
          onBrush(null);
          return;
        }
        const [a, b] = event.selection.map((px) => x.invert(px));
        onBrush([isoDay(a), isoDay(b)]);
      });
    brushGroup = svg.append('g').attr('class', 'brush').call(brush);
  }

  function renderLegend() {
    legendElement.replaceChildren();
    const totals = new Map();
    for (const b of buckets) totals.set(b.type, (totals.get(b.type) || 0) + b.count);
    for (const [type] of TYPES) {
      if (!totals.has(type)) continue;
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.type = type;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = typeColor(type);
      button.append(swatch, `${typeLabel(type)} (${totals.get(type)})`);
      button.title = `Show only ${typeLabel(type)}`;
      button.addEventListener('click', () => onType(type));
      li.appendChild(button);
      legendElement.appendChild(li);
    }
  }

  function setData(newBuckets) {
    buckets = newBuckets;
    render();
    renderLegend();
  }

  function clearBrush() {
    if (brushGroup && brush) brushGroup.call(brush.move, null);
  }

  new ResizeObserver(() => render()).observe(svgElement);
  return { setData, clearBrush };
}
