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
  download(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },
};
