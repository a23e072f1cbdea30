// The pages' script (the API docs have their own): "Get a summary" fetches the stored summary and shows it in place.
// Without JavaScript the same button submits a form and the page comes back with the summary.
// Text goes in with textContent, never innerHTML: article text is data from strangers.
"use strict";

function showSummary(form, box, data) {
  const list = box.querySelector("ol");
  const empty = box.querySelector(".empty");
  list.replaceChildren();
  for (const sentence of data.sentences) {
    const item = document.createElement("li");
    item.textContent = sentence;
    list.append(item);
  }
  if (data.language) box.lang = data.language;
  if (empty) empty.hidden = data.sentences.length > 0;
  form.hidden = true;
  box.hidden = false;
  box.focus();
}

async function getSummary(event) {
  const form = event.currentTarget;
  const box = document.getElementById(form.dataset.target);
  if (!box) return;
  event.preventDefault();
  const button = form.querySelector("button");
  button.disabled = true;
  button.textContent = form.dataset.loading || button.textContent; // in the page's language
  try {
    const response = await fetch(form.dataset.summaryUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    showSummary(form, box, await response.json());
  } catch (error) {
    form.submit(); // fall back to the server-rendered summary
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-summary-url]")) {
    form.addEventListener("submit", getSummary);
  }
});
