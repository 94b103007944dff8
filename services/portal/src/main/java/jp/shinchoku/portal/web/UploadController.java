package jp.shinchoku.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.PlanClient;
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

/**
 * A department's values as a file: a template of its KPIs (ids and names filled in) as CSV or Excel to download, and
 * the upload of either, answered row by row with what was accepted and what was refused and why.
 */
@Controller
class UploadController {

    private final PlanClient planClient;
    private final MeasurementClient measurement;
    private final ReportsController reports;

    UploadController(PlanClient planClient, MeasurementClient measurement, ReportsController reports) {
        this.planClient = planClient;
        this.measurement = measurement;
        this.reports = reports;
    }

    @GetMapping("/reports/upload")
    String form(@RequestParam(required = false) String plan, Model model) {
        model.addAttribute("plans", Plans.of(planClient, plan));
        return "upload";
    }

    /** The template: one row per KPI of the department, in UTF-8 with a BOM so that Excel opens it as it is. */
    @GetMapping(value = "/reports/template.csv")
    ResponseEntity<byte[]> template(@RequestParam String plan, @AuthenticationPrincipal OidcUser user) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<List<String>> rows = templateRows(plan, Me.of(user));
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(quoted(row.get(i)));
            }
            csv.append("\r\n");
        }
        return attachment(csv.toString().getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", StandardCharsets.UTF_8),
                "shinchoku-template.csv");
    }

    /** The same template as an Excel workbook. */
    @GetMapping(value = "/reports/template.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam String plan, @AuthenticationPrincipal OidcUser user) throws IOException {
        return attachment(Spreadsheets.template(templateRows(plan, Me.of(user))), MediaType.parseMediaType(Spreadsheets.XLSX),
                "shinchoku-template.xlsx");
    }

    private List<List<String>> templateRows(String plan, Me me) {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("評価指標ID", "評価指標", "実績値", "測定日", "報告期間", "コメント"));
        if (me.department() != null) {
            for (ReportsController.Row row : reports.rows(plan, me.department())) {
                rows.add(List.of(row.kpiId(), row.name(), "", row.defaultDate() == null ? "" : row.defaultDate(),
                        row.period() == null ? "" : row.period(), ""));
            }
        }
        return rows;
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }

    @PostMapping("/reports/upload")
    String upload(@RequestParam(required = false) String plan, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("plans", Plans.of(planClient, plan));
        if (file.isEmpty()) {
            model.addAttribute("problemKey", "upload.empty");
            return "upload";
        }
        try {
            byte[] csv = Spreadsheets.isWorkbook(file.getOriginalFilename(), file.getContentType())
                    ? Spreadsheets.toCsv(file.getBytes()) : file.getBytes();
            MeasurementClient.Upload result = measurement.upload(csv);
            model.addAttribute("result", result);
            model.addAttribute("rows", result.rows());
        } catch (ApiProblemException refused) {
            model.addAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
            model.addAttribute("rows", List.of());
        } catch (org.apache.poi.UnsupportedFileFormatException
                | IOException unreadable) {
            model.addAttribute("problemKey", "upload.not-a-workbook");
            model.addAttribute("rows", List.of());
        }
        return "upload";
    }

    /** A cell as RFC 4180 writes it: quoted where it holds a comma, a quote or a line break. */
    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
