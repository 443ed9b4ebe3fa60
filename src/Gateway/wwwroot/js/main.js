// The app's router: one document, so the click that starts an interview still counts as the user gesture that
// lets the room's AudioContext play, and deep links (/join/{token}, /interview/{id}) reach the right page because
// the gateway answers them with this same index.html.
import { mountSetup } from "./pages/setup.js";
import { mountLobby } from "./pages/lobby.js";
import { mountRoom } from "./pages/room.js";
import { mountResults } from "./pages/results.js";
import { showView } from "./dom.js";

const routes = [
  { pattern: /^\/$/, mount: main => mountSetup(main, navigate), title: "Practice an interview" },
  { pattern: /^\/join\/([^/]+)\/?$/, mount: (main, [token]) => mountLobby(main, token, navigate), title: "Get ready" },
  { pattern: /^\/interview\/([^/]+)\/results\/?$/, mount: (main, [id]) => mountResults(main, id), title: "Your results" },
  { pattern: /^\/interview\/([^/]+)\/?$/, mount: (main, [id]) => mountRoom(main, id, navigate), title: "Interview" },
];

let unmountCurrent = null;

export function navigate(path, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, "", path);
  } else {
    history.pushState(null, "", path);
  }
  render();
}

function render() {
  unmountCurrent?.();
  unmountCurrent = null;
  const main = document.getElementById("main");
  const path = location.pathname;
  const route = routes.find(r => r.pattern.test(path));
  if (!route) {
    showView(main, "view-not-found");
    announce("Page not found");
    return;
  }

  const params = route.pattern.exec(path).slice(1).map(decodeURIComponent);
  document.title = `${route.title} · SyncHire`;
  unmountCurrent = route.mount(main, params) ?? null;
  announce(route.title);
}

function announce(text) {
  document.getElementById("route-announcer").textContent = text;
}

// In-app links (data-link) change the page without reloading it.
document.addEventListener("click", event => {
  const link = event.target.closest("a[data-link]");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  navigate(new URL(link.href).pathname);
});

window.addEventListener("popstate", render);
render();
