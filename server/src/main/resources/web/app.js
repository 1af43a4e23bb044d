// Liaison search page. No framework: plain DOM, state in the URL, every document string set as text.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'), q: $('q'), list: $('suggestions'), intro: $('intro'), view: $('search-view'),
    status: $('status'), expansion: $('expansion'), expansionText: $('expansion-text'), translate: $('translate'),
    facets: $('facets'), results: $('results'), pager: $('pager'), doc: $('document'), docTitle: $('doc-title'),
    docMeta: $('doc-meta'), docBody: $('doc-body'), back: $('back'), home: $('home'),
  };
  const PAGE_SIZE = 10;
  const LANGS = { zh: '中文', en: 'English', mixed: 'Mixed' };
  let cameFromResults = false;
  let searchSeq = 0;

  // ---- URL state ---------------------------------------------------------------------------
  function readState() {
    const p = new URLSearchParams(location.search);
    return {
      q: p.get('q') || '',
      page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
      lang: p.get('lang') || '',
      folder: p.get('folder') || '',
      translate: p.get('translate') !== '0',
      doc: p.get('doc') || '',
    };
  }

  function urlOf(s) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    if (s.page > 1) p.set('page', String(s.page));
    if (s.lang) p.set('lang', s.lang);
    if (s.folder) p.set('folder', s.folder);
    if (!s.translate) p.set('translate', '0');
    if (s.doc) p.set('doc', s.doc);
    const qs = p.toString();
    return qs ? '/?' + qs : '/';
  }

  function go(state) {
    history.pushState(null, '', urlOf(state));
    render();
  }

  window.addEventListener('popstate', render);

  // ---- Safe rendering ----------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, e) ? ENTITIES[e] : m;
    });
  }

  // Snippets are escaped by the server with matches in <mark>. They are never parsed as HTML here:
  // the only markup honoured is <mark>…</mark>; everything else becomes text nodes.
  function snippetNode(html) {
    const frag = document.createDocumentFragment();
    let inMark = false;
    for (const part of html.split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') { inMark = true; continue; }
      if (part === '</mark>') { inMark = false; continue; }
      if (!part) continue;
      const text = document.createTextNode(decodeEntities(part));
      frag.append(inMark ? el('mark', {}, text) : text);
    }
    return frag;
  }

  // ---- API ---------------------------------------------------------------------------------
  async function api(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch (_) { /* not JSON */ }
    if (!res.ok) {
      const err = new Error((body && body.message) || ('The server answered ' + res.status));
      err.position = body && typeof body.position === 'number' ? body.position : null;
      throw err;
    }
    return body;
  }

  function docPath(id) {
    return '/api/documents/' + id.split('/').map(encodeURIComponent).join('/');
  }

  // ---- Views -------------------------------------------------------------------------------
  function render() {
    const s = readState();
    closeSuggestions();
    els.q.value = s.q;
    els.translate.checked = s.translate;
    if (s.doc) return showDocument(s);
    els.doc.hidden = true;
    if (!s.q) {
      els.intro.hidden = false;
      els.view.hidden = true;
      document.title = 'Liaison · 联络';
      return;
    }
    els.intro.hidden = true;
    els.view.hidden = false;
    document.title = s.q + ' · Liaison';
    return search(s);
  }

  async function search(s) {
    const seq = ++searchSeq;
    const p = new URLSearchParams({ q: s.q, page: String(s.page), limit: String(PAGE_SIZE) });
    if (s.lang) p.set('lang', s.lang);
    if (s.folder) p.set('folder', s.folder);
    if (!s.translate) p.set('translate', 'false');
    els.view.setAttribute('aria-busy', 'true');
    els.status.textContent = 'Searching…';
    try {
      const r = await api('/api/search?' + p.toString());
      if (seq !== searchSeq) return;
      showResults(s, r);
    } catch (e) {
      if (seq !== searchSeq) return;
      showError(s, e);
    } finally {
      if (seq === searchSeq) els.view.removeAttribute('aria-busy');
    }
  }

  function showError(s, e) {
    els.results.replaceChildren();
    els.facets.replaceChildren();
    els.pager.replaceChildren();
    els.expansion.hidden = true;
    const box = el('div', { class: 'error' }, el('strong', {}, 'This query could not be run. '), e.message);
    if (e.position !== null && e.position >= 0 && e.position <= s.q.length) {
      box.append(el('pre', { class: 'caret', 'aria-hidden': 'true' }, s.q + '\n' + ' '.repeat(e.position) + '^'));
    }
    els.status.replaceChildren(box);
  }

  function showResults(s, r) {
    const from = (s.page - 1) * PAGE_SIZE + 1;
    els.status.textContent = r.total === 0
      ? 'No documents match.'
      : `${from}–${from + r.hits.length - 1} of ${r.total} ${r.total === 1 ? 'document' : 'documents'} · ${r.tookMs} ms`;
    renderExpansion(s, r.expansion);
    renderFacets(s, r.facets);
    els.results.replaceChildren(...r.hits.map((h) => hitNode(s, h)));
    if (r.total === 0) {
      els.results.append(el('li', { class: 'empty' }, s.lang || s.folder
        ? 'Nothing here with these filters. Clear them to see more.'
        : 'Try fewer words, or check the spelling.'));
    }
    renderPager(s, r.total);
  }

  function renderExpansion(s, expansion) {
    const parts = [];
    for (const c of expansion || []) {
      const others = c.alternatives.filter((a) => a.text !== c.source).map((a) => a.text);
      if (others.length) parts.push({ source: c.source, others });
    }
    els.expansion.hidden = false;
    if (!parts.length && s.translate) {
      els.expansionText.replaceChildren(el('span', { class: 'src' }, 'No translations found for these words.'));
      return;
    }
    if (!s.translate) {
      els.expansionText.textContent = 'Translation is off: only your own words are searched.';
      return;
    }
    const line = el('span', {}, 'Also searched: ');
    parts.forEach((p, i) => {
      if (i) line.append(', ');
      line.append(el('span', { class: 'alt' }, p.others.join(' · ')), ' ', el('span', { class: 'src' }, '(' + p.source + ')'));
    });
    els.expansionText.replaceChildren(line);
  }

  function renderFacets(s, facets) {
    const groups = [];
    const lang = (facets && facets.lang) || {};
    const folder = (facets && facets.folder) || {};
    groups.push(facetGroup('Language', 'lang', lang, s, (k) => LANGS[k] || k));
    groups.push(facetGroup('Folder', 'folder', folder, s, (k) => k || '(top level)'));
    els.facets.replaceChildren(...groups.filter(Boolean));
  }

  function facetGroup(title, key, counts, s, label) {
    const entries = Object.entries(counts);
    if (!entries.length && !s[key]) return null;
    const list = el('ul', { class: 'facet-list' });
    for (const [value, count] of entries) {
      const active = s[key] === value;
      list.append(el('li', {}, el('button', {
        type: 'button', class: 'facet' + (active ? ' active' : ''), 'aria-pressed': String(active),
        'data-facet': key, 'data-value': value,
        onclick: () => go({ ...s, [key]: active ? '' : value, page: 1, doc: '' }),
      }, el('span', { class: 'facet-label' }, label(value)), el('span', { class: 'count' }, String(count)))));
    }
    if (s[key] && !entries.some(([v]) => v === s[key])) {
      list.append(el('li', {}, el('button', {
        type: 'button', class: 'facet active', 'aria-pressed': 'true', 'data-facet': key, 'data-value': s[key],
        onclick: () => go({ ...s, [key]: '', page: 1, doc: '' }),
      }, el('span', { class: 'facet-label' }, label(s[key])), el('span', { class: 'count' }, '0'))));
    }
    return el('section', { class: 'facet-group' }, el('h2', {}, title), list);
  }

  /** A link that opens a document in this page (a plain click) or, with a modifier, as the browser would. */
  function docLink(s, id, text, cls) {
    const link = el('a', { href: urlOf({ ...s, doc: id }), class: cls }, text);
    link.addEventListener('click', (ev) => {
      if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      cameFromResults = true;
      go({ ...s, doc: id });
    });
    return link;
  }

  function hitNode(s, h) {
    const link = docLink(s, h.id, h.title || h.id, 'hit-title');
    const meta = el('div', { class: 'hit-meta' },
      el('span', { class: 'badge lang-' + h.lang }, LANGS[h.lang] || h.lang),
      el('span', { class: 'folder' }, h.folder || ''),
      el('span', { class: 'id' }, h.id));
    const snippets = el('div', { class: 'snippets' });
    for (const sn of h.snippets || []) snippets.append(el('p', { class: 'snippet' }, snippetNode(sn)));
    const versions = (h.versions || []).map((v) => el('p', { class: 'version' },
      el('span', { class: 'badge lang-' + v.lang }, (LANGS[v.lang] || v.lang) + (v.script === 'Hant' ? ' 繁體' : '')), ' ',
      docLink(s, v.id, v.title || v.id, 'version-title')));
    return el('li', { class: 'hit' }, el('h3', {}, link), meta, snippets, ...versions);
  }

  function renderPager(s, total) {
    const pages = Math.min(Math.ceil(total / PAGE_SIZE), 100);
    els.pager.replaceChildren();
    if (pages <= 1) return;
    const button = (label, page, opts = {}) => el('button', {
      type: 'button', class: 'page' + (opts.current ? ' current' : ''),
      ...(opts.current ? { 'aria-current': 'page' } : {}),
      ...(opts.disabled ? { disabled: '' } : {}),
      ...(opts.aria ? { 'aria-label': opts.aria } : {}),
      onclick: () => { go({ ...s, page, doc: '' }); els.results.focus(); },
    }, label);
    els.pager.append(button('‹ Previous', s.page - 1, { disabled: s.page <= 1 }));
    const start = Math.max(1, Math.min(s.page - 3, pages - 6));
    for (let p = start; p <= Math.min(pages, start + 6); p++) {
      els.pager.append(button(String(p), p, { current: p === s.page, aria: 'Page ' + p }));
    }
    els.pager.append(button('Next ›', s.page + 1, { disabled: s.page >= pages }));
  }

  async function showDocument(s) {
    els.intro.hidden = true;
    els.view.hidden = true;
    els.doc.hidden = false;
    els.docTitle.textContent = 'Loading…';
    els.docMeta.textContent = '';
    els.docBody.textContent = '';
    els.back.textContent = s.q ? '← Back to results' : '← New search';
    try {
      const d = await api(docPath(s.doc));
      els.docTitle.textContent = d.title || d.id;
      document.title = (d.title || d.id) + ' · Liaison';
      const modified = d.modified ? new Date(d.modified).toISOString().slice(0, 10) : '';
      els.docMeta.replaceChildren(
        el('span', { class: 'badge lang-' + d.lang }, LANGS[d.lang] || d.lang),
        el('span', {}, d.id), el('span', {}, formatSize(d.size)), el('span', {}, modified));
      els.docBody.textContent = d.body;
    } catch (e) {
      els.docTitle.textContent = 'Document not available';
      els.docBody.textContent = e.message;
    }
    els.doc.focus();
  }

  function formatSize(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' kB';
    return (n / 1024 / 1024).toFixed(1) + ' MB';
  }

  els.back.addEventListener('click', () => {
    if (cameFromResults) { cameFromResults = false; history.back(); return; }
    go({ ...readState(), doc: '' });
  });

  els.translate.addEventListener('change', () => go({ ...readState(), translate: els.translate.checked, page: 1, doc: '' }));

  // ---- Search box and suggestions ------------------------------------------------------------
  let active = -1;
  let items = [];
  let suggestTimer = 0;
  let suggestSeq = 0;

  function submit(q) {
    const query = q.trim();
    if (!query) return;
    closeSuggestions();
    const s = readState();
    go({ q: query, page: 1, lang: s.q === query ? s.lang : '', folder: s.q === query ? s.folder : '', translate: s.translate, doc: '' });
  }

  els.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (active >= 0 && items[active]) els.q.value = items[active].text;
    submit(els.q.value);
  });

  els.q.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(loadSuggestions, 150);
  });

  els.q.addEventListener('keydown', (ev) => {
    const open = !els.list.hidden && items.length > 0;
    if (ev.key === 'ArrowDown' && open) { ev.preventDefault(); setActive((active + 1) % items.length); }
    else if (ev.key === 'ArrowUp' && open) { ev.preventDefault(); setActive(active <= 0 ? items.length - 1 : active - 1); }
    else if (ev.key === 'Escape') {
      if (open) { ev.preventDefault(); closeSuggestions(); } else if (els.q.value) { els.q.value = ''; }
    }
  });

  // Delayed so a click on a suggestion lands first; refocusing meanwhile keeps the list.
  els.q.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== els.q) closeSuggestions(); }, 120));

  async function loadSuggestions() {
    const prefix = els.q.value.trim();
    const seq = ++suggestSeq;
    if (!prefix || prefix.length > 100) { closeSuggestions(); return; }
    try {
      const r = await api('/api/suggest?limit=8&prefix=' + encodeURIComponent(prefix));
      if (seq !== suggestSeq || document.activeElement !== els.q) return;
      showSuggestions(r.suggestions);
    } catch (_) {
      closeSuggestions(); // suggestions are a convenience; searching still works
    }
  }

  function showSuggestions(list) {
    items = list;
    active = -1;
    els.list.replaceChildren(...list.map((sg, i) => el('li', {
      id: 'sugg-' + i, role: 'option', 'aria-selected': 'false', class: 'suggestion',
      onmousedown: (ev) => { ev.preventDefault(); els.q.value = sg.text; submit(sg.text); },
    }, el('span', { class: 'sugg-text' }, sg.text), el('span', { class: 'sugg-kind' }, sg.source))));
    const open = list.length > 0;
    els.list.hidden = !open;
    els.q.setAttribute('aria-expanded', String(open));
    els.q.removeAttribute('aria-activedescendant');
  }

  function setActive(i) {
    active = i;
    [...els.list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    els.q.setAttribute('aria-activedescendant', 'sugg-' + i);
  }

  function closeSuggestions() {
    clearTimeout(suggestTimer);
    suggestSeq++;
    items = [];
    active = -1;
    els.list.hidden = true;
    els.list.replaceChildren();
    els.q.setAttribute('aria-expanded', 'false');
    els.q.removeAttribute('aria-activedescendant');
  }

  // "/" focuses the search box from anywhere, as on most search sites.
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement !== els.q && !(ev.target instanceof HTMLInputElement)) {
      ev.preventDefault();
      els.q.focus();
      els.q.select();
    }
  });

  els.home.addEventListener('click', (ev) => { ev.preventDefault(); els.q.value = ''; go({ q: '', page: 1, lang: '', folder: '', translate: true, doc: '' }); els.q.focus(); });
  for (const a of document.querySelectorAll('a[data-query]')) {
    a.addEventListener('click', (ev) => { ev.preventDefault(); els.q.value = a.dataset.query; submit(a.dataset.query); });
  }

  render();
  if (!readState().q && !readState().doc) els.q.focus();
})();
