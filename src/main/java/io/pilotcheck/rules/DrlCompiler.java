package io.pilotcheck.rules;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Drools build of some DRL texts through the executable model, keeping what Drools said in
 * raw form. {@link DrlDiagnosis} turns that into problems in the author's terms.
 */
final class DrlCompiler {

    /** Where Drools expects sources inside its in-memory project. */
    static final String KIE_SRC = "src/main/resources/";

    private static final AtomicInteger BUILDS = new AtomicInteger();

    /**
     * One error as Drools gave it.
     *
     * @param drl    the DRL file (relative to the rules folder) it names, or null when it names
     *               none or only code generated from the rules
     * @param line   its line in that file, 0 when unknown
     * @param column its column, 0 when unknown
     * @param text   the first line of Drools's message
     * @param where  the generated file it names, if any
     */
    record Raw(String drl, int line, int column, String text, String where) {
    }

    /**
     * What a build gave: a knowledge base, or errors, or an exception Drools threw instead of
     * reporting (it does for some type errors in constraints).
     */
    record Outcome(KieBase kieBase, List<Raw> errors, RuntimeException crash, byte[] kjar) {
        Outcome(KieBase kieBase, List<Raw> errors, RuntimeException crash) {
            this(kieBase, errors, crash, null);
        }

        boolean ok() {
            return kieBase != null;
        }
    }

    private DrlCompiler() {
    }

    /**
     * A knowledge base from a KieModule {@link #build} made earlier (the compiled-rules cache).
     * The executable model is compiled Java: its classes are defined from the module's bytes and
     * its rule models instantiated, so nothing is parsed or compiled.
     *
     * @throws RuntimeException when the bytes are not such a module
     */
    static KieBase load(byte[] kjar) {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - 6).replace('/', '.'), zip.readAllBytes());
                } else if (name.startsWith("META-INF/kie/") && name.endsWith("/drools-model")) {
                    new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::trim).filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("not a compiled rules module: " + e.getMessage(), e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("not a compiled rules module: it names no rule model");
        }
        ModuleClassLoader loader = new ModuleClassLoader(classes, DrlCompiler.class.getClassLoader());
        List<Model> instances = new ArrayList<>();
        for (String name : models) {
            try {
                instances.add((Model) loader.loadClass(name).getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create rule model " + name + ": " + e, e);
            }
        }
        // Immutable: nothing adds or removes rules once a base is built (a rule edit builds a new
        // one), and Drools' bookkeeping for a base that may change costs every session, every
        // dossier (measured: bench/NOTES.md).
        return KieBaseBuilder.createKieBaseFromModel(instances, KieBaseMutabilityOption.DISABLED);
    }

    /** Defines the module's classes from memory, our own from the application's loader. */
    private static final class ModuleClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ModuleClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** Builds DRL texts keyed by their path relative to the rules folder. */
    static Outcome build(Map<String, String> sources) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A release id of its own per build: builds in one JVM (tests, --watch) must not share one.
        ReleaseId release = ks.newReleaseId("io.pilotcheck.rules", "rules-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(release);
        // Given as characters with their encoding named: Drools reads a resource of unnamed
        // encoding in the platform's default charset, which garbles every Chinese message on a
        // machine whose locale is not UTF-8 (LANG=C, Chinese Windows' GBK).
        sources.forEach((rel, text) -> kfs.write(KIE_SRC + rel, ks.getResources()
                .newByteArrayResource(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8.name())
                .setSourcePath(KIE_SRC + rel)));
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            return new Outcome(null, List.of(), e);
        }
        List<Raw> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String text = m.getText() == null ? "" : m.getText().lines().findFirst().orElse("").trim();
            // A follow-on of a syntax error already reported, with no position of its own.
            if (text.startsWith("Parser returned a null Package")) {
                continue;
            }
            String path = m.getPath() == null ? "" : m.getPath();
            // Drools names a DRL file with or without the KIE source prefix, depending on the phase.
            String rel = path.startsWith(KIE_SRC) ? path.substring(KIE_SRC.length()) : path;
            boolean drl = rel.endsWith(".drl");
            errors.add(new Raw(drl ? rel : null, Math.max(0, m.getLine()), Math.max(0, m.getColumn()), text,
                    drl ? null : path));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors, null);
        }
        try {
            byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
            // immutable, as a base loaded from the cache is (see load)
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(KieBaseMutabilityOption.DISABLED);
            return new Outcome(ks.newKieContainer(release).newKieBase(conf), List.of(), null, kjar);
        } catch (RuntimeException e) {
            return new Outcome(null, List.of(), e);
        } finally {
            // The KieBase stands on its own once made; a long JVM (--watch, tests) must not keep every build.
            ks.getRepository().removeKieModule(release);
        }
    }
}
