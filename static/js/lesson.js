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
  // A class member's page (docs/classes.md): their progress is their own on a shared
  // computer, and the server's, which sends back what they answered elsewhere.
  var member = lesson.getAttribute("data-member");
  if (member) STORE_KEY += ":" + member;
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

  // The elements a Tab press stops at, in page order (one radio button per group).
  function isTabStop(el) {
    if (el.tabIndex < 0 || el.disabled || !el.getClientRects().length) return false;
    if (el.type !== "radio") return true;
    var group = $$("input[type=radio]", el.form || document).filter(function (r) { return r.name === el.name; });
    var checked = group.filter(function (r) { return r.checked; })[0];
    return el === (checked || group[0]);
  }
  function tabStopAfter(el, outside) {
    return $$(CONTROLS).filter(function (other) {
      return !outside.contains(other) && !el.contains(other) && isTabStop(other) &&
        (el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING);
    })[0] || null;
  }

  function setupGlossary() {
    var pop = document.getElementById("gloss-pop");
    var termEl = document.getElementById("gloss-pop-term");
    var defEl = document.getElementById("gloss-pop-def");
    var current = null;

    // The server marks terms as links to the glossary list; here they become buttons.
    // They stay inline elements (a <button> is always an inline block), so that a term
    // of several words wraps like the words around it.
    $$("a.term").forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", "gloss-pop");
    });

    function place(term) {
      var rects = term.getClientRects();
      var rect = rects[rects.length - 1] || term.getBoundingClientRect();
      var viewport = document.documentElement.clientWidth;
      var width = Math.min(352, viewport - 16);
      pop.style.width = width + "px";
      var left = Math.max(8, Math.min(rect.left, viewport - width - 8));
      pop.style.left = (left + window.scrollX) + "px";
      pop.style.top = (rect.bottom + window.scrollY + 8) + "px";
      var height = pop.offsetHeight;
      var top = (rects[0] || rect).top;
      if (rect.bottom + height + 8 > window.innerHeight && top > height + 8) {
        pop.style.top = (top + window.scrollY - height - 8) + "px";
      }
    }
    function open(term) {
      var entry = document.getElementById(term.getAttribute("data-entry"));
      if (!entry) return;
      if (current) close(false);
      termEl.textContent = $("dt", entry).textContent;
      defEl.textContent = "";
      Array.prototype.forEach.call($(".def", entry).childNodes, function (node) {
        defEl.appendChild(node.cloneNode(true));
      });
      current = term;
      term.setAttribute("aria-expanded", "true");
      pop.hidden = false;
      place(term);
      pop.focus({ preventScroll: true });
    }
    function close(returnFocus) {
      if (!current) return;
      var term = current;
      current = null;
      pop.hidden = true;
      term.setAttribute("aria-expanded", "false");
      if (returnFocus) term.focus();
    }
    function toggle(term) {
      if (term === current) close(true);
      else open(term);
    }
    document.addEventListener("click", function (event) {
      var term = event.target.closest ? event.target.closest("a.term") : null;
      if (term) {
        event.preventDefault();
        toggle(term);
        return;
      }
      if (current && !pop.contains(event.target)) {
        close(!event.target.closest(CONTROLS + ", label"));
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) { event.preventDefault(); close(true); return; }
      var term = event.key === " " && event.target.closest && event.target.closest("a.term");
      if (term) { event.preventDefault(); toggle(term); }
    });
    $(".pop-close", pop).addEventListener("click", function () { close(true); });
    // The popover reads as if it sat right after its term: Tab from its last control
    // goes on to what follows the term, Shift+Tab from its start goes back to the term;
    // either way it closes.
    pop.addEventListener("keydown", function (event) {
      if (event.key !== "Tab" || !current) return;
      var stops = $$(CONTROLS, pop).filter(isTabStop);
      var here = document.activeElement;
      var term = current;
      if (event.shiftKey ? here === pop || here === stops[0] : here === stops[stops.length - 1] || !stops.length) {
        event.preventDefault();
        var next = event.shiftKey ? term : tabStopAfter(term, pop) || term;
        close(false);
        next.focus();
      }
    });
    // Focus moving elsewhere (a click on another control) closes it too.
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
        onChange(question);
      });
      syncSequence(list);
    });
  }

  /* ------------------------------------------------------------ answers and progress */

  // Saved progress: the answers as typed, the questions whose feedback shows ("checked")
  // and each question's try state ("tries": written by the server, sent back with every
  // request; the first try's result and whether the answer was shown). Tries and "Show
  // answer" presses go with every request ("pending") until one comes back.
  var checkUrl = lesson.getAttribute("data-check-url");
  var progress = load(STORE_KEY) || {};
  if (typeof progress.answers !== "object" || !progress.answers) progress.answers = {};
  if (!Array.isArray(progress.checked)) progress.checked = [];
  var pending = { attempt: [], reveal: [] };
  if (typeof progress.tries !== "object" || !progress.tries) {
    progress.tries = {};
    pending.attempt = progress.checked.slice();  // saved by an older page: a first try each
  }

  function add(list, key) { if (list.indexOf(key) < 0) list.push(key); }
  function remove(list, key) { var i = list.indexOf(key); if (i >= 0) list.splice(i, 1); }

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
    Object.keys(progress.tries).forEach(function (key) {
      var state = progress.tries[key];
      if (typeof state === "string" && state.length < 64) body.append("t-" + key, state);
    });
    var keys = progress.checked.concat(pending.attempt, pending.reveal);
    keys.forEach(function (key, index) {
      var question = questionOf(key);
      if (!question || keys.indexOf(key) !== index) return;
      body.append("checked", key);
      answerFields(question).forEach(function (el) {
        if (el.type !== "radio" || el.checked) body.append(el.name, el.value);
      });
    });
    pending.attempt.forEach(function (key) { body.append("attempt", key); });
    pending.reveal.forEach(function (key) { body.append("reveal", key); });
    return body;
  }

  function clearFeedback(question) {
    var box = $(".feedback", question);
    box.innerHTML = "";
    box.removeAttribute("data-html");
    question.className = "question";
  }

  function showFeedback(question, result, quiet) {
    var box = $(".feedback", question);
    if (quiet) box.setAttribute("aria-live", "off");
    if (box.getAttribute("data-html") !== result.html) {
      box.innerHTML = result.html;  // rendered and escaped by the server's template
      box.setAttribute("data-html", result.html);
    }
    if (quiet) window.setTimeout(function () { box.setAttribute("aria-live", "polite"); }, 0);
    question.className = "question is-" + result.status;
  }

  function applyResults(data, quiet) {
    Object.keys(data.results).forEach(function (key) {
      var question = questionOf(key);
      var result = data.results[key];
      if (!question) return;
      if (result.state) progress.tries[key] = result.state;
      if (progress.checked.indexOf(key) < 0) return;  // changed while it was being checked
      if (result.mode === "message" || !result.mode) remove(progress.checked, key);
      if (result.mode) showFeedback(question, result, quiet);
      else clearFeedback(question);
    });
    document.getElementById("summary-body").innerHTML = data.summary_html;
    save();
  }

  // A class member's answers recorded on another device come back with the page's first
  // request ("fields"): they go into questions this browser has no checked answer for.
  function adoptStored(data) {
    var adopted = false;
    Object.keys(data.results || {}).forEach(function (key) {
      var fields = data.results[key].fields;
      if (!fields || !questionOf(key) || progress.checked.indexOf(key) >= 0) return;
      Object.keys(fields).forEach(function (name) { progress.answers[name] = String(fields[name]); });
      add(progress.checked, key);
      adopted = true;
    });
    if (adopted) restoreAnswers();
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

  // The static site (companion export-site) has no server: static-check.js answers
  // from the data in its page, with the same JSON (docs/exports.md).
  function post(body) {
    if (window.companionStaticCheck) return window.companionStaticCheck(body);
    return window.fetch(checkUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    });
  }

  // Every request carries all checked answers and pending tries, so only the newest
  // answer matters: an older one arriving late must not overwrite it.
  function send() {
    var mine = ++lastRequest;
    var sent = { attempt: pending.attempt.slice(), reveal: pending.reveal.slice() };
    return post(requestBody()).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok || !data.results) {
          throw new Error(data.error || "Your answer could not be checked. Try again.");
        }
        if (mine !== lastRequest) throw new Error("stale");
        Object.keys(sent).forEach(function (how) {
          sent[how].forEach(function (key) { remove(pending[how], key); });
        });
        return data;
      });
    });
  }

  // how: "attempt" (its Check button) or "reveal" (its Show answer button).
  function check(key, how) {
    var question = questionOf(key);
    if (!question) return;
    add(pending[how], key);
    add(progress.checked, key);
    save();
    send().then(function (data) {
      applyResults(data, false);
      keepInView($(".feedback", question));
      // "Show answer" was replaced by the answer: keep the keyboard in the question
      if (!document.activeElement || document.activeElement === document.body) {
        $(".check", question).focus({ preventScroll: true });
      }
    }, function (error) { if (error.message !== "stale") showError(key, error.message); });
  }

  // A changed answer has no feedback until it is checked again (its try state stays).
  function forget(question) {
    var key = question.getAttribute("data-key");
    remove(progress.checked, key);
    remove(pending.attempt, key);
    remove(pending.reveal, key);
    if ($(".feedback", question).firstChild) clearFeedback(question);
  }

  // Typing fires "input"; a text field's "change" comes later, when it loses focus.
  function answerChanged(event) {
    var target = event.target;
    var typed = target.tagName === "TEXTAREA" || target.type === "text";
    var question = target.closest && target.closest(".question");
    if (question && /^[as]-/.test(target.name || "") && !(typed && event.type === "change")) {
      forget(question);
    }
    save();
  }

  function keepInView(el) {
    if (!isVisible(el)) el.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
  }

  function clearEvidence() {
    $$(".s.hl").forEach(function (span) { span.classList.remove("hl"); });
    $$(".para.look").forEach(function (para) { para.classList.remove("look"); });
    $$(".back-to-question").forEach(function (link) { link.parentNode.removeChild(link); });
  }

  // Only on request ("Show it in the text", "Look again at paragraph N"): mark the place
  // in the text, put a "Back to question N" link after it, and move there.
  function showInText(key, place, first) {
    var question = questionOf(key);
    var back = document.createElement("a");
    back.className = "back-to-question";
    back.href = "#" + key;
    back.textContent = "Back to " + $(".q-number", question).firstChild.textContent.toLowerCase();
    place.appendChild(back);
    place.setAttribute("tabindex", "-1");
    place.focus({ preventScroll: true });
    scrollTo(first || place);
  }

  // The evidence's sentence ids come with the answer (on the feedback's "Show it in the
  // text" link), never earlier: the page itself does not say where an answer is.
  function showEvidence(key, link) {
    var ids = (link.getAttribute("data-evidence") || "").split(" ").filter(Boolean);
    var spans = [];
    ids.forEach(function (id) { spans = spans.concat($$('.s[data-s="' + id + '"]')); });
    clearEvidence();
    if (!spans.length) return;
    spans.forEach(function (span) { span.classList.add("hl"); });
    showInText(key, spans[spans.length - 1].closest(".para"), spans[0]);
  }

  function showParagraph(key, id) {
    var target = document.getElementById(id);
    if (!target) return;
    clearEvidence();
    if (target.classList.contains("para")) target.classList.add("look");
    showInText(key, target.classList.contains("para") ? target : $(".passage-text", target) || target);
  }

  function resetAll() {
    progress = { answers: {}, checked: [], tries: {} };
    pending = { attempt: [], reveal: [] };
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
    $$(".question").forEach(clearFeedback);
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
    setupSequences(function (question) { forget(question); save(); });
    restoreAnswers();
    form.addEventListener("input", answerChanged);
    form.addEventListener("change", answerChanged);
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch || !window.URLSearchParams) return;  // let the server check
      event.preventDefault();
      var key = button.value;
      if (!key) {
        var question = document.activeElement && document.activeElement.closest(".question");
        key = question ? question.getAttribute("data-key") : "";
      }
      if (key) check(key, button.name === "reveal" ? "reveal" : "attempt");
    });
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key === "Enter" && target.matches("input.answer")) {
        event.preventDefault();
        check(target.closest(".question").getAttribute("data-key"), "attempt");
      }
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest(".evidence-link, .look-link");
      if (!link) return;
      event.preventDefault();
      var key = link.getAttribute("data-key");
      if (link.classList.contains("look-link")) showParagraph(key, link.getAttribute("href").slice(1));
      else showEvidence(key, link);
    });
    var reset = document.getElementById("reset");
    reset.addEventListener("click", function (event) {
      event.preventDefault();
      if (window.confirm("Clear all your answers for this lesson?")) resetAll();
    });
    $(".saved-note").hidden = false;
    if (member || progress.checked.length || Object.keys(progress.tries).length) {
      send().then(function (data) {
        adoptStored(data);
        applyResults(data, true);
      }, function () { /* offline */ });
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
