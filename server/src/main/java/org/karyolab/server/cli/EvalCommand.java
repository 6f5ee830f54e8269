package org.karyolab.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnIssue;
import org.karyolab.schema.iscn.IscnResult;
import org.karyolab.schema.iscn.Mode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code karyolab eval ...}: evaluations on real data (not tests: they read data sets outside the repository). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluations on real data sets (results go to docs/).",
        subcommands = {EvalCommand.Adir.class, CommandLine.HelpCommand.class})
final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code eval adir}: every karyotype of the ADIR M-FISH set through the lenient parser. Each case folder's
     * {@code case-info.txt} holds the karyotype as the lab typed it, with other text around it (report headers, notes,
     * stray bytes); the karyotype is the first line that starts like one (a count, a comma, sex chromosomes).
     */
    @Command(name = "adir", mixinStandardHelpOptions = true,
            description = "Parse every */case-info.txt karyotype of the ADIR M-FISH set in lenient mode and print a Markdown table "
                    + "(case, raw text, result, canonical form, warnings or the positioned error, the checker's verdict and findings).")
    static final class Adir implements Callable<Integer> {

        /** Where a karyotype starts: optional mos/chi, a count (or range), an optional comma, then X or Y. */
        static final Pattern START = Pattern.compile("(?i)(?:mos|chi)?\\s*\\d{1,3}(?:~\\d{1,3})?\\s*,?\\s*[XY]");

        @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The mfish folder (case folders with case-info.txt).")
        Path dataset;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the table and the summary to FILE.")
        Path outFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        enum Result { PARSED, PARSED_WITH_WARNINGS, ERROR, NO_KARYOTYPE }

        record Row(String caseName, String raw, String karyotype, Result result, String canonical, List<IscnIssue> issues,
                   List<IscnIssue> findings) {
        }

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(dataset)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--dataset: " + dataset + " is not a directory");
            }
            List<Path> cases;
            int folders;
            try (Stream<Path> dirs = Files.list(dataset)) {
                List<Path> all = dirs.filter(Files::isDirectory).sorted().toList();
                folders = all.size();
                cases = all.stream().filter(d -> Files.isRegularFile(d.resolve("case-info.txt"))).toList();
            }
            var rows = new ArrayList<Row>(cases.size());
            for (Path dir : cases) {
                rows.add(evaluate(dir.getFileName().toString(), Files.readAllBytes(dir.resolve("case-info.txt"))));
            }
            String report = markdown(rows, folders);
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
            if (outFile != null) {
                Files.writeString(outFile, report, StandardCharsets.UTF_8);
            }
            return 0;
        }

        static Row evaluate(String caseName, byte[] bytes) {
            // Typed by hand and exported from old report software: read leniently, drop NULs and a BOM.
            String raw = new String(bytes, StandardCharsets.UTF_8).replace("\0", "").replace("\uFEFF", "");
            String karyotype = karyotypeLine(raw);
            if (karyotype == null) {
                return new Row(caseName, raw, null, Result.NO_KARYOTYPE, null, List.of(), List.of());
            }
            return switch (Iscn.parse(karyotype, Mode.LENIENT)) {
                case IscnResult.Parsed p -> new Row(caseName, raw, karyotype,
                        p.warnings().isEmpty() ? Result.PARSED : Result.PARSED_WITH_WARNINGS,
                        Iscn.write(p.karyotype()), p.warnings(), Iscn.check(p.karyotype()));
                case IscnResult.Failed f -> new Row(caseName, raw, karyotype, Result.ERROR, null, f.errors(), List.of());
            };
        }

        /** The first line that starts like a karyotype, from where it starts to the end of that line; null if none. */
        static String karyotypeLine(String raw) {
            for (String line : raw.split("\\R")) {
                Matcher m = START.matcher(line);
                if (m.find() && line.substring(0, m.start()).isBlank()) {
                    return line.strip();
                }
            }
            return null;
        }

        static String markdown(List<Row> rows, int folders) {
            var sb = new StringBuilder();
            long parsed = rows.stream().filter(r -> r.result() == Result.PARSED).count();
            long warned = rows.stream().filter(r -> r.result() == Result.PARSED_WITH_WARNINGS).count();
            long errors = rows.stream().filter(r -> r.result() == Result.ERROR).count();
            long none = rows.stream().filter(r -> r.result() == Result.NO_KARYOTYPE).count();
            long flagged = rows.stream().filter(r -> verdict(r).equals("refuses")).count();
            long accepted = rows.stream().filter(r -> verdict(r).equals("accepts")).count();
            long distinct = rows.stream().map(Row::karyotype).filter(k -> k != null).distinct().count();
            sb.append("Cases with a case-info.txt: ").append(rows.size()).append(" of ").append(folders)
                    .append(" folders (").append(distinct).append(" distinct karyotype lines).\n\n");
            sb.append("| result | cases |\n|---|---:|\n");
            sb.append("| parsed | ").append(parsed).append(" |\n");
            sb.append("| parsed with warnings | ").append(warned).append(" |\n");
            sb.append("| error | ").append(errors).append(" |\n");
            sb.append("| no karyotype line found | ").append(none).append(" |\n");
            sb.append("| parsed, and `Iscn.check` accepts it | ").append(accepted).append(" |\n");
            sb.append("| parsed, but `Iscn.check` refuses it | ").append(flagged).append(" |\n\n");
            sb.append("| case | raw text | result | canonical | warnings / error (column: message) | check | check findings (column into canonical) |\n");
            sb.append("|---|---|---|---|---|---|---|\n");
            for (Row r : rows) {
                sb.append("| ").append(r.caseName())
                        .append(" | ").append(code(shown(r.raw())))
                        .append(" | ").append(r.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .append(" | ").append(r.canonical() == null ? "" : code(r.canonical()))
                        .append(" | ").append(issues(r.issues()))
                        .append(" | ").append(verdict(r))
                        .append(" | ").append(issues(r.findings()))
                        .append(" |\n");
            }
            return sb.toString();
        }

        /** The checker's verdict on a parsed karyotype: a parse alone does not make it a valid karyotype. */
        private static String verdict(Row r) {
            if (r.canonical() == null) {
                return "";
            }
            return r.findings().isEmpty() ? "accepts" : "refuses";
        }

        private static String issues(List<IscnIssue> issues) {
            return issues.stream().map(i -> i.column() + ": " + cell(i.message())).collect(Collectors.joining("; "));
        }

        /** Line breaks shown as ⏎ so one case stays one row. */
        private static String shown(String raw) {
            return raw.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎");
        }

        private static String code(String text) {
            return "`" + cell(text).replace("`", "'") + "`";
        }

        private static String cell(String text) {
            return text.replace("|", "\\|");
        }
    }
}
