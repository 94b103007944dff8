package jp.shinchoku.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed JWTs for tests, as an authorization server issues them: RS256 with a key pair made once per JVM, whose public
 * key the services verify against ({@link #PUBLIC_KEY_PROPERTY}). Nothing is mocked: a service checks these exactly
 * as it checks production tokens (signature, expiry, claims).
 */
public final class TestTokens {

    public static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    private static final KeyPair KEYS = keys();
    private static final String LOCATION = writePublicKey();

    private TestTokens() {
    }

    /** Where the public key is, for {@link #PUBLIC_KEY_PROPERTY}. */
    public static String publicKeyLocation() {
        return LOCATION;
    }

    /** A 担当部署's person. */
    public static String department(String municipality, String department) {
        return token("dept-" + department + "@" + municipality, List.of("DEPARTMENT"), municipality, department, List.of());
    }

    /** The 推進本部 of a municipality. */
    public static String hq(String municipality) {
        return token("hq@" + municipality, List.of("HQ"), municipality, null, List.of());
    }

    /** A prefecture granted these municipalities. */
    public static String prefecture(String... municipalities) {
        return token("pref", List.of("PREFECTURE"), null, null, List.of(municipalities));
    }

    /** A department's system (client credentials). */
    public static String system(String municipality, String department) {
        return token("system-" + department + "@" + municipality, List.of("SYSTEM"), municipality, department, List.of());
    }

    public static String admin() {
        return token("admin", List.of("ADMIN"), null, null, List.of());
    }

    public static String ops() {
        return token("ops", List.of("OPS"), null, null, List.of());
    }

    /** A token with these claims, valid for an hour. */
    public static String token(String subject, List<String> roles, String municipality, String department,
            List<String> municipalities) {
        return sign(subject, roles, municipality, department, municipalities, Instant.now().plusSeconds(3600));
    }

    /** A token that expired a minute ago. */
    public static String expired(String subject, List<String> roles, String municipality) {
        return sign(subject, roles, municipality, null, List.of(), Instant.now().minusSeconds(60));
    }

    private static String sign(String subject, List<String> roles, String municipality, String department,
            List<String> municipalities, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer("shinchoku-tests")
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date()).expirationTime(Date.from(expires))
                .claim("roles", roles);
        if (municipality != null) {
            claims.claim("municipality", municipality);
        }
        if (department != null) {
            claims.claim("department", department);
        }
        if (!municipalities.isEmpty()) {
            claims.claim("municipalities", municipalities);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String writePublicKey() {
        try {
            Path file = Files.createTempFile("shinchoku-test-key", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
