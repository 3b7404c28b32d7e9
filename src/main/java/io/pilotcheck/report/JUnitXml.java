package io.pilotcheck.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * JUnit XML as CI servers read it ({@code testsuites > testsuite > testcase}, with {@code failure},
 * {@code error} and {@code system-out}), written with the JDK's StAX writer so every name and
 * message is escaped. Shared by {@code check -f junit} and {@code rules test -f junit}.
 */
public final class JUnitXml {

    /** A problem of a test case: {@code failure} or {@code error}, with a one-line message and detail. */
    public record Problem(boolean error, String message, String detail) {
    }

    /**
     * A test case.
     *
     * @param name      its name
     * @param file      the file it is about, or null
     * @param line      its line, or 0
     * @param problems  what failed; empty when it passed
     * @param systemOut further text (e.g. findings below the failure threshold), or empty
     */
    public record Case(String name, String file, int line, List<Problem> problems, String systemOut) {
    }

    /** A test suite of cases. */
    public record Suite(String name, List<Case> cases) {

        long failures() {
            return cases.stream().filter(c -> c.problems().stream().anyMatch(p -> !p.error())).count();
        }

        long errors() {
            return cases.stream().filter(c -> c.problems().stream().anyMatch(Problem::error)
                    && c.problems().stream().noneMatch(p -> !p.error())).count();
        }
    }

    private JUnitXml() {
    }

    /** The document for the suites, named {@code name}. */
    public static String render(String name, List<Suite> suites) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", name);
            x.writeAttribute("tests", String.valueOf(suites.stream().mapToLong(s -> s.cases().size()).sum()));
            x.writeAttribute("failures", String.valueOf(suites.stream().mapToLong(Suite::failures).sum()));
            x.writeAttribute("errors", String.valueOf(suites.stream().mapToLong(Suite::errors).sum()));
            for (Suite s : suites) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", s.name());
                x.writeAttribute("tests", String.valueOf(s.cases().size()));
                x.writeAttribute("failures", String.valueOf(s.failures()));
                x.writeAttribute("errors", String.valueOf(s.errors()));
                for (Case c : s.cases()) {
                    testCase(x, s.name(), c);
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

    private static void testCase(XMLStreamWriter x, String suite, Case c) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", c.name());
        if (c.file() != null) {
            x.writeAttribute("file", c.file());
        }
        if (c.line() > 0) {
            x.writeAttribute("line", String.valueOf(c.line()));
        }
        for (Problem p : c.problems()) {
            x.writeStartElement(p.error() ? "error" : "failure");
            x.writeAttribute("message", p.message());
            x.writeCharacters(p.detail());
            x.writeEndElement();
        }
        if (!c.systemOut().isEmpty()) {
            x.writeStartElement("system-out");
            x.writeCharacters(c.systemOut());
            x.writeEndElement();
        }
        x.writeEndElement();
    }
}
