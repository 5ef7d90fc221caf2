// Runs HeidelTime 2.2.1 (English news, TreeTagger) over many documents in ONE JVM, so that the
// comparison with Dateline measures tagging, not 3.5 s of JVM start-up per document.
//
// usage: java -cp heideltime.jar:. HeidelTimeBatch config.props IN_DIR OUT_DIR
//   IN_DIR holds NAME.txt (plain text) and NAME.dct (YYYY-MM-DD); OUT_DIR gets NAME.tml.

import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        Path in = Paths.get(args[1]);
        Path out = Paths.get(args[2]);
        Files.createDirectories(out);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        List<Path> docs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(in, "*.txt")) {
            for (Path p : stream) docs.add(p);
        }
        Collections.sort(docs);
        long start = System.nanoTime();
        for (Path doc : docs) {
            String name = doc.getFileName().toString().replaceAll("\\.txt$", "");
            String text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
            String dct = new String(Files.readAllBytes(in.resolve(name + ".dct")), StandardCharsets.UTF_8).trim();
            String tagged = tagger.process(text, day.parse(dct));
            Files.write(out.resolve(name + ".tml"), tagged.getBytes(StandardCharsets.UTF_8));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.err.printf("heideltime: %d documents in %.1f s (JVM already warm)%n", docs.size(), secs);
    }
}
