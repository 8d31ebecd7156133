// Small enhancements; every page works without them.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

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
