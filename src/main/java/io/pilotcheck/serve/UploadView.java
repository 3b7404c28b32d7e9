package io.pilotcheck.serve;

import java.util.List;

/**
 * The upload form's page ({@code upload.jte}).
 *
 * @param page         the page's frame
 * @param formats      the report formats offered, the page's own first
 * @param script       the path of the form's progress script, below the base path
 */
public record UploadView(PageView page, List<String> formats, String script) {
}
