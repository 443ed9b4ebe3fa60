// Who has the floor (wwwroot/js/interview/speaker-status.js), as the speaker card shows it. Run by ModuleTests.cs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Nobody, describeSpeaker } from "../../../src/Gateway/wwwroot/js/interview/speaker-status.js";

const quiet = { interviewerAudible: false, interviewerTalking: false, candidateTalking: false, textMode: false, muted: false };

test("the interviewer's voice playing comes first, even while the candidate talks", () => {
  assert.deepEqual(describeSpeaker({ ...quiet, interviewerAudible: true, candidateTalking: true }),
    { who: "interviewer", text: "Interviewer is speaking" });
});

test("a response being generated before any audio is thinking", () => {
  assert.deepEqual(describeSpeaker({ ...quiet, interviewerTalking: true }), { who: "interviewer", text: "Interviewer is thinking…" });
});

test("the candidate talking", () => {
  assert.deepEqual(describeSpeaker({ ...quiet, candidateTalking: true }), { who: "candidate", text: "You are speaking" });
});

test("nobody talking: whose turn it is, and how to answer", () => {
  assert.deepEqual(describeSpeaker(quiet), { who: Nobody, text: "Your turn: answer out loud" });
  assert.deepEqual(describeSpeaker({ ...quiet, muted: true }), { who: Nobody, text: "Your microphone is muted" });
  assert.deepEqual(describeSpeaker({ ...quiet, textMode: true, muted: true }), { who: Nobody, text: "Your turn: type your answer below" });
});
