package io.pilotcheck.serve;

import io.pilotcheck.finding.Language;

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

    static String html(Language lang, List<String> ruleProblems) {
        String l = PageFrame.code(lang);
        String body = """
                <p class="muted">%s</p>
                %s
                <form id="upload" method="post" action="/?lang=%s" enctype="multipart/form-data"
                      data-uploading="%s" data-checking="%s" data-failed="%s">
                  <fieldset>
                    <label>%s <input type="file" name="files" multiple accept=".yaml,.yml,.zip"></label>
                    <label>%s <input type="file" name="files" webkitdirectory directory multiple></label>
                  </fieldset>
                  <fieldset>
                    <label>%s <input type="date" name="as_of"> <span class="muted">%s</span></label>
                    <label>%s <select name="format">%s</select></label>
                    <label>%s <input type="text" name="submitter" maxlength="200"></label>
                    <input type="hidden" name="lang" value="%s">
                  </fieldset>
                  <button type="submit">%s</button>
                  <p id="progress" hidden><progress max="100"></progress> <span></span></p>
                </form>
                %s""".formatted(
                PageFrame.escape(ServeWords.word("page.intro", lang)),
                ruleProblems.isEmpty() ? "" : "<p class=\"warn\" id=\"rules-problem\">" + PageFrame.escape(
                        ServeWords.word("page.rulesBroken", lang, "count", ruleProblems.size())) + "</p>",
                l, PageFrame.escape(ServeWords.word("page.uploading", lang)),
                PageFrame.escape(ServeWords.word("page.checking", lang)),
                PageFrame.escape(ServeWords.word("page.failed", lang)),
                PageFrame.escape(ServeWords.word("page.files", lang)),
                PageFrame.escape(ServeWords.word("page.folder", lang)),
                PageFrame.escape(ServeWords.word("page.asOf", lang)),
                PageFrame.escape(ServeWords.word("page.asOfNote", lang)),
                PageFrame.escape(ServeWords.word("page.format", lang)), formats(lang),
                PageFrame.escape(ServeWords.word("page.submitter", lang)), l,
                PageFrame.escape(ServeWords.word("page.check", lang)), "<script src=\"" + SCRIPT_PATH + "\"></script>");
        return PageFrame.page(lang, ServeWords.word("page.title", lang), "/?lang=", body);
    }

    /** The report formats, the page's own first; any other downloads as a file. */
    private static String formats(Language lang) {
        StringBuilder out = new StringBuilder();
        for (String f : List.of("html", "xlsx", "csv", "json", "sarif", "junit", "text")) {
            out.append("<option value=\"").append(f).append("\">")
                    .append(PageFrame.escape(ServeWords.word("page.format." + f, lang))).append("</option>");
        }
        return out.toString();
    }
}
