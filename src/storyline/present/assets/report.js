/* storyline report: the reader panel, the zoomable time axes and the filters.
   Article content is only ever inserted with textContent: the data is untrusted text from the web. */
(function () {
  "use strict";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var LANE_PX = 28;
  var MAX_LANES = 10;

  var dataNode = document.getElementById("storyline-data");
  var data = dataNode ? JSON.parse(dataNode.textContent) : { documents: {} };
  var docs = data.documents || {};

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function toInt(value) {
    if (value === undefined || value === null || value === "") return null;
    var n = Number(value);
    return Number.isInteger(n) ? n : null;
  }

  /* ---------- reader ---------- */

  var reader = document.getElementById("reader");
  var readerTitle = reader.querySelector("#reader-title");
  var readerMeta = reader.querySelector(".reader-meta");
  var readerNote = reader.querySelector(".reader-note");
  var readerBody = reader.querySelector(".reader-body");
  var lastTrigger = null;

  /* [start, end) of the passage in text: the offsets when they hold, else the first place the words occur. */
  function passage(text, start, end, find) {
    if (start !== null && end !== null && start >= 0 && end > start && end <= text.length) return [start, end];
    if (find) {
      var at = text.indexOf(find);
      if (at >= 0) return [at, at + find.length];
    }
    return null;
  }

  /* One <p> per line of the clean text; the passage wrapped in <mark>, split at paragraph breaks. */
  function renderText(text, range) {
    var frag = document.createDocumentFragment();
    var re = /[^\n]+/g;
    var m;
    while ((m = re.exec(text)) !== null) {
      var a = m.index;
      var b = a + m[0].length;
      if (!m[0].trim()) continue;
      var p = el("p");
      if (range && range[0] < b && range[1] > a) {
        var s = Math.max(a, range[0]);
        var e = Math.min(b, range[1]);
        if (s > a) p.appendChild(document.createTextNode(text.slice(a, s)));
        p.appendChild(el("mark", null, text.slice(s, e)));
        if (e < b) p.appendChild(document.createTextNode(text.slice(e, b)));
      } else {
        p.textContent = m[0];
      }
      frag.appendChild(p);
    }
    return frag;
  }

  function readerMetaLine(doc) {
    readerMeta.textContent = "";
    var parts = [];
    if (doc.outlet) parts.push(el("span", "outlet", doc.outlet));
    if (doc.authors && doc.authors.length) parts.push(el("span", null, "by " + doc.authors.join(", ")));
    if (doc.published) {
      var when = el("span", null, "published " + doc.published);
      if (doc.published_inferred) when.appendChild(el("span", "badge inferred", "inferred"));
      parts.push(when);
    }
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      var link = el("a", null, "original page");
      link.href = doc.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      parts.push(link);
    } else if (doc.source_path) {
      parts.push(el("code", null, doc.source_path));
    }
    parts.forEach(function (part, i) {
      if (i) readerMeta.appendChild(document.createTextNode(" · "));
      readerMeta.appendChild(part);
    });
  }

  function openReader(docId, start, end, find, trigger) {
    var doc = docs[docId];
    if (!doc) return false;
    lastTrigger = trigger || null;
    readerTitle.textContent = doc.title || doc.source_path || docId;
    readerMetaLine(doc);
    var text = doc.text || "";
    var range = passage(text, start, end, find);
    readerNote.hidden = range !== null || (start === null && !find);
    readerNote.textContent = readerNote.hidden ? "" : "The cited passage could not be found in this text.";
    readerBody.textContent = "";
    readerBody.appendChild(renderText(text, range));
    reader.setAttribute("data-doc", docId);
    if (!reader.open) {
      if (typeof reader.showModal === "function") reader.showModal();
      else reader.setAttribute("open", "");
    }
    var mark = readerBody.querySelector("mark");
    if (mark) mark.scrollIntoView({ block: "center" });
    else readerBody.scrollTop = 0;
    return true;
  }

  function closeReader() {
    if (typeof reader.close === "function" && reader.open) reader.close();
    else reader.removeAttribute("open");
  }

  reader.querySelector(".reader-close").addEventListener("click", closeReader);
  reader.addEventListener("click", function (e) {
    if (e.target === reader) closeReader(); // a click on the backdrop
  });
  reader.addEventListener("close", function () {
    if (lastTrigger && document.contains(lastTrigger)) lastTrigger.focus();
  });

  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button.cite") : null;
    if (!button) return;
    e.preventDefault();
    openReader(button.getAttribute("data-doc"), toInt(button.getAttribute("data-start")),
      toInt(button.getAttribute("data-end")), button.getAttribute("data-find"), button);
  });

  /* ---------- time axis ---------- */

  function utc(iso) {
    if (!iso) return null;
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]);
  }

  function dayLabel(t) {
    var d = new Date(t);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
  }

  /* Tick times and labels for [t0, t1] at pxPerDay: the finest unit whose labels do not collide. */
  function ticks(t0, t1, pxPerDay) {
    var out = [];
    var d, t;
    if (pxPerDay >= 34) {
      for (t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += DAY) out.push([t, dayLabel(t)]);
      return out;
    }
    if (pxPerDay * 7 >= 52) {
      d = new Date(Math.ceil(t0 / DAY) * DAY);
      while (d.getUTCDay() !== 1) d = new Date(d.getTime() + DAY);
      for (t = d.getTime(); t <= t1; t += 7 * DAY) out.push([t, dayLabel(t)]);
      return out;
    }
    var monthPx = pxPerDay * 30.44;
    var step = monthPx >= 62 ? 1 : monthPx * 3 >= 62 ? 3 : monthPx * 6 >= 62 ? 6 : 0;
    if (step) {
      d = new Date(t0);
      var y = d.getUTCFullYear();
      var m = Math.ceil((d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0)) / step) * step;
      for (;; m += step) {
        t = Date.UTC(y, m, 1);
        if (t > t1) break;
        var md = new Date(t);
        out.push([t, MONTHS[md.getUTCMonth()] + " " + md.getUTCFullYear()]);
      }
      return out;
    }
    var years = [1, 2, 5, 10, 20, 50, 100, 200, 500];
    var k = years.filter(function (n) { return n * 365.25 * pxPerDay >= 48; })[0] || 1000;
    var first = Math.ceil(new Date(t0).getUTCFullYear() / k) * k;
    if (Date.UTC(first, 0, 1) < t0) first += k;
    for (var year = first; Date.UTC(year, 0, 1) <= t1; year += k) out.push([Date.UTC(year, 0, 1), String(year)]);
    return out;
  }

  function setupTimeline(root) {
    var controls = root.querySelector(".tl-controls");
    var viewport = root.querySelector(".tl-viewport");
    var canvas = root.querySelector(".tl-canvas");
    var tickBox = root.querySelector(".tl-ticks");
    var markBox = root.querySelector(".tl-marks");
    var range = root.querySelector(".zoom-range");
    var count = root.querySelector(".tl-count");
    var clear = root.querySelector(".clear-filters");
    var events = Array.prototype.map.call(root.querySelectorAll("li.event"), function (li) {
      return {
        li: li,
        start: utc(li.getAttribute("data-start")),
        end: utc(li.getAttribute("data-end")),
        actors: JSON.parse(li.getAttribute("data-actors") || "[]"),
        outlets: JSON.parse(li.getAttribute("data-outlets") || "[]"),
        mark: null
      };
    });
    if (!controls) return;
    controls.hidden = false;
    var dated = events.filter(function (ev) { return ev.start !== null && ev.end !== null; });
    var zoom = 1;
    var maxZoom = 1;
    var t0 = 0;
    var span = 1;

    if (dated.length) {
      viewport.hidden = false;
      var lo = Math.min.apply(null, dated.map(function (ev) { return ev.start; }));
      var hi = Math.max.apply(null, dated.map(function (ev) { return ev.end; }));
      var pad = Math.max((hi - lo) * 0.03, 10 * DAY);
      t0 = lo - pad;
      span = hi - lo + 2 * pad;
      maxZoom = Math.min(Math.max(span / (DAY * 21), 1), 2000); // at most zoom: three weeks fill the axis
      // lanes: greedy interval packing; a point event is given a sliver of width so that labels do not overlap
      var sliver = span / 9;
      var laneEnds = [];
      dated.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; }).forEach(function (ev) {
        var lane = -1;
        for (var i = 0; i < laneEnds.length; i++) if (laneEnds[i] <= ev.start) { lane = i; break; }
        if (lane < 0 && laneEnds.length < MAX_LANES) lane = laneEnds.push(0) - 1;
        if (lane < 0) lane = laneEnds.indexOf(Math.min.apply(null, laneEnds));
        laneEnds[lane] = Math.max(ev.end, ev.start + sliver);
        ev.lane = lane;
      });
      markBox.style.height = laneEnds.length * LANE_PX + "px";
      dated.forEach(function (ev) {
        var time = ev.li.querySelector("time");
        var summary = ev.li.querySelector(".ev-summary");
        var label = (time ? time.textContent : "") + ": " + (summary ? summary.textContent : "");
        var band = ev.end - ev.start > 1.5 * DAY;
        var mark = el("button", "tl-mark " + (band ? "band" : "point"));
        mark.type = "button";
        mark.setAttribute("aria-label", label);
        mark.title = label;
        mark.appendChild(el("span", "tl-label", summary ? summary.textContent : ""));
        var left = ((ev.start - t0) / span) * 100;
        if (band) {
          mark.style.left = left + "%";
          mark.style.width = ((ev.end - ev.start) / span) * 100 + "%";
        } else if (left > 80) { // near the right edge the label reads leftwards from its dot
          mark.className += " flip";
          mark.style.right = (100 - left) + "%";
          mark.style.width = (sliver / span) * 100 + "%";
        } else {
          mark.style.left = left + "%";
          mark.style.width = (sliver / span) * 100 + "%";
        }
        mark.style.top = ev.lane * LANE_PX + "px";
        mark.addEventListener("click", function () {
          ev.li.scrollIntoView({ block: "nearest", behavior: "smooth" });
          ev.li.focus({ preventScroll: true });
          ev.li.classList.remove("flash");
          void ev.li.offsetWidth; // restart the animation
          ev.li.classList.add("flash");
        });
        ev.mark = mark;
        markBox.appendChild(mark);
      });
    }

    function drawTicks() {
      var width = canvas.offsetWidth || 1;
      tickBox.textContent = "";
      ticks(t0, t0 + span, width / (span / DAY)).forEach(function (tick) {
        var node = el("div", "tl-tick");
        node.style.left = ((tick[0] - t0) / span) * 100 + "%";
        node.appendChild(el("span", null, tick[1]));
        tickBox.appendChild(node);
      });
    }

    function setZoom(z, anchorX) {
      z = Math.min(Math.max(z, 1), maxZoom);
      var before = canvas.offsetWidth || 1;
      var x = anchorX === undefined ? viewport.clientWidth / 2 : anchorX;
      var frac = (viewport.scrollLeft + x) / before;
      zoom = z;
      canvas.style.width = z * 100 + "%";
      viewport.scrollLeft = frac * canvas.offsetWidth - x;
      range.value = maxZoom > 1 ? Math.round((Math.log(z) / Math.log(maxZoom)) * 100) : 0;
      range.disabled = maxZoom <= 1;
      root.setAttribute("data-zoom", z.toFixed(2));
      drawTicks();
    }

    root.querySelector(".zoom-in").addEventListener("click", function () { setZoom(zoom * 1.6); });
    root.querySelector(".zoom-out").addEventListener("click", function () { setZoom(zoom / 1.6); });
    root.querySelector(".zoom-reset").addEventListener("click", function () { setZoom(1); });
    range.addEventListener("input", function () { setZoom(Math.pow(maxZoom, range.value / 100)); });
    viewport.addEventListener("wheel", function (e) {
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) return; // sideways: let it pan
      e.preventDefault();
      var box = viewport.getBoundingClientRect();
      setZoom(zoom * Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0025)), e.clientX - box.left);
    }, { passive: false });
    viewport.addEventListener("keydown", function (e) {
      if (e.key === "+" || e.key === "=") { setZoom(zoom * 1.6); e.preventDefault(); }
      if (e.key === "-" || e.key === "_") { setZoom(zoom / 1.6); e.preventDefault(); }
      if (e.key === "0") { setZoom(1); e.preventDefault(); }
    });
    window.addEventListener("resize", drawTicks);

    /* filters: any selected value within a group, every group with a selection */
    var selected = { actors: [], outlets: [] };
    function matches(values, wanted) {
      if (!wanted.length) return true;
      for (var i = 0; i < values.length; i++) if (wanted.indexOf(values[i]) >= 0) return true;
      return false;
    }
    function applyFilters() {
      var shown = 0;
      events.forEach(function (ev) {
        var ok = matches(ev.actors, selected.actors) && matches(ev.outlets, selected.outlets);
        ev.li.hidden = !ok;
        if (ev.mark) ev.mark.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown === events.length
        ? events.length + (events.length === 1 ? " event" : " events")
        : "Showing " + shown + " of " + events.length + " events";
      clear.hidden = !(selected.actors.length || selected.outlets.length);
    }
    Array.prototype.forEach.call(root.querySelectorAll(".chips"), function (group) {
      var key = group.getAttribute("data-group");
      group.addEventListener("click", function (e) {
        var chip = e.target.closest(".chip");
        if (!chip) return;
        var value = chip.getAttribute("data-value");
        var on = chip.getAttribute("aria-pressed") !== "true";
        chip.setAttribute("aria-pressed", on ? "true" : "false");
        selected[key] = on ? selected[key].concat([value]) : selected[key].filter(function (v) { return v !== value; });
        applyFilters();
      });
    });
    clear.addEventListener("click", function () {
      Array.prototype.forEach.call(root.querySelectorAll(".chip[aria-pressed=true]"), function (chip) {
        chip.setAttribute("aria-pressed", "false");
      });
      selected = { actors: [], outlets: [] };
      applyFilters();
    });
    applyFilters();
    if (dated.length) setZoom(1);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".timeline"), setupTimeline);

  /* ---------- links into the page: #cite=<event id>:<n>, #doc=<document id> ---------- */

  function citation(eventId, n) {
    var items = document.querySelectorAll("li.event");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-event-id") === eventId) {
        return items[i].querySelectorAll(".ev-sources .cite")[n] || null;
      }
    }
    return null;
  }

  function followHash() {
    var hash;
    try {
      hash = decodeURIComponent(location.hash.slice(1));
    } catch (err) {
      return; // a malformed %-escape in a pasted link: ignore it
    }
    if (hash.indexOf("cite=") === 0) {
      var spec = hash.slice(5);
      var colon = spec.lastIndexOf(":");
      var button = colon > 0 ? citation(spec.slice(0, colon), +spec.slice(colon + 1)) : citation(spec, 0);
      if (button) button.click(); // the very path a reader's click takes
    } else if (hash.indexOf("doc=") === 0) {
      openReader(hash.slice(4), null, null, null, null);
    }
  }
  window.addEventListener("hashchange", followHash);
  followHash();

  // ?test=click: click the first citation the way a person would (the browser test uses it)
  if (/[?&]test=click\b/.test(location.search)) {
    var first = document.querySelector(".ev-sources .cite");
    if (first) first.click();
  }
  document.documentElement.setAttribute("data-ready", "1");
})();
