#!/usr/bin/env node
// Renders a Grafana dashboard JSON to a static HTML page laid out like Grafana does (24-column
// grid, gridPos of every panel, rows as headers): each panel with its title, type, unit and
// queries, and a chart of SAMPLE values (deterministic pseudo-random curves; no Prometheus is
// involved). A picture of the dashboard's layout and content where no Grafana can run; screenshot
// the page with headless Chromium (render.sh does both). No dependencies beyond Node.js.
//
//   node render-dashboard.mjs DASHBOARD.json OUT.html
import { readFileSync, writeFileSync } from 'node:fs';

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error('usage: render-dashboard.mjs DASHBOARD.json OUT.html');
  process.exit(2);
}
const dashboard = JSON.parse(readFileSync(input, 'utf8'));

const COLUMN = 64; // px per grid column (24 columns = 1536 px)
const ROW = 34; // px per grid row unit
const COLORS = ['#73bf69', '#f2cc0c', '#5794f2', '#ff780a', '#b877d9', '#f2495c', '#8ab8ff'];

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// a small deterministic generator, seeded by the panel title, so the picture is reproducible
function random(seed) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>>= 0) % 10000) / 10000;
  };
}

function series(rnd, points) {
  const base = 0.3 + rnd() * 0.4;
  let v = base;
  return Array.from({ length: points }, () => (v = Math.min(0.95, Math.max(0.05, v + (rnd() - 0.5) * 0.12 + (base - v) * 0.1))));
}

function chart(panel, width, height) {
  const rnd = random(panel.title);
  const lines = (panel.targets || []).flatMap((t, i) => {
    // one sample series per target, two for the ones split by a label ({{label}} in the legend)
    const count = /\{\{/.test(t.legendFormat || '') ? 2 : 1;
    return Array.from({ length: count }, (_, j) => ({ color: COLORS[(i * 2 + j) % COLORS.length], values: series(rnd, 60) }));
  });
  const paths = lines.map(({ color, values }) => {
    const d = values.map((v, x) => `${x === 0 ? 'M' : 'L'}${((x / (values.length - 1)) * width).toFixed(1)},${((1 - v) * height).toFixed(1)}`).join(' ');
    return `<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5"/>`;
  });
  const grid = [0.25, 0.5, 0.75].map((g) => `<line x1="0" x2="${width}" y1="${g * height}" y2="${g * height}" stroke="#2c3235"/>`);
  return `<svg width="${width}" height="${height}">${grid.join('')}${paths.join('')}</svg>`;
}

function stat(panel) {
  const rnd = random(panel.title);
  return `<div class="stat">${Math.round(rnd() * 40)}</div>`;
}

function panel(p) {
  const { x, y, w, h } = p.gridPos;
  const style = `left:${x * COLUMN}px;top:${y * ROW}px;width:${w * COLUMN - 8}px;height:${h * ROW - 8}px`;
  if (p.type === 'row') {
    return `<div class="row" style="${style}">${escape(p.title)}</div>`;
  }
  const unit = p.fieldConfig?.defaults?.unit || '';
  const queries = (p.targets || []).map((t) => `<div class="query"><b>${escape(t.refId)}</b> ${escape(t.expr)}${t.legendFormat ? ` <i>legend ${escape(t.legendFormat)}</i>` : ''}</div>`);
  const body = p.type === 'stat' ? stat(p) : chart(p, w * COLUMN - 30, h * ROW - 150);
  return `<div class="panel" style="${style}">
    <div class="title">${escape(p.title)} <span class="type">${escape(p.type)}${unit ? ` · ${escape(unit)}` : ''}</span></div>
    <div class="body">${body}</div>
    <div class="queries">${queries.join('')}</div>
  </div>`;
}

const panels = (dashboard.panels || []).flatMap((p) => [p, ...(p.panels || [])]);
const bottom = Math.max(...panels.map((p) => p.gridPos.y + p.gridPos.h));
const variables = (dashboard.templating?.list || []).map((v) => `${escape(v.label || v.name)}: <b>${escape(v.name === 'namespace' ? 'logishift-support' : 'Prometheus')}</b>`);

writeFileSync(output, `<!doctype html>
<html><head><meta charset="utf-8"><title>${escape(dashboard.title)}</title>
<style>
  body { margin: 0; background: #111217; color: #ccccdc; font: 13px/1.35 Inter, Helvetica, Arial, sans-serif; }
  header { padding: 12px 16px; border-bottom: 1px solid #2c3235; }
  header h1 { margin: 0 0 4px; font-size: 18px; color: #fff; }
  header .note { color: #f2cc0c; }
  .grid { position: relative; margin: 12px 16px; width: ${24 * COLUMN}px; height: ${bottom * ROW}px; }
  .row { position: absolute; font-size: 15px; font-weight: 600; color: #fff; border-bottom: 1px solid #2c3235; }
  .panel { position: absolute; background: #181b1f; border: 1px solid #2c3235; border-radius: 3px; padding: 6px 8px; overflow: hidden; box-sizing: border-box; }
  .title { font-weight: 600; color: #fff; margin-bottom: 4px; }
  .type { font-weight: 400; color: #8e8e8e; font-size: 11px; }
  .stat { font-size: 40px; font-weight: 600; color: #73bf69; padding: 4px 0 0 4px; }
  .queries { font: 10px/1.3 'DejaVu Sans Mono', monospace; color: #9fa7b3; margin-top: 4px; }
  .query { white-space: pre-wrap; word-break: break-all; margin-bottom: 2px; }
  .query i { color: #6e7681; }
</style></head><body>
<header><h1>${escape(dashboard.title)}</h1>
<div>${variables.join(' &nbsp; ')} &nbsp; time: ${escape(dashboard.time?.from || '')} to ${escape(dashboard.time?.to || '')}</div>
<div class="note">Rendered from ${escape(input.split('/').pop())} without Grafana: layout, titles, types, units and queries are the dashboard's own; the curves are SAMPLE values.</div>
</header>
<div class="grid">${panels.map(panel).join('\n')}</div>
</body></html>
`);
console.log(`wrote ${output}: ${panels.length} panels`);
