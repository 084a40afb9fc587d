package se.kasam.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a page in headless Chromium (Debian's chromium, which .ci/run installs when it is missing) with no network:
 * it must load without console errors, every chart must be an SVG with a title and a table after it, and a
 * screenshot is left beside the page for people to look at.
 */
final class BrowserCheck {
    private static final Pattern FIGURE = Pattern.compile("<figure>(.*?)</figure>\\s*<table>", Pattern.DOTALL);

    private BrowserCheck() {
    }

    static void assertRenders(Path page, Path screenshot) throws IOException {
        Path chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("headless Chromium is needed: apt-get install chromium (.ci/run does)"));
        Path profile = Files.createTempDirectory("kasam-chromium");
        List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0");
        List<String> dump = new ArrayList<>(common);
        dump.add("--dump-dom");
        dump.add(page.toAbsolutePath().toUri().toString());
        Result dom = run(dump, profile.resolve("dom.log"));
        assertEquals(0, dom.exit, "chromium failed: " + dom.stderr);
        assertTrue(!dom.stderr.contains(":CONSOLE(") && !dom.stderr.contains("Uncaught"), "console errors: " + dom.stderr);
        assertTrue(dom.stdout.contains("<html lang=\"sv\""), "the page loaded");
        Matcher figures = FIGURE.matcher(dom.stdout);
        int charts = 0;
        while (figures.find()) {
            String figure = figures.group(1);
            assertTrue(figure.contains("<svg") && figure.contains("role=\"img\"") && figure.matches("(?s).*<title id=\"[^\"]+\">[^<]+</title>.*"),
                    "a chart with its title: " + figure.substring(0, Math.min(300, figure.length())));
            charts++;
        }
        assertEquals(5, charts, "every chart is followed by its table");
        List<String> shot = new ArrayList<>(common);
        shot.add("--window-size=1280,7000");
        shot.add("--hide-scrollbars");
        shot.add("--screenshot=" + screenshot.toAbsolutePath());
        shot.add(page.toAbsolutePath().toUri().toString());
        Result picture = run(shot, profile.resolve("shot.log"));
        assertEquals(0, picture.exit, "chromium screenshot failed: " + picture.stderr);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page");
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path log) throws IOException {
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8));
    }
}
