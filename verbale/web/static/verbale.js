// verbale reader: small enhancements only; every page reads fully without JavaScript.
(function () {
  "use strict";

  // Footnote tooltips: keep them on screen, and let Escape dismiss them (WCAG 1.4.13).
  function place(fn) {
    fn.classList.remove("fn-right", "fn-hide");
    var tip = fn.querySelector(".fn-tip");
    if (!tip) return;
    var rect = tip.getBoundingClientRect();
    if (rect.right > window.innerWidth - 8) fn.classList.add("fn-right");
  }
  document.querySelectorAll(".fn").forEach(function (fn) {
    fn.addEventListener("mouseenter", function () { place(fn); });
    fn.addEventListener("focusin", function () { place(fn); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".fn:hover, .fn:focus-within").forEach(function (fn) {
      fn.classList.add("fn-hide");
    });
  });

  // Claims: pointing at a row of the side table outlines the claim in the text, and back.
  function pair(id, on) {
    document.querySelectorAll('[data-claim="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.toggle("active", on);
    });
  }
  document.querySelectorAll("[data-claim]").forEach(function (el) {
    var id = el.getAttribute("data-claim");
    el.addEventListener("mouseenter", function () { pair(id, true); });
    el.addEventListener("mouseleave", function () { pair(id, false); });
    el.addEventListener("focusin", function () { pair(id, true); });
    el.addEventListener("focusout", function () { pair(id, false); });
  });
})();
