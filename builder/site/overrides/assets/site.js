/* Citations, copy buttons, source text, and the search and finder of the 查找 page.
   Everything is loaded from this site; no request leaves it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var ROOT = script ? script.src.replace(/assets\/site\.js(\?.*)?$/, "") : "/";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  /* BibTeX escaping, exactly as builder/site.py's bibtex and bibtex_url filters. */
  var BIBTEX = { "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "%": "\\%", "&": "\\&", "#": "\\#",
    "$": "\\$", "_": "\\_", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
  function bibtex(text) { return String(text).replace(/[\\{}%&#$_~^]/g, function (c) { return BIBTEX[c]; }); }
  function bibtexUrl(url) {
    return String(url).replace(/[{}\\]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase(); })
      .replace(/[%#]/g, "\\$&");
  }

  /* A report page's APA and BibTeX entries and the badge's embed code, from its .cite block's data:
     written once here rather than on each of tens of thousands of pages. Parts are text or
     [class] for a date span that citations() fills in. */
  function citeEntry(parts) {
    var code = element("code", { "class": "cite-text" });
    parts.forEach(function (part) {
      code.appendChild(typeof part === "string" ? document.createTextNode(part) : element("span", { "class": part[0] }, part[1]));
    });
    var entry = element("div", { "class": "cite-entry" });
    entry.appendChild(element("pre")).appendChild(code);
    return entry;
  }
  function citationEntries() {
    document.querySelectorAll(".cite[data-title]").forEach(function (block) {
      var d = block.dataset, link = /^https?:/.test(d.permalink) ? d.permalink :
        location.origin + location.pathname.replace(/index\.html$/, "");
      var badge = block.querySelector(".cite-badge"), before = badge.previousElementSibling;  // the 徽章 heading
      var apa = [d.author + ". (" + d.year + "). " + d.title + "[Data set]. Retrieved ", ["access-date-en", "access date"],
        ", from " + link + (d.original ? " (original report: " + d.original + ")" : "")];
      var bib = ["@misc{" + d.key + ",\n  author = {" + bibtex(d.author) + "},\n  title = {" + bibtex(d.title) +
        "},\n  year = {" + d.year + "},\n  howpublished = {\\url{" + bibtexUrl(link) + "}},\n  note = {引用日期: ",
        ["access-date", "引用日期"],
        "}" + (d.original ? ",\n  addendum = {原始报告: \\url{" + bibtexUrl(d.original) + "}}" : "") + "\n}"];
      [["APA", apa], ["BibTeX", bib]].forEach(function (item) {
        block.insertBefore(element("h3", {}, item[0]), before);
        block.insertBefore(citeEntry(item[1]), before);
      });
      badge.appendChild(document.createTextNode(" 嵌入代码："));
      block.insertBefore(citeEntry(['<a href="' + link + '"><img src="' + link + 'badge.svg" alt="勾稽关系：' + d.badge +
        '"></a>']), badge.nextSibling);
    });
  }

  function citations() {
    var now = new Date();
    var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"];
    var english = months[now.getMonth()] + " " + now.getDate() + ", " + now.getFullYear();
    document.querySelectorAll(".access-date").forEach(function (el) { el.textContent = iso; });
    document.querySelectorAll(".access-date-en").forEach(function (el) { el.textContent = english; });
    document.querySelectorAll(".cite[data-permalink]").forEach(function (block) {
      var link = block.getAttribute("data-permalink");
      if (/^https?:/.test(link)) return;
      var absolute = location.origin + location.pathname.replace(/index\.html$/, "");
      block.querySelectorAll(".permalink-text").forEach(function (el) { el.textContent = absolute; });
      block.querySelectorAll("a.permalink").forEach(function (el) { el.href = absolute; el.textContent = absolute; });
    });
  }

  /* Download snippets carry the site's address; when the build did not know it, this page's own. */
  function siteBase() {
    document.querySelectorAll(".site-base:not([data-known])").forEach(function (el) { el.textContent = ROOT; });
  }

  /* Each citation's copy button: made here, as it works only with this script. */
  function copyButtons() {
    document.querySelectorAll(".cite-entry").forEach(function (entry) {
      var button = entry.querySelector("button.copy");
      if (!button) {
        button = document.createElement("button");
        button.type = "button"; button.className = "copy"; button.textContent = "复制";
        entry.appendChild(button);
      }
      button.addEventListener("click", function () {
        var text = button.parentNode.querySelector(".cite-text").innerText;
        var done = function () {
          button.textContent = "已复制";
          setTimeout(function () { button.textContent = "复制"; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done);
        } else {
          var area = document.createElement("textarea");
          area.value = text; document.body.appendChild(area); area.select();
          document.execCommand("copy"); document.body.removeChild(area); done();
        }
      });
    });
  }

  function sourceText() {
    /* The text is loaded from the link that the page offers without JavaScript. */
    document.querySelectorAll("details.source").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (!details.open || details.dataset.loaded) return;
        details.dataset.loaded = "1";
        fetch(details.querySelector("pre a").href).then(function (r) { return r.text(); }).then(function (text) {
          details.querySelector("pre").textContent = text;
        });
      });
    });
  }

  /* Wide tables scroll inside their box: say so, shade the side with more, and let the keyboard scroll it. */
  function scrollCues() {
    document.querySelectorAll(".scroll-box > .scroll-x").forEach(function (box) {
      var outer = box.parentNode;
      function update() {
        var over = box.scrollWidth > box.clientWidth + 1;
        outer.classList.toggle("overflowing", over);
        outer.classList.toggle("more-right", over && box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
        outer.classList.toggle("more-left", over && box.scrollLeft > 0);
        if (over) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", (box.getAttribute("data-label") || "表格") + "（可左右滚动）");
        } else {
          ["tabindex", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
        }
      }
      box.addEventListener("scroll", update, { passive: true });
      window.addEventListener("resize", update);
      update();
    });
  }

  /* Report an error in one cell: clicking a number (or Enter on a focused one) offers a prefilled issue.
     The page's form cells are those of report.json, in the same order (tests/test_site_pages.py holds
     it): the cell's id and printed text are read from there on the first click, not carried by every cell. */
  function cellIssues() {
    var link = document.querySelector(".report-meta a.report-error");  // present when a repository is set
    var path = /\/reports\/([^/]+\/[^/]+)\/(?:index\.html)?$/.exec(location.pathname);
    if (!link || !path) return;
    var base = link.href.split("?")[0], report = decodeURIComponent(path[1]);
    var cells = [].slice.call(document.querySelectorAll("article table.form td")), loaded = null;
    function shownText(td) {
      var copy = td.cloneNode(true);
      copy.querySelectorAll(".sr-only").forEach(function (e) { e.remove(); });
      return copy.textContent.trim();
    }
    function load() {
      loaded = loaded || fetch(link.getAttribute("data-json")).then(function (r) { return r.json(); });
      return loaded;
    }
    function offer(td) {
      return load().then(function (doc) {
        var id = Object.keys(doc.cells)[cells.indexOf(td)], data = doc.cells[id] || {};
        var shown = shownText(td), raw = data.raw || "";
        var heads = td.parentNode.querySelectorAll("th"), label = heads.length ? heads[heads.length - 1].textContent.trim() : "";
        var page = location.origin + location.pathname;
        var body = "报告：" + report + "\n页面：" + page + "\n单元格：" + id + (label ? "（" + label + "）" : "") +
          "\n页面显示的值：" + (shown || "（空）") + "\n报告原文：" + (raw || "（空）") +
          "\n\n哪里不对？正确的值应是多少？依据（原报告网址或截图）：\n";
        var href = base + "?" + new URLSearchParams({ title: "数据错误：" + report + " " + id, body: body }).toString();
        var box = td.closest(".scroll-box");
        var panel = box.nextElementSibling && box.nextElementSibling.classList.contains("cell-issue") ?
          box.nextElementSibling : null;
        if (!panel) {
          panel = element("p", { "class": "cell-issue", role: "status" });
          box.parentNode.insertBefore(panel, box.nextSibling);
        }
        panel.textContent = (label ? "“" + label + "”一行的这一格" : "这一格") + "：显示 " + (shown || "（空）") +
          "，原文 " + (raw || "（空）") + "。";
        panel.appendChild(element("a", { href: href, rel: "noopener", "class": "cell-issue-link" }, "报告这一格的错误"));
      });
    }
    cells.forEach(function (td) {
      td.classList.add("reportable");
      td.addEventListener("click", function (event) {
        if (event.target.closest("a")) return;  // a failing cell's link still leads to its check
        offer(td);
      });
      td.addEventListener("keydown", function (event) { if (event.key === "Enter") offer(td); });
    });
  }

  /* --- search and finder: the same terms and files as builder/search.py --- */
  var CRC = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(text) {
    var bytes = new TextEncoder().encode(text), crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = CRC[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function normalize(text) {
    return text.replace(/[\uff01-\uff5e]/g, function (ch) {
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    }).replace(/[\u3000\u00a0]/g, " ").toLowerCase();
  }

  function terms(text) {
    text = normalize(text);
    var out = {};
    (text.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) || []).forEach(function (run) {
      if (run.length === 1) out[run] = true;
      for (var i = 0; i + 1 < run.length; i++) out[run.slice(i, i + 2)] = true;
    });
    (text.match(/[a-z0-9]+(?:[.\-][a-z0-9]+)*/g) || []).forEach(function (w) { out[w] = true; });
    return Object.keys(out);
  }

  var cache = {};
  function getJSON(path) {
    if (!cache[path]) cache[path] = fetch(ROOT + path).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
    return cache[path];
  }

  function undoGaps(values) {
    var out = [], at = 0;
    for (var i = 0; i < values.length; i++) { at += values[i]; out.push(at); }
    return out;
  }

  function lastAtMost(sorted, value) {  // index of the last item <= value, or -1
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] <= value) lo = mid + 1; else hi = mid; }
    return lo - 1;
  }

  /* A posting list read page by page: a common term costs only the pages the results reach. */
  function Postings(entry) {
    this.count = entry[0];
    this.pages = {};
    if (entry.length === 3) { this.firsts = entry[1]; this.key = entry[2]; this.pageCount = entry[1].length; }
    else { this.pages[0] = Promise.resolve(undoGaps(entry[1])); this.firsts = [0]; this.pageCount = 1; }
  }
  Postings.prototype.page = function (n) {
    if (!this.pages[n]) this.pages[n] = getJSON("search/p/" + this.key + "." + n + ".json").then(undoGaps);
    return this.pages[n];
  };
  Postings.prototype.contains = async function (doc) {
    var n = this.key ? lastAtMost(this.firsts, doc) : 0;
    if (n < 0) return false;
    var docs = await this.page(n), i = lastAtMost(docs, doc);
    return i >= 0 && docs[i] === doc;
  };

  /* A query: its posting lists, rarest first, and how far its hits have been read. */
  async function openQuery(query, filters) {
    var meta = await getJSON("search/meta.json");
    var wanted = terms(query).concat(filters);
    var entries = await Promise.all(wanted.map(function (term) {
      return getJSON("search/t/" + (crc32(term) % meta.shards) + ".json").then(function (shard) {
        // Own entries only: a query for "constructor" is a word, not the object's prototype.
        return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : undefined;
      });
    }));
    var missing = entries.some(function (e) { return !e; });
    var lists = missing ? [] : entries.map(function (e) { return new Postings(e); });
    lists.sort(function (a, b) { return a.count - b.count; });
    return { meta: meta, lists: lists, page: 0, index: 0, found: 0, done: missing };
  }

  /* The next page of hits: documents in every list, in rank order (report pages first). */
  async function nextHits(state) {
    var hits = state.next === undefined ? [] : [state.next], want = state.meta.results;
    if (state.done) return [];
    var driver = state.lists[0], others = state.lists.slice(1);
    while (hits.length <= want && state.page < driver.pageCount) {  // one hit more: is there a next page?
      var docs = await driver.page(state.page);
      while (state.index < docs.length && hits.length <= want) {
        var doc = docs[state.index++], every = true;
        for (var k = 0; k < others.length && every; k++) every = await others[k].contains(doc);
        if (every) hits.push(doc);
      }
      if (state.index >= docs.length) { state.page++; state.index = 0; }
    }
    state.next = hits.length > want ? hits.pop() : undefined;
    state.done = state.next === undefined;
    state.found += hits.length;
    var chunk = state.meta.chunk;
    return Promise.all(hits.map(function (doc) {
      return getJSON("search/d/" + Math.floor(doc / chunk) + ".json").then(function (rows) {
        var row = rows[doc % chunk];
        return { doc: doc, url: row[0], title: row[1], kind: row[2], badge: row[3], text: row[4] };
      });
    }));
  }

  /* Where the query's words (or, failing that, its terms) occur in a text: [start, end) pairs. */
  function matches(text, words) {
    var lower = normalize(text), out = [];  // one character for one: positions hold
    if (lower.length !== text.length) lower = text;
    words.forEach(function (word) {
      for (var at = lower.indexOf(word); at >= 0 && word; at = lower.indexOf(word, at + word.length)) {
        out.push([at, at + word.length]);
      }
    });
    return out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  }

  /* Text nodes and <mark> elements (never HTML: the text is the reports' own). */
  function highlighted(parent, text, ranges, from, to) {
    var at = from;
    ranges.forEach(function (r) {
      var start = Math.max(r[0], at), end = Math.min(r[1], to);
      if (end <= start) return;
      if (start > at) parent.appendChild(document.createTextNode(text.slice(at, start)));
      parent.appendChild(element("mark", {}, text.slice(start, end)));
      at = end;
    });
    if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
    return parent;
  }

  var SNIPPET_BEFORE = 30, SNIPPET_LENGTH = 120;

  function snippet(text, query) {
    var words = normalize(query).split(/\s+/).filter(Boolean);
    var ranges = matches(text, words);
    if (!ranges.length) ranges = matches(text, terms(query));
    var start = ranges.length ? Math.max(0, ranges[0][0] - SNIPPET_BEFORE) : 0;
    while (start > 0 && start < ranges[0][0] && /[A-Za-z0-9]{2}/.test(text.slice(start - 1, start + 1))) {
      start++;  // not in the middle of a word
    }
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    var p = element("p", { "class": "snippet" });
    if (start > 0) p.appendChild(document.createTextNode("…"));
    highlighted(p, text, ranges, start, end);
    if (end < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  var BADGE_CLASS = { "一致": "ok", "不一致": "bad", "存疑": "doubt", "无表格": "none" };  // as builder/site.py

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function resultItem(r, query) {
    var words = normalize(query).split(/\s+/).filter(Boolean);
    var li = element("li", { "class": "search-result" });
    li.appendChild(element("span", { "class": "kind" }, r.kind));
    var a = element("a", { href: ROOT + r.url });
    li.appendChild(highlighted(a, r.title, matches(r.title, words), 0, r.title.length));
    if (r.badge) li.appendChild(element("span", { "class": "badge badge-" + (BADGE_CLASS[r.badge] || "none") }, r.badge));
    li.appendChild(snippet(r.text, query));
    return li;
  }

  /* The 查找 page: one form; a query searches, the filters narrow either the search or the list of reports. */
  function findPage() {
    var form = document.getElementById("search-form");
    if (!form || !form.province) return;
    var input = form.q, list = document.getElementById("search-results");
    var status = document.getElementById("search-status"), more = document.getElementById("search-more");
    var table = document.getElementById("finder-table"), body = document.getElementById("finder-rows");
    var finderStatus = document.getElementById("finder-status"), finderMore = document.getElementById("finder-more");
    var run = 0, current = null;

    getJSON("search/finder/index.json").then(function (index) {
      var codes = {};
      index.provinces.forEach(function (p) { codes[p[1]] = p[0]; form.province.appendChild(element("option", {}, p[1])); });
      index.years.forEach(function (y) { form.year.appendChild(element("option", {}, y)); });
      var params = new URLSearchParams(location.search);
      ["q", "province", "year", "badge"].forEach(function (key) { if (params.get(key)) form[key].value = params.get(key); });

      function filters() {
        var out = [];
        if (form.province.value) out.push("~p" + codes[form.province.value]);
        if (form.year.value) out.push("~y" + form.year.value);
        if (form.badge.value) out.push("~b" + form.badge.value);
        return out;
      }

      function show(searching) {
        list.hidden = status.hidden = !searching;
        table.hidden = finderStatus.hidden = searching;
        more.hidden = finderMore.hidden = true;
      }

      async function searchMore(mine, state, query) {
        var results = await nextHits(state);
        if (mine !== run) return;
        var words = normalize(query).split(/\s+/).filter(Boolean);
        results.sort(function (a, b) {  // within a page: titles with every word first, then rank
          var ta = words.every(function (w) { return a.title.toLowerCase().indexOf(w) >= 0; });
          var tb = words.every(function (w) { return b.title.toLowerCase().indexOf(w) >= 0; });
          return (a.kind !== "报告") - (b.kind !== "报告") || tb - ta || a.doc - b.doc;
        });
        results.forEach(function (r) { list.appendChild(resultItem(r, query)); });
        if (!state.found) status.textContent = "没有找到匹配的页面";
        else if (state.done) status.textContent = "找到 " + state.found + " 个页面";
        else status.textContent = "显示前 " + state.found + " 个匹配的页面，还有更多";
        more.hidden = state.done;
        current = function () { return searchMore(mine, state, query); };
      }

      async function finderMoreRows(mine, plan) {
        var shown = 0;
        while (shown < 200 && plan.files.length) {
          var name = plan.files.shift(), province = plan.names[name];
          var rows = await getJSON("search/finder/" + name + ".json");
          if (mine !== run) return;
          rows.forEach(function (r) {
            if (plan.badge && r[4] !== plan.badge) return;
            var tr = element("tr"), td = element("td");
            td.appendChild(element("a", { href: ROOT + "reports/" + r[0] + "/" }, r[1]));
            tr.appendChild(td);
            tr.appendChild(element("td", {}, [province, r[2], r[3]].filter(Boolean).join(" ")));
            tr.appendChild(element("td", {}, name.split("-")[1]));
            tr.appendChild(element("td", {}, r[4]));
            body.appendChild(tr);
            shown++;
          });
        }
        plan.shown += shown;
        finderStatus.textContent = plan.total + " 份报告" + (plan.total > plan.shown ? "，显示前 " + plan.shown + " 份" : "");
        finderMore.hidden = !plan.files.length;
        current = function () { return finderMoreRows(mine, plan); };
      }

      function apply() {
        var mine = ++run, query = input.value;
        list.textContent = ""; body.textContent = "";
        if (terms(query).length) {
          show(true);
          status.textContent = "正在搜索……";
          openQuery(query, filters()).then(function (state) { return searchMore(mine, state, query); })
            .catch(function (e) { status.textContent = "搜索失败：" + e.message; });
          return;
        }
        show(false);
        var plan = { files: [], names: {}, total: 0, shown: 0, badge: form.badge.value };
        var years = form.year.value ? [form.year.value] : index.years;
        years.forEach(function (y) {
          index.provinces.forEach(function (p) {
            var name = p[0] + "-" + y, counts = index.counts[name];
            if (!counts || (form.province.value && form.province.value !== p[1])) return;
            plan.files.push(name); plan.names[name] = p[1];
            Object.keys(counts).forEach(function (b) { if (!plan.badge || b === plan.badge) plan.total += counts[b]; });
          });
        });
        finderStatus.textContent = "正在载入……";
        finderMoreRows(mine, plan).catch(function (e) { finderStatus.textContent = "载入失败：" + e.message; });
      }

      function remember() {
        var params = new URLSearchParams();
        ["q", "province", "year", "badge"].forEach(function (key) { if (form[key].value) params.set(key, form[key].value); });
        history.replaceState(null, "", "?" + params.toString());
      }

      form.addEventListener("submit", function (event) { event.preventDefault(); remember(); apply(); });
      form.addEventListener("change", function (event) { if (event.target !== input) { remember(); apply(); } });
      [more, finderMore].forEach(function (button) {
        button.addEventListener("click", function () {
          if (!current || button.disabled) return;
          button.disabled = true;
          Promise.resolve(current()).catch(function (e) {
            (list.hidden ? finderStatus : status).textContent = "载入失败：" + e.message;
          }).finally(function () { button.disabled = false; });
        });
      });
      apply();
    }).catch(function (e) { finderStatus.textContent = "载入失败：" + e.message; });
  }

  /* An agency page's indicator charts, drawn from its indicator table (a row per indicator, a cell per
     year with the value in data-v): bars per year, hatched (the page's #hatch pattern) when the
     denominator is too small to rank, "—" without a value. Colours and type are in site.css. */
  var SVG = "http://www.w3.org/2000/svg";
  function svgElement(tag, attrs, text) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }
  function indicatorCharts() {
    document.querySelectorAll(".indicator-charts[data-table]").forEach(function (box) {
      var table = document.getElementById(box.getAttribute("data-table"));
      var years = [].map.call(table.querySelectorAll("thead th a"), function (a) { return a.textContent; });
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var name = tr.querySelector("th").textContent;
        var points = [].map.call(tr.querySelectorAll("td"), function (td, i) {
          var v = td.getAttribute("data-v");
          return { year: years[i], value: v === null ? null : parseFloat(v), small: td.hasAttribute("data-small"),
            text: td.firstChild ? td.firstChild.textContent : "" };
        });
        var bar = 30, gap = 16, height = 110, pad = 16, base = pad + height;
        var top = tr.hasAttribute("data-ratio") ? 1 : Math.max.apply(null, [1].concat(points.map(function (p) {
          return p.value === null ? 1 : p.value;
        })));
        var width = points.length * (bar + gap) + gap;
        var svg = svgElement("svg", { "class": "chart ind-chart", viewBox: "0 0 " + width + " " + (base + 20),
          width: width, height: base + 20, role: "img", "aria-label": name + "（各年度）" });
        svg.appendChild(svgElement("line", { x1: 0, y1: base, x2: width, y2: base }));
        points.forEach(function (p, i) {
          var x = gap + i * (bar + gap), middle = x + bar / 2;
          if (p.value !== null) {
            var h = top ? Math.max(0, p.value) / top * height : 0, y = base - h, attrs = { x: x, y: y.toFixed(1), width: bar, height: h.toFixed(1) };
            if (p.small) attrs["class"] = "h";
            svg.appendChild(svgElement("rect", attrs));
            svg.appendChild(svgElement("text", { x: middle, y: (y - 3).toFixed(1) }, p.text));
          } else {
            svg.appendChild(svgElement("text", { x: middle, y: base - 3 }, "—"));
          }
          svg.appendChild(svgElement("text", { "class": "y", x: middle, y: base + 15 }, p.year));
        });
        var figure = element("figure", { "class": "chart-figure", id: "chart-" + tr.id.replace(/^row-/, "") });
        figure.appendChild(svg);
        figure.appendChild(element("figcaption", {}, name));
        box.appendChild(figure);
      });
    });
  }

  /* An agency page's stacked bars of outcomes per year and a dot for requests received, drawn from the
     table beside them (a row per year: received, the outcome groups with their colours in the heading, total). */
  function outcomeChart() {
    var figure = document.querySelector("figure[data-table]#outcome-chart");
    if (!figure) return;
    var table = document.getElementById(figure.getAttribute("data-table"));
    var colours = [].map.call(table.querySelectorAll("thead .swatch"), function (s) { return s.style.backgroundColor; });
    function number(td) { var v = parseFloat(td.textContent); return isNaN(v) ? null : v; }
    var rows = [].map.call(table.querySelectorAll("tbody tr"), function (tr) {
      var cells = tr.querySelectorAll("td");
      return { year: tr.querySelector("th").textContent, received: number(cells[0]),
        outcomes: [].slice.call(cells, 1, 1 + colours.length).map(number) };
    });
    var top = Math.max.apply(null, [1].concat(rows.map(function (r) {
      return Math.max(r.outcomes.reduce(function (sum, v) { return sum + (v || 0); }, 0), r.received || 0);
    })));
    var bar = 34, gap = 22, height = 140, width = rows.length * (bar + gap) + gap;
    var svg = svgElement("svg", { "class": "chart", viewBox: "0 0 " + width + " " + (height + 24), width: width,
      height: height + 24, role: "img", "aria-labelledby": "chart-title" });
    svg.appendChild(svgElement("title", { id: "chart-title" }, "各年度收到的申请与办理结果"));
    rows.forEach(function (r, i) {
      var x = gap + i * (bar + gap), y = height;
      r.outcomes.forEach(function (v, k) {
        if (!v) return;
        var h = v / top * (height - 10);
        y -= h;
        svg.appendChild(svgElement("rect", { x: x, y: y.toFixed(1), width: bar, height: h.toFixed(1), fill: colours[k] }));
      });
      if (r.received !== null) {
        svg.appendChild(svgElement("circle", { cx: x + bar / 2, cy: (height - r.received / top * (height - 10)).toFixed(1),
          r: 4, fill: "#1565c0" }));
      }
      svg.appendChild(svgElement("text", { x: x + bar / 2, y: height + 16 }, r.year));
    });
    figure.insertBefore(svg, figure.firstChild);
  }

  /* Data pages write the site's navigation once, in the drawer: the tabs are a copy of it. */
  function tabs() {
    var list = document.querySelector(".md-tabs__list");
    if (!list || list.children.length) return;
    document.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item > a").forEach(function (a) {
      var li = element("li", { "class": "md-tabs__item" });
      li.appendChild(element("a", { href: a.getAttribute("href"), "class": "md-tabs__link" }, a.textContent));
      list.appendChild(li);
    });
  }

  function ready() { tabs(); indicatorCharts(); outcomeChart(); citationEntries(); citations(); siteBase(); copyButtons(); scrollCues(); cellIssues(); sourceText(); findPage(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
