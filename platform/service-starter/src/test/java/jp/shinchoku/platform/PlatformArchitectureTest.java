package jp.shinchoku.platform;

import jp.shinchoku.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class PlatformArchitectureTest {

    @Test
    void nothingInThePlatformDependsOnAService() {
        ArchitectureRules.checkPlatform();
    }
}
