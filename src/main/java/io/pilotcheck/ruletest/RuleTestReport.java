package io.pilotcheck.ruletest;

import io.pilotcheck.finding.Language;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** The report of {@code rules test}: text for people, JUnit XML for CI. */
public final class RuleTestReport {

    private RuleTestReport() {
    }

    /**
     * Per file, one line per case ({@code ok} or {@code FAIL file:line name} and its diff), then
     * the totals and the coverage.
     */
    public static String text(RuleTestRun.Result result, Language lang) {
        boolean en = lang == Language.EN;
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<CaseOutcome>> file : result.byFile().entrySet()) {
            out.append(file.getKey()).append('\n');
            for (CaseOutcome o : file.getValue()) {
                out.append(o.passed() ? "  ok    " : "  FAIL  ").append(file.getKey()).append(':')
                        .append(o.rcase().at().line()).append("  ").append(o.rcase().name()).append('\n');
                o.diff(lang).forEach(d -> out.append("        ").append(d).append('\n'));
            }
        }
        long total = result.outcomes().size();
        long failed = result.failed();
        out.append('\n').append(en
                ? total + (total == 1 ? " case in " : " cases in ") + result.byFile().size() + (result.byFile().size() == 1 ? " file: " : " files: ") + (total - failed) + " passed, " + failed + " failed"
                : result.byFile().size() + " 个文件共 " + total + " 个用例：通过 " + (total - failed) + "，失败 " + failed).append('\n');
        Coverage c = result.coverage();
        int n = c.rules().size();
        out.append(en
                ? "coverage of " + n + " rules: " + (n - c.uncovered().size()) + " named by a case, "
                        + (n - c.neverFired().size()) + " seen firing, " + (n - c.neverSilent().size()) + " shown silent (none:)"
                : n + " 条规则的覆盖：有用例 " + (n - c.uncovered().size()) + "，见到触发 " + (n - c.neverFired().size())
                        + "，证明不触发（none:）" + (n - c.neverSilent().size())).append('\n');
        list(out, en ? "rules no case covers" : "没有用例的规则", c.uncovered());
        list(out, en ? "rules never seen firing" : "从未触发的规则", c.neverFired());
        list(out, en ? "rules no case shows silent" : "没有用例证明不触发的规则", c.neverSilent());
        return out.toString();
    }

    private static void list(StringBuilder out, String title, List<String> ids) {
        if (!ids.isEmpty()) {
            out.append("  ").append(title).append(": ").append(String.join(", ", ids)).append('\n');
        }
    }

    /**
     * JUnit XML: one test suite per test file, one test case per case, a failure carrying the
     * diff; with {@code coverageRequired}, a {@code coverage} suite with one test case per rule.
     */
    public static String junit(RuleTestRun.Result result, Language lang, boolean coverageRequired) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "pilotcheck rules test");
            Coverage c = result.coverage();
            List<String> short_ = coverageRequired
                    ? c.rules().stream().filter(r -> c.uncovered().contains(r) || c.neverFired().contains(r)).toList() : List.of();
            x.writeAttribute("tests", String.valueOf(result.outcomes().size() + (coverageRequired ? c.rules().size() : 0)));
            x.writeAttribute("failures", String.valueOf(result.failed() + short_.size()));
            for (Map.Entry<String, List<CaseOutcome>> file : result.byFile().entrySet()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", file.getKey());
                x.writeAttribute("tests", String.valueOf(file.getValue().size()));
                x.writeAttribute("failures", String.valueOf(file.getValue().stream().filter(o -> !o.passed()).count()));
                for (CaseOutcome o : file.getValue()) {
                    testCase(x, file.getKey(), o.rcase().name(), o.rcase().at().line(),
                            o.passed() ? null : String.join("\n", o.diff(lang)));
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            if (coverageRequired) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", "coverage");
                x.writeAttribute("tests", String.valueOf(c.rules().size()));
                x.writeAttribute("failures", String.valueOf(short_.size()));
                for (String rule : c.rules()) {
                    String why = c.uncovered().contains(rule) ? "no case names " + rule
                            : c.neverFired().contains(rule) ? rule + " gave no finding in any case" : null;
                    testCase(x, "coverage", rule, 0, why);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return buffer + "\n";
    }

    private static void testCase(XMLStreamWriter x, String suite, String name, int line, String failure)
            throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", name);
        if (line > 0) {
            x.writeAttribute("file", suite);
            x.writeAttribute("line", String.valueOf(line));
        }
        if (failure != null) {
            x.writeStartElement("failure");
            x.writeAttribute("message", failure.lines().findFirst().orElse("failed"));
            x.writeCharacters(failure);
            x.writeEndElement();
        }
        x.writeEndElement();
    }
}
