// The review screen: pointing at an item (or focusing inside it) marks its evidence
// sentences strongly in the passage's text, and following an evidence link does too.
// Without JavaScript every evidence sentence is lightly marked and the link jumps to it.
(function () {
  "use strict";
  var pointed = [];

  function clear() {
    pointed.forEach(function (piece) { piece.classList.remove("is-pointed"); });
    pointed = [];
  }

  function show(card) {
    clear();
    var passage = card.closest(".review-passage");
    var ids = (card.getAttribute("data-evidence") || "").split(" ").filter(Boolean);
    if (!passage || !ids.length) return;
    ids.forEach(function (id) {
      passage.querySelectorAll('.review-text .s[data-s="' + id + '"]').forEach(function (piece) {
        piece.classList.add("is-pointed");
        pointed.push(piece);
      });
    });
  }

  document.querySelectorAll(".review-item[data-evidence]").forEach(function (card) {
    card.addEventListener("mouseenter", function () { show(card); });
    card.addEventListener("focusin", function () { show(card); });
    card.addEventListener("mouseleave", clear);
  });
})();
