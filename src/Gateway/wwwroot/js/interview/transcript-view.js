// The live transcript: partial text grows in an italic line per speaker and is replaced by the final text.
import { Speaker } from "./protocol.js";

const speakerNames = { [Speaker.Interviewer]: "Interviewer", [Speaker.Candidate]: "You" };

export class TranscriptView {
  constructor(list) {
    this.list = list;
    this.partial = new Map(); // speaker → the <li> still receiving partial text
  }

  /** A transcript event: partials are pieces appended to the speaker's open line; a final closes it. */
  add({ speaker, text, final }) {
    let item = this.partial.get(speaker);
    if (!item) {
      item = this.createItem(speaker);
      this.partial.set(speaker, item);
    }

    const body = item.querySelector(".text");
    if (final) {
      body.textContent = text;
      item.dataset.final = "true";
      this.partial.delete(speaker);
    } else {
      body.textContent += text;
    }
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** After a reconnect: the server's transcript so far replaces what this page had. */
  replaceWith(turns) {
    this.list.replaceChildren();
    this.partial.clear();
    for (const turn of turns) {
      const item = this.createItem(turn.speaker);
      item.querySelector(".text").textContent = turn.text;
      item.dataset.final = "true";
    }
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** A barge-in cut the interviewer short: its open line stays as it was heard. */
  closePartial(speaker) {
    const item = this.partial.get(speaker);
    if (item) {
      item.dataset.final = "true";
      this.partial.delete(speaker);
    }
  }

  createItem(speaker) {
    const item = document.createElement("li");
    item.dataset.speaker = speaker;
    item.dataset.final = "false";
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = speakerNames[speaker] ?? speaker;
    const text = document.createElement("span");
    text.className = "text";
    item.append(who, text);
    this.list.append(item);
    return item;
  }
}
