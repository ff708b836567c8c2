// The local cloud console: plain DOM over the JSON endpoints under /_emulator/.
const $ = (selector) => document.querySelector(selector)
const state = { collection: null, lastInvocation: 0 }

/** An element with attributes, listeners (`onclick`) and children. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value)
    else if (value !== undefined && value !== null) el.setAttribute(key, value)
  }
  el.append(...children.flat().map((c) => (c instanceof Node ? c : String(c ?? ''))))
  return el
}

/** Calls an endpoint; a refusal throws its message. */
async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
  const res = await fetch(`/_emulator/${path}`, init)
  const reply = await res.json()
  if (!res.ok) throw new Error(reply.message ?? reply.errMsg ?? `HTTP ${res.status}`)
  return reply
}

function report(el, error) {
  el.textContent = error ? error.message : ''
  el.classList.toggle('error', Boolean(error))
}

// ---- clock ---------------------------------------------------------------------------------

const UTC8 = 8 * 3600_000
const inUtc8 = (iso) => new Date(Date.parse(iso) + UTC8).toISOString().slice(0, 19).replace('T', ' ')

async function showClock(reply) {
  const { now } = reply ?? (await api('clock'))
  $('#clock-now').textContent = inUtc8(now)
}

function wireClock() {
  const move = (body) =>
    api(body.now !== undefined ? 'clock' : 'clock/jump', body)
      .then(showClock)
      .then(refreshAll, alertError)
  $('#clock-day').addEventListener('click', () => move({ days: 1 }))
  $('#clock-month').addEventListener('click', () => move({ months: 1 }))
  $('#clock-reset').addEventListener('click', () => move({ now: null }))
  $('#clock-set').addEventListener('click', () => {
    const value = $('#clock-input').value
    if (value) move({ now: `${value.length === 16 ? `${value}:00` : value}+08:00` })
  })
}

// ---- triggers ------------------------------------------------------------------------------

async function showTriggers() {
  const { paused, triggers } = await api('triggers')
  $('#triggers-paused').checked = paused
  $('#trigger-buttons').replaceChildren(
    ...triggers.map((t) =>
      h(
        'button',
        { 'data-trigger': t.functionName, title: `${t.cron} · next ${t.next ? inUtc8(t.next) : '—'}`, onclick: () => fire(t.functionName) },
        `Fire ${t.functionName}`,
      ),
    ),
  )
}

async function fire(name) {
  const res = await fetch(`/_emulator/trigger/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  if (!res.ok) alertError(new Error(`${name}: HTTP ${res.status}`))
  await refreshAll()
}

function wireTriggers() {
  $('#triggers-paused').addEventListener('change', (e) => api('triggers', { paused: e.target.checked }).then(showTriggers, alertError))
}

// ---- collections and documents -------------------------------------------------------------

async function showCollections() {
  const { collections } = await api('collections')
  $('#collections').replaceChildren(
    ...collections.map((c) =>
      h(
        'li',
        {},
        h(
          'button',
          { 'data-collection': c.name, class: c.name === state.collection?.name ? 'current' : null, onclick: () => pick(c) },
          h('span', {}, c.name),
          h('span', { class: 'count' }, c.count),
        ),
      ),
    ),
  )
  const current = collections.find((c) => c.name === state.collection?.name)
  if (current) showIndexes(current)
}

function showIndexes(collection) {
  const names = collection.indexes.map((i) => `${i.name ?? Object.keys(i.fields).join('+')}${i.unique ? ' (unique)' : ''}`)
  $('#indexes').textContent = `${collection.count} documents · indexes: ${names.join(', ') || 'none besides _id'}`
}

function pick(collection) {
  state.collection = collection
  $('#collection-title').textContent = collection.name
  showIndexes(collection)
  void showCollections()
  void runQuery()
}

async function runQuery() {
  if (!state.collection) return
  const status = $('#query-status')
  try {
    const body = { where: $('#where').value, orderBy: $('#order-by').value || undefined, order: $('#order').value }
    const { total, documents } = await api(`collections/${state.collection.name}/query`, body)
    report(status)
    status.textContent = `${total} matching, showing ${documents.length}`
    $('#documents').replaceChildren(...documents.map(docCard))
  } catch (error) {
    report(status, error)
  }
}

function docCard(doc) {
  const card = h('div', { class: 'doc', 'data-id': doc._id })
  const view = () =>
    card.replaceChildren(
      h('pre', {}, JSON.stringify(doc, null, 2)),
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'edit', onclick: edit }, 'Edit'),
        h('button', { class: 'delete', onclick: remove }, 'Delete'),
      ),
    )
  const edit = () => {
    const text = h('textarea', { rows: String(JSON.stringify(doc, null, 2).split('\n').length + 1) })
    text.value = JSON.stringify(doc, null, 2)
    const message = h('p', { class: 'status' })
    const save = async () => {
      try {
        const reply = await api(`collections/${state.collection.name}/documents/${encodeURIComponent(doc._id)}`, { document: JSON.parse(text.value) })
        doc = reply.document
        view()
        await showCollections()
      } catch (error) {
        report(message, error)
      }
    }
    card.replaceChildren(
      text,
      message,
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'save', onclick: save }, 'Save'),
        h('button', { class: 'cancel', onclick: view }, 'Cancel'),
      ),
    )
  }
  const remove = async () => {
    if (!confirm(`Delete ${doc._id}?`)) return
    await api(`collections/${state.collection.name}/documents/${encodeURIComponent(doc._id)}/delete`, {}).catch(alertError)
    await refreshAll()
  }
  view()
  return card
}

// ---- invocations and outbox ----------------------------------------------------------------

async function pollInvocations() {
  const { invocations } = await api(`invocations?after=${state.lastInvocation}`)
  const body = $('#invocations tbody')
  for (const inv of invocations) {
    state.lastInvocation = inv.id
    const logs = h(
      'tr',
      { class: 'logs', hidden: '' },
      h(
        'td',
        { colspan: '7' },
        h('pre', {}, [...inv.logs.map((l) => `[${l.level}] ${l.text}`), inv.error ?? ''].join('\n').trim() || '(no console output)'),
      ),
    )
    const row = h(
      'tr',
      { class: inv.errCode ? 'failed' : null, 'data-invocation': inv.id, onclick: () => logs.toggleAttribute('hidden') },
      ...[
        inUtc8(inv.at).slice(5),
        inv.functionName,
        inv.action ?? '',
        inv.openid ?? (inv.source === 'wx_trigger' ? 'timer' : ''),
        inv.durationMs,
        inv.dbRequests,
        inv.errCode,
      ].map((v) => h('td', {}, v)),
    )
    body.prepend(row, logs)
  }
  return invocations.length
}

async function showOutbox() {
  const { outbox } = await api('outbox')
  $('#outbox').replaceChildren(
    ...outbox.map((m) =>
      h('li', {}, `${inUtc8(m.at)} ${m.fromFunction} → ${m.apiName} ${m.openid ?? ''}`, h('pre', {}, JSON.stringify(m.data, null, 2))),
    ),
  )
}

// ---- wiring --------------------------------------------------------------------------------

function alertError(error) {
  report($('#query-status'), error)
}

async function refreshAll() {
  await Promise.all([showClock(), showTriggers(), showCollections(), showOutbox(), pollInvocations()]).catch(alertError)
  await runQuery()
}

$('#query').addEventListener('submit', (e) => {
  e.preventDefault()
  void runQuery()
})
wireClock()
wireTriggers()
void refreshAll()
// Live: new invocations (and what they changed) appear within a second.
setInterval(async () => {
  try {
    if ((await pollInvocations()) > 0) await Promise.all([showCollections(), showOutbox()])
    await showClock()
  } catch {
    // the local cloud is restarting: try again next tick
  }
}, 1000)
