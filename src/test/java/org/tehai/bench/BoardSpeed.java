package org.tehai.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.WaitUntilState;

/**
 * How fast the dispatcher board is on a large day, measured in headless Chromium against a running application:
 * (a) from navigating to {@code /dispatch} until the chosen region-day is interactive (its timeline rows drawn with
 * visits and the proposal's status line filled), and (b) from clicking "move" on a visit until the move dialog shows
 * the score change (the board's drag does the same request). Also the server time of each call the board makes, to
 * see where the time goes. A documented command, not a test: the figures depend on the machine.
 *
 * <p>Before measuring it makes sure there is something to show: it loads the city-size demo day when the region
 * is {@code TOKYO-CITY} and missing, and solves a proposal briefly when the day has none that is done.
 *
 * <p>Run through Maven ({@code ./mvnw -Pboard-speed verify -Dboard.url=...}, which runs {@link #measureTheBoard()}
 * as the only test) or as a main program. System properties: {@code board.url} (http://localhost:8080), {@code board.region} (TOKYO-CITY),
 * {@code board.date} (tomorrow in the region's zone), {@code board.runs} (5), {@code board.solve-seconds} (30),
 * {@code board.user} (dispatcher; the password is the user name, as for the demo profile's users, or
 * {@code board.password}), {@code board.admin} (admin, to load the city day), {@code board.chromium}
 * (/usr/bin/chromium), {@code board.out} (target/board-speed).
 */
public final class BoardSpeed {

    static final double INTERACTIVE_TARGET_MS = 2000;
    static final double SCORE_TARGET_MS = 300;

    record Options(URI base, String region, LocalDate date, int runs, int solveSeconds, String user, String password,
            String admin, Path chromium, Path out) {
    }

    /** One browser run: all times in ms, measured in the page ({@code performance.now()}). */
    record Run(double defaultDayShown, double dayChosen, double interactive, double lastAnswer, double warmInteractive,
            double warmDayToInteractive, double panelOpened, double scoreShown, double dragScoreShown, String apiCalls) {

        double dayToInteractive() {
            return interactive - dayChosen;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Maven profile's way in; never part of the test suite (the class name matches no test pattern). */
    @Test
    void measureTheBoard() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        String user = System.getProperty("board.user", "dispatcher");
        String admin = System.getProperty("board.admin", "admin");
        String url = System.getProperty("board.url", "http://localhost:8080").replaceAll("/+$", "");
        String date = System.getProperty("board.date", "");
        String region = System.getProperty("board.region", "TOKYO-CITY");
        Options options = new Options(URI.create(url), region,
                date.isBlank() ? LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1) : LocalDate.parse(date),
                Integer.getInteger("board.runs", 5), Integer.getInteger("board.solve-seconds", 30), user,
                System.getProperty("board.password", user), admin, Path.of(System.getProperty("board.chromium",
                        "/usr/bin/chromium")), Path.of(System.getProperty("board.out", "target/board-speed")));
        run(options);
    }

    static void run(Options options) throws Exception {
        var api = new Api(options.base(), options.user(), options.password());
        String day = BoardSpeedSetup.dayWithProposal(api, new Api(options.base(), options.admin(), options.admin()),
                options.region(), options.date(), options.solveSeconds());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "[board-speed] %s, region %s, day %s; %d cores, load average %.2f; %s",
                options.base(), options.region(), options.date(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), day));
        lines.addAll(BoardSpeedSetup.serverTimes(api, options.region(), options.date()));
        print(lines);

        List<Run> runs = new ArrayList<>();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser chromium = launch(playwright, options);
            for (int i = 1; i <= options.runs(); i++) {
                Run run = measure(chromium, options);
                runs.add(run);
                String line = String.format(Locale.ROOT, "[board-speed] run %d: interactive %.0f ms after navigation "
                        + "(default day shown %.0f, day chosen %.0f, chosen day interactive %.0f later, of which "
                        + "drawing after the last answer %.0f); again with the page cached %.0f ms (chosen day %.0f "
                        + "later); visit panel %.0f ms; move to score change %.0f ms; drag to score change %.0f ms", i,
                        run.interactive(),
                        run.defaultDayShown(), run.dayChosen(), run.dayToInteractive(),
                        run.interactive() - run.lastAnswer(), run.warmInteractive(), run.warmDayToInteractive(),
                        run.panelOpened(), run.scoreShown(), run.dragScoreShown());
                String calls = "[board-speed]   API calls of run " + i + " (start-end, ms after navigation): "
                        + run.apiCalls();
                lines.add(line);
                lines.add(calls);
                System.out.println(line);
                System.out.println(calls);
            }
        }
        lines.add(summary(runs));
        System.out.println(lines.get(lines.size() - 1));
        Files.createDirectories(options.out());
        Files.write(options.out().resolve("board-speed.txt"), lines, StandardCharsets.UTF_8);
    }

    /**
     * Headless Debian Chromium as the browser tests start it. Other hosts are blocked by the host resolver rather
     * than by Playwright's request routing, which would pass every request through the driver and add to the times.
     */
    static Browser launch(Playwright playwright, Options options) {
        if (!Files.isExecutable(options.chromium())) {
            throw new IllegalStateException("Chromium is needed at " + options.chromium()
                    + ": apt-get update && apt-get install -y chromium");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(options.chromium())
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE " + options.base().getHost())));
    }

    /** One fresh browser session: sign in, open the board, choose the day, wait until it is drawn, move a visit. */
    static Run measure(Browser chromium, Options options) {
        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1600, 900))) {
            // Signed in by the form's own post, so the first page load measured is the board's, with a cold cache.
            int status = context.request().post(options.base() + "/j_security_check", RequestOptions.create()
                    .setForm(FormData.create().set("j_username", options.user()).set("j_password", options.password()))
                    .setMaxRedirects(0)).status();
            if (status >= 400) {
                throw new IllegalStateException("Signing in as " + options.user() + " failed (" + status + ").");
            }
            Page page = context.newPage();
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            double[] cold = openDay(page, options);
            String calls = apiCalls(page);
            double lastAnswer = ((Number) page.evaluate("(day) => Math.max(0, ...performance.getEntriesByType('resource')"
                    + ".filter((e) => e.name.includes('/days/' + day + '/')).map((e) => e.responseEnd))",
                    options.date().toString())).doubleValue();
            double[] warm = openDay(page, options);

            // The click's own moment, in the page: Playwright's checks before clicking are not the board's time.
            page.evaluate("() => document.addEventListener('pointerdown', () => { window.boardSpeedDown = "
                    + "performance.now(); }, { capture: true, once: true })");
            page.locator(".vis-item.visit").first().click();
            double clicked = ((Number) page.evaluate("() => window.boardSpeedDown")).doubleValue();
            double panel = ((Number) page.waitForFunction("() => document.getElementById('move-go') ? performance.now() "
                    + ": false").jsonValue()).doubleValue();
            Locator technician = page.locator("#move-technician");
            String current = technician.inputValue();
            String other = technician.locator("option").all().stream().map(o -> o.getAttribute("value"))
                    .filter(v -> !v.equals(current)).findFirst().orElseThrow();
            technician.selectOption(other);
            double moved = ((Number) page.evaluate("() => { const at = performance.now(); "
                    + "document.getElementById('move-go').click(); return at; }")).doubleValue();
            double shown = ((Number) page.waitForFunction("() => { const d = document.getElementById('move-dialog'); "
                    + "return d.open && d.textContent.includes('Score change') ? performance.now() : false; }")
                    .jsonValue()).doubleValue();
            page.evaluate("() => document.getElementById('move-dialog').close()");
            double dragged = dragToNextRow(page);
            page.evaluate("() => document.getElementById('move-dialog').close()");
            if (!errors.isEmpty()) {
                throw new IllegalStateException("The board's script failed: " + errors);
            }
            return new Run(cold[0], cold[1], cold[2], lastAnswer, warm[2], warm[2] - warm[1], panel - clicked,
                    shown - moved, dragged, calls);
        }
    }

    /**
     * Drags the selected visit's bar onto the next technician's row (the one above on the last row) as a dispatcher
     * does; returns ms from letting the bar go until the dialog shows the score change.
     */
    static double dragToNextRow(Page page) {
        Locator bar = page.locator(".vis-item.visit.vis-selected").first();
        bar.scrollIntoViewIfNeeded();
        var from = bar.boundingBox();
        double middle = from.y + from.height / 2;
        List<Locator> rows = page.locator(".vis-foreground .vis-group").all();
        int own = 0;
        for (int i = 0; i < rows.size(); i++) {
            var box = rows.get(i).boundingBox();
            if (box != null && middle >= box.y && middle <= box.y + box.height) {
                own = i;
                break;
            }
        }
        var to = rows.get(own + 1 < rows.size() ? own + 1 : own - 1).boundingBox();
        page.evaluate("() => document.addEventListener('pointerup', () => { window.boardSpeedUp = performance.now(); }, "
                + "{ capture: true, once: true })");
        page.mouse().move(from.x + from.width / 2, middle);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2 + 5, middle + 5, new com.microsoft.playwright.Mouse.MoveOptions()
                .setSteps(3));
        page.mouse().move(from.x + from.width / 2 + 10, to.y + to.height / 2, new com.microsoft.playwright.Mouse
                .MoveOptions().setSteps(8));
        page.mouse().up();
        double shown = ((Number) page.waitForFunction("() => { const d = document.getElementById('move-dialog'); "
                + "return d.open && d.textContent.includes('Score change') ? performance.now() : false; }")
                .jsonValue()).doubleValue();
        return shown - ((Number) page.evaluate("() => window.boardSpeedUp")).doubleValue();
    }

    /**
     * Opens the board on the region-day by its link ({@code /dispatch?region=...&day=...}) and waits until that day
     * is interactive: its timeline drawn and its proposal's figures in the status line. Returns ms after navigation
     * start: the day's options shown, the day chosen (0: the link chose it), the day interactive.
     */
    static double[] openDay(Page page, Options options) {
        page.navigate(options.base() + "/dispatch?region=" + options.region() + "&day=" + options.date(),
                new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        double shown = ((Number) page.waitForFunction("() => document.getElementById('board')?.dataset.daysOf "
                + "? performance.now() : false").jsonValue()).doubleValue();
        double interactive = ((Number) page.waitForFunction("(day) => document.getElementById('day').value === day "
                + "&& document.querySelectorAll('.vis-item.visit').length > 0 "
                + "&& /\\d+ assigned/.test(document.getElementById('status').textContent) ? performance.now() : false",
                options.date().toString()).jsonValue()).doubleValue();
        return new double[] { shown, 0, interactive };
    }

    /** The API calls of the page so far, from the browser's resource timing. */
    private static String apiCalls(Page page) {
        return String.valueOf(page.evaluate("() => performance.getEntriesByType('resource')"
                + ".filter((e) => e.name.includes('/api/')).map((e) => e.name.replace(/^.*\\/api\\//, '') + ' '"
                + " + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)).join('; ')"));
    }

    static String summary(List<Run> runs) {
        double interactive = median(runs.stream().mapToDouble(Run::interactive).toArray());
        double dayToInteractive = median(runs.stream().mapToDouble(Run::dayToInteractive).toArray());
        double warm = median(runs.stream().mapToDouble(Run::warmInteractive).toArray());
        double score = median(runs.stream().mapToDouble(Run::scoreShown).toArray());
        double panel = median(runs.stream().mapToDouble(Run::panelOpened).toArray());
        double drag = median(runs.stream().mapToDouble(Run::dragScoreShown).toArray());
        return String.format(Locale.ROOT, "[board-speed] median of %d runs: navigation to interactive %.0f ms "
                + "(target %.0f: %s; of which choosing the day to interactive %.0f ms), with the page cached %.0f ms; "
                + "visit panel %.0f ms; drag to score change %.0f ms (target %.0f: %s); \"Move\" to score change "
                + "%.0f ms", runs.size(), interactive, INTERACTIVE_TARGET_MS,
                interactive < INTERACTIVE_TARGET_MS ? "met" : "missed", dayToInteractive, warm, panel, drag,
                SCORE_TARGET_MS, drag < SCORE_TARGET_MS ? "met" : "missed", score);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void print(List<String> lines) {
        lines.forEach(System.out::println);
    }

    /** The REST API with HTTP Basic, as the demo profile's users sign in. */
    static final class Api {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final URI base;
        private final String authorization;

        Api(URI base, String user, String password) {
            this.base = base;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** The answer's status and body (JSON, or null when there is none). */
        record Answer(int status, JsonNode body, double milliseconds) {
        }

        Answer call(String method, String path, Object body) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                        .header("Authorization", authorization).header("Accept", "application/json");
                request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                long started = System.nanoTime();
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - started) / 1e6;
                String text = response.body();
                return new Answer(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text),
                        ms);
            } catch (IOException e) {
                throw new IllegalStateException("Calling " + method + " " + base.resolve(path) + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
