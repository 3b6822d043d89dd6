// Fills every `<pre data-show-file="URL">` with that file's text, so the page always shows
// the file as it is in the repository.
document.querySelectorAll('pre[data-show-file]').forEach(function (pre) {
  fetch(pre.getAttribute('data-show-file'))
    .then(function (response) {
      return response.ok ? response.text() : Promise.reject(new Error(String(response.status)));
    })
    .then(function (text) {
      pre.textContent = text;
    })
    .catch(function (error) {
      pre.textContent = 'Could not load the file: ' + error.message;
    });
});
