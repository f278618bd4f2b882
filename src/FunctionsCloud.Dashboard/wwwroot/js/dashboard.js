// The few things the dashboard needs from the browser itself.
window.functionsCloud = {
  watchVisibility(dotnet) {
    document.addEventListener("visibilitychange", () => dotnet.invokeMethodAsync("VisibilityChanged", !document.hidden));
    return !document.hidden;
  },
  copy(text) {
    return navigator.clipboard.writeText(text);
  },
};
