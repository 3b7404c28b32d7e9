package io.pilotcheck.serve;

import io.pilotcheck.words.Language;

import java.util.List;

/**
 * The page at {@code /}: a form that uploads dossier files, a folder or a zip, with the
 * evaluation date and the report's language and format, answered with the report. It works with
 * JavaScript off; with it on, a small script of the server's own sends the form itself so that a big upload
 * shows its progress, then shows the answer as the form would have.
 */
final class UploadPage {

    /**
     * Sends the form with XMLHttpRequest for its upload progress. The answer replaces the page
     * when it is HTML (the report, or an error page) and is saved under the server's file name
     * otherwise, which is what the browser does with the form's own answer.
     */
    static final String PROGRESS_SCRIPT = """
            (function () {
              var form = document.getElementById('upload');
              if (!form || !window.XMLHttpRequest || !window.FormData || !window.URL) { return; }
              form.addEventListener('submit', function (event) {
                event.preventDefault();
                var box = document.getElementById('progress'), bar = box.querySelector('progress'),
                    text = box.querySelector('span'), button = form.querySelector('button');
                box.hidden = false; button.disabled = true; bar.value = 0;
                var xhr = new XMLHttpRequest();
                xhr.open('POST', form.action);
                xhr.responseType = 'blob';
                xhr.upload.onprogress = function (e) {
                  if (e.lengthComputable) {
                    var percent = Math.floor(100 * e.loaded / e.total);
                    bar.value = percent;
                    text.textContent = form.dataset.uploading.replace('{percent}', percent);
                  }
                };
                xhr.upload.onload = function () { bar.removeAttribute('value'); text.textContent = form.dataset.checking; };
                xhr.onload = function () {
                  var type = xhr.getResponseHeader('Content-Type') || '';
                  if (type.indexOf('text/html') === 0) {
                    xhr.response.text().then(function (html) { document.open(); document.write(html); document.close(); });
                    return;
                  }
                  var named = /filename="([^"]+)"/.exec(xhr.getResponseHeader('Content-Disposition') || '');
                  var link = document.createElement('a');
                  link.href = URL.createObjectURL(xhr.response);
                  link.download = named ? named[1] : 'pilotcheck-report';
                  document.body.appendChild(link);
                  link.click();
                  box.hidden = true; button.disabled = false;
                };
                xhr.onerror = function () { text.textContent = form.dataset.failed; button.disabled = false; };
                xhr.send(new FormData(form));
              });
            })();
            """;

    /** Where the page loads its script from: a file of the server's own, as its Content-Security-Policy allows. */
    static final String SCRIPT_PATH = "/assets/upload.js";

    private UploadPage() {
    }

    /** The form, in {@code lang}; a broken rule edit is told by the page's header, as on every page. */
    static String html(io.javalin.http.Context ctx, Language lang) {
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("page.title", lang), "/?lang=");
        return Templates.render("upload.jte", new UploadView(page,
                List.of("html", "xlsx", "csv", "json", "sarif", "junit", "text"), SCRIPT_PATH));
    }
}
