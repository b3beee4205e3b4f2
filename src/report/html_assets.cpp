// The style sheet and the script of the HTML report. The script only
// enhances the server-rendered page: sorting and filtering the skills table,
// and a row's details, rendered on demand from the JSON data block. Text from
// skills is only ever set with textContent, never parsed as HTML.
#include "html_assets.hpp"

namespace skillscore::report::html {

const std::string_view k_style = R"css(
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0969da;--e:#1a7f37;--g:#0969da;--n:#9a6700;--p:#cf222e;--hl:#fff8c5;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--accent:#4493f8;--e:#3fb950;--g:#4493f8;--n:#d29922;--p:#f85149;--hl:#2e2a14}}
*{box-sizing:border-box}
[hidden],.nojs .js-only{display:none!important}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:20px}
footer{color:var(--muted);font-size:12px;padding-top:24px;padding-bottom:24px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 10px}
h3{font-size:13px;margin:10px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
p{margin:6px 0}
.sub{color:var(--muted)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:0}
.cards div{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.cards dt{color:var(--muted);font-size:12px}
.cards dd{margin:2px 0 0;font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
.cards small{font-size:12px;font-weight:400;color:var(--muted)}
#n-pass small{display:block}
.cards .e{border-left:4px solid var(--e)}.cards .g{border-left:4px solid var(--g)}.cards .n{border-left:4px solid var(--n)}.cards .p{border-left:4px solid var(--p)}
.cards .bad dd{color:var(--p)}
.cards .small dd{font-size:18px;padding-top:3px;white-space:nowrap}
.cards.ratings{grid-template-columns:repeat(auto-fit,minmax(200px,1fr));margin-top:10px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:16px;margin-top:16px}
figure{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px}
figcaption{font-weight:600;margin-bottom:6px}
svg{display:block;width:100%;height:auto;overflow:visible}
svg text{fill:var(--muted);font-size:11px;font-family:inherit}
svg .lbl{fill:var(--fg)}
.axis{stroke:var(--line)}
.b-e{fill:var(--e)}.b-g{fill:var(--g)}.b-n{fill:var(--n)}.b-p{fill:var(--p)}.b-x{fill:var(--accent)}
.thr{stroke:var(--p);stroke-dasharray:5 3;stroke-width:1.5}
.mean{stroke:var(--fg);stroke-dasharray:2 2}
.ibar{fill:var(--accent)}
.js g.bar{cursor:pointer}
.lim #skills tbody tr:nth-child(n+1001){display:none}
.more{margin:8px 0;color:var(--muted)}
.more button{font:inherit;margin-left:8px;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg);cursor:pointer}
g.bar:hover rect{opacity:.75}
details.data{margin-top:6px}
details.data summary{cursor:pointer;color:var(--accent);font-size:12px}
table{border-collapse:collapse;width:100%}
caption{text-align:left;color:var(--muted);padding:4px 0 8px;caption-side:top}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{font-weight:600;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
.controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:0 0 8px}
.controls input[type=search]{min-width:240px}
.controls input,.controls select{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
#f-count{color:var(--muted)}
#skills{table-layout:fixed}
#skills col.c-path{width:auto}#skills col.c-score{width:80px}#skills col.c-rating{width:200px}#skills col.c-issues{width:76px}#skills col.c-delta{width:110px}
#skills thead th{position:sticky;top:0;background:var(--bg);z-index:1;box-shadow:0 1px 0 var(--line)}
#skills tbody th{font-weight:400;overflow-wrap:anywhere}
#skills tbody td:nth-child(2),#skills tbody td:nth-child(4),#skills tbody td:nth-child(5){text-align:right;font-variant-numeric:tabular-nums}
#skills thead th:nth-child(2),#skills thead th:nth-child(4),#skills thead th:nth-child(5){text-align:right}
.js #skills tbody tr{cursor:pointer}
.js #skills tbody th{color:var(--accent)}
.js #skills tbody tr:hover>*{background:var(--panel)}
.js #skills tbody tr.det{cursor:auto}
#skills tbody tr:focus{outline:2px solid var(--accent);outline-offset:-2px}
button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
thead button{all:unset;cursor:pointer}
thead button::after{content:" \2195";color:var(--muted);font-weight:400}
th[aria-sort=ascending] button::after{content:" \25B2";color:var(--fg)}
th[aria-sort=descending] button::after{content:" \25BC";color:var(--fg)}
#skills tbody td{white-space:nowrap}
td.e{color:var(--e);font-weight:600}td.g{color:var(--g);font-weight:600}td.n{color:var(--n);font-weight:600}td.p{color:var(--p);font-weight:600}
tr.f>th{box-shadow:inset 3px 0 var(--p)}
tr.x>*{background:var(--hl)}
.dn{color:var(--p);font-weight:600}.dp{color:var(--e)}
tr.open>*{border-bottom-color:transparent}
#skills tr.det>td{background:var(--panel);padding:6px 16px 12px;white-space:normal}
tr.det ul{margin:0;padding-left:20px}
tr.det li{margin:2px 0}
.sev{display:inline-block;min-width:58px;font-size:11px;border-radius:10px;padding:0 6px;text-align:center;color:var(--bg);margin-right:6px}
.sev-error{background:var(--p)}.sev-warning{background:var(--n)}.sev-info{background:var(--muted)}
.line{color:var(--muted)}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:4px 24px}
.cols>div{min-width:0;overflow-wrap:anywhere}
.gates{margin:0 0 10px}
.verdict{font-weight:600;margin:0 0 2px}.verdict.ok{color:var(--e)}.verdict.bad{color:var(--p)}
#gates{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:2px 18px;color:var(--muted);font-size:13px}
#gates li.bad{color:var(--p);font-weight:600}
@media print{.controls{display:none}#skills thead th{position:static}}
)css";

const std::string_view k_head_script = R"js(document.documentElement.className="js lim";)js";

const std::string_view k_script = R"js(
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var table = doc.getElementById("skills");
  if (!table) { root.className = "js"; return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var n = rows.length;
  var ncols = table.tHead.rows[0].cells.length;
  var hasDelta = ncols > 4;
  var data = null, keys = null;
  var open = new Map();                  // row index -> its details row
  var order = rows.map(function (r, i) { return i; });  // row indices in table order
  var match = null;                      // null: every row matches the filters
  var STEP = 1000, limit = STEP;         // rows shown at most (the head script's CSS hid the rest while parsing)
  var RANK = { e: 3, g: 2, n: 1, p: 0 };

  function getData() {
    if (!data) data = JSON.parse(doc.getElementById("data").textContent);
    return data;
  }
  function num(s) {
    var v = parseFloat(s);
    return v === v ? v : NaN;
  }
  function getKeys() {
    if (keys) return keys;
    keys = new Array(n);
    for (var i = 0; i < n; i++) {
      var tr = rows[i], c = tr.cells, path = c[0].textContent;
      keys[i] = {
        path: path,
        lpath: path.toLowerCase(),
        score: num(c[1].textContent),
        rating: RANK[c[2].className],
        r: c[2].className,
        issues: num(c[3].textContent),
        delta: hasDelta ? num(c[4].textContent) : NaN,
        f: tr.classList.contains("f"),
        x: tr.classList.contains("x")
      };
    }
    return keys;
  }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function fmt(x) { return x.toLocaleString("en-US"); }

  // Which rows are shown: the matching ones, in table order, up to the limit.
  // Laying out 10,000 rows takes a second or more; 1,000 a tenth of that.
  var fCount = doc.getElementById("f-count"), more = doc.getElementById("more");
  var moreBtn = doc.getElementById("more-btn"), allBtn = doc.getElementById("all-btn");
  var capN = doc.getElementById("cap-n"), capO = doc.getElementById("cap-o");
  var NAMES = { path: "path", score: "score", rating: "rating", issues: "issues", delta: "change since baseline" };
  function show() {
    var shown = 0, matching = 0;
    for (var j = 0; j < n; j++) {
      var i = order[j], ok = match ? match[i] : true;
      if (ok) matching++;
      var vis = ok && shown < limit;
      if (vis) shown++;
      if (rows[i].hidden === vis) rows[i].hidden = !vis;
      var det = open.get(i);
      if (det) det.hidden = !vis;
    }
    fCount.setAttribute("data-matching", matching);
    fCount.setAttribute("data-shown", shown);
    fCount.textContent = matching === n ? "all " + fmt(n) + " skills" : fmt(matching) + " of " + fmt(n) + " skills match";
    capN.textContent = matching === n ? capN.getAttribute("data-all") : fmt(matching) + " of " + fmt(n) + " skills (filtered)";
    if (shown < matching) {
      more.hidden = false;
      doc.getElementById("more-text").textContent = "Showing the first " + fmt(shown) + " of " + fmt(matching) + ".";
      moreBtn.textContent = "Show " + fmt(Math.min(STEP, matching - shown)) + " more";
    } else {
      more.hidden = true;
    }
    if (current && current.hidden) {  // keep the table's tab stop on a shown row
      var first = tbody.querySelector("tr:not([hidden]):not(.det)");
      if (first) { current.tabIndex = -1; current = first; first.tabIndex = 0; }
    }
  }
  moreBtn.addEventListener("click", function () { limit += STEP; show(); });
  allBtn.addEventListener("click", function () { limit = Infinity; show(); });

  // Sorting: a button in each column header; again: the other direction.
  var sortKey = null, sortDir = 1;
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th) {
    var k = th.getAttribute("data-k");
    if (!k) return;
    var b = el("button");
    b.type = "button";
    while (th.firstChild) b.appendChild(th.firstChild);
    th.appendChild(b);
    b.addEventListener("click", function () { sortBy(k); });
  });
  function sortBy(k) {
    var ks = getKeys();
    if (sortKey === k) sortDir = -sortDir; else { sortKey = k; sortDir = 1; }
    order.sort(function (a, b) {
      var x = ks[a][k], y = ks[b][k], c;
      if (k === "path") {
        c = x < y ? -1 : x > y ? 1 : 0;
      } else {
        var xn = x !== x, yn = y !== y;
        if (xn || yn) {
          if (!(xn && yn)) return xn ? 1 : -1;  // no value: last either way
          c = 0;
        } else {
          c = x - y;
        }
      }
      return c * sortDir || a - b;
    });
    limit = STEP;
    show();  // hide before moving: only the shown rows are laid out again
    var frag = doc.createDocumentFragment();
    for (var j = 0; j < n; j++) {
      frag.appendChild(rows[order[j]]);
      var det = open.get(order[j]);
      if (det) frag.appendChild(det);
    }
    tbody.appendChild(frag);
    capO.textContent = " sorted by " + NAMES[k] + (sortDir > 0 ? ", ascending" : ", descending");
    heads.forEach(function (th) {
      if (th.getAttribute("data-k") === k) th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  // Filtering: path text, rating, rule, below threshold, regressions.
  var controls = doc.getElementById("controls");
  var fText = doc.getElementById("f-text"), fRating = doc.getElementById("f-rating"), fRule = doc.getElementById("f-rule");
  var fFail = doc.getElementById("f-fail"), fReg = doc.getElementById("f-reg");
  function hasRule(d, i, r) {
    var iss = d.il[d.sk[2 * i + 1]];
    for (var j = 0; j < iss.length; j += 5) if (iss[j] === r) return true;
    return false;
  }
  function applyFilter() {
    var text = fText.value.trim().toLowerCase(), rating = fRating.value, rule = fRule.value;
    var onlyFail = fFail ? fFail.checked : false, onlyReg = fReg ? fReg.checked : false;
    if (!text && !rating && rule === "" && !onlyFail && !onlyReg) {
      match = null;
    } else {
      var ks = getKeys(), d = rule !== "" ? getData() : null, r = rule !== "" ? +rule : -1;
      match = new Array(n);
      for (var i = 0; i < n; i++) {
        var k = ks[i];
        match[i] = (!text || k.lpath.indexOf(text) >= 0) && (!rating || k.r === rating) && (!onlyFail || k.f) &&
                   (!onlyReg || k.x) && (r < 0 || hasRule(d, i, r));
      }
    }
    limit = STEP;
    show();
  }
  var timer = 0;
  fText.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(applyFilter, 120); });
  [fRating, fRule, fFail, fReg].forEach(function (c) { if (c) c.addEventListener("change", applyFilter); });

  // A bar of the issues chart filters the table by its rule.
  Array.prototype.forEach.call(doc.querySelectorAll("g.bar[data-r]"), function (g) {
    g.addEventListener("click", function () {
      fRule.value = g.getAttribute("data-r");
      applyFilter();
      table.scrollIntoView();
    });
  });

  // Details of a skill, rendered from the data block when first opened.
  function list(parent, title, items) {
    parent.appendChild(el("h3", null, title));
    var ul = el("ul");
    items.forEach(function (li) { ul.appendChild(li); });
    parent.appendChild(ul);
  }
  function render(i) {
    var d = getData(), S = d.str;
    var iss = d.il[d.sk[2 * i + 1]], st = d.sl[d.sk[2 * i]];
    var tr = el("tr", "det"), td = el("td"), wrap = el("div", "cols");
    tr.id = "det-" + i;
    td.colSpan = ncols;
    var left = el("div"), right = el("div");
    var items = [], recs = [], seen = new Set();
    for (var j = 0; j < iss.length; j += 5) {
      var rule = d.rules[iss[j]], sev = d.sev[iss[j + 1]], line = iss[j + 3], rec = iss[j + 4];
      var li = el("li");
      li.appendChild(el("span", "sev sev-" + sev, sev));
      li.appendChild(el("code", null, rule[0]));
      li.appendChild(doc.createTextNode(" " + S[iss[j + 2]]));
      if (line > 0) li.appendChild(el("span", "line", " (line " + line + ")"));
      li.title = rule[1];
      items.push(li);
      if (rec >= 0 && !seen.has(rec)) { seen.add(rec); recs.push(el("li", null, S[rec])); }
    }
    if (!items.length) items.push(el("li", null, "No issues."));
    list(left, "Issues (" + iss.length / 5 + ")", items);
    if (recs.length) list(left, "Recommendations", recs);
    list(right, "Strengths (" + st.length + ")", st.length ? st.map(function (s) { return el("li", null, S[s]); }) : [el("li", null, "None.")]);
    wrap.appendChild(left);
    wrap.appendChild(right);
    td.appendChild(wrap);
    tr.appendChild(td);
    return tr;
  }
  function toggle(i) {
    var tr = rows[i], det = open.get(i);
    if (det) {
      det.remove();
      open.delete(i);
      tr.classList.remove("open");
      tr.setAttribute("aria-expanded", "false");
      return;
    }
    det = render(i);
    det.hidden = tr.hidden;
    open.set(i, det);
    tr.after(det);
    tr.classList.add("open");
    tr.setAttribute("aria-expanded", "true");
    tr.setAttribute("aria-controls", det.id);
  }

  // One tab stop for the whole table (roving tabindex): the arrow keys move
  // between shown rows, Enter or Space opens or closes one.
  var current = rows[0];
  if (current) current.tabIndex = 0;
  function focusRow(tr) {
    if (!tr) return;
    if (current && current !== tr) current.tabIndex = -1;
    current = tr;
    tr.tabIndex = 0;
    tr.focus();
  }
  function step(tr, forward) {
    var e = tr;
    do { e = forward ? e.nextElementSibling : e.previousElementSibling; } while (e && (e.hidden || e.className === "det"));
    return e;
  }
  function rowOf(node) {
    var tr = node && node.closest ? node.closest("tr") : null;
    return tr && tr.parentNode === tbody && tr.className !== "det" ? tr : null;
  }
  tbody.addEventListener("click", function (ev) {
    var tr = rowOf(ev.target);
    if (!tr) return;
    var sel = window.getSelection ? String(window.getSelection()) : "";
    if (sel) return;  // selecting text, not opening
    focusRow(tr);
    toggle(rows.indexOf(tr));
  });
  tbody.addEventListener("keydown", function (ev) {
    var tr = rowOf(ev.target);
    if (!tr) return;
    var k = ev.key, next = null;
    if (k === "Enter" || k === " ") {
      toggle(rows.indexOf(tr));
    } else if (k === "ArrowDown" || k === "ArrowUp") {
      next = step(tr, k === "ArrowDown");
      if (!next) return;
      focusRow(next);
    } else if (k === "Home" || k === "End") {
      var all = tbody.rows, e = all[k === "Home" ? 0 : all.length - 1];
      if (e && (e.hidden || e.className === "det")) e = step(e, k === "Home");
      focusRow(e);
    } else {
      return;
    }
    ev.preventDefault();
  });

  // From here on the rows' hidden attributes decide, not the parse-time CSS.
  show();
  root.className = "js";
  controls.hidden = false;
})();
)js";

}  // namespace skillscore::report::html
