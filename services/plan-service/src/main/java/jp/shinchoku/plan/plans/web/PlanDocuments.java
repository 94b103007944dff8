package jp.shinchoku.plan.plans.web;

import jp.shinchoku.plan.plans.PlanDraft;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads plan-definition documents written in YAML. */
final class PlanDocuments {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PlanDocuments() {
    }

    static PlanDraft readYaml(byte[] document) {
        try {
            return YAML.readValue(document, PlanDraft.class);
        } catch (JacksonException e) {
            throw new UnreadableDocumentException(e.getOriginalMessage() + locationOf(e), e);
        }
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    static final class UnreadableDocumentException extends RuntimeException {
        UnreadableDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
