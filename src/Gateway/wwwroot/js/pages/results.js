// The results page: the evaluation the gateway writes after the interview (polled while it is being written),
// the transcript download, and the way to another interview.
import { getInterview, getReport, transcriptDownloadUrl } from "../api.js";
import { formatClock, showMessage, showView } from "../dom.js";

const pollLimit = 60;

export function mountResults(main, interviewId) {
  const view = showView(main, "view-results");
  const status = view.querySelector("#report-status");
  const summary = view.querySelector("#results-summary");
  view.querySelector("#download-transcript").href = transcriptDownloadUrl(interviewId);
  let stopped = false;
  let timer = null;

  void describeInterview();
  void poll(0);

  async function describeInterview() {
    const ended = sessionStorage.getItem(`synchire.ended.${interviewId}`);
    try {
      const interview = await getInterview(interviewId);
      const parts = [ended ?? "", `Topic: ${interview.skillTopic ?? interview.jobTitle}.`];
      if (interview.startedAt && interview.endedAt) {
        parts.push(`Duration: ${formatClock((Date.parse(interview.endedAt) - Date.parse(interview.startedAt)) / 1000)}.`);
      }
      summary.textContent = parts.filter(Boolean).join(" ");
    } catch {
      summary.textContent = ended ?? "";
    }
  }

  async function poll(attempt) {
    if (stopped) return;
    let answer;
    try {
      answer = await getReport(interviewId);
    } catch (error) {
      if (error.code === "report_not_available") {
        showMessage(status, "There is no feedback for this interview: it ended before any answer was given.");
      } else if (error.code === "interview_not_finished") {
        showMessage(status, "This interview has not finished yet.");
      } else if (error.status === 404) {
        showMessage(status, "Thank you for taking the interview. The organiser will share the results with you.");
      } else if (attempt < pollLimit) {
        timer = setTimeout(() => poll(attempt + 1), 2000);
      } else {
        showMessage(status, error.message);
      }
      return;
    }

    if (answer.status === 202) {
      if (attempt >= pollLimit) {
        showMessage(status, "Your feedback is taking longer than usual. Reload this page in a minute to see it.");
        return;
      }
      timer = setTimeout(() => poll(attempt + 1), (answer.retryAfter ?? 2) * 1000);
      return;
    }

    render(answer.body);
  }

  function render(report) {
    showMessage(status, "Your feedback is ready.");
    view.querySelector("#overall-score").textContent = `${report.overallScore} / 100`;
    view.querySelector("#recommendation").textContent = report.recommendation;
    view.querySelector("#overall-impression").textContent = report.overallImpression;
    fillList(view.querySelector("#strengths"), report.strengths, "No particular strengths were noted.");
    fillList(view.querySelector("#improvements"), report.improvements, "Nothing to improve was noted.");
    fillList(view.querySelector("#concerns"), report.concerns, "Nothing held the score back.");
    const scores = view.querySelector("#scores");
    scores.replaceChildren();
    for (const [label, score] of [["Technical depth", report.technicalDepth], ["Communication", report.communication]]) {
      const term = document.createElement("dt");
      term.textContent = `${label}: ${score.score} / 10`;
      const detail = document.createElement("dd");
      detail.textContent = score.justification;
      scores.append(term, detail);
    }
    view.querySelector("#report").hidden = false;
  }

  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function fillList(list, items, emptyText) {
  list.replaceChildren();
  const values = items?.length ? items : [emptyText];
  for (const value of values) {
    const item = document.createElement("li");
    item.textContent = value;
    list.append(item);
  }
}
