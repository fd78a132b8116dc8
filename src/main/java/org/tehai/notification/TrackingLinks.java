package org.tehai.notification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

/**
 * The customer's tracking links. A token is signed, not stored: the visit's and the ticket's ids, a random nonce and
 * an HMAC-SHA256 over them (cut to 128 bits) with {@link TrackingSettings#key()}, in URL-safe Base64. Changing one
 * bit of the ids breaks the signature, so a token opens the one visit of the one customer it was made for; it needs
 * no table, and it expires with the visit (see {@link TrackingSettings#expiresAfter()}), not with a stored date.
 */
@ApplicationScoped
public class TrackingLinks {

    private static final Logger LOG = Logger.getLogger(TrackingLinks.class);
    private static final byte[] PURPOSE = "tehai tracking link v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 6;
    private static final int SIGNATURE = 16;
    private static final int SIGNED = 8 + 8 + NONCE;
    /** The length of every token: 38 bytes in unpadded Base64. */
    public static final int LENGTH = 51;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

    /** What a valid token opens: one visit, seen as the customer of one ticket. */
    public record Opened(long visitId, long ticketId) {
    }

    @Inject
    TrackingSettings settings;

    @Inject
    PublicAddress address;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    @PostConstruct
    void readKey() {
        byte[] secret;
        Optional<String> configured = settings.key().map(String::strip).filter(k -> !k.isEmpty());
        if (configured.isPresent()) {
            secret = configured.get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                LOG.warn("tehai.tracking.key is shorter than 32 characters; use a longer secret.");
            }
        } else {
            secret = new byte[32];
            random.nextBytes(secret);
            LOG.info("tehai.tracking.key is not set: tracking links signed now stop opening at the next start.");
        }
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new link to the visit for the ticket's customer, under the public address. */
    public String linkFor(long visitId, long ticketId) {
        return address.base() + "/t/" + tokenFor(visitId, ticketId);
    }

    public String tokenFor(long visitId, long ticketId) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        ByteBuffer signed = ByteBuffer.allocate(SIGNED).putLong(visitId).putLong(ticketId).put(nonce);
        ByteBuffer token = ByteBuffer.allocate(SIGNED + SIGNATURE).put(signed.array()).put(sign(signed.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** What the token opens, or nothing for anything not signed here: any string is safe to pass. */
    public Optional<Opened> open(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != SIGNED + SIGNATURE) {
            return Optional.empty();
        }
        byte[] signed = Arrays.copyOf(bytes, SIGNED);
        byte[] signature = Arrays.copyOfRange(bytes, SIGNED, bytes.length);
        if (!MessageDigest.isEqual(sign(signed), signature)) {
            return Optional.empty();
        }
        ByteBuffer ids = ByteBuffer.wrap(signed);
        return Optional.of(new Opened(ids.getLong(), ids.getLong()));
    }

    private byte[] sign(byte[] signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(PURPOSE);
            return Arrays.copyOf(mac.doFinal(signed), SIGNATURE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available.", e);
        }
    }
}
