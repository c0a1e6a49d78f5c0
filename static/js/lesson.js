/* Companion lesson page: reading settings, glossary popovers, checking answers, saved
   progress, read aloud. No framework. The page works without this file: the glossary
   marks are links and the "Check" buttons post the form to the server.
   Behaviour is documented in docs/lesson-page.md. */
(function () {
  "use strict";

  var lesson = document.querySelector(".lesson");
  var form = document.getElementById("answers");
  if (!lesson || !form) return;

  var PREFS_KEY = "companion:prefs";
  var STORE_KEY = "companion:lesson:" + lesson.getAttribute("data-slug");
  var CONTROLS = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or blocked */ }
  }
  function announce(text) {
    var region = document.getElementById("announce");
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 60);
  }
  function isVisible(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }
  function scrollTo(el) {
    if (!isVisible(el)) el.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  }

  /* ------------------------------------------------------------ reading settings */

  function setupSettings() {
    var toggle = document.getElementById("settings-toggle");
    var panel = document.getElementById("settings");
    var root = document.documentElement;
    var prefs = load(PREFS_KEY) || {};
    toggle.hidden = false;
    function show(open) {
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    }
    toggle.addEventListener("click", function () {
      show(toggle.getAttribute("aria-expanded") !== "true");
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { show(false); toggle.focus(); }
    });
    $$("[data-pref]", panel).forEach(function (input) {
      var name = input.getAttribute("data-pref");
      if (input.type === "checkbox") input.checked = prefs[name] === input.value;
      else if (prefs[name]) input.value = prefs[name];
      input.addEventListener("change", function () {
        var value = input.type === "checkbox" ? (input.checked ? input.value : "") : input.value;
        prefs[name] = value;
        store(PREFS_KEY, prefs);
        if (value) root.setAttribute("data-" + name, value);
        else root.removeAttribute("data-" + name);
        if (name === "theme" && window.companionFollowDevice) window.companionFollowDevice();
      });
    });
  }

  /* ------------------------------------------------------------ glossary popover */

  function setupGlossary() {
    var pop = document.getElementById("gloss-pop");
    var termEl = document.getElementById("gloss-pop-term");
    var defEl = document.getElementById("gloss-pop-def");
    var current = null;

    // The server marks terms as links to the glossary list; here they become buttons.
    $$("a.term").forEach(function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "term";
      button.id = link.id;
      button.setAttribute("data-entry", link.getAttribute("data-entry"));
      button.setAttribute("aria-haspopup", "dialog");
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", "gloss-pop");
      while (link.firstChild) button.appendChild(link.firstChild);
      link.parentNode.replaceChild(button, link);
    });

    function place(button) {
      var rect = button.getBoundingClientRect();
      var viewport = document.documentElement.clientWidth;
      var width = Math.min(352, viewport - 16);
      pop.style.width = width + "px";
      var left = Math.max(8, Math.min(rect.left, viewport - width - 8));
      pop.style.left = (left + window.scrollX) + "px";
      pop.style.top = (rect.bottom + window.scrollY + 8) + "px";
      var height = pop.offsetHeight;
      if (rect.bottom + height + 8 > window.innerHeight && rect.top > height + 8) {
        pop.style.top = (rect.top + window.scrollY - height - 8) + "px";
      }
    }
    function open(button) {
      var entry = document.getElementById(button.getAttribute("data-entry"));
      if (!entry) return;
      if (current) close(false);
      termEl.textContent = $("dt", entry).textContent;
      defEl.textContent = "";
      Array.prototype.forEach.call($(".def", entry).childNodes, function (node) {
        defEl.appendChild(node.cloneNode(true));
      });
      current = button;
      button.setAttribute("aria-expanded", "true");
      pop.hidden = false;
      place(button);
      pop.focus({ preventScroll: true });
    }
    function close(returnFocus) {
      if (!current) return;
      var button = current;
      current = null;
      pop.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (returnFocus) button.focus();
    }
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button.term") : null;
      if (button) {
        if (button === current) close(true);
        else open(button);
        return;
      }
      if (current && !pop.contains(event.target)) {
        close(!event.target.closest(CONTROLS + ", label"));
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) { event.preventDefault(); close(true); }
    });
    $(".pop-close", pop).addEventListener("click", function () { close(true); });
    // Tabbing out of the popover to another control closes it (a click elsewhere is
    // handled above, so that focus can return to the term).
    pop.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (current && next && !pop.contains(next) && next !== current && next.matches(CONTROLS)) {
        close(false);
      }
    });
    window.addEventListener("resize", function () { if (current) place(current); });
  }

  /* ------------------------------------------------------------ sequences */

  function syncSequence(list) {
    var items = $$(".seq-item", list);
    items.forEach(function (item, index) {
      $("select", item).value = String(index + 1);
      $(".seq-up", item).setAttribute("aria-disabled", String(index === 0));
      $(".seq-down", item).setAttribute("aria-disabled", String(index === items.length - 1));
    });
  }

  function orderSequenceBySelects(list) {
    $$(".seq-item", list)
      .map(function (item) { return { item: item, pos: parseInt($("select", item).value, 10) || 0 }; })
      .sort(function (a, b) { return a.pos - b.pos; })
      .forEach(function (entry) { list.appendChild(entry.item); });
    syncSequence(list);
  }

  function setupSequences(onChange) {
    $$(".seq").forEach(function (list) {
      var question = list.closest(".question");
      $(".hint-nojs", question).hidden = true;
      $(".hint-js", question).hidden = false;
      $$(".seq-item", list).forEach(function (item) {
        $(".seq-pos", item).hidden = true;
        $(".seq-move", item).hidden = false;
      });
      list.addEventListener("click", function (event) {
        var button = event.target.closest(".seq-up, .seq-down");
        if (!button) return;
        var item = button.closest(".seq-item");
        var up = button.classList.contains("seq-up");
        var other = up ? item.previousElementSibling : item.nextElementSibling;
        var text = $(".seq-text", item).textContent;
        var status = $(".seq-status", question);
        if (!other) {
          status.textContent = "“" + text + "” is already " + (up ? "first." : "last.");
          return;
        }
        list.insertBefore(up ? item : other, up ? other : item);
        syncSequence(list);
        button.focus();
        var items = $$(".seq-item", list);
        status.textContent = "“" + text + "” is now number " + (items.indexOf(item) + 1) +
          " of " + items.length + ".";
        onChange();
      });
      syncSequence(list);
    });
  }

  /* ------------------------------------------------------------ answers and progress */

  var checkUrl = lesson.getAttribute("data-check-url");
  var progress = load(STORE_KEY) || {};
  if (typeof progress.answers !== "object" || !progress.answers) progress.answers = {};
  if (!Array.isArray(progress.checked)) progress.checked = [];

  function answerFields(root) {
    return $$("input[name], select[name], textarea[name]", root).filter(function (el) {
      return /^[as]-/.test(el.name);
    });
  }

  function save() {
    var answers = {};
    answerFields(form).forEach(function (el) {
      if (el.type === "radio") { if (el.checked) answers[el.name] = el.value; }
      else if (el.value) answers[el.name] = el.value;
    });
    progress.answers = answers;
    progress.saved = Date.now();
    store(STORE_KEY, progress);
  }

  function restoreAnswers() {
    answerFields(form).forEach(function (el) {
      var value = progress.answers[el.name];
      if (typeof value !== "string" || value.length > 4000) return;
      if (el.type === "radio") el.checked = el.value === value;
      else el.value = value;
    });
    $$(".seq").forEach(orderSequenceBySelects);
  }

  function questionOf(key) {
    var el = document.getElementById(key);
    return el && el.classList.contains("question") ? el : null;
  }

  function requestBody() {
    var body = new URLSearchParams();
    body.append("csrf_token", form.elements.csrf_token.value);
    progress.checked.forEach(function (key) {
      var question = questionOf(key);
      if (!question) return;
      body.append("checked", key);
      answerFields(question).forEach(function (el) {
        if (el.type !== "radio" || el.checked) body.append(el.name, el.value);
      });
    });
    return body;
  }

  function applyResults(data, quiet) {
    Object.keys(data.results).forEach(function (key) {
      var question = questionOf(key);
      if (!question) return;
      var result = data.results[key];
      var box = $(".feedback", question);
      if (quiet) box.setAttribute("aria-live", "off");
      if (box.getAttribute("data-html") !== result.html) {
        box.innerHTML = result.html;  // rendered and escaped by the server's template
        box.setAttribute("data-html", result.html);
      }
      if (quiet) window.setTimeout(function () { box.setAttribute("aria-live", "polite"); }, 0);
      question.className = "question is-" + result.status;
    });
    var summary = document.getElementById("summary-body");
    summary.innerHTML = data.summary_html;
  }

  function showError(key, message) {
    var question = questionOf(key);
    if (!question) return;
    var box = $(".feedback", question);
    box.removeAttribute("data-html");
    box.innerHTML = "";
    var p = document.createElement("p");
    p.className = "fb-error";
    p.textContent = message;
    box.appendChild(p);
  }

  var lastRequest = 0;

  // Every request carries all checked answers, so only the newest answer matters: an
  // older one arriving late must not overwrite it.
  function send() {
    var mine = ++lastRequest;
    return window.fetch(checkUrl, {
      method: "POST",
      body: requestBody(),
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok || !data.results) {
          throw new Error(data.error || "Your answer could not be checked. Try again.");
        }
        if (mine !== lastRequest) throw new Error("stale");
        return data;
      });
    });
  }

  function check(key) {
    if (!questionOf(key)) return;
    if (progress.checked.indexOf(key) < 0) progress.checked.push(key);
    save();
    send().then(function (data) {
      applyResults(data, false);
      var result = data.results[key];
      if (result && result.status === "unanswered") {
        progress.checked.splice(progress.checked.indexOf(key), 1);  // nothing to restore
        save();
      } else {
        showEvidence(key);
      }
    }, function (error) { if (error.message !== "stale") showError(key, error.message); });
  }

  function clearEvidence() {
    $$(".s.hl").forEach(function (span) { span.classList.remove("hl"); });
    $$(".back-to-question").forEach(function (link) { link.parentNode.removeChild(link); });
  }

  function showEvidence(key) {
    var question = questionOf(key);
    var ids = (question.getAttribute("data-evidence") || "").split(" ").filter(Boolean);
    var spans = [];
    ids.forEach(function (id) { spans = spans.concat($$('.s[data-s="' + id + '"]')); });
    clearEvidence();
    if (!spans.length) return;
    spans.forEach(function (span) { span.classList.add("hl"); });
    var back = document.createElement("a");
    back.className = "back-to-question";
    back.href = "#" + key;
    back.textContent = "Back to " + $(".q-number", question).firstChild.textContent.toLowerCase();
    spans[spans.length - 1].closest(".para").appendChild(back);
    scrollTo(spans[0]);
  }

  function resetAll() {
    progress = { answers: {}, checked: [] };
    try { window.localStorage.removeItem(STORE_KEY); } catch (e) { /* blocked */ }
    answerFields(form).forEach(function (el) {
      if (el.type === "radio") el.checked = false;
      else if (el.tagName === "SELECT" && !el.closest(".seq")) el.selectedIndex = 0;
      else if (el.tagName !== "SELECT") el.value = "";
    });
    $$(".seq").forEach(function (list) {
      $$(".seq-item", list)
        .sort(function (a, b) { return a.getAttribute("data-index") - b.getAttribute("data-index"); })
        .forEach(function (item) { list.appendChild(item); });
      syncSequence(list);
    });
    $$(".question").forEach(function (question) {
      question.className = "question";
      var box = $(".feedback", question);
      box.innerHTML = "";
      box.removeAttribute("data-html");
    });
    clearEvidence();
    var summary = document.getElementById("summary-body");
    summary.innerHTML = "";
    var p = document.createElement("p");
    p.className = "summary-empty";
    p.textContent = "Your answers were cleared. Answer the questions and check them: your results show up here.";
    summary.appendChild(p);
    announce("Your answers were cleared.");
  }

  function setupQuestions() {
    setupSequences(save);
    restoreAnswers();
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch || !window.URLSearchParams) return;  // let the server check
      event.preventDefault();
      var key = button.value;
      if (!key) {
        var question = document.activeElement && document.activeElement.closest(".question");
        key = question ? question.getAttribute("data-key") : "";
      }
      if (key) check(key);
    });
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key === "Enter" && target.matches("input.answer")) {
        event.preventDefault();
        check(target.closest(".question").getAttribute("data-key"));
      }
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest(".evidence-link");
      if (!link) return;
      event.preventDefault();
      showEvidence(link.getAttribute("data-key"));
    });
    var reset = document.getElementById("reset");
    reset.addEventListener("click", function (event) {
      event.preventDefault();
      if (window.confirm("Clear all your answers for this lesson?")) resetAll();
    });
    $(".saved-note").hidden = false;
    if (progress.checked.length) {
      send().then(function (data) { applyResults(data, true); }, function () { /* offline */ });
    }
  }

  /* ------------------------------------------------------------ read aloud */

  function setupReadAloud() {
    if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") return;
    var synth = window.speechSynthesis;
    var playing = null;

    function label(button, on) {
      button.setAttribute("aria-pressed", String(on));
      $(".listen-label", button).textContent = on ? "Stop" : "Listen";
      $(".listen-icon", button).textContent = on ? "■" : "▶";
    }
    function clearSpeaking() {
      $$(".s.speaking").forEach(function (span) { span.classList.remove("speaking"); });
    }
    function sentences(passage) {
      var order = [];
      var byId = {};
      $$(".passage-text .s", passage).forEach(function (span) {
        var id = span.getAttribute("data-s");
        if (!byId[id]) { byId[id] = []; order.push(id); }
        byId[id].push(span);
      });
      return order.map(function (id) { return byId[id]; });
    }
    function stop() {
      if (playing) { playing.cancelled = true; label(playing.button, false); }
      playing = null;
      synth.cancel();
      clearSpeaking();
    }
    function start(button) {
      var list = sentences(document.getElementById(button.getAttribute("data-passage")));
      var run = { button: button, cancelled: false };
      var index = 0;
      playing = run;
      label(button, true);
      function next() {
        clearSpeaking();
        if (run.cancelled) return;
        if (index >= list.length) { stop(); return; }
        var spans = list[index++];
        spans.forEach(function (span) { span.classList.add("speaking"); });
        scrollTo(spans[0]);
        var utterance = new window.SpeechSynthesisUtterance(
          spans.map(function (span) { return span.textContent; }).join(""));
        utterance.lang = document.documentElement.lang || "en";
        utterance.rate = 0.95;
        utterance.onend = function () { if (!run.cancelled) next(); };
        utterance.onerror = function () { if (playing === run) stop(); };
        synth.speak(utterance);
      }
      next();
    }
    $$(".listen").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var mine = playing && playing.button === button;
        stop();
        if (!mine) start(button);
      });
    });
    window.addEventListener("pagehide", stop);
  }

  setupSettings();
  setupGlossary();
  setupQuestions();
  setupReadAloud();
})();
