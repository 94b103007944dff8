package jp.shinchoku.launcher;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * The auto-configurations on the launcher's shared class path, by package: what one application of it (a service,
 * the portal) must keep out because it belongs to another.
 */
final class AutoConfigurations {

    private AutoConfigurations() {
    }

    static List<String> under(List<String> packages) {
        List<String> found = new ArrayList<>();
        for (String candidate : ImportCandidates.load(AutoConfiguration.class, AutoConfigurations.class.getClassLoader())) {
            if (packages.stream().anyMatch(candidate::startsWith)) {
                found.add(candidate);
            }
        }
        return found;
    }
}
