// The login token has been traded for a cookie: take it out of the address bar and the history,
// so it is not bookmarked, shared or shown. A new session reloads the page without it.
(function () {
  const url = new URL(window.location.href);
  if (url.searchParams.has("token")) {
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + (url.search || ""));
  }
  window.addEventListener("DOMContentLoaded", function () {
    document.getElementById("reload").addEventListener("click", function () {
      window.location.assign(window.location.pathname);
    });
  });
})();
