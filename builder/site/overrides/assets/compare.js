/* Compare pages: one year and province of agencies with their indicators, loaded from
   compare/data/<year>/<province>.json; filter, sort (rankings leave out small denominators
   and empty values) and download the rows shown as CSV. Nothing leaves this site. */
(function () {
  "use strict";
  var table = document.getElementById("compare-table");
  if (!table) return;
  var ROOT = table.getAttribute("data-root");
  var form = document.getElementById("compare-filters");
  var status = document.getElementById("compare-status");
  var body = table.querySelector("tbody");
  var LEVEL_GROUP = { "省": "政府", "市": "政府", "县": "政府", "乡镇": "乡镇", "部门": "部门" };
  var state = { key: null, descending: true };
  var defs, data, names, shownRows = [];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(value, unit, change) {
    if (value === null || value === undefined) return "—";
    if (unit === "比例") {
      var pct = (value * 100).toFixed(1);
      return change ? (value > 0 ? "+" : "") + pct + " 个百分点" : pct + "%";
    }
    return (change && value > 0 ? "+" : "") + String(value);
  }

  function smallBit() {
    return defs.flags.filter(function (f) { return f[0] === "small_denominator"; })[0][1];
  }

  function flagNames(mask) {
    return defs.flags.filter(function (f) { return mask & f[1]; }).map(function (f) { return f[2]; });
  }

  function yoyMode() { return form.mode.value === "yoy"; }

  /* A row's value for an indicator in the mode shown, and whether it may be ranked. */
  function entry(row, index) {
    var v = row[7][index], yoy = yoyMode();
    var value = yoy ? v[4] : v[0], mask = yoy ? v[5] : v[3];
    return { value: value, mask: mask, rankable: value !== null && !(mask & smallBit()), cell: v };
  }

  function level(row) { return LEVEL_GROUP[names[row[4]]] || ""; }

  function matches(row) {
    var region = form.region.value, name = form.name.value.trim();
    return (!form.level.value || level(row) === form.level.value) &&
      (!region || names[row[2]] === region || names[row[3]] === region) &&
      (!form.template.value || names[row[5]] === form.template.value) &&
      (!form.badge.value || names[row[6]] === form.badge.value) &&
      (!name || names[row[1]].indexOf(name) >= 0);
  }

  function compareRows(a, b) {
    if (state.key === null || state.key === "name") {
      var order = names[a[1]].localeCompare(names[b[1]], "zh-CN") || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
      return state.key === "name" && state.descending ? -order : order;
    }
    var x = entry(a, state.key), y = entry(b, state.key);
    if (x.rankable !== y.rankable) return x.rankable ? -1 : 1;  // unrankable rows always last
    if (x.value === null || y.value === null) return (x.value === null) - (y.value === null) || (a[0] < b[0] ? -1 : 1);
    var d = state.descending ? y.value - x.value : x.value - y.value;
    return d || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  }

  function render() {
    shownRows = data.rows.filter(matches).sort(compareRows);
    body.textContent = "";
    var rank = 0, ranked = 0, previous = null;
    shownRows.forEach(function (row, position) {
      var tr = el("tr");
      var rankText = "";
      if (typeof state.key === "number") {
        var e = entry(row, state.key);
        if (e.rankable) {
          ranked += 1;
          if (e.value !== previous) rank = ranked;
          previous = e.value;
          rankText = String(rank);
        }
      }
      tr.appendChild(el("td", { "class": "num rank" }, rankText));
      var th = el("th", { scope: "row" });
      var agencyId = row[0].split("/")[0];
      th.appendChild(el("a", { href: ROOT + "agencies/" + agencyId + "/" }, names[row[1]]));
      tr.appendChild(th);
      tr.appendChild(el("td", {}, [names[row[2]], names[row[3]]].filter(Boolean).join(" ")));
      tr.appendChild(el("td", {}, level(row)));
      var badge = el("td");
      badge.appendChild(el("a", { href: ROOT + "reports/" + row[0] + "/", "class": "badge badge-" +
        ({ "一致": "ok", "不一致": "bad", "存疑": "doubt", "无表格": "none" }[names[row[6]]] || "none") }, names[row[6]]));
      tr.appendChild(badge);
      defs.indicators.forEach(function (indicator, index) {
        var e = entry(row, index), td = el("td", { "class": "num" });
        var a = el("a", { href: ROOT + "reports/" + row[0] + "/#ind-" + indicator.id },
          format(e.value, indicator.unit, yoyMode()));
        var v = e.cell;
        var tip = indicator.unit === "比例" && v[1] !== null ? v[1] + "/" + v[2] : "";
        if (e.value !== null && !e.rankable) {
          td.className += " small";
          a.appendChild(el("span", { "class": "sr-only" }, "（分母过小，不参与排名）"));
          tip += (tip ? "，" : "") + "分母过小，不参与排名";
        }
        if (tip) a.setAttribute("title", tip);
        td.appendChild(a);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    var unranked = typeof state.key === "number" ? shownRows.length - ranked : 0;
    status.textContent = shownRows.length + " 个机关（共 " + data.rows.length + " 个）" +
      (unranked ? "；" + unranked + " 个因分母过小或无数值未参与排名，列在最后" : "");
    table.querySelectorAll("thead th[data-key]").forEach(function (th) {
      var key = th.getAttribute("data-key");
      var active = String(state.key) === key;
      th.setAttribute("aria-sort", active ? (state.descending ? "descending" : "ascending") : "none");
    });
  }

  /* A CSV field that a spreadsheet will never run as a formula. */
  function csvField(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return String(value);
    var text = String(value);
    if (/^[=+\-@\t\r']/.test(text)) text = "'" + text;  // FORMULA_TRIGGERS, as in the data package
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv() {
    var header = ["报告编号", "机关", "地级", "县级", "层级", "表格", "一致性", "报告页面"];
    defs.indicators.forEach(function (i) {  // ids stay in indicators.csv; this table is for reading
      header.push(i.name, i.name + " 分子", i.name + " 分母", i.name + " 标记", i.name + " 同比变化");
    });
    var lines = [header.map(csvField).join(",")];
    var base = new URL(ROOT, location.href).href;
    shownRows.forEach(function (row) {
      var out = [row[0], names[row[1]], names[row[2]], names[row[3]], names[row[4]], names[row[5]], names[row[6]],
        base + "reports/" + row[0] + "/"];
      row[7].forEach(function (v) { out.push(v[0], v[1], v[2], flagNames(v[3]).join("；"), v[4]); });
      lines.push(out.map(csvField).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function download() {
    var blob = new Blob([csv()], { type: "text/csv;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "compare-" + data.year + "-" +
      table.getAttribute("data-province") + ".csv" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function fillRegions() {
    var seen = {};
    data.rows.forEach(function (row) {
      [row[2], row[3]].forEach(function (n) {
        if (names[n] && !seen[names[n]]) { seen[names[n]] = 1; form.region.appendChild(el("option", {}, names[n])); }
      });
    });
  }

  function load(path) {
    return fetch(path).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
  }

  Promise.all([load(ROOT + "compare/data/indicators.json"), load(table.getAttribute("data-src"))]).then(function (loaded) {
    defs = loaded[0]; data = loaded[1]; names = data.names;
    fillRegions();
    var params = new URLSearchParams(location.search);
    ["level", "region", "template", "badge", "mode", "name"].forEach(function (k) {
      if (params.get(k)) form[k].value = params.get(k);
    });
    var sort = params.get("sort");
    defs.indicators.forEach(function (i, index) { if (i.id === sort) state.key = index; });
    if (params.get("order") === "asc") state.descending = false;
    table.querySelectorAll("thead th[data-key] button").forEach(function (button) {
      button.addEventListener("click", function () {
        var raw = button.parentNode.getAttribute("data-key");
        var key = raw === "name" ? "name" : Number(raw);
        state.descending = state.key === key ? !state.descending : key !== "name";
        state.key = key;
        render();
      });
    });
    form.addEventListener("input", render);
    form.addEventListener("submit", function (e) { e.preventDefault(); render(); });
    document.getElementById("compare-csv").addEventListener("click", download);
    document.getElementById("compare-csv").disabled = false;
    render();
  }).catch(function (e) { status.textContent = "载入失败：" + e.message; });
})();
