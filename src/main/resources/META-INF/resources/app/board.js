// The dispatcher board: reads and acts only through the REST API (/api), like any other client.
const root = document.getElementById('board');
const words = JSON.parse(document.getElementById('words').textContent);
const t = (key, params = {}) => (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
const $ = (id) => document.getElementById(id);
const esc = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const state = { asked: 0, boardAsked: 0, region: null, zone: 'UTC', day: null, view: 'proposal', board: null, proposal: null,
  polling: null, selected: null, timeline: null, map: null, layers: null, markers: new Map(), lines: new Map() };

async function api(method, url, body) {
  const response = await fetch(url, { method, credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' }
      : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    // On a page not in English the board's words for the refusal's status; in English the server's detail.
    const ours = `board_problem_${response.status >= 500 ? 500 : response.status}`;
    const error = new Error(root.dataset.language !== 'en' && words[ours] ? t(ours)
      : data?.detail ?? `${t('board_error')} (${response.status})`);
    error.status = response.status;
    throw error;
  }
  return data;
}

const dayPath = () => `/api/regions/${encodeURIComponent(state.region)}/days/${state.day}`;
// One formatter per time zone: a board of a thousand visits formats several thousand times.
const clocks = new Map();
const time = (iso) => {
  if (!iso) return '';
  if (!clocks.has(state.zone)) clocks.set(state.zone, new Intl.DateTimeFormat(root.dataset.language,
    { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: state.zone }));
  return clocks.get(state.zone).format(new Date(iso));
};
const say = (text) => { $('status').textContent = text; };

function localDate(offsetDays) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: state.zone, year: 'numeric', month: '2-digit',
    day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86400000));
  return parts;
}

// ---- Region and day ----

async function loadDays() {
  const option = $('region').selectedOptions[0];
  if (!option) { say(t('board_none')); return; }
  // A later choice of region wins over an earlier one still loading.
  const asked = ++state.asked;
  state.region = option.value;
  state.zone = option.dataset.zone || 'UTC';
  const daysOf = (from, to) => api('GET', `/api/regions/${encodeURIComponent(state.region)}/days?from=${from}&to=${to}`);
  const days = await daysOf(localDate(0), localDate(13));
  // A link to a day outside the next two weeks (yesterday's review, a day far ahead) shows that day first.
  const linked = state.wantedDay;
  if (linked && /^\d{4}-\d{2}-\d{2}$/.test(linked) && !days.some((d) => d.date === linked)) {
    days.unshift(...await daysOf(linked, linked).catch(() => []));
  }
  if (asked !== state.asked) return;
  const today = localDate(0);
  const tomorrow = localDate(1);
  const dayName = new Intl.DateTimeFormat(root.dataset.language, { timeZone: 'UTC', year: 'numeric', month: 'short',
    day: 'numeric', weekday: 'short' });
  // Reading the same region's days again keeps the day the dispatcher has chosen meanwhile.
  const chosen = root.dataset.daysOf === state.region ? $('day').value : null;
  $('day').innerHTML = days.map((d) => {
    const when = d.date === today ? ` (${t('board_today')})` : d.date === tomorrow ? ` (${t('board_tomorrow')})` : '';
    const work = `${d.techniciansOnShift} ${t('board_technicians')} · ${d.open} ${t('board_open')} · ${d.planned} ${t('board_planned')} · ${d.dispatched} ${t('board_dispatched')} · ${d.finished} ${t('board_finished')}`;
    return `<option value="${d.date}" data-work="${d.techniciansOnShift + d.open + d.planned + d.dispatched}">${dayName.format(new Date(`${d.date}T00:00:00Z`))}${when} — ${work}</option>`;
  }).join('');
  const keep = state.wantedDay ?? chosen;
  if (keep && days.some((d) => d.date === keep)) $('day').value = keep;
  state.wantedDay = null;
  root.dataset.daysOf = state.region;
  await selectDay();
}

async function selectDay() {
  state.day = $('day').value;
  const chosen = state.day;
  stopPolling();
  await refreshProposal();
  if (chosen !== state.day) return; // another day was chosen meanwhile
  // A day whose last proposal was published (or discarded) opens on the plan in force.
  const status = state.proposal?.status;
  setView(state.proposal && !['ACCEPTED', 'DISCARDED'].includes(status) ? 'proposal' : 'published');
  await loadBoard();
}

// ---- Propose, progress, stop, publish ----

async function refreshProposal() {
  // An answer about a day that is no longer chosen (the dispatcher moved on meanwhile) is dropped.
  const path = dayPath();
  let proposal = null;
  try {
    proposal = await api('GET', `${path}/proposals/current`);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  if (path !== dayPath()) return state.proposal;
  state.proposal = proposal;
  showProgress();
  return state.proposal;
}

const solving = (p) => p && (p.status === 'QUEUED' || p.status === 'SOLVING');

function showProgress() {
  const p = state.proposal;
  $('stop').disabled = !solving(p);
  $('propose').disabled = solving(p);
  $('publish').disabled = !p || solving(p) || !['DONE', 'STOPPED'].includes(p.status);
  $('live').checked = !!(p && p.live && solving(p));
  if (!p) { say(t('board_no_plan')); return; }
  const elapsed = p.elapsedSeconds == null ? '' : ` · ${t('board_elapsed')} ${Math.round(p.elapsedSeconds)} s`;
  const running = !solving(p) ? '' : p.live ? `${t('board_live')} · ` : `${t('board_solving')} · `;
  say(`${t('board_proposal')} ${p.number}: ${running}${t('board_score')} ${p.score ?? '—'} · ${p.assigned} ${t('board_assigned')} / ${p.unassigned} ${t('board_unassigned')}${elapsed}`);
}

function startPolling() {
  stopPolling();
  state.polling = setInterval(async () => {
    const before = state.proposal?.status;
    await refreshProposal();
    if (!solving(state.proposal)) {
      stopPolling();
      await loadBoard();
    } else if (before !== state.proposal.status || state.proposal.live) {
      await loadBoard();
    }
  }, 1000);
}

function stopPolling() {
  if (state.polling) clearInterval(state.polling);
  state.polling = null;
}

async function propose() {
  const limit = parseInt($('limit').value, 10);
  const unimproved = parseInt($('unimproved').value, 10);
  const limits = {};
  if (Number.isFinite(limit)) limits.spentLimitSeconds = limit;
  if (Number.isFinite(unimproved)) limits.unimprovedSpentLimitSeconds = unimproved;
  await api('POST', `${dayPath()}/proposals`, limits);
  setView('proposal');
  await refreshProposal();
  startPolling();
}

async function stop() {
  state.proposal = await api('DELETE', `${dayPath()}/proposals/current`);
  showProgress();
  await loadBoard();
}

async function toggleLive(event) {
  if (event.target.checked) {
    await api('POST', `${dayPath()}/live`, {});
    await refreshProposal();
    startPolling();
  } else {
    state.proposal = await api('DELETE', `${dayPath()}/live`);
    showProgress();
  }
}

async function askPublish() {
  // What publishing would do now, counted by the server as publishing counts it.
  const would = await api('GET', `${dayPath()}/proposals/current/publication`);
  $('publish-body').textContent = t('board_publish_summary', { dispatched: would.dispatched,
    unassigned: would.unassigned, quoted: would.windowsQuoted, requoted: would.windowsRequoted,
    notified: would.customersNotified });
  $('publish-dialog').showModal();
}

async function publish() {
  const result = await api('POST', `${dayPath()}/proposals/current/publish`);
  await refreshProposal();
  // After the proposal's own line: the result of publishing is what the dispatcher reads now.
  say(t('board_published_result', { version: result.version, dispatched: result.dispatched,
    quoted: result.windowsQuoted, requoted: result.windowsRequoted, notified: result.customersNotified }));
  setView('published');
  await loadBoard();
}

function setView(view) {
  state.view = view;
  document.querySelector(`input[name=view][value=${view}]`).checked = true;
}

// ---- The day's plan: timeline and map ----

// The board answer as the drawing code reads it: one entry per stop, visit fields flattened.
function normalise(board, reasons) {
  // With nothing published yet every visit would be "new": the marks only say something against a published plan.
  const compared = board.plan?.comparedWithPublished != null;
  const card = (v, stop) => ({ visitId: v.id, reference: v.reference, priority: v.priority, status: v.status,
    jobType: v.jobType, address: (root.dataset.language === 'ja' && v.addressJapanese) || v.address, latitude: v.latitude, longitude: v.longitude,
    quotedWindow: v.quotedWindow, pinned: v.pinned, atRisk: v.atRisk, windowBroken: v.breaksQuotedWindow,
    diff: compared ? v.diff : null, reasons: reasons.get(v.id) ?? [], arrival: stop?.plannedArrival, start: stop?.serviceStart,
    end: stop?.serviceEnd, travelSeconds: stop?.travelSeconds ?? 0 });
  return {
    plan: board.plan,
    rows: board.rows.map((row) => ({
      technicianId: row.technician.id, code: row.technician.code, name: row.technician.name,
      shiftStart: row.shiftStart, shiftEnd: row.shiftEnd, home: row.home, position: row.lastPosition,
      breaks: (row.breaks ?? []).map((b) => ({ start: b.earliestStart,
        end: b.latestEnd ?? new Date(new Date(b.earliestStart).getTime() + b.durationMinutes * 60000).toISOString() })),
      stops: row.stops.map((stop) => stop.visit ? card(stop.visit, stop)
        : { visitId: null, depotCode: stop.depot?.code, latitude: stop.depot?.latitude, longitude: stop.depot?.longitude,
          arrival: stop.plannedArrival }),
    })),
    unassigned: board.unassigned.map((v) => card(v, null)),
  };
}

async function loadBoard() {
  const asked = ++state.boardAsked;
  let board = null;
  try {
    board = await api('GET', `${dayPath()}/board?plan=${state.view}`);
  } catch (e) {
    if (e.status !== 404) { say(e.message); }
  }
  if (asked !== state.boardAsked) return;
  state.board = board ? normalise(board, new Map()) : null;
  drawTimeline();
  drawMap();
  drawUnassigned();
  if (state.selected) showVisit(state.selected);
  // The board is drawn first, the reasons why visits are left unassigned follow. They are kept while the plan stays
  // as it is, so reading the day again does not ask for them again.
  if (board?.plan && !board.plan.solving && board.unassigned.length) {
    const version = `${board.plan.id} ${board.plan.score}`;
    if (state.reasons?.version !== version) {
      const kind = board.plan.kind === 'PUBLISHED' ? 'published' : 'proposal';
      const why = await api('GET', `${dayPath()}/unassigned?plan=${kind}`).catch(() => null);
      if (asked !== state.boardAsked || !why) return;
      state.reasons = { version, byVisit: new Map(why.visits.filter((v) => !v.assigned)
        .map((v) => [v.visitId, (root.dataset.language === 'ja' && v.reasonsJapanese) || v.reasons || []])) };
    }
    for (const v of state.board.unassigned) v.reasons = state.reasons.byVisit.get(v.visitId) ?? [];
    drawUnassigned();
  }
}

function visitStops(row) {
  return row.stops.filter((s) => s.visitId != null);
}

function drawTimeline() {
  const board = state.board;
  const groups = new vis.DataSet();
  const items = new vis.DataSet();
  const labels = new Map();
  state.barLabels = labels;
  for (const row of board?.rows ?? []) {
    groups.add({ id: row.technicianId, content: `${esc(row.name)} <small>${esc(row.code)}</small>` });
    items.add({ id: `shift-${row.technicianId}`, group: row.technicianId, start: row.shiftStart, end: row.shiftEnd,
      type: 'background', className: 'shift', title: t('board_shift') });
    for (const [i, b] of (row.breaks ?? []).entries()) {
      if (b.start && b.end) items.add({ id: `break-${row.technicianId}-${i}`, group: row.technicianId, start: b.start,
        end: b.end, type: 'background', className: 'break', title: t('board_break') });
    }
    for (const [i, stop] of row.stops.entries()) {
      if (stop.visitId == null) {
        if (stop.arrival) items.add({ id: `depot-${row.technicianId}-${i}`, group: row.technicianId, start: stop.arrival,
          type: 'point', className: 'depot', selectable: false, editable: false, content: '', title: `${t('board_depot')} ${esc(stop.depotCode ?? '')}` });
        continue;
      }
      if (stop.travelSeconds > 0 && stop.arrival) {
        items.add({ id: `drive-${stop.visitId}`, group: row.technicianId, className: 'drive', selectable: false,
          editable: false, start: new Date(new Date(stop.arrival).getTime() - stop.travelSeconds * 1000),
          end: stop.arrival, title: `${t('board_drive')} ${t('board_minutes', { minutes: Math.round(stop.travelSeconds / 60) })}` });
      }
      const classes = ['visit', `visit-${stop.visitId}`, stop.priority, stop.diff ? `diff-${stop.diff}` : '',
        stop.windowBroken ? 'broken' : '',
        stop.atRisk ? 'at-risk' : '',
        stop.pinned ? 'pinned' : '', isFixed(stop) ? 'fixed' : ''].filter(Boolean).join(' ');
      const title = visitTitle(stop);
      labels.set(stop.visitId, title.replace(/\n/g, ', '));
      items.add({ id: stop.visitId, group: row.technicianId, start: stop.start, end: stop.end, className: classes,
        content: esc(stop.reference), title,
        editable: canMove() && !isFixed(stop) ? { updateTime: true, updateGroup: true, remove: false } : false });
    }
  }
  const options = { stack: false, orientation: 'top', zoomKey: 'ctrlKey', margin: { item: 4 },
    timeAxis: { scale: 'hour', step: 1 }, showMajorLabels: false,
    format: { minorLabels: (date) => time(date.toDate ? date.toDate() : date) },
    onMove: onMove, snap: null, groupHeightMode: 'fixed' };
  if (!state.timeline) {
    state.timeline = new vis.Timeline($('timeline'), items, groups, options);
    state.timeline.on('select', ({ items: chosen }) => {
      const id = chosen.find((x) => typeof x === 'number');
      if (id != null) select(id);
    });
    // Bars get the keyboard once the timeline has drawn them, when the browser has a moment.
    state.timeline.on('changed', () => (window.requestIdleCallback ?? setTimeout)(focusableBars));
    // A technician's name selects the route: highlighted on the map and its visits on the timeline.
    state.timeline.on('click', (props) => {
      if (props.what === 'group-label' && props.group != null) highlightRoute(props.group);
    });
    // A visit bar has the keyboard too: Tab reaches it, Enter or Space opens its panel (with "Move to…").
    $('timeline').addEventListener('keydown', (e) => {
      const id = barVisit(e.target);
      if (id != null && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(id); }
    });
  } else {
    state.timeline.setOptions(options);
    state.timeline.setGroups(groups);
    state.timeline.setItems(items);
  }
  const rows = board?.rows ?? [];
  if (rows.length) {
    const start = rows.map((r) => r.shiftStart).sort()[0];
    const end = rows.map((r) => r.shiftEnd).sort().slice(-1)[0];
    state.timeline.setWindow(start, end, { animation: false });
  } else {
    state.timeline.setWindow(atLocal(state.day, '07:00'), atLocal(state.day, '20:00'), { animation: false });
  }
}

const barVisit = (element) => {
  const match = element?.classList?.contains('visit') && /\bvisit-(\d+)\b/.exec(element.className);
  return match ? parseInt(match[1], 10) : null;
};

function focusableBars() {
  for (const bar of $('timeline').querySelectorAll('.vis-item.visit')) {
    if (bar.tabIndex === 0) continue;
    bar.tabIndex = 0;
    bar.setAttribute('role', 'button');
    const label = state.barLabels?.get(barVisit(bar));
    if (label) bar.setAttribute('aria-label', label);
  }
}

/** An instant from a local date and time of the region: "2026-12-01", "07:00" in Asia/Tokyo → 2026-11-30T22:00Z. */
function atLocal(day, hhmm) {
  const guess = new Date(`${day}T${hhmm}:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: state.zone, timeZoneName: 'longOffset' })
    .formatToParts(guess).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(offset);
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (parseInt(match[2], 10) * 60 + parseInt(match[3], 10)) : 0;
  return new Date(guess.getTime() - minutes * 60000);
}

const constraintWords = (c) => (root.dataset.language === 'ja' && c.constraintJapanese) || c.constraint;
const statusWords = (status) => words[`board_status_${String(status).toLowerCase()}`] ?? status;
const isFixed = (stop) => ['EN_ROUTE', 'ON_SITE', 'DONE', 'INCOMPLETE'].includes(stop.status);
const canMove = () => state.view === 'proposal' && state.proposal && !solving(state.proposal)
  && ['DONE', 'STOPPED'].includes(state.proposal.status);

function visitTitle(stop) {
  const parts = [`${stop.reference} ${stop.priority}`, `${time(stop.start)}–${time(stop.end)}`];
  if (stop.quotedWindow) parts.push(`${t('board_quoted')} ${time(stop.quotedWindow.start)}–${time(stop.quotedWindow.end)}`);
  if (stop.windowBroken) parts.push(t('board_window_broken'));
  if (stop.atRisk) parts.push(t('board_at_risk'));
  if (stop.diff && stop.diff !== 'UNCHANGED') parts.push(t(`board_diff_${stop.diff.toLowerCase()}`));
  return parts.join('\n');
}

const colours = ['#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e', '#283593', '#558b2f',
  '#c62828', '#0277bd', '#6d4c41'];

function drawMap() {
  if (!state.map) {
    // Drawn on a canvas: a city-size day has a thousand stops and a hundred routes.
    state.map = L.map('map', { zoomControl: true, attributionControl: true, maxZoom: 19, preferCanvas: true });
    const tiles = root.dataset.mapTiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: root.dataset.mapAttribution }).addTo(state.map);
    }
    L.control.scale({ metric: true, imperial: false }).addTo(state.map);
    state.layers = L.layerGroup().addTo(state.map);
  }
  state.layers.clearLayers();
  state.markers.clear();
  state.lines.clear();
  const bounds = [];
  (state.board?.rows ?? []).forEach((row, i) => {
    const colour = colours[i % colours.length];
    const path = [];
    if (row.home?.latitude != null) path.push([row.home.latitude, row.home.longitude]);
    for (const stop of row.stops) {
      if (stop.latitude == null) continue;
      const at = [stop.latitude, stop.longitude];
      path.push(at);
      bounds.push(at);
      if (stop.visitId == null) {
        L.rectangle([[at[0] - 0.001, at[1] - 0.0013], [at[0] + 0.001, at[1] + 0.0013]], { color: '#37474f', weight: 1 })
          .bindTooltip(`${t('board_depot')} ${esc(stop.depotCode ?? '')}`).addTo(state.layers);
        continue;
      }
      const marker = L.circleMarker(at, { radius: 7, color: colour, weight: 2, fillColor: priorityColour(stop.priority),
        fillOpacity: 0.9 }).bindTooltip(`${esc(stop.reference)} · ${esc(row.name)} · ${time(stop.start)}`)
        .on('click', () => select(stop.visitId)).addTo(state.layers);
      state.markers.set(stop.visitId, marker);
    }
    if (row.home?.latitude != null) path.push([row.home.latitude, row.home.longitude]);
    if (path.length > 1) {
      const line = L.polyline(path, { color: colour, weight: 3, opacity: 0.75 })
        .on('click', () => highlightRoute(row.technicianId)).addTo(state.layers);
      state.lines.set(row.technicianId, line);
    }
    if (row.position?.latitude != null) {
      L.marker([row.position.latitude, row.position.longitude], { title: row.name, keyboard: false })
        .bindTooltip(`${esc(row.name)} ${time(row.position.at)}`).addTo(state.layers);
    }
  });
  for (const v of state.board?.unassigned ?? []) {
    if (v.latitude == null) continue;
    const at = [v.latitude, v.longitude];
    bounds.push(at);
    const marker = L.circleMarker(at, { radius: 7, color: '#b3261e', weight: 2, dashArray: '3', fillColor: '#fff',
      fillOpacity: 1 }).bindTooltip(`${esc(v.reference)} · ${t('board_unassigned')}`)
      .on('click', () => select(v.visitId)).addTo(state.layers);
    state.markers.set(v.visitId, marker);
  }
  state.map.invalidateSize();
  if (bounds.length) state.map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
  else regionExtent();
}

// Nothing planned yet: the extent of the region's sites (from the page), else the whole world at a glance.
function regionExtent() {
  const extent = $('region').selectedOptions[0]?.dataset.extent?.split(',').map(Number);
  if (extent?.length === 4 && extent.every(Number.isFinite)) {
    state.map.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], { padding: [20, 20], maxZoom: 14 });
  } else {
    state.map.setView([20, 0], 2);
  }
}

const priorityColour = (p) => ({ P1: '#c62828', P2: '#ef6c00', P3: '#1565c0', P4: '#607d8b' })[p] ?? '#607d8b';

function highlightRoute(technicianId) {
  for (const [id, line] of state.lines) line.setStyle({ weight: id === technicianId ? 6 : 3,
    opacity: id === technicianId ? 1 : 0.35 });
  const row = state.board.rows.find((r) => r.technicianId === technicianId);
  if (row) state.timeline.setSelection(visitStops(row).map((s) => s.visitId));
}

// ---- Unassigned visits ----

// Most urgent first by default; the dispatcher may turn the order round or sort by reference.
const orders = {
  urgent: (a, b) => (a.priority ?? '').localeCompare(b.priority ?? '') || (a.reference ?? '').localeCompare(b.reference ?? ''),
  least: (a, b) => (b.priority ?? '').localeCompare(a.priority ?? '') || (a.reference ?? '').localeCompare(b.reference ?? ''),
  reference: (a, b) => (a.reference ?? '').localeCompare(b.reference ?? ''),
};

function drawUnassigned() {
  const list = [...(state.board?.unassigned ?? [])].sort(orders[$('unassigned-order').value] ?? orders.urgent);
  $('unassigned-count').textContent = `(${list.length})`;
  $('unassigned').querySelector('tbody').innerHTML = list.length ? list.map((v) => `
    <tr data-visit="${v.visitId}">
      <td><span class="prio ${esc(v.priority)}">${esc(v.priority)}</span></td>
      <td><a href="#visit-${v.visitId}" data-select="${v.visitId}">${esc(v.reference)}</a>
        ${v.diff === 'UNASSIGNED' ? `<span class="tag bad newly-unassigned">${t('board_diff_unassigned')}</span>` : ''}</td>
      <td>${esc(v.address ?? '')}</td>
      <td class="reason">${esc((v.reasons ?? []).join(' '))}</td>
    </tr>`).join('') : `<tr><td colspan="4">${t('board_none')}</td></tr>`;
}

// ---- One visit ----

async function select(visitId) {
  state.selected = visitId;
  state.timeline?.setSelection([visitId]);
  for (const [id, marker] of state.markers) marker.setStyle({ weight: id === visitId ? 5 : 2 });
  await showVisit(visitId);
}

function findStop(visitId) {
  for (const row of state.board?.rows ?? []) {
    const stop = row.stops.find((s) => s.visitId === visitId);
    if (stop) return { row, stop };
  }
  const waiting = (state.board?.unassigned ?? []).find((v) => v.visitId === visitId);
  return waiting ? { row: null, stop: waiting } : null;
}

async function showVisit(visitId) {
  const panel = $('visit');
  const found = findStop(visitId);
  if (!found) { panel.hidden = true; return; }
  const { row, stop } = found;
  const [visit, explanation] = await Promise.all([
    api('GET', `/api/visits/${visitId}`),
    state.view === 'proposal' && state.proposal
      ? api('GET', `${dayPath()}/proposals/current/explanation?visit=${visitId}`).catch(() => null) : null]);
  const why = explanation?.visits?.find((v) => v.visitId === visitId);
  const windows = (visit.availability ?? []).map((w) => `${time(w.startsAt)}–${time(w.endsAt)}`).join(', ');
  const needs = [...(visit.requiredSkills ?? []).map((s) => `${s.skill} ${s.minLevel}`), ...(visit.requiredTools ?? []),
    ...(visit.requiredParts ?? []).map((p) => `${p.partCode ?? p.code} ×${p.quantity}`)].join(', ');
  const technicians = (state.board?.rows ?? []).map((r) =>
    `<option value="${r.technicianId}"${row && r.technicianId === row.technicianId ? ' selected' : ''}>${esc(r.name)}</option>`).join('');
  panel.innerHTML = `
    <h2>${t('board_visit')} ${esc(stop.reference)} <span class="prio ${esc(stop.priority)}">${esc(stop.priority)}</span>
      ${visit.pinned ? `<span class="tag">${t('board_pinned')}</span>` : ''}
      ${visit.atRisk ? `<span class="tag bad">${t('board_at_risk')}</span>` : ''}</h2>
    <dl>
      <dt>${t('board_status')}</dt><dd>${esc(statusWords(visit.status))}${row ? ` · ${esc(row.name)} ${time(stop.start)}–${time(stop.end)}` : ''}</dd>
      ${visit.status === 'ON_SITE' && visit.expectedDone
    ? `<dt>${t('board_expected_done')}</dt><dd class="expected-done">${time(visit.expectedDone)}</dd>` : ''}
      <dt>${t('board_availability')}</dt><dd>${esc(windows || '—')}</dd>
      <dt>${t('board_quoted')}</dt><dd>${visit.quotedWindow ? `${time(visit.quotedWindow.startsAt)}–${time(visit.quotedWindow.endsAt)}` : '—'}</dd>
      <dt>${t('board_needs')}</dt><dd>${esc(needs || '—')}</dd>
      <dd></dd><dd>${esc(visit.address ?? '')}</dd>
    </dl>
    ${why ? `<h3>${why.assigned ? t('board_why_here') : t('board_why_unassigned')}</h3>
      <ul>${((root.dataset.language === 'ja' && why.reasonsJapanese) || why.reasons || []).map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''}
    ${why?.assigned && why.scoreImpact?.length ? `<h3>${t('board_score_impact')}</h3>
      <table class="impact-table">${why.scoreImpact.map((c) => `<tr><td>${esc(constraintWords(c))}</td>
        <td class="num">${esc(c.score)}</td></tr>`).join('')}</table>` : ''}
    <p class="actions">
      ${canMove() && !isFixed(stop) ? `<label>${t('board_move_to')} <select id="move-technician">${technicians}</select></label>
        <label>${t('board_position')} <input id="move-position" type="number" min="1" size="3" placeholder="${t('board_best_position')}"></label>
        <button type="button" id="move-go">${t('board_move_to').replace('…', '')}</button>` : ''}
      ${visit.pinned ? `<button type="button" id="unpin">${t('board_unpin')}</button>`
        : row ? `<button type="button" id="pin">${t('board_pin')}</button>` : ''}
      <button type="button" id="visit-close">${t('board_close')}</button>
    </p>`;
  panel.hidden = false;
  $('visit-close').onclick = () => { panel.hidden = true; state.selected = null; state.timeline?.setSelection([]); };
  if ($('pin')) $('pin').onclick = () => act(() => api('PUT', `/api/visits/${visitId}/pin`, { technicianId: row.technicianId }));
  if ($('unpin')) $('unpin').onclick = () => act(() => api('DELETE', `/api/visits/${visitId}/pin`));
  if ($('move-go')) $('move-go').onclick = () => proposeMove(visitId, parseInt($('move-technician').value, 10),
    parseInt($('move-position').value, 10) || null, null);
}

async function act(action) {
  try {
    await action();
    await loadBoard();
  } catch (e) {
    say(e.message);
  }
}

// ---- Manual moves: preview the impact, then apply or cancel ----

function onMove(item, callback) {
  const row = state.board.rows.find((r) => r.technicianId === item.group);
  if (!row || !canMove()) { callback(null); return; }
  const others = visitStops(row).filter((s) => s.visitId !== item.id);
  const position = others.filter((s) => new Date(s.start) < new Date(item.start)).length + 1;
  proposeMove(item.id, item.group, position, callback);
}

async function proposeMove(visitId, technicianId, position, callback) {
  let preview;
  try {
    preview = await api('POST', `${dayPath()}/proposals/current/moves`, { visitId, technicianId, position,
      pin: true, preview: true });
  } catch (e) {
    say(e.message);
    callback?.(null);
    return;
  }
  const technician = state.board.rows.find((r) => r.technicianId === technicianId)?.name ?? '';
  $('move-body').innerHTML = `
    <p>${esc(findStop(visitId)?.stop.reference ?? visitId)} → ${esc(technician)}, ${t('board_position')} ${preview.position}</p>
    <p class="impact">${t('board_move_impact')}: <strong>${esc(preview.scoreChange ?? preview.change ?? '')}</strong>
      (${esc(preview.scoreBefore ?? '')} → ${esc(preview.scoreAfter ?? '')})</p>
    ${(preview.brokenHardConstraints ?? preview.broken ?? []).length ? `<p class="error">${t('board_move_breaks')}: ${esc(((root.dataset.language === 'ja' && preview.warningsJapanese) || preview.warnings || []).join(' '))}</p>` : ''}`;
  const dialog = $('move-dialog');
  dialog.returnValue = '';
  dialog.showModal();
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'apply') { callback?.(null); return; }
    callback?.(null);
    await act(() => api('POST', `${dayPath()}/proposals/current/moves`, { visitId, technicianId, position, pin: true }));
  }, { once: true });
}

// ---- Wiring ----

$('region').addEventListener('change', () => loadDays().catch((e) => say(e.message)));
$('day').addEventListener('change', () => selectDay().catch((e) => say(e.message)));
$('propose').addEventListener('click', () => propose().catch((e) => say(e.message)));
$('stop').addEventListener('click', () => stop().catch((e) => say(e.message)));
$('publish').addEventListener('click', () => askPublish().catch((e) => say(e.message)));
$('publish-dialog').addEventListener('close', (e) => {
  if (e.target.returnValue === 'publish') publish().catch((err) => say(err.message));
});
$('live').addEventListener('change', (e) => toggleLive(e).catch((err) => say(err.message)));
for (const radio of document.querySelectorAll('input[name=view]')) {
  radio.addEventListener('change', () => { state.view = radio.value; loadBoard().catch((e) => say(e.message)); });
}
$('unassigned-order').addEventListener('change', drawUnassigned);
$('unassigned').addEventListener('click', (e) => {
  const link = e.target.closest('[data-select]');
  if (link) { e.preventDefault(); select(parseInt(link.dataset.select, 10)); }
});

// Technicians report all day: the board reads the day again every 15 s (every second while a solve runs), so a
// visit whose window is at risk shows without reloading the page.
setInterval(() => {
  if (!state.polling && state.day && document.visibilityState === 'visible') loadBoard().catch(() => {});
}, 15000);

// A link may name the region and the day: /dispatch?region=TOKYO-WEST&day=2026-12-01.
const wanted = new URLSearchParams(location.search);
if (wanted.get('region') && [...$('region').options].some((o) => o.value === wanted.get('region'))) {
  $('region').value = wanted.get('region');
}
state.wantedDay = wanted.get('day');

say(t('board_loading'));
loadDays().then(() => { if (solving(state.proposal)) startPolling(); }).catch((e) => say(e.message));
