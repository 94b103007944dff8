package jp.shinchoku.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.PublicClient;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The public pages (公表), for anyone and without signing in: the municipalities with plans, a municipality's plans,
 * and a plan's page of published figures with a chart per KPI and the open-data downloads. Plain HTML: they work
 * without JavaScript and print. A plan's page is rendered once per language and kept for {@link #FRESH} (the
 * published figures change only when the 推進本部 publishes), and compressed once for browsers that take gzip, so many
 * readers cost the services and the portal little.
 */
@Controller
class PublicPagesController {

    static final Duration FRESH = Duration.ofSeconds(2);
    private static final int KEPT = 256;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final Set<String> FILES = Set.of("figures.csv", "figures");

    /**
     * A plan's page as rendered in one language (UTF-8), when its figures were read, and whether a reader is already
     * rendering it afresh (the others are given this one meanwhile).
     */
    private record Kept(byte[] html, byte[] gzipped, long readAt, AtomicBoolean refreshing) {
        Kept(byte[] html, long readAt) {
            this(html, gzip(html), readAt, new AtomicBoolean());
        }

        boolean fresh(long now) {
            return now - readAt < FRESH.toNanos();
        }
    }

    private final PublicClient open;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final Map<String, Kept> pages = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    });

    PublicPagesController(PublicClient open, MessageSource messages, ITemplateEngine templates) {
        this.open = open;
        this.messages = messages;
        this.templates = templates;
    }

    /** A municipality with its plans. */
    record Town(PublicClient.Municipality municipality, List<PublicClient.PlanSummary> plans) {
    }

    /** A plan in a municipality's list, with what it has published (null: nothing yet). */
    record Listed(PublicClient.PlanSummary plan, PublicClient.Published published, String publishedOn) {
        static Listed of(PublicClient.PlanSummary plan, PublicClient.Published published) {
            return new Listed(plan, published, published == null || published.publishedAt() == null ? null
                    : jp.shinchoku.calendar.Wareki.format(published.publishedAt().atZone(PublicPlanPage.JAPAN)
                            .toLocalDate()));
        }
    }

    @GetMapping("/public")
    String municipalities(Model model) {
        Map<String, List<PublicClient.PlanSummary>> byTown = open.plans(null).stream()
                .collect(Collectors.groupingBy(plan -> plan.municipality().key(), TreeMap::new, Collectors.toList()));
        model.addAttribute("towns", byTown.values().stream()
                .map(plans -> new Town(plans.getFirst().municipality(), plans)).toList());
        return "public-municipalities";
    }

    @GetMapping("/public/{municipality}")
    String municipality(@PathVariable String municipality, Model model) {
        List<PublicClient.PlanSummary> plans = open.plans(municipality);
        if (plans.isEmpty()) {
            Object[] named = {municipality};
            throw new ApiProblemException(404, "", messages.getMessage("public.no-municipality", named,
                    java.util.Locale.JAPANESE), messages.getMessage("public.no-municipality", named,
                    java.util.Locale.ENGLISH), null);
        }
        Map<String, PublicClient.Published> published = open.published().stream()
                .collect(Collectors.toMap(PublicClient.Published::planId, Function.identity(), (a, b) -> a));
        model.addAttribute("municipality", plans.getFirst().municipality());
        model.addAttribute("plans", plans.stream().map(plan -> Listed.of(plan, published.get(plan.id()))).toList());
        return "public-municipality";
    }

    /**
     * The plan's page, rendered once per language while it is fresh: every reader in between is given the same HTML
     * (the page is the same for all, nobody is signed in on it).
     */
    @GetMapping(value = "/public/plans/{planId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> plan(@PathVariable String planId, HttpServletRequest request,
            HttpServletResponse response) {
        Locale language = LocaleContextHolder.getLocale();
        boolean english = Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        String key = planId + (english ? "|en" : "|ja");
        Kept kept = pages.get(key);
        // one reader renders a stale page afresh while the others are given the stale one: never all at once
        if (kept == null || !kept.fresh(System.nanoTime()) && kept.refreshing().compareAndSet(false, true)) {
            try {
                kept = render(planId, key, english, language, request, response);
            } catch (RuntimeException failed) {
                if (kept != null) {
                    kept.refreshing().set(false);
                }
                throw failed;
            }
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(FRESH).cachePublic()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accepted != null && accepted.contains("gzip")
                ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(kept.gzipped())
                : answer.body(kept.html());
    }

    /** The page compressed once for every reader whose browser takes gzip (a tenth of its size: 40 charts). */
    private static byte[] gzip(byte[] html) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(html.length / 8);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(html);
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private Kept render(String planId, String key, boolean english, Locale language, HttpServletRequest request,
            HttpServletResponse response) {
        long now = System.nanoTime();
        PublicPlanPage page = PublicPlanPage.of(open.plan(planId), open.figures(planId).orElse(null),
                open.years(planId), new PublicPlanPage.Words(text("public.baseline"), text("public.target")));
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), language, Map.of("page", page, "english", english,
                "path", request.getRequestURI()));
        Kept kept = new Kept(templates.process("public-plan", context).getBytes(StandardCharsets.UTF_8), now);
        pages.put(key, kept);
        return kept;
    }

    /** The published figures as open data ({@code figures.csv}: UTF-8 with BOM; {@code figures.json} with its dictionary). */
    @GetMapping({"/public/plans/{planId}/figures.csv", "/public/plans/{planId}/figures.json"})
    ResponseEntity<byte[]> download(@PathVariable String planId, HttpServletRequest request) {
        boolean csv = request.getRequestURI().endsWith(".csv");
        byte[] body = open.download(planId, csv ? "figures.csv" : "figures");
        String name = planId + (csv ? "-figures.csv" : "-figures.json");
        return ResponseEntity.ok().contentType(csv ? CSV : MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(FRESH))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The chart's words in Japanese: the page's chart labels are the plan's own terms. */
    private String text(String key) {
        return messages.getMessage(key, null, java.util.Locale.JAPANESE);
    }
}
