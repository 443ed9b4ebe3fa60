// The self-serve setup form: topic, level, optional CV, name and consent → POST /api/interviews → the room.
import { createInterview } from "../api.js";
import { rememberAccess } from "../access.js";
import { setFieldError, showMessage, showView } from "../dom.js";

const maxCvBytes = 5 * 1024 * 1024;
const cvExtensions = [".pdf", ".docx"];

// Gateway error codes for a refused CV, in words a candidate can act on.
const cvMessages = {
  cv_too_large: "This file is larger than 5 MB. Please upload a smaller CV.",
  cv_unsupported_type: "This file is not a PDF or a Word (.docx) document.",
  cv_corrupted: "This file looks damaged and could not be read. Try saving it again as PDF or .docx.",
  cv_encrypted: "This file is password-protected. Please upload an unprotected copy.",
  cv_too_many_pages: "This document has too many pages for a CV. Please upload a shorter one.",
  cv_no_text: "We found no text in this file. If it is a scan, upload a version with selectable text.",
  cv_timeout: "This file took too long to read. Please upload a simpler PDF or a .docx.",
  cv_pdf_unavailable: "PDF CVs cannot be read on this server right now. Please upload a Word (.docx) file.",
};

export function mountSetup(main, navigate) {
  const view = showView(main, "view-setup");
  const form = view.querySelector("#setup-form");
  const name = form.querySelector("#candidate-name");
  const topic = form.querySelector("#skill-topic");
  const cv = form.querySelector("#cv-file");
  const consent = form.querySelector("#setup-consent");
  const errors = {
    candidateName: [name, form.querySelector("#candidate-name-error")],
    skillTopic: [topic, form.querySelector("#skill-topic-error")],
    jobTitle: [topic, form.querySelector("#skill-topic-error")],
    cv: [cv, form.querySelector("#cv-error")],
    consent: [consent, form.querySelector("#setup-consent-error")],
  };
  const formError = form.querySelector("#setup-error");
  const start = form.querySelector("#start-button");

  cv.addEventListener("change", () => setFieldError(cv, errors.cv[1], checkCvFile(cv.files[0])));

  form.addEventListener("submit", async event => {
    event.preventDefault();
    for (const [input, element] of Object.values(errors)) {
      setFieldError(input, element, "");
    }
    showMessage(formError, "");

    const problems = {};
    if (!name.value.trim()) problems.candidateName = "Please enter your name.";
    if (!topic.value.trim()) problems.skillTopic = "Please enter a skill or topic for the interview.";
    const cvProblem = checkCvFile(cv.files[0]);
    if (cvProblem) problems.cv = cvProblem;
    if (!consent.checked) problems.consent = "Please agree to the recording to start the interview.";
    if (showProblems(errors, problems)) {
      return;
    }

    const data = new FormData();
    data.set("candidateName", name.value.trim());
    data.set("skillTopic", topic.value.trim());
    data.set("level", form.elements.level.value);
    if (cv.files[0]) {
      data.set("cv", cv.files[0]);
    }

    start.disabled = true;
    start.textContent = cv.files[0] ? "Reading your CV…" : "Preparing your interview…";
    try {
      const created = await createInterview(data);
      rememberAccess(created.id, {
        token: created.candidateToken,
        tokenExpiresAt: created.tokenExpiresAt,
        websocketUrl: created.websocketUrl,
        consent: true,
        title: topic.value.trim(),
      });
      navigate(`/interview/${encodeURIComponent(created.id)}`);
    } catch (error) {
      start.disabled = false;
      start.textContent = "Start interview";
      if (!showServerProblems(errors, error)) {
        showMessage(formError, error.message);
      }
    }
  });
}

/** The reason a chosen CV cannot be sent, or "" when it looks fine (the server checks its content again). */
function checkCvFile(file) {
  if (!file) return "";
  const lower = file.name.toLowerCase();
  if (!cvExtensions.some(ext => lower.endsWith(ext))) {
    return `"${file.name}" is not a PDF or a Word (.docx) file.`;
  }
  if (file.size > maxCvBytes) {
    return `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`;
  }
  if (file.size === 0) {
    return `"${file.name}" is empty.`;
  }
  return "";
}

/** Shows each field's problem and focuses the first; true when there was any. */
function showProblems(errors, problems) {
  let first = null;
  for (const [field, message] of Object.entries(problems)) {
    const [input, element] = errors[field];
    setFieldError(input, element, message);
    first ??= input;
  }
  first?.focus();
  return first !== null;
}

/** Maps the gateway's Problem Details onto the form: CV codes to the file field, validation errors to their fields. */
function showServerProblems(errors, error) {
  if (error.code?.startsWith("cv_")) {
    return showProblems(errors, { cv: cvMessages[error.code] ?? error.message });
  }
  const problems = {};
  for (const [field, messages] of Object.entries(error.errors ?? {})) {
    if (errors[field]) {
      problems[field] = messages.join(" ");
    }
  }
  return showProblems(errors, problems);
}
