// The few things the dashboard needs from the browser itself.
window.functionsCloud = {
  watchVisibility(dotnet) {
    document.addEventListener("visibilitychange", () => dotnet.invokeMethodAsync("VisibilityChanged", !document.hidden));
    return !document.hidden;
  },
  copy(text) {
    return navigator.clipboard.writeText(text);
  },
  select(field) {
    field.focus();
    field.select();
  },
  // Saves text the page holds (an exported stackfile) as a file.
  download(fileName, text) {
    saveAs(new Blob([text], { type: "text/plain;charset=utf-8" }), fileName);
  },
  // Saves what a URL answers as a file named by its Content-Disposition; a plain link cannot send the API key's header.
  // Answers null when saved, else the refusal in words.
  async downloadFrom(url, authorization) {
    const response = await fetch(url, { headers: { Authorization: authorization } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      return problem.detail || problem.title || `The download was refused (${response.status}).`;
    }
    const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get("Content-Disposition") ?? "");
    saveAs(await response.blob(), named ? decodeURIComponent(named[1]) : "log.txt");
    return null;
  },
};

function saveAs(blob, fileName) {
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60000);
}
