package io.pilotcheck.serve;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The pages' templates ({@code src/main/jte}), compiled with the project: each renders one typed
 * view, escaping every value by where it lands (text, attribute, script), so no page is built by
 * joining strings of HTML.
 */
final class Templates {

    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), "io.pilotcheck.serve.pages");

    private Templates() {
    }

    /** The template {@code name} ({@code dashboard.jte}) rendered with its one parameter. */
    static String render(String name, Object view) {
        StringOutput out = new StringOutput();
        ENGINE.render(name, view, out);
        return out.toString();
    }
}
