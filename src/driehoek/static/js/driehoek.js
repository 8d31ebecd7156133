// Small enhancements; every page works without them.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

// The main menu folds behind a "Menu" button on a phone. Without this script the menu stays open.
(() => {
  const nav = document.getElementById("hoofdmenu");
  const toggle = nav && nav.querySelector(".site-nav__toggle");
  if (!toggle) return;
  document.documentElement.classList.add("js-menu");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      toggle.setAttribute("aria-expanded", "false");
      nav.classList.remove("is-open");
      toggle.focus();
    }
  });
})();

// A table wider than its box says so above it, and its box takes keyboard focus to scroll.
(() => {
  const text = document.body.dataset.scrollHint;
  for (const box of document.querySelectorAll(".table-scroll")) {
    let hint = box.previousElementSibling;
    if (!(hint && hint.classList.contains("table-scroll__hint")) && text) {
      hint = document.createElement("p");
      hint.className = "table-scroll__hint";
      hint.textContent = text;
      box.before(hint);
    }
    const update = () => {
      const wide = box.scrollWidth > box.clientWidth + 1;
      if (wide) box.setAttribute("tabindex", "0"); else box.removeAttribute("tabindex");
      const caption = box.querySelector("caption");
      if (wide && caption && !box.hasAttribute("aria-label")) {
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption.textContent.trim());
      }
      if (hint) hint.hidden = !wide;
    };
    update();
    window.addEventListener("resize", update);
  }
})();

// After a failed submit, start at the error summary: it lists every error with a link to its field.
// Also where the form was saved in place (htmx puts the answer in the page: "htmx:load" is the new part).
(() => {
  const summary = document.querySelector(".error-summary[tabindex]");
  if (summary) summary.focus();
  document.addEventListener("htmx:load", (event) => {
    const fresh = event.detail.elt.querySelector?.(".error-summary[tabindex]");
    if (fresh) fresh.focus();
  });
})();
// A form that takes a while (reading in a document) says so while the server works.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-busy]");
  if (!form || form.querySelector(".busy")) return;
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "busy";
  status.textContent = form.dataset.busy;
  form.append(status);
  form.querySelectorAll("button[type=submit]").forEach((button) => button.setAttribute("aria-disabled", "true"));
});

// Value entry (issue 20): the page opens only the first unfilled indicator, so that on a phone the
// voorzet is not screens away. On a wide screen every unfilled indicator opens, to fill them all and
// save once. Without this script the first unfilled one is open and the others open on a click.
(() => {
  const wide = window.matchMedia("(min-width: 48em)");
  const openUnfilled = () => {
    if (!wide.matches) return;
    for (const details of document.querySelectorAll("details.waarde-invoer[data-leeg]")) details.open = true;
  };
  openUnfilled();
  document.addEventListener("htmx:afterSwap", openUnfilled);
})();
