package org.karyolab.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.schema.AnnotationDocument;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.schema.shape.Mask;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SynthCommandTest {

    private static int run(String... args) {
        var cli = KaryoLabCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    private static String[] args(Path out) {
        return new String[] {"synth", "--cells", "2", "--out", out.toString(), "--karyotype", "47,XY,+21",
                "--seed", "5", "--width", "400", "--height", "300", "--level", "550", "--no-progress"};
    }

    @Test
    void writesEachCellWithItsGroundTruthAndTheSameBytesForTheSameSeed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(run(args(a))).isZero();
        assertThat(run(args(b))).isZero();
        for (String file : new String[] {"cell-0001-metaphase.png", "cell-0001-metaphase.json", "cell-0001-karyogram.png",
                "cell-0001-karyogram.json", "cell-0002-metaphase.png", "cell-0002-metaphase.json", "overview.png"}) {
            assertThat(a.resolve(file)).exists();
            assertThat(Files.readAllBytes(a.resolve(file))).as(file).isEqualTo(Files.readAllBytes(b.resolve(file)));
        }
        AnnotationDocument doc = SchemaJson.read(Files.readString(a.resolve("cell-0002-metaphase.json")),
                AnnotationDocument.class).orElseThrow();
        assertThat(doc.image().kind()).isEqualTo(ImageKind.METAPHASE);
        assertThat(doc.image().width()).isEqualTo(400);
        assertThat(doc.image().bandLevel().bands()).isEqualTo(550);
        assertThat(doc.imageLabels().karyotype()).isEqualTo("47,XY,+21");
        assertThat(doc.annotations().stream().filter(x -> x.shape() instanceof Mask)).hasSize(47);
        assertThat(doc.validate()).isEmpty();
    }

    @Test
    void aBadKaryotypeIsRefused(@TempDir Path dir) {
        assertThat(run("synth", "--out", dir.toString(), "--karyotype", "46,XQ", "--no-progress")).isEqualTo(2);
        assertThat(run("synth", "--out", dir.toString(), "--level", "500", "--no-progress")).isEqualTo(2);
    }
}
