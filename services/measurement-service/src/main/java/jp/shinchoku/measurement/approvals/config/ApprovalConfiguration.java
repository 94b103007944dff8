package jp.shinchoku.measurement.approvals.config;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import jp.shinchoku.measurement.approvals.ApprovalSettings;
import jp.shinchoku.measurement.approvals.Approvals;
import jp.shinchoku.measurement.approvals.ReviewRepository;
import jp.shinchoku.measurement.measurements.ApprovalPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Approval of reports: whether a municipality's 推進本部 approves is its own choice ({@code PUT
 * /api/municipalities/{municipality}/approval}); until it has chosen, {@code shinchoku.measurement.approval.required}
 * (false: reports are taken as they come).
 */
@Configuration(proxyBeanMethods = false)
class ApprovalConfiguration {

    @Bean
    Approvals approvals(ReviewRepository reviews, ApprovalSettings settings, Clock clock,
            @Value("${shinchoku.measurement.approval.required:false}") boolean requiredUnlessChosen) {
        return new Approvals(reviews, settings, requiredUnlessChosen, clock);
    }

    /** The intake's view: one read of the batch's municipalities' choices. */
    @Bean
    ApprovalPolicy approvalPolicy(ApprovalSettings settings,
            @Value("${shinchoku.measurement.approval.required:false}") boolean requiredUnlessChosen) {
        return municipalities -> {
            if (!requiredUnlessChosen) {
                return settings.chosen(municipalities, true);
            }
            Set<String> requiring = new HashSet<>(municipalities);
            requiring.removeAll(settings.chosen(municipalities, false));
            return requiring;
        };
    }
}
