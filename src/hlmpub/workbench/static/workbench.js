// The review workbench page: draws the rows from GET /api/rows, sends edits to POST /api/edit|undo|redo.
// Plain JavaScript, no build step.  Every text from the data goes in with textContent, never as markup.
"use strict";

(function () {
  const state = {
    data: null, // the last GET /api/rows answer
    current: null, // id of the current row
    units: new Set(), // selected unit ids (in the current row)
    finding: null, // selected finding id
  };
  const $ = (id) => document.getElementById(id);
  const lowConfidence = parseFloat(document.body.dataset.lowConfidence || "0.5");

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function say(message, isError) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  // ------------------------------------------------------------------ drawing

  function sentenceGroups(row) {
    const groups = new Map();
    (row.sentences || []).forEach((link, index) => {
      Object.values(link.cells || {}).forEach((ids) => ids.forEach((sid) => groups.set(sid, index)));
    });
    return groups;
  }

  function findingList(items) {
    const list = el("ul", "findings");
    for (const f of items) {
      const item = el("li", `finding sev-${f.severity} st-${f.status}`);
      item.dataset.finding = f.id;
      item.dataset.unit = f.unit || "";
      item.tabIndex = 0;
      item.append(el("span", "code", f.code), " ", el("span", "message", f.message), " ", el("span", "fid", `#${f.id}`));
      if (f.status !== "open") {
        let verdict = f.status;
        if (f.by) verdict += ` by ${f.by}`;
        if (f.comment) verdict += `: ${f.comment}`;
        item.append(" ", el("span", "verdict", verdict));
      }
      list.append(item);
    }
    return list;
  }

  function rowClasses(row, langs) {
    const classes = ["row"];
    if (row.findings.some((f) => f.status === "open")) classes.push("has-findings");
    if (row.confidence < lowConfidence) classes.push("low-confidence");
    if (langs.some((lang) => !(row.cells[lang] || []).length)) classes.push("missing");
    if (row.checked) classes.push("checked");
    return classes.join(" ");
  }

  function drawRow(row, data) {
    const langs = data.langs;
    const tr = el("tr", rowClasses(row, langs));
    tr.id = row.id;
    tr.dataset.missing = langs.filter((lang) => !(row.cells[lang] || []).length).join(" ");
    const meta = el("th", "meta");
    meta.scope = "row";
    const link = el("a", "permalink", row.n);
    link.href = `#${row.id}`;
    meta.append(link, " ", el("span", "key", row.key), " ", el("span", `method m-${row.method}`, row.method), " ");
    meta.append(el("span", "conf", Number(row.confidence).toFixed(2)));
    if (row.checked) meta.append(" ", el("span", "checkmark", "✓ checked"));
    if (row.resp) meta.append(" ", el("span", "resp", row.resp));
    const loose = row.findings.filter((f) => !langs.includes(f.lang));
    if (loose.length) meta.append(findingList(loose));
    tr.append(meta);
    const groups = sentenceGroups(row);
    for (const lang of langs) {
      const td = el("td", `cell l-${lang}`);
      td.lang = lang;
      td.dir = data.dirs[lang] || "ltr";
      td.dataset.lang = lang;
      const ids = row.cells[lang] || [];
      for (const uid of ids) {
        const unit = data.units[uid] || {};
        // an open error or warning flags its unit; an info finding (a 1:2 bead) only lists itself
        const flagged = row.findings.some((f) => f.unit === uid && f.status === "open" && f.severity !== "info");
        const div = el("div", `unit k-${unit.kind}${flagged ? " flagged" : ""}`);
        div.dataset.unit = uid;
        if (unit.label) div.append(el("span", "label", unit.label));
        if (unit.sentences && unit.sentences.length) {
          for (const s of unit.sentences) {
            const span = el("span", "s", s.text);
            span.dataset.s = s.id;
            span.dataset.group = groups.has(s.id) ? String(groups.get(s.id)) : "";
            div.append(span, " ");
          }
        } else {
          div.append(el("span", "text", unit.text));
        }
        td.append(div);
      }
      if (!ids.length) td.append(el("div", "gap", "—"));
      const items = row.findings.filter((f) => f.lang === lang);
      if (items.length) td.append(findingList(items));
      tr.append(td);
    }
    return tr;
  }

  function draw(data) {
    const body = $("body");
    // The server drew the rows of the version it rendered: on first load only the data is taken.
    const drawn = state.data === null && String(data.version) === document.body.dataset.version && body.rows.length === data.rows.length;
    state.data = data;
    if (!drawn) {
      const fresh = document.createDocumentFragment();
      for (const row of data.rows) fresh.append(drawRow(row, data));
      body.replaceChildren(fresh);
    }
    document.body.dataset.version = String(data.version);
    $("version").textContent = String(data.version);
    $("b-undo").disabled = !data.can_undo;
    $("b-redo").disabled = !data.can_redo;
    if (state.current && !$(state.current)) state.current = null;
    state.units = new Set([...state.units].filter((uid) => body.querySelector(`[data-unit="${CSS.escape(uid)}"]`)));
    if (state.finding && !body.querySelector(`[data-finding="${CSS.escape(state.finding)}"]`)) state.finding = null;
    applyFilters();
    mark();
  }

  // ------------------------------------------------------------ filters, selection

  function applyFilters() {
    const findings = $("f-findings").checked;
    const low = $("f-low").checked;
    const missing = $("f-missing").value;
    let shown = 0;
    for (const tr of $("body").rows) {
      const langs = tr.dataset.missing ? tr.dataset.missing.split(" ") : [];
      const hide =
        (findings && !tr.classList.contains("has-findings")) ||
        (low && !tr.classList.contains("low-confidence")) ||
        (missing === "*" && !langs.length) ||
        (missing && missing !== "*" && !langs.includes(missing));
      tr.hidden = hide;
      if (!hide) shown += 1;
    }
    $("shown").textContent = `${shown} of ${$("body").rows.length} rows`;
  }

  function mark() {
    for (const node of document.querySelectorAll(".current, .selected")) node.classList.remove("current", "selected");
    if (state.current && $(state.current)) $(state.current).classList.add("current");
    for (const uid of state.units) {
      const node = document.querySelector(`.unit[data-unit="${CSS.escape(uid)}"]`);
      if (node) node.classList.add("selected");
    }
    if (state.finding) {
      const node = document.querySelector(`.finding[data-finding="${CSS.escape(state.finding)}"]`);
      if (node) node.classList.add("selected");
    }
  }

  function setCurrent(rowId, scroll) {
    if (rowId !== state.current) state.units.clear();
    state.current = rowId;
    mark();
    if (scroll && rowId) $(rowId).scrollIntoView({ block: "nearest" });
  }

  function visibleRows() {
    return [...$("body").rows].filter((tr) => !tr.hidden);
  }

  function step(delta) {
    const rows = visibleRows();
    if (!rows.length) return;
    const at = rows.findIndex((tr) => tr.id === state.current);
    const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
    setCurrent(rows[next].id, true);
    history.replaceState(null, "", `#${rows[next].id}`);
  }

  function rowOf(rowId) {
    return state.data.rows.find((row) => row.id === rowId);
  }

  // ---------------------------------------------------------------- the API

  async function request(path, body) {
    const options = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    };
    const response = await fetch(path, { credentials: "same-origin", ...options });
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = { error: `${response.status} ${response.statusText}` };
    }
    return { ok: response.ok, status: response.status, answer };
  }

  async function reload() {
    const { ok, answer } = await request("/api/rows");
    if (!ok) {
      say(answer.error || "could not read the rows", true);
      return false;
    }
    draw(answer);
    return true;
  }

  async function send(path, body, done) {
    document.body.dataset.busy = "1";
    try {
      return await exchange(path, body, done);
    } finally {
      document.body.dataset.busy = "0";
    }
  }

  async function exchange(path, body, done) {
    const version = state.data.version;
    const { ok, status, answer } = await request(path, { ...body, version });
    if (!ok) {
      if (status === 409) {
        await reload();
        say(`${answer.error} — the edition changed elsewhere; the rows are reloaded, try again`, true);
      } else {
        say(answer.error || `refused (${status})`, true);
      }
      return false;
    }
    await reload();
    // stay on the row the edit made (a merge's row, a split's upper half)
    if (answer.changed && answer.changed.length && $(answer.changed[0])) setCurrent(answer.changed[0], false);
    say(`${done} — saved, version ${answer.version}`);
    return true;
  }

  function need(condition, message) {
    if (!condition) say(message, true);
    return condition;
  }

  const edits = {
    merge() {
      if (!need(state.current, "choose a row first (click it, or j/k)")) return;
      const index = state.data.rows.findIndex((row) => row.id === state.current);
      if (!need(index + 1 < state.data.rows.length, "the last row has no next row to merge with")) return;
      send("/api/edit", { op: "merge", rows: [state.current, state.data.rows[index + 1].id] }, "merged");
    },
    split() {
      if (!need(state.current && state.units.size, "select the units that go to a new row below (click them)")) return;
      send("/api/edit", { op: "split", row: state.current, units: [...state.units] }, "split");
    },
    move(to) {
      if (!need(state.units.size === 1, "select one unit to move (click it)")) return;
      send("/api/edit", { op: "move", unit: [...state.units][0], to }, `moved to the ${to === "prev" ? "previous" : "next"} row`);
    },
    check() {
      if (!need(state.current, "choose a row first (click it, or j/k)")) return;
      const checked = !rowOf(state.current).checked;
      send("/api/edit", { op: "check", row: state.current, checked }, checked ? "row checked" : "row unchecked");
    },
    verdict(op) {
      if (!need(state.finding, "select a finding first (click it)")) return;
      const comment = $("comment").value;
      send("/api/edit", { op, finding: state.finding, comment }, op === "accept" ? "finding accepted" : "finding rejected")
        .then((saved) => { if (saved) $("comment").value = ""; });
    },
    undo() { send("/api/undo", {}, "undone"); },
    redo() { send("/api/redo", {}, "redone"); },
  };

  // ------------------------------------------------------------------ events

  function onClick(event) {
    const target = event.target;
    const finding = target.closest(".finding");
    const unit = target.closest(".unit");
    const tr = target.closest("tr.row");
    if (!tr) return;
    if (tr.id !== state.current) setCurrent(tr.id, false);
    if (finding) {
      state.finding = state.finding === finding.dataset.finding ? null : finding.dataset.finding;
    } else if (unit && !target.closest("a")) {
      const uid = unit.dataset.unit;
      if (state.units.has(uid)) state.units.delete(uid);
      else state.units.add(uid);
    }
    mark();
  }

  function onHover(event, on) {
    const span = event.target.closest ? event.target.closest(".s") : null;
    if (!span || span.dataset.group === "") return;
    const tr = span.closest("tr");
    for (const other of tr.querySelectorAll(`.s[data-group="${span.dataset.group}"]`)) other.classList.toggle("linked", on);
  }

  function onKey(event) {
    if (event.target.closest("input, select, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
    const keys = {
      j: () => step(1), ArrowDown: () => step(1), k: () => step(-1), ArrowUp: () => step(-1),
      m: edits.merge, s: edits.split, "[": () => edits.move("prev"), "]": () => edits.move("next"),
      c: edits.check, a: () => edits.verdict("accept"), x: () => edits.verdict("reject"),
      u: edits.undo, y: edits.redo,
      f: () => { $("f-findings").checked = !$("f-findings").checked; applyFilters(); },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  function start() {
    $("body").addEventListener("click", onClick);
    $("body").addEventListener("mouseover", (e) => onHover(e, true));
    $("body").addEventListener("mouseout", (e) => onHover(e, false));
    document.addEventListener("keydown", onKey);
    window.addEventListener("hashchange", () => {
      const wanted = decodeURIComponent(location.hash.slice(1));
      if (wanted && $(wanted)) setCurrent(wanted, true);
    });
    $("filters").addEventListener("change", applyFilters);
    $("filters").addEventListener("submit", (e) => e.preventDefault());
    $("b-merge").addEventListener("click", edits.merge);
    $("b-split").addEventListener("click", edits.split);
    $("b-prev").addEventListener("click", () => edits.move("prev"));
    $("b-next").addEventListener("click", () => edits.move("next"));
    $("b-check").addEventListener("click", edits.check);
    $("b-accept").addEventListener("click", () => edits.verdict("accept"));
    $("b-reject").addEventListener("click", () => edits.verdict("reject"));
    $("b-undo").addEventListener("click", edits.undo);
    $("b-redo").addEventListener("click", edits.redo);
    reload().then(() => {
      const wanted = decodeURIComponent(location.hash.slice(1));
      if (wanted && $(wanted)) setCurrent(wanted, true);
      document.body.dataset.ready = "1";
    });
  }

  start();
})();
