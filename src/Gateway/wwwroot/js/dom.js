// Small DOM helpers shared by the pages.

/** Replaces the main area with a copy of a page template and moves focus to its heading. */
export function showView(main, templateId) {
  const template = document.getElementById(templateId);
  main.replaceChildren(template.content.cloneNode(true));
  const heading = main.querySelector("h1");
  heading?.focus();
  return main.firstElementChild;
}

/** Shows a message in an element (role=alert ones are announced), or hides it when the text is empty. */
export function showMessage(element, text) {
  element.textContent = text ?? "";
  element.hidden = !text;
}

/** Marks a form control as invalid (or valid again) and shows its message. */
export function setFieldError(input, errorElement, text) {
  showMessage(errorElement, text);
  if (text) {
    input.setAttribute("aria-invalid", "true");
  } else {
    input.removeAttribute("aria-invalid");
  }
}

/** mm:ss (or h:mm:ss) for a number of seconds. */
export function formatClock(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
