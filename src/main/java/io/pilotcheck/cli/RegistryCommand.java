package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code pilotcheck registry}: the 45 pilots of the annex, as the rules see them. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "List the 45 third-batch pilots of the annex (from rules/pilot-cities.yaml).")
public final class RegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<PilotRegistry> loaded = RulesLoading.loadRegistry(common.rulesDir(), common.lang, err);
        if (loaded.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        PilotRegistry registry = loaded.get();
        boolean en = common.lang == Language.EN;
        out.println(en ? "no\tprovince\tcity\tstarred\tpeak\tfocuses" : "序号\t省份\t城市\t带星号\t峰值年\t创新重点");
        int starred = 0;
        for (PilotCity c : registry.cities()) {
            starred += c.starred() ? 1 : 0;
            out.println(c.number() + "\t" + (en ? c.provinceEn() : c.province()) + "\t"
                    + (en ? c.nameEn() : c.name()) + "\t" + (c.starred() ? "*" : "") + "\t" + c.peak().text()
                    + "\t" + c.focuses().size());
        }
        out.println(en ? registry.cities().size() + " pilots, " + starred + " starred (conditionally approved)"
                : "共 " + registry.cities().size() + " 个试点，其中带星号（有条件批复）" + starred + " 个");
        out.flush();
        return ExitCode.OK.code();
    }
}
