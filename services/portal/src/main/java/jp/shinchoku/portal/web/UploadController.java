package jp.shinchoku.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * A department's values as a file: a CSV template of its KPIs (ids and names filled in) to download, and the upload,
 * answered row by row with what was accepted and what was refused and why.
 */
@Controller
class UploadController {

    private final Api api;
    private final ReportsController reports;

    UploadController(Api api, ReportsController reports) {
        this.api = api;
        this.reports = reports;
    }

    @GetMapping("/reports/upload")
    String form(@RequestParam(required = false) String plan, Model model) {
        model.addAttribute("plans", Plans.of(api, plan));
        return "upload";
    }

    /** The template: one row per KPI of the department, in UTF-8 with a BOM so that Excel opens it as it is. */
    @GetMapping(value = "/reports/template.csv")
    ResponseEntity<byte[]> template(@RequestParam String plan, @AuthenticationPrincipal OidcUser user) {
        Me me = Me.of(user);
        StringBuilder csv = new StringBuilder("\uFEFF評価指標ID,評価指標,実績値,測定日,報告期間,コメント\r\n");
        if (me.department() != null) {
            for (ReportsController.Row row : reports.rows(plan, me.department())) {
                csv.append(row.kpiId()).append(',').append(quoted(row.name())).append(",,")
                        .append(row.defaultDate() == null ? "" : row.defaultDate()).append(',')
                        .append(row.period() == null ? "" : row.period()).append(",\r\n");
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"shinchoku-template.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/reports/upload")
    String upload(@RequestParam(required = false) String plan, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("plans", Plans.of(api, plan));
        if (file.isEmpty()) {
            model.addAttribute("problemKey", "upload.empty");
            return "upload";
        }
        try {
            JsonNode result = api.postBytes(Api.Service.MEASUREMENT, file.getBytes(), MediaType.parseMediaType("text/csv"),
                    "/api/measurements/csv");
            model.addAttribute("result", result);
            model.addAttribute("rows", result.path("rows").valueStream().toList());
        } catch (ApiProblemException refused) {
            model.addAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
            model.addAttribute("rows", List.of());
        }
        return "upload";
    }

    private static String quoted(String text) {
        return "\"" + (text == null ? "" : text.replace("\"", "\"\"")) + "\"";
    }
}
