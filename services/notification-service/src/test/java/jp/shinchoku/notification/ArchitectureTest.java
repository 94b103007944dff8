package jp.shinchoku.notification;

import jp.shinchoku.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheServiceArchitecture() {
        ArchitectureRules.check("jp.shinchoku.notification");
    }
}
