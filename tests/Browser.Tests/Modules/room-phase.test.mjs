// The room's phases (wwwroot/js/interview/room-phase.js): the transitions an interview takes, and the late events
// the table refuses. Run by ModuleTests.cs through `node --test`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Phase, RoomPhase, canTransition } from "../../../src/Gateway/wwwroot/js/interview/room-phase.js";

function walk(...phases) {
  const seen = [];
  const room = new RoomPhase({ onChange: (next, previous) => seen.push(`${previous}→${next}`) });
  const results = phases.map(next => room.to(next));
  return { room, results, seen };
}

test("a room starts preparing", () => {
  assert.equal(new RoomPhase().current, Phase.Preparing);
});

test("an interview with a dropped connection goes preparing → connecting → interviewing → reconnecting → interviewing → ending → ended", () => {
  const { room, results, seen } = walk(Phase.Connecting, Phase.Interviewing, Phase.Reconnecting, Phase.Interviewing, Phase.Ending, Phase.Ended);
  assert.deepEqual(results, [true, true, true, true, true, true]);
  assert.equal(room.current, Phase.Ended);
  assert.deepEqual(seen, [
    "preparing→connecting", "connecting→interviewing", "interviewing→reconnecting",
    "reconnecting→interviewing", "interviewing→ending", "ending→ended",
  ]);
});

test("a refused transition changes nothing and reports nothing", () => {
  const { room, results, seen } = walk(Phase.Interviewing);
  assert.deepEqual(results, [false]);
  assert.equal(room.current, Phase.Preparing);
  assert.deepEqual(seen, []);
});

test("once the interview is ending, a late reconnect notice, a second end or the page leaving do not move it", () => {
  const { room } = walk(Phase.Connecting, Phase.Interviewing, Phase.Ending);
  for (const late of [Phase.Reconnecting, Phase.Interviewing, Phase.Ending, Phase.Failed, Phase.Left]) {
    assert.equal(room.to(late), false, late);
  }
  assert.equal(room.current, Phase.Ending);
  assert.equal(room.over, true);
});

test("leaving the page ends the room from any live phase, but not after the end", () => {
  for (const path of [[], [Phase.Connecting], [Phase.Connecting, Phase.Interviewing], [Phase.Connecting, Phase.Reconnecting], [Phase.Connecting, Phase.Failed]]) {
    const { room } = walk(...path);
    assert.equal(room.to(Phase.Left), true, path.join("→"));
    assert.equal(room.over, true);
  }
  const { room } = walk(Phase.Connecting, Phase.Interviewing, Phase.Ending, Phase.Ended);
  assert.equal(room.to(Phase.Left), false);
});

test("a room the candidate left does not connect", () => {
  const { room } = walk(Phase.Left);
  assert.equal(room.to(Phase.Connecting), false);
  assert.equal(room.current, Phase.Left);
});

test("a failed room does not come back", () => {
  const { room } = walk(Phase.Connecting, Phase.Interviewing, Phase.Failed);
  assert.equal(room.over, false);
  for (const next of [Phase.Interviewing, Phase.Reconnecting, Phase.Ending]) {
    assert.equal(room.to(next), false, next);
  }
});

test("every phase named in the table is a phase, and the terminal ones lead nowhere", () => {
  const phases = Object.values(Phase);
  for (const from of phases) {
    for (const to of phases) {
      canTransition(from, to); // does not throw for any pair
    }
  }
  for (const terminal of [Phase.Ended, Phase.Left]) {
    assert.deepEqual(phases.filter(to => canTransition(terminal, to)), [], terminal);
  }
  assert.equal(canTransition("nonsense", Phase.Connecting), false);
});
