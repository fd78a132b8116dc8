// The manager's page: reads only through the REST API (/api/kpis, /api/notifications, /api/regions,
// /api/trouble-codes), like any other client.
const root = document.getElementById('manage');
const words = JSON.parse(document.getElementById('words').textContent);
const t = (key, params = {}) => (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
const $ = (id) => document.getElementById(id);
const esc = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const language = root.dataset.language;
const charts = {};

async function api(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    // On a page not in English the page's words for the refusal's status; in English the server's detail.
    const ours = `manage_problem_${response.status >= 500 ? 500 : response.status}`;
    throw new Error(language !== 'en' && words[ours] ? t(ours)
      : data?.detail ?? `${t('manage_error')} (${response.status})`);
  }
  return data;
}

const number = (value, digits) => value.toLocaleString(language, { maximumFractionDigits: digits,
  minimumFractionDigits: digits });
/** A rate as the API gives it (0..1, or null when there was nothing to measure) in percent. */
const percent = (rate) => (rate == null ? t('manage_none') : `${number(rate * 100, 1)}%`);
const ratio = (value) => (value == null ? t('manage_none') : number(value, 2));

/** The tiles: the figure, what it rests on, and its definition one hover (or focus) away. */
function tiles(report) {
  const list = [
    ['firstTimeFix', 'manage_ftf', percent(report.firstTimeFix.rate),
      t('manage_basis', { part: report.firstTimeFix.fixedAtFirstVisit, whole: report.firstTimeFix.tickets })],
    ...['P1', 'P2', 'P3', 'P4'].map((p) => {
      const sla = report.slaCompliance[p] ?? { tickets: 0, met: 0, rate: null };
      return [`sla${p}`, 'manage_sla', percent(sla.rate), t('manage_basis', { part: sla.met, whole: sla.tickets }),
        { priority: p }];
    }),
    ['arrivalWindows', 'manage_hit', percent(report.arrivalWindows.hitRate),
      t('manage_basis', { part: report.arrivalWindows.insideQuotedWindow, whole: report.arrivalWindows.arrivals })],
    ['windowWidth', 'manage_width', report.arrivalWindows.medianWidthMinutes == null ? t('manage_none')
      : t('manage_minutes', { value: number(report.arrivalWindows.medianWidthMinutes, 0) }), ''],
    ['arrivalInquiries', 'manage_inquiries', ratio(report.arrivalInquiries.perVisit),
      t('manage_basis', { part: report.arrivalInquiries.inquiries, whole: report.arrivalInquiries.visits })],
    ['trackingViews', 'manage_views', ratio(report.trackingViews.perVisit),
      t('manage_basis', { part: report.trackingViews.views, whole: report.trackingViews.visits })],
    ['repeatContacts', 'manage_repeat', percent(report.repeatContacts.rate),
      t('manage_basis', { part: report.repeatContacts.repeats, whole: report.repeatContacts.inboundContacts })],
    ['utilisation', 'manage_utilisation', percent(report.technicians.utilisation),
      t('manage_minutes', { value: report.technicians.onSiteMinutes }) + ' / '
        + t('manage_minutes', { value: report.technicians.shiftMinutes })],
    ['travelShare', 'manage_travel', percent(report.technicians.travelShare),
      t('manage_minutes', { value: report.technicians.travelMinutes })],
    ['incidents', 'manage_incidents', t('manage_incidents_value', { incidents: report.incidents.detected,
      tickets: report.incidents.ticketsLinked }), ''],
  ];
  $('tiles').innerHTML = list.map(([id, key, value, basis, params]) => `
    <div class="manage-tile" id="kpi-${id}" tabindex="0" aria-describedby="def-${id}">
      <span class="manage-label">${esc(t(key, params))}</span>
      <span class="manage-value">${esc(value)}</span>
      <span class="manage-basis">${esc(basis)}</span>
      <span class="manage-def" role="tooltip" id="def-${id}">${esc(t(`${key}_def`))}</span>
    </div>`).join('');
}

/** The periods the charts show: days for a period up to 31 days, weeks beyond. */
function buckets(from, to) {
  const day = 86400000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const step = (end - start) / day + 1 > 31 ? 7 : 1;
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const list = [];
  for (let s = start; s <= end; s += step * day) list.push([iso(s), iso(Math.min(s + (step - 1) * day, end))]);
  return list;
}

function chart(id, labels, series) {
  charts[id]?.destroy();
  charts[id] = new window.Chart($(id), {
    type: 'line',
    data: { labels, datasets: series.map(([label, data]) => ({ label, data, spanGaps: true, tension: 0.2 })) },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
  });
}

async function overTime(region, from, to) {
  const periods = buckets(from, to);
  const reports = await Promise.all(periods.map(([f, l]) => api(`/api/kpis?region=${encodeURIComponent(region)}`
    + `&from=${f}&to=${l}`)));
  const labels = periods.map(([f]) => f.slice(5));
  const pct = (rate) => (rate == null ? null : Math.round(rate * 1000) / 10);
  chart('chart-rates', labels, [
    [t('manage_ftf'), reports.map((r) => pct(r.firstTimeFix.rate))],
    [t('manage_hit'), reports.map((r) => pct(r.arrivalWindows.hitRate))],
    [t('manage_repeat'), reports.map((r) => pct(r.repeatContacts.rate))],
    [t('manage_utilisation'), reports.map((r) => pct(r.technicians.utilisation))],
  ]);
  chart('chart-visits', labels, [
    [t('manage_inquiries'), reports.map((r) => r.arrivalInquiries.perVisit)],
    [t('manage_views'), reports.map((r) => r.trackingViews.perVisit)],
  ]);
}

async function outbox() {
  const [pending, delivered, givenUp] = await Promise.all(['PENDING', 'DELIVERED', 'GIVEN_UP']
    .map((s) => api(`/api/notifications?status=${s}&size=5`)));
  const rows = givenUp.items.map((n) => `<li>${esc(n.kind)} · ${esc(n.lastError)}</li>`).join('');
  $('outbox').innerHTML = `<dl class="manage-counts">
      <dt>${esc(t('manage_pending'))}</dt><dd id="outbox-pending">${pending.total}</dd>
      <dt>${esc(t('manage_delivered'))}</dt><dd id="outbox-delivered">${delivered.total}</dd>
      <dt>${esc(t('manage_given_up'))}</dt><dd id="outbox-given-up">${givenUp.total}</dd></dl>
    ${rows ? `<h3>${esc(t('manage_last_error'))}</h3><ul>${rows}</ul>` : ''}`;
}

async function regions() {
  const list = await api('/api/regions');
  $('regions').innerHTML = `<table class="manage-table"><thead><tr><th>${esc(t('manage_region'))}</th>
    <th>${esc(t('manage_time_zone'))}</th><th>${esc(t('manage_policy'))}</th></tr></thead><tbody>
    ${list.map((r) => `<tr><td>${esc(r.code)} · ${esc(r.name)}</td><td>${esc(r.timeZone)}</td>
      <td>${esc(t(`manage_policy_${r.publishPolicy}`))}</td></tr>`).join('')}</tbody></table>`;
}

async function catalogue() {
  const codes = await api('/api/trouble-codes?includeInactive=true');
  $('catalogue').innerHTML = `<table class="manage-table"><thead><tr><th>${esc(t('manage_code'))}</th>
    <th>${esc(t('manage_name'))}</th><th>${esc(t('manage_priority'))}</th><th>${esc(t('manage_visit'))}</th>
    <th>${esc(t('manage_active'))}</th></tr></thead><tbody>
    ${codes.map((c) => `<tr><td>${esc(c.code)}</td><td>${esc(c.name)}</td><td>${esc(c.basePriority)}</td>
      <td>${esc(t(c.needsVisit ? 'manage_yes' : 'manage_no'))}</td>
      <td>${esc(t(c.active ? 'manage_yes' : 'manage_no'))}</td></tr>`).join('')}</tbody></table>`;
}

async function show() {
  const region = $('region').value;
  const from = $('from').value;
  const to = $('to').value;
  $('manage-status').textContent = t('manage_loading');
  try {
    tiles(await api(`/api/kpis?region=${encodeURIComponent(region)}&from=${from}&to=${to}`));
    await overTime(region, from, to);
    $('manage-status').textContent = '';
  } catch (error) {
    $('manage-status').textContent = error.message;
  }
  root.dataset.ready = 'true';
}

// The current month so far, in the browser's calendar.
const today = new Date();
const localIso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
$('from').value = localIso(new Date(today.getFullYear(), today.getMonth(), 1));
$('to').value = localIso(today);
const asked = new URLSearchParams(location.search);
if (asked.get('region')) $('region').value = asked.get('region');
if (asked.get('from')) $('from').value = asked.get('from');
if (asked.get('to')) $('to').value = asked.get('to');
$('period').addEventListener('submit', (event) => { event.preventDefault(); root.dataset.ready = 'false'; show(); });
Promise.all([outbox(), regions(), catalogue()]).catch((error) => { $('manage-status').textContent = error.message; });
show();
