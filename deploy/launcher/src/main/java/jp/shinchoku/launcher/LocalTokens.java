package jp.shinchoku.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local stack's token issuer: an RS256 key kept in the data folder, whose public key the services verify tokens
 * against ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and signed tokens for the demo
 * plan's people written to {@code tokens/<who>.jwt} at each start (valid 30 days). The launcher's authorization server
 * ({@link LocalAuthorizationServer}) signs with the same key, so a token from either verifies alike. Production points
 * the services at the municipality's OIDC provider instead ({@code OIDC_ISSUER_URI}).
 */
public final class LocalTokens {

    static final String ISSUER = "shinchoku-local";
    static final String DEMO_MUNICIPALITY = "瀬戸内町";
    private static final Duration VALIDITY = Duration.ofDays(30);

    /** A demo identity: who it is (its subject, a user name or a client id), its roles and where it belongs. */
    public record Identity(String subject, String name, List<String> roles, String municipality, String department,
            List<String> municipalities) {
    }

    /** The demo plan's 推進本部, each of its departments (a person, and 企画課's system), a prefecture, ops, admin. */
    static final Map<String, Identity> DEMO = demo();

    private final Path folder;
    private final KeyPair keys;
    private final String issuer;

    private LocalTokens(Path folder, KeyPair keys, String issuer) {
        this.folder = folder;
        this.keys = keys;
        this.issuer = issuer;
    }

    /** The issuer's key in {@code folder} (made on first start), its public key written beside it. */
    public static LocalTokens in(Path folder) {
        try {
            Files.createDirectories(folder);
            Path privateKey = folder.resolve("signing-key.pk8");
            KeyPair keys;
            if (Files.exists(privateKey)) {
                RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateKey)));
                var crt = (java.security.interfaces.RSAPrivateCrtKey) key;
                keys = new KeyPair(KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), key);
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                Files.write(privateKey, keys.getPrivate().getEncoded());
            }
            Files.writeString(folder.resolve("public-key.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return new LocalTokens(folder, keys, ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same key, its tokens naming this issuer: the authorization server's address while it runs, so that a
     * pre-signed token and a signed-in one say the same.
     */
    public LocalTokens issuedBy(String issuer) {
        return new LocalTokens(folder, keys, issuer);
    }

    public String issuer() {
        return issuer;
    }

    /** What the services are given to verify tokens. */
    public String publicKeyLocation() {
        return folder.resolve("public-key.pem").toUri().toString();
    }

    /** Writes a fresh token for each demo identity to {@code tokens/<who>.jwt}; returns the folder. */
    Path writeDemoTokens() {
        Path tokens = folder.resolve("tokens");
        try {
            Files.createDirectories(tokens);
            for (Map.Entry<String, Identity> demo : DEMO.entrySet()) {
                Files.writeString(tokens.resolve(demo.getKey() + ".jwt"), issue(demo.getValue()));
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issue(Identity identity) {
        return sign(identity);
    }

    /** The administrator's token (the launcher's own calls, the benchmark). */
    public String admin() {
        return issue(DEMO.get("admin"));
    }

    private String sign(Identity identity) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(identity.subject())
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(VALIDITY)))
                .claim("name", identity.name())
                .claim("roles", identity.roles());
        if (identity.municipality() != null) {
            claims.claim("municipality", identity.municipality());
        }
        if (identity.department() != null) {
            claims.claim("department", identity.department());
        }
        if (!identity.municipalities().isEmpty()) {
            claims.claim("municipalities", identity.municipalities());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** The key's id ({@code kid}): its RFC 7638 thumbprint, the same across restarts as long as the key is kept. */
    public String keyId() {
        try {
            return new RSAKey.Builder(publicKey()).keyIDFromThumbprint().build().getKeyID();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair as a JWK (private part included), for the authorization server to sign with. */
    RSAKey jwk() {
        return new RSAKey.Builder(publicKey()).privateKey(keys.getPrivate()).keyID(keyId()).build();
    }

    private static Map<String, Identity> demo() {
        Map<String, Identity> demo = new LinkedHashMap<>();
        demo.put("hq", new Identity("setouchi-hq", DEMO_MUNICIPALITY + " 推進本部", List.of("HQ"), DEMO_MUNICIPALITY, null,
                List.of()));
        // the demo plan's departments (services/plan-service/src/main/resources/demo-plans/setouchi.yaml)
        for (Map.Entry<String, String> department : List.of(Map.entry("fukushi", "福祉課"), Map.entry("kikaku", "企画課"),
                Map.entry("kyoiku", "教育委員会"), Map.entry("shimin", "市民課"), Map.entry("shobo", "消防本部"),
                Map.entry("somu", "総務課"), Map.entry("zeimu", "税務課"))) {
            demo.put(department.getKey(), new Identity("setouchi-" + department.getKey(),
                    DEMO_MUNICIPALITY + " " + department.getValue(), List.of("DEPARTMENT"), DEMO_MUNICIPALITY,
                    department.getKey(), List.of()));
        }
        demo.put("kikaku-system", new Identity("setouchi-kikaku-system", DEMO_MUNICIPALITY + " 企画課のシステム",
                List.of("SYSTEM"), DEMO_MUNICIPALITY, "kikaku", List.of()));
        demo.put("prefecture", new Identity("kagoshima-pref", "鹿児島県 市町村課", List.of("PREFECTURE"), null, null,
                List.of(DEMO_MUNICIPALITY)));
        demo.put("ops", new Identity("ops", "Shinchoku 運用", List.of("OPS"), null, null, List.of()));
        demo.put("admin", new Identity("admin", "Shinchoku 管理者", List.of("ADMIN"), null, null, List.of()));
        return demo;
    }
}
