package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Every report format pilotcheck writes, by name, in the order help texts list them. */
public final class ReportFormats {

    private static final Map<String, ReportFormat> BY_NAME = new LinkedHashMap<>();

    static {
        text("text", "text/plain; charset=utf-8", "txt", TextReport::streamed,
                (b, c) -> TextReport.render(b, c.run(), c.lang()));
        text("json", "application/json", "json", JsonReport::streamed, (b, c) -> JsonReport.render(b, c.run(), c.lang()));
        text("csv", "text/csv; charset=utf-8", "csv", (run, lang) -> CsvReport.streamed(lang),
                (b, c) -> CsvReport.render(b, c.lang()));
        text("junit", "application/xml", "xml", null,
                (b, c) -> JUnitReport.render(b, c.rules(), c.threshold(), c.lang()));
        text("sarif", "application/sarif+json", "sarif", null,
                (b, c) -> SarifReport.render(b, c.rules(), c.run(), c.lang()));
        register(new Whole("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", true,
                null, (b, c) -> XlsxReport.render(b, c.rules(), c.registry(), c.run(), c.lang())));
        text("html", "text/html; charset=utf-8", "html", null, (b, c) -> HtmlReport.render(b, c));
    }

    private ReportFormats() {
    }

    /** The format of that name. */
    public static Optional<ReportFormat> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every format's name. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static void text(String name, String mediaType, String extension,
                             BiFunction<RunInfo, io.pilotcheck.words.Language, StreamedReport> streamed,
                             BiFunction<BatchResult, ReportContext, String> render) {
        register(new Whole(name, mediaType, extension, false, streamed,
                (b, c) -> render.apply(b, c).getBytes(StandardCharsets.UTF_8)));
    }

    private static void register(ReportFormat f) {
        BY_NAME.put(f.name(), f);
    }

    /** A format rendered by the existing renderers; a streamed form when it has one. */
    private record Whole(String name, String mediaType, String extension, boolean binary,
                         BiFunction<RunInfo, io.pilotcheck.words.Language, StreamedReport> streamer,
                         BiFunction<BatchResult, ReportContext, byte[]> render) implements ReportFormat {

        @Override
        public boolean streams() {
            return streamer != null;
        }

        @Override
        public StreamedReport streamed(ReportContext context) {
            if (streamer == null) {
                throw new UnsupportedOperationException(name + " is written for a whole batch only");
            }
            return streamer.apply(context.run(), context.lang());
        }

        @Override
        public void write(BatchResult batch, ReportContext context, OutputStream out) throws IOException {
            out.write(render.apply(batch, context));
        }
    }
}
