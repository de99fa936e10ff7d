package org.samed2d.explorer.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.samed2d.explorer.search.engine.SortValues;

/**
 * Keyset cursors: the sort values of the last item of a page, bound to the query they came from and signed, so a
 * cursor cannot be forged or reused with another filter or order. Being values, not offsets, they stay valid while
 * the index changes and cost nothing however deep the page.
 */
final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;

    private final SecretKeySpec key;

    Cursors(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String encode(String order, MaskFilter filter, SortValues values) {
        StringBuilder payload = new StringBuilder(order).append('\n').append(digest(filter));
        for (Object value : values.values()) {
            payload.append('\n');
            switch (value) {
                case Long number -> payload.append('L').append(number);
                case String text -> payload.append('B').append(ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)));
                default -> throw new IllegalArgumentException("cannot put a " + value.getClass() + " in a cursor");
            }
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The sort values a cursor holds; refuses cursors this server did not issue for this filter and order. */
    SortValues decode(String cursor, String order, MaskFilter filter) {
        int dot = cursor.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw forged();
        }
        if (dot < 0 || !MessageDigest.isEqual(sign(payload), signature)) {
            throw forged();
        }
        String[] lines = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 3 || !lines[0].equals(order) || !lines[1].equals(digest(filter))) {
            throw new InvalidQueryException("cursor", "belongs to another filter or sort order; "
                    + "repeat the request that gave it, or start again without a cursor");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            values.add(line.charAt(0) == 'L' ? (Object) Long.parseLong(line.substring(1))
                    : new String(DECODER.decode(line.substring(1)), StandardCharsets.UTF_8));
        }
        return new SortValues(values);
    }

    private static InvalidQueryException forged() {
        return new InvalidQueryException("cursor", "not a cursor this server issued; use the 'next' value of a page");
    }

    private static String digest(MaskFilter filter) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(filter.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return java.util.Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
