package org.tehai.support;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** JWT bearer tokens as the identity provider would issue them, signed with the demo key of the test profile. */
public final class Tokens {

    public static final String ISSUER = "https://tehai.local/demo";
    private static final String PRIVATE_KEY = "demo-jwt/private-key.pem";

    private Tokens() {
    }

    public static String forUser(String upn, String... groups) {
        return Jwt.issuer(ISSUER).upn(upn).groups(Set.of(groups)).sign(PRIVATE_KEY);
    }

    public static String expired(String upn, String... groups) {
        Instant issued = Instant.now().minusSeconds(7200);
        return Jwt.issuer(ISSUER).upn(upn).groups(Set.of(groups)).issuedAt(issued)
                .expiresAt(issued.plusSeconds(3600)).sign(PRIVATE_KEY);
    }

    public static String fromOtherIssuer(String upn, String... groups) {
        return Jwt.issuer("https://attacker.example").upn(upn).groups(Set.of(groups)).sign(PRIVATE_KEY);
    }

    /** Right issuer and claims, but signed with a key the application does not trust. */
    public static String signedWithUnknownKey(String upn, String... groups) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).upn(upn).groups(Set.of(groups)).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
