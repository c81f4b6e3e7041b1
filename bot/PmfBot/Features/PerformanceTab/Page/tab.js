// The Performance tab: what the signed-in person may see of the council's measures, their trends against target, one
// measure's story, and the escalations waiting for their decision. Bundled with Chart.js and the Teams JavaScript
// library by esbuild at build time (no CDN: a tab's domains are fixed in the manifest, and councils block many).
import { app, authentication, pages } from '@microsoft/teams-js';
import {
  CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';

Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const main = document.getElementById('main');
const page = { authorization: null, data: null };

// ---- Signing in: Teams SSO inside Teams; locally, the demo person the address names (the server refuses it in
// Production).
async function signIn() {
  const here = new URLSearchParams(location.search);
  if (here.get('as')) {
    setTheme(here.get('theme') || 'default');
    return `Demo ${here.get('as')}`;
  }
  // Outside Teams nobody answers the library's handshake: say so rather than wait for ever.
  const outsideTeams = new Promise((_, reject) => setTimeout(() => reject(new Error('not in Teams')), 5000));
  await Promise.race([app.initialize(), outsideTeams]);
  const context = await app.getContext();
  setTheme(context.app.theme);
  app.registerOnThemeChangeHandler(setTheme);
  return `Bearer ${await authentication.getAuthToken()}`;
}

function setTheme(theme) {
  document.documentElement.dataset.theme = ['dark', 'contrast'].includes(theme) ? theme : 'default';
  Object.values(Chart.instances).forEach(chart => { styleChart(chart); chart.update('none'); });
}

async function api(path, options = {}) {
  const response = await fetch(`/api/tab${path}`, {
    ...options,
    headers: { Authorization: page.authorization, 'Content-Type': 'application/json', ...(options.headers || {}) },
  });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (response.status === 401) throw new Error('Your sign-in was not accepted. Close the tab and open it again.');
  return { status: response.status, body };
}

// ---- Little DOM helpers: text is always set as text, never as HTML.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function statusBadge(status) {
  const known = { Green: 'green', Amber: 'amber', Red: 'red' }[status] || 'none';
  return el('span', { class: `status status-${known}` }, status);
}

function link(params, text, attributes = {}) {
  const href = `?${params.toString()}`;
  return el('a', { href, onclick: event => { event.preventDefault(); go(params); }, ...attributes }, text);
}

function carry(extra = {}) {
  const now = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const key of ['as', 'theme', 'scope']) if (now.get(key)) kept.set(key, now.get(key));
  for (const [key, value] of Object.entries(extra)) if (value) kept.set(key, value);
  return kept;
}

function go(params, replace = false) {
  history[replace ? 'replaceState' : 'pushState'](null, '', `?${params.toString()}`);
  render();
}

// ---- Charts: the figures against the target, coloured by meaning, and said in words for screen readers.
function colour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
}

function styleChart(chart) {
  const status = chart.$status;
  chart.data.datasets[0].borderColor = colour({ Green: 'good', Amber: 'warning', Red: 'attention' }[status] || 'accent');
  chart.data.datasets[0].backgroundColor = chart.data.datasets[0].borderColor;
  if (chart.data.datasets[1]) chart.data.datasets[1].borderColor = colour('neutral');
  for (const axis of Object.values(chart.options.scales)) {
    axis.ticks.color = colour('quiet');
    axis.grid.color = colour('line');
  }
  chart.options.plugins.legend.labels.color = colour('text');
}

function drawTrend(holder, trend, big = false) {
  const points = trend.points;
  const figures = points.filter(p => p.value !== null && p.value !== undefined).length;
  const canvas = el('canvas', { role: 'img', 'aria-label': `${trend.title}. ${trend.inWords}` });
  holder.append(el('div', { class: big ? 'chart big' : 'chart' }, canvas));
  const datasets = [{
    label: trend.valueLegend, data: points.map(p => p.value ?? null), spanGaps: false, borderWidth: 2, pointRadius: 3,
    // A year-to-date count starts again in April: no line runs into the new year from March.
    segment: { borderColor: ctx => (points[ctx.p1DataIndex]?.startsYear ? 'transparent' : undefined) },
  }];
  if (points.some(p => p.target !== null && p.target !== undefined)) {
    datasets.push({
      label: trend.targetLegend, data: points.map(p => p.target ?? null), borderDash: [6, 4], borderWidth: 1.5,
      pointRadius: 0,
    });
  }
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels: points.map(p => p.period), datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: big, labels: {} } },
      scales: { x: { ticks: { maxRotation: 0, autoSkip: true }, grid: {} }, y: { ticks: {}, grid: {} } },
    },
  });
  chart.$status = trend.latestStatus;
  styleChart(chart);
  chart.update('none');
  canvas.dataset.points = String(figures);
  canvas.dataset.drawn = 'true';
}

// Charts are drawn as they scroll into view: a department has hundreds of measures.
const lazy = new IntersectionObserver(entries => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    lazy.unobserve(entry.target);
    drawTrend(entry.target, entry.target.$trend);
  }
}, { rootMargin: '200px' });

// ---- The list, with its filters kept in the address. A tab pinned in a channel has a scope: "service:waste",
// "department:place" (what the person may see of it).
function inScope(measure, scope) {
  const [kind, code] = (scope || '').split(':');
  return kind === 'service' ? measure.service === code : kind === 'department' ? measure.department === code : true;
}

function scopeName(data, scope) {
  const [kind, code] = (scope || '').split(':');
  const found = (kind === 'service' ? data.services : kind === 'department' ? data.departments : []).find(c => c.code === code);
  return found ? found.name : null;
}

function matches(measure, filters) {
  return inScope(measure, filters.scope)
    && (!filters.service || measure.service === filters.service)
    && (!filters.status || measure.status === filters.status)
    && (!filters.overdue || measure.due?.overdue)
    && (!filters.priority || measure.priorities.includes(filters.priority));
}

function renderList(data) {
  const here = new URLSearchParams(location.search);
  const filters = {
    scope: here.get('scope'), service: here.get('service'), status: here.get('status'), overdue: here.get('overdue'),
    priority: here.get('priority'),
  };
  const scoped = data.measures.filter(m => inScope(m, filters.scope));
  const shown = data.measures.filter(m => matches(m, filters));
  const pinned = scopeName(data, filters.scope);
  const choose = (name, label, options) => el('label', {}, label, el('select', {
    name, onchange: event => {
      const next = new URLSearchParams(location.search);
      next.delete('measure');
      if (event.target.value) next.set(name, event.target.value); else next.delete(name);
      go(next, true);
    },
  }, el('option', { value: '' }, 'All'),
  options.map(([value, text]) => el('option', { value, selected: filters[name] === value }, text))));
  const statuses = ['Green', 'Amber', 'Red', 'No target', 'No figure'];
  main.replaceChildren(
    el('p', { class: 'quiet' }, `${data.person}: ${pinned || data.reach} as at ${data.asAt}. `,
      `${shown.length} of ${scoped.length} measures shown. `, reportLink(filters.scope)),
    el('div', { class: 'filters', role: 'group', 'aria-label': 'Filters' },
      choose('service', 'Service', data.services.filter(s => scoped.some(m => m.service === s.code))
        .map(s => [s.code, s.name])),
      choose('status', 'Status', statuses.map(s => [s, s])),
      choose('overdue', 'Updates', [['1', 'Overdue only']]),
      data.priorities.length ? choose('priority', 'Priority', data.priorities.map(p => [p.code, p.name])) : null),
    data.measures.length === 0
      ? el('p', {}, 'No measures are yours to see yet: you own, update or oversee none in the catalogue. '
        + 'The performance team can tell you more.')
      : null,
    el('ul', { class: 'grid', id: 'measures' }, shown.map(measure => {
      const chart = el('div', {});
      chart.$trend = measure.trend;
      lazy.observe(chart);
      return el('li', { class: 'measure', 'data-reference': measure.reference },
        el('h2', {}, link(carry({ measure: measure.reference }), `${measure.reference} ${measure.title}`)),
        el('div', {}, statusBadge(measure.status), ' ', measure.serviceName),
        facts([
          ['Latest', measure.latest || 'No figure recorded yet'], ['Target', measure.target],
          ['Direction', measure.direction],
          ['Due', measure.due ? el('span', { class: measure.due.overdue ? 'overdue' : null }, measure.due.text) : null],
          ['Escalation', measure.escalation],
        ]),
        measure.commentary ? el('p', { class: 'note' }, el('strong', {}, 'Commentary: '), measure.commentary) : null,
        measure.actionNote ? el('p', { class: 'note' }, el('strong', {}, 'Action: '), measure.actionNote) : null,
        chart);
    })),
  );
}

// The last quarter's report for what the tab shows, when the person sees all of it (the server decides).
function reportLink(scope) {
  const holder = el('span', { id: 'report' });
  api(`/report${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`).then(({ status, body }) => {
    if (status !== 200) return;
    holder.replaceChildren(el('a', { href: body.url, download: '' }, `Download the ${body.title}`));
    holder.append(' · ', el('a', { href: body.workbookUrl, download: '' }, 'the report as a workbook (Excel)'));
    if (body.activitiesUrl) {
      holder.append(' · ', el('a', { href: body.activitiesUrl, download: '' }, 'its activities and milestones'));
    }
  }).catch(() => {});
  return holder;
}

// ---- One measure's story.
async function renderMeasure(reference) {
  const { status, body } = await api(`/measures/${encodeURIComponent(reference)}`);
  if (status !== 200) {
    main.replaceChildren(el('p', { role: 'alert' }, body?.message || 'That measure could not be shown.'),
      link(carry(), 'Back to the measures'));
    return;
  }
  const m = body.measure;
  const trend = el('div', {});
  const table = (caption, head, rows) => el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'quiet' }, caption),
    el('thead', {}, el('tr', {}, head.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c)))))));
  main.replaceChildren(el('div', { class: 'stack', id: 'measure' },
    link(carry(), '← All measures'),
    el('section', { class: 'panel' },
      el('h2', {}, `${m.reference} ${m.title}`),
      el('div', {}, statusBadge(m.status), ' ', m.serviceName),
      facts([['Latest', m.latest || 'No figure recorded yet'], ['Target', m.target], ['Direction', m.direction],
        ['Due', m.due?.text], ['Owner', body.owner], ['Escalation owner', body.escalationOwner],
        ['Commentary', m.commentary], ['Action', m.actionNote]]),
      trend),
    el('section', { class: 'panel', id: 'history' }, el('h2', {}, 'History'),
      table('Every period, newest first', ['Period', 'Value', 'Status', 'Commentary', 'Action', 'Recorded'],
        body.history.map(f => [f.period, f.value, f.status, f.commentary || '', f.actionNote || '',
          `${f.recordedBy}, ${f.recordedAt}${f.version > 1 ? ` (version ${f.version})` : ''}`]))),
    el('section', { class: 'panel', id: 'changes' }, el('h2', {}, 'Audit trail'),
      table('Every change, newest first', ['Period', 'Change', 'By', 'When', 'Why'],
        body.changes.map(c => [c.period, c.what, c.by, c.at, c.reason || '']))),
    el('section', { class: 'panel', id: 'escalations' }, el('h2', {}, 'Escalations'),
      body.escalations.length === 0 ? el('p', { class: 'quiet' }, 'None.') : el('ul', {},
        body.escalations.map(x => el('li', {}, el('strong', {}, `${x.period}: ${x.state}`), ` — raised ${x.raised}`,
          x.proposedAction ? el('div', {}, `Proposed action: ${x.proposedAction}`) : null,
          x.decisions.map(d => el('div', {}, d)), x.closed ? el('div', {}, `Closed ${x.closed}`) : null)))),
  ));
  drawTrend(trend, m.trend, true);
}

// ---- Escalations waiting for the signed-in person, with the card's five decisions.
const decisions = [
  ['approve', 'Approve the remedial action'], ['resource', 'Allocate resource'], ['ask', 'Ask for more information'],
  ['stop', 'Stop the activity'], ['accept', 'Accept the risk until a date'],
];

async function renderEscalations() {
  const { body } = await api('/escalations');
  if (body.length === 0) {
    main.replaceChildren(el('p', {}, 'Nothing is waiting for your decision.'));
    return;
  }
  main.replaceChildren(el('ul', { class: 'grid', id: 'waiting' }, body.map(x => {
    const said = el('div', { 'aria-live': 'polite' });
    const form = el('form', {
      class: 'decide',
      onsubmit: async event => {
        event.preventDefault();
        const fields = new FormData(form);
        const button = form.querySelector('button');
        button.disabled = true;
        const answer = await api(x.decidePath, {
          method: 'POST',
          body: JSON.stringify({ decision: fields.get('decision'), note: fields.get('note'), until: fields.get('until') }),
        });
        button.disabled = false;
        if (answer.status === 200) {
          said.replaceChildren(el('p', { class: 'done', role: 'status' }, answer.body.notice || 'Recorded.'));
          form.remove();
        } else {
          const problems = answer.body?.problems || [answer.body?.message || 'That could not be recorded.'];
          said.replaceChildren(el('ul', { class: 'problems', role: 'alert' }, problems.map(p => el('li', {}, p))));
        }
      },
    },
    el('label', {}, 'Decision ', el('select', { name: 'decision', required: true },
      decisions.map(([value, text]) => el('option', { value }, text)))),
    el('label', {}, 'Note ', el('textarea', { name: 'note', rows: 2, maxlength: 2000 })),
    el('label', {}, 'Review or accept until ', el('input', { type: 'date', name: 'until' })),
    el('button', { type: 'submit' }, 'Record decision'));
    return el('li', { class: 'panel', 'data-reference': x.reference },
      el('h2', {}, `${x.reference} ${x.title} — ${x.period}`),
      facts([['Figure', x.figure], ['Why', x.why], ['Commentary', x.commentary], ['Proposed action', x.proposedAction],
        ['Stands', x.waiting]]),
      form, said);
  })));
}

async function render() {
  const here = new URLSearchParams(location.search);
  const view = here.get('view') === 'escalations' ? 'escalations' : 'list';
  for (const a of document.querySelectorAll('nav a')) {
    a.href = `?${carry(a.dataset.view === 'escalations' ? { view: 'escalations' } : {}).toString()}`;
    a.toggleAttribute('aria-current', a.dataset.view === view);
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    a.onclick = event => { event.preventDefault(); go(new URLSearchParams(a.search)); };
  }
  try {
    if (view === 'escalations') await renderEscalations();
    else if (here.get('measure')) await renderMeasure(here.get('measure'));
    else {
      if (!page.data) {
        const { status, body } = await api('/measures');
        if (status !== 200) throw new Error(body?.message || 'The measures could not be loaded.');
        page.data = body;
      }
      renderList(page.data);
    }
    document.body.dataset.ready = view;
  } catch (problem) {
    main.replaceChildren(el('p', { role: 'alert' }, problem.message));
    document.body.dataset.ready = 'refused';
  }
}

// ---- The configuration page Teams shows when a manager pins the tab in a channel or chat: which scope it shows.
async function configure() {
  const { status, body } = await api('/measures');
  if (status !== 200) throw new Error(body?.message || 'The measures could not be loaded.');
  const choices = [['', `Everything you can see (${body.reach})`],
    ...body.departments.map(d => [`department:${d.code}`, `${d.name} department`]),
    ...body.services.map(s => [`service:${s.code}`, s.name])];
  const select = el('select', { id: 'scope' }, choices.map(([value, text]) => el('option', { value }, text)));
  main.replaceChildren(el('label', {}, 'Show this channel ', select));
  const save = () => {
    const scope = select.value;
    const name = choices.find(([value]) => value === scope)[1];
    pages.config.setConfig({
      entityId: `performance-${scope || 'all'}`,
      contentUrl: `${location.origin}/tab/${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`,
      websiteUrl: `${location.origin}/tab/${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`,
      suggestedDisplayName: scope ? `Performance: ${name.replace(/ department$/, '')}` : 'Performance',
    });
  };
  select.addEventListener('change', () => pages.config.setValidityState(true));
  if (app.isInitialized()) {
    pages.config.registerOnSaveHandler(event => { save(); event.notifySuccess(); });
    pages.config.setValidityState(true);
  }
  document.body.dataset.ready = 'configure';
}

window.addEventListener('popstate', render);
signIn()
  .then(authorization => {
    page.authorization = authorization;
    return document.body.dataset.page === 'configure' ? configure() : render();
  })
  .catch(() => {
    main.replaceChildren(el('p', { role: 'alert' },
      'This page is PmfBot\'s Performance tab: open it in Microsoft Teams to sign in.'));
    document.body.dataset.ready = 'refused';
  });
