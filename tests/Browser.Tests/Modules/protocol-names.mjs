// Prints the page's protocol names (wwwroot/js/interview/protocol.js) as JSON, for ModuleTests.cs to compare with
// the server's constants.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const protocol = await import(pathToFileURL(resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname,
  "../../../src/Gateway/wwwroot/js/interview/protocol.js")).href);
const { ClientMessage, ServerEvent, EndReason, Speaker } = protocol;
console.log(JSON.stringify({ ClientMessage, ServerEvent, EndReason, Speaker }));
