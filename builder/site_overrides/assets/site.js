/* Citations, copy buttons, source text, and the search and finder of the 查找 page.
   Everything is loaded from this site; no request leaves it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var ROOT = script ? script.src.replace(/assets\/site\.js(\?.*)?$/, "") : "/";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

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

  function copyButtons() {
    document.querySelectorAll(".cite-entry button.copy").forEach(function (button) {
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
    document.querySelectorAll("details.source[data-src]").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (!details.open || details.dataset.loaded) return;
        details.dataset.loaded = "1";
        fetch(details.getAttribute("data-src")).then(function (r) { return r.text(); }).then(function (text) {
          details.querySelector("pre").textContent = text;
        });
      });
    });
  }

  /* --- search: the same terms as builder/search.py --- */
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
    }).replace(/\u3000/g, " ").toLowerCase();
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

  function search(query) {
    var wanted = terms(query);
    if (!wanted.length) return Promise.resolve([]);
    return getJSON("search/meta.json").then(function (meta) {
      return Promise.all(wanted.map(function (term) {
        return getJSON("search/terms/" + (crc32(term) % meta.shards) + ".json").then(function (shard) {
          var gaps = shard[term] || [], docs = [], at = 0;
          gaps.forEach(function (g) { at += g; docs.push(at); });
          return docs;
        });
      })).then(function (lists) {
        lists.sort(function (a, b) { return a.length - b.length; });
        var hits = lists[0].filter(function (d) {
          return lists.every(function (list) { return list.indexOf(d) >= 0; });
        });
        var shown = hits.slice(0, 50);
        var chunks = {};
        shown.forEach(function (d) { chunks[Math.floor(d / meta.chunk)] = true; });
        return Promise.all(Object.keys(chunks).map(function (c) {
          return getJSON("search/docs/" + c + ".json").then(function (rows) { return [c, rows]; });
        })).then(function (loaded) {
          var rows = {};
          loaded.forEach(function (pair) { rows[pair[0]] = pair[1]; });
          var q = normalize(query).replace(/\s+/g, "");
          var results = shown.map(function (d) {
            var row = rows[Math.floor(d / meta.chunk)][d % meta.chunk];
            return { url: row[0], title: row[1], kind: row[2], text: row[3], badge: row[4],
              exact: normalize(row[1]).replace(/\s+/g, "").indexOf(q) >= 0 };
          });
          results.sort(function (a, b) { return (b.exact - a.exact); });
          results.total = hits.length;
          return results;
        });
      });
    });
  }

  var BADGE_CLASS = { "一致": "ok", "不一致": "bad", "存疑": "doubt", "无表格": "none" };  // as builder/site.py

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function searchPage() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("search-q"), list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    function run(query) {
      list.textContent = "";
      if (!query.trim()) { status.textContent = ""; return; }
      status.textContent = "正在搜索……";
      search(query).then(function (results) {
        status.textContent = results.total ? "找到 " + results.total + " 个页面" +
          (results.total > results.length ? "，显示前 " + results.length + " 个" : "") : "没有找到匹配的页面";
        results.forEach(function (r) {
          var li = element("li", { "class": "search-result" });
          var a = element("a", { href: ROOT + r.url }, r.title);
          li.appendChild(element("span", { "class": "kind" }, r.kind));
          li.appendChild(a);
          if (r.badge) li.appendChild(element("span", { "class": "badge badge-" + (BADGE_CLASS[r.badge] || "none") }, r.badge));
          li.appendChild(element("p", {}, r.text));
          list.appendChild(li);
        });
      }).catch(function (e) { status.textContent = "搜索失败：" + e.message; });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      run(input.value);
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; run(q); }
  }

  function finderPage() {
    var form = document.getElementById("finder");
    if (!form) return;
    var body = document.getElementById("finder-rows"), status = document.getElementById("finder-status");
    getJSON("search/finder.json").then(function (data) {
      var names = data.names, rows = data.rows;
      var provinces = {}, years = {};
      rows.forEach(function (r) { if (names[r[2]]) provinces[names[r[2]]] = 1; years[r[5]] = 1; });
      Object.keys(provinces).sort().forEach(function (p) { form.province.appendChild(element("option", {}, p)); });
      Object.keys(years).sort().reverse().forEach(function (y) { form.year.appendChild(element("option", {}, y)); });
      function apply() {
        var name = form.name.value.trim(), province = form.province.value, year = form.year.value;
        var badge = form.badge.value;
        var hits = rows.filter(function (r) {
          return (!name || (names[r[1]] + names[r[2]] + names[r[3]] + names[r[4]]).indexOf(name) >= 0) &&
            (!province || names[r[2]] === province) && (!year || String(r[5]) === year) && (!badge || r[6] === badge);
        });
        body.textContent = "";
        hits.slice(0, 200).forEach(function (r) {
          var tr = element("tr");
          var td = element("td"); td.appendChild(element("a", { href: ROOT + "reports/" + r[0] + "/" }, names[r[1]]));
          tr.appendChild(td);
          tr.appendChild(element("td", {}, [names[r[2]], names[r[3]], names[r[4]]].filter(Boolean).join(" ")));
          tr.appendChild(element("td", {}, String(r[5])));
          tr.appendChild(element("td", {}, r[6]));
          body.appendChild(tr);
        });
        status.textContent = hits.length + " 份报告" + (hits.length > 200 ? "，显示前 200 份" : "");
      }
      var params = new URLSearchParams(location.search);
      ["name", "province", "year", "badge"].forEach(function (key) {
        if (params.get(key)) form[key].value = params.get(key);
      });
      form.addEventListener("input", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
      apply();
    }).catch(function (e) { status.textContent = "载入失败：" + e.message; });
  }

  function ready() { citations(); siteBase(); copyButtons(); sourceText(); searchPage(); finderPage(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
