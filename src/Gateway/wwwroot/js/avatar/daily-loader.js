// Loads daily-js (Daily's client library) from the URL the server configures (Tavus:DailyJsUrl), only when an
// interview has an avatar. The web app carries no third-party code and has no build step, so the library comes as
// Daily publishes it for a script tag: a bundle that defines window.Daily (DailyIframe in older releases).
const loads = new Map();

export function loadDaily(url) {
  if (!loads.has(url)) {
    loads.set(url, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      // Anonymous CORS: errors inside it are reported instead of hidden, and no cookies go to the CDN.
      script.crossOrigin = "anonymous";
      script.async = true;
      script.onload = () => {
        const Daily = window.Daily ?? window.DailyIframe;
        if (typeof Daily?.createCallObject === "function") {
          resolve(Daily);
        } else {
          reject(new Error(`${url} did not define Daily.createCallObject.`));
        }
      };
      script.onerror = () => {
        loads.delete(url); // a later room may try again
        reject(new Error(`daily-js could not be loaded from ${url}.`));
      };
      document.head.append(script);
    }));
  }
  return loads.get(url);
}
