package jp.shinchoku.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import jp.shinchoku.testsupport.SharedInfrastructure;

/**
 * What the tests that sign in run on: the launcher's authorization server (the demo users), the whole system on a
 * day of the test's choosing (its own databases on the shared broker and store) and the portal.
 */
final class SignedInSystem implements AutoCloseable {

    final Path folder;
    final LocalTokens tokens;
    final LocalAuthorizationServer auth;
    final LocalSystem system;
    final LocalPortal portal;

    private SignedInSystem(Path folder, LocalTokens tokens, LocalAuthorizationServer auth, LocalSystem system,
            LocalPortal portal) {
        this.folder = folder;
        this.tokens = tokens;
        this.auth = auth;
        this.system = system;
        this.portal = portal;
    }

    /** @param name the databases' prefix, made unique */
    static SignedInSystem start(String name, LocalDate day) throws IOException {
        Path folder = Files.createTempDirectory("shinchoku-" + name + "-test");
        LocalTokens keys = LocalTokens.in(folder);
        LocalAuthorizationServer auth = LocalAuthorizationServer.start(keys, 0);
        LocalTokens tokens = keys.issuedBy(auth.issuer());
        LocalSystem system = null;
        try {
            system = LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                    SharedInfrastructure.get().mongoUri(), name + "-" + UUID.randomUUID().toString().substring(0, 8)
                            + "-", null, day).with(LocalSystem.PUBLIC_KEY_PROPERTY, tokens.publicKeyLocation()));
            return new SignedInSystem(folder, tokens, auth, system, LocalPortal.start(system, auth.issuer(), 0));
        } catch (RuntimeException failed) {
            if (system != null) {
                system.close();
            }
            auth.close();
            throw failed;
        }
    }

    /** A demo user's token ({@code hq}, {@code shimin}, …). */
    String token(String demoUser) {
        return tokens.issue(LocalTokens.DEMO.get(demoUser));
    }

    @Override
    public void close() {
        portal.close();
        system.close();
        auth.close();
    }
}
