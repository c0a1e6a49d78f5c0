/* Companion's static site (companion export-site, docs/exports.md): there is no server
   to check answers, so this checks them in the browser from the data in the page, the
   way the server does (companion/views/tries.py, grading.py, common/answertext.py), and
   answers lesson.js with the JSON the server would send. The feedback HTML for each
   outcome was rendered by the server's own template when the site was written.
   Anyone who reads the page source can see the answers. */
(function () {
  "use strict";

  var node = document.getElementById("static-key");
  if (!node) return;
  var data = JSON.parse(node.textContent);

  function set(list) {
    var out = Object.create(null);
    list.forEach(function (word) { out[word] = true; });
    return out;
  }
  var LEADING = set(data.words.leading);
  var FILLER = set(data.words.filler);
  var HEDGE = set(data.words.hedge);
  var TENS = set(data.words.tens);
  var NUMBERS = data.words.numbers;
  var STATE = /^(correct|incorrect|sample|no_key)\.([01])\.([0-9a-f]{12})?$/;
  var GROUP = { correct: "right", incorrect: "wrong", sample: "written", no_key: "written" };
  var KEYS = Object.keys(data.questions).sort(function (a, b) {
    return data.questions[a].number - data.questions[b].number;
  });

  /* ------------------------------------------------------------ answers as words */

  function answerWords(text) {
    text = text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
    text = text.replace(/ß/g, "ss").replace(/ς/g, "σ");  // as Python's casefold
    text = text.replace(/(\p{Nd})[,.](?=\p{Nd}{3}(?![\p{L}\p{N}_]))/gu, "$1");  // 1,000
    text = text.replace(/’/g, "'").replace(/'s /g, " ").replace(/'/g, "");
    var words = text.split(/[^\p{L}\p{N}_%]+/u).filter(Boolean).map(function (word) {
      return Object.prototype.hasOwnProperty.call(NUMBERS, word) ? NUMBERS[word] : word;
    });
    var out = [];
    words.forEach(function (word) {  // "forty-two" -> "40" "2" -> "42"
      var last = out[out.length - 1];
      if (out.length && TENS[last] && /^[1-9]$/.test(word)) {
        out[out.length - 1] = String(parseInt(last, 10) + parseInt(word, 10));
      } else out.push(word);
    });
    return out;
  }

  /* ------------------------------------------------------------ typed answers */

  function hasDigit(text) { return /\p{Nd}/u.test(text); }

  function typoAllowance(key) {
    if (hasDigit(key)) return 0;
    var letters = (key.match(/\p{L}/gu) || []).length;
    return letters < 5 ? 0 : letters <= 8 ? 1 : 2;
  }

  // Optimal string alignment distance, or limit + 1 once it is known to be more.
  function editDistance(a, b, limit) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = [];
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
      }
      if (Math.min.apply(null, current) > limit) return limit + 1;
      before = row;
      row = current;
    }
    return row[b.length];
  }

  function closeEnough(given, key) {
    if (given === key) return true;
    var allowed = typoAllowance(key);
    if (!allowed || hasDigit(given)) return false;
    return editDistance(given, key, allowed) <= allowed;
  }

  function holdsKey(mine, key, context) {
    var size = key.length;
    var keyText = key.join(" ");
    for (var start = 0; start <= mine.length - size; start++) {
      if (!closeEnough(mine.slice(start, start + size).join(" "), keyText)) continue;
      var extra = mine.slice(0, start).concat(mine.slice(start + size));
      if (extra.every(function (w) { return !HEDGE[w] && (FILLER[w] || context[w]); })) return true;
    }
    return false;
  }

  function textMatches(given, q) {
    var mine = answerWords(given);
    if (!mine.length || !q.keys.length) return false;
    var context = set(q.context);
    return q.keys.some(function (key) { return holdsKey(mine, key, context); });
  }

  /* ------------------------------------------------------------ reading and grading */

  function parseNumber(raw) {
    var text = (raw || "").trim();
    return /^[0-9]{1,4}$/.test(text) ? parseInt(text, 10) : null;
  }

  function readOrder(key, q, get) {
    var positions = q.items.map(function (item, i) { return get("s-" + key + "-" + i); });
    if (positions.every(function (p) { return p === null || !p.trim(); })) return { value: null };
    var numbers = positions.map(function (p) { return parseNumber(p) || 0; });
    var sorted = numbers.slice().sort(function (a, b) { return a - b; });
    if (!sorted.every(function (n, i) { return n === i + 1; })) {
      return { error: "Give each item a different position, from 1 to " + q.items.length + "." };
    }
    var order = q.items.map(function (item, i) { return i; });
    return { value: order.sort(function (a, b) { return numbers[a] - numbers[b]; }) };
  }

  function readAnswer(key, q, get) {
    if (q.grading === "order") return readOrder(key, q, get);
    var raw = get("a-" + key);
    if (raw === null || !raw.trim()) return { value: null };
    if (q.grading === "pick") {
      var index = parseNumber(raw);
      if (index === null || index >= q.count) return { error: "That choice is not one of the options." };
      return { value: index };
    }
    if (Array.from(raw).length > q.max) {
      return { error: "Your answer is too long (at most " + q.max + " characters)." };
    }
    return { value: raw.trim() };
  }

  function isRight(q, answer) {
    if (q.grading === "order") {
      return answer.every(function (item, place) { return q.items[item] === q.order[place]; });
    }
    if (q.grading === "pick") return answer === q.right;
    return textMatches(answer, q);
  }

  function grade(q, read) {
    if (read.error) return "invalid";
    if (read.value === null) return "unanswered";
    if (!q.scored) return "sample";
    if (!q.has_key) return "no_key";
    return isRight(q, read.value) ? "correct" : "incorrect";
  }

  /* ------------------------------------------------------------ tries */

  function decode(raw) {
    var m = STATE.exec(raw || "");
    return m ? { first: m[1], shown: m[2] === "1", seen: m[3] || "" } : { first: "", shown: false, seen: "" };
  }

  function encode(state) {
    return state.first ? state.first + "." + (state.shown ? 1 : 0) + "." + state.seen : "";
  }

  // 12 hex digits that change when the answer does (two FNV-1a hashes).
  function fingerprint(value) {
    var text = JSON.stringify(value);
    var a = 0x811c9dc5;
    var b = 0x01000193;
    for (var i = 0; i < text.length; i++) {
      a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
      b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995) >>> 0;
    }
    return ("00000000" + a.toString(16)).slice(-8) + ("0000" + (b >>> 16).toString(16)).slice(-4);
  }

  function invalidHtml(message) {
    var box = document.createElement("div");
    var verdict = document.createElement("p");
    box.className = "fb fb-invalid";
    verdict.className = "fb-verdict";
    verdict.textContent = message;
    box.appendChild(verdict);
    return box.outerHTML;
  }

  function outcome(q, status, state, mode, message) {
    var html = "";
    if (mode === "hint") html = q.html.hint;
    else if (mode === "message" && status === "invalid") html = invalidHtml(message);
    else if (mode && status === "correct") html = state.first === "incorrect" ? q.html.again : q.html.correct;
    else if (mode) html = q.html[status];
    var json = { status: status, mode: mode, state: encode(state), first: state.first, html: html || "" };
    return { state: state, json: json };
  }

  // companion.views.tries.assess: a try counts only for a new answer; the answer shows
  // after a right first try, a second try, or "Show answer".
  function assess(key, q, get, state, tried, reveal) {
    var read = readAnswer(key, q, get);
    var status = grade(q, read);
    reveal = reveal && q.scored;
    if (status === "unanswered" || status === "invalid") {
      if (reveal) return outcome(q, "shown", { first: state.first || "incorrect", shown: true, seen: state.seen }, "answer");
      return outcome(q, status, state, tried ? "message" : "", read.error);
    }
    var seen = fingerprint(read.value);
    if (reveal) return outcome(q, status, { first: state.first || "incorrect", shown: true, seen: seen }, "answer");
    if (tried && (!state.first || seen !== state.seen)) {
      var first = state.first || status;
      var shown = Boolean(state.first) || first !== "incorrect";
      return outcome(q, status, { first: first, shown: shown, seen: seen }, shown ? "answer" : "hint");
    }
    if (state.first && seen === state.seen) return outcome(q, status, state, state.shown ? "answer" : "hint");
    return outcome(q, status, state, "");
  }

  /* ------------------------------------------------------------ the summary */

  function el(tag, attrs, children) {
    var element = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { element.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function tally(states) {
    var t = { right: [], wrong: [], written: [], todo: [], kinds: [] };
    var kinds = {};
    data.kinds.forEach(function (k) { kinds[k.name] = { label: k.label, scored: k.scored, total: 0, right: 0, wrong: 0, todo: 0 }; });
    KEYS.forEach(function (key) {
      var group = GROUP[states[key].first] || "todo";
      var kind = kinds[data.questions[key].kind];
      t[group].push(key);
      kind.total += 1;
      if (group !== "written") kind[group] += 1;
    });
    t.kinds = data.kinds.map(function (k) { return kinds[k.name]; }).filter(function (k) { return k.total; });
    return t;
  }

  // The summary macro of templates/lesson_parts.html, built the same way.
  function summaryHtml(states) {
    var t = tally(states);
    var total = KEYS.length;
    var box = el("div");
    var score = ["Your first tries at the " + plural(total, "question") + ": ",
      el("strong", {}, [t.right.length + " right"]), ", ", el("strong", {}, [t.wrong.length + " wrong"])];
    if (t.written.length) score.push(", " + t.written.length + " written");
    score.push(", " + t.todo.length + " not yet answered.");
    box.appendChild(el("p", { "class": "score" }, score));
    [["right", "Right"], ["wrong", "Wrong: look at these again"], ["written", "Written answers"],
      ["todo", "Not yet answered"]].forEach(function (pair) {
      var keys = t[pair[0]];
      if (!keys.length) return;
      var links = keys.map(function (key) {
        return el("li", {}, [el("a", { href: "#" + key }, ["Question " + data.questions[key].number])]);
      });
      box.appendChild(el("div", { "class": "result-group result-" + pair[0] }, [
        el("h3", {}, [pair[1] + " (" + keys.length + ")"]), el("ul", { "class": "q-links" }, links)]));
    });
    box.appendChild(kindTable(t.kinds));
    if (total && !t.todo.length) {
      box.appendChild(el("p", { "class": "all-done" }, ["Well done: you have answered every question."]));
    }
    return box.innerHTML;
  }

  function kindTable(kinds) {
    function notScored() { return el("td", {}, [el("span", { "aria-label": "not scored" }, ["–"])]); }
    var head = el("tr", {}, [el("th", { scope: "col" }, ["Kind"]), el("th", { scope: "col" }, ["Right"]),
      el("th", { scope: "col" }, ["Wrong"]),
      el("th", { scope: "col" }, ["Not yet", el("span", { "class": "visually-hidden" }, [" answered"])])]);
    var rows = kinds.map(function (k) {
      var cells = k.scored ? [el("td", {}, [String(k.right)]), el("td", {}, [String(k.wrong)])] : [notScored(), notScored()];
      return el("tr", {}, [el("th", { scope: "row" }, [k.label])].concat(cells, [el("td", {}, [String(k.todo)])]));
    });
    return el("table", { "class": "by-kind" }, [el("caption", {}, ["First tries by kind of question"]),
      el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  /* ------------------------------------------------------------ the "server" */

  // What lesson.js would get from POST /lessons/<slug>/check, for the same body.
  window.companionStaticCheck = function (body) {
    var get = function (name) { return body.get(name); };
    var states = {};
    KEYS.forEach(function (key) { states[key] = decode(get("t-" + key)); });
    var tried = body.getAll("attempt");
    var revealed = body.getAll("reveal");
    var wanted = body.getAll("checked").concat(tried, revealed);
    var results = {};
    KEYS.forEach(function (key) {
      if (wanted.indexOf(key) < 0) return;
      var out = assess(key, data.questions[key], get, states[key], tried.indexOf(key) >= 0, revealed.indexOf(key) >= 0);
      results[key] = out.json;
      states[key] = out.state;
    });
    var payload = { results: results, summary_html: summaryHtml(states) };
    return Promise.resolve({ ok: true, json: function () { return Promise.resolve(payload); } });
  };
  window.companionAnswerWords = answerWords;  // for the tests: the same words as the server's
  window.companionTextMatches = textMatches;
})();
