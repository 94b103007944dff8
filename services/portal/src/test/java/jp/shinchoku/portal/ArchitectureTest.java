package jp.shinchoku.portal;

import jp.shinchoku.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsThePortalArchitecture() {
        ArchitectureRules.checkPortal();
    }
}
